// Award records, catalogue/settings, eligibility and the Excel import of past records.
import { baseSalaryTable, cashText, suggestedCash } from '../../shared/records/cash';
import { closingYearOf } from '../../shared/awards';
import { AppError } from '../../shared/contract/errors';
import type { AwardDecision } from '../../shared/contract/records';
import type { ProcParsedInput } from '../../shared/contract';
import { getOffice, toOffice } from '../../db/repositories/office';
import type { CoreContext } from '../core/context';
import type { Job } from '../core/jobs';
import type { HandlerMap } from './types';
import { requireOffice } from './office';
import { assertImportable, readUploaded, templateUnits, withJob, writeStep } from './import-flow';
import { recordsImportTemplate } from '../services/records/import-template';
import { XLSX_MIME } from '../services/xlsx/style';
import { statsFileName, statsWorkbook } from '../services/records/stats-export';
import { periodicData, periodicFileName, periodicWorkbook } from '../services/records/periodic-stats';
import { registerData, registerFileName, registerWorkbook } from '../services/records/award-register';
import { exportEligibility } from '../services/records/eligibility-export';
import { decisionFileName, renderDecisionDocx, withUnitLabels } from '../services/records/decision-document';
import { certificatesFileName, renderCertificatesDocx, withCertificateUnits } from '../services/records/certificates';
import { paymentAmounts, paymentListFileName, paymentListWorkbook } from '../services/records/payment-list';
import { DOCX_MIME } from '../services/documents/docx';
import { initiativesFileName, initiativesWorkbook, registrationsFileName, registrationsWorkbook, type RecordListSheetInput } from '../services/records/record-lists-export';
import { NO_OFFICE } from '../services/xlsx/report';
import { staffGenderPosition, unitsLite } from '../../db/repositories/records';
import { officeUnitLabels, unitPath } from '../../shared/units/tree';
import { officeNameOf } from '../../db/repositories/exchange';
import {
  applyRecordsPlan,
  awardStats,
  awardStatsByOffice,
  catalogOut,
  checkView,
  warmEligibility,
  keepsUsableRun,
  makeEligibilityLive,
  decisionWithRecipients,
  deleteDecision,
  deleteRecord,
  disciplinesList,
  initiativesList,
  listDecisionSummaries,
  loadYearGrid,
  personTimeline,
  proposeRecordsMapping,
  readAwardSettings,
  readRecordsWorkbook,
  registrationsList,
  sampleRow,
  saveAwardSettings,
  saveDecision,
  saveDiscipline,
  saveInitiative,
  saveRegistration,
  addRegistrations,
  saveYearGrid,
  unitTimeline,
  validateRecordsRows,
} from '../services/records';

const SAMPLE_ROWS = 20;
const noFilter = { year: null, unitId: null, search: '' };

async function officeName(ctx: CoreContext): Promise<string> {
  return (await getOffice(ctx.db, ctx.officeId))?.name ?? '';
}

const thisYear = (ctx: CoreContext) => Number(ctx.today().slice(0, 4));
/** A saved decision with someone on it, its units named by `relabel`; `making`: what the user is making of it. */
function decisionWithSomeone(ctx: CoreContext, id: string, relabel: (sqlite: CoreContext['conn']['sqlite'], d: AwardDecision) => AwardDecision, making: string): AwardDecision {
  const d = relabel(ctx.conn.sqlite, decisionWithRecipients(ctx.conn.sqlite, id));
  if (d.recipients.length === 0)
    throw new AppError('INVALID_INPUT', `Quyết định chưa có cá nhân, tập thể nào được khen. Thêm người được khen vào quyết định, lưu lại rồi ${making}.`);
  return d;
}

/** The year the checker screen opens on (closingYear): the one the hosts keep a run of. */
const screenYear = (ctx: CoreContext) => closingYearOf(ctx.today());

type ImportInput = ProcParsedInput<'records.importPreview'>;

