// One person entered twice: finding the records that look like it, and moving one record's
// years, awards, initiatives, disciplines, registrations, nominations and tasks to the other.
// Queries only; the service decides and runs them in one transaction.
import type BetterSqlite3 from 'better-sqlite3';
import type { StaffRow } from './staff';

type Db = BetterSqlite3.Database;

/**
 * Two staff rows (aliases a, b) that look like one person: the same folded name and birth date,
 * or without a birth date the same unit. duplicateStaffRows groups by the same rule.
 */
export const samePersonSql = (a: string, b: string) =>
  `${b}.name_key = ${a}.name_key AND ${b}.birth_date IS ${a}.birth_date AND (${a}.birth_date IS NOT NULL OR ${b}.unit_id IS ${a}.unit_id)`;

/** Live staff of the office that look like one person (samePersonSql), by that key then by creation (the earlier record first). */
export function duplicateStaffRows(db: Db, officeId: string): Array<StaffRow & { dup_key: string }> {
  const key = `s.name_key || '|' || COALESCE(s.birth_date, 'unit:' || COALESCE(s.unit_id, ''))`;
  return db
    .prepare(
      `WITH keyed AS (SELECT s.*, ${key} AS dup_key FROM staff s WHERE s.deleted_at IS NULL AND s.origin_office_id = ?)
       SELECT * FROM keyed WHERE dup_key IN (SELECT dup_key FROM keyed GROUP BY dup_key HAVING COUNT(*) > 1)
       ORDER BY dup_key, created_at, id`,
    )
    .all(officeId) as Array<StaffRow & { dup_key: string }>;
}

export interface RecordCountsRow {
  years: number;
  awards: number;
  initiatives: number;
  disciplines: number;
  registrations: number;
  nominations: number;
  tasks: number;
  first_year: number | null;
  last_year: number | null;
}

