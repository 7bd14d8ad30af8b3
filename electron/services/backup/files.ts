// File-level pieces of backup and restore: names, durable writes, candidate checks.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import { BACKUP_REASONS, type BackupReason } from '../../../shared/contract/backup';
import { LATEST_VERSION } from '../../../db/migrations';

export const BACKUP_DIR_NAME = 'backups';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** smallest possible SQLite file: one 512-byte page */
const MIN_DB_BYTES = 512;

const NAME_RE = new RegExp(`^(.+?)-(\\d{8})-(\\d{6})-(${BACKUP_REASONS.join('|')})(?:-(\\d+))?\\.sqlite$`);

/**
 * Backups are named for the database they copy — tdkt.sqlite's "tdkt-…", office.sqlite's
 * "office-…" — so two databases kept in one folder never list, restore or prune each other's.
 */
export function backupStem(dbPath: string): string {
  return path.basename(dbPath).replace(/\.(sqlite3?|db)$/i, '') || 'tdkt';
}

/**
 * The names a database's backups may carry: its own, and "tdkt" — every backup's name before
 * 24/11/2026, whatever the file was called — unless a tdkt.sqlite beside it claims those.
 */
export function ownBackupStems(dbPath: string, exists: (file: string) => boolean = fs.existsSync): ReadonlySet<string> {
  const stem = backupStem(dbPath);
  if (stem === 'tdkt' || exists(path.join(path.dirname(path.resolve(dbPath)), 'tdkt.sqlite'))) return new Set([stem]);
  return new Set([stem, 'tdkt']);
}

