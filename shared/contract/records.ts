// Award records (ratings, titles, decisions, initiatives, disciplines, registrations), the
// award catalogue and provincial settings, the eligibility checker, and the Excel import of
// past records. The words accepted for ratings/titles in pasted or imported cells live here
// too, so the renderer's grid and the core's import read the same vocabulary.
import { z } from 'zod';
import {
  AWARD_BASES,
  AWARD_CATALOG,
  AWARD_CODES,
  DISCIPLINE_FORMS,
  INITIATIVE_KINDS,
  INITIATIVE_SCOPES,
  RATINGS,
  RULE_SET_IDS,
  explanationItemSchema,
  type provincialSettingsSchema,
  type AwardBasis,
  type AwardCode,
  type DisciplineForm,
  type InitiativeKind,
  type InitiativeScope,
  type Rating,
} from '../awards';
import { foldVi } from '../text/vn';
import { base64, fileOut, id, optionalDate, optionalText, requiredText } from './fields';
import { importRowError } from './staff';

// ---------------------------------------------------------------------------------------
// Building blocks

export const recordYear = (label = 'Năm') =>
  z
    .number({ error: `${label}: nhập năm có 4 chữ số (ví dụ 2024).` })
    .int({ error: `${label}: nhập năm có 4 chữ số (ví dụ 2024).` })
    .min(1990, { error: `${label}: nhập năm từ 1990 đến 2200.` })
    .max(2200, { error: `${label}: nhập năm từ 1990 đến 2200.` });

const requiredDate = (label: string) =>
  optionalDate(label).transform((v, ctx): string => {
    if (v === null) {
      ctx.addIssue({ code: 'custom', message: `${label}: cần nhập ngày (dd/mm/yyyy).` });
      return z.NEVER;
    }
    return v;
  });

/** Cash in đồng (whole number), optional. */
const money = (label: string) =>
  z
    .number({ error: `${label}: nhập số tiền bằng chữ số (đồng).` })
    .int({ error: `${label}: nhập số tiền là số nguyên (đồng).` })
    .min(0, { error: `${label}: số tiền không được âm.` })
    .max(100_000_000_000, { error: `${label}: số tiền quá lớn.` })
    .nullable()
    .optional()
    .default(null);

export const SUBJECT_KINDS = ['person', 'unit'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const ratingEnum = z.enum(RATINGS, { error: 'Xếp loại: chọn HTXSNV, HTTNV, HTNV hoặc KHTNV.' });
const awardCodeEnum = z.enum(AWARD_CODES, { error: 'Danh hiệu, hình thức khen thưởng: chọn một mục trong danh mục.' });
const basisEnum = z.enum(AWARD_BASES, { error: 'Loại khen thưởng: chọn thường xuyên, chuyên đề hoặc đột xuất.' });

/** The titles the year-end grid records (base-level titles the office decides itself). */
export const GRID_TITLE_CODES = ['LDTT', 'CSTDCS'] as const satisfies readonly AwardCode[];
export type GridTitleCode = (typeof GRID_TITLE_CODES)[number];

export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};

// ---------------------------------------------------------------------------------------
// Words accepted in pasted and imported cells

