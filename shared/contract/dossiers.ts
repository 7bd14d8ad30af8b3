// Nomination dossiers (hồ sơ đề nghị khen thưởng): the office's builder (nominees from the
// eligibility checker, council meeting and votes, achievement reports, evidence, checklist,
// documents, export, submission) and the province's side (received dossiers, outcome per
// dossier, optionally the award decision).
import { z } from 'zod';
import { AWARD_BASES, AWARD_CODES } from '../awards';
import { DOCUMENT_KINDS, DOSSIER_PROCEDURES, DOSSIER_SECTORS, DOSSIER_STATES, DOSSIER_STATUSES, OUTCOMES } from '../dossiers/model';
import { evidenceFile, fileOut, oneEvidenceSource, id, longText, optionalDate, optionalText, requiredText } from './fields';

const awardCode = z.enum(AWARD_CODES, { error: 'Hình thức khen thưởng: chọn một mục trong danh mục.' });
const year = z
  .number({ error: 'Năm: nhập năm có 4 chữ số (ví dụ 2025).' })
  .int({ error: 'Năm: nhập năm có 4 chữ số (ví dụ 2025).' })
  .min(1990, { error: 'Năm: nhập năm từ 1990 đến 2200.' })
  .max(2200, { error: 'Năm: nhập năm từ 1990 đến 2200.' });
const count = (label: string) =>
  z
    .number({ error: `${label}: nhập số nguyên.` })
    .int({ error: `${label}: nhập số nguyên.` })
    .min(0, { error: `${label}: không được âm.` })
    .max(100_000, { error: `${label}: số quá lớn.` })
    .nullable()
    .optional()
    .default(null);
const docNumber = z
  .number({ error: 'Số văn bản: nhập số (để trống nếu chưa có số).' })
  .int({ error: 'Số văn bản: nhập số nguyên.' })
  .min(1, { error: 'Số văn bản: nhập số từ 1.' })
  .max(99_999, { error: 'Số văn bản: số quá lớn.' })
  .nullable()
  .optional()
  .default(null);
const optionalId = z.string().max(64).nullable().optional().default(null);

// ---------------------------------------------------------------------------------------
// Outputs

export const outcomeOut = z.object({
  id: z.string(),
  dossierId: z.string(),
  submissionNo: z.number(),
  outcome: z.enum(OUTCOMES),
  decisionNumber: z.string(),
  decisionDate: z.string().nullable(),
  decisionIssuer: z.string(),
  decisionId: z.string().nullable(),
  reason: z.string(),
  decidedAt: z.string(),
  officeName: z.string(),
  /** typed in by the dossier's own office from its superior's paper (the province's word replaces it) */
  typedByOrigin: z.boolean(),
});
export type OutcomeOut = z.infer<typeof outcomeOut>;

export const dossierSummary = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number(),
  awardCode: z.enum(AWARD_CODES),
  awardName: z.string(),
  basis: z.enum(AWARD_BASES),
  procedure: z.enum(DOSSIER_PROCEDURES),
  sector: z.enum(DOSSIER_SECTORS),
  campaignId: z.string().nullable(),
  campaignName: z.string(),
  state: z.enum(DOSSIER_STATES),
  status: z.enum(DOSSIER_STATUSES),
  submissionNo: z.number(),
  submittedAt: z.string().nullable(),
  nomineeCount: z.number(),
  originOfficeId: z.string(),
  originOfficeName: z.string(),
  /** built at this office (false: received from another office) */
  own: z.boolean(),
  outcome: outcomeOut.nullable(),
  updatedAt: z.string(),
  /** a received dossier: the province's dossiers sent up it went into */
  consolidatedInto: z.array(z.object({ id: z.string(), title: z.string() })),
  /** with a search: the nominees it found by name (the first few), and how many more */
  matchedNominees: z.array(z.string()),
  moreMatchedNominees: z.number(),
});
export type DossierSummary = z.infer<typeof dossierSummary>;

