// Entity kinds for nomination dossiers, and — because no award-records kinds existed when
// dossiers needed them — for the award records the province needs to judge a nominee
// (ratings, initiatives, disciplines, registrations, decisions and recipients).
//
// Which rows travel:
// - office → province: the office's own records (default), and its dossiers that were ever
//   submitted, with their nominees, reports, documents and attachments (drafts stay home);
// - province → office: the outcomes of the target office's dossiers, and the award decisions
//   (and recipients) the province recorded for them (batch_key "dossier:<id>:<code>"); the
//   office's own dossier rows are NOT sent back (the office owns them; sending an older copy
//   back would only raise conflicts when the office edited it meanwhile);
// - full: everything.
// Documents and attachments carry their bytes (content-addressed: documents/dossier/<sha256>,
// attachments/dossier/<sha256>), stored on import under <db folder>/attachments/.
import type BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { z } from 'zod';
import { AWARD_BASES, DISCIPLINE_FORMS, INITIATIVE_KINDS, INITIATIVE_SCOPES, RATINGS } from '../../../../shared/awards';
import { AppError } from '../../../../shared/contract/errors';
import { foldVi, formatDateVi } from '../../../../shared/text/vn';
import { readStored, sha256Hex, storeBytes } from '../../files/content-store';
import { numberKey } from '../../records/grid';
import { nowIso } from '../../../../db/ids';
import { softDeleteOutcome } from '../../../../db/repositories/dossiers';
import { softDeleteDecision } from '../../../../db/repositories/records';
import { RECORD_COLUMNS, defaultSelect, flag, isoDate, ref, text, type EntityFiles, type EntityKind, type ExportScope, type Row } from '../entity';
import { isoTimestamp as isoTs, recordId } from '../format';
import { awardShortName } from '../../records/award-names';

const str = (v: unknown) => (v == null ? '' : String(v));
const date = (v: unknown) => (typeof v === 'string' ? formatDateVi(v) : '');
const year = z.number().int().min(1900).max(2200);
const count = z.number().int().min(0).max(1_000_000_000);
const money = z.number().int().min(0).max(100_000_000_000);
const smallInt = z.number().int().min(-1_000_000).max(1_000_000);
const sha = z.string().regex(/^[0-9a-f]{64}$/, { error: 'mã SHA-256 không hợp lệ' });
const awardCode = z.string().regex(/^[A-Z0-9_]{1,40}$/, { error: 'mã hình thức khen thưởng không hợp lệ' });

function colsOf(kind: EntityKind, alias = ''): string {
  return [...RECORD_COLUMNS, ...kind.columns].map((c) => `${alias}"${c}"`).join(', ');
}

/** Rows by a WHERE clause over the kind's table (alias t). */
function selectWhere(sqlite: BetterSqlite3.Database, kind: EntityKind, where: string, params: unknown[]): Row[] {
  return sqlite.prepare(`SELECT ${colsOf(kind, 't.')} FROM "${kind.table}" t WHERE ${where} ORDER BY t.id`).all(...params) as Row[];
}

// ---------------------------------------------------------------------------------------
// Award records (the nominees' history)

export const personYearKind: EntityKind = {
  name: 'person_year',
  table: 'person_year',
  label: 'Xếp loại hằng năm',
  order: 100,
  columns: ['staff_id', 'year', 'unit_id', 'rating', 'maternity_leave', 'under_review', 'note'],
  schema: z.object({
    staff_id: recordId,
    year,
    unit_id: ref,
    rating: z.enum(RATINGS).nullable(),
    maternity_leave: flag,
    under_review: flag,
    note: text(2000),
  }),
  references: { staff_id: 'staff', unit_id: 'unit' },
  describe: (r) => `Năm ${str(r.year)}${r.rating ? `: ${str(r.rating)}` : ''}`,
  keyFields: [
    { column: 'staff_id', label: 'Cán bộ', ref: 'staff' },
    { column: 'year', label: 'Năm' },
    { column: 'rating', label: 'Xếp loại' },
    { column: 'maternity_leave', label: 'Nghỉ thai sản', format: (v) => (v === 1 ? 'Có' : 'Không') },
  ],
};