/** Folded, punctuation → spaces: "Hoàn thành xuất sắc NV." → "hoan thanh xuat sac nv". */
export function wordKey(s: string): string {
  return foldVi(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function wordTable<T extends string>(entries: Record<T, readonly string[]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [code, words] of Object.entries(entries) as [T, readonly string[]][]) {
    for (const w of words) m.set(wordKey(w), code);
  }
  return m;
}

const RATING_WORDS = wordTable<Rating>({
  HTXSNV: [
    'HTXSNV',
    'HTXS',
    'Hoàn thành xuất sắc nhiệm vụ',
    'Hoàn thành xuất sắc',
    'Hoàn thành xuất sắc NV',
    'HT xuất sắc NV',
    'HT xuất sắc',
    'Xuất sắc',
    'XS',
  ],
  HTTNV: ['HTTNV', 'HTT', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành tốt', 'Hoàn thành tốt NV', 'HT tốt NV', 'HT tốt', 'Tốt'],
  HTNV: [
    'HTNV',
    'HT',
    'Hoàn thành nhiệm vụ',
    'Hoàn thành',
    'Hoàn thành NV',
    'HT NV',
    'Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực',
    'Hoàn thành nhiệm vụ nhưng còn hạn chế',
  ],
  KHTNV: [
    'KHTNV',
    'KHT',
    'Không hoàn thành nhiệm vụ',
    'Không hoàn thành',
    'Không hoàn thành NV',
    'Không HTNV',
    'Không HT NV',
    'Chưa hoàn thành nhiệm vụ',
  ],
});

/** A rating from a code or its Vietnamese wording ("xuất sắc", "Hoàn thành tốt nhiệm vụ"); null if not recognised. */
export function parseRatingWord(s: string): Rating | null {
  return RATING_WORDS.get(wordKey(s)) ?? null;
}

/**
 * Type-ahead in the grid: the ratings a typed prefix can still mean. Codes first ("HTX" →
 * HTXSNV, "K" → KHTNV); a single letter that starts no code is a shortcut: X xuất sắc,
 * T tốt, N hoàn thành nhiệm vụ; digits 1–4 pick the rating in order.
 */
export function ratingsForPrefix(typed: string): Rating[] {
  const p = wordKey(typed).replace(/\s+/g, '').toUpperCase();
  if (!p) return [];
  if (/^[1-4]$/.test(p)) return [RATINGS[Number(p) - 1]!];
  const byCode = RATINGS.filter((r) => r.startsWith(p));
  if (byCode.length) return byCode;
  const shortcut: Record<string, Rating> = { X: 'HTXSNV', T: 'HTTNV', N: 'HTNV' };
  return shortcut[p] ? [shortcut[p]] : [];
}

const TITLE_ALIASES: Partial<Record<AwardCode, readonly string[]>> = {
  LDTT: ['LĐTT', 'LDTT', 'Lao động tiên tiến', 'Danh hiệu Lao động tiên tiến'],
  CSTDCS: [
    'CSTĐCS',
    'CSTDCS',
    'CSTĐ cơ sở',
    'CSTĐ CS',
    'Chiến sĩ thi đua cơ sở',
    'Chiến sỹ thi đua cơ sở',
    'Chiến sĩ thi đua cấp cơ sở',
    'Danh hiệu Chiến sĩ thi đua cơ sở',
  ],
  CSTD_TINH: [
    'CSTĐ cấp tỉnh',
    'CSTĐ tỉnh',
    'CSTĐ cấp bộ',
    'Chiến sĩ thi đua cấp tỉnh',
    'Chiến sỹ thi đua cấp tỉnh',
    'Chiến sĩ thi đua cấp bộ',
    'Chiến sĩ thi đua cấp bộ, ngành, tỉnh',
  ],
  CSTD_TOAN_QUOC: ['CSTĐ toàn quốc', 'Chiến sĩ thi đua toàn quốc', 'Chiến sỹ thi đua toàn quốc'],
  TT_LDTT: ['Tập thể LĐTT', 'Tập thể lao động tiên tiến', 'TTLĐTT'],
  TT_LDXS: ['Tập thể LĐXS', 'Tập thể lao động xuất sắc', 'TTLĐXS'],
  CO_THI_DUA_TINH: ['Cờ thi đua tỉnh', 'Cờ thi đua cấp tỉnh', 'Cờ thi đua của UBND tỉnh', 'Cờ thi đua cấp bộ'],
  CO_THI_DUA_CP: ['Cờ thi đua Chính phủ', 'Cờ thi đua của Chính phủ'],
  GIAY_KHEN: ['Giấy khen', 'GK', 'Giấy khen của Giám đốc', 'Giấy khen của Thủ trưởng'],
  BK_TINH: [
    'Bằng khen tỉnh',
    'Bằng khen UBND tỉnh',
    'Bằng khen của UBND tỉnh',
    'Bằng khen Chủ tịch UBND tỉnh',
    'Bằng khen của Chủ tịch UBND tỉnh',
    'Bằng khen cấp tỉnh',
    'Bằng khen bộ',
    'Bằng khen của Bộ trưởng',
    'BK tỉnh',
    'BK UBND tỉnh',
  ],
  BK_TTG: ['Bằng khen Thủ tướng', 'Bằng khen của Thủ tướng', 'Bằng khen của Thủ tướng Chính phủ', 'Bằng khen TTCP', 'BK TTg', 'BKTTg'],
  HCLD_HANG_BA: ['Huân chương Lao động hạng Ba', 'HCLĐ hạng Ba', 'Huân chương lao động hạng 3'],
  KY_NIEM_CHUONG: ['Kỷ niệm chương', 'KNC'],
};

const TITLE_WORDS: Map<string, AwardCode> = (() => {
  const m = new Map<string, AwardCode>();
  for (const code of AWARD_CODES) {
    const e = AWARD_CATALOG[code];
    for (const w of [code, e.name, e.shortName, ...(TITLE_ALIASES[code] ?? [])]) m.set(wordKey(w), code);
  }
  return m;
})();

/** A catalogue code from its code, name, short name or a common wording; null if not recognised. */
export function parseAwardWord(s: string): AwardCode | null {
  return TITLE_WORDS.get(wordKey(s)) ?? null;
}

/** "LĐTT, CSTĐCS" / "LĐTT; CSTĐCS" / "LĐTT + CSTĐCS" / lines: the parts, trimmed. */
export function splitList(s: string, separators: RegExp = /[,;+\n]/): string[] {
  return s
    .split(separators)
    .map((x) => x.trim())
    .filter(Boolean);
}

/**
 * The awards named in a cell. Names may contain commas and "và" ("Chiến sĩ thi đua cấp bộ,
 * ngành, tỉnh"; "… Lao động - Thương binh và Xã hội"), so the whole cell is tried first, then
 * its parts. `other`: unrecognised text is kept as one free-text form (award columns) instead
 * of being reported (title columns).
 */
export function parseAwardList(s: string, other: boolean): Array<{ code: AwardCode | null; text: string }> {
  const whole = s.trim();
  if (!whole) return [];
  const code = parseAwardWord(whole);
  if (code) return [{ code, text: whole }];
  const parts = splitList(whole, other ? /[;+\n]/ : /[,;+\n]/);
  const parsed = parts.map((p) => ({ code: parseAwardWord(p), text: p }));
  if (other && parsed.some((p) => !p.code) && parts.length > 1 && parsed.every((p) => !p.code)) return [{ code: null, text: whole }];
  return parsed;
}

const BASIS_WORDS = wordTable<AwardBasis>({
  thuong_xuyen: ['thường xuyên', 'thuong_xuyen', 'công trạng', 'theo công trạng', 'hằng năm', 'tổng kết năm', 'TX'],
  chuyen_de: ['chuyên đề', 'chuyen_de', 'theo chuyên đề', 'theo đợt', 'CĐ'],
  dot_xuat: ['đột xuất', 'dot_xuat', 'khen đột xuất', 'ĐX'],
});

export function parseBasisWord(s: string): AwardBasis | null {
  return BASIS_WORDS.get(wordKey(s)) ?? null;
}

const SCOPE_WORDS = wordTable<InitiativeScope>({
  co_so: ['cơ sở', 'cấp cơ sở', 'co_so', 'đơn vị', 'cấp đơn vị', 'CS', 'cấp sở', 'sở'],
  tinh: ['tỉnh', 'cấp tỉnh', 'tinh', 'bộ', 'cấp bộ', 'ngành', 'cấp ngành', 'bộ ngành', 'cấp bộ, ngành, tỉnh', 'tỉnh, bộ'],
  toan_quoc: ['toàn quốc', 'cấp toàn quốc', 'toan_quoc', 'quốc gia', 'cấp quốc gia', 'nhà nước', 'cấp nhà nước', 'trung ương'],
});

export function parseScopeWord(s: string): InitiativeScope | null {
  return SCOPE_WORDS.get(wordKey(s)) ?? null;
}

const INITIATIVE_KIND_WORDS = wordTable<InitiativeKind>({
  sang_kien: ['sáng kiến', 'sang_kien', 'SK', 'sáng kiến kinh nghiệm'],
  de_tai: ['đề tài', 'de_tai', 'đề án', 'đề tài khoa học', 'công trình khoa học', 'đề tài nghiên cứu', 'nghiên cứu khoa học'],
  giai_phap: ['giải pháp', 'giai_phap', 'giải pháp công tác', 'giải pháp hữu ích'],
});

export function parseInitiativeKindWord(s: string): InitiativeKind | null {
  return INITIATIVE_KIND_WORDS.get(wordKey(s)) ?? null;
}

const DISCIPLINE_WORDS = wordTable<DisciplineForm>({
  khien_trach: ['khiển trách', 'khien_trach'],
  canh_cao: ['cảnh cáo', 'canh_cao'],
  ha_bac_luong: ['hạ bậc lương', 'ha_bac_luong', 'hạ bậc'],
  giang_chuc: ['giáng chức', 'giang_chuc'],
  cach_chuc: ['cách chức', 'cach_chuc'],
  buoc_thoi_viec: ['buộc thôi việc', 'buoc_thoi_viec'],
});

export function parseDisciplineWord(s: string): DisciplineForm | null {
  return DISCIPLINE_WORDS.get(wordKey(s)) ?? null;
}

const TRUE_WORDS = new Set(['x', 'có', '1', 'true', 'yes', 'y', 'đúng', 'v', 'đạt', 'ok'].map(wordKey));
const FALSE_WORDS = new Set(['0', 'không', 'k', 'false', 'no', 'n', 'sai', 'chưa', 'không đạt'].map(wordKey));

/**
 * A mark in a yes/no cell. Empty → false; "x", "có", "✓", "1" → true; also the column's own
 * names (a "LĐTT" cell in the LĐTT column); undefined when the text means neither.
 */
export function parseMarkWord(s: string, alsoTrue: readonly string[] = []): boolean | undefined {
  const raw = s.trim();
  if (raw === '') return false;
  // offices tick with a cross as often as with a check mark
  if (['✓', '✔', '☑', '√', '✗', '×'].includes(raw)) return true;
  if (['-', '—', '–', '☐'].includes(raw)) return false;
  const k = wordKey(raw);
  if (TRUE_WORDS.has(k) || alsoTrue.some((w) => wordKey(w) === k)) return true;
  if (FALSE_WORDS.has(k)) return false;
  return undefined;
}

/** Name of a catalogue code or the free text of another form. */
export function awardFormLabel(code: string | null, otherForm: string): string {
  if (code && code in AWARD_CATALOG) return AWARD_CATALOG[code as AwardCode].shortName;
  return otherForm || code || '';
}

// ---------------------------------------------------------------------------------------
// Catalogue and settings

export const catalogEntryOut = z.object({
  code: z.enum(AWARD_CODES),
  name: z.string(),
  shortName: z.string(),
  subjects: z.array(z.enum(['individual', 'collective'])),
  kind: z.enum(['title', 'award']),
  level: z.string(),
  levelLabel: z.string(),
  authorities: z.array(
    z.object({ label: z.string(), from: z.string().nullable(), to: z.string().nullable(), basis: z.string(), verified: z.boolean() }),
  ),
  legalBasis: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  verified: z.boolean(),
  catalogOnly: z.boolean(),
  cash: z.array(z.object({ multiple: z.number(), from: z.string(), to: z.string().nullable(), basis: z.string(), verified: z.boolean() })),
});
export type CatalogEntryOut = z.infer<typeof catalogEntryOut>;

export const ruleSetOut = z.object({
  id: z.enum(RULE_SET_IDS),
  name: z.string(),
  documents: z.array(z.string()),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  draft: z.boolean(),
  verified: z.boolean(),
});
export type RuleSetOut = z.infer<typeof ruleSetOut>;

export const awardDeadline = z.object({
  label: requiredText('Tên mốc thời hạn', 200),
  day: z.number({ error: 'Ngày của thời hạn: nhập số từ 1 đến 31.' }).int().min(1, { error: 'Ngày của thời hạn: nhập số từ 1 đến 31.' }).max(31, { error: 'Ngày của thời hạn: nhập số từ 1 đến 31.' }),
  month: z.number({ error: 'Tháng của thời hạn: nhập số từ 1 đến 12.' }).int().min(1, { error: 'Tháng của thời hạn: nhập số từ 1 đến 12.' }).max(12, { error: 'Tháng của thời hạn: nhập số từ 1 đến 12.' }),
  note: optionalText('Ghi chú thời hạn', 500),
});
export type AwardDeadline = z.infer<typeof awardDeadline>;

const percent = (label: string) =>
  z
    .number({ error: `${label}: nhập số phần trăm từ 0 đến 100.` })
    .min(0, { error: `${label}: nhập số phần trăm từ 0 đến 100.` })
    .max(100, { error: `${label}: nhập số phần trăm từ 0 đến 100.` });

/** Provincial parameters with Vietnamese messages; the handler re-checks with the awards provincialSettingsSchema. */
export const provincialSettingsInput = z.object({
  cstdcsQuotaPercent: percent('Tỷ lệ CSTĐCS tối đa'),
  ldttMinRating: ratingEnum,
  collectiveLdttMinPercent: percent('Tỷ lệ LĐTT của Tập thể LĐTT'),
  collectiveLdxsMinPercent: percent('Tỷ lệ LĐTT của Tập thể LĐXS'),
  collectiveDisciplineFrom: z.enum(DISCIPLINE_FORMS, { error: 'Hình thức kỷ luật chặn danh hiệu tập thể: chọn trong danh sách.' }),
  maternityWithoutRatingCounts: z.boolean(),
});

const BASE_SALARY_RANGE = 'Mức lương cơ sở: nhập số đồng một tháng, từ 1.000.000 đến 50.000.000 (ví dụ 2.340.000).';

/** A lương cơ sở the office enters when a decree newer than the app raises it. */
export const baseSalaryPeriodInput = z.object({
  from: requiredDate('Ngày áp dụng mức lương cơ sở').refine((d) => d >= '2000-01-01' && d <= '2100-12-31', {
    error: 'Ngày áp dụng mức lương cơ sở: nhập ngày từ năm 2000 đến 2100.',
  }),
  amount: z.number({ error: BASE_SALARY_RANGE }).int({ error: BASE_SALARY_RANGE }).min(1_000_000, { error: BASE_SALARY_RANGE }).max(50_000_000, { error: BASE_SALARY_RANGE }),
  basis: requiredText('Văn bản quy định mức lương cơ sở (ví dụ Nghị định số …/2026/NĐ-CP)', 200),
});
export type BaseSalaryPeriodInput = z.input<typeof baseSalaryPeriodInput>;

export const awardSettings = z.object({
  provincial: provincialSettingsInput,
  /** apply the draft amendment rule set (unverified) from its announced date */
  enableDraftAmendment: z.boolean(),
  deadlines: z.array(awardDeadline).max(30, { error: 'Tối đa 30 mốc thời hạn.' }),
  /** lương cơ sở periods the office entered (the cash a form carries); the shipped ones are in shared/records/cash.ts */
  baseSalaries: z
    .array(baseSalaryPeriodInput)
    .max(30, { error: 'Tối đa 30 mức lương cơ sở do cơ quan nhập.' })
    .optional()
    .default([])
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      for (const p of list) {
        if (seen.has(p.from)) ctx.addIssue({ code: 'custom', message: `Có hai mức lương cơ sở cùng áp dụng từ ${p.from.split('-').reverse().join('/')}: hãy giữ một mức.` });
        seen.add(p.from);
      }
    }),
});
export type AwardSettings = z.infer<typeof awardSettings>;
export type AwardSettingsInput = z.input<typeof awardSettings>;
/** Sanity: the Vietnamese-message schema yields exactly the checker's settings. */
export const _provincialSettingsShape: z.ZodType<z.infer<typeof provincialSettingsSchema>> = provincialSettingsInput;