export const signerFields = z.object({
  prefix: z.enum(['', 'TM.', 'KT.', 'Q.', 'TL.', 'TUQ.'], { error: 'Hình thức ký: chọn trống, TM., KT., Q., TL. hoặc TUQ.' }).optional().default(''),
  authorityTitle: optionalText('Chức danh thủ trưởng (ký thay)', 100),
  position: optionalText('Chức vụ người ký', 100),
  name: optionalText('Họ tên người ký', 100),
});
export type SignerFields = z.output<typeof signerFields>;

export const coverFields = z.object({
  bases: z.array(optionalText('Căn cứ', 1000)).max(20, { error: 'Tối đa 20 dòng căn cứ.' }).optional().default([]),
  intro: longText('Nội dung tờ trình', 10_000),
  closing: longText('Câu kết tờ trình', 2000),
});
export type CoverFields = z.output<typeof coverFields>;

export const meetingFields = z.object({
  date: optionalDate('Ngày họp'),
  time: optionalText('Giờ họp', 50),
  place: optionalText('Địa điểm họp', 300),
  chair: optionalText('Người chủ trì', 100),
  chairTitle: optionalText('Chức vụ người chủ trì', 200),
  secretary: optionalText('Thư ký', 100),
  membersPresent: z.array(requiredText('Tên thành viên dự họp', 200)).max(200, { error: 'Tối đa 200 thành viên dự họp.' }).optional().default([]),
  membersTotal: count('Tổng số thành viên Hội đồng'),
  number: docNumber,
});
export type MeetingFields = z.output<typeof meetingFields>;

export const meetingOut = z.object({
  date: z.string().nullable(),
  time: z.string(),
  place: z.string(),
  chair: z.string(),
  chairTitle: z.string(),
  secretary: z.string(),
  membersPresent: z.array(z.string()),
  membersTotal: z.number().nullable(),
  number: z.number().nullable(),
});
export type MeetingOut = z.infer<typeof meetingOut>;

export const nomineeOut = z.object({
  id: z.string(),
  kind: z.enum(['person', 'unit']),
  staffId: z.string().nullable(),
  unitId: z.string().nullable(),
  awardCode: z.enum(AWARD_CODES),
  name: z.string(),
  position: z.string(),
  unitName: z.string(),
  summary: z.string(),
  votesAgree: z.number().nullable(),
  votesTotal: z.number().nullable(),
  votePercent: z.number().nullable(),
  hasReport: z.boolean(),
  reportTemplateId: z.string().nullable(),
  attachmentCount: z.number(),
});
export type NomineeOut = z.infer<typeof nomineeOut>;

export const documentOut = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  kindLabel: z.string(),
  nomineeId: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  generatedAt: z.string(),
});
export type DocumentOut = z.infer<typeof documentOut>;

