// Campaigns and plans: storage of the plan model, templates, duplication, import, export.
import { officeHeadTitle } from '../../shared/documents/agency';
import { AppError } from '../../shared/contract/errors';
import type { Campaign, CampaignKind, CampaignStatus, PlanRecord, PlanSummary } from '../../shared/contract/plans';
import type { ProcParsedInput } from '../../shared/contract';
import { foldQuery, foldVi, formatDocNumber, matchesQuery, type FoldedQuery } from '../../shared/text/vn';
import { planSchema, walkSections, planReferences, REVIEW_FLAG, type Plan } from '../../shared/plans/model';
import { PLAN_TEMPLATES, createPlanFromTemplate, shiftPlanYears, planYearOf } from '../../shared/plans/templates';
import { upcomingCampaignDates } from '../../shared/plans/campaign-dates';
import { planToDocument } from '../../shared/plans/to-document';
import { renderHtml } from '../../shared/documents/html';
import { newId } from '../../db/ids';
import {
  getCampaign,
  getPlan,
  insertCampaign,
  insertPlan,
  listCampaigns,
  listPlans,
  listReferences,
  referenceKeys,
  replaceReferences,
  softDelete,
  updateCampaign,
  updatePlan,
  type CampaignRow,
  type PlanRow,
} from '../../db/repositories/plans';
import { LEGACY_DOC_MESSAGE, importPlanDocx, importPlanJson, importPlanText } from '../services/plans/import';
import { DOCX_MIME, renderDocx } from '../services/documents/docx';
import { htmlToPdf } from '../services/pdf/chromium-pdf';
import type { CoreContext } from '../core/context';
import type { HandlerMap } from './types';
import { requireOffice } from './office';

const MIME = {
  docx: DOCX_MIME,
  pdf: 'application/pdf',
  json: 'application/json',
  html: 'text/html',
} as const;

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

async function toCampaign(ctx: CoreContext, r: CampaignRow): Promise<Campaign> {
  const refs = await listReferences(ctx.db, 'campaign', r.id);
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as CampaignKind,
    yearFrom: r.year_from,
    yearTo: r.year_to,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status as CampaignStatus,
    description: r.description,
    phases: parseJson(r.phases, []),
    participants: parseJson(r.participants, { unitIds: [], collective: true, individual: true }),
    awardForms: parseJson(r.award_forms, []),
    deadlines: parseJson(r.deadlines, []),
    references: refs.map((x) => ({ number: x.number, kind: x.kind ?? '', date: x.doc_date, issuer: x.issuer ?? '', title: x.title })),
    planCount: Number(r.plan_count),
    updatedAt: r.updated_at,
  };
}

function campaignColumns(c: ProcParsedInput<'campaigns.create'>) {
  return {
    name: c.name,
    name_key: foldVi(c.name),
    kind: c.kind,
    year_from: c.yearFrom,
    year_to: c.yearTo,
    start_date: c.startDate,
    end_date: c.endDate,
    status: c.status,
    description: c.description,
    phases: JSON.stringify(c.phases),
    participants: JSON.stringify(c.participants),
    award_forms: JSON.stringify(c.awardForms),
    deadlines: JSON.stringify(c.deadlines),
  };
}

function referenceColumns(refs: { number: string; kind?: string | null; date: string | null; issuer?: string | null; title?: string }[]) {
  return refs.map((r) => ({
    number: r.number,
    kind: r.kind || null,
    doc_date: r.date,
    issuer: r.issuer || null,
    title: r.title ?? '',
    search_key: foldVi([r.number, r.kind, r.issuer, r.title].filter(Boolean).join(' ')),
  }));
}