export const unitYearKind: EntityKind = {
  name: 'unit_year',
  table: 'unit_year',
  label: 'Tình hình tập thể hằng năm',
  order: 105,
  columns: ['unit_id', 'year', 'under_review', 'note'],
  schema: z.object({ unit_id: recordId, year, under_review: flag, note: text(2000) }),
  references: { unit_id: 'unit' },
  describe: (r) => `Năm ${str(r.year)}`,
  keyFields: [
    { column: 'unit_id', label: 'Đơn vị', ref: 'unit' },
    { column: 'year', label: 'Năm' },
    { column: 'under_review', label: 'Đang bị xem xét', format: (v) => (v === 1 ? 'Có' : 'Không') },
  ],
};

export const registrationKind: EntityKind = {
  name: 'registration',
  table: 'registration',
  label: 'Đăng ký thi đua',
  order: 110,
  columns: ['year', 'subject_kind', 'staff_id', 'unit_id', 'award_code', 'note'],
  schema: z.object({ year, subject_kind: z.enum(['person', 'unit']), staff_id: ref, unit_id: ref, award_code: awardCode, note: text(1000) }),
  references: { staff_id: 'staff', unit_id: 'unit' },
  describe: (r) => `${awardShortName(r.award_code)} năm ${str(r.year)}`,
  keyFields: [
    { column: 'year', label: 'Năm' },
    { column: 'award_code', label: 'Danh hiệu', format: awardShortName },
    { column: 'staff_id', label: 'Cán bộ', ref: 'staff' },
    { column: 'unit_id', label: 'Đơn vị', ref: 'unit' },
  ],
};

export const initiativeKind: EntityKind = {
  name: 'initiative',
  table: 'initiative',
  label: 'Sáng kiến, đề tài',
  order: 120,
  columns: ['staff_id', 'year', 'title', 'kind', 'recognizing_body', 'scope', 'recognized_on', 'decision_no', 'note'],
  schema: z.object({
    staff_id: recordId,
    year,
    title: text(1000, true),
    kind: z.enum(INITIATIVE_KINDS),
    recognizing_body: text(300),
    scope: z.enum(INITIATIVE_SCOPES),
    recognized_on: isoDate.nullable(),
    decision_no: text(50),
    note: text(2000),
  }),
  derived: { title_key: (r) => foldVi(str(r.title)) },
  references: { staff_id: 'staff' },
  describe: (r) => str(r.title),
  keyFields: [
    { column: 'staff_id', label: 'Cán bộ', ref: 'staff' },
    { column: 'title', label: 'Tên sáng kiến, đề tài' },
    { column: 'year', label: 'Năm công nhận' },
    { column: 'scope', label: 'Phạm vi' },
  ],
};

export const disciplineKind: EntityKind = {
  name: 'discipline',
  table: 'discipline',
  label: 'Kỷ luật',
  order: 130,
  columns: ['staff_id', 'form', 'from_date', 'to_date', 'decision_no', 'issuer', 'note'],
  schema: z.object({
    staff_id: recordId,
    form: z.enum(DISCIPLINE_FORMS),
    from_date: isoDate,
    to_date: isoDate.nullable(),
    decision_no: text(50),
    issuer: text(300),
    note: text(2000),
  }),
  references: { staff_id: 'staff' },
  describe: (r) => `${str(r.form)} từ ${date(r.from_date)}`,
  keyFields: [
    { column: 'staff_id', label: 'Cán bộ', ref: 'staff' },
    { column: 'form', label: 'Hình thức' },
    { column: 'from_date', label: 'Từ ngày', format: date },
    { column: 'to_date', label: 'Đến ngày', format: date },
  ],
};

/** A subject (recipient, nominee) who is the target office's own: its staff or its units. */
const officeSubject = (t: string) => `(${t}.staff_id IN (SELECT id FROM staff WHERE origin_office_id = ?) OR ${t}.unit_id IN (SELECT id FROM unit WHERE origin_office_id = ?))`;

/**
 * Decisions the province recorded for the target office's dossiers (see recordOutcome), and
 * those for a dossier it consolidated from them and sent up (dossier_source) that name one of
 * the office's people or units. `?` = the target office, DOSSIER_DECISIONS_PARAMS times.
 */
