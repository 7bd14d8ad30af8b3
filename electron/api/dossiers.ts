// Nomination dossiers (hồ sơ đề nghị khen thưởng): the office's builder and the province's
// received dossiers and outcomes. The work lives in services/dossiers; handlers map the context.
import { REPORT_TEMPLATES, LEGAL_BASES } from '../../shared/dossiers/templates';
import type { CoreContext } from '../core/context';
import {
  addAttachment,
  addNominees,
  ballotFile,
  consolidateReceived,
  createDossier,
  deleteDossier,
  dossierChecklist,
  dossierDetail,
  downloadAttachment,
  downloadDocument,
  exportDossier,
  generateDocuments,
  getReport,
  listDossierSummaries,
  nomineeCandidates,
  otherMeetings,
  prefillReports,
  previewHtml,
  recordOutcome,
  removeAttachment,
  removeNominee,
  reopenDossier,
  saveMeeting,
  saveReport,
  submitDossier,
  templateOut,
  updateDossierData,
  updateNomineeData,
  exportReceivedList,
  type DossierEnv,
} from '../services/dossiers';
import { getOffice, toOffice } from '../../db/repositories/office';
import { NO_OFFICE } from '../services/xlsx/report';
import type { HandlerMap } from './types';

const env = (ctx: CoreContext): DossierEnv => ({ sqlite: ctx.conn.sqlite, officeId: ctx.officeId, dbPath: ctx.conn.path, today: ctx.today() });

export const dossiersHandlers: HandlerMap<
  | 'dossiers.list'
  | 'dossiers.get'
  | 'dossiers.receivedList'
  | 'dossiers.create'
  | 'dossiers.consolidate'
  | 'dossiers.update'
  | 'dossiers.delete'
  | 'dossiers.candidates'
  | 'dossiers.addNominees'
  | 'dossiers.updateNominee'
  | 'dossiers.removeNominee'
  | 'dossiers.saveMeeting'
  | 'dossiers.getReport'
  | 'dossiers.saveReport'
  | 'dossiers.prefillReports'
  | 'dossiers.checklist'
  | 'dossiers.addAttachment'
  | 'dossiers.downloadAttachment'
  | 'dossiers.removeAttachment'
  | 'dossiers.generate'
  | 'dossiers.export'
  | 'dossiers.downloadDocument'
  | 'dossiers.otherMeetings'
  | 'dossiers.ballot'
  | 'dossiers.previewHtml'
  | 'dossiers.submit'
  | 'dossiers.reopen'
  | 'dossiers.recordOutcome'
  | 'dossiers.templates'
> = {
  'dossiers.list': async (input, ctx) => listDossierSummaries(env(ctx), { scope: input?.scope ?? 'own', year: input?.year ?? null, search: input?.search ?? '' }),
  'dossiers.get': async ({ id }, ctx) => dossierDetail(env(ctx), id),
  'dossiers.receivedList': async ({ ids }, ctx) => {
    const office = await getOffice(ctx.db, ctx.officeId);
    return exportReceivedList(env(ctx), ids, office ? toOffice(office) : NO_OFFICE);
  },
  'dossiers.create': async (input, ctx) => createDossier(env(ctx), input),
  'dossiers.consolidate': async ({ ids }, ctx) => consolidateReceived(env(ctx), ids),
  'dossiers.update': async ({ id, data }, ctx) => updateDossierData(env(ctx), id, data),
  'dossiers.delete': async ({ id }, ctx) => ({ deleted: deleteDossier(env(ctx), id) }),
  'dossiers.candidates': async ({ id }, ctx) => nomineeCandidates(env(ctx), id),
  'dossiers.addNominees': async ({ id, nominees }, ctx) => addNominees(env(ctx), id, nominees),
  'dossiers.updateNominee': async ({ id, data }, ctx) => updateNomineeData(env(ctx), id, data),
  'dossiers.removeNominee': async ({ id }, ctx) => removeNominee(env(ctx), id),
  'dossiers.saveMeeting': async ({ id, meeting, votes }, ctx) => saveMeeting(env(ctx), id, meeting, votes),
  'dossiers.getReport': async ({ nomineeId, fresh }, ctx) => getReport(env(ctx), nomineeId, fresh),
  'dossiers.saveReport': async ({ nomineeId, content }, ctx) => saveReport(env(ctx), nomineeId, content),
  'dossiers.prefillReports': async ({ id }, ctx) => {
    const e = env(ctx);
    const created = prefillReports(e, id);
    return { created, detail: dossierDetail(e, id) };
  },
  'dossiers.checklist': async ({ id }, ctx) => dossierChecklist(env(ctx), id),
  'dossiers.addAttachment': async (input, ctx) => addAttachment(env(ctx), input),
  'dossiers.downloadAttachment': async ({ id }, ctx) => downloadAttachment(env(ctx), id),
  'dossiers.removeAttachment': async ({ id }, ctx) => removeAttachment(env(ctx), id),
  'dossiers.generate': async ({ id }, ctx) => generateDocuments(env(ctx), id),
  'dossiers.export': async ({ id, folder }, ctx) => exportDossier(env(ctx), id, folder),
  'dossiers.downloadDocument': async ({ id }, ctx) => downloadDocument(env(ctx), id),
  'dossiers.ballot': async ({ id }, ctx) => ballotFile(env(ctx), id),
  'dossiers.otherMeetings': async ({ id }, ctx) => otherMeetings(env(ctx), id),
  'dossiers.previewHtml': async ({ id, kind, nomineeId }, ctx) => previewHtml(env(ctx), id, kind, nomineeId),
  'dossiers.submit': async ({ id }, ctx) => submitDossier(env(ctx), id),
  'dossiers.reopen': async ({ id }, ctx) => reopenDossier(env(ctx), id),
  'dossiers.recordOutcome': async ({ id, ...data }, ctx) => recordOutcome(env(ctx), id, data),
  'dossiers.templates': async () => ({
    templates: REPORT_TEMPLATES.map(templateOut),
    legalBases: LEGAL_BASES.map((b) => ({ id: b.id, from: b.from, to: b.to ?? null, lines: [...b.lines], verified: b.verified })),
  }),
};