async function mustCampaign(ctx: CoreContext, id: string): Promise<CampaignRow> {
  const r = await getCampaign(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy phong trào (có thể đã bị xóa). Hãy tải lại danh sách.');
  return r;
}

async function mustPlan(ctx: CoreContext, id: string): Promise<PlanRow> {
  const r = await getPlan(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch (có thể đã bị xóa). Hãy tải lại danh sách.');
  return r;
}

function reviewCount(plan: Plan): number {
  let n = 0;
  const count = (x: { flag?: string }) => {
    if (x.flag === REVIEW_FLAG) n++;
  };
  plan.bases.forEach(count);
  plan.preamble.forEach(count);
  plan.closing.forEach(count);
  walkSections(plan.sections, (s) => {
    count(s);
    s.body.forEach(count);
  });
  for (const a of plan.appendices) a.blocks.forEach(count);
  return n;
}

/** Columns derived from the model: what lists and searches need without parsing JSON. */
function planColumns(plan: Plan) {
  const title = plan.title.join(' ').trim() || '(Chưa có trích yếu)';
  return {
    title,
    title_key: foldVi(title),
    year: planYearOf(plan),
    doc_number: plan.header.docNumber?.number ?? null,
    review_count: reviewCount(plan),
    content: JSON.stringify(plan),
  };
}

/** The search rule (matchesQuery) on a record's own text or on any of its references' texts. */
function anyMatches(q: FoldedQuery, own: string, refs: readonly string[] | undefined): boolean {
  return matchesQuery(own, q) || (refs?.some((k) => matchesQuery(k, q)) ?? false);
}

function toSummary(r: PlanRow): PlanSummary {
  const plan = parseJson<Plan | null>(r.content, null);
  const dn = plan?.header.docNumber;
  return {
    id: r.id,
    campaignId: r.campaign_id,
    title: r.title,
    year: r.year,
    status: r.status as PlanSummary['status'],
    numberLine: dn ? formatDocNumber(dn.number, dn.typeCode, dn.agencyAbbr) : '',
    reviewCount: r.review_count,
    sourceFile: r.source_file,
    updatedAt: r.updated_at,
  };
}

function toRecord(r: PlanRow): PlanRecord {
  const parsed = planSchema.safeParse(parseJson(r.content, null));
  if (!parsed.success) throw new AppError('DB_ERROR', 'Nội dung kế hoạch trong cơ sở dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu.');
  return { ...toSummary(r), plan: parsed.data };
}

async function storeNewPlan(ctx: CoreContext, plan: Plan, campaignId: string | null, sourceFile: string | null): Promise<PlanRecord> {
  if (campaignId) await mustCampaign(ctx, campaignId);
  const id = newId();
  const stored: Plan = { ...plan, id };
  await ctx.db.transaction().execute(async (trx) => {
    await insertPlan(trx, id, ctx.officeId, { ...planColumns(stored), campaign_id: campaignId, status: 'nhap', source_file: sourceFile });
    await replaceReferences(trx, ctx.officeId, 'plan', id, referenceColumns(planReferences(stored)));
  });
  return toRecord((await getPlan(ctx.db, id))!);
}

async function officeForTemplates(ctx: CoreContext) {
  const o = await requireOffice(ctx);
  return {
    agency: o.name.toLocaleUpperCase('vi'),
    agencyName: o.name,
    parentAgency: o.parent_agency.toLocaleUpperCase('vi'),
    abbreviation: o.abbreviation,
    place: o.place_name,
    headTitle: officeHeadTitle({ name: o.name, headTitle: o.head_title }).toLocaleUpperCase('vi'),
    headName: o.head_name,
  };
}

export async function exportPlanFile(plan: Plan, format: 'docx' | 'pdf' | 'json' | 'html') {
  const slug = foldVi(plan.title.join(' ')).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'ke-hoach';
  let bytes: Uint8Array;
  if (format === 'json') bytes = new TextEncoder().encode(JSON.stringify(plan, null, 2));
  else {
    const doc = planToDocument(plan);
    if (format === 'docx') bytes = await renderDocx(doc, { title: plan.title.join(' ') });
    else {
      const html = renderHtml(doc, { title: plan.title.join(' ') });
      bytes = format === 'html' ? new TextEncoder().encode(html) : await htmlToPdf(html);
    }
  }
  return { fileName: `ke-hoach-${slug}.${format}`, mimeType: MIME[format], bytes };
}

type PlansProc =
  | 'campaigns.list'
  | 'campaigns.get'
  | 'campaigns.upcoming'
  | 'campaigns.create'
  | 'campaigns.update'
  | 'campaigns.delete'
  | 'plans.list'
  | 'plans.get'
  | 'plans.templates'
  | 'plans.createFromTemplate'
  | 'plans.duplicate'
  | 'plans.save'
  | 'plans.setStatus'
  | 'plans.setCampaign'
  | 'plans.delete'
  | 'plans.import'
  | 'plans.export';

export const plansHandlers: HandlerMap<PlansProc> = {
  'campaigns.list': async (input, ctx) => {
    const q = foldQuery(input?.search ?? '');
    let rows = await listCampaigns(ctx.db, { year: input?.year ?? null });
    if (q.words.length > 0) {
      // a campaign is found by its name or by a superior document it implements
      const refs = await referenceKeys(ctx.db, 'campaign');
      rows = rows.filter((r) => anyMatches(q, r.name_key, refs.get(r.id)));
    }
    return Promise.all(rows.map((r) => toCampaign(ctx, r)));
  },
  'campaigns.get': async ({ id }, ctx) => toCampaign(ctx, await mustCampaign(ctx, id)),
  'campaigns.upcoming': async (input, ctx) => {
    const today = ctx.today();
    const campaigns = (await listCampaigns(ctx.db, { year: null })).map((r) => ({
      id: r.id,
      name: r.name,
      yearFrom: r.year_from,
      yearTo: r.year_to,
      status: r.status as CampaignStatus,
      phases: parseJson<Campaign['phases']>(r.phases, []),
      deadlines: parseJson<Campaign['deadlines']>(r.deadlines, []),
    }));
    return { today, dates: upcomingCampaignDates(campaigns, today, input?.days ?? 14) };
  },
  'campaigns.create': async (input, ctx) => {
    const id = await ctx.db.transaction().execute(async (trx) => {
      const cid = await insertCampaign(trx, ctx.officeId, campaignColumns(input));
      await replaceReferences(trx, ctx.officeId, 'campaign', cid, referenceColumns(input.references));
      return cid;
    });
    return toCampaign(ctx, await mustCampaign(ctx, id));
  },
  'campaigns.update': async ({ id, data }, ctx) => {
    await mustCampaign(ctx, id);
    await ctx.db.transaction().execute(async (trx) => {
      await updateCampaign(trx, id, campaignColumns(data));
      await replaceReferences(trx, ctx.officeId, 'campaign', id, referenceColumns(data.references));
    });
    return toCampaign(ctx, await mustCampaign(ctx, id));
  },
  'campaigns.delete': async ({ id }, ctx) => {
    const c = await mustCampaign(ctx, id);
    if (Number(c.plan_count) > 0) {
      throw new AppError('CONFLICT', `Phong trào còn ${c.plan_count} kế hoạch. Hãy xóa hoặc chuyển các kế hoạch sang phong trào khác trước.`);
    }
    return { deleted: await softDelete(ctx.db, 'campaign', id) };
  },

  'plans.list': async (input, ctx) => {
    const q = foldQuery(input?.search ?? '');
    const plans = (await listPlans(ctx.db, { campaignId: input?.campaignId ?? null })).map(toSummary);
    if (q.words.length === 0) return plans;
    // a plan is found by its title, its number ("25/KH-UBND", "kh 25") or a document it cites
    const refs = await referenceKeys(ctx.db, 'plan');
    return plans.filter((p) => anyMatches(q, foldVi(`${p.title} ${p.numberLine}`), refs.get(p.id)));
  },
  'plans.get': async ({ id }, ctx) => toRecord(await mustPlan(ctx, id)),
  'plans.templates': async () => PLAN_TEMPLATES.map((t) => ({ id: t.id, name: t.name, description: t.description })),
  'plans.createFromTemplate': async (input, ctx) => {
    const plan = createPlanFromTemplate(input.templateId, { year: input.year, office: await officeForTemplates(ctx), theme: input.theme || undefined });
    return storeNewPlan(ctx, plan, input.campaignId, null);
  },
  'plans.duplicate': async ({ id, yearDelta }, ctx) => {
    const src = toRecord(await mustPlan(ctx, id));
    const copy = shiftPlanYears(src.plan, yearDelta);
    // a copy is a new draft: its number is given at signing
    if (copy.header.docNumber) copy.header = { ...copy.header, docNumber: { ...copy.header.docNumber, number: null } };
    return storeNewPlan(ctx, copy, src.campaignId, null);
  },
  'plans.save': async ({ id, plan, expectedUpdatedAt }, ctx) => {
    const row = await mustPlan(ctx, id);
    if (expectedUpdatedAt && row.updated_at !== expectedUpdatedAt) {
      throw new AppError('CONFLICT', 'Kế hoạch vừa được sửa ở nơi khác (cửa sổ khác). Hãy tải lại kế hoạch trước khi sửa tiếp.');
    }
    const stored: Plan = { ...plan, id };
    // autosave runs every second or so while typing: rewrite the reference rows only when they changed
    const refs = referenceColumns(planReferences(stored));
    const key = (r: { number: string; kind: string | null; doc_date: string | null; issuer: string | null; title: string }) =>
      JSON.stringify([r.number, r.kind, r.doc_date, r.issuer, r.title]);
    await ctx.db.transaction().execute(async (trx) => {
      await updatePlan(trx, id, planColumns(stored));
      const current = await listReferences(trx, 'plan', id);
      const refsChanged = current.length !== refs.length || current.some((r, i) => key(r) !== key(refs[i]!));
      if (refsChanged) await replaceReferences(trx, ctx.officeId, 'plan', id, refs);
    });
    return toSummary((await getPlan(ctx.db, id))!);
  },
  'plans.setStatus': async ({ id, status }, ctx) => {
    await mustPlan(ctx, id);
    await updatePlan(ctx.db, id, { status });
    return toSummary((await getPlan(ctx.db, id))!);
  },
  'plans.setCampaign': async ({ id, campaignId }, ctx) => {
    await mustPlan(ctx, id);
    if (campaignId) await mustCampaign(ctx, campaignId);
    await updatePlan(ctx.db, id, { campaign_id: campaignId });
    return toSummary((await getPlan(ctx.db, id))!);
  },
  'plans.delete': async ({ id }, ctx) => {
    await mustPlan(ctx, id);
    return { deleted: await softDelete(ctx.db, 'plan', id) };
  },
  'plans.import': async ({ fileName, fileBase64, campaignId }, ctx) => {
    const bytes = Buffer.from(fileBase64, 'base64');
    const lower = fileName.toLowerCase();
    let result;
    if (lower.endsWith('.txt')) result = importPlanText(new TextDecoder('utf-8').decode(bytes));
    else if (lower.endsWith('.docx')) result = importPlanDocx(bytes);
    else if (lower.endsWith('.json')) result = importPlanJson(new TextDecoder('utf-8').decode(bytes));
    else if (lower.endsWith('.doc'))
      throw new AppError('FILE_INVALID', LEGACY_DOC_MESSAGE);
    else
      throw new AppError(
        'FILE_INVALID',
        `Tệp "${fileName}" không phải .docx, .txt hoặc .json. Hãy chọn kế hoạch dạng Word (.docx), văn bản (.txt), hoặc tệp .json do “Xuất dữ liệu kế hoạch (.json)” tạo ra.`,
      );
    if (!result.ok) throw new AppError('FILE_INVALID', result.error.message);
    const record = await storeNewPlan(ctx, result.plan, campaignId, fileName);
    return { record, warnings: result.warnings };
  },
  'plans.export': async ({ id, format }, ctx) => {
    const rec = toRecord(await mustPlan(ctx, id));
    const f = await exportPlanFile(rec.plan, format);
    return { fileName: f.fileName, mimeType: f.mimeType, base64: Buffer.from(f.bytes).toString('base64') };
  },
};