// ---------------------------------------------------------------------------------------
// Year-end grid

const gridTitleState = z.object({
  held: z.boolean(),
  /** recorded by a decision entered elsewhere (manual or imported): change it there */
  locked: z.boolean(),
  decisionNo: z.string(),
  decisionId: z.string().nullable(),
});

export const yearGridRow = z.object({
  staffId: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  gender: z.enum(['nam', 'nu']).nullable(),
  unitId: z.string().nullable(),
  unitName: z.string(),
  rating: z.enum(RATINGS).nullable(),
  maternityLeave: z.boolean(),
  underReview: z.boolean(),
  titles: z.object({ LDTT: gridTitleState, CSTDCS: gridTitleState }),
  /** codes registered at the start of the year */
  registered: z.array(z.string()),
});
export type YearGridRow = z.infer<typeof yearGridRow>;

const gridDecisionInfo = z.object({ id: z.string(), number: z.string(), date: z.string().nullable() });

export const yearGrid = z.object({
  unitId: z.string(),
  unitName: z.string(),
  year: z.number(),
  includeSubunits: z.boolean(),
  unitUnderReview: z.boolean(),
  rows: z.array(yearGridRow),
  decisions: z.object({ LDTT: gridDecisionInfo.nullable(), CSTDCS: gridDecisionInfo.nullable() }),
});
export type YearGrid = z.infer<typeof yearGrid>;

