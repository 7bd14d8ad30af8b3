// Nomination dossiers: the office builds a dossier (nominees proposed by the eligibility
// checker, council meeting and votes, achievement reports, evidence), the checklist decides
// whether its documents may be generated, exported and submitted; the province opens the
// dossiers it received and records an outcome per submission (optionally the award decision).
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type BetterSqlite3 from 'better-sqlite3';
import { officeHeadTitle } from '../../../shared/documents/agency';
import { AWARD_CATALOG, type AwardBasis, type AwardCode } from '../../../shared/awards';
import { AppError } from '../../../shared/contract/errors';
import type {
  AttachmentOut,
  CandidateOut,
  ChecklistOut,
  DocumentOut,
  DossierDetail,
  DossierSummary,
  MeetingFields,
  MeetingOut,
  NomineeUpdate,
  OutcomeOut,
  ReportOut,
  TemplateOut,
} from '../../../shared/contract/dossiers';
import type { FileOut } from '../../../shared/contract/fields';
import { runChecklist, type ChecklistNominee } from '../../../shared/dossiers/checklist';
import {
  bienBanDocument,
  baoCaoDocument,
  defaultAddressee,
  defaultBases,
  defaultClosing,
  defaultIntro,
  defaultTitle,
  fileSlug,
  toTrinhDocument,
  type CoverText,
  type DossierDocInput,
  type OfficeInfo,
} from '../../../shared/dossiers/documents';
import {
  DOCUMENT_KIND_LABELS,
  RECEIVED_STATUS_LABELS,
  dossierStatus,
  votePercent,
  type DossierDocumentKind,
  type DossierProcedure,
  type DossierSector,
  type DossierState,
  type NomineeInfo,
  type Outcome,
  type ReportContent,
} from '../../../shared/dossiers/model';
import { achievementSummary, prefillReport, reportHasContent } from '../../../shared/dossiers/prefill';
import { chooseReportTemplate, coverFormOn, reportTemplate, templateCaveats, type ReportTemplate } from '../../../shared/dossiers/templates';
import { renderHtml } from '../../../shared/documents/html';
import type { DocSigner } from '../../../shared/documents/model';
import { foldQuery, foldVi, formatDateVi, matchesQuery } from '../../../shared/text/vn';
import { parentPath, unitDisplayLabels } from '../../../shared/units/tree';
import { nowIso } from '../../../db/ids';
import {
  campaignForDossier,
  consolidationsOf,
  dossierPapers,
  dossiersWithMeeting,
  getAttachment,
  getDocument,
  getDossier,
  getNominee,
  insertAttachment,
  insertDocument,
  insertDossier,
  insertNominee,
  insertOutcome,
  insertSources,
  listAttachments,
  listDocuments,
  listDossiers,
  nomineeNamesOf,
  listNominees,
  nominationsElsewhere,
  officeRow,
  outcomesOf,
  priorAwards,
  reportOf,
  reportsOfDossier,
  softDeleteAttachment,
  softDeleteDocuments,
  softDeleteDossier,
  softDeleteNominee,
  softDeleteOutcome,
  sourcesOf,
  staffForDossier,
  typedAnswerDecisions,
  unitsForDossier,
  updateDossier,
  updateNominee,
  upsertReport,
  type DossierListRow,
  type DossierRow,
  type NomineeRow,
  type OutcomeRow,
  type ReportRow,
} from '../../../db/repositories/dossiers';
import { getStaffLite, getUnitLite, insertDecision, insertRecipient, softDeleteDecision, unitsLite } from '../../../db/repositories/records';
import { readAwardSettings } from '../records/settings';
import { baseSalaryTable, cashFor, suggestedCash } from '../../../shared/records/cash';
import { numberKey } from '../records/grid';
import { writeFileAtomic } from '../files/atomic';
import { dataDirOf, guessMime, readStored, safeFileName, storeBytes, uploadedBytes } from '../files/content-store';
import { EVIDENCE_MAX_BYTES } from '../../../shared/contract/fields';
import { eligibilityFor, initiativeHolders, prefillSubjects, staffIdsOfOffice, type NomineeSnapshot } from './records';
import { renderBallot, renderDossierDocuments, type ReportToRender } from './render';
import { ContentWriter, type StoredRef } from './store';

/** Lowest share of agreeing votes that passes (tham khảo; chưa xác minh as a legal threshold). */
export const MIN_VOTE_PERCENT = 50;

export interface DossierEnv {
  sqlite: BetterSqlite3.Database;
  /** this installation's office */
  officeId: string;
  dbPath: string;
  today: string;
}

const parse = <T>(text: string, fallback: T): T => {
  try {
    const v = JSON.parse(text) as unknown;
    return (v ?? fallback) as T;
  } catch {
    return fallback;
  }
};

// ---------------------------------------------------------------------------------------
// Loading and guards