async function readAndValidate(input: ImportInput, ctx: CoreContext, job: Job) {
  const read = await readUploaded(input.fileBase64, job, readRecordsWorkbook);
  const mapping = input.mapping ?? proposeRecordsMapping(read.headers);
  const result = await validateRecordsRows(ctx.conn.sqlite, read, mapping, {
    today: ctx.today(),
    onProgress: (done, total) => {
      job.progress('validate', done, total);
      job.checkCancelled();
    },
  });
  return { read, result };
}

export const recordsHandlers: HandlerMap<
  | 'awards.catalog'
  | 'awards.getSettings'
  | 'awards.saveSettings'
  | 'records.yearGrid'
  | 'records.saveYearGrid'
  | 'records.listDecisions'
  | 'records.decisionsExport'
  | 'records.getDecision'
  | 'records.saveDecision'
  | 'records.deleteDecision'
  | 'records.decisionDocument'
  | 'records.certificates'
  | 'records.paymentList'
  | 'records.listInitiatives'
  | 'records.saveInitiative'
  | 'records.deleteInitiative'
  | 'records.listDisciplines'
  | 'records.saveDiscipline'
  | 'records.deleteDiscipline'
  | 'records.listRegistrations'
  | 'records.saveRegistration'
  | 'records.addRegistrations'
  | 'records.deleteRegistration'
  | 'records.registrationsExport'
  | 'records.initiativesExport'
  | 'records.timeline'
  | 'records.stats'
  | 'records.statsExport'
  | 'records.periodicStats'
  | 'records.importPreview'
  | 'records.importTemplate'
  | 'records.importApply'
  | 'eligibility.check'
  | 'eligibility.export'