const decisionRef = z.object({ number: optionalText('Số quyết định', 50), date: optionalDate('Ngày quyết định') });

export const saveYearGridInput = z.object({
  unitId: id(),
  year: recordYear(),
  unitUnderReview: z.boolean().optional(),
  rows: z
    .array(
      z.object({
        staffId: id(),
        rating: ratingEnum.nullable(),
        maternityLeave: z.boolean(),
        underReview: z.boolean(),
        titles: z.object({ LDTT: z.boolean(), CSTDCS: z.boolean() }),
      }),
    )
    .max(5000, { error: 'Mỗi lần lưu tối đa 5.000 người.' }),
  decisions: z.object({ LDTT: decisionRef.optional(), CSTDCS: decisionRef.optional() }).optional(),
});
export type SaveYearGridInput = z.input<typeof saveYearGridInput>;

// ---------------------------------------------------------------------------------------
// Decisions and recipients

export const DECISION_SOURCES = ['manual', 'grid', 'import'] as const;

export const awardRecipient = z.object({
  id: z.string(),
  kind: z.enum(SUBJECT_KINDS),
  staffId: z.string().nullable(),
  unitId: z.string().nullable(),
  /** snapshot at the time of the decision */
  name: z.string(),
  unitName: z.string(),
  cashAmount: z.number().nullable(),
});
export type AwardRecipient = z.infer<typeof awardRecipient>;

