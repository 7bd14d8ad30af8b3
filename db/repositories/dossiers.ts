// Nomination dossiers: queries only (synchronous better-sqlite3; callers wrap multi-row
// writes in one transaction). Children are soft-deleted with their dossier so the
// deletions travel in exchange bundles.
import type BetterSqlite3 from 'better-sqlite3';
import { newId, nowIso } from '../ids';
import type {
  DossierAttachmentTable,
  DossierDocumentTable,
  DossierNomineeTable,
  DossierOutcomeTable,
  DossierReportTable,
  DossierTable,
} from '../schema';

type Db = BetterSqlite3.Database;

const statements = new WeakMap<Db, Map<string, BetterSqlite3.Statement>>();

function prep(db: Db, sql: string): BetterSqlite3.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

const all = <T>(db: Db, sql: string, params: unknown[] = []): T[] => prep(db, sql).all(...params) as T[];
const get = <T>(db: Db, sql: string, params: unknown[] = []): T | undefined => prep(db, sql).get(...params) as T | undefined;
const run = (db: Db, sql: string, params: unknown[] = []): number => prep(db, sql).run(...params).changes;

export type DossierRow = DossierTable;
export type NomineeRow = DossierNomineeTable;
export type ReportRow = DossierReportTable;
export type DocumentRow = DossierDocumentTable;
export type AttachmentRow = DossierAttachmentTable;
export type OutcomeRow = DossierOutcomeTable;

type Fields<T> = Partial<Omit<T, 'id' | 'origin_office_id' | 'created_at' | 'updated_at' | 'deleted_at'>>;

