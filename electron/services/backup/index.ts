// Backups of the live database with SQLite's online backup API, and restore.
//
// A backup is written under a temp name in its destination folder, made self-contained
// (no WAL), fsynced, integrity-checked, and only then renamed to its final name: a USB
// stick pulled mid-copy never leaves a file that looks whole. Automatic backups live in
// <folder of the database>/backups and are pruned to a kept count; manual ones and the
// copy kept before a restore are never pruned.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import {
  AUTO_BACKUP_REASONS,
  BACKUP_DOWNLOAD_MAX_BYTES,
  BACKUP_REASON_LABELS,
  BACKUP_KEEP_DEFAULT,
  BACKUP_KEEP_MAX,
  BACKUP_KEEP_MIN,
  EXTERNAL_BACKUP_REMIND_DAYS,
  externalBackup,
  type BackupInfo,
  type BackupReason,
  type ExternalBackup,
} from '../../../shared/contract/backup';
import { schemaVersion } from '../../../db/migrations';
import { isCorruption } from '../../../db/connection';
import { getSetting, setSetting } from '../../../db/repositories/settings';
import type { CoreContext } from '../../core/context';
import { writeFileAtomic } from '../files/atomic';
import { appendErrorLog } from '../diagnostics/error-log';
import {
  backupDirFor,
  checkBackupFile,
  freeBackupName,
  fsyncDir,
  fsyncFile,
  isOurPartial,
  parseBackupFileName,
  backupStem,
  ownBackupStems,
  partialName,
  removeQuietly,
  removeSidecars,
  type CandidateReport,
  type OpenFile,
} from './files';
import { checkAndSyncOnThread } from './check-thread';

export { backupDirFor, backupFileName, backupStem, ownBackupStems, parseBackupFileName, checkBackupFile } from './files';

const KEEP_KEY = 'backup_keep';
const DAY_MS = 24 * 60 * 60 * 1000;
const DAILY_CHECK_MS = 60 * 60 * 1000;
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/** The steps that touch the disk; tests replace one to simulate a failure mid-way. */
export interface BackupSteps {
  /** consistent copy of the live database into `dest` (online backup API) */
  copy(ctx: CoreContext, dest: string): Promise<void>;
  /**
   * Make the copy self-contained, check it and fsync it (`fsync`: the step to sync with); with
   * `copyFrom`, copy the live database there first (the default does all of it on a thread).
   */
  check(
    ctx: CoreContext,
    file: string,
    label: string,
    o: { quick: boolean; fsync: (file: string) => void; syncOnThread: boolean; copyFrom: string | null },
  ): Promise<CandidateReport>;
  fsync(file: string): void;
  rename(from: string, to: string): void;
}

export const defaultSteps: BackupSteps = {
  async copy(ctx, dest) {
    await ctx.conn.sqlite.backup(dest);
  },
  // on a thread of its own: the core answers calls meanwhile (see check-thread.ts)
  check: (ctx, file, label, o) =>
    checkAndSyncOnThread(ctx.openFile, ctx.nativeBinding, file, label, { selfContained: true, ...o, copyHere: () => defaultSteps.copy(ctx, file) }),
  fsync: fsyncFile,
  rename: (from, to) => fs.renameSync(from, to),
};

export interface CreateBackupOptions {
  reason: BackupReason;
  /** destination folder; default: the automatic backups folder */
  destDir?: string;
  now?: Date;
  steps?: Partial<BackupSteps>;
}

// --- one operation at a time per database (a restore must not close it under a backup) ---

const queues = new WeakMap<object, Promise<unknown>>();

function serial<T>(ctx: CoreContext, fn: () => Promise<T>): Promise<T> {
  // keyed by the jobs registry: the one object every copy of a ctx ({ ...ctx, db: trx }) shares
  const key = ctx.jobs;
  const prev = queues.get(key) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  queues.set(key, next.catch(() => undefined));
  return next;
}

// --- integrity results of listed files, so listing does not re-check unchanged files ---
// An integrity check of a province-sized backup (650 MB) takes seconds. Each file is checked
// once — when it is written, or the first time it is listed — and the result is kept, by size
// and modification time, in memory and in the folder's CHECKS_FILE (written atomically), so a
// new session's listing does not check ten backups again. The file is a hint for the list
// only: a restore always checks its source itself.