const DOSSIER_DECISIONS = `t.batch_key IS NOT NULL AND (
  EXISTS (SELECT 1 FROM dossier x WHERE x.origin_office_id = ? AND t.batch_key LIKE 'dossier:' || x.id || ':%')
  OR (EXISTS (SELECT 1 FROM dossier_source s JOIN dossier x ON x.id = s.source_id WHERE x.origin_office_id = ? AND t.batch_key LIKE 'dossier:' || s.dossier_id || ':%')
      AND EXISTS (SELECT 1 FROM award_recipient r WHERE r.decision_id = t.id AND r.deleted_at IS NULL AND ${officeSubject('r')})))`;
const DOSSIER_DECISIONS_PARAMS = 4;
const targets = (office: string | null, n: number) => Array.from({ length: n }, () => office);

/**
 * The superior's answer replaces what the dossier's office typed from the paper: an incoming
 * decision or outcome of a dossier, from another office than the dossier's (the superior), soft-
 * deletes the dossier office's own record of the same answer (recordOutcome on one's own dossier)
 * — one Bằng khen, not two, in the statistics and the checker.
 */
function supersedeHandTyped(
  sqlite: BetterSqlite3.Database,
  records: Row[],
  find: string,
  key: (r: Row) => unknown[],
  drop: (sqlite: BetterSqlite3.Database, id: string, now: string) => unknown,
): void {
  const now = nowIso();
  const typed = sqlite.prepare(find);
  // a typed record the bundle itself carries (the province replaced it there) takes the bundle's state
  const carried = new Set(records.map((r) => r.id));
  for (const r of records) {
    if (r.deleted_at) continue;
    const params = key(r);
    if (!params.length) continue;
    for (const { id } of typed.all(...params) as Array<{ id: string }>) if (!carried.has(id)) drop(sqlite, id, now);
  }
}

const dossierOfBatch = (batchKey: unknown) => (typeof batchKey === 'string' && batchKey.startsWith('dossier:') ? batchKey.split(':')[1] ?? null : null);

const HAND_TYPED_DECISIONS = `SELECT d.id, d.number, x.title FROM award_decision d JOIN dossier x ON x.id = ?
  WHERE d.batch_key = ? AND d.id <> ? AND d.deleted_at IS NULL AND d.origin_office_id = x.origin_office_id AND x.origin_office_id <> ?`;
const handTypedParams = (r: Row) => {
  const dossierId = dossierOfBatch(r.batch_key);
  return dossierId ? [dossierId, r.batch_key, r.id, r.origin_office_id] : [];
};

/** Outcomes the dossier's own office typed for a submission the superior's incoming outcome answers. */
const HAND_TYPED_OUTCOMES = `SELECT o.id, x.title FROM dossier_outcome o JOIN dossier x ON x.id = o.dossier_id
  WHERE o.dossier_id = ? AND o.submission_no = ? AND o.id <> ? AND o.deleted_at IS NULL AND o.origin_office_id = x.origin_office_id AND x.origin_office_id <> ?`;
const outcomeParams = (r: Row) => [r.dossier_id, r.submission_no, r.id, r.origin_office_id];
/** The decisions that office recorded with its typed outcome (recordOutcome's batch "dossier:<id>:<code>"). */
const HAND_TYPED_OUTCOME_DECISIONS = `SELECT d.id, d.number FROM award_decision d JOIN dossier x ON x.id = ?
  WHERE d.batch_key LIKE 'dossier:' || x.id || ':%' AND d.deleted_at IS NULL AND d.origin_office_id = x.origin_office_id AND x.origin_office_id <> ?`;
const outcomeDecisionParams = (r: Row) => [r.dossier_id, r.origin_office_id];

/**
 * What an import will replace, for its preview: the answers (outcomes, decisions) this office
 * typed in from the superior's paper that the bundle's own record of them supersedes.
 */
