// The error log (nhật ký lỗi): errors the app did not mean to raise — a failed call's stack, a
// screen that crashed, the core worker stopping, an automatic backup that failed — kept beside
// the data file, since the desktop app has no console a user could read. One JSON object a line;
// the file is renamed to *.1.log past MAX_BYTES (the one before that dropped), so it stays small.
// Nothing a record holds is written: where it happened, the message and the stack.
import fs from 'node:fs';
import path from 'node:path';
import { errorLogEntry, type ErrorLogEntry } from '../../../shared/contract/diagnostics';

export const LOG_DIR_NAME = 'logs';
export const LOG_FILE_NAME = 'tdkt-errors.log';
const OLD_FILE_NAME = 'tdkt-errors.1.log';
export const MAX_BYTES = 512 * 1024;
/** a message or a stack longer than this is cut: one runaway error cannot fill the log */
const MAX_FIELD = 8000;

export function errorLogDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), LOG_DIR_NAME);
}

export function errorLogFileFor(dbPath: string): string {
  return path.join(errorLogDirFor(dbPath), LOG_FILE_NAME);
}

export type NewErrorEntry = Omit<ErrorLogEntry, 'at'> & { at?: string };

const cut = (s: string | undefined) => (s === undefined ? undefined : s.length > MAX_FIELD ? `${s.slice(0, MAX_FIELD)}…` : s);

/**
 * Appends one entry. Never throws: a log that cannot be written (a read-only stick, a full disk)
 * must not turn one failure into two. Returns whether it was written.
 */
export function appendErrorLog(dbPath: string, entry: NewErrorEntry, now: () => Date = () => new Date()): boolean {
  try {
    const dir = errorLogDirFor(dbPath);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, LOG_FILE_NAME);
    const line: ErrorLogEntry = {
      at: entry.at ?? now().toISOString(),
      source: entry.source,
      where: cut(entry.where) ?? '',
      message: cut(entry.message) ?? '',
      ...(entry.stack ? { stack: cut(entry.stack)! } : {}),
      ...(entry.version ? { version: entry.version } : {}),
    };
    const text = `${JSON.stringify(line)}\n`;
    let size = 0;
    try {
      size = fs.statSync(file).size;
    } catch {
      /* no log yet */
    }
    if (size > 0 && size + Buffer.byteLength(text) > MAX_BYTES) fs.renameSync(file, path.join(dir, OLD_FILE_NAME));
    fs.appendFileSync(file, text, 'utf8');
    return true;
  } catch {
    return false;
  }
}

function readEntries(file: string): ErrorLogEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: ErrorLogEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = errorLogEntry.safeParse(JSON.parse(line));
      // a line cut by a power loss, or written by hand, is skipped rather than hiding the rest
      if (r.success) out.push(r.data);
    } catch {
      /* not JSON */
    }
  }
  return out;
}

/** The newest `limit` entries, newest first, from the log and the one it replaced; and how many there are in all. */
export function readErrorLog(dbPath: string, limit = 200): { file: string; entries: ErrorLogEntry[]; total: number } {
  const dir = errorLogDirFor(dbPath);
  const all = [...readEntries(path.join(dir, OLD_FILE_NAME)), ...readEntries(path.join(dir, LOG_FILE_NAME))];
  all.reverse();
  return { file: path.join(dir, LOG_FILE_NAME), entries: all.slice(0, limit), total: all.length };
}

/** Empties the log (both files). Throws when they cannot be removed: the user asked for it. */
export function clearErrorLog(dbPath: string): void {
  const dir = errorLogDirFor(dbPath);
  for (const name of [LOG_FILE_NAME, OLD_FILE_NAME]) fs.rmSync(path.join(dir, name), { force: true });
}