export const attachmentOut = z.object({
  id: z.string(),
  nomineeId: z.string().nullable(),
  nomineeName: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type AttachmentOut = z.infer<typeof attachmentOut>;

export const dossierDetail = dossierSummary.extend({
  docNumber: z.number().nullable(),
  docDate: z.string().nullable(),
  addressee: z.string(),
  signer: z.object({ prefix: z.string(), authorityTitle: z.string(), position: z.string(), name: z.string() }),
  cover: z.object({ bases: z.array(z.string()), intro: z.string(), closing: z.string() }),
  /** what the tờ trình says where `cover` is left empty */
  coverDefaults: z.object({ bases: z.array(z.string()), intro: z.string(), closing: z.string() }),
  coverForm: z.object({ form: z.string(), document: z.string(), verified: z.boolean() }),
  meeting: meetingOut,
  note: z.string(),
  nominees: z.array(nomineeOut),
  documents: z.array(documentOut),
  attachments: z.array(attachmentOut),
  outcomes: z.array(outcomeOut),
  /** a dossier consolidated from received ones: those dossiers, and where each stands */
  sources: z.array(
    z.object({ id: z.string(), title: z.string(), officeName: z.string(), nomineeCount: z.number(), status: z.enum(DOSSIER_STATUSES), resubmitted: z.boolean() }),
  ),
  /** this office may edit it (its own, not submitted) */
  editable: z.boolean(),
  /** lowest share of agreeing votes that passes */
  minVotePercent: z.number(),
});
export type DossierDetail = z.infer<typeof dossierDetail>;

export const checklistItemOut = z.object({
  level: z.enum(['block', 'warning']),
  code: z.string(),
  message: z.string(),
  nomineeId: z.string().nullable(),
});
export const checklistOut = z.object({
  items: z.array(checklistItemOut),
  blocks: z.number(),
  warnings: z.number(),
  ok: z.boolean(),
  ruleSetName: z.string(),
});
export type ChecklistOut = z.infer<typeof checklistOut>;

export const candidateOut = z.object({
  kind: z.enum(['person', 'unit']),
  id: z.string(),
  name: z.string(),
  unitName: z.string(),
  birthDate: z.string().nullable(),
  /** what is missing (gần đủ) */
  missing: z.array(z.string()),
  inDossier: z.boolean(),
  /** another of the office's dossiers already proposes them for this award and year (its title) */
  elsewhere: z.string().nullable(),
});
export type CandidateOut = z.infer<typeof candidateOut>;

export const templateSectionOut = z.object({
  id: z.string(),
  level: z.number(),
  label: z.string(),
  heading: z.string(),
  kind: z.enum(['heading', 'text', 'table']),
  columns: z.array(z.object({ header: z.string(), width: z.number() })),
  hint: z.string(),
});
export const templateOut = z.object({
  id: z.string(),
  form: z.string(),
  document: z.string(),
  name: z.string(),
  subject: z.enum(['individual', 'collective']),
  procedure: z.enum(DOSSIER_PROCEDURES),
  sector: z.enum(DOSSIER_SECTORS),
  from: z.string(),
  to: z.string().nullable(),
  verified: z.boolean(),
  dateVerified: z.boolean(),
  caveats: z.array(z.string()),
  sections: z.array(templateSectionOut),
});
export type TemplateOut = z.infer<typeof templateOut>;

const reportSection = z.object({
  id: z.string().min(1).max(50),
  text: longText('Nội dung báo cáo', 50_000),
  rows: z
    .array(z.array(optionalText('Ô của bảng', 2000)).max(10))
    .max(500, { error: 'Một bảng tối đa 500 dòng.' })
    .optional()
    .default([]),
});
export const reportContentIn = z.object({
  templateId: z.string().min(1).max(50),
  sections: z.array(reportSection).max(30),
});

export const reportOut = z.object({
  nomineeId: z.string(),
  nomineeName: z.string(),
  saved: z.boolean(),
  template: templateOut,
  /** the template in force for the dossier's date and sector */
  inForce: templateOut,
  content: z.object({ templateId: z.string(), sections: z.array(z.object({ id: z.string(), text: z.string(), rows: z.array(z.array(z.string())) })) }),
  editable: z.boolean(),
});
export type ReportOut = z.infer<typeof reportOut>;

// ---------------------------------------------------------------------------------------
// Inputs

export const dossierCreateInput = z.object({
  year,
  awardCode,
  title: optionalText('Tên hồ sơ', 300),
  campaignId: optionalId,
  basis: z.enum(AWARD_BASES, { error: 'Loại khen thưởng: chọn thường xuyên, chuyên đề hoặc đột xuất.' }).optional().default('thuong_xuyen'),
  procedure: z.enum(DOSSIER_PROCEDURES, { error: 'Thủ tục: chọn thông thường hoặc đơn giản.' }).optional().default('thuong'),
  sector: z.enum(DOSSIER_SECTORS, { error: 'Mẫu áp dụng: chọn chung hoặc ngành Nội vụ.' }).optional().default('chung'),
});
export type DossierCreateInput = z.input<typeof dossierCreateInput>;

export const dossierUpdateInput = z.object({
  id: id(),
  data: dossierCreateInput.extend({
    title: requiredText('Tên hồ sơ', 300),
    docNumber,
    docDate: optionalDate('Ngày tờ trình'),
    addressee: optionalText('Kính gửi', 300),
    signer: signerFields.optional().default({ prefix: '', authorityTitle: '', position: '', name: '' }),
    cover: coverFields.optional().default({ bases: [], intro: '', closing: '' }),
    note: optionalText('Ghi chú', 2000),
  }),
});
export type DossierUpdateInput = z.input<typeof dossierUpdateInput>;

export const nomineeAdd = z
  .object({
    kind: z.enum(['person', 'unit'], { error: 'Đối tượng: chọn cá nhân hoặc tập thể.' }),
    staffId: optionalId,
    unitId: optionalId,
    awardCode: awardCode.nullable().optional().default(null),
  })
  .refine((n) => (n.kind === 'person' ? !!n.staffId : !!n.unitId), { message: 'Người hoặc tập thể được đề nghị: hãy chọn trong danh sách.' });

export const nomineeUpdate = z.object({
  awardCode,
  position: optionalText('Chức vụ', 200),
  unitName: optionalText('Đơn vị', 300),
  summary: longText('Tóm tắt thành tích', 3000),
  votesAgree: count('Số phiếu đồng ý'),
  votesTotal: count('Tổng số phiếu'),
});
export type NomineeUpdate = z.input<typeof nomineeUpdate>;

export const voteInput = z.object({ nomineeId: id(), agree: count('Số phiếu đồng ý'), total: count('Tổng số phiếu') });

export const outcomeInput = z
  .object({
    id: id(),
    outcome: z.enum(OUTCOMES, { error: 'Kết quả: chọn duyệt hoặc trả lại.' }),
    decisionNumber: optionalText('Số quyết định', 50),
    decisionDate: optionalDate('Ngày quyết định'),
    decisionIssuer: optionalText('Cơ quan ban hành quyết định', 300),
    signer: optionalText('Người ký quyết định', 200),
    reason: longText('Lý do trả lại', 3000),
    /** also record the award decision and its recipients in the award records */
    createDecision: z.boolean().optional().default(false),
    /** with createDecision: each recipient's cash as the rules set it on the decision's date (the catalogue's multiple of the lương cơ sở) */
    cashByRules: z.boolean().optional().default(false),
    /** approved: the nominees the decision leaves out (the superior cut them) */
    notApproved: z.array(id()).max(5000).optional().default([]),
  })
  .refine((o) => o.outcome !== 'returned' || o.reason.trim().length > 0, {
    message: 'Trả lại hồ sơ: hãy ghi lý do để cơ quan gửi biết cần sửa gì.',
    path: ['reason'],
  })
  .refine((o) => o.outcome !== 'approved' || o.decisionNumber.length > 0, {
    message: 'Duyệt hồ sơ: hãy nhập số quyết định khen thưởng.',
    path: ['decisionNumber'],
  });
export type OutcomeInput = z.input<typeof outcomeInput>;

const idInput = z.object({ id: id() });
const detailOut = dossierDetail;

export const dossiersProcedures = {
  'dossiers.list': {
    input: z
      .object({
        scope: z.enum(['own', 'received']).optional().default('own'),
        year: year.nullable().optional().default(null),
        /** the lists' search rule on the title, the award, the campaign, the sending office, and the nominees' names */
        search: z.string().max(200, { error: 'Từ khóa tìm kiếm quá dài (tối đa 200 ký tự).' }).optional().default(''),
      })
      .optional(),
    output: z.array(dossierSummary),
  },
  'dossiers.get': { input: idInput, output: detailOut },
  /** at the province: the nominees of the received dossiers shown, in one signed list (XLSX) */
  'dossiers.receivedList': {
    input: z.object({ ids: z.array(id()).min(1, { error: 'Không có hồ sơ nào đang hiện để tổng hợp.' }).max(2000, { error: 'Tổng hợp tối đa 2.000 hồ sơ một lần.' }) }),
    output: fileOut,
  },
  'dossiers.create': { input: dossierCreateInput, output: detailOut },
  /** at the province: a dossier of its own to send up, with the nominees of received dossiers of one award and year */
  'dossiers.consolidate': {
    input: z.object({ ids: z.array(id()).min(1, { error: 'Không có hồ sơ nào đang hiện để lập hồ sơ trình cấp trên.' }).max(2000, { error: 'Tối đa 2.000 hồ sơ một lần.' }) }),
    output: detailOut,
  },
  'dossiers.update': { input: dossierUpdateInput, output: detailOut },
  'dossiers.delete': { input: idInput, output: z.object({ deleted: z.boolean() }) },
  'dossiers.candidates': {
    input: idInput,
    output: z.object({ ruleSetName: z.string(), judged: z.boolean(), eligible: z.array(candidateOut), nearly: z.array(candidateOut) }),
  },
  'dossiers.addNominees': { input: z.object({ id: id(), nominees: z.array(nomineeAdd).min(1, { error: 'Chọn ít nhất một người hoặc tập thể.' }).max(2000) }), output: detailOut },
  'dossiers.updateNominee': { input: z.object({ id: id(), data: nomineeUpdate }), output: detailOut },
  'dossiers.removeNominee': { input: idInput, output: detailOut },
  /** the office's other dossiers of the year whose council meeting is recorded (one meeting usually weighs every award of the year) */
  'dossiers.otherMeetings': {
    input: idInput,
    output: z.array(z.object({ id: z.string(), title: z.string(), awardName: z.string(), meeting: meetingOut })),
  },
  'dossiers.saveMeeting': { input: z.object({ id: id(), meeting: meetingFields, votes: z.array(voteInput).max(2000).optional().default([]) }), output: detailOut },
  'dossiers.getReport': { input: z.object({ nomineeId: id(), fresh: z.boolean().optional().default(false) }), output: reportOut },
  'dossiers.saveReport': { input: z.object({ nomineeId: id(), content: reportContentIn }), output: reportOut },
  'dossiers.prefillReports': { input: idInput, output: z.object({ created: z.number(), detail: detailOut }) },
  'dossiers.checklist': { input: idInput, output: checklistOut },
  'dossiers.addAttachment': {
    input: z
      .object({
        dossierId: id(),
        nomineeId: optionalId,
        fileName: requiredText('Tên tệp', 255),
        ...evidenceFile,
        note: optionalText('Ghi chú', 500),
      })
      .refine(oneEvidenceSource.check, oneEvidenceSource.params),
    output: detailOut,
  },
  'dossiers.downloadAttachment': { input: idInput, output: fileOut },
  'dossiers.removeAttachment': { input: idInput, output: detailOut },
  'dossiers.generate': { input: idInput, output: detailOut },
  'dossiers.export': {
    input: z.object({ id: id(), folder: z.string().max(4096).nullable().optional().default(null) }),
    output: z.object({ folder: z.string().nullable(), files: z.array(z.string()), zip: fileOut.nullable() }),
  },
  'dossiers.downloadDocument': { input: idInput, output: fileOut },
  /** the council's ballot (DOCX): the nominees with "Đồng ý" / "Không đồng ý" boxes */
  'dossiers.ballot': { input: idInput, output: fileOut },
  'dossiers.previewHtml': {
    input: z.object({ id: id(), kind: z.enum(['to_trinh', 'bien_ban', 'bao_cao']), nomineeId: optionalId }),
    output: z.object({ title: z.string(), html: z.string() }),
  },
  'dossiers.submit': { input: idInput, output: detailOut },
  'dossiers.reopen': { input: idInput, output: detailOut },
  'dossiers.recordOutcome': { input: outcomeInput, output: detailOut },
  'dossiers.templates': {
    input: z.object({}).optional(),
    output: z.object({ templates: z.array(templateOut), legalBases: z.array(z.object({ id: z.string(), from: z.string(), to: z.string().nullable(), lines: z.array(z.string()), verified: z.boolean() })) }),
  },
} as const;
