// Thùng rác: the office's own soft-deleted records of the kinds a user deletes, and putting
// them back with the parts deleted in the same moment (same deleted_at). Queries only.
import type BetterSqlite3 from 'better-sqlite3';
import type { TrashKind } from '../../shared/contract/trash';
import { samePersonSql, undoMerge } from './staff-merge';

type Db = BetterSqlite3.Database;

/** A deleted record as the bin lists it, before the service words it. */
export interface DeletedRow {
  kind: TrashKind;
  id: string;
  deleted_at: string;
  /** kind-specific columns the title and details are made of */
  cols: Record<string, string | number | null>;
  parts: number;
}

const SAME_MOMENT = (child: string, parent: string) => `${child}.deleted_at = ${parent}.deleted_at`;

/**
 * Per kind: the SELECT of its deleted own rows (@office; listSql(true): the one of @id, by its key) —
 * id, deleted_at, parts, then the columns the service words. Not listed, being the app's own
 * bookkeeping rather than a user's deletion: a dossier's answer replaced by the superior's (batch
 * "dossier:…", its outcome deleted with it — one deleted on the Quyết định tab keeps its outcome
 * and is listed), and a grid decision left with no recipient
 * to bring back (emptied one cell at a time). A grid decision whose last recipients went with it
 * is listed: restoring it undoes the emptied cells, unless the grid has made a new one since.
 */
const listSql = (one: boolean): Record<TrashKind, string> => {
  // "@id IS NULL OR id = @id" would scan the table for each record restored (3 ms at 30,000 people)
  const deleted = (alias: string) => `${one ? `${alias}.id = @id AND ` : ''}${alias}.deleted_at IS NOT NULL AND ${alias}.origin_office_id = @office`;
  return {
    // a record merged into another (migration 14) is split apart again rather than restored
    staff: `SELECT s.id, s.deleted_at, 0 AS parts, s.full_name, s.birth_date, s.position, u.name AS unit_name,
                   k.full_name AS merged_into, k.deleted_at AS merged_into_deleted_at
              FROM staff s LEFT JOIN unit u ON u.id = s.unit_id
              LEFT JOIN staff_merge g ON g.merged_id = s.id AND g.merged_at = s.deleted_at LEFT JOIN staff k ON k.id = g.kept_id
             WHERE ${deleted('s')}`,
    campaign: `SELECT c.id, c.deleted_at, 0 AS parts, c.name, c.year_from, c.year_to FROM campaign c WHERE ${deleted('c')}`,
    plan: `SELECT p.id, p.deleted_at, 0 AS parts, p.title, p.year, p.doc_number, p.campaign_id, c.name AS campaign_name
             FROM plan p LEFT JOIN campaign c ON c.id = p.campaign_id WHERE ${deleted('p')}`,
    task: `SELECT t.id, t.deleted_at, 0 AS parts, t.title, t.year, t.quarter, t.due_date, p.title AS plan_title
             FROM task t LEFT JOIN plan p ON p.id = t.plan_id WHERE ${deleted('t')}`,
    decision: `SELECT * FROM (
                 SELECT d.id, d.deleted_at, d.number, d.award_code, d.other_form, d.year, d.issuer, d.decision_date, d.batch_key,
                        (SELECT COUNT(*) FROM award_recipient r WHERE r.decision_id = d.id AND ${SAME_MOMENT('r', 'd')}) AS parts
                   FROM award_decision d WHERE ${deleted('d')}
                    AND (d.batch_key IS NULL OR d.batch_key NOT LIKE 'dossier:%'
                         OR EXISTS (SELECT 1 FROM dossier_outcome o WHERE o.decision_id = d.id AND o.deleted_at IS NULL)))
               WHERE parts > 0 OR batch_key IS NULL OR batch_key NOT LIKE 'grid:%'`,
    initiative: `SELECT i.id, i.deleted_at, 0 AS parts, i.title, i.year, i.staff_id, s.full_name
                   FROM initiative i LEFT JOIN staff s ON s.id = i.staff_id WHERE ${deleted('i')}`,
    discipline: `SELECT x.id, x.deleted_at, 0 AS parts, x.form, x.from_date, x.decision_no, x.staff_id, s.full_name
                   FROM discipline x LEFT JOIN staff s ON s.id = x.staff_id WHERE ${deleted('x')}`,
    registration: `SELECT g.id, g.deleted_at, 0 AS parts, g.year, g.award_code, g.subject_kind, g.staff_id, COALESCE(s.full_name, u.name) AS subject_name
                     FROM registration g LEFT JOIN staff s ON s.id = g.staff_id LEFT JOIN unit u ON u.id = g.unit_id WHERE ${deleted('g')}`,
    dossier: `SELECT d.id, d.deleted_at, d.title, d.year, d.award_code,
                     (SELECT COUNT(*) FROM dossier_nominee n WHERE n.dossier_id = d.id AND ${SAME_MOMENT('n', 'd')}) AS parts
                FROM dossier d WHERE ${deleted('d')}`,
    // taken out of a dossier that is still there (those deleted with their dossier come back with it)
    nominee: `SELECT n.id, n.deleted_at, 0 AS parts, n.name, n.unit_name, n.subject_kind, n.staff_id, n.dossier_id, d.title AS dossier_title, d.state,
                     (SELECT COUNT(*) FROM dossier_report r WHERE r.nominee_id = n.id AND ${SAME_MOMENT('r', 'n')}) AS reports
                FROM dossier_nominee n JOIN dossier d ON d.id = n.dossier_id AND d.deleted_at IS NULL WHERE ${deleted('n')}`,
    // removed from a dossier still there; those removed with their nominee come back with them
    evidence: `SELECT a.id, a.deleted_at, 0 AS parts, a.file_name, a.size, a.dossier_id, d.title AS dossier_title, d.state,
                      n.name AS nominee_name, n.deleted_at AS nominee_deleted_at
                 FROM dossier_attachment a JOIN dossier d ON d.id = a.dossier_id AND d.deleted_at IS NULL
                 LEFT JOIN dossier_nominee n ON n.id = a.nominee_id
                WHERE ${deleted('a')} AND (n.deleted_at IS NULL OR n.deleted_at <> a.deleted_at)`,
    task_file: `SELECT f.id, f.deleted_at, 0 AS parts, f.file_name, f.size, f.task_id, t.title AS task_title, t.deleted_at AS task_deleted_at
                  FROM task_attachment f JOIN task t ON t.id = f.task_id WHERE ${deleted('f')}`,
    task_note: `SELECT x.id, x.deleted_at, 0 AS parts, x.body, x.note_date, x.task_id, t.title AS task_title, t.deleted_at AS task_deleted_at
                  FROM task_note x JOIN task t ON t.id = x.task_id WHERE ${deleted('x')}`,
  };
};
const LIST_SQL = listSql(false);
const ONE_SQL = listSql(true);