function mustDossier(env: DossierEnv, id: string): DossierRow {
  const row = getDossier(env.sqlite, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ đề nghị (có thể đã bị xóa). Hãy tải lại danh sách hồ sơ.');
  return row;
}

function mustNominee(env: DossierEnv, id: string): { nominee: NomineeRow; dossier: DossierRow } {
  const nominee = getNominee(env.sqlite, id);
  if (!nominee) throw new AppError('NOT_FOUND', 'Không tìm thấy người (tập thể) được đề nghị — có thể đã bị bỏ khỏi hồ sơ. Hãy tải lại hồ sơ.');
  return { nominee, dossier: mustDossier(env, nominee.dossier_id) };
}

function officeName(env: DossierEnv, id: string): string {
  return officeRow(env.sqlite, id)?.name ?? '';
}

/** Refuse changes to a dossier received from another office or already submitted. */
function mustEdit(env: DossierEnv, row: DossierRow): void {
  if (row.origin_office_id !== env.officeId) {
    throw new AppError('FORBIDDEN', `Hồ sơ này nhận từ ${officeName(env, row.origin_office_id) || 'cơ quan khác'}: ở đây chỉ xem và ghi kết quả, không sửa nội dung.`);
  }
  if (row.state !== 'nhap') {
    throw new AppError('CONFLICT', 'Hồ sơ đã gửi lên cấp trên nên không sửa được. Nếu cần sửa, bấm "Mở lại để sửa" (sửa xong phải gửi lại).');
  }
}

function officeInfo(env: DossierEnv, officeId: string): OfficeInfo {
  const o = officeRow(env.sqlite, officeId);
  return {
    name: o?.name ?? '',
    parentAgency: o?.parent_agency ?? '',
    abbreviation: o?.abbreviation ?? '',
    placeName: o?.place_name ?? '',
    headTitle: o ? officeHeadTitle({ name: o.name, headTitle: o.head_title }) : '',
    headName: o?.head_name ?? '',
    superiorName: o?.superior_name ?? '',
  };
}

interface StoredSigner {
  prefix?: string;
  authorityTitle?: string;
  position?: string;
  name?: string;
}

function signerOf(row: DossierRow, office: OfficeInfo): DocSigner & { prefix: NonNullable<DocSigner['prefix']>; authorityTitle: string } {
  const s = parse<StoredSigner>(row.signer, {});
  const prefix = (['', 'TM.', 'KT.', 'Q.', 'TL.', 'TUQ.'].includes(s.prefix ?? '') ? s.prefix ?? '' : '') as NonNullable<DocSigner['prefix']>;
  const custom = !!(s.position?.trim() || s.name?.trim());
  return {
    prefix,
    authorityTitle: s.authorityTitle ?? '',
    position: custom ? s.position ?? '' : office.headTitle,
    name: custom ? s.name ?? '' : office.headName,
  };
}

function coverOf(row: DossierRow): CoverText {
  const c = parse<Partial<CoverText>>(row.cover, {});
  return { bases: Array.isArray(c.bases) ? c.bases.filter((b) => typeof b === 'string') : [], intro: typeof c.intro === 'string' ? c.intro : '', closing: typeof c.closing === 'string' ? c.closing : '' };
}

function membersOf(row: DossierRow): string[] {
  const m = parse<unknown>(row.meeting_members, []);
  return Array.isArray(m) ? m.filter((x): x is string => typeof x === 'string') : [];
}

/** A dossier's nominees in its order, as the documents and lists need them. */
export function dossierNominees(env: DossierEnv, id: string): NomineeInfo[] {
  return nomineeInfos(env, listNominees(env.sqlite, id));
}

function nomineeInfos(env: DossierEnv, rows: readonly NomineeRow[]): NomineeInfo[] {
  const staff = staffForDossier(env.sqlite, rows.filter((r) => r.staff_id).map((r) => r.staff_id!));
  return rows.map((r) => {
    const s = r.staff_id ? staff.get(r.staff_id) : undefined;
    return {
      id: r.id,
      kind: r.subject_kind === 'unit' ? 'unit' : 'person',
      subjectId: (r.subject_kind === 'unit' ? r.unit_id : r.staff_id) ?? '',
      awardCode: r.award_code as AwardCode,
      name: r.name,
      position: r.position,
      unitName: r.unit_name,
      summary: r.summary,
      votesAgree: r.votes_agree,
      votesTotal: r.votes_total,
      birthDate: s?.birth_date ?? null,
      gender: s?.gender === 'nam' || s?.gender === 'nu' ? s.gender : null,
    };
  });
}

function meetingOf(row: DossierRow): MeetingOut {
  return {
    date: row.meeting_date,
    time: row.meeting_time,
    place: row.meeting_place,
    chair: row.meeting_chair,
    chairTitle: row.meeting_chair_title,
    secretary: row.meeting_secretary,
    membersPresent: membersOf(row),
    membersTotal: row.meeting_members_total,
    number: row.meeting_number,
  };
}

/** The meetings recorded on the office's other dossiers of the dossier's year, to copy into it. */
export function otherMeetings(env: DossierEnv, id: string): Array<{ id: string; title: string; awardName: string; meeting: MeetingOut }> {
  const row = mustDossier(env, id);
  return dossiersWithMeeting(env.sqlite, env.officeId, row.year, row.id).map((r) => ({
    id: r.id,
    title: r.title,
    awardName: AWARD_CATALOG[r.award_code as AwardCode]?.name ?? r.award_code,
    meeting: meetingOf(r),
  }));
}

function docInput(env: DossierEnv, row: DossierRow, nominees: NomineeInfo[]): DossierDocInput {
  const office = officeInfo(env, row.origin_office_id);
  return {
    office,
    today: env.today,
    year: row.year,
    awardCode: row.award_code as AwardCode,
    campaignName: row.campaign_name,
    docNumber: row.doc_number,
    docDate: row.doc_date,
    addressee: row.addressee,
    signer: signerOf(row, office),
    cover: coverOf(row),
    meeting: meetingOf(row),
    nominees,
    minVotePercent: MIN_VOTE_PERCENT,
    proposals: proposalsOf(env, row.id),
  };
}

/** The tờ trình of the received dossiers a consolidated dossier answers, in the order consolidated. */
function proposalsOf(env: DossierEnv, id: string): NonNullable<DossierDocInput['proposals']> {
  const links = sourcesOf(env.sqlite, id);
  if (links.length === 0) return [];
  const papers = new Map(dossierPapers(env.sqlite, links.map((l) => l.source_id)).map((p) => [p.id, p]));
  return links.flatMap((l) => {
    const p = papers.get(l.source_id);
    return p ? [{ office: officeName(env, p.origin_office_id) ?? '', docNumber: p.doc_number, abbreviation: p.abbreviation, docDate: p.doc_date }] : [];
  });
}

const dossierDate = (env: DossierEnv, row: DossierRow) => row.doc_date ?? env.today;

function templateFor(env: DossierEnv, row: DossierRow, nominee: Pick<NomineeInfo, 'kind' | 'awardCode'>): ReportTemplate {
  return chooseReportTemplate({
    date: dossierDate(env, row),
    sector: row.sector as DossierSector,
    subject: nominee.kind === 'person' ? 'individual' : 'collective',
    procedure: row.procedure as DossierProcedure,
    awardCode: nominee.awardCode,
    basis: row.basis as AwardBasis,
  });
}

export function templateOut(t: ReportTemplate): TemplateOut {
  return {
    id: t.id,
    form: t.form,
    document: t.document,
    name: t.name,
    subject: t.subject,
    procedure: t.procedure,
    sector: t.sector,
    from: t.from,
    to: t.to ?? null,
    verified: t.verified,
    dateVerified: t.dateVerified,
    caveats: templateCaveats(t),
    sections: t.sections.map((s) => ({ id: s.id, level: s.level, label: s.label, heading: s.heading, kind: s.kind, columns: s.columns ?? [], hint: s.hint })),
  };
}

/** A stored report's content, kept to the template's sections (unknown sections dropped, missing ones empty). */
function contentOf(text: string, t: ReportTemplate): ReportContent {
  const raw = parse<{ sections?: unknown }>(text, {});
  const list = Array.isArray(raw.sections) ? (raw.sections as { id?: unknown; text?: unknown; rows?: unknown }[]) : [];
  const byId = new Map(list.filter((s) => typeof s?.id === 'string').map((s) => [s.id as string, s]));
  return {
    templateId: t.id,
    sections: t.sections.map((spec) => {
      const s = byId.get(spec.id);
      const rows = Array.isArray(s?.rows) ? (s.rows as unknown[]).filter(Array.isArray).map((r) => (r as unknown[]).map((c) => (typeof c === 'string' ? c : ''))) : [];
      return { id: spec.id, text: typeof s?.text === 'string' ? s.text : '', rows };
    }),
  };
}

// ---------------------------------------------------------------------------------------
// Output shapes

function outcomeOutOf(env: DossierEnv, o: OutcomeRow, row: DossierRow): OutcomeOut {
  return {
    id: o.id,
    dossierId: o.dossier_id,
    submissionNo: o.submission_no,
    outcome: o.outcome as Outcome,
    decisionNumber: o.decision_number,
    decisionDate: o.decision_date,
    decisionIssuer: o.decision_issuer,
    decisionId: o.decision_id,
    reason: o.reason,
    decidedAt: o.decided_at,
    officeName: officeName(env, o.origin_office_id),
    typedByOrigin: o.origin_office_id === row.origin_office_id,
  };
}

function statusOf(row: DossierRow, outcomes: readonly OutcomeRow[]) {
  return dossierStatus(
    row.state as DossierState,
    row.submission_no,
    outcomes.map((o) => ({ submissionNo: o.submission_no, outcome: o.outcome as Outcome, decidedAt: o.decided_at })),
  );
}

function summaryOf(
  env: DossierEnv,
  row: DossierRow,
  outcomes: readonly OutcomeRow[],
  nomineeCount: number,
  originName: string | null,
  consolidatedInto: DossierSummary['consolidatedInto'],
): DossierSummary {
  const st = statusOf(row, outcomes);
  const current = outcomes.filter((o) => o.submission_no === row.submission_no).sort((a, b) => b.decided_at.localeCompare(a.decided_at))[0];
  const code = row.award_code as AwardCode;
  return {
    id: row.id,
    title: row.title,
    year: row.year,
    awardCode: code,
    awardName: AWARD_CATALOG[code]?.name ?? row.award_code,
    basis: row.basis as AwardBasis,
    procedure: row.procedure as DossierProcedure,
    sector: row.sector as DossierSector,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    state: row.state as DossierState,
    status: st.status,
    submissionNo: row.submission_no,
    submittedAt: row.submitted_at,
    nomineeCount,
    originOfficeId: row.origin_office_id,
    originOfficeName: originName ?? '',
    own: row.origin_office_id === env.officeId,
    outcome: current && st.outcome ? outcomeOutOf(env, current, row) : null,
    updatedAt: row.updated_at,
    consolidatedInto,
    matchedNominees: [],
    moreMatchedNominees: 0,
  };
}

/** Nominees' names a list row shows when a search found its dossier by them. */
const MATCHED_SHOWN = 3;

export function listDossierSummaries(env: DossierEnv, f: { scope: 'own' | 'received'; year: number | null; search?: string }): DossierSummary[] {
  let rows: DossierListRow[] = listDossiers(env.sqlite, { origin: f.scope, selfOfficeId: env.officeId, year: f.year });
  const q = foldQuery(f.search ?? '');
  const matched = new Map<string, string[]>();
  if (q.words.length > 0) {
    // a dossier is found by its own text or by a nominee's name ("which dossier is Nguyễn Văn An in?")
    for (const n of nomineeNamesOf(
      env.sqlite,
      rows.map((r) => r.id),
    )) {
      if (!matchesQuery(foldVi(n.name), q)) continue;
      const list = matched.get(n.dossier_id);
      if (list) list.push(n.name);
      else matched.set(n.dossier_id, [n.name]);
    }
    rows = rows.filter(
      (r) =>
        matched.has(r.id) ||
        // the sending office tells received dossiers apart (one's own all come from here)
        matchesQuery(foldVi([r.title, AWARD_CATALOG[r.award_code as AwardCode]?.name ?? r.award_code, r.campaign_name, f.scope === 'received' ? (r.office_name ?? '') : ''].join(' \u0001 ')), q),
    );
  }
  const outcomes = outcomesOf(
    env.sqlite,
    rows.map((r) => r.id),
  );
  const by = new Map<string, OutcomeRow[]>();
  for (const o of outcomes) by.set(o.dossier_id, [...(by.get(o.dossier_id) ?? []), o]);
  const into = new Map<string, DossierSummary['consolidatedInto']>();
  if (f.scope === 'received')
    for (const c of consolidationsOf(
      env.sqlite,
      rows.map((r) => r.id),
    ))
      into.set(c.source_id, [...(into.get(c.source_id) ?? []), { id: c.dossier_id, title: c.title }]);
  return rows.map((r) => {
    const names = matched.get(r.id) ?? [];
    return {
      ...summaryOf(env, r, by.get(r.id) ?? [], Number(r.nominee_count), r.office_name, into.get(r.id) ?? []),
      matchedNominees: names.slice(0, MATCHED_SHOWN),
      moreMatchedNominees: Math.max(0, names.length - MATCHED_SHOWN),
    };
  });
}

export function dossierDetail(env: DossierEnv, id: string): DossierDetail {
  const row = mustDossier(env, id);
  const nomineeRows = listNominees(env.sqlite, id);
  const infos = nomineeInfos(env, nomineeRows);
  const reports = new Map(reportsOfDossier(env.sqlite, id).map((r) => [r.nominee_id, r]));
  const attachments = listAttachments(env.sqlite, id);
  const documents = listDocuments(env.sqlite, id);
  const outcomes = outcomesOf(env.sqlite, [id]);
  const input = docInput(env, row, infos);
  const names = new Map(nomineeRows.map((n) => [n.id, n.name]));
  const attachmentOut = (a: (typeof attachments)[number]): AttachmentOut => ({
    id: a.id,
    nomineeId: a.nominee_id,
    nomineeName: (a.nominee_id && names.get(a.nominee_id)) || '',
    fileName: a.file_name,
    mimeType: a.mime_type,
    size: a.size,
    sha256: a.sha256,
    note: a.note,
    createdAt: a.created_at,
  });
  const documentOut = (d: (typeof documents)[number]): DocumentOut => ({
    id: d.id,
    kind: d.kind as DossierDocumentKind,
    kindLabel: d.kind === 'bao_cao' && d.nominee_id ? `${DOCUMENT_KIND_LABELS.bao_cao} — ${names.get(d.nominee_id) ?? ''}` : DOCUMENT_KIND_LABELS[d.kind as DossierDocumentKind],
    nomineeId: d.nominee_id,
    fileName: d.file_name,
    mimeType: d.mime_type,
    size: d.size,
    sha256: d.sha256,
    generatedAt: d.generated_at,
  });
  const signer = signerOf(row, input.office);
  const stored = parse<StoredSigner>(row.signer, {});
  return {
    ...summaryOf(
      env,
      row,
      outcomes,
      nomineeRows.length,
      officeName(env, row.origin_office_id),
      consolidationsOf(env.sqlite, [id]).map((c) => ({ id: c.dossier_id, title: c.title })),
    ),
    docNumber: row.doc_number,
    docDate: row.doc_date,
    addressee: row.addressee,
    signer: { prefix: signer.prefix, authorityTitle: signer.authorityTitle, position: stored.position || stored.name ? stored.position ?? '' : signer.position, name: stored.position || stored.name ? stored.name ?? '' : signer.name },
    cover: input.cover,
    coverDefaults: { bases: defaultBases(input), intro: defaultIntro(input), closing: defaultClosing(input) },
    coverForm: coverFormOn(dossierDate(env, row), row.sector as DossierSector),
    meeting: { ...input.meeting },
    note: row.note,
    nominees: nomineeRows.map((n, i) => {
      const r = reports.get(n.id);
      return {
        id: n.id,
        kind: infos[i]!.kind,
        staffId: n.staff_id,
        unitId: n.unit_id,
        awardCode: n.award_code as AwardCode,
        name: n.name,
        position: n.position,
        unitName: n.unit_name,
        summary: n.summary,
        votesAgree: n.votes_agree,
        votesTotal: n.votes_total,
        votePercent: votePercent(n.votes_agree, n.votes_total),
        hasReport: !!r,
        reportTemplateId: r?.template_id ?? null,
        attachmentCount: attachments.filter((a) => a.nominee_id === n.id).length,
      };
    }),
    documents: documents.map(documentOut),
    attachments: attachments.map(attachmentOut),
    outcomes: outcomes.map((o) => outcomeOutOf(env, o, row)),
    sources: sourceSummaries(env, id),
    editable: row.origin_office_id === env.officeId && row.state === 'nhap',
    minVotePercent: MIN_VOTE_PERCENT,
  };
}

/** A consolidated dossier's sources as the province's list shows them (status now). */
function sourceSummaries(env: DossierEnv, id: string): DossierDetail['sources'] {
  const links = sourcesOf(env.sqlite, id);
  if (links.length === 0) return [];
  const wanted = new Set(links.map((l) => l.source_id));
  const byId = new Map(listDossierSummaries(env, { scope: 'received', year: null }).filter((d) => wanted.has(d.id)).map((d) => [d.id, d]));
  return links.flatMap((l) => {
    const d = byId.get(l.source_id);
    return d ? [{ id: d.id, title: d.title, officeName: d.originOfficeName, nomineeCount: d.nomineeCount, status: d.status, resubmitted: d.submissionNo !== l.submission_no }] : [];
  });
}

// ---------------------------------------------------------------------------------------
// The office's builder

export interface CreateData {
  year: number;
  awardCode: AwardCode;
  title: string;
  campaignId: string | null;
  basis: AwardBasis;
  procedure: DossierProcedure;
  sector: DossierSector;
}

function campaignOf(env: DossierEnv, campaignId: string | null): { id: string; name: string; deadlines: string } | null {
  if (!campaignId) return null;
  const c = campaignForDossier(env.sqlite, campaignId);
  if (!c) throw new AppError('NOT_FOUND', 'Phong trào thi đua đã chọn không còn tồn tại. Hãy chọn lại hoặc để trống.');
  return c;
}

export function createDossier(env: DossierEnv, d: CreateData): DossierDetail {
  const office = officeRow(env.sqlite, env.officeId);
  if (!office) throw new AppError('OFFICE_NOT_SET', 'Hãy thiết lập thông tin cơ quan (mục Cài đặt) trước khi lập hồ sơ đề nghị.');
  const campaign = campaignOf(env, d.campaignId);
  const info = officeInfo(env, env.officeId);
  const addressee = defaultAddressee(d.awardCode, env.today, { ...info, levelCode: office.level_code });
  const title = d.title || defaultTitle(d.awardCode, d.year, addressee);
  const id = env.sqlite.transaction(() =>
    insertDossier(env.sqlite, env.officeId, {
      title,
      title_key: foldVi(title),
      year: d.year,
      award_code: d.awardCode,
      basis: d.basis,
      procedure: d.procedure,
      sector: d.sector,
      campaign_id: campaign?.id ?? null,
      campaign_name: campaign?.name ?? '',
      addressee,
      signer: '{}',
      cover: '{}',
      meeting_members: '[]',
    }),
  )();
  return dossierDetail(env, id);
}

export interface UpdateData extends CreateData {
  docNumber: number | null;
  docDate: string | null;
  addressee: string;
  signer: { prefix: string; authorityTitle: string; position: string; name: string };
  cover: CoverText;
  note: string;
}

export function updateDossierData(env: DossierEnv, id: string, d: UpdateData): DossierDetail {
  const row = mustDossier(env, id);
  mustEdit(env, row);
  const campaign = campaignOf(env, d.campaignId);
  env.sqlite.transaction(() => {
    updateDossier(env.sqlite, id, {
      title: d.title,
      title_key: foldVi(d.title),
      year: d.year,
      award_code: d.awardCode,
      basis: d.basis,
      procedure: d.procedure,
      sector: d.sector,
      campaign_id: campaign?.id ?? null,
      campaign_name: campaign?.name ?? '',
      doc_number: d.docNumber,
      doc_date: d.docDate,
      addressee: d.addressee,
      signer: JSON.stringify(d.signer),
      cover: JSON.stringify({ bases: d.cover.bases.filter((b) => b.trim()), intro: d.cover.intro, closing: d.cover.closing }),
      note: d.note,
    });
    // nominees that followed the dossier's award follow its change
    if (d.awardCode !== row.award_code) {
      for (const n of listNominees(env.sqlite, id)) if (n.award_code === row.award_code) updateNominee(env.sqlite, n.id, { award_code: d.awardCode });
    }
  })();
  return dossierDetail(env, id);
}

export function deleteDossier(env: DossierEnv, id: string): boolean {
  const row = mustDossier(env, id);
  if (row.origin_office_id !== env.officeId) throw new AppError('FORBIDDEN', 'Hồ sơ nhận từ cơ quan khác không xóa được ở đây.');
  if (row.submission_no > 0) {
    throw new AppError('CONFLICT', 'Hồ sơ đã từng gửi lên cấp trên nên không xóa được (cấp trên đã có bản lưu). Nếu không đề nghị nữa, hãy ghi chú trong hồ sơ.');
  }
  return env.sqlite.transaction(() => softDeleteDossier(env.sqlite, id))();
}

export function nomineeCandidates(env: DossierEnv, id: string): { ruleSetName: string; judged: boolean; eligible: CandidateOut[]; nearly: CandidateOut[] } {
  const row = mustDossier(env, id);
  const code = row.award_code as AwardCode;
  const lookup = eligibilityFor(env.sqlite, row.year, officeName(env, row.origin_office_id));
  const present = new Set(listNominees(env.sqlite, id).map((n) => `${n.subject_kind}|${n.subject_kind === 'unit' ? n.unit_id : n.staff_id}`));
  const origin = row.origin_office_id;
  const ownStaff = staffIdsOfOffice(env.sqlite, origin);
  const units = unitsLite(env.sqlite, origin);
  const ownUnits = new Map(units.map((u) => [u.id, u]));
  // a province office holds twenty "Văn phòng": a person's unit is named with its parents where
  // others share its name, a collective by its parents ("Sở Y tế"), so two rows tell apart
  const labels = unitDisplayLabels(units);
  // proposed in another dossier already: the first one named
  const elsewhere = new Map<string, string>();
  for (const e of nominationsElsewhere(env.sqlite, id, origin, row.year, code)) {
    const k = `${e.subject_kind}|${e.subject_id}`;
    if (!elsewhere.has(k)) elsewhere.set(k, e.title);
  }
  const out = (verdict: 'du_dieu_kien' | 'gan_du'): CandidateOut[] =>
    lookup
      .subjects(code, verdict)
      .filter((s) => (s.kind === 'person' ? ownStaff.has(s.id) : ownUnits.has(s.id)))
      .map(({ unitId, ...s }) => ({
        ...s,
        unitName: s.kind === 'person' ? ((unitId && labels.get(unitId)) ?? s.unitName) : parentPath(ownUnits, s.id),
        inDossier: present.has(`${s.kind}|${s.id}`),
        elsewhere: elsewhere.get(`${s.kind}|${s.id}`) ?? null,
      }));
  return { ruleSetName: lookup.view.ruleSet.name, judged: lookup.judged(code), eligible: out('du_dieu_kien'), nearly: out('gan_du') };
}

/** A nominee's subject: the same person or collective in two dossiers has the same key. */
const subjectKey = (n: Pick<NomineeRow, 'subject_kind' | 'unit_id' | 'staff_id'>) => `${n.subject_kind}|${n.subject_kind === 'unit' ? n.unit_id : n.staff_id}`;

export function addNominees(
  env: DossierEnv,
  id: string,
  list: readonly { kind: 'person' | 'unit'; staffId: string | null; unitId: string | null; awardCode: AwardCode | null }[],
): DossierDetail {
  const row = mustDossier(env, id);
  mustEdit(env, row);
  const office = officeInfo(env, row.origin_office_id);
  const existing = listNominees(env.sqlite, id);
  const present = new Set(existing.map(subjectKey));
  let order = existing.reduce((m, n) => Math.max(m, n.sort_order), 0);
  const staff = staffForDossier(env.sqlite, list.filter((n) => n.kind === 'person' && n.staffId).map((n) => n.staffId!));
  const units = unitsForDossier(env.sqlite, list.filter((n) => n.kind === 'unit' && n.unitId).map((n) => n.unitId!));
  // the new nominees' snapshots, then their histories in one batch (the summary of the danh sách)
  const fresh: (NomineeSnapshot & { code: AwardCode; staffId: string | null; unitId: string | null })[] = [];
  list.forEach((n, i) => {
    const key = `${n.kind}|${n.kind === 'unit' ? n.unitId : n.staffId}`;
    if (present.has(key)) return;
    present.add(key);
    const code = n.awardCode ?? (row.award_code as AwardCode);
    if (n.kind === 'person') {
      const lite = getStaffLite(env.sqlite, n.staffId!);
      const s = staff.get(n.staffId!);
      if (!lite || !s) throw new AppError('NOT_FOUND', `Người thứ ${i + 1} không còn trong danh sách cán bộ — hãy tải lại danh sách đề xuất.`);
      fresh.push({ kind: 'person', subjectId: s.id, name: s.full_name, position: s.position, unitName: s.unit_name ?? '', birthDate: s.birth_date, gender: lite.gender, code, staffId: s.id, unitId: null });
    } else {
      const lite = getUnitLite(env.sqlite, n.unitId!);
      const u = units.get(n.unitId!);
      if (!lite || !u) throw new AppError('NOT_FOUND', `Tập thể thứ ${i + 1} không còn trong danh sách đơn vị — hãy tải lại danh sách đề xuất.`);
      fresh.push({ kind: 'unit', subjectId: u.id, name: u.name, position: '', unitName: u.parent_name ?? office.name, birthDate: null, gender: null, code, staffId: null, unitId: u.id });
    }
  });
  const subjects = prefillSubjects(env.sqlite, fresh, office.name, row.year);
  env.sqlite.transaction(() => {
    fresh.forEach((n, i) => {
      insertNominee(env.sqlite, env.officeId, {
        dossier_id: id,
        subject_kind: n.kind,
        staff_id: n.staffId,
        unit_id: n.unitId,
        award_code: n.code,
        name: n.name,
        position: n.position,
        unit_name: n.unitName,
        summary: achievementSummary(subjects[i]!, row.year),
        sort_order: ++order,
      });
    });
  })();
  return dossierDetail(env, id);
}

export function updateNomineeData(env: DossierEnv, nomineeId: string, d: Required<Omit<NomineeUpdate, 'votesAgree' | 'votesTotal'>> & { votesAgree: number | null; votesTotal: number | null }): DossierDetail {
  const { nominee, dossier } = mustNominee(env, nomineeId);
  mustEdit(env, dossier);
  env.sqlite.transaction(() =>
    updateNominee(env.sqlite, nominee.id, {
      award_code: d.awardCode,
      position: d.position,
      unit_name: d.unitName,
      summary: d.summary,
      votes_agree: d.votesAgree,
      votes_total: d.votesTotal,
    }),
  )();
  return dossierDetail(env, dossier.id);
}

export function removeNominee(env: DossierEnv, nomineeId: string): DossierDetail {
  const { nominee, dossier } = mustNominee(env, nomineeId);
  mustEdit(env, dossier);
  env.sqlite.transaction(() => softDeleteNominee(env.sqlite, nominee.id))();
  return dossierDetail(env, dossier.id);
}

export function saveMeeting(env: DossierEnv, id: string, m: MeetingFields, votes: readonly { nomineeId: string; agree: number | null; total: number | null }[]): DossierDetail {
  const row = mustDossier(env, id);
  mustEdit(env, row);
  const nominees = new Map(listNominees(env.sqlite, id).map((n) => [n.id, n]));
  for (const v of votes) {
    if (!nominees.has(v.nomineeId)) throw new AppError('NOT_FOUND', 'Kết quả biểu quyết có người không còn trong hồ sơ — hãy tải lại hồ sơ rồi nhập lại.');
  }
  env.sqlite.transaction(() => {
    updateDossier(env.sqlite, id, {
      meeting_date: m.date,
      meeting_time: m.time,
      meeting_place: m.place,
      meeting_chair: m.chair,
      meeting_chair_title: m.chairTitle,
      meeting_secretary: m.secretary,
      meeting_members: JSON.stringify(m.membersPresent),
      meeting_members_total: m.membersTotal,
      meeting_number: m.number,
    });
    for (const v of votes) updateNominee(env.sqlite, v.nomineeId, { votes_agree: v.agree, votes_total: v.total });
  })();
  return dossierDetail(env, id);
}

// ---------------------------------------------------------------------------------------
// Achievement reports

/** Reports pre-filled from the records, the nominees' histories loaded in one batch. */
function prefilledContents(env: DossierEnv, row: DossierRow, items: readonly { info: NomineeInfo; t: ReportTemplate }[]): ReportContent[] {
  const subjects = prefillSubjects(
    env.sqlite,
    items.map((x) => x.info),
    officeInfo(env, row.origin_office_id).name,
    row.year,
  );
  return items.map((x, i) => prefillReport(x.t, subjects[i]!, row.year));
}

function prefilledContent(env: DossierEnv, row: DossierRow, info: NomineeInfo, t: ReportTemplate): ReportContent {
  return prefilledContents(env, row, [{ info, t }])[0]!;
}

/** The saved report of each nominee of the dossier (the latest one), in one query. */
function savedReports(env: DossierEnv, dossierId: string): Map<string, ReportRow> {
  return new Map(reportsOfDossier(env.sqlite, dossierId).map((r) => [r.nominee_id, r]));
}

export function getReport(env: DossierEnv, nomineeId: string, fresh: boolean): ReportOut {
  const { nominee, dossier } = mustNominee(env, nomineeId);
  const info = nomineeInfos(env, [nominee])[0]!;
  const inForce = templateFor(env, dossier, info);
  const saved = reportOf(env.sqlite, nomineeId);
  const editable = dossier.origin_office_id === env.officeId && dossier.state === 'nhap';
  if (saved && !fresh) {
    const t = reportTemplate(saved.template_id) ?? inForce;
    return { nomineeId, nomineeName: nominee.name, saved: true, template: templateOut(t), inForce: templateOut(inForce), content: contentOf(saved.content, t), editable };
  }
  return { nomineeId, nomineeName: nominee.name, saved: false, template: templateOut(inForce), inForce: templateOut(inForce), content: prefilledContent(env, dossier, info, inForce), editable };
}

export function saveReport(env: DossierEnv, nomineeId: string, content: { templateId: string; sections: { id: string; text: string; rows: string[][] }[] }): ReportOut {
  const { nominee, dossier } = mustNominee(env, nomineeId);
  mustEdit(env, dossier);
  const t = reportTemplate(content.templateId);
  if (!t) throw new AppError('INVALID_INPUT', 'Mẫu báo cáo không có trong danh mục mẫu. Hãy bấm "Lấy lại nội dung" để dùng mẫu đang áp dụng.');
  const ids = new Set(t.sections.map((s) => s.id));
  const unknown = content.sections.find((s) => !ids.has(s.id));
  if (unknown) throw new AppError('INVALID_INPUT', `Báo cáo có phần "${unknown.id}" không thuộc ${t.form} — hãy tải lại báo cáo rồi sửa lại.`);
  const clean = contentOf(JSON.stringify(content), t);
  env.sqlite.transaction(() => upsertReport(env.sqlite, env.officeId, nominee.id, t.id, JSON.stringify(clean)))();
  return getReport(env, nomineeId, false);
}

/** Save the pre-filled report of every nominee that has none yet. */
export function prefillReports(env: DossierEnv, id: string): number {
  const row = mustDossier(env, id);
  mustEdit(env, row);
  const infos = nomineeInfos(env, listNominees(env.sqlite, id));
  const saved = savedReports(env, id);
  const todo = infos.filter((n) => !saved.has(n.id)).map((info) => ({ info, t: templateFor(env, row, info) }));
  const filled = prefilledContents(env, row, todo);
  const contents = todo.map(({ info, t }, i) => ({ n: info, t, c: filled[i]! }));
  env.sqlite.transaction(() => {
    for (const { n, t, c } of contents) upsertReport(env.sqlite, env.officeId, n.id, t.id, JSON.stringify(c));
  })();
  return todo.length;
}

// ---------------------------------------------------------------------------------------
// The checklist

interface CampaignDeadline {
  label: string;
  day: number;
  month: number;
}

export function dossierChecklist(env: DossierEnv, id: string): ChecklistOut {
  const row = mustDossier(env, id);
  const nominees = nomineeInfos(env, listNominees(env.sqlite, id));
  const lookup = eligibilityFor(env.sqlite, row.year, officeName(env, row.origin_office_id));
  const attachments = listAttachments(env.sqlite, id);
  const withInitiative = initiativeHolders(
    env.sqlite,
    nominees.filter((n) => n.kind === 'person').map((n) => n.subjectId),
    row.year,
  );
  const settings = readAwardSettings(env.sqlite);
  const campaign = row.campaign_id ? campaignForDossier(env.sqlite, row.campaign_id) : undefined;
  const campaignDeadlines = campaign ? parse<CampaignDeadline[]>(campaign.deadlines, []) : [];
  const deadlines = (Array.isArray(campaignDeadlines) && campaignDeadlines.length ? campaignDeadlines : settings.deadlines).map((d) => ({ label: d.label, day: d.day, month: d.month }));
  const reports = savedReports(env, id);
  // the same person proposed twice, or proposed for what they already have — while the dossier
  // is still to be decided (once answered, its nominees' awards are the answer's)
  const answered = outcomesOf(env.sqlite, [id]).some((o) => o.submission_no === row.submission_no);
  const deciding = row.state === 'nhap' || !answered;
  const key = (kind: string, subject: string, code: string) => `${kind === 'unit' ? 'unit' : 'person'}|${subject}|${code}`;
  const group = <T,>(rows: readonly T[], k: (r: T) => string, v: (r: T) => string) => {
    const m = new Map<string, string[]>();
    for (const r of rows) {
      const list = m.get(k(r));
      if (list) list.push(v(r));
      else m.set(k(r), [v(r)]);
    }
    return m;
  };
  const others = group(deciding ? nominationsElsewhere(env.sqlite, id, row.origin_office_id, row.year, null) : [], (r) => key(r.subject_kind, r.subject_id, r.award_code), (r) => r.title);
  const awarded = group(
    deciding ? priorAwards(env.sqlite, id, row.year) : [],
    (r) => key(r.subject_kind, r.subject_id, r.award_code),
    (r) => `${r.number ? `số ${r.number}` : 'chưa có số'}${r.decision_date ? ` ngày ${formatDateVi(r.decision_date)}` : ''}`,
  );
  const list: ChecklistNominee[] = nominees.map((n) => {
    const saved = reports.get(n.id);
    const inForce = templateFor(env, row, n);
    const content = saved ? contentOf(saved.content, reportTemplate(saved.template_id) ?? inForce) : null;
    const v = lookup.verdict(n.kind, n.subjectId, n.awardCode);
    return {
      id: n.id,
      name: n.name,
      kind: n.kind,
      awardCode: n.awardCode,
      votesAgree: n.votesAgree,
      votesTotal: n.votesTotal,
      hasReport: reportHasContent(content),
      gender: n.kind === 'person' ? n.gender : null,
      reportTemplateOutdated: !!saved && saved.template_id !== inForce.id,
      verdict: v.verdict,
      failed: v.failed,
      hasInitiative: withInitiative.has(n.subjectId),
      evidenceCount: attachments.filter((a) => a.nominee_id === n.id).length,
      otherDossiers: [...new Set(others.get(key(n.kind, n.subjectId, n.awardCode)) ?? [])],
      awardedBy: awarded.get(key(n.kind, n.subjectId, n.awardCode)) ?? [],
    };
  });
  const r = runChecklist({
    today: env.today,
    decisionDate: dossierDate(env, row),
    year: row.year,
    awardCode: row.award_code as AwardCode,
    meeting: {
      date: row.meeting_date,
      place: row.meeting_place,
      chair: row.meeting_chair,
      secretary: row.meeting_secretary,
      membersPresent: membersOf(row),
      membersTotal: row.meeting_members_total,
    },
    nominees: list,
    quota: { percent: settings.provincial.cstdcsQuotaPercent, ldttCount: lookup.ldttCount(staffIdsOfOffice(env.sqlite, row.origin_office_id)) },
    deadlines,
    minVotePercent: MIN_VOTE_PERCENT,
  });
  return { ...r, items: r.items.map((i) => ({ ...i, nomineeId: i.nomineeId ?? null })), ruleSetName: lookup.view.ruleSet.name };
}

function mustPass(env: DossierEnv, id: string, what: string): void {
  const c = dossierChecklist(env, id);
  if (c.ok) return;
  const blocks = c.items.filter((i) => i.level === 'block');
  throw new AppError(
    'CONFLICT',
    `Chưa ${what}: hồ sơ còn ${blocks.length} vấn đề phải sửa (mục "Kiểm tra trước khi xuất"):\n${blocks
      .slice(0, 10)
      .map((b) => `- ${b.message}`)
      .join('\n')}${blocks.length > 10 ? '\n…' : ''}`,
    blocks,
  );
}

// ---------------------------------------------------------------------------------------
// Attachments

export function addAttachment(env: DossierEnv, d: { dossierId: string; nomineeId: string | null; fileName: string; fileBase64?: string; path?: string; note: string }): DossierDetail {
  const row = mustDossier(env, d.dossierId);
  mustEdit(env, row);
  if (d.nomineeId) {
    const n = getNominee(env.sqlite, d.nomineeId);
    if (!n || n.dossier_id !== row.id) throw new AppError('NOT_FOUND', 'Người (tập thể) gắn với minh chứng không còn trong hồ sơ — hãy chọn lại.');
  }
  const bytes = uploadedBytes(d, 'Tệp minh chứng', EVIDENCE_MAX_BYTES);
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', `Tệp "${d.fileName}" rỗng (0 byte). Hãy chọn đúng tệp minh chứng.`);
  const name = safeFileName(d.fileName);
  const stored = storeBytes(dataDirOf(env.dbPath), bytes);
  env.sqlite.transaction(() =>
    insertAttachment(env.sqlite, env.officeId, {
      dossier_id: row.id,
      nominee_id: d.nomineeId,
      file_name: name,
      mime_type: guessMime(name),
      size: stored.size,
      sha256: stored.sha256,
      note: d.note,
    }),
  )();
  return dossierDetail(env, row.id);
}

export function downloadAttachment(env: DossierEnv, id: string): FileOut {
  const a = getAttachment(env.sqlite, id);
  if (!a) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp minh chứng (có thể đã bị xóa). Hãy tải lại hồ sơ.');
  const bytes = readStored(dataDirOf(env.dbPath), a.sha256, a.size, a.file_name, 'Tệp minh chứng');
  return { fileName: a.file_name, mimeType: a.mime_type, base64: bytes.toString('base64') };
}

export function removeAttachment(env: DossierEnv, id: string): DossierDetail {
  const a = getAttachment(env.sqlite, id);
  if (!a) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp minh chứng (có thể đã bị xóa). Hãy tải lại hồ sơ.');
  const row = mustDossier(env, a.dossier_id);
  mustEdit(env, row);
  env.sqlite.transaction(() => softDeleteAttachment(env.sqlite, id))();
  return dossierDetail(env, row.id);
}

// ---------------------------------------------------------------------------------------
// Documents

function reportsToRender(env: DossierEnv, row: DossierRow, infos: NomineeInfo[], saved = savedReports(env, row.id)): ReportToRender[] {
  const chosen = infos.map((n) => {
    const r = saved.get(n.id);
    return { info: n, saved: r, t: (r && reportTemplate(r.template_id)) || templateFor(env, row, n) };
  });
  const unsaved = chosen.filter((c) => !c.saved);
  const filled = new Map(prefilledContents(env, row, unsaved).map((c, i) => [unsaved[i]!.info.id, c]));
  return chosen.map((c) => ({ nominee: c.info, template: c.t, content: c.saved ? contentOf(c.saved.content, c.t) : filled.get(c.info.id)! }));
}

/** Render every document, store the bytes and replace the dossier's document rows (the checklist must pass). */
export async function generateDocuments(env: DossierEnv, id: string): Promise<DossierDetail> {
  const row = mustDossier(env, id);
  mustEdit(env, row);
  mustPass(env, id, 'tạo được văn bản');
  await writeDocuments(env, row);
  return dossierDetail(env, id);
}

/** Render, store the bytes, then replace the document rows (and run `alsoInTx`) in one transaction. */
async function writeDocuments(env: DossierEnv, row: DossierRow, alsoInTx?: () => void): Promise<void> {
  const infos = nomineeInfos(env, listNominees(env.sqlite, row.id));
  // the documents' date as their created time: unchanged documents keep their bytes
  const created = new Date(`${dossierDate(env, row)}T00:00:00.000Z`);
  // each file is written while the next ones are rendered
  const writer = new ContentWriter(dataDirOf(env.dbPath));
  const refs: StoredRef[] = [];
  let rendered;
  try {
    rendered = await renderDossierDocuments(docInput(env, row, infos), reportsToRender(env, row, infos), {
      created,
      onDocument: (d) => refs.push(writer.add(d.bytes)),
    });
  } catch (e) {
    // no writes left running behind the error
    await writer.flush().catch(() => undefined);
    throw e;
  }
  await writer.flush();
  const now = nowIso();
  env.sqlite.transaction(() => {
    softDeleteDocuments(env.sqlite, row.id, now);
    rendered.forEach((d, i) => {
      const s = refs[i]!;
      insertDocument(
        env.sqlite,
        env.officeId,
        {
          dossier_id: row.id,
          nominee_id: d.nomineeId,
          kind: d.kind,
          file_name: d.fileName,
          mime_type: d.mimeType,
          size: s.size,
          sha256: s.sha256,
          generated_at: now,
          sort_order: d.sortOrder,
        },
        now,
      );
    });
    alsoInTx?.();
  })();
}

export function downloadDocument(env: DossierEnv, id: string): FileOut {
  const d = getDocument(env.sqlite, id);
  if (!d) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản (có thể đã được tạo lại). Hãy tải lại hồ sơ.');
  const bytes = readStored(dataDirOf(env.dbPath), d.sha256, d.size, d.file_name, 'Văn bản');
  return { fileName: d.file_name, mimeType: d.mime_type, base64: bytes.toString('base64') };
}

/** The files of an export: documents, then evidence under Minh-chung/. */
function exportFiles(env: DossierEnv, row: DossierRow): { name: string; bytes: Uint8Array }[] {
  const dataDir = dataDirOf(env.dbPath);
  const docs = listDocuments(env.sqlite, row.id);
  if (docs.length === 0) throw new AppError('CONFLICT', 'Hồ sơ chưa có văn bản nào để xuất. Cơ quan lập hồ sơ cần tạo văn bản rồi gửi lại.');
  const out = docs.map((d) => ({ name: d.file_name, bytes: readStored(dataDir, d.sha256, d.size, d.file_name, 'Văn bản') }));
  const nominees = new Map(listNominees(env.sqlite, row.id).map((n, i) => [n.id, { n, i }]));
  const used = new Set(out.map((f) => f.name));
  for (const a of listAttachments(env.sqlite, row.id)) {
    const owner = a.nominee_id ? nominees.get(a.nominee_id) : undefined;
    const prefix = owner ? `${String(owner.i + 1).padStart(2, '0')}_${fileSlug(owner.n.name, 30)}_` : 'Chung_';
    const ext = /\.[A-Za-z0-9]{1,6}$/.exec(a.file_name)?.[0] ?? '';
    let name = `Minh-chung/${prefix}${fileSlug(a.file_name.slice(0, a.file_name.length - ext.length), 50)}${ext.toLowerCase()}`;
    for (let k = 2; used.has(name); k++) name = name.replace(/(_\d+)?(\.[a-z0-9]+)?$/, `_${k}$2`);
    used.add(name);
    out.push({ name, bytes: readStored(dataDir, a.sha256, a.size, a.file_name, 'Tệp minh chứng') });
  }
  return out;
}

/**
 * Export the dossier: its own editable dossier is regenerated first (the checklist must pass);
 * a submitted or received dossier exports the documents it carries. With a folder: every file
 * written atomically into it (evidence under Minh-chung/); without: one .zip to download.
 */
export async function exportDossier(env: DossierEnv, id: string, folder: string | null): Promise<{ folder: string | null; files: string[]; zip: FileOut | null }> {
  const row = mustDossier(env, id);
  if (row.origin_office_id === env.officeId && row.state === 'nhap') {
    mustPass(env, id, 'xuất được hồ sơ');
    await writeDocuments(env, row);
  }
  const files = exportFiles(env, row);
  if (folder) {
    const target = path.resolve(folder);
    try {
      for (const f of files) {
        const file = path.join(target, ...f.name.split('/'));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomic(file, f.bytes);
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('FILE_INVALID', `Không ghi được vào thư mục "${target}" (${(e as Error).message}). Kiểm tra thư mục có tồn tại, còn chỗ trống và cho phép ghi (USB đã cắm chưa?).`);
    }
    return { folder: target, files: files.map((f) => f.name), zip: null };
  }
  const zipped = zipSync(Object.fromEntries(files.map((f) => [f.name, f.bytes])), { level: 6 });
  const office = officeInfo(env, row.origin_office_id);
  const fileName = `Ho-so_${fileSlug(office.abbreviation, 20)}_${row.year}_${fileSlug(row.title, 40)}.zip`;
  return { folder: null, files: files.map((f) => f.name), zip: { fileName, mimeType: 'application/zip', base64: Buffer.from(zipped).toString('base64') } };
}

/** The ballot of the council's vote on the dossier's nominees, one copy for each member present to mark. */
export async function ballotFile(env: DossierEnv, id: string): Promise<FileOut> {
  const row = mustDossier(env, id);
  const infos = nomineeInfos(env, listNominees(env.sqlite, id));
  if (infos.length === 0) throw new AppError('INVALID_INPUT', 'Hồ sơ chưa có cá nhân, tập thể nào được đề nghị. Thêm người được đề nghị trước khi in phiếu biểu quyết.');
  const f = await renderBallot(docInput(env, row, infos));
  return { fileName: f.fileName, mimeType: f.mimeType, base64: Buffer.from(f.bytes).toString('base64') };
}

export function previewHtml(env: DossierEnv, id: string, kind: 'to_trinh' | 'bien_ban' | 'bao_cao', nomineeId: string | null): { title: string; html: string } {
  const row = mustDossier(env, id);
  const infos = nomineeInfos(env, listNominees(env.sqlite, id));
  const input = docInput(env, row, infos);
  if (kind === 'to_trinh') return { title: 'Tờ trình', html: renderHtml(toTrinhDocument(input)) };
  if (kind === 'bien_ban') return { title: 'Biên bản họp Hội đồng', html: renderHtml(bienBanDocument(input)) };
  const info = infos.find((n) => n.id === nomineeId);
  if (!info) throw new AppError('NOT_FOUND', 'Hãy chọn người (tập thể) để xem báo cáo thành tích.');
  const own = reportOf(env.sqlite, info.id);
  const r = reportsToRender(env, row, [info], new Map(own ? [[info.id, own]] : []))[0]!;
  return { title: `Báo cáo thành tích — ${info.name}`, html: renderHtml(baoCaoDocument(input, info, r.template, r.content)) };
}

// ---------------------------------------------------------------------------------------
// Submission (office) and outcome (province)

export async function submitDossier(env: DossierEnv, id: string): Promise<DossierDetail> {
  const row = mustDossier(env, id);
  mustEdit(env, row);
  mustPass(env, id, 'gửi được hồ sơ');
  await writeDocuments(env, row, () => updateDossier(env.sqlite, id, { state: 'da_gui', submission_no: row.submission_no + 1, submitted_at: nowIso() }));
  return dossierDetail(env, id);
}

export function reopenDossier(env: DossierEnv, id: string): DossierDetail {
  const row = mustDossier(env, id);
  if (row.origin_office_id !== env.officeId) throw new AppError('FORBIDDEN', 'Hồ sơ nhận từ cơ quan khác không mở lại được ở đây.');
  if (row.state !== 'da_gui') throw new AppError('CONFLICT', 'Hồ sơ đang ở trạng thái soạn thảo — sửa trực tiếp, không cần mở lại.');
  if (statusOf(row, outcomesOf(env.sqlite, [id])).status === 'approved') {
    throw new AppError('CONFLICT', 'Hồ sơ đã được cấp trên duyệt nên không mở lại để sửa được. Nếu cần đề nghị thêm, hãy lập hồ sơ mới.');
  }
  env.sqlite.transaction(() => updateDossier(env.sqlite, id, { state: 'nhap' }))();
  return dossierDetail(env, id);
}

export interface OutcomeData {
  outcome: Outcome;
  decisionNumber: string;
  decisionDate: string | null;
  decisionIssuer: string;
  signer: string;
  reason: string;
  createDecision: boolean;
  /** with createDecision: the cash the rules set on the decision's date, for each recipient */
  cashByRules: boolean;
  /** approved: nominees the decision leaves out */
  notApproved: readonly string[];
}

/**
 * The superior's word on a dossier's current submission: at the province for a dossier an
 * office sent, or at any office for its own dossier when the answer came on paper (the
 * superior keeps no copy of the app). Approving may also record the award decision(s) — one
 * per award among the nominees it names — carrying batch_key "dossier:<id>:<code>" so a return
 * bundle finds them. A consolidated dossier's approval reaches the received dossiers it was
 * made from (see propagateApproval). All in one transaction.
 */
export function recordOutcome(env: DossierEnv, id: string, d: OutcomeData): DossierDetail {
  const row = mustDossier(env, id);
  const own = row.origin_office_id === env.officeId;
  if (row.submission_no === 0 || row.state !== 'da_gui') {
    throw new AppError(
      'CONFLICT',
      own
        ? 'Hồ sơ chưa gửi cấp trên (hoặc đang mở lại để sửa): kết quả ghi sau khi gửi.'
        : 'Cơ quan gửi đang sửa lại hồ sơ này (chưa gửi lại). Hãy chờ nhận bản gửi lại rồi ghi kết quả.',
    );
  }
  const current = outcomesOf(env.sqlite, [id]).filter((o) => o.submission_no === row.submission_no);
  // at the province, an answer the sending office typed in (its superior's paper) gives way to the province's word
  const typed = own ? [] : current.filter((o) => o.origin_office_id === row.origin_office_id);
  const existing = current.filter((o) => !typed.includes(o));
  if (existing.length)
    throw new AppError(
      'CONFLICT',
      own
        ? 'Lần gửi này của hồ sơ đã có kết quả của cấp trên. Nếu hồ sơ bị trả lại, hãy mở lại, sửa và gửi lại: kết quả mới ghi cho lần gửi sau.'
        : 'Hồ sơ (lần gửi này) đã có kết quả. Nếu cơ quan gửi lại bản sửa, kết quả mới ghi cho lần gửi sau.',
    );
  const nominees = listNominees(env.sqlite, id);
  const cut = new Set(d.outcome === 'approved' ? d.notApproved : []);
  const unknown = [...cut].filter((nid) => !nominees.some((n) => n.id === nid)).length;
  if (unknown) throw new AppError('NOT_FOUND', `${unknown} người (tập thể) chọn là “không được khen” không còn trong hồ sơ. Hãy tải lại hồ sơ rồi chọn lại.`);
  const approved = nominees.filter((n) => !cut.has(n.id));
  if (d.outcome === 'approved' && nominees.length > 0 && approved.length === 0)
    throw new AppError('INVALID_INPUT', 'Quyết định không khen ai trong hồ sơ: hãy chọn “Trả lại” và ghi lý do thay vì “Duyệt”.');
  const now = nowIso();
  env.sqlite.transaction(() => {
    for (const o of typed) softDeleteOutcome(env.sqlite, o.id, now);
    if (typed.length) for (const decision of typedAnswerDecisions(env.sqlite, row.id, row.origin_office_id)) softDeleteDecision(env.sqlite, decision, now);
    const decisions = new Map<string, string>();
    if (d.outcome === 'approved' && d.createDecision) {
      if (approved.length === 0) throw new AppError('CONFLICT', 'Hồ sơ không có người (tập thể) nào để ghi vào quyết định khen thưởng.');
      const codes = [...new Set(approved.map((n) => n.award_code))].sort((a, b) => (a === row.award_code ? -1 : b === row.award_code ? 1 : a.localeCompare(b)));
      const salaries = d.cashByRules ? baseSalaryTable(readAwardSettings(env.sqlite).baseSalaries) : null;
      for (const code of codes) {
        // none before the catalogue records a multiple (01/7/2025), or for a form without one
        const rule = salaries && suggestedCash(code, d.decisionDate ?? `${row.year}-12-31`, salaries);
        const cashOf = (unit: boolean) => (rule ? cashFor(rule, unit) : null);
        const dec = insertDecision(
          env.sqlite,
          env.officeId,
          {
            number: d.decisionNumber,
            numberKey: numberKey(d.decisionNumber),
            decisionDate: d.decisionDate,
            issuer: d.decisionIssuer,
            signer: d.signer,
            awardCode: code,
            otherForm: '',
            basis: row.basis as AwardBasis,
            year: row.year,
            campaignId: own ? row.campaign_id : null,
            cashAmount: cashOf(false),
            source: 'manual',
            batchKey: `dossier:${row.id}:${code}`,
            note: own ? `Theo hồ sơ đề nghị "${row.title}"` : `Theo hồ sơ đề nghị "${row.title}" của ${officeName(env, row.origin_office_id)}`,
          },
          now,
        );
        decisions.set(code, dec);
        approved
          .filter((n) => n.award_code === code)
          .forEach((n, i) =>
            insertRecipient(
              env.sqlite,
              env.officeId,
              {
                decisionId: dec,
                kind: n.subject_kind === 'unit' ? 'unit' : 'person',
                staffId: n.staff_id,
                unitId: n.unit_id,
                name: n.name,
                unitName: n.unit_name,
                cashAmount: cashOf(n.subject_kind === 'unit'),
                sortOrder: i,
              },
              now,
            ),
          );
      }
    }
    const decisionOf = (code: string) => decisions.get(code) ?? decisions.values().next().value ?? null;
    insertOutcome(env.sqlite, env.officeId, outcomeFields(row, d, decisionOf(row.award_code), d.reason, now), now);
    if (d.outcome === 'approved') propagateApproval(env, row, d, new Set(approved.map(subjectKey)), decisionOf, now);
  })();
  return dossierDetail(env, id);
}

function outcomeFields(row: DossierRow, d: OutcomeData, decisionId: string | null, reason: string, now: string) {
  const approved = d.outcome === 'approved';
  return {
    dossier_id: row.id,
    submission_no: row.submission_no,
    outcome: d.outcome,
    decision_number: approved ? d.decisionNumber : '',
    decision_date: approved ? d.decisionDate : null,
    decision_issuer: approved ? d.decisionIssuer : '',
    decision_id: decisionId,
    reason,
    decided_at: now,
  };
}

/**
 * The superior approved a dossier the province consolidated: each received dossier it was made
 * from, still at the submission consolidated and without a word yet, is approved by the same
 * decision when the decision names one of its nominees, and otherwise answered as not approved
 * ("trả lại", with the decision in the reason) — so the offices learn the result from the
 * province's return bundle. A superior's return is not passed on: the province mends and sends
 * its dossier again.
 */
function propagateApproval(env: DossierEnv, row: DossierRow, d: OutcomeData, approved: ReadonlySet<string>, decisionOf: (code: string) => string | null, now: string): void {
  const links = sourcesOf(env.sqlite, row.id);
  if (links.length === 0) return;
  const outcomes = outcomesOf(env.sqlite, links.map((l) => l.source_id));
  const decision = [`Quyết định số ${d.decisionNumber}`, d.decisionDate ? `ngày ${formatDateVi(d.decisionDate)}` : '', d.decisionIssuer ? `của ${d.decisionIssuer}` : ''].filter(Boolean).join(' ');
  for (const link of links) {
    const source = getDossier(env.sqlite, link.source_id);
    if (!source || source.deleted_at || source.state !== 'da_gui' || source.submission_no !== link.submission_no) continue;
    const current = outcomes.filter((o) => o.dossier_id === source.id && o.submission_no === source.submission_no);
    // answered here already: left alone; an answer its office typed in gives way
    if (current.some((o) => o.origin_office_id !== source.origin_office_id)) continue;
    for (const o of current) softDeleteOutcome(env.sqlite, o.id, now);
    if (current.length) for (const decision of typedAnswerDecisions(env.sqlite, source.id, source.origin_office_id)) softDeleteDecision(env.sqlite, decision, now);
    const any = listNominees(env.sqlite, source.id).some((n) => approved.has(subjectKey(n)));
    const answer: OutcomeData = any ? d : { ...d, outcome: 'returned' };
    const reason = any ? '' : `Không có người, tập thể nào của hồ sơ được khen thưởng tại ${decision} (hồ sơ đã được tổng hợp trình cấp trên trong hồ sơ “${row.title}”).`;
    insertOutcome(env.sqlite, env.officeId, outcomeFields(source, answer, any ? decisionOf(source.award_code) : null, reason, now), now);
  }
}

/**
 * At the province: one dossier of its own to send up, from dossiers received from offices for the
 * same award and year — their nominees, each with the achievement summary and report the office
 * wrote (the province's council votes anew). All or nothing.
 */
export function consolidateReceived(env: DossierEnv, ids: readonly string[]): DossierDetail {
  const wanted = [...new Set(ids)];
  const rows = wanted.map((id) => getDossier(env.sqlite, id));
  if (rows.some((r) => !r || r.origin_office_id === env.officeId))
    throw new AppError('NOT_FOUND', 'Có hồ sơ đã chọn không còn hoặc không phải hồ sơ nhận từ cơ quan khác. Hãy tải lại danh sách hồ sơ nhận rồi lập lại.');
  const received = rows as DossierRow[];
  // only what awaits the province's word: an approved or returned dossier has had it
  const status = new Map(listDossierSummaries(env, { scope: 'received', year: null }).map((d) => [d.id, d.status]));
  const decided = received.filter((r) => status.get(r.id) !== 'submitted').length;
  if (decided)
    throw new AppError(
      'INVALID_INPUT',
      `${decided} hồ sơ đang hiện đã có kết quả (đã duyệt hoặc đã trả lại). Hồ sơ trình cấp trên chỉ lập từ hồ sơ đang chờ kết quả: lọc theo tình trạng “${RECEIVED_STATUS_LABELS.submitted}” rồi lập lại.`,
    );
  const already = consolidationsOf(env.sqlite, wanted);
  if (already.length) {
    const into = [...new Set(already.map((c) => `“${c.title}”`))];
    throw new AppError(
      'CONFLICT',
      `${new Set(already.map((c) => c.source_id)).size} hồ sơ đang hiện đã được đưa vào hồ sơ trình cấp trên ${into.join(', ')}. Mỗi hồ sơ nhận chỉ đưa vào một hồ sơ trình: bớt các hồ sơ đó khỏi danh sách (lọc theo cơ quan, hình thức) hoặc xóa hồ sơ trình cũ (khi chưa gửi) rồi lập lại.`,
    );
  }
  const awards = [...new Set(received.map((r) => r.award_code))];
  if (awards.length > 1)
    throw new AppError(
      'INVALID_INPUT',
      `Các hồ sơ đang hiện đề nghị ${awards.length} hình thức khác nhau (${awards.map((c) => AWARD_CATALOG[c as AwardCode]?.name ?? c).join('; ')}). Một hồ sơ trình cấp trên chỉ gồm một hình thức: chọn hình thức ở ô “Mọi hình thức” của danh sách hồ sơ nhận rồi lập lại.`,
    );
  const years = [...new Set(received.map((r) => r.year))];
  if (years.length > 1) throw new AppError('INVALID_INPUT', `Các hồ sơ đang hiện thuộc ${years.length} năm khác nhau (${years.sort().join(', ')}). Chọn một năm rồi lập lại.`);
  const first = received[0]!;
  return env.sqlite.transaction(() => {
    const created = createDossier(env, {
      year: first.year,
      awardCode: first.award_code as AwardCode,
      title: '',
      campaignId: first.campaign_id && campaignForDossier(env.sqlite, first.campaign_id) ? first.campaign_id : null,
      basis: first.basis as AwardBasis,
      procedure: first.procedure as DossierProcedure,
      sector: first.sector as DossierSector,
    });
    insertSources(env.sqlite, created.id, received);
    const sources = received.flatMap((r) => listNominees(env.sqlite, r.id));
    addNominees(
      env,
      created.id,
      sources.map((n) => ({ kind: n.subject_kind === 'unit' ? 'unit' : 'person', staffId: n.staff_id, unitId: n.unit_id, awardCode: n.award_code as AwardCode })),
    );
    // what the office wrote of each nominee comes along (the first dossier naming someone wins)
    const bySubject = new Map<string, NomineeRow>();
    for (const n of sources) if (!bySubject.has(subjectKey(n))) bySubject.set(subjectKey(n), n);
    const officeOf = new Map(received.map((r) => [r.id, officeInfo(env, r.origin_office_id).name]));
    for (const n of listNominees(env.sqlite, created.id)) {
      const source = bySubject.get(subjectKey(n));
      if (!source) continue;
      // the province's list names each unit with its office: twenty offices have a "Văn phòng"
      const office = officeOf.get(source.dossier_id) ?? '';
      const unitName = office && !foldVi(source.unit_name).includes(foldVi(office)) ? [source.unit_name, office].filter(Boolean).join(', ') : source.unit_name;
      updateNominee(env.sqlite, n.id, { summary: source.summary.trim() ? source.summary : n.summary, unit_name: unitName });
      const report = reportOf(env.sqlite, source.id);
      if (report) upsertReport(env.sqlite, env.officeId, n.id, report.template_id, report.content);
    }
    return dossierDetail(env, created.id);
  })();
}
