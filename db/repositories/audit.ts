// Audit trail and user profiles: queries only. The log rows are written by the triggers of
// migration 8, never here (audit_log refuses UPDATE and DELETE).
import type BetterSqlite3 from 'better-sqlite3';
import type { AuditLogTable, UserProfileTable } from '../schema';
import { newId, nowIso } from '../ids';
import { getSettingSync, setSettingSync } from './settings';

type Db = BetterSqlite3.Database;
export type AuditLogRow = AuditLogTable & { seq: number };
export type UserProfileRow = UserProfileTable;

/** setting key: id of this computer's current user profile */
export const CURRENT_PROFILE_KEY = 'audit.current_profile';

const LOG_COLS =
  'rowid AS seq, id, origin_office_id, created_at, updated_at, deleted_at, actor_id, actor, actor_position, source, record_table, record_id, owner_table, owner_id, action, before_json, after_json';

// ---- user profiles ---------------------------------------------------------------------

export function listProfiles(db: Db): UserProfileRow[] {
  return db.prepare('SELECT * FROM user_profile WHERE deleted_at IS NULL ORDER BY name, created_at').all() as UserProfileRow[];
}

export function getProfile(db: Db, id: string): UserProfileRow | undefined {
  return db.prepare('SELECT * FROM user_profile WHERE id = ?').get(id) as UserProfileRow | undefined;
}

export function insertProfile(db: Db, name: string, position: string, id = newId(), now = nowIso()): string {
  db.prepare('INSERT INTO user_profile (id, name, position, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, NULL)').run(id, name, position, now, now);
  return id;
}

export function updateProfile(db: Db, id: string, name: string, position: string, now = nowIso()): void {
  db.prepare('UPDATE user_profile SET name = ?, position = ?, updated_at = ? WHERE id = ?').run(name, position, now, id);
}

/** Put back a profile row as it was (restore keeps the computer's current profile). */
export function upsertProfileRow(db: Db, p: UserProfileRow): void {
  db.prepare(
    `INSERT INTO user_profile (id, name, position, created_at, updated_at, deleted_at) VALUES (@id, @name, @position, @created_at, @updated_at, @deleted_at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`,
  ).run(p);
}

export function softDeleteProfile(db: Db, id: string, now = nowIso()): boolean {
  return db.prepare('UPDATE user_profile SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, id).changes > 0;
}

export function getCurrentProfileId(db: Db): string | null {
  const v = getSettingSync(db, CURRENT_PROFILE_KEY);
  return v ? v : null;
}

export function setCurrentProfileId(db: Db, id: string | null): void {
  setSettingSync(db, CURRENT_PROFILE_KEY, id ?? '');
}

// ---- the import actor ------------------------------------------------------------------

/** Make the triggers attribute the following writes to `actor` (call inside a transaction). */
export function beginImportActor(db: Db, actor: string): void {
  db.prepare('INSERT INTO audit_session (id, actor) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET actor = excluded.actor').run(actor);
}

export function endImportActor(db: Db): void {
  db.prepare('DELETE FROM audit_session').run();
}

// ---- reading the log -------------------------------------------------------------------

/** History shown on a record: its own rows and its parts' (owner = the record). */
export function auditRowsOfOwner(db: Db, table: string, id: string): AuditLogRow[] {
  return db.prepare(`SELECT ${LOG_COLS} FROM audit_log WHERE owner_table = ? AND owner_id = ? ORDER BY created_at, rowid`).all(table, id) as AuditLogRow[];
}

/** Rows of the given records of one table. */
export function auditRowsOfRecords(db: Db, table: string, ids: readonly string[]): AuditLogRow[] {
  const out: AuditLogRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    out.push(
      ...(db
        .prepare(`SELECT ${LOG_COLS} FROM audit_log WHERE record_table = ? AND record_id IN (${chunk.map(() => '?').join(',')})`)
        .all(table, ...chunk) as AuditLogRow[]),
    );
  }
  return out;
}

export interface AuditListFilter {
  /** ISO timestamps, from inclusive, to exclusive */
  from: string | null;
  to: string | null;
  table: string | null;
  limit: number;
}

/** Newest first, up to `limit` rows (the caller asks one more to know whether it was cut). */
export function listAuditRows(db: Db, f: AuditListFilter): AuditLogRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, v: unknown) => {
    where.push(cond);
    params.push(v);
  };
  if (f.from) add('created_at >= ?', f.from);
  if (f.to) add('created_at < ?', f.to);
  if (f.table) add('record_table = ?', f.table);
  return db
    .prepare(`SELECT ${LOG_COLS} FROM audit_log${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, rowid DESC LIMIT ?`)
    .all(...params, f.limit) as AuditLogRow[];
}

/** Ids of rows of `table` matching a condition (the records of a person's year …). */
export function idsWhere(db: Db, table: string, where: string, params: unknown[]): string[] {
  return (db.prepare(`SELECT id FROM "${table}" WHERE ${where}`).all(...params) as { id: string }[]).map((r) => r.id);
}

/** The row of an audited table (deleted ones too), for titles. */
export function rowById(db: Db, table: string, id: string): Record<string, unknown> | undefined {
  return db.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
}

/** Office names by id (this office and the ones bundles came from). */
export function officeNames(db: Db): Map<string, string> {
  return new Map((db.prepare('SELECT id, name FROM office').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
}
