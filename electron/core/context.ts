import type { Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Connection } from '../../db/connection';
import type { DB } from '../../db/schema';
import type { JobRegistry } from './jobs';

export type HostKind = 'electron' | 'web' | 'cli' | 'test';

export interface CoreContext {
  conn: Connection;
  db: Kysely<DB>;
  /** this installation's office id: origin_office_id of every record created here */
  officeId: string;
  host: HostKind;
  version: string;
  fallbackReason: string | null;
  jobs: JobRegistry;
  /** today's date on this computer (ISO); injectable for tests */
  today(): string;
  /**
   * Restore: close the database, let `swap` replace the file, reopen and migrate. `conn`, `db`
   * and `officeId` are updated in place, so handlers (which read them per call) keep working.
   * If reopening fails, the error is thrown and `conn` is left closed for the caller to repair.
   */
  replaceDatabase(swap: (dbPath: string) => void): void;
  /**
   * Signs that the open database is damaged inside (a backup's integrity check failed, SQLite
   * reported a malformed page, db.check failed): what the window's banner says until a check
   * passes or a restore replaces the file. Null when none.
   */
  damage: string | null;
  /** the better-sqlite3 native build the hosts use (Electron's), for connections on other threads; null: the default */
  nativeBinding: string | null;
  /** Open another SQLite file (a backup, a restore candidate) with the live database's native build. */
  openFile(file: string, opts?: { readonly?: boolean }): BetterSqlite3.Database;
}