export const awardDecisionSummary = z.object({
  id: z.string(),
  number: z.string(),
  decisionDate: z.string().nullable(),
  issuer: z.string(),
  signer: z.string(),
  awardCode: z.enum(AWARD_CODES).nullable(),
  otherForm: z.string(),
  formLabel: z.string(),
  basis: z.enum(AWARD_BASES),
  year: z.number(),
  campaignId: z.string().nullable(),
  campaignName: z.string(),
  cashAmount: z.number().nullable(),
  note: z.string(),
  source: z.enum(DECISION_SOURCES),
  recipientCount: z.number(),
  updatedAt: z.string(),
});
export type AwardDecisionSummary = z.infer<typeof awardDecisionSummary>;

export const awardDecision = awardDecisionSummary.extend({ recipients: z.array(awardRecipient) });
export type AwardDecision = z.infer<typeof awardDecision>;

export const recipientInput = z
  .object({
    /** an existing recipient keeps its name snapshot */
    id: z.string().max(64).optional(),
    kind: z.enum(SUBJECT_KINDS, { error: 'Đối tượng được khen: chọn cá nhân hoặc tập thể.' }),
    staffId: z.string().max(64).nullable().optional().default(null),
    unitId: z.string().max(64).nullable().optional().default(null),
    cashAmount: money('Tiền thưởng của người được khen'),
  })
  .refine((r) => (r.kind === 'person' ? !!r.staffId : !!r.unitId), {
    message: 'Người hoặc tập thể được khen: hãy chọn trong danh sách.',
  });

export const awardDecisionInput = z
  .object({
    number: optionalText('Số quyết định', 50),
    decisionDate: optionalDate('Ngày quyết định'),
    issuer: optionalText('Cơ quan ban hành', 300),
    signer: optionalText('Người ký', 200),
    awardCode: awardCodeEnum.nullable().optional().default(null),
    otherForm: optionalText('Hình thức khen thưởng khác', 300),
    basis: basisEnum.optional().default('thuong_xuyen'),
    year: recordYear('Năm thành tích'),
    campaignId: z.string().max(64).nullable().optional().default(null),
    cashAmount: money('Tiền thưởng'),
    note: optionalText('Ghi chú', 2000),
    recipients: z.array(recipientInput).max(5000, { error: 'Một quyết định tối đa 5.000 người được khen.' }).optional().default([]),
  })
  .refine((d) => d.awardCode !== null || d.otherForm !== '', {
    message: 'Hình thức khen thưởng: chọn một danh hiệu, hình thức trong danh mục hoặc nhập hình thức khác.',
    path: ['awardCode'],
  });
export type AwardDecisionInput = z.input<typeof awardDecisionInput>;

export const decisionFilter = z.object({
  year: recordYear().nullable().optional().default(null),
  search: z.string().max(200).optional().default(''),
});

// ---------------------------------------------------------------------------------------
// Initiatives, disciplines, registrations

export const initiativeOut = z.object({
  id: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  unitName: z.string(),
  year: z.number(),
  title: z.string(),
  kind: z.enum(INITIATIVE_KINDS),
  recognizingBody: z.string(),
  scope: z.enum(INITIATIVE_SCOPES),
  recognizedOn: z.string().nullable(),
  decisionNo: z.string(),
  note: z.string(),
});
export type InitiativeOut = z.infer<typeof initiativeOut>;

export const initiativeInput = z.object({
  staffId: id(),
  year: recordYear('Năm công nhận'),
  title: requiredText('Tên sáng kiến, đề tài', 1000),
  kind: z.enum(INITIATIVE_KINDS, { error: 'Loại: chọn sáng kiến, đề tài hoặc giải pháp.' }).optional().default('sang_kien'),
  recognizingBody: optionalText('Cơ quan công nhận', 300),
  scope: z.enum(INITIATIVE_SCOPES, { error: 'Phạm vi ảnh hưởng: chọn cấp cơ sở, cấp tỉnh hoặc toàn quốc.' }),
  recognizedOn: optionalDate('Ngày công nhận'),
  decisionNo: optionalText('Số quyết định công nhận', 50),
  note: optionalText('Ghi chú', 2000),
});
export type InitiativeInput = z.input<typeof initiativeInput>;

export const disciplineOut = z.object({
  id: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  unitName: z.string(),
  form: z.enum(DISCIPLINE_FORMS),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  decisionNo: z.string(),
  issuer: z.string(),
  note: z.string(),
});
export type DisciplineOut = z.infer<typeof disciplineOut>;

export const disciplineInput = z
  .object({
    staffId: id(),
    form: z.enum(DISCIPLINE_FORMS, { error: 'Hình thức kỷ luật: chọn trong danh sách.' }),
    fromDate: requiredDate('Ngày bắt đầu hiệu lực kỷ luật'),
    toDate: optionalDate('Ngày hết hiệu lực kỷ luật'),
    decisionNo: optionalText('Số quyết định kỷ luật', 50),
    issuer: optionalText('Cơ quan quyết định', 300),
    note: optionalText('Ghi chú', 2000),
  })
  .refine((d) => d.toDate === null || d.toDate >= d.fromDate, {
    message: 'Ngày hết hiệu lực kỷ luật phải sau ngày bắt đầu.',
    path: ['toDate'],
  });
export type DisciplineInput = z.input<typeof disciplineInput>;

