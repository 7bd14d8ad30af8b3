// What the yearly TĐKT statistics (TT 02/2023/TT-BNV) count: the year's award recipients with
// the decision's form and kind, the person's position and unit; the office's issued campaigns.
import type BetterSqlite3 from 'better-sqlite3';

type Db = BetterSqlite3.Database;

export interface PeriodicRecipientRow {
  award_code: string | null;
  other_form: string;
  basis: string;
  subject_kind: 'person' | 'unit';
  name: string;
  position: string;
  unit_name: string;
}

/** Every live recipient of a live decision for `year` (the year the award is for, as the statistics count it). */
export function periodicRecipients(db: Db, year: number): PeriodicRecipientRow[] {
  return db
    .prepare(
      `SELECT d.award_code, d.other_form, d.basis, r.subject_kind, r.name,
              COALESCE(s.position, '') AS position,
              CASE WHEN r.subject_kind = 'unit' THEN COALESCE(p.name, '') WHEN r.unit_name <> '' THEN r.unit_name ELSE COALESCE(su.name, '') END AS unit_name
         FROM award_recipient r JOIN award_decision d ON d.id = r.decision_id
         LEFT JOIN staff s ON s.id = r.staff_id
         LEFT JOIN unit su ON su.id = s.unit_id
         LEFT JOIN unit ru ON ru.id = r.unit_id
         LEFT JOIN unit p ON p.id = ru.parent_id
        WHERE d.deleted_at IS NULL AND r.deleted_at IS NULL AND d.year = ?
        ORDER BY d.decision_date, d.number, r.sort_order`,
    )
    .all(year) as PeriodicRecipientRow[];
}

export interface PeriodicCampaignRow {
  kind: string;
  year_from: number;
  year_to: number;
  start_date: string | null;
  end_date: string | null;
}

/** The office's own campaigns once issued (drafts are not launched). */
export function issuedCampaigns(db: Db, officeId: string): PeriodicCampaignRow[] {
  return db
    .prepare(
      `SELECT kind, year_from, year_to, start_date, end_date FROM campaign
        WHERE deleted_at IS NULL AND origin_office_id = ? AND status IN ('da_ban_hanh', 'da_ket_thuc')`,
    )
    .all(officeId) as PeriodicCampaignRow[];
}
