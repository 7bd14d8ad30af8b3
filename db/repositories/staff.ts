import { sql, type Kysely, type Selectable } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { DB, StaffTable } from '../schema';
import { newId, nowIso } from '../ids';
import { foldQuery, matchesQuery } from '../../shared/text/vn';

export type StaffRow = Selectable<StaffTable>;

export interface StaffFields {
  fullName: string;
  nameKey: string;
  gender: string | null;
  birthDate: string | null;
  unitId: string | null;
  position: string;
  category: string | null;
  isLeader: boolean;
  employmentStart: string | null;
  employmentEnd: string | null;
  status: string;
  note: string;
}

export interface StaffQuery {
  /** folded search text (see foldVi); matched anywhere in the folded name */
  searchKey: string;
  unitIds: string[] | null;
  status: string | null;
  /** origin office (the province holds several offices' staff); null: all */
  officeId?: string | null;
}

function fieldsToColumns(f: StaffFields) {
  return {
    full_name: f.fullName,
    name_key: f.nameKey,
    gender: f.gender,
    birth_date: f.birthDate,
    unit_id: f.unitId,
    position: f.position,
    category: f.category,
    is_leader: f.isLeader ? 1 : 0,
    employment_start: f.employmentStart,
    employment_end: f.employmentEnd,
    status: f.status,
    note: f.note,
  };
}

/**
 * Staff rows matching a query. The search follows the lists' rule (matchesQuery, on the folded
 * name): SQL keeps the names holding every word, then the rule itself decides.
 */
export async function queryStaff(db: Kysely<DB>, q: StaffQuery): Promise<StaffRow[]> {
  let sel = db.selectFrom('staff').selectAll().where('deleted_at', 'is', null);
  const query = foldQuery(q.searchKey);
  // one word: the text as typed; several: each of them (the rule then decides)
  for (const w of query.words.length > 1 ? query.words : query.words.length ? [query.whole] : []) {
    const escaped = w.replace(/[\\%_]/g, (c) => '\\' + c);
    sel = sel.where(sql<boolean>`name_key LIKE ${'%' + escaped + '%'} ESCAPE '\\'`);
  }
  if (q.unitIds) sel = sel.where('unit_id', 'in', q.unitIds.length ? q.unitIds : ['']);
  if (q.status) sel = sel.where('status', '=', q.status);
  if (q.officeId) sel = sel.where('origin_office_id', '=', q.officeId);
  const rows = await sel.execute();
  return query.words.length > 1 ? rows.filter((r) => matchesQuery(r.name_key, query)) : rows;
}