export const registrationOut = z.object({
  id: z.string(),
  year: z.number(),
  kind: z.enum(SUBJECT_KINDS),
  staffId: z.string().nullable(),
  unitId: z.string().nullable(),
  name: z.string(),
  unitName: z.string(),
  awardCode: z.enum(AWARD_CODES),
  note: z.string(),
  /** the registered title was recorded (a decision) for that year */
  achieved: z.boolean(),
});
export type RegistrationOut = z.infer<typeof registrationOut>;

export const registrationInput = z
  .object({
    year: recordYear(),
    kind: z.enum(SUBJECT_KINDS, { error: 'Đăng ký cho: chọn cá nhân hoặc tập thể.' }),
    staffId: z.string().max(64).nullable().optional().default(null),
    unitId: z.string().max(64).nullable().optional().default(null),
    awardCode: awardCodeEnum,
    note: optionalText('Ghi chú', 1000),
  })
  .refine((r) => (r.kind === 'person' ? !!r.staffId : !!r.unitId), {
    message: 'Người hoặc tập thể đăng ký: hãy chọn trong danh sách.',
  });
export type RegistrationInput = z.input<typeof registrationInput>;

/** Many people registered at once for one title of a year (a unit's members, a pasted list): those already registered are left as they are. */
export const registrationsAddInput = z.object({
  year: recordYear(),
  awardCode: awardCodeEnum,
  staffIds: z
    .array(z.string().max(64))
    .min(1, { error: 'Chưa có ai để đăng ký: chọn đơn vị có cán bộ, hoặc dán danh sách họ tên.' })
    .max(50_000)
    .transform((ids) => [...new Set(ids)]),
  note: optionalText('Ghi chú', 1000),
});

export const recordListFilter = z.object({
  year: recordYear().nullable().optional().default(null),
  unitId: z.string().max(64).nullable().optional().default(null),
  search: z.string().max(200).optional().default(''),
});
export type RecordListFilter = z.input<typeof recordListFilter>;

// ---------------------------------------------------------------------------------------
// Timeline and statistics

export const timelineAward = z.object({
  decisionId: z.string(),
  code: z.string().nullable(),
  label: z.string(),
  kind: z.enum(['title', 'award', 'other']),
  basis: z.enum(AWARD_BASES),
  decisionNo: z.string(),
  decisionDate: z.string().nullable(),
  issuer: z.string(),
});

export const timelineYear = z.object({
  year: z.number(),
  unitName: z.string(),
  rating: z.enum(RATINGS).nullable(),
  maternityLeave: z.boolean(),
  underReview: z.boolean(),
  registered: z.array(z.string()),
  awards: z.array(timelineAward),
  initiatives: z.array(z.object({ id: z.string(), title: z.string(), kind: z.enum(INITIATIVE_KINDS), scope: z.enum(INITIATIVE_SCOPES), recognizedOn: z.string().nullable() })),
  disciplines: z.array(z.object({ id: z.string(), form: z.enum(DISCIPLINE_FORMS), fromDate: z.string(), toDate: z.string().nullable(), decisionNo: z.string() })),
  /** collectives: the members that year, their ratings and titles (counts), and names for initiatives/disciplines */
  memberSummary: z
    .object({
      members: z.number(),
      ratings: z.partialRecord(z.enum(RATINGS), z.number()),
      /** label: the short name shown on screen; docName: the full name documents print */
      titles: z.array(z.object({ label: z.string(), count: z.number(), docName: z.string() })),
    })
    .nullable(),
  /** collectives: whose initiative / discipline each entry is (same order as initiatives, disciplines) */
  initiativeOwners: z.array(z.string()),
  disciplineOwners: z.array(z.string()),
});
export type TimelineYear = z.infer<typeof timelineYear>;

export const timeline = z.object({
  kind: z.enum(SUBJECT_KINDS),
  id: z.string(),
  name: z.string(),
  detail: z.string(),
  years: z.array(timelineYear),
});
export type Timeline = z.infer<typeof timeline>;

export const awardStatsRow = z.object({
  year: z.number(),
  unitId: z.string().nullable(),
  unitName: z.string(),
  form: z.string(),
  formLabel: z.string(),
  /** persons + collectives */
  count: z.number(),
  persons: z.number(),
  collectives: z.number(),
});
export type AwardStatsRow = z.infer<typeof awardStatsRow>;

const statsFilter = z.object({ yearFrom: recordYear('Từ năm'), yearTo: recordYear('Đến năm'), unitId: z.string().max(64).nullable().optional().default(null) });

// ---------------------------------------------------------------------------------------
// Eligibility (compact: items and candidates shared by many people are sent once)

export const compactCandidate = z.object({
  code: z.enum(AWARD_CODES),
  name: z.string(),
  verdict: z.enum(['du_dieu_kien', 'chua_du', 'gan_du']),
  verified: z.boolean(),
  missingCount: z.number(),
  /** indexes into EligibilityView.items */
  items: z.array(z.number()),
});
export type CompactCandidate = z.infer<typeof compactCandidate>;

export const eligibilitySubject = z.object({
  kind: z.enum(['individual', 'collective']),
  id: z.string(),
  name: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string(),
  birthDate: z.string().nullable(),
  gender: z.enum(['nam', 'nu']).nullable(),
  /** indexes into EligibilityView.candidates, in rule-set order */
  candidates: z.array(z.number()),
  registered: z.array(z.string()),
});
export type EligibilitySubject = z.infer<typeof eligibilitySubject>;

export const ELIGIBILITY_KINDS = ['individual', 'collective'] as const;
export const VERDICTS = ['du_dieu_kien', 'gan_du', 'chua_du'] as const;

