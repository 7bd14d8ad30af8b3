import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import type { DB } from './schema';
import { migrate, schemaVersion, LATEST_VERSION } from './migrations';
import { onNetworkDrive } from './location';

export interface Connection {
  sqlite: Database.Database;
  db: Kysely<DB>;
  path: string;
  /** the file is on a network drive: opened with a rollback journal, not WAL (see location.ts) */
  network: boolean;
  close(): void;
}

export interface OpenOptions {
  /** stop migrating at this version (migration tests) */
  migrateTo?: number;
  readonly?: boolean;
  /** path to a better-sqlite3 .node built for another runtime (Electron) */
  nativeBinding?: string;
  /** where the file is, when known better than the folder's file system tells (tests) */
  network?: boolean;
}

export function openDatabase(file: string, opts: OpenOptions = {}): Connection {
  const dir = file === ':memory:' ? null : path.dirname(path.resolve(file));
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const network = opts.network ?? (dir !== null && onNetworkDrive(dir));
  const sqlite = new Database(file, {
    readonly: opts.readonly ?? false,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  try {
    sqlite.pragma('busy_timeout = 5000');
    if (!opts.readonly && network) {
      // WAL's shared memory cannot be shared across machines; every commit synced to the server
      sqlite.pragma('journal_mode = DELETE');
      sqlite.pragma('synchronous = FULL');
    } else if (!opts.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
    }
    sqlite.pragma('foreign_keys = ON');
    if (!opts.readonly) migrate(sqlite, opts.migrateTo ?? LATEST_VERSION);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    sqlite,
    db,
    path: file,
    network,
    close: () => {
      sqlite.close();
    },
  };
}

/** SQLite found a damaged page while answering (the file opened: the damage is inside). */
export { isCorruption } from './errors';

export interface IntegrityReport {
  ok: boolean;
  messages: string[];
  schemaVersion: number;
  latestVersion: number;
  foreignKeyViolations: number;
}

export function checkIntegrity(sqlite: Database.Database): IntegrityReport {
  // a damaged file can make the checks themselves fail: that is the report, not an error
  let messages: string[];
  try {
    messages = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (e) {
    messages = [(e as Error).message];
  }
  let fk: unknown[] = [];
  try {
    fk = sqlite.pragma('foreign_key_check') as unknown[];
  } catch (e) {
    messages = [...messages.filter((m) => m !== 'ok'), `foreign_key_check: ${(e as Error).message}`];
  }
  return {
    ok: messages.length === 1 && messages[0] === 'ok' && fk.length === 0,
    messages,
    schemaVersion: schemaVersion(sqlite),
    latestVersion: LATEST_VERSION,
    foreignKeyViolations: fk.length,
  };
}