export function supersededNotes(sqlite: BetterSqlite3.Database, incoming: { decisions: readonly Row[]; outcomes: readonly Row[] }): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  const outcomes = sqlite.prepare(HAND_TYPED_OUTCOMES);
  const outcomeDecisions = sqlite.prepare(HAND_TYPED_OUTCOME_DECISIONS);
  for (const r of incoming.outcomes) {
    if (r.deleted_at) continue;
    const typed = outcomes.all(...outcomeParams(r)) as Array<{ id: string; title: string }>;
    if (!typed.length) continue;
    const decisions = outcomeDecisions.all(...outcomeDecisionParams(r)) as Array<{ id: string; number: string }>;
    for (const d of decisions) seen.add(d.id);
    const numbers = decisions.map((d) => d.number).filter(Boolean);
    notes.push(
      `Kết quả ghi tay của hồ sơ “${typed[0]!.title}”${numbers.length ? ` (quyết định số ${[...new Set(numbers)].join(', ')})` : ''} sẽ được thay bằng kết quả của cấp trên trong gói.`,
    );
  }
  const find = sqlite.prepare(HAND_TYPED_DECISIONS);
  for (const r of incoming.decisions) {
    const params = handTypedParams(r);
    if (r.deleted_at || !params.length) continue;
    for (const d of find.all(...params) as Array<{ id: string; number: string; title: string }>) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      notes.push(
        `Quyết định${d.number ? ` số ${d.number}` : ''} ghi tay theo hồ sơ “${d.title}” sẽ được thay bằng quyết định của cấp trên trong gói${str(r.number) && str(r.number) !== d.number ? ` (số ${str(r.number)})` : ''}.`,
      );
    }
  }
  return notes;
}

export const awardDecisionKind: EntityKind = {
  name: 'award_decision',
  table: 'award_decision',
  label: 'Quyết định khen thưởng',
  order: 140,
  // campaign_id stays local: campaigns do not travel, and a receiver keeps its own link
  columns: ['number', 'decision_date', 'issuer', 'signer', 'award_code', 'other_form', 'basis', 'year', 'cash_amount', 'source', 'batch_key', 'note'],
  schema: z.object({
    number: text(50),
    decision_date: isoDate.nullable(),
    issuer: text(300),
    signer: text(200),
    award_code: awardCode.nullable(),
    other_form: text(300),
    basis: z.enum(AWARD_BASES),
    year,
    cash_amount: money.nullable(),
    source: z.enum(['manual', 'grid', 'import']),
    batch_key: text(200).nullable(),
    note: text(2000),
  }),
  derived: { number_key: (r) => numberKey(str(r.number)) },
  beforeWrite(sqlite, records) {
    supersedeHandTyped(sqlite, records, HAND_TYPED_DECISIONS, handTypedParams, softDeleteDecision);
  },
  select(sqlite, scope: ExportScope) {
    if (scope.kind !== 'province-to-office') return defaultSelect(sqlite, this, scope);
    return selectWhere(sqlite, this, `t.origin_office_id = ? OR (${DOSSIER_DECISIONS})`, targets(scope.targetOfficeId, 1 + DOSSIER_DECISIONS_PARAMS));
  },
  describe: (r) => [r.number ? `Số ${str(r.number)}` : '', awardShortName(r.award_code) || str(r.other_form), r.year ? `năm ${str(r.year)}` : ''].filter(Boolean).join(' — '),
  keyFields: [
    { column: 'number', label: 'Số quyết định' },
    { column: 'decision_date', label: 'Ngày', format: date },
    { column: 'award_code', label: 'Hình thức', format: awardShortName },
    { column: 'issuer', label: 'Cơ quan ban hành' },
  ],
};

export const awardRecipientKind: EntityKind = {
  name: 'award_recipient',
  table: 'award_recipient',
  label: 'Người, tập thể được khen',
  order: 150,
  columns: ['decision_id', 'subject_kind', 'staff_id', 'unit_id', 'name', 'unit_name', 'cash_amount', 'sort_order'],
  schema: z.object({
    decision_id: recordId,
    subject_kind: z.enum(['person', 'unit']),
    staff_id: ref,
    unit_id: ref,
    name: text(300, true),
    unit_name: text(300),
    cash_amount: money.nullable(),
    sort_order: smallInt,
  }),
  references: { decision_id: 'award_decision', staff_id: 'staff', unit_id: 'unit' },
  select(sqlite, scope) {
    if (scope.kind !== 'province-to-office') return defaultSelect(sqlite, this, scope);
    return selectWhere(
      sqlite,
      this,
      // a consolidated dossier's decision names every office's people: only this office's travel
      `t.origin_office_id = ? OR (t.decision_id IN (SELECT t.id FROM award_decision t WHERE ${DOSSIER_DECISIONS}) AND ${officeSubject('t')})`,
      targets(scope.targetOfficeId, 1 + DOSSIER_DECISIONS_PARAMS + 2),
    );
  },
  describe: (r) => str(r.name),
  keyFields: [
    { column: 'name', label: 'Tên' },
    { column: 'unit_name', label: 'Đơn vị' },
    { column: 'decision_id', label: 'Quyết định', ref: 'award_decision' },
  ],
};

