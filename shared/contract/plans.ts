import { z } from 'zod';
import { base64, fileOut, id, longText, optionalDate, optionalText, requiredText } from './fields';
import { planSchema } from '../plans/model';

export const CAMPAIGN_KINDS = ['thuong_xuyen', 'theo_dot', 'chuyen_de', 'dac_biet'] as const;
export const CAMPAIGN_STATUSES = ['nhap', 'da_ban_hanh', 'da_ket_thuc'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const campaignPhase = z.object({
  name: requiredText('Tên giai đoạn', 200),
  yearFrom: z.number().int().min(1900).max(2200),
  yearTo: z.number().int().min(1900).max(2200),
  /** sơ kết (interim) or tổng kết (final) review closing the phase */
  review: z.enum(['so_ket', 'tong_ket']),
  reviewDate: optionalDate('Ngày sơ kết/tổng kết'),
});

export const docReference = z.object({
  number: requiredText('Số hiệu văn bản', 100),
  kind: optionalText('Loại văn bản', 100),
  date: optionalDate('Ngày văn bản'),
  issuer: optionalText('Cơ quan ban hành', 200),
  title: optionalText('Trích yếu', 500),
});
export type DocReferenceInput = z.input<typeof docReference>;

export const campaignDeadline = z.object({
  label: requiredText('Nội dung thời hạn', 300),
  /** recurring yearly deadline: day and month ("trước ngày 01/12 hằng năm") */
  day: z.number().int().min(1).max(31),
  month: z.number().int().min(1).max(12),
});

export const campaignAwardForm = z.object({
  name: requiredText('Hình thức khen thưởng', 200),
  criteria: optionalText('Tiêu chuẩn', 2000),
  quota: optionalText('Số lượng', 200),
});

export const campaignInput = z
  .object({
    name: requiredText('Tên phong trào', 300),
    kind: z.enum(CAMPAIGN_KINDS, { error: 'Loại phong trào: chọn một loại trong danh sách.' }),
    yearFrom: z.number({ error: 'Năm bắt đầu: nhập năm (ví dụ 2025).' }).int().min(1900).max(2200),
    yearTo: z.number({ error: 'Năm kết thúc: nhập năm (ví dụ 2025).' }).int().min(1900).max(2200),
    startDate: optionalDate('Ngày bắt đầu'),
    endDate: optionalDate('Ngày kết thúc'),
    status: z.enum(CAMPAIGN_STATUSES).optional().default('nhap'),
    description: longText('Mô tả', 5000),
    phases: z.array(campaignPhase).max(20).optional().default([]),
    participants: z
      .object({
        unitIds: z.array(z.string()).max(1000).default([]),
        collective: z.boolean().default(true),
        individual: z.boolean().default(true),
      })
      .optional()
      .default({ unitIds: [], collective: true, individual: true }),
    awardForms: z.array(campaignAwardForm).max(50).optional().default([]),
    deadlines: z.array(campaignDeadline).max(50).optional().default([]),
    references: z.array(docReference).max(100).optional().default([]),
  })
  .refine((c) => c.yearTo >= c.yearFrom, { message: 'Năm kết thúc phải bằng hoặc sau năm bắt đầu.', path: ['yearTo'] });
export type CampaignInput = z.input<typeof campaignInput>;

export const campaign = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  yearFrom: z.number(),
  yearTo: z.number(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  description: z.string(),
  phases: z.array(campaignPhase),
  participants: z.object({ unitIds: z.array(z.string()), collective: z.boolean(), individual: z.boolean() }),
  awardForms: z.array(campaignAwardForm),
  deadlines: z.array(campaignDeadline),
  references: z.array(z.object({ number: z.string(), kind: z.string(), date: z.string().nullable(), issuer: z.string(), title: z.string() })),
  planCount: z.number(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof campaign>;

export const PLAN_STATUSES = ['nhap', 'da_ban_hanh'] as const;
export const planSummary = z.object({
  id: z.string(),
  campaignId: z.string().nullable(),
  title: z.string(),
  year: z.number().nullable(),
  status: z.enum(PLAN_STATUSES),
  numberLine: z.string(),
  reviewCount: z.number(),
  sourceFile: z.string().nullable(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const planRecord = planSummary.extend({ plan: planSchema });
export type PlanRecord = z.infer<typeof planRecord>;

export const PLAN_TEMPLATE_IDS = ['annual-campaign', 'thematic-campaign', 'tdkt-work-plan'] as const;

export const plansProcedures = {
  'campaigns.list': {
    input: z.object({ search: z.string().max(200).optional().default(''), year: z.number().int().nullable().optional().default(null) }).optional(),
    output: z.array(campaign),
  },
  'campaigns.get': { input: z.object({ id: id() }), output: campaign },
  /** campaigns' yearly deadlines and sơ kết / tổng kết dates within `days` days from today (ended campaigns left out) */
  'campaigns.upcoming': {
    input: z.object({ days: z.number().int().min(0).max(366).optional().default(14) }).optional(),
    output: z.object({
      today: z.string(),
      dates: z.array(
        z.object({ campaignId: z.string(), campaignName: z.string(), kind: z.enum(['deadline', 'so_ket', 'tong_ket']), label: z.string(), date: z.string() }),
      ),
    }),
  },
  'campaigns.create': { input: campaignInput, output: campaign },
  'campaigns.update': { input: z.object({ id: id(), data: campaignInput }), output: campaign },
  'campaigns.delete': { input: z.object({ id: id() }), output: z.object({ deleted: z.boolean() }) },

  'plans.list': {
    input: z.object({ campaignId: z.string().nullable().optional().default(null), search: z.string().max(200).optional().default('') }).optional(),
    output: z.array(planSummary),
  },
  'plans.get': { input: z.object({ id: id() }), output: planRecord },
  'plans.templates': {
    input: z.object({}).optional(),
    output: z.array(z.object({ id: z.enum(PLAN_TEMPLATE_IDS), name: z.string(), description: z.string() })),
  },
  'plans.createFromTemplate': {
    input: z.object({
      templateId: z.enum(PLAN_TEMPLATE_IDS, { error: 'Chọn một mẫu kế hoạch.' }),
      year: z.number({ error: 'Năm kế hoạch: nhập năm (ví dụ 2026).' }).int().min(1990).max(2200),
      campaignId: z.string().nullable().optional().default(null),
      theme: optionalText('Tên phong trào', 300),
    }),
    output: planRecord,
  },
  'plans.duplicate': {
    input: z.object({ id: id(), yearDelta: z.number().int().min(-50).max(50).default(1) }),
    output: planRecord,
  },
  /** autosave: the whole plan model; `expectedUpdatedAt` guards against two windows overwriting each other */
  'plans.save': {
    input: z.object({ id: id(), plan: planSchema, expectedUpdatedAt: z.string().optional() }),
    output: planSummary,
  },
  'plans.setStatus': { input: z.object({ id: id(), status: z.enum(PLAN_STATUSES) }), output: planSummary },
  'plans.setCampaign': { input: z.object({ id: id(), campaignId: z.string().nullable() }), output: planSummary },
  'plans.delete': { input: z.object({ id: id() }), output: z.object({ deleted: z.boolean() }) },
  'plans.import': {
    input: z.object({
      fileName: requiredText('Tên tệp', 300),
      fileBase64: base64('Tệp kế hoạch', 50 * 1024 * 1024),
      campaignId: z.string().nullable().optional().default(null),
    }),
    output: z.object({ record: planRecord, warnings: z.array(z.string()) }),
  },
  'plans.export': {
    input: z.object({ id: id(), format: z.enum(['docx', 'pdf', 'json', 'html'], { error: 'Định dạng: docx, pdf, json hoặc html.' }) }),
    output: fileOut,
  },
} as const;