function toDeleted(kind: TrashKind, r: Record<string, string | number | null>): DeletedRow {
  const { id, deleted_at, parts, ...cols } = r;
  return { kind, id: String(id), deleted_at: String(deleted_at), parts: Number(parts), cols };
}

/** The office's deleted records of some kinds. */
export function deletedRows(db: Db, officeId: string, kinds: readonly TrashKind[]): DeletedRow[] {
  return kinds.flatMap((kind) =>
    (db.prepare(LIST_SQL[kind]).all({ office: officeId }) as Array<Record<string, string | number | null>>).map((r) => toDeleted(kind, r)),
  );
}

/** One deleted record of the office (undefined: not deleted, not its own, or not listed). */
export function deletedRow(db: Db, officeId: string, kind: TrashKind, id: string): DeletedRow | undefined {
  const r = db.prepare(ONE_SQL[kind]).get({ office: officeId, id }) as Record<string, string | number | null> | undefined;
  return r && toDeleted(kind, r);
}

/** Who deleted a record: the audit trail's entry, or migration 15's for the kinds it does not log ('' when none chose a profile). */
export function deletedBy(db: Db, table: string, id: string, deletedAt: string): string {
  const r = (db
    .prepare(`SELECT actor FROM audit_log WHERE record_table = ? AND record_id = ? AND action = 'soft_delete' ORDER BY created_at DESC, rowid DESC LIMIT 1`)
    .pluck()
    .get(table, id) ??
    db.prepare('SELECT actor FROM deletion_actor WHERE record_table = ? AND record_id = ? AND deleted_at = ?').pluck().get(table, id, deletedAt)) as
    | string
    | undefined;
  return r ?? '';
}

// ---- what stands in the way of a restore ---------------------------------------------

/**
 * A live person who looks like this one (samePersonSql), added after its deletion: restoring
 * would make two. One there before it was deleted (two alike at work together) is no reason.
 */
export function liveNamesake(db: Db, id: string): { full_name: string; birth_date: string | null } | undefined {
  return db
    .prepare(
      `SELECT b.full_name, b.birth_date FROM staff a JOIN staff b ON ${samePersonSql('a', 'b')} AND b.id <> a.id
       WHERE a.id = ? AND b.deleted_at IS NULL AND b.created_at >= a.deleted_at LIMIT 1`,
    )
    .get(id) as { full_name: string; birth_date: string | null } | undefined;
}