/** What a person's records hold (live rows; nominations in live dossiers). */
export function staffRecordCounts(db: Db, id: string): RecordCountsRow {
  return db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM person_year WHERE staff_id = @id AND deleted_at IS NULL) AS years,
              (SELECT MIN(year) FROM person_year WHERE staff_id = @id AND deleted_at IS NULL) AS first_year,
              (SELECT MAX(year) FROM person_year WHERE staff_id = @id AND deleted_at IS NULL) AS last_year,
              (SELECT COUNT(*) FROM award_recipient WHERE staff_id = @id AND subject_kind = 'person' AND deleted_at IS NULL) AS awards,
              (SELECT COUNT(*) FROM initiative WHERE staff_id = @id AND deleted_at IS NULL) AS initiatives,
              (SELECT COUNT(*) FROM discipline WHERE staff_id = @id AND deleted_at IS NULL) AS disciplines,
              (SELECT COUNT(*) FROM registration WHERE staff_id = @id AND deleted_at IS NULL) AS registrations,
              (SELECT COUNT(*) FROM dossier_nominee n JOIN dossier d ON d.id = n.dossier_id AND d.deleted_at IS NULL
                WHERE n.staff_id = @id AND n.deleted_at IS NULL) AS nominations,
              (SELECT COUNT(*) FROM task WHERE responsible_staff_id = @id AND deleted_at IS NULL) AS tasks`,
    )
    .get({ id }) as RecordCountsRow;
}

/** A person_year row that records nothing (a year an import created blank): the other record's year wins. */
const BLANK = (r: string) => `(${r}.rating IS NULL AND ${r}.maternity_leave = 0 AND ${r}.under_review = 0)`;

/** Years both records rate differently (rating, maternity leave or review; a blank year gives way). */
export function conflictingYears(db: Db, keepId: string, mergeId: string): Array<{ year: number; keep: string | null; other: string | null }> {
  return db
    .prepare(
      `SELECT a.year, a.rating AS keep, b.rating AS other FROM person_year a JOIN person_year b ON b.year = a.year
        WHERE a.staff_id = ? AND b.staff_id = ? AND a.deleted_at IS NULL AND b.deleted_at IS NULL
          AND (a.rating IS NOT b.rating OR a.maternity_leave <> b.maternity_leave OR a.under_review <> b.under_review)
          AND NOT ${BLANK('a')} AND NOT ${BLANK('b')}
        ORDER BY a.year`,
    )
    .all(keepId, mergeId) as Array<{ year: number; keep: string | null; other: string | null }>;
}

/** Live dossiers that name both people. */
export function dossiersNamingBoth(db: Db, keepId: string, mergeId: string): string[] {
  return db
    .prepare(
      `SELECT DISTINCT d.title FROM dossier_nominee a JOIN dossier_nominee b ON b.dossier_id = a.dossier_id JOIN dossier d ON d.id = a.dossier_id
        WHERE a.staff_id = ? AND b.staff_id = ? AND a.deleted_at IS NULL AND b.deleted_at IS NULL AND d.deleted_at IS NULL`,
    )
    .pluck()
    .all(keepId, mergeId) as string[];
}

/**
 * Per table: the merged person's rows the kept one already has the like of (dropped: soft-deleted)
 * — matched on what makes them the same record — and the column to move.
 */
const MOVES: Array<{ table: string; column: string; counts: keyof RecordCountsRow; same: string }> = [
  { table: 'person_year', column: 'staff_id', counts: 'years', same: 'k.year = m.year' },
  { table: 'award_recipient', column: 'staff_id', counts: 'awards', same: "k.decision_id = m.decision_id AND k.subject_kind = 'person'" },
  { table: 'initiative', column: 'staff_id', counts: 'initiatives', same: 'k.year = m.year AND k.title_key = m.title_key' },
  { table: 'discipline', column: 'staff_id', counts: 'disciplines', same: 'k.form = m.form AND k.from_date = m.from_date' },
  { table: 'registration', column: 'staff_id', counts: 'registrations', same: 'k.year = m.year AND k.award_code = m.award_code' },
  { table: 'dossier_nominee', column: 'staff_id', counts: 'nominations', same: '0' },
  { table: 'task', column: 'responsible_staff_id', counts: 'tasks', same: '0' },
];

export type MovedCounts = Record<'years' | 'awards' | 'initiatives' | 'disciplines' | 'registrations' | 'nominations' | 'tasks', number>;

/** What one merge did, kept to split the records apart again (migration 14). */
export interface MergeMoves {
  /** table → ids of the merged person's rows now the kept one's */
  moved: Record<string, string[]>;
  /** table → ids soft-deleted (the merged person's rows the kept one had the like of; the kept one's blank years) */
  dropped: Record<string, string[]>;
  /** staff column → [the kept record's value before, the value filled in] */
  filled: Record<string, [unknown, unknown]>;
}

const ids = (rows: unknown[]) => (rows as Array<{ id: string }>).map((r) => r.id);
const add = (to: Record<string, string[]>, table: string, list: string[]) => {
  if (list.length) (to[table] ??= []).push(...list);
};

/**
 * Move the merged person's live rows to the kept person (their like soft-deleted instead);
 * updated_at moves so the change travels in bundles. The caller checks conflicts first.
 */
export function moveStaffRecords(db: Db, keepId: string, mergeId: string, now: string): { moved: MovedCounts; dropped: number; moves: MergeMoves } {
  const moved = { years: 0, awards: 0, initiatives: 0, disciplines: 0, registrations: 0, nominations: 0, tasks: 0 } as MovedCounts;
  const moves: MergeMoves = { moved: {}, dropped: {}, filled: {} };
  const p = { now, merge: mergeId, keep: keepId };
  // the kept record's blank years give way to the other's recorded ones
  add(
    moves.dropped,
    'person_year',
    ids(
      db
        .prepare(
          `UPDATE person_year AS k SET deleted_at = @now, updated_at = @now
            WHERE k.staff_id = @keep AND k.deleted_at IS NULL AND ${BLANK('k')}
              AND EXISTS (SELECT 1 FROM person_year m WHERE m.staff_id = @merge AND m.deleted_at IS NULL AND m.year = k.year AND NOT ${BLANK('m')})
           RETURNING id`,
        )
        .all(p),
    ),
  );
  for (const m of MOVES) {
    add(
      moves.dropped,
      m.table,
      ids(
        db
          .prepare(
            `UPDATE ${m.table} AS m SET deleted_at = @now, updated_at = @now
              WHERE m.${m.column} = @merge AND m.deleted_at IS NULL
                AND EXISTS (SELECT 1 FROM ${m.table} k WHERE k.${m.column} = @keep AND k.deleted_at IS NULL AND ${m.same})
             RETURNING id`,
          )
          .all(p),
      ),
    );
    const list = ids(db.prepare(`UPDATE ${m.table} SET ${m.column} = @keep, updated_at = @now WHERE ${m.column} = @merge AND deleted_at IS NULL RETURNING id`).all(p));
    add(moves.moved, m.table, list);
    moved[m.counts as keyof MovedCounts] = list.length;
  }
  const dropped = Object.values(moves.dropped).reduce((n, l) => n + l.length, 0);
  return { moved, dropped, moves };
}

/** Keep what a merge did (replacing an earlier merge of the same record, restored since). */
export function logMerge(db: Db, mergedId: string, keptId: string, at: string, moves: MergeMoves): void {
  db.prepare('INSERT OR REPLACE INTO staff_merge (merged_id, kept_id, merged_at, moves) VALUES (?, ?, ?, ?)').run(mergedId, keptId, at, JSON.stringify(moves));
}

export function mergeOf(db: Db, mergedId: string): { kept_id: string; merged_at: string; moves: MergeMoves; kept_name: string; kept_deleted: boolean } | undefined {
  const r = db
    .prepare(
      `SELECT m.kept_id, m.merged_at, m.moves, s.full_name AS kept_name, s.deleted_at IS NOT NULL AS kept_deleted
         FROM staff_merge m JOIN staff s ON s.id = m.kept_id WHERE m.merged_id = ?`,
    )
    .get(mergedId) as { kept_id: string; merged_at: string; moves: string; kept_name: string; kept_deleted: number } | undefined;
  return r && { ...r, moves: JSON.parse(r.moves) as MergeMoves, kept_deleted: r.kept_deleted === 1 };
}

const TABLE_OK = new Set(['person_year', ...MOVES.map((m) => m.table)]);
const COLUMN_OF = new Map(MOVES.map((m) => [m.table, m.column]));
/** The staff columns a merge fills on the kept record when it has them empty. */
export const FILLABLE_COLUMNS = ['gender', 'birth_date', 'unit_id', 'position', 'category', 'employment_start', 'employment_end'] as const;
const FILL_OK = new Set<string>(FILLABLE_COLUMNS);

/**
 * Split a merge: the rows it moved go back to the merged person (those the kept one still
 * holds), the rows it dropped come back (those still deleted at that moment), the fields it
 * filled are emptied again (where unchanged since), the merged record is live again. Returns how
 * many rows went back.
 */
export function undoMerge(db: Db, mergedId: string, now: string): number {
  const m = mergeOf(db, mergedId);
  if (!m) throw new Error(`no merge of ${mergedId}`);
  let back = 0;
  for (const [table, list] of Object.entries(m.moves.moved)) {
    const column = COLUMN_OF.get(table);
    if (!column || !TABLE_OK.has(table)) continue;
    const stmt = db.prepare(`UPDATE ${table} SET ${column} = ?, updated_at = ? WHERE id = ? AND ${column} = ?`);
    for (const id of list) back += stmt.run(mergedId, now, id, m.kept_id).changes;
  }
  for (const [table, list] of Object.entries(m.moves.dropped)) {
    if (!TABLE_OK.has(table)) continue;
    const stmt = db.prepare(`UPDATE ${table} SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at = ?`);
    for (const id of list) stmt.run(now, id, m.merged_at);
  }
  for (const [column, [before, after]] of Object.entries(m.moves.filled)) {
    if (!FILL_OK.has(column)) continue;
    db.prepare(`UPDATE staff SET ${column} = ?, updated_at = ? WHERE id = ? AND ${column} IS ?`).run(before, now, m.kept_id, after);
  }
  db.prepare('UPDATE staff SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at = ?').run(now, mergedId, m.merged_at);
  db.prepare('DELETE FROM staff_merge WHERE merged_id = ?').run(mergedId);
  return back;
}

/** Fill the kept record's empty columns from another's. */
export function fillStaffGaps(db: Db, keepId: string, columns: Record<string, unknown>, now: string): void {
  const names = Object.keys(columns);
  if (!names.length) return;
  db.prepare(`UPDATE staff SET ${names.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`).run({ ...columns, now, id: keepId });
}

export function softDeleteStaffRow(db: Db, id: string, now: string): void {
  db.prepare('UPDATE staff SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, id);
}