const CHECKS_FILE = '.tdkt-backup-checks.json';

interface CheckResult {
  size: number;
  mtimeMs: number;
  ok: boolean;
  schemaVersion: number | null;
}

const checked = new Map<string, CheckResult>();
const loadedDirs = new Set<string>();

function isCheckResult(v: unknown): v is CheckResult {
  const c = v as CheckResult;
  return !!c && typeof c.size === 'number' && typeof c.mtimeMs === 'number' && typeof c.ok === 'boolean' && (c.schemaVersion === null || Number.isInteger(c.schemaVersion));
}

function loadChecks(dir: string): void {
  if (loadedDirs.has(dir)) return;
  loadedDirs.add(dir);
  try {
    const saved = JSON.parse(fs.readFileSync(path.join(dir, CHECKS_FILE), 'utf8')) as Record<string, unknown>;
    for (const [name, c] of Object.entries(saved)) {
      const file = path.join(dir, name);
      if (path.dirname(file) === dir && isCheckResult(c) && !checked.has(file)) checked.set(file, c);
    }
  } catch {
    /* none yet, or unreadable: the files are checked again */
  }
}

/**
 * What listing and checking backups needs: how to open a SQLite file, and the live database's
 * path (its automatic folder). A core's context gives both; so does a host in recovery, whose
 * database could not be opened.
 */
export interface BackupPlace {
  openFile: OpenFile;
  dbPath: string;
  /** the native build for the check thread (Electron's); null or absent: the default */
  nativeBinding?: string | null;
}

const placeOf = (ctx: CoreContext): BackupPlace => ({ openFile: ctx.openFile, dbPath: ctx.conn.path, nativeBinding: ctx.nativeBinding });

/** Kept on disk for the automatic folder only (never a file of ours on a user's USB stick). */
function saveChecks(place: BackupPlace, dir: string): void {
  if (path.resolve(dir) !== path.resolve(backupDirFor(place.dbPath))) return;
  const out: Record<string, CheckResult> = {};
  for (const [file, c] of checked) if (path.dirname(file) === dir && fs.existsSync(file)) out[path.basename(file)] = c;
  try {
    writeFileAtomic(path.join(dir, CHECKS_FILE), Buffer.from(JSON.stringify(out)));
  } catch {
    /* a read-only folder: the results stay in memory */
  }
}

/** Forget the results kept in memory (tests: a new session reads them from CHECKS_FILE). */
export function forgetBackupChecks(): void {
  checked.clear();
  loadedDirs.clear();
}

function rememberCheck(place: BackupPlace, file: string, ok: boolean, version: number | null) {
  try {
    const st = fs.statSync(file);
    loadChecks(path.dirname(file));
    checked.set(file, { size: st.size, mtimeMs: st.mtimeMs, ok, schemaVersion: version });
    saveChecks(place, path.dirname(file));
  } catch {
    /* gone already */
  }
}

/** Whether the kept result still describes the file (same size and time). */
function checkedAsIs(file: string): boolean {
  try {
    const st = fs.statSync(file);
    const c = checked.get(file);
    return !st.isFile() || (!!c && c.size === st.size && c.mtimeMs === st.mtimeMs);
  } catch {
    return true;
  }
}

function infoFor(place: BackupPlace, file: string, anyDatabase = false): BackupInfo | null {
  const parsed = parseBackupFileName(path.basename(file), anyDatabase ? undefined : ownBackupStems(place.dbPath));
  if (!parsed) return null;
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return null;
  }
  if (!st.isFile()) return null;
  loadChecks(path.dirname(file));
  let c = checked.get(file);
  if (!c || c.size !== st.size || c.mtimeMs !== st.mtimeMs) {
    try {
      const r = checkBackupFile(place.openFile, file, path.basename(file));
      c = { size: st.size, mtimeMs: st.mtimeMs, ok: true, schemaVersion: r.schemaVersion };
    } catch {
      c = { size: st.size, mtimeMs: st.mtimeMs, ok: false, schemaVersion: null };
    }
    checked.set(file, c);
    saveChecks(place, path.dirname(file));
  }
  return {
    fileName: path.basename(file),
    path: file,
    createdAt: parsed.createdAt.toISOString(),
    reason: parsed.reason,
    size: st.size,
    integrityOk: c.ok,
    schemaVersion: c.schemaVersion,
  };
}