// ---------------------------------------------------------------------------------------
// Dossiers

/** Dossiers of an office-to-province bundle: ever submitted (drafts stay at the office). */
const SENT = `t.origin_office_id = ? AND t.submission_no > 0`;

function dossierChildSelect(where: (scope: ExportScope) => string) {
  return function (this: EntityKind, sqlite: BetterSqlite3.Database, scope: ExportScope): Row[] {
    if (scope.kind === 'full') return defaultSelect(sqlite, this, scope);
    if (scope.kind === 'province-to-office') return [];
    return selectWhere(sqlite, this, where(scope), [scope.selfOfficeId]);
  };
}

const FILE_MAX = 50 * 1024 * 1024;

/**
 * Carried bytes of document/attachment rows, by content: <folder>/dossier/<sha256>. Export reads
 * them from this installation's store (the database's folder: the handler passes no path, so
 * the kind remembers the store of the connection it reads through `storeOf`).
 */
function carriedFiles(folder: 'documents' | 'attachments'): EntityFiles {
  return {
    folder,
    collect(sqlite, rows) {
      const dir = storeOf(sqlite);
      const seen = new Set<string>();
      const out: { path: string; bytes(): Uint8Array }[] = [];
      for (const r of rows) {
        if (r.deleted_at) continue;
        const sha256 = str(r.sha256);
        if (seen.has(sha256)) continue;
        seen.add(sha256);
        out.push({
          path: `dossier/${sha256}`,
          bytes: () => {
            try {
              return readStored(dir, sha256, null, str(r.file_name), 'Tệp của hồ sơ đề nghị');
            } catch (e) {
              throw new AppError((e as AppError).code ?? 'FILE_INVALID', `Chưa xuất được gói. ${(e as Error).message}`);
            }
          },
        });
      }
      return out;
    },
    expected(records) {
      return [...new Set(records.filter((r) => !r.deleted_at).map((r) => `${folder}/dossier/${str(r.sha256)}`))];
    },
    store(files, ctx) {
      for (const f of files) {
        const sha256 = f.path.split('/').pop() ?? '';
        if (sha256Hex(f.bytes) !== sha256) {
          throw new AppError('FILE_INVALID', `Gói dữ liệu bị hỏng: tệp ${f.path} không khớp mã kiểm tra. Hãy xuất lại gói từ cơ quan gửi.`);
        }
        storeBytes(ctx.dataDir, f.bytes, sha256);
      }
    },
  };
}

/** The folder of the database file a connection has open (where attachments/ lives). */
function storeOf(sqlite: BetterSqlite3.Database): string {
  const file = (sqlite as unknown as { name?: string }).name;
  return file && file !== ':memory:' ? path.dirname(path.resolve(file)) : process.cwd();
}