> = {
  'awards.catalog': async () => catalogOut(),
  'awards.getSettings': async (_input, ctx) => readAwardSettings(ctx.conn.sqlite),
  'awards.saveSettings': async (input, ctx) => saveAwardSettings(ctx.conn.sqlite, input),
  'records.yearGrid': async (input, ctx) => loadYearGrid(ctx.conn.sqlite, input),
  'records.saveYearGrid': async (input, ctx) => saveYearGrid(ctx.conn.sqlite, ctx.officeId, input, await officeName(ctx)),
  'records.listDecisions': async (input, ctx) => listDecisionSummaries(ctx.conn.sqlite, input ?? { year: null, search: '' }),
  'records.decisionsExport': async (input, ctx) => {
    const office = await getOffice(ctx.db, ctx.officeId);
    const bytes = await registerWorkbook({
      office: office ? toOffice(office) : NO_OFFICE,
      year: input.year,
      search: input.search,
      ...registerData(ctx.conn.sqlite, input),
      today: ctx.today(),
    });
    return { fileName: registerFileName(input.year), mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
  },
  'records.getDecision': async ({ id }, ctx) => decisionWithRecipients(ctx.conn.sqlite, id),
  'records.saveDecision': async ({ id, data }, ctx) => saveDecision(ctx.conn.sqlite, ctx.officeId, id, data, ctx.today()),
  'records.deleteDecision': async ({ id }, ctx) => ({ deleted: deleteDecision(ctx.conn.sqlite, id) }),
  'records.decisionDocument': async ({ id }, ctx) => {
    const office = await requireOffice(ctx);
    const d = withUnitLabels(ctx.conn.sqlite, decisionWithRecipients(ctx.conn.sqlite, id));
    const bytes = await renderDecisionDocx(d, toOffice(office), ctx.today());
    return { fileName: decisionFileName(d), mimeType: DOCX_MIME, base64: Buffer.from(bytes).toString('base64') };
  },
  'records.certificates': async ({ id }, ctx) => {
    const office = await requireOffice(ctx);
    const d = decisionWithSomeone(ctx, id, withCertificateUnits, 'in giấy khen');
    const people = staffGenderPosition(ctx.conn.sqlite, d.recipients.flatMap((r) => (r.staffId ? [r.staffId] : [])));
    const bytes = await renderCertificatesDocx(d, people, toOffice(office));
    return { fileName: certificatesFileName(d), mimeType: DOCX_MIME, base64: Buffer.from(bytes).toString('base64') };
  },
  'records.paymentList': async ({ id }, ctx) => {
    const office = await requireOffice(ctx);
    const d = decisionWithSomeone(ctx, id, withUnitLabels, 'lập danh sách chi thưởng');
    if (paymentAmounts(d).every((p) => p.amount === null)) {
      // what the rules set on the decision's date, when the catalogue records it
      const rule = suggestedCash(d.awardCode, d.decisionDate ?? `${d.year}-12-31`, baseSalaryTable(readAwardSettings(ctx.conn.sqlite).baseSalaries));
      const hint = rule ? ` Mức theo quy định ở ngày quyết định: ${cashText(rule)} — trong quyết định bấm “Điền mức này”.` : '';
      throw new AppError('INVALID_INPUT', `Quyết định chưa ghi tiền thưởng. Nhập “Tiền thưởng mỗi người” hoặc tiền thưởng của từng người được khen, lưu lại rồi lập danh sách chi thưởng.${hint}`);
    }
    const bytes = await paymentListWorkbook(d, toOffice(office), ctx.today());
    return { fileName: paymentListFileName(d), mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
  },
  'records.listInitiatives': async (input, ctx) => initiativesList(ctx.conn.sqlite, input ?? noFilter),
  'records.saveInitiative': async ({ id, data }, ctx) => saveInitiative(ctx.conn.sqlite, ctx.officeId, id, data),
  'records.deleteInitiative': async ({ id }, ctx) => ({ deleted: deleteRecord(ctx.conn.sqlite, 'initiative', id) }),
  'records.listDisciplines': async (input, ctx) => disciplinesList(ctx.conn.sqlite, input ?? noFilter),
  'records.saveDiscipline': async ({ id, data }, ctx) => saveDiscipline(ctx.conn.sqlite, ctx.officeId, id, data, ctx.today()),
  'records.deleteDiscipline': async ({ id }, ctx) => ({ deleted: deleteRecord(ctx.conn.sqlite, 'discipline', id) }),
  'records.listRegistrations': async (input, ctx) => registrationsList(ctx.conn.sqlite, input ?? noFilter),
  'records.saveRegistration': async ({ id, data }, ctx) => saveRegistration(ctx.conn.sqlite, ctx.officeId, id, data),
  'records.addRegistrations': async (input, ctx) => addRegistrations(ctx.conn.sqlite, ctx.officeId, input),
  'records.deleteRegistration': async ({ id }, ctx) => ({ deleted: deleteRecord(ctx.conn.sqlite, 'registration', id) }),
  'records.registrationsExport': async (input, ctx) =>
    listFile(ctx, input, registrationsList(ctx.conn.sqlite, input), registrationsWorkbook, registrationsFileName(input.year)),
  'records.initiativesExport': async (input, ctx) =>
    listFile(ctx, input, initiativesList(ctx.conn.sqlite, input), initiativesWorkbook, initiativesFileName(input.year)),
  'records.timeline': async ({ kind, id }, ctx) =>
    kind === 'person' ? personTimeline(ctx.conn.sqlite, id, thisYear(ctx)) : unitTimeline(ctx.conn.sqlite, id, thisYear(ctx)),
  'records.stats': async (input, ctx) => awardStats(ctx.conn.sqlite, input),
  'records.statsExport': async (input, ctx) => {
    const office = await getOffice(ctx.db, ctx.officeId);
    const units = unitsLite(ctx.conn.sqlite);
    let rows = awardStats(ctx.conn.sqlite, input);
    if (input.by === 'office') {
      rows = awardStatsByOffice(ctx.conn.sqlite, rows, { id: ctx.officeId, name: office?.name ?? '' });
    } else if (input.by === 'unit') {
      // columns named as on screen: at the province each office's "Văn phòng" with the office's name
      const officeName = officeNameOf(ctx.conn.sqlite);
      const labels = officeUnitLabels(units, (officeId) => (officeId === ctx.officeId && office?.name) || officeName(officeId));
      rows = rows.map((r) => (r.unitId && labels.has(r.unitId) ? { ...r, unitName: labels.get(r.unitId)! } : r));
    }
    const bytes = await statsWorkbook({
      office: office ? toOffice(office) : NO_OFFICE,
      yearFrom: input.yearFrom,
      yearTo: input.yearTo,
      scopeName: input.unitId ? unitPath(units, input.unitId) || null : null,
      by: input.by,
      rows,
      today: ctx.today(),
    });
    return { fileName: statsFileName(input.yearFrom, input.yearTo), mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
  },
  'records.periodicStats': async ({ year }, ctx) => {
    const office = await getOffice(ctx.db, ctx.officeId);
    const bytes = await periodicWorkbook({
      office: { ...(office ? toOffice(office) : NO_OFFICE), level: office?.level_code ?? '', superiorName: office?.superior_name ?? '' },
      year,
      ...periodicData(ctx.conn.sqlite, ctx.officeId, year),
      today: ctx.today(),
    });
    return { fileName: periodicFileName(year), mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
  },
  'records.importPreview': async (input, ctx) =>
    withJob(ctx, input.jobId, async (job) => {
      const { read, result } = await readAndValidate(input, ctx, job);
      return {
        sheetName: read.sheetName,
        headerRow: read.headerRow,
        headers: read.headers,
        mapping: result.mapping,
        totalRows: result.dataRows,
        validRows: result.rows.length,
        errors: result.errors,
        warnings: read.warnings,
        summary: result.summary,
        sample: result.rows.slice(0, SAMPLE_ROWS).map(sampleRow),
      };
    }),
  'records.importTemplate': async (_input, ctx) => {
    const office = await getOffice(ctx.db, ctx.officeId);
    const bytes = await recordsImportTemplate({ officeName: office?.name ?? '', units: await templateUnits(ctx) });
    return { fileName: 'mau-nhap-ho-so-thi-dua-khen-thuong.xlsx', mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
  },
  // Re-reads and re-validates the file: the apply never trusts an earlier preview.
  'records.importApply': async (input, ctx) =>
    withJob(ctx, input.jobId, async (job) => {
      const { result } = await readAndValidate(input, ctx, job);
      assertImportable(result, 'hồ sơ');
      return writeStep(job, result.rows.length, () => applyRecordsPlan(ctx.conn.sqlite, ctx.officeId, result.rows));
    }),
  'eligibility.check': async (input, ctx) => checkView(ctx.conn.sqlite, input, await officeName(ctx)),
  'eligibility.export': async (input, ctx) => {
    const office = await getOffice(ctx.db, ctx.officeId);
    const { fileName, bytes } = await exportEligibility(ctx.conn.sqlite, input, office ? toOffice(office) : NO_OFFICE, ctx.today());
    return { fileName, mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
  },
};

/** A record list's workbook (the tab's "Xuất Excel") with the office and the filters it was asked with. */
async function listFile<Row>(
  ctx: CoreContext,
  f: { year: number | null; unitId: string | null; search: string },
  rows: readonly Row[],
  build: (input: RecordListSheetInput<Row>) => Promise<Uint8Array>,
  fileName: string,
) {
  const office = await getOffice(ctx.db, ctx.officeId);
  const bytes = await build({
    office: office ? toOffice(office) : NO_OFFICE,
    year: f.year,
    scopeName: f.unitId ? unitPath(unitsLite(ctx.conn.sqlite), f.unitId) || null : null,
    search: f.search,
    rows,
    today: ctx.today(),
  });
  return { fileName, mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
}

/** The hosts' warm-up (core.ts): the closing year's whole-office run, if the file keeps a current one. */
export async function warmUpEligibility(ctx: CoreContext): Promise<void> {
  warmEligibility(ctx.conn.sqlite, screenYear(ctx), await officeName(ctx));
}

/** The hosts at start (core.ts): whether the closing year's first check can do without a run computed from the records. */
export async function eligibilityKept(ctx: CoreContext): Promise<boolean> {
  return keepsUsableRun(ctx.conn.sqlite, screenYear(ctx), await officeName(ctx));
}

/** The hosts' last warm-up step (core.ts): the closing year's run computed from the records, in slices with `pause()` between them. */
export async function liveEligibility(ctx: CoreContext, pause: () => Promise<void>): Promise<void> {
  await makeEligibilityLive(ctx.conn.sqlite, screenYear(ctx), await officeName(ctx), pause);
}