function insertRow(db: Db, table: string, origin: string, cols: Record<string, unknown>, now: string): string {
  const id = newId();
  const names = ['id', 'origin_office_id', 'created_at', 'updated_at', ...Object.keys(cols)];
  const values = [id, origin, now, now, ...Object.values(cols)];
  prep(db, `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...values);
  return id;
}

function updateRow(db: Db, table: string, id: string, cols: Record<string, unknown>, now: string): number {
  const keys = Object.keys(cols);
  if (keys.length === 0) return 0;
  return prep(
    db,
    `UPDATE "${table}" SET ${keys.map((k) => `"${k}" = ?`).join(', ')}, updated_at = ? WHERE id = ? AND deleted_at IS NULL`,
  ).run(...Object.values(cols), now, id).changes;
}

// ---------------------------------------------------------------------------------------
// Dossiers

export interface DossierListRow extends DossierRow {
  nominee_count: number;
  office_name: string | null;
}

export function listDossiers(db: Db, f: { origin: 'own' | 'received'; selfOfficeId: string; year: number | null }): DossierListRow[] {
  const where = [
    'd.deleted_at IS NULL',
    f.origin === 'own' ? 'd.origin_office_id = ?' : 'd.origin_office_id <> ? AND d.submission_no > 0',
    ...(f.year !== null ? ['d.year = ?'] : []),
  ];
  return all<DossierListRow>(
    db,
    `SELECT d.*, o.name AS office_name,
       (SELECT COUNT(*) FROM dossier_nominee n WHERE n.dossier_id = d.id AND n.deleted_at IS NULL) AS nominee_count
     FROM dossier d LEFT JOIN office o ON o.id = d.origin_office_id
     WHERE ${where.join(' AND ')}
     ORDER BY d.year DESC, d.updated_at DESC`,
    [f.selfOfficeId, ...(f.year !== null ? [f.year] : [])],
  );
}

/** The office's own dossiers of a year, but one, whose council meeting is recorded (a date, a chair or members), the latest changed first. */
export function dossiersWithMeeting(db: Db, officeId: string, year: number, exceptId: string): DossierRow[] {
  return all<DossierRow>(
    db,
    `SELECT * FROM dossier
      WHERE deleted_at IS NULL AND origin_office_id = ? AND year = ? AND id <> ?
        AND (meeting_date IS NOT NULL OR meeting_chair <> '' OR meeting_members <> '[]')
      ORDER BY updated_at DESC, rowid DESC`,
    [officeId, year, exceptId],
  );
}

export function getDossier(db: Db, id: string): DossierRow | undefined {
  return get<DossierRow>(db, 'SELECT * FROM dossier WHERE id = ? AND deleted_at IS NULL', [id]);
}

export function insertDossier(db: Db, origin: string, cols: Fields<DossierRow>, now = nowIso()): string {
  return insertRow(db, 'dossier', origin, cols, now);
}

export function updateDossier(db: Db, id: string, cols: Fields<DossierRow>, now = nowIso()): void {
  updateRow(db, 'dossier', id, cols, now);
}

/** The dossier and everything under it. */
export function softDeleteDossier(db: Db, id: string, now = nowIso()): boolean {
  const nominees = all<{ id: string }>(db, 'SELECT id FROM dossier_nominee WHERE dossier_id = ? AND deleted_at IS NULL', [id]);
  for (const n of nominees) run(db, 'UPDATE dossier_report SET deleted_at = ?, updated_at = ? WHERE nominee_id = ? AND deleted_at IS NULL', [now, now, n.id]);
  for (const t of ['dossier_nominee', 'dossier_document', 'dossier_attachment']) {
    run(db, `UPDATE ${t} SET deleted_at = ?, updated_at = ? WHERE dossier_id = ? AND deleted_at IS NULL`, [now, now, id]);
  }
  return run(db, 'UPDATE dossier SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL', [now, now, id]) > 0;
}

// ---------------------------------------------------------------------------------------
// Nominees

export function listNominees(db: Db, dossierId: string): NomineeRow[] {
  return all<NomineeRow>(db, 'SELECT * FROM dossier_nominee WHERE dossier_id = ? AND deleted_at IS NULL ORDER BY sort_order, created_at', [dossierId]);
}

/** The nominees' names of some dossiers, in each dossier's order (a list's search by name). */
export function nomineeNamesOf(db: Db, dossierIds: readonly string[]): Array<{ dossier_id: string; name: string }> {
  return all(
    db,
    'SELECT dossier_id, name FROM dossier_nominee WHERE deleted_at IS NULL AND dossier_id IN (SELECT value FROM json_each(?)) ORDER BY dossier_id, sort_order, created_at',
    [JSON.stringify(dossierIds)],
  );
}

export function getNominee(db: Db, id: string): NomineeRow | undefined {
  return get<NomineeRow>(db, 'SELECT * FROM dossier_nominee WHERE id = ? AND deleted_at IS NULL', [id]);
}

export function insertNominee(db: Db, origin: string, cols: Fields<NomineeRow>, now = nowIso()): string {
  return insertRow(db, 'dossier_nominee', origin, cols, now);
}

export function updateNominee(db: Db, id: string, cols: Fields<NomineeRow>, now = nowIso()): void {
  updateRow(db, 'dossier_nominee', id, cols, now);
}

/** The nominee, its report and its attachments. */
export function softDeleteNominee(db: Db, id: string, now = nowIso()): boolean {
  run(db, 'UPDATE dossier_report SET deleted_at = ?, updated_at = ? WHERE nominee_id = ? AND deleted_at IS NULL', [now, now, id]);
  run(db, 'UPDATE dossier_attachment SET deleted_at = ?, updated_at = ? WHERE nominee_id = ? AND deleted_at IS NULL', [now, now, id]);
  return run(db, 'UPDATE dossier_nominee SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL', [now, now, id]) > 0;
}

// ---------------------------------------------------------------------------------------
// Reports (one live row per nominee; the latest wins if a merge brought two)

export function reportOf(db: Db, nomineeId: string): ReportRow | undefined {
  return get<ReportRow>(db, 'SELECT * FROM dossier_report WHERE nominee_id = ? AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1', [nomineeId]);
}

export function reportsOfDossier(db: Db, dossierId: string): ReportRow[] {
  return all<ReportRow>(
    db,
    `SELECT r.* FROM dossier_report r JOIN dossier_nominee n ON n.id = r.nominee_id
     WHERE n.dossier_id = ? AND r.deleted_at IS NULL AND n.deleted_at IS NULL ORDER BY r.updated_at`,
    [dossierId],
  );
}

export function upsertReport(db: Db, origin: string, nomineeId: string, templateId: string, content: string, now = nowIso()): string {
  const current = reportOf(db, nomineeId);
  if (current) {
    if (current.template_id !== templateId || current.content !== content) updateRow(db, 'dossier_report', current.id, { template_id: templateId, content }, now);
    return current.id;
  }
  return insertRow(db, 'dossier_report', origin, { nominee_id: nomineeId, template_id: templateId, content }, now);
}

// ---------------------------------------------------------------------------------------
// Generated documents and attachments

export function listDocuments(db: Db, dossierId: string): DocumentRow[] {
  return all<DocumentRow>(db, 'SELECT * FROM dossier_document WHERE dossier_id = ? AND deleted_at IS NULL ORDER BY sort_order, file_name', [dossierId]);
}

export function getDocument(db: Db, id: string): DocumentRow | undefined {
  return get<DocumentRow>(db, 'SELECT * FROM dossier_document WHERE id = ? AND deleted_at IS NULL', [id]);
}

export function insertDocument(db: Db, origin: string, cols: Fields<DocumentRow>, now = nowIso()): string {
  return insertRow(db, 'dossier_document', origin, cols, now);
}

export function softDeleteDocuments(db: Db, dossierId: string, now = nowIso()): number {
  return run(db, 'UPDATE dossier_document SET deleted_at = ?, updated_at = ? WHERE dossier_id = ? AND deleted_at IS NULL', [now, now, dossierId]);
}

export function listAttachments(db: Db, dossierId: string): AttachmentRow[] {
  return all<AttachmentRow>(db, 'SELECT * FROM dossier_attachment WHERE dossier_id = ? AND deleted_at IS NULL ORDER BY created_at', [dossierId]);
}

export function getAttachment(db: Db, id: string): AttachmentRow | undefined {
  return get<AttachmentRow>(db, 'SELECT * FROM dossier_attachment WHERE id = ? AND deleted_at IS NULL', [id]);
}

export function insertAttachment(db: Db, origin: string, cols: Fields<AttachmentRow>, now = nowIso()): string {
  return insertRow(db, 'dossier_attachment', origin, cols, now);
}

export function softDeleteAttachment(db: Db, id: string, now = nowIso()): boolean {
  return run(db, 'UPDATE dossier_attachment SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL', [now, now, id]) > 0;
}

// ---------------------------------------------------------------------------------------
// Outcomes (rows of the province)

export function outcomesOf(db: Db, dossierIds: readonly string[]): OutcomeRow[] {
  if (dossierIds.length === 0) return [];
  return all<OutcomeRow>(
    db,
    'SELECT * FROM dossier_outcome WHERE deleted_at IS NULL AND dossier_id IN (SELECT value FROM json_each(?)) ORDER BY decided_at',
    [JSON.stringify(dossierIds)],
  );
}

export function insertOutcome(db: Db, origin: string, cols: Fields<OutcomeRow>, now = nowIso()): string {
  return insertRow(db, 'dossier_outcome', origin, cols, now);
}

// ---------------------------------------------------------------------------------------
// Lookups for the builder

export interface StaffForDossier {
  id: string;
  full_name: string;
  birth_date: string | null;
  gender: string | null;
  position: string;
  unit_id: string | null;
  unit_name: string | null;
}

export function staffForDossier(db: Db, ids: readonly string[]): Map<string, StaffForDossier> {
  if (ids.length === 0) return new Map();
  const rows = all<StaffForDossier>(
    db,
    `SELECT s.id, s.full_name, s.birth_date, s.gender, s.position, s.unit_id, u.name AS unit_name
     FROM staff s LEFT JOIN unit u ON u.id = s.unit_id WHERE s.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export interface UnitForDossier {
  id: string;
  name: string;
  parent_name: string | null;
}

export function unitsForDossier(db: Db, ids: readonly string[]): Map<string, UnitForDossier> {
  if (ids.length === 0) return new Map();
  const rows = all<UnitForDossier>(
    db,
    `SELECT u.id, u.name, p.name AS parent_name FROM unit u LEFT JOIN unit p ON p.id = u.parent_id WHERE u.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export function campaignForDossier(db: Db, id: string): { id: string; name: string; deadlines: string } | undefined {
  return get(db, 'SELECT id, name, deadlines FROM campaign WHERE id = ? AND deleted_at IS NULL', [id]);
}

export function officeRow(db: Db, id: string):
  | { id: string; name: string; parent_agency: string; abbreviation: string; place_name: string; head_title: string; head_name: string; superior_name: string; level_code: string }
  | undefined {
  return get(db, 'SELECT id, name, parent_agency, abbreviation, place_name, head_title, head_name, superior_name, level_code FROM office WHERE id = ?', [id]);
}

const IN_IDS = 'IN (SELECT value FROM json_each(?))';

/** The live dossiers among `ids`, with the office each came from. */
export function dossierOrigins(db: Db, ids: readonly string[]): Array<{ id: string; origin_office_id: string }> {
  return all(db, `SELECT id, origin_office_id FROM dossier WHERE deleted_at IS NULL AND id ${IN_IDS}`, [JSON.stringify(ids)]);
}

/** The tờ trình of each dossier among `ids`: its number and date, and the sending office and its abbreviation. */
export function dossierPapers(
  db: Db,
  ids: readonly string[],
): Array<{ id: string; origin_office_id: string; doc_number: number | null; doc_date: string | null; abbreviation: string }> {
  return all(
    db,
    `SELECT d.id, d.origin_office_id, d.doc_number, d.doc_date, COALESCE(o.abbreviation, '') AS abbreviation
       FROM dossier d LEFT JOIN office o ON o.id = d.origin_office_id WHERE d.id ${IN_IDS}`,
    [JSON.stringify(ids)],
  );
}

// ---------------------------------------------------------------------------------------
// A consolidated dossier's sources (the province's; see consolidateReceived)

export function insertSources(db: Db, dossierId: string, sources: ReadonlyArray<{ id: string; submission_no: number }>): void {
  for (const s of sources) run(db, 'INSERT INTO dossier_source (dossier_id, source_id, submission_no) VALUES (?, ?, ?)', [dossierId, s.id, s.submission_no]);
}

export interface SourceRow {
  source_id: string;
  /** the submission consolidated */
  submission_no: number;
}

/** The received dossiers `dossierId` was consolidated from (live ones), in the order recorded. */
export function sourcesOf(db: Db, dossierId: string): SourceRow[] {
  return all(
    db,
    `SELECT s.source_id, s.submission_no FROM dossier_source s JOIN dossier d ON d.id = s.source_id
      WHERE s.dossier_id = ? AND d.deleted_at IS NULL ORDER BY s.rowid`,
    [dossierId],
  );
}

/** The live dossiers each of `sourceIds` was consolidated into. */
export function consolidationsOf(db: Db, sourceIds: readonly string[]): Array<{ source_id: string; dossier_id: string; title: string }> {
  if (sourceIds.length === 0) return [];
  return all(
    db,
    `SELECT s.source_id, d.id AS dossier_id, d.title FROM dossier_source s JOIN dossier d ON d.id = s.dossier_id
      WHERE d.deleted_at IS NULL AND s.source_id ${IN_IDS} ORDER BY d.created_at`,
    [JSON.stringify(sourceIds)],
  );
}

// ---------------------------------------------------------------------------------------
// An answer the dossier's own office typed in (recordOutcome on its own dossier)

/** The decisions the dossier's office recorded with a typed answer (batch "dossier:<id>:<code>"). */
export function typedAnswerDecisions(db: Db, dossierId: string, officeId: string): string[] {
  return prep(db, `SELECT id FROM award_decision WHERE deleted_at IS NULL AND origin_office_id = ? AND batch_key LIKE 'dossier:' || ? || ':%'`)
    .pluck()
    .all(officeId, dossierId) as string[];
}

export function softDeleteOutcome(db: Db, id: string, now = nowIso()): boolean {
  return run(db, 'UPDATE dossier_outcome SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL', [now, now, id]) > 0;
}

/** Dossiers tied to this one by consolidation: those it was made from and those made from it. */
const LINKED = 'SELECT source_id FROM dossier_source WHERE dossier_id = @id UNION SELECT dossier_id FROM dossier_source WHERE source_id = @id';
/**
 * Nominees of the office's other live dossiers of the year (@id the dossier, @year, @origin) —
 * not those linked by consolidation, nor one the superior returned and the office left as it
 * was (a new dossier replaces it).
 */
const ELSEWHERE = `SELECT n.subject_kind, COALESCE(n.staff_id, n.unit_id) AS subject_id, n.award_code, d.title
       FROM dossier_nominee n JOIN dossier d ON d.id = n.dossier_id
      WHERE n.deleted_at IS NULL AND d.deleted_at IS NULL AND d.id <> @id AND d.year = @year AND d.origin_office_id = @origin
        AND d.id NOT IN (${LINKED})
        AND NOT (d.state = 'da_gui' AND EXISTS (SELECT 1 FROM dossier_outcome o WHERE o.dossier_id = d.id AND o.deleted_at IS NULL
                                                 AND o.submission_no = d.submission_no AND o.outcome = 'returned'))`;

export interface NominationElsewhere {
  subject_kind: string;
  subject_id: string;
  award_code: string;
  title: string;
}

/**
 * Everyone the other dossiers propose (for one award, or any: null) — the proposals list marks
 * them, the checklist warns of its nominees among them. Linear in the year's nominations.
 */
export function nominationsElsewhere(db: Db, dossierId: string, originOfficeId: string, year: number, awardCode: string | null): NominationElsewhere[] {
  return prep(db, `${ELSEWHERE} AND (@code IS NULL OR n.award_code = @code) ORDER BY d.created_at, d.id`).all({
    id: dossierId,
    year,
    origin: originOfficeId,
    code: awardCode,
  }) as NominationElsewhere[];
}

/** Decisions of the year already awarding a nominee the award proposed, other than the answers to this dossier and those linked to it. */
export function priorAwards(db: Db, dossierId: string, year: number): Array<{ subject_kind: string; subject_id: string; award_code: string; number: string; decision_date: string | null }> {
  const part = (kind: 'person' | 'unit', col: 'staff_id' | 'unit_id') => `
    SELECT n.subject_kind, n.${col} AS subject_id, n.award_code, d.number, d.decision_date
      FROM dossier_nominee n
      JOIN award_recipient r ON r.${col} = n.${col} AND r.subject_kind = '${kind}' AND r.deleted_at IS NULL
      JOIN award_decision d ON d.id = r.decision_id AND d.deleted_at IS NULL AND d.year = @year AND d.award_code = n.award_code
     WHERE n.dossier_id = @id AND n.deleted_at IS NULL AND n.subject_kind = '${kind}'
       AND (d.batch_key IS NULL OR NOT (d.batch_key LIKE 'dossier:' || @id || ':%'
            OR EXISTS (SELECT 1 FROM (${LINKED}) l WHERE d.batch_key LIKE 'dossier:' || l.source_id || ':%')))`;
  return prep(db, `${part('person', 'staff_id')} UNION ALL ${part('unit', 'unit_id')} ORDER BY decision_date, number`).all({ id: dossierId, year }) as Array<{
    subject_kind: string;
    subject_id: string;
    award_code: string;
    number: string;
    decision_date: string | null;
  }>;
}