export async function getStaff(db: Kysely<DB>, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function insertStaff(db: Kysely<DB>, originOfficeId: string, f: StaffFields): Promise<string> {
  const now = nowIso();
  const id = newId();
  await db
    .insertInto('staff')
    .values({ id, origin_office_id: originOfficeId, created_at: now, updated_at: now, deleted_at: null, ...fieldsToColumns(f) })
    .execute();
  return id;
}

export async function updateStaff(db: Kysely<DB>, id: string, f: StaffFields): Promise<void> {
  await db
    .updateTable('staff')
    .set({ ...fieldsToColumns(f), updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

export async function softDeleteStaff(db: Kysely<DB>, id: string): Promise<boolean> {
  const now = nowIso();
  const r = await db
    .updateTable('staff')
    .set({ deleted_at: now, updated_at: now })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Name + birth date + unit of every live staff record (duplicate detection on import). */
export async function staffIdentityKeys(db: Kysely<DB>) {
  return db
    .selectFrom('staff')
    .select(['id', 'full_name', 'birth_date', 'unit_id'])
    .where('deleted_at', 'is', null)
    .execute();
}

/**
 * Bulk insert inside one SQLite transaction: all rows or none. Synchronous on purpose —
 * a prepared statement in a better-sqlite3 transaction is the fastest path and cannot
 * interleave with other writes.
 */
export function bulkInsertStaff(sqlite: BetterSqlite3.Database, originOfficeId: string, rows: StaffFields[]): number {
  const stmt = sqlite.prepare(`INSERT INTO staff (id, origin_office_id, created_at, updated_at, deleted_at,
      full_name, name_key, gender, birth_date, unit_id, position, category, is_leader, employment_start, employment_end, status, note)
    VALUES (@id, @origin_office_id, @created_at, @updated_at, NULL,
      @full_name, @name_key, @gender, @birth_date, @unit_id, @position, @category, @is_leader, @employment_start, @employment_end, @status, @note)`);
  const now = nowIso();
  const run = sqlite.transaction((list: StaffFields[]) => {
    for (const f of list) {
      stmt.run({ id: newId(), origin_office_id: originOfficeId, created_at: now, updated_at: now, ...fieldsToColumns(f) });
    }
    return list.length;
  });
  return run(rows);
}

/** Every live staff row, synchronously (a consistent snapshot for the core's search index). */
/**
 * Live staff in table (rowid) order after `afterRowid`, at most `limit` of them: the search
 * index reads the table a range at a time, so a call arriving meanwhile waits for one range.
 */
export function liveStaffAfter(sqlite: BetterSqlite3.Database, afterRowid: number, limit: number): Array<StaffRow & { rowid: number }> {
  return sqlite.prepare('SELECT rowid, * FROM staff WHERE rowid > ? AND deleted_at IS NULL ORDER BY rowid LIMIT ?').all(afterRowid, limit) as Array<StaffRow & { rowid: number }>;
}

const staffWatchers = new WeakMap<BetterSqlite3.Database, { n: number }>();

/**
 * A counter of row changes to `staff` made through this connection, by anyone (handlers,
 * bulk import, exchange, raw SQL): TEMP triggers call a function of this process. Changes
 * by other connections (the CLI while the app runs) show in `dataVersion` instead.
 * Must not be first called inside a transaction (a rollback would drop the triggers).
 */
export function watchStaffChanges(sqlite: BetterSqlite3.Database): () => number {
  let counter = staffWatchers.get(sqlite);
  if (!counter) {
    const c = { n: 0 };
    sqlite.function('tdkt_staff_changed', { deterministic: false, directOnly: true }, () => {
      c.n++;
      return null;
    });
    sqlite.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS tdkt_staff_ai AFTER INSERT ON main.staff BEGIN SELECT tdkt_staff_changed(); END;
      CREATE TEMP TRIGGER IF NOT EXISTS tdkt_staff_au AFTER UPDATE ON main.staff BEGIN SELECT tdkt_staff_changed(); END;
      CREATE TEMP TRIGGER IF NOT EXISTS tdkt_staff_ad AFTER DELETE ON main.staff BEGIN SELECT tdkt_staff_changed(); END;
    `);
    staffWatchers.set(sqlite, c);
    counter = c;
  }
  const c = counter;
  return () => c.n;
}

/**
 * A token that moves with every row this connection writes (total_changes) and every commit by
 * another connection (data_version): what was read before it moved may be stale.
 */
export function writesToken(sqlite: BetterSqlite3.Database): string {
  return `${sqlite.prepare('SELECT total_changes()').pluck().get() as number}.${dataVersion(sqlite)}`;
}

/** SQLite's data_version: changes when another connection commits to the file. */
export function dataVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('data_version', { simple: true }) as number;
}

// ---- bulk changes of the people chosen on the staff list (one transaction each, by the caller) ----

export interface ChosenStaff {
  id: string;
  full_name: string;
  unit_id: string | null;
  status: string;
  employment_start: string | null;
  origin_office_id: string;
}

/** The live people among `ids` (a JSON array binds any number of them). */
export function liveStaffByIds(sqlite: BetterSqlite3.Database, ids: readonly string[]): ChosenStaff[] {
  return sqlite
    .prepare(
      `SELECT id, full_name, unit_id, status, employment_start, origin_office_id FROM staff
        WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
    )
    .all(JSON.stringify(ids)) as ChosenStaff[];
}

/**
 * People to another unit; their records of `fromYear` and later follow them (a year is judged
 * in the unit it ends in), earlier years keep the unit of that year. Returns the rows changed.
 */
export function moveStaffTo(sqlite: BetterSqlite3.Database, ids: readonly string[], unitId: string, fromYear: number, now = nowIso()): { moved: number; years: number } {
  const list = JSON.stringify(ids);
  const moved = sqlite
    .prepare(`UPDATE staff SET unit_id = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL AND unit_id IS NOT ?`)
    .run(unitId, now, list, unitId).changes;
  const years = sqlite
    .prepare(
      `UPDATE person_year SET unit_id = ?, updated_at = ?
        WHERE staff_id IN (SELECT value FROM json_each(?)) AND year >= ? AND deleted_at IS NULL AND unit_id IS NOT ?`,
    )
    .run(unitId, now, list, fromYear, unitId).changes;
  return { moved, years };
}

/**
 * People's status, and their end date where one is given (null keeps theirs); back at work, the
 * end date is emptied (an end date means they left). Returns the rows changed.
 */
export function setStaffStatusMany(sqlite: BetterSqlite3.Database, ids: readonly string[], status: string, employmentEnd: string | null, now = nowIso()): number {
  const end = `CASE WHEN @status = 'dang_cong_tac' THEN NULL ELSE coalesce(@end, employment_end) END`;
  return sqlite
    .prepare(
      `UPDATE staff SET status = @status, employment_end = ${end}, updated_at = @now
        WHERE id IN (SELECT value FROM json_each(@ids)) AND deleted_at IS NULL
          AND (status IS NOT @status OR employment_end IS NOT ${end})`,
    )
    .run({ status, end: employmentEnd, now, ids: JSON.stringify(ids) }).changes;
}

/** People to the Thùng rác, all with one deletion time (restored together). */
export function softDeleteStaffMany(sqlite: BetterSqlite3.Database, ids: readonly string[], now = nowIso()): number {
  return sqlite
    .prepare(`UPDATE staff SET deleted_at = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`)
    .run(now, now, JSON.stringify(ids)).changes;
}