// --- settings ---

export async function getKeepCount(ctx: CoreContext): Promise<number> {
  const v = Number(await getSetting(ctx.db, KEEP_KEY));
  return Number.isInteger(v) && v >= BACKUP_KEEP_MIN && v <= BACKUP_KEEP_MAX ? v : BACKUP_KEEP_DEFAULT;
}

export async function setKeepCount(ctx: CoreContext, keep: number): Promise<void> {
  await setSetting(ctx.db, KEEP_KEY, String(keep));
  await serial(ctx, async () => pruneUnlocked(ctx, keep));
}

export function autoBackupDir(ctx: CoreContext): string {
  return backupDirFor(ctx.conn.path);
}

// --- create ---

function describeWriteError(e: unknown, dir: string): AppError {
  if (e instanceof AppError) return e;
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'ENOSPC'
      ? 'ổ đĩa đã đầy'
      : err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS'
        ? 'không có quyền ghi vào thư mục này'
        : err.code === 'ENOENT' || err.code === 'EIO' || err.code === 'ENODEV'
          ? 'thư mục hoặc thiết bị (USB) không còn truy cập được'
          : (err.message ?? String(e));
  return new AppError('DB_ERROR', `Chưa sao lưu được vào "${dir}": ${why}. Không có tệp sao lưu dở dang nào được giữ lại. Hãy kiểm tra ổ đĩa hoặc chọn thư mục khác rồi thử lại.`);
}

/** A backup's copy failed its integrity check: the live database it was copied from is damaged. */
class DamagedCopyError extends AppError {
  constructor(message: string) {
    super('DB_ERROR', message);
  }
}

async function createUnlocked(ctx: CoreContext, opts: CreateBackupOptions): Promise<BackupInfo> {
  const steps = { ...defaultSteps, ...opts.steps };
  const now = opts.now ?? new Date();
  const dir = path.resolve(opts.destDir || autoBackupDir(ctx));
  let tmp: string | null = null;
  try {
    fs.mkdirSync(dir, { recursive: true });
    if (!fs.statSync(dir).isDirectory()) throw new AppError('INVALID_INPUT', `"${dir}" không phải là thư mục. Hãy chọn một thư mục để lưu bản sao lưu.`);
    const finalName = freeBackupName(dir, now, opts.reason, backupStem(ctx.conn.path));
    const finalPath = path.join(dir, finalName);
    tmp = path.join(dir, partialName(finalName));
    // the automatic ones get the quick check (they run at every start, daily and at quit)
    const quick = (AUTO_BACKUP_REASONS as readonly string[]).includes(opts.reason);
    let report: CandidateReport;
    if (opts.reason === 'before-restore') {
      // the core's own copy (writes of this connection meanwhile are copied too), then nothing
      // yields: the restore that follows swaps the database before any other call can write
      await steps.copy(ctx, tmp);
      report = checkBackupFile(ctx.openFile, tmp, finalName, true, quick);
      steps.fsync(tmp);
    } else {
      // copied on the check's thread (a snapshot of the file, the core writing on meanwhile)
      // unless a test replaced the copy step; a database in memory has no file to copy from
      const copyOnThread = steps.copy === defaultSteps.copy && ctx.conn.path !== ':memory:';
      if (!copyOnThread) await steps.copy(ctx, tmp);
      report = await steps.check(ctx, tmp, finalName, {
        quick,
        fsync: steps.fsync,
        syncOnThread: steps.fsync === defaultSteps.fsync,
        copyFrom: copyOnThread ? path.resolve(ctx.conn.path) : null,
      });
    }
    removeSidecars(tmp);
    steps.rename(tmp, finalPath);
    tmp = null;
    fsyncDir(dir);
    rememberCheck(placeOf(ctx), finalPath, true, report.schemaVersion);
    const info = infoFor(placeOf(ctx), finalPath);
    if (!info) throw new Error(`backup ${finalPath} vanished`);
    return info;
  } catch (e) {
    if (tmp) removeQuietly(tmp);
    // the copy failed its check, or the live file could not even be read through
    if ((e instanceof AppError && e.code === 'FILE_INVALID') || isCorruption(e)) {
      const message = `Bản sao lưu vừa tạo không qua được kiểm tra toàn vẹn nên đã bị bỏ. Dữ liệu hiện tại có thể bị hỏng: hãy chạy "Kiểm tra toàn vẹn dữ liệu" trong Cài đặt. (${(e as Error).message})`;
      // a copy on this computer's disk that fails its check points at the live file (one on a USB stick may be the stick's fault)
      if (dir === path.resolve(autoBackupDir(ctx))) ctx.damage = message;
      throw new DamagedCopyError(message);
    }
    throw describeWriteError(e, dir);
  }
}