export const dossierKind: EntityKind = {
  name: 'dossier',
  table: 'dossier',
  label: 'Hồ sơ đề nghị khen thưởng',
  order: 200,
  // campaign_id stays local (campaigns do not travel): the name is carried instead
  columns: [
    'title',
    'year',
    'award_code',
    'basis',
    'procedure',
    'sector',
    'campaign_name',
    'state',
    'submission_no',
    'submitted_at',
    'doc_number',
    'doc_date',
    'addressee',
    'signer',
    'cover',
    'meeting_date',
    'meeting_time',
    'meeting_place',
    'meeting_chair',
    'meeting_chair_title',
    'meeting_secretary',
    'meeting_members',
    'meeting_members_total',
    'meeting_number',
    'note',
  ],
  schema: z.object({
    title: text(300, true),
    year,
    award_code: awardCode,
    basis: z.enum(AWARD_BASES),
    procedure: z.enum(['thuong', 'don_gian']),
    sector: z.enum(['chung', 'noi_vu']),
    campaign_name: text(300),
    state: z.enum(['nhap', 'da_gui']),
    submission_no: count,
    submitted_at: isoTs.nullable(),
    doc_number: count.nullable(),
    doc_date: isoDate.nullable(),
    addressee: text(300),
    signer: text(2000),
    cover: text(40_000),
    meeting_date: isoDate.nullable(),
    meeting_time: text(50),
    meeting_place: text(300),
    meeting_chair: text(100),
    meeting_chair_title: text(200),
    meeting_secretary: text(100),
    meeting_members: text(60_000),
    meeting_members_total: count.nullable(),
    meeting_number: count.nullable(),
    note: text(2000),
  }),
  derived: { title_key: (r) => foldVi(str(r.title)) },
  select: dossierChildSelect(() => SENT),
  describe: (r) => str(r.title),
  keyFields: [
    { column: 'title', label: 'Tên hồ sơ' },
    { column: 'year', label: 'Năm' },
    { column: 'award_code', label: 'Hình thức', format: awardShortName },
    { column: 'state', label: 'Trạng thái', format: (v) => (v === 'da_gui' ? 'Đã gửi' : 'Đang sửa') },
  ],
};

const inSentDossier = (col = 'dossier_id') => `t."${col}" IN (SELECT t.id FROM dossier t WHERE ${SENT})`;

export const dossierNomineeKind: EntityKind = {
  name: 'dossier_nominee',
  table: 'dossier_nominee',
  label: 'Người, tập thể được đề nghị',
  order: 210,
  columns: ['dossier_id', 'subject_kind', 'staff_id', 'unit_id', 'award_code', 'name', 'position', 'unit_name', 'summary', 'votes_agree', 'votes_total', 'sort_order'],
  schema: z.object({
    dossier_id: recordId,
    subject_kind: z.enum(['person', 'unit']),
    staff_id: ref,
    unit_id: ref,
    award_code: awardCode,
    name: text(300, true),
    position: text(200),
    unit_name: text(300),
    summary: text(3000),
    votes_agree: count.nullable(),
    votes_total: count.nullable(),
    sort_order: smallInt,
  }),
  references: { dossier_id: 'dossier', staff_id: 'staff', unit_id: 'unit' },
  select: dossierChildSelect(() => inSentDossier()),
  describe: (r) => str(r.name),
  keyFields: [
    { column: 'name', label: 'Họ tên (tên tập thể)' },
    { column: 'award_code', label: 'Hình thức', format: awardShortName },
    { column: 'dossier_id', label: 'Hồ sơ', ref: 'dossier' },
    { column: 'votes_agree', label: 'Số phiếu đồng ý' },
  ],
};

export const dossierReportKind: EntityKind = {
  name: 'dossier_report',
  table: 'dossier_report',
  label: 'Báo cáo thành tích',
  order: 220,
  columns: ['nominee_id', 'template_id', 'content'],
  schema: z.object({ nominee_id: recordId, template_id: z.string().regex(/^[a-z0-9_.]{1,50}$/, { error: 'mã mẫu báo cáo không hợp lệ' }), content: text(400_000) }),
  references: { nominee_id: 'dossier_nominee' },
  select: dossierChildSelect(() => `t.nominee_id IN (SELECT t.id FROM dossier_nominee t WHERE ${inSentDossier()})`),
  describe: (r) => `Báo cáo (${str(r.template_id)})`,
  keyFields: [
    { column: 'nominee_id', label: 'Của', ref: 'dossier_nominee' },
    { column: 'template_id', label: 'Mẫu' },
  ],
};

const fileColumns = { file_name: text(255, true), mime_type: text(200), size: z.number().int().min(0).max(FILE_MAX), sha256: sha };

export const dossierDocumentKind: EntityKind = {
  name: 'dossier_document',
  table: 'dossier_document',
  label: 'Văn bản của hồ sơ đề nghị',
  order: 230,
  columns: ['dossier_id', 'nominee_id', 'kind', 'file_name', 'mime_type', 'size', 'sha256', 'generated_at', 'sort_order'],
  schema: z.object({
    dossier_id: recordId,
    nominee_id: ref,
    kind: z.enum(['to_trinh', 'danh_sach', 'bien_ban', 'bao_cao']),
    ...fileColumns,
    generated_at: isoTs,
    sort_order: smallInt,
  }),
  references: { dossier_id: 'dossier', nominee_id: 'dossier_nominee' },
  select: dossierChildSelect(() => inSentDossier()),
  describe: (r) => str(r.file_name),
  keyFields: [
    { column: 'file_name', label: 'Tệp' },
    { column: 'dossier_id', label: 'Hồ sơ', ref: 'dossier' },
  ],
  files: carriedFiles('documents'),
};