/**
 * With `limit`, the answer is one window of one kind of subject (`people` or `units`, the
 * other list empty) after the filters, in Vietnamese order (people by given name, then full
 * name; collectives by name); `window.matched` counts every match. Without `limit`, every
 * subject of both kinds is sent (the CLI, scripts) and the filters are not applied.
 */
export const eligibilityCheckInput = z.object({
  year: recordYear(),
  /** the scope checked: a unit and its sub-units (null: the whole office) */
  unitId: z.string().max(64).nullable().optional().default(null),
  kind: z.enum(ELIGIBILITY_KINDS).optional().default('individual'),
  offset: z.number().int().min(0).optional().default(0),
  limit: z.number().int().min(1).max(100_000).optional(),
  /** people of exactly this unit (as shown in the row), not its sub-units */
  inUnit: z.string().max(64).nullable().optional().default(null),
  /** with `code`: that award's verdict; alone: any award's */
  verdict: z.enum(VERDICTS).nullable().optional().default(null),
  /** subjects judged for this award (with `verdict`: with that verdict) */
  code: z.enum(AWARD_CODES).nullable().optional().default(null),
  /** part of the name, with or without diacritics */
  search: z.string().max(200).optional().default(''),
});
export type EligibilityCheckInput = z.input<typeof eligibilityCheckInput>;

/**
 * The checker's lists as a workbook, with the screen's filters: one kind (the tab shown) or
 * both (null, the CLI); no verdict lists those đủ and gần đủ điều kiện.
 */
export const eligibilityExportInput = eligibilityCheckInput.omit({ offset: true, limit: true }).extend({
  kind: z.enum(ELIGIBILITY_KINDS).nullable().optional().default(null),
});
export type EligibilityExportInput = z.input<typeof eligibilityExportInput>;
export type EligibilityExportQuery = z.output<typeof eligibilityExportInput>;
export type EligibilityCheckQuery = z.output<typeof eligibilityCheckInput>;

export const eligibilityView = z.object({
  year: z.number(),
  unitId: z.string().nullable(),
  unitName: z.string(),
  ruleSet: z.object({
    id: z.enum(RULE_SET_IDS),
    name: z.string(),
    documents: z.array(z.string()),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    draft: z.boolean(),
    verified: z.boolean(),
  }),
  warnings: z.array(
    z.object({
      code: z.string(),
      message: z.string(),
      basis: z.string().nullable(),
      verified: z.boolean(),
      unitId: z.string().nullable(),
      /** the people concerned (empty in a window answer: the screen does not list them) */
      personIds: z.array(z.string()),
    }),
  ),
  counts: z.record(z.string(), z.object({ du_dieu_kien: z.number(), chua_du: z.number(), gan_du: z.number() })),
  /** people of the check whose year gives the rules no result (no rating; maternity leave without one counts where the settings say so) */
  unrated: z.number(),
  /** the explanation items and candidates the subjects of this answer refer to */
  items: z.array(explanationItemSchema),
  candidates: z.array(compactCandidate),
  people: z.array(eligibilitySubject),
  units: z.array(eligibilitySubject),
  /** every subject of the check, whatever the window */
  total: z.object({ people: z.number(), units: z.number() }),
  /** null: every subject is in people/units */
  window: z.object({ kind: z.enum(ELIGIBILITY_KINDS), offset: z.number(), matched: z.number() }).nullable(),
  /** the units people belong to, for the unit filter, in Vietnamese order */
  personUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  /** the awards judged, per kind (the title filter) */
  codes: z.object({ individual: z.array(z.enum(AWARD_CODES)), collective: z.array(z.enum(AWARD_CODES)) }),
  /** milliseconds: loading histories, running the checker (of the run this answer comes from: runs are kept until the data change) */
  timing: z.object({ loadMs: z.number(), checkMs: z.number() }),
});
export type EligibilityView = z.infer<typeof eligibilityView>;

// ---------------------------------------------------------------------------------------
// Excel import of past records

export const RECORDS_IMPORT_FIELDS = [
  'fullName',
  'staffCode',
  'birthDate',
  'unit',
  'year',
  'rating',
  'maternityLeave',
  'titles',
  'awardForm',
  'basis',
  'decisionNo',
  'decisionDate',
  'issuer',
  'initiative',
  'initiativeScope',
] as const;
export type RecordsImportField = (typeof RECORDS_IMPORT_FIELDS)[number];

export const RECORDS_FIELD_LABELS: Readonly<Record<RecordsImportField, string>> = {
  fullName: 'Họ và tên',
  staffCode: 'Mã cán bộ',
  birthDate: 'Ngày sinh',
  unit: 'Đơn vị',
  year: 'Năm',
  rating: 'Xếp loại',
  maternityLeave: 'Nghỉ thai sản',
  titles: 'Danh hiệu',
  awardForm: 'Hình thức khen thưởng',
  basis: 'Loại khen thưởng',
  decisionNo: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  issuer: 'Cơ quan ban hành',
  initiative: 'Sáng kiến, đề tài',
  initiativeScope: 'Cấp công nhận sáng kiến',
};

export const recordsImportMapping = z.partialRecord(z.enum(RECORDS_IMPORT_FIELDS), z.number().int().min(0).max(200).nullable());

export const recordsImportInput = z.object({
  fileName: optionalText('Tên tệp', 300),
  fileBase64: base64('Tệp Excel'),
  mapping: recordsImportMapping.optional(),
  jobId: z.string().max(64).optional(),
});