const EXTERNAL_KEY = 'backup_last_external';

/** The newest backup written outside the automatic folder, as recorded when it was made. */
export async function lastExternalBackup(ctx: CoreContext): Promise<ExternalBackup | null> {
  try {
    const v = externalBackup.safeParse(JSON.parse((await getSetting(ctx.db, EXTERNAL_KEY)) ?? 'null'));
    return v.success ? v.data : null;
  } catch {
    return null;
  }
}

/** Whole days from an ISO time to `today` (yyyy-mm-dd, this computer's date). */
function daysSince(iso: string, today: string): number {
  const d = new Date(iso);
  const then = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  const [y, m, day] = today.split('-').map(Number) as [number, number, number];
  return Math.max(0, Math.round((Date.UTC(y, m - 1, day) - then) / DAY_MS));
}

/**
 * The last automatic backup's failure, per core, until one succeeds: kept in memory, since the
 * reason it failed (a full disk) is often one that keeps the database from being written too.
 */
const autoFailures = new WeakMap<CoreContext, { at: string; message: string }>();

/** backup.status: the reminder to copy a backup off this computer's disk; an automatic backup that failed. */
export async function backupStatus(ctx: CoreContext) {
  const lastExternal = await lastExternalBackup(ctx);
  const days = lastExternal ? daysSince(lastExternal.createdAt, ctx.today()) : null;
  return {
    lastExternal,
    daysSinceExternal: days,
    // an office with only its profile has nothing to lose yet: no reminder on the first screen after setting it up
    remind: holdsRecords(ctx) && (days === null || days > EXTERNAL_BACKUP_REMIND_DAYS),
    autoFailed: autoFailures.get(ctx) ?? null,
  };
}

/** Make a backup; automatic ones are followed by pruning the automatic folder. */
export function createBackup(ctx: CoreContext, opts: CreateBackupOptions): Promise<BackupInfo> {
  return serial(ctx, async () => {
    const info = await createUnlocked(ctx, opts);
    // a copy that left the automatic folder (a USB stick): the reminder counts from it
    if (opts.destDir && path.dirname(info.path) !== path.resolve(autoBackupDir(ctx))) {
      await setSetting(ctx.db, EXTERNAL_KEY, JSON.stringify({ path: info.path, createdAt: info.createdAt } satisfies ExternalBackup));
    }
    if ((AUTO_BACKUP_REASONS as readonly string[]).includes(opts.reason) && !opts.destDir) {
      try {
        pruneUnlocked(ctx, await getKeepCount(ctx), opts.now);
      } catch (e) {
        logBackupError(ctx, 'dọn bản sao lưu cũ', e);
      }
    }
    return info;
  });
}

/**
 * A fresh consistent backup as bytes (browser host download); nothing is left on disk. Bytes
 * travel as base64 in one JSON answer: a province's database (hundreds of MB) would not fit in
 * a string, so above `maxBytes` the answer says to back up into a chosen folder instead.
 */