/** Whether a referenced row is deleted (a plan's campaign, a record's person). */
export function isDeleted(db: Db, table: 'campaign' | 'staff', id: string | null): boolean {
  if (!id) return false;
  return Boolean(db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NOT NULL`).get(id));
}

/** A live decision made by the same grid cell (the grid made a new one after the deletion). */
export function liveSameBatch(db: Db, id: string): { number: string } | undefined {
  return db
    .prepare(
      `SELECT b.number FROM award_decision a JOIN award_decision b ON b.batch_key = a.batch_key AND b.id <> a.id
        WHERE a.id = ? AND a.batch_key IS NOT NULL AND b.deleted_at IS NULL LIMIT 1`,
    )
    .get(id) as { number: string } | undefined;
}

/** A live registration of the same year, subject and title. */
export function liveSameRegistration(db: Db, id: string): boolean {
  return Boolean(
    db
      .prepare(
        `SELECT 1 FROM registration a JOIN registration b
            ON b.year = a.year AND b.award_code = a.award_code AND b.subject_kind = a.subject_kind
           AND b.staff_id IS a.staff_id AND b.unit_id IS a.unit_id AND b.id <> a.id
         WHERE a.id = ? AND b.deleted_at IS NULL LIMIT 1`,
      )
      .get(id),
  );
}

/** The same person or collective back in the nominee's dossier (added again after the removal). */
export function liveSameNominee(db: Db, id: string): boolean {
  return Boolean(
    db
      .prepare(
        `SELECT 1 FROM dossier_nominee a JOIN dossier_nominee b
            ON b.dossier_id = a.dossier_id AND b.subject_kind = a.subject_kind AND b.staff_id IS a.staff_id AND b.unit_id IS a.unit_id AND b.id <> a.id
         WHERE a.id = ? AND b.deleted_at IS NULL LIMIT 1`,
      )
      .get(id),
  );
}

/** A received dossier this consolidated one was made from that now went into another live dossier. */
export function sourceTakenElsewhere(db: Db, id: string): { title: string } | undefined {
  return db
    .prepare(
      `SELECT o.title FROM dossier_source s
         JOIN dossier_source t ON t.source_id = s.source_id AND t.dossier_id <> s.dossier_id
         JOIN dossier o ON o.id = t.dossier_id AND o.deleted_at IS NULL
        WHERE s.dossier_id = ? LIMIT 1`,
    )
    .get(id) as { title: string } | undefined;
}

// ---- putting back ------------------------------------------------------------------------

const undelete = (db: Db, table: string, where: string, params: unknown[], now: string): number =>
  db.prepare(`UPDATE ${table} SET deleted_at = NULL, updated_at = ? WHERE ${where}`).run(now, ...params).changes;

/**
 * Clear deleted_at of the record and of the parts deleted in the same moment (a decision's
 * recipients; a dossier's nominees, their reports, documents and attachments; a nominee's report
 * and attachments); updated_at moves
 * so the restore travels in bundles. Returns how many people and collectives came back with it —
 * for a person merged into another, how many records went back to them (undoMerge).
 */
export function restoreRow(db: Db, kind: TrashKind, id: string, deletedAt: string, now: string): number {
  let parts = 0;
  if (kind === 'staff' && db.prepare('SELECT 1 FROM staff_merge WHERE merged_id = ? AND merged_at = ?').get(id, deletedAt)) {
    return undoMerge(db, id, now);
  }
  if (kind === 'decision') {
    parts = undelete(db, 'award_recipient', 'decision_id = ? AND deleted_at = ?', [id, deletedAt], now);
  } else if (kind === 'dossier') {
    parts = undelete(db, 'dossier_nominee', 'dossier_id = ? AND deleted_at = ?', [id, deletedAt], now);
    undelete(db, 'dossier_report', 'deleted_at = ? AND nominee_id IN (SELECT id FROM dossier_nominee WHERE dossier_id = ?)', [deletedAt, id], now);
    for (const t of ['dossier_document', 'dossier_attachment']) undelete(db, t, 'dossier_id = ? AND deleted_at = ?', [id, deletedAt], now);
  } else if (kind === 'nominee') {
    for (const t of ['dossier_report', 'dossier_attachment']) undelete(db, t, 'nominee_id = ? AND deleted_at = ?', [id, deletedAt], now);
  } else if (kind === 'task_file' || kind === 'task_note') {
    // as adding or deleting one does: the task's change travels with it
    db.prepare(`UPDATE task SET updated_at = ? WHERE id = (SELECT task_id FROM ${TABLES[kind]} WHERE id = ?)`).run(now, id);
  }
  const table = TABLES[kind];
  if (undelete(db, table, 'id = ? AND deleted_at = ?', [id, deletedAt], now) !== 1) throw new Error(`${table} ${id} was not deleted at ${deletedAt}`);
  return parts;
}

/** The table of each kind. */
export const TABLES: Record<TrashKind, string> = {
  staff: 'staff',
  campaign: 'campaign',
  plan: 'plan',
  task: 'task',
  decision: 'award_decision',
  initiative: 'initiative',
  discipline: 'discipline',
  registration: 'registration',
  dossier: 'dossier',
  nominee: 'dossier_nominee',
  evidence: 'dossier_attachment',
  task_file: 'task_attachment',
  task_note: 'task_note',
};