export const dossierAttachmentKind: EntityKind = {
  name: 'dossier_attachment',
  table: 'dossier_attachment',
  label: 'Minh chứng của hồ sơ đề nghị',
  order: 240,
  columns: ['dossier_id', 'nominee_id', 'file_name', 'mime_type', 'size', 'sha256', 'note'],
  schema: z.object({ dossier_id: recordId, nominee_id: ref, ...fileColumns, note: text(500) }),
  references: { dossier_id: 'dossier', nominee_id: 'dossier_nominee' },
  select: dossierChildSelect(() => inSentDossier()),
  describe: (r) => str(r.file_name),
  keyFields: [
    { column: 'file_name', label: 'Tệp' },
    { column: 'nominee_id', label: 'Của', ref: 'dossier_nominee' },
    { column: 'dossier_id', label: 'Hồ sơ', ref: 'dossier' },
  ],
  files: carriedFiles('attachments'),
};

export const dossierOutcomeKind: EntityKind = {
  name: 'dossier_outcome',
  table: 'dossier_outcome',
  label: 'Kết quả xét hồ sơ đề nghị',
  order: 250,
  // dossier_id is deliberately not a checked reference: the outcome goes back to the office
  // that owns the dossier without carrying the dossier itself (see the top of this file)
  columns: ['dossier_id', 'submission_no', 'outcome', 'decision_number', 'decision_date', 'decision_issuer', 'decision_id', 'reason', 'decided_at'],
  schema: z.object({
    dossier_id: recordId,
    submission_no: count,
    outcome: z.enum(['approved', 'returned']),
    decision_number: text(50),
    decision_date: isoDate.nullable(),
    decision_issuer: text(300),
    decision_id: ref,
    reason: text(3000),
    decided_at: isoTs,
  }),
  references: { decision_id: 'award_decision' },
  beforeWrite(sqlite, records) {
    // the answer the office typed for a dossier consolidated at the province came with a decision
    // under its own dossier, while the superior's names the dossier sent up: both go
    const typed = sqlite.prepare(HAND_TYPED_OUTCOMES);
    const answered = records.filter((r) => !r.deleted_at && typed.all(...outcomeParams(r)).length > 0);
    supersedeHandTyped(sqlite, answered, HAND_TYPED_OUTCOME_DECISIONS, outcomeDecisionParams, softDeleteDecision);
    supersedeHandTyped(sqlite, records, HAND_TYPED_OUTCOMES, outcomeParams, softDeleteOutcome);
  },
  select(sqlite, scope) {
    if (scope.kind !== 'province-to-office') return defaultSelect(sqlite, this, scope);
    return selectWhere(sqlite, this, 't.dossier_id IN (SELECT x.id FROM dossier x WHERE x.origin_office_id = ?)', [scope.targetOfficeId]);
  },
  describe: (r) => (r.outcome === 'approved' ? `Duyệt${r.decision_number ? ` — QĐ số ${str(r.decision_number)}` : ''}` : 'Trả lại'),
  keyFields: [
    { column: 'outcome', label: 'Kết quả', format: (v) => (v === 'approved' ? 'Duyệt' : 'Trả lại') },
    { column: 'decision_number', label: 'Số quyết định' },
    { column: 'reason', label: 'Lý do' },
  ],
};

/** Append to ENTITY_KINDS (registry.ts), in this order. */
export const DOSSIER_ENTITY_KINDS: EntityKind[] = [
  personYearKind,
  unitYearKind,
  registrationKind,
  initiativeKind,
  disciplineKind,
  awardDecisionKind,
  awardRecipientKind,
  dossierKind,
  dossierNomineeKind,
  dossierReportKind,
  dossierDocumentKind,
  dossierAttachmentKind,
  dossierOutcomeKind,
];