export const recordsImportPreview = z.object({
  sheetName: z.string(),
  headerRow: z.number(),
  headers: z.array(z.string()),
  mapping: recordsImportMapping,
  totalRows: z.number(),
  validRows: z.number(),
  errors: z.array(importRowError),
  warnings: z.array(z.string()),
  summary: z.object({
    people: z.number(),
    personYears: z.number(),
    titles: z.number(),
    awards: z.number(),
    newDecisions: z.number(),
    initiatives: z.number(),
  }),
  sample: z.array(
    z.object({
      row: z.number(),
      fullName: z.string(),
      unitName: z.string(),
      year: z.number(),
      rating: z.string().nullable(),
      titles: z.array(z.string()),
      award: z.string(),
      decision: z.string(),
      initiative: z.string(),
    }),
  ),
});
export type RecordsImportPreview = z.infer<typeof recordsImportPreview>;

// ---------------------------------------------------------------------------------------

const deleted = z.object({ deleted: z.boolean() });

export const recordsProcedures = {
  'awards.catalog': {
    input: z.object({}).optional(),
    output: z.object({ entries: z.array(catalogEntryOut), ruleSets: z.array(ruleSetOut), unverifiedLabel: z.string() }),
  },
  'awards.getSettings': { input: z.object({}).optional(), output: awardSettings },
  'awards.saveSettings': { input: awardSettings, output: awardSettings },
  'records.yearGrid': {
    input: z.object({ unitId: id(), year: recordYear(), includeSubunits: z.boolean().optional().default(false) }),
    output: yearGrid,
  },
  'records.saveYearGrid': {
    input: saveYearGridInput,
    output: z.object({ personYears: z.number(), titlesAdded: z.number(), titlesRemoved: z.number() }),
  },
  'records.listDecisions': { input: decisionFilter.optional(), output: z.array(awardDecisionSummary) },
  'records.getDecision': { input: z.object({ id: id() }), output: awardDecision },
  'records.saveDecision': { input: z.object({ id: z.string().max(64).nullable().optional().default(null), data: awardDecisionInput }), output: awardDecision },
  'records.deleteDecision': { input: z.object({ id: id() }), output: deleted },
  /** the decision drafted as the QUYẾT ĐỊNH its head signs, with the list of recipients (DOCX) */
  'records.decisionDocument': { input: z.object({ id: id() }), output: fileOut },
  /** the decision's certificates (Giấy khen, giấy chứng nhận), a page per recipient (DOCX) */
  'records.certificates': { input: z.object({ id: id() }), output: fileOut },
  /** the list the accountant pays the decision's cash awards from, with a column to sign (XLSX) */
  'records.paymentList': { input: z.object({ id: id() }), output: fileOut },
  'records.listInitiatives': { input: recordListFilter.optional(), output: z.array(initiativeOut) },
  'records.saveInitiative': { input: z.object({ id: z.string().max(64).nullable().optional().default(null), data: initiativeInput }), output: initiativeOut },
  'records.deleteInitiative': { input: z.object({ id: id() }), output: deleted },
  'records.listDisciplines': { input: recordListFilter.optional(), output: z.array(disciplineOut) },
  'records.saveDiscipline': { input: z.object({ id: z.string().max(64).nullable().optional().default(null), data: disciplineInput }), output: disciplineOut },
  'records.deleteDiscipline': { input: z.object({ id: id() }), output: deleted },
  'records.listRegistrations': { input: recordListFilter.optional(), output: z.array(registrationOut) },
  'records.saveRegistration': { input: z.object({ id: z.string().max(64).nullable().optional().default(null), data: registrationInput }), output: registrationOut },
  'records.addRegistrations': { input: registrationsAddInput, output: z.object({ created: z.number(), already: z.number() }) },
  'records.deleteRegistration': { input: z.object({ id: id() }), output: deleted },
  /** the Quyết định tab's decisions (its year and search) as the register of everyone they award ("Danh sách cá nhân, tập thể được khen thưởng") */
  'records.decisionsExport': { input: decisionFilter, output: fileOut },
  /** the Đăng ký tab's list with its filters as a workbook ("Danh sách đăng ký thi đua") */
  'records.registrationsExport': { input: recordListFilter, output: fileOut },
  /** the Sáng kiến tab's list with its filters as a workbook ("Danh sách sáng kiến, đề tài được công nhận") */
  'records.initiativesExport': { input: recordListFilter, output: fileOut },
  'records.timeline': { input: z.object({ kind: z.enum(SUBJECT_KINDS), id: id() }), output: timeline },
  'records.stats': {
    input: statsFilter,
    output: z.array(awardStatsRow),
  },
  /** the statistics as a workbook ("Bảng thống kê kết quả khen thưởng"): columns by year or by unit */
  'records.statsExport': {
    input: statsFilter.extend({ by: z.enum(['year', 'unit', 'office'], { error: 'Cột của bảng: theo năm, theo đơn vị hoặc theo cơ quan.' }).optional().default('year') }),
    output: fileOut,
  },
  /**
   * the year's TĐKT statistics in the forms of TT 02/2023/TT-BNV (biểu 0601.N số phong trào thi đua,
   * 0602.N khen thưởng cấp Nhà nước, 0603.N khen thưởng cấp bộ, ngành, tỉnh), with who was counted
   */
  'records.periodicStats': { input: z.object({ year: recordYear('Năm báo cáo') }), output: fileOut },
  'records.importPreview': { input: recordsImportInput, output: recordsImportPreview },
  /** a blank sheet to fill for records.importPreview: its headers, dropdowns (the office's units among them) and instructions */
  'records.importTemplate': { input: z.object({}).optional(), output: fileOut },
  'records.importApply': {
    input: recordsImportInput,
    output: z.object({ personYears: z.number(), recipients: z.number(), decisions: z.number(), initiatives: z.number() }),
  },
  'eligibility.check': {
    input: eligibilityCheckInput,
    output: eligibilityView,
  },
  'eligibility.export': { input: eligibilityExportInput, output: fileOut },
} as const;