export async function backupBytes(ctx: CoreContext, now = new Date(), maxBytes = BACKUP_DOWNLOAD_MAX_BYTES): Promise<{ fileName: string; bytes: Buffer }> {
  const tooBig = (bytes: number) =>
    new AppError(
      'CONFLICT',
      `Dữ liệu lớn (${Math.ceil(bytes / 1024 / 1024)} MB) nên không tải về qua trình duyệt được. Hãy chọn thư mục lưu (ví dụ ổ USB) bằng nút "Chọn…" rồi bấm "Sao lưu ngay".`,
    );
  const sqlite = ctx.conn.sqlite;
  const estimate = (sqlite.pragma('page_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number);
  if (estimate > maxBytes) throw tooBig(estimate);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-download-'));
  try {
    // not createBackup: a download in a temp folder is not a copy off the disk (the reminder)
    const info = await serial(ctx, () => createUnlocked(ctx, { reason: 'manual', destDir: dir, now }));
    checked.delete(info.path);
    if (info.size > maxBytes) throw tooBig(info.size);
    return { fileName: info.fileName, bytes: fs.readFileSync(info.path) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// --- list and prune ---

/** Backups in a folder (default: the automatic one), newest first. */
export function listBackups(ctx: CoreContext, dir = autoBackupDir(ctx), o: ListOptions = {}): Promise<BackupInfo[]> {
  return listBackupsAt(placeOf(ctx), dir, o);
}

export interface ListOptions {
  /** check files not checked yet in the calling thread (tests that count the files opened); default: on a thread */
  inThisThread?: boolean;
  /**
   * every database's backups in the folder, not only this one's: for a file that holds nothing
   * yet, whose backups may come from another computer where the file had another name
   */
  anyDatabase?: boolean;
}

/**
 * listBackups without a core (a host in recovery): the automatic folder of `place.dbPath` by
 * default. Files not checked yet (a folder brought from another computer) are checked in full
 * on a thread of their own, one after another — seconds each at province scale — so the core
 * answers other calls meanwhile.
 */
export async function listBackupsAt(place: BackupPlace, dir = backupDirFor(place.dbPath), o: ListOptions = {}): Promise<BackupInfo[]> {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const own = o.anyDatabase ? undefined : ownBackupStems(place.dbPath);
  if (!o.inThisThread) {
    loadChecks(dir);
    for (const n of names) {
      const file = path.join(dir, n);
      if (!parseBackupFileName(n, own) || checkedAsIs(file)) continue;
      let ok = true;
      let version: number | null = null;
      try {
        version = (await checkAndSyncOnThread(place.openFile, place.nativeBinding ?? null, file, n, { selfContained: false, quick: false, fsync: () => {}, syncOnThread: false })).schemaVersion;
      } catch {
        ok = false;
      }
      rememberCheck(place, file, ok, version);
    }
  }
  return names
    .map((n) => infoFor(place, path.join(dir, n), o.anyDatabase))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/** A database's automatic backups in a folder, newest first, by name alone (pruning needs no check). */
function automaticBackups(dir: string, stems: ReadonlySet<string>): { path: string; createdAt: string; fileName: string }[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: { path: string; createdAt: string; fileName: string }[] = [];
  for (const n of names) {
    const parsed = parseBackupFileName(n, stems);
    if (!parsed || !(AUTO_BACKUP_REASONS as readonly string[]).includes(parsed.reason)) continue;
    try {
      if (!fs.statSync(path.join(dir, n)).isFile()) continue;
    } catch {
      continue;
    }
    out.push({ path: path.join(dir, n), createdAt: parsed.createdAt.toISOString(), fileName: n });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

function pruneUnlocked(ctx: CoreContext, keep: number, now = new Date()): string[] {
  const dir = autoBackupDir(ctx);
  const removed: string[] = [];
  for (const b of automaticBackups(dir, ownBackupStems(ctx.conn.path)).slice(keep)) {
    fs.rmSync(b.path, { force: true });
    checked.delete(b.path);
    removed.push(b.path);
  }
  if (removed.length) saveChecks(placeOf(ctx), dir);
  // leftovers of a copy that was interrupted (crash, power loss)
  for (const n of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!isOurPartial(n)) continue;
    const p = path.join(dir, n);
    try {
      if (now.getTime() - fs.statSync(p).mtimeMs > STALE_PARTIAL_MS) fs.rmSync(p, { force: true });
    } catch {
      /* in use or gone */
    }
  }
  return removed;
}

/** Remove the oldest automatic backups beyond `keep`; returns the removed paths. */
export function pruneBackups(ctx: CoreContext, keep: number, now = new Date()): Promise<string[]> {
  return serial(ctx, async () => pruneUnlocked(ctx, keep, now));
}

// --- automatic backups ---

/**
 * True when the newest automatic backup is older than 24 h (or there is none). By the files'
 * names alone: listing would check every file not checked yet, seconds each at province scale,
 * at every start — a folder brought from another computer held the core for tens of seconds.
 */
export function dailyBackupDue(ctx: CoreContext, now = new Date()): boolean {
  const newest = automaticBackups(autoBackupDir(ctx), ownBackupStems(ctx.conn.path))[0];
  return !newest || now.getTime() - new Date(newest.createdAt).getTime() > DAY_MS;
}

/** Tables whose rows are what users enter; the rest is seeded, derived or logged from them. */
const USER_TABLES = ['office', 'unit', 'staff', 'campaign', 'plan', 'task', 'person_year', 'award_decision', 'initiative', 'dossier', 'exchange_history'];

/**
 * A database nobody has entered anything into yet (a first start, or a new file after the old
 * one could not be opened). Its automatic backups would protect nothing, and, pruned to the kept
 * count, would push out the backups of the data the user had before.
 */
export function holdsNothing(ctx: CoreContext): boolean {
  return !anyRows(ctx, USER_TABLES);
}

/** Records beyond the office's profile: units, people, plans, awards… (what the reminder protects). */
function holdsRecords(ctx: CoreContext): boolean {
  return anyRows(ctx, USER_TABLES.filter((t) => t !== 'office'));
}

function anyRows(ctx: CoreContext, tables: readonly string[]): boolean {
  const sqlite = ctx.conn.sqlite;
  return tables.some((t) => sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM ${t})`).pluck().get() === 1);
}

function logBackupError(ctx: CoreContext, where: string, e: unknown): void {
  const err = e instanceof Error ? e : new Error(String(e));
  appendErrorLog(ctx.conn.path, { source: 'backup', where, message: err.message, ...(err.stack ? { stack: err.stack } : {}), version: ctx.version });
}

/** The hosts' backup as they close: written to the error log when it fails (the window is gone; nobody else would see it). */
export async function quitBackup(ctx: CoreContext): Promise<BackupInfo | null> {
  if (holdsNothing(ctx)) return null;
  try {
    return await createBackup(ctx, { reason: 'quit' });
  } catch (e) {
    logBackupError(ctx, `sao lưu tự động (${BACKUP_REASON_LABELS.quit.toLowerCase()})`, e);
    throw e;
  }
}

/**
 * The hosts' automatic backups: one at start (named 'daily' when the last automatic one is
 * more than a day old, 'start' otherwise), then an hourly check for the daily one; none of a
 * database that holds nothing yet (holdsNothing). Returns a stop function. Failures are
 * logged, never thrown: the app keeps working.
 */
export function startAutoBackups(ctx: CoreContext, intervalMs = DAILY_CHECK_MS): () => void {
  let stopped = false;
  const run = async (reason: BackupReason) => {
    if (stopped || holdsNothing(ctx)) return;
    try {
      await createBackup(ctx, { reason });
      autoFailures.delete(ctx);
    } catch (e) {
      if (stopped) return;
      const message = e instanceof Error ? e.message : String(e);
      // the window says so (Tổng quan, Sao lưu) until one succeeds; the log keeps the details
      autoFailures.set(ctx, { at: new Date().toISOString(), message });
      logBackupError(ctx, `sao lưu tự động (${BACKUP_REASON_LABELS[reason].toLowerCase()})`, e);
    }
  };
  void run(dailyBackupDue(ctx) ? 'daily' : 'start');
  const timer = setInterval(() => {
    if (!stopped && dailyBackupDue(ctx)) void run('daily');
  }, intervalMs);
  timer.unref?.();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

// --- restore ---

export type RestoreSource = { path: string } | { fileName: string; bytes: Buffer };

export interface RestoreResult {
  restoredFrom: string;
  safetyBackup: BackupInfo;
  schemaVersion: number;
}

/**
 * Replace the live database with a backup. The candidate is copied next to the live file,
 * checked (integrity, TĐKT schema, version ≤ this app's) before anything changes; the
 * current database is kept as a 'before-restore' backup; then the connection is closed,
 * the copy renamed over the live file (stale -wal/-shm removed), and the database reopened
 * and migrated. If reopening fails, the 'before-restore' copy is put back.
 */
export function restoreBackup(ctx: CoreContext, source: RestoreSource, opts: { now?: Date; steps?: Partial<Pick<BackupSteps, 'rename'>> } = {}): Promise<RestoreResult> {
  return serial(ctx, async () => {
    const rename = opts.steps?.rename ?? defaultSteps.rename;
    const live = path.resolve(ctx.conn.path);
    const dir = path.dirname(live);
    const { staging, label } = await stageCandidate(placeOf(ctx), source);
    try {
      if (ctx.conn.sqlite.inTransaction) {
        throw new AppError('CONFLICT', 'Đang có thao tác ghi dữ liệu (ví dụ nhập Excel). Hãy đợi thao tác đó xong rồi khôi phục lại.');
      }
      let safety: BackupInfo | null = null;
      try {
        safety = await createUnlocked(ctx, { reason: 'before-restore', now: opts.now });
      } catch (e) {
        // the live file is damaged, so its copy fails the check: it is set aside as it is below
        if (!(e instanceof DamagedCopyError)) throw e;
      }
      if (!safety) {
        let aside: BackupInfo | null = null;
        try {
          ctx.replaceDatabase((dbPath) => {
            aside = setAsideUnopened({ ...placeOf(ctx), dbPath }, opts.now);
            rename(staging, dbPath);
            fsyncDir(dir);
          });
        } catch (e) {
          if (aside) putAsideBack(ctx, aside, live);
          throw new AppError('DB_ERROR', `Không khôi phục được từ "${label}": ${(e as Error).message}. Dữ liệu đã được giữ nguyên như trước khi khôi phục.`);
        }
        return { restoredFrom: restoredFrom(source, label), safetyBackup: aside!, schemaVersion: schemaVersion(ctx.conn.sqlite) };
      }
      // From here to the reopen nothing yields: no other call can write between the safety
      // copy and the swap, so nothing written before the restore is lost from both.
      try {
        ctx.replaceDatabase((dbPath) => {
          removeSidecars(dbPath);
          rename(staging, dbPath);
          fsyncDir(dir);
        });
      } catch (e) {
        putBack(ctx, safety.path, dir);
        throw new AppError('DB_ERROR', `Không khôi phục được từ "${label}": ${(e as Error).message}. Dữ liệu đã được giữ nguyên như trước khi khôi phục.`);
      }
      return { restoredFrom: restoredFrom(source, label), safetyBackup: safety, schemaVersion: schemaVersion(ctx.conn.sqlite) };
    } finally {
      removeQuietly(staging);
    }
  });
}

const restoredFrom = (source: RestoreSource, label: string) => ('path' in source ? path.resolve(source.path) : label);

/**
 * A restore's candidate copied next to the live database under a temp name, made
 * self-contained, fully checked (integrity, TĐKT schema, version ≤ this app's) and fsynced, on
 * a thread: nothing has changed yet. The caller removes `staging` whatever happens next.
 */
async function stageCandidate(place: BackupPlace, source: RestoreSource): Promise<{ staging: string; label: string }> {
  const live = path.resolve(place.dbPath);
  const dir = path.dirname(live);
  const label = 'path' in source ? path.basename(source.path) : source.fileName || 'tệp tải lên';
  const staging = path.join(dir, `.tdkt-restore-${crypto.randomBytes(6).toString('hex')}.partial`);
  try {
    if ('path' in source) {
      const from = path.resolve(source.path);
      let st: fs.Stats | null = null;
      try {
        st = fs.statSync(from);
      } catch {
        /* reported below */
      }
      if (!st?.isFile()) throw new AppError('NOT_FOUND', `Không tìm thấy tệp sao lưu "${source.path}". Hãy tải lại danh sách sao lưu hoặc kiểm tra đường dẫn.`);
      if (from === live) throw new AppError('INVALID_INPUT', 'Tệp được chọn chính là cơ sở dữ liệu đang dùng. Hãy chọn một bản sao lưu.');
      fs.copyFileSync(from, staging);
    } else {
      fs.writeFileSync(staging, source.bytes);
    }
    await checkAndSyncOnThread(place.openFile, place.nativeBinding ?? null, staging, label, { selfContained: true, quick: false, fsync: fsyncFile, syncOnThread: true });
    removeSidecars(staging);
    return { staging, label };
  } catch (e) {
    removeQuietly(staging);
    throw e;
  }
}

// --- recovery: the database could not be opened ---

/**
 * Move a database file that could not be opened (and its -wal/-shm, which may hold its last
 * writes) into the automatic backups folder as an 'unopened' file: never deleted, never
 * pruned, listed with the backups. Returns its listing.
 */
export function setAsideUnopened(place: BackupPlace, now = new Date()): BackupInfo {
  const live = path.resolve(place.dbPath);
  const dir = backupDirFor(live);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, freeBackupName(dir, now, 'unopened', backupStem(live)));
  // the side files first: a main file without its WAL next to it is the worse half-state
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, target + suffix);
  }
  fs.renameSync(live, target);
  fsyncDir(dir);
  fsyncDir(path.dirname(live));
  const info = infoFor(place, target);
  if (!info) throw new Error(`set-aside file ${target} vanished`);
  return info;
}

/** Undo setAsideUnopened: whatever was made at the live path since is removed, the file goes back. */
export function undoSetAside(aside: BackupInfo, dbPath: string): void {
  const live = path.resolve(dbPath);
  removeQuietly(live);
  moveBack(aside.path, live);
}

/** A set-aside file (and its side files) moved back to the live path. */
function moveBack(asidePath: string, live: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (fs.existsSync(asidePath + suffix)) fs.renameSync(asidePath + suffix, live + suffix);
  }
  fs.renameSync(asidePath, live);
  fsyncDir(path.dirname(live));
  checked.delete(asidePath);
}

/** A restore over a damaged live file failed to reopen: the file set aside goes back and is opened again, damaged as before. */
function putAsideBack(ctx: CoreContext, aside: BackupInfo, live: string): void {
  try {
    ctx.replaceDatabase(() => undoSetAside(aside, live));
  } catch (e) {
    throw new AppError(
      'DB_ERROR',
      `Khôi phục không thành công và chưa mở lại được dữ liệu (${(e as Error).message}). Tệp dữ liệu trước khi khôi phục được giữ ở "${aside.path}".`,
    );
  }
}

/**
 * Restore in recovery: the live file could not be opened, so instead of a 'before-restore'
 * copy (which needs it open) the file is set aside as it is (setAsideUnopened), then the
 * checked candidate takes its place. `open` opens the restored database; if it fails, the
 * candidate is dropped and the set-aside file put back, as before the restore.
 */
export async function restoreUnopened<T>(
  place: BackupPlace,
  source: RestoreSource,
  open: () => Promise<T>,
  now = new Date(),
): Promise<{ restoredFrom: string; safetyBackup: BackupInfo; opened: T }> {
  const live = path.resolve(place.dbPath);
  const dir = path.dirname(live);
  const { staging, label } = await stageCandidate(place, source);
  try {
    const aside = setAsideUnopened(place, now);
    fs.renameSync(staging, live);
    fsyncDir(dir);
    try {
      return { restoredFrom: restoredFrom(source, label), safetyBackup: aside, opened: await open() };
    } catch (e) {
      undoSetAside(aside, live);
      throw new AppError('DB_ERROR', `Không mở được dữ liệu khôi phục từ "${label}": ${(e as Error).message}. Tệp dữ liệu cũ được để lại như trước.`);
    }
  } finally {
    removeQuietly(staging);
  }
}

/** Put the 'before-restore' copy back over the live file and reopen (restore failed half-way). */
function putBack(ctx: CoreContext, safetyPath: string, dir: string): void {
  try {
    ctx.replaceDatabase((dbPath) => {
      const tmp = path.join(dir, `.tdkt-putback-${crypto.randomBytes(6).toString('hex')}.partial`);
      fs.copyFileSync(safetyPath, tmp);
      fsyncFile(tmp);
      removeSidecars(dbPath);
      fs.renameSync(tmp, dbPath);
      fsyncDir(dir);
    });
  } catch (e) {
    throw new AppError(
      'DB_ERROR',
      `Khôi phục không thành công và chưa mở lại được dữ liệu (${(e as Error).message}). Dữ liệu trước khi khôi phục được giữ ở "${safetyPath}". Hãy đóng ứng dụng, chép tệp đó đè lên "${ctx.conn.path}" rồi mở lại.`,
    );
  }
}