export function backupDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), BACKUP_DIR_NAME);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** <stem>-YYYYMMDD-HHmmss-<reason>.sqlite in local time (what the user sees in a file manager). */
export function backupFileName(at: Date, reason: BackupReason, seq = 1, stem = 'tdkt'): string {
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${stem}-${stamp}-${reason}${seq > 1 ? `-${seq}` : ''}.sqlite`;
}

export interface ParsedBackupName {
  /** the name of the database it copies, without its extension */
  stem: string;
  createdAt: Date;
  reason: BackupReason;
  seq: number;
}

/** A backup's name read back; with `stems` (ownBackupStems), null unless it is a backup of that database. */
export function parseBackupFileName(name: string, stems?: ReadonlySet<string>): ParsedBackupName | null {
  const m = NAME_RE.exec(name);
  if (!m || name.startsWith('.') || (stems !== undefined && !stems.has(m[1]!))) return null;
  const [d, t] = [m[2]!, m[3]!];
  const createdAt = new Date(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +t.slice(0, 2), +t.slice(2, 4), +t.slice(4, 6));
  if (Number.isNaN(createdAt.getTime())) return null;
  return { stem: m[1]!, createdAt, reason: m[4] as BackupReason, seq: m[5] ? Number(m[5]) : 1 };
}

/** A name in `dir` that does not exist yet (a second backup in the same second gets -2 …). */
export function freeBackupName(dir: string, at: Date, reason: BackupReason, stem = 'tdkt'): string {
  for (let seq = 1; ; seq++) {
    const name = backupFileName(at, reason, seq, stem);
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

/** Temp names start with a dot and end in .partial: never mistaken for a whole backup. */
export function partialName(finalName: string): string {
  return `.${finalName}.${crypto.randomBytes(6).toString('hex')}.partial`;
}

export function isOurPartial(name: string): boolean {
  if (!name.startsWith('.') || !name.endsWith('.partial')) return false;
  if (name.startsWith('.tdkt-')) return true;
  const end = name.indexOf('.sqlite.');
  return end > 0 && parseBackupFileName(name.slice(1, end + '.sqlite'.length)) !== null;
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Make a rename durable. Windows and some USB file systems (FAT) cannot fsync a folder. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* best effort: the file itself is already fsynced */
  }
}

/** Remove a live database's side files (a stale WAL must never be replayed onto another file). */
export function removeSidecars(dbPath: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(dbPath + suffix, { force: true });
}

export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
    removeSidecars(file);
  } catch {
    /* a pulled USB stick: nothing more to do */
  }
}

export interface CandidateReport {
  schemaVersion: number;
}

export type OpenFile = (file: string, opts?: { readonly?: boolean }) => BetterSqlite3.Database;

function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_HEADER.length);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return n === buf.length && buf.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/** What a backup check reads from a file (probeBackupFile). */
export interface BackupProbe {
  pragma: 'quick_check' | 'integrity_check';
  /** the check's rows: ['ok'] when sound */
  messages: string[];
  hasLog: boolean;
  version: number;
}

/**
 * Read what a check needs from a SQLite file: with `selfContained` it is first switched out
 * of WAL mode (a private copy only, so it needs no -wal/-shm files); then quick_check or
 * integrity_check, the migration_log table and the schema version. Throws what SQLite throws.
 * Self-contained — no outside names, only its arguments — because it is also the source of the
 * check thread (check-thread.ts).
 */
export function probeBackupFile(
  open: (file: string, readonly: boolean) => { pragma(source: string, o?: { simple?: boolean }): unknown; prepare(sql: string): { get(): unknown }; close(): void },
  file: string,
  o: { selfContained: boolean; quick: boolean },
): BackupProbe {
  if (o.selfContained) {
    const rw = open(file, false);
    try {
      rw.pragma('journal_mode = DELETE');
    } finally {
      rw.close();
    }
  }
  const db = open(file, true);
  try {
    const pragma = o.quick ? 'quick_check' : 'integrity_check';
    const rows = db.pragma(pragma) as Array<Record<string, string>>;
    const messages = rows.map((r) => String(r[pragma]));
    const hasLog = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migration_log'").get();
    const version = Number(db.pragma('user_version', { simple: true }));
    return { pragma, messages, hasLog, version };
  } finally {
    db.close();
  }
}

/** The header and size of a file that should be a TĐKT backup (before SQLite opens it). */
export function checkBackupHeader(file: string, label: string): void {
  const size = fs.statSync(file).size;
  if (size < MIN_DB_BYTES || !hasSqliteHeader(file)) {
    throw new AppError('FILE_INVALID', `Tệp "${label}" không phải tệp sao lưu của TĐKT Desktop (không phải cơ sở dữ liệu SQLite). Hãy chọn tệp .sqlite do ứng dụng tạo ra.`);
  }
}

/** What the probe found, judged: throws AppError('FILE_INVALID') with a message that says what to do. */
export function judgeBackupProbe(probe: BackupProbe | { error: string }, label: string): CandidateReport {
  if ('error' in probe) throw new AppError('FILE_INVALID', `Tệp sao lưu "${label}" bị hỏng, không đọc được (${probe.error}). Hãy chọn bản sao lưu khác.`);
  const { messages, hasLog, version } = probe;
  if (!(messages.length === 1 && messages[0] === 'ok')) {
    throw new AppError('FILE_INVALID', `Tệp sao lưu "${label}" bị hỏng (kiểm tra toàn vẹn không đạt: ${messages.slice(0, 3).join('; ')}). Hãy chọn bản sao lưu khác.`);
  }
  if (!hasLog || version < 1) {
    throw new AppError('FILE_INVALID', `Tệp "${label}" là cơ sở dữ liệu SQLite nhưng không phải dữ liệu của TĐKT Desktop. Hãy chọn tệp sao lưu do ứng dụng tạo ra.`);
  }
  if (version > LATEST_VERSION) {
    throw new AppError(
      'FILE_INVALID',
      `Tệp sao lưu "${label}" được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ ${version}, phiên bản này đọc được đến ${LATEST_VERSION}). Hãy cập nhật TĐKT Desktop rồi khôi phục lại.`,
    );
  }
  return { schemaVersion: version };
}

/**
 * Check a file that should be a TĐKT backup, in this thread: SQLite header, integrity_check,
 * the migration_log table and a schema version this app can open. With `makeSelfContained`
 * (a private copy only) it is first switched out of WAL mode.
 * `quick`: quick_check instead of integrity_check (pages, b-trees and records, not the
 * indexes against their tables: 0.75 s instead of 3.4 s for a 664 MB province database) — for
 * the automatic backups the app writes itself at start, daily and at quit, whose copy is
 * SQLite's own; whatever is restored is checked in full.
 * Throws AppError('FILE_INVALID') with a message that says what to do.
 */
export function checkBackupFile(openFile: OpenFile, file: string, label: string, makeSelfContained = false, quick = false): CandidateReport {
  checkBackupHeader(file, label);
  let probe: BackupProbe | { error: string };
  try {
    probe = probeBackupFile((f, readonly) => openFile(f, { readonly }), file, { selfContained: makeSelfContained, quick });
  } catch (e) {
    probe = { error: (e as Error).message };
  }
  return judgeBackupProbe(probe, label);
}
