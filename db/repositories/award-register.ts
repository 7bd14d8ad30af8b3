// The people and collectives of chosen decisions, for the register of awards (Sổ theo dõi khen
// thưởng): each recipient with the decision's fields, the person's position and unit.
import type BetterSqlite3 from 'better-sqlite3';

export interface RegisterRow {
  decision_id: string;
  subject_kind: 'person' | 'unit';
  name: string;
  position: string;
  unit_name: string;
  cash_amount: number | null;
}

/** Live recipients of the decisions `ids`, in each decision's list order. */
export function registerRecipients(db: BetterSqlite3.Database, ids: readonly string[]): RegisterRow[] {
  if (ids.length === 0) return [];
  return db
    .prepare(
      `SELECT r.decision_id, r.subject_kind, r.name, COALESCE(s.position, '') AS position,
              CASE WHEN r.unit_name <> '' THEN r.unit_name WHEN r.subject_kind = 'unit' THEN COALESCE(p.name, '') ELSE COALESCE(su.name, '') END AS unit_name,
              r.cash_amount
         FROM award_recipient r
         LEFT JOIN staff s ON s.id = r.staff_id
         LEFT JOIN unit su ON su.id = s.unit_id
         LEFT JOIN unit ru ON ru.id = r.unit_id
         LEFT JOIN unit p ON p.id = ru.parent_id
        WHERE r.deleted_at IS NULL AND r.decision_id IN (SELECT value FROM json_each(?))
        ORDER BY r.decision_id, r.sort_order`,
    )
    .all(JSON.stringify(ids)) as RegisterRow[];
}
