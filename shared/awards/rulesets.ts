// Rule sets versioned by effective dates. A rule set is data: for each title/award the
// ordered list of rule ids it requires, each with the legal text it rests on and
// whether that text was confirmed. The predicates behind the ids are in ./predicates.ts.
import type { AwardCode, DisciplineForm, IsoDate, Rating } from './types';

export const RULE_IDS = [
  // general principles (a blocker, not an achievement: left out of "substantive" results)
  'general.notUnderReview',
  'general.unitNotUnderReview',
  // individuals
  'discipline.noneInForce',
  'ldtt.rating',
  'cstdcs.ldtt',
  'cstdcs.initiative',
  'cstdcs.excellent',
  'cstdcs.excellentOrInitiative',
  'cstdTinh.chain',
  'cstdTinh.initiative',
  'cstdToanQuoc.chain',
  'cstdToanQuoc.initiative',
  'bkTinh.criteria',
  'bkTtg.priorBk',
  'bkTtg.chain',
  'hcld3.priorBkTtg',
  'hcld3.chain',
  // collectives
  'ttLdtt.share',
  'collective.noSeriousDiscipline',
  'ttLdxs.allComplete',
  'ttLdxs.share',
  'ttLdxs.hasCstdcs',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const GENERAL_RULE_IDS: ReadonlySet<RuleId> = new Set<RuleId>([
  'general.notUnderReview',
  'general.unitNotUnderReview',
]);

export interface RuleSpec {
  ruleId: RuleId;
  /** Legal text, e.g. "Luật TĐKT 2022, Điều 24". */
  basis: string;
  verified: boolean;
  /** Extra legal text some predicates cite when a special branch applies (e.g. maternity leave). */
  extraBasis?: { basis: string; verified: boolean };
}

export interface AwardRules {
  code: AwardCode;
  rules: readonly RuleSpec[];
}

export const RULE_SET_IDS = ['nd91_2017', 'luat2022_nd98_2023', 'nd152_2025', 'du_thao_2026'] as const;
export type RuleSetId = (typeof RULE_SET_IDS)[number];

export interface RuleSet {
  id: RuleSetId;
  name: string;
  documents: readonly string[];
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  /** Draft law: only used when the office switches it on. */
  draft: boolean;
  verified: boolean;
  /** Individual candidates, in evaluation order (later ones use earlier results of this year). */
  individual: readonly AwardRules[];
  collective: readonly AwardRules[];
  /** Basis of the CSTĐCS quota warning. */
  quota: { basis: string; verified: boolean };
  /** Among people who qualify alike, women first: the quota warning says how many are women. */
  womenPriority?: { basis: string; verified: boolean };
}

/** Parameters an office may edit (Luật 2022 Đ.75 leaves LĐTT details to provinces/sectors). */
export interface ProvincialSettings {
  /** CSTĐCS at most this percent of the unit's LĐTT; a warning only. */
  cstdcsQuotaPercent: number;
  /** Lowest rating that earns LĐTT. */
  ldttMinRating: Rating;
  /** Tập thể LĐTT: strictly more than this percent of members LĐTT. */
  collectiveLdttMinPercent: number;
  /** Tập thể LĐXS: at least this percent of members LĐTT. */
  collectiveLdxsMinPercent: number;
  /** A member disciplined at this form or heavier blocks collective titles. */
  collectiveDisciplineFrom: DisciplineForm;
  /** A year on maternity leave with no rating counts as an LĐTT-standard year (see eligibility.ts). */
  maternityWithoutRatingCounts: boolean;
}

export const DEFAULT_PROVINCIAL_SETTINGS: Readonly<ProvincialSettings> = {
  cstdcsQuotaPercent: 15,
  ldttMinRating: 'HTTNV',
  collectiveLdttMinPercent: 50,
  collectiveLdxsMinPercent: 70,
  collectiveDisciplineFrom: 'canh_cao',
  maternityWithoutRatingCounts: true,
};

export function resolveSettings(partial?: Partial<ProvincialSettings>): ProvincialSettings {
  return { ...DEFAULT_PROVINCIAL_SETTINGS, ...stripUndefined(partial ?? {}) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface RuleSetOptions {
  /** Apply the draft amendment (dự thảo sửa đổi, unverified) from its announced date. */
  enableDraftAmendment?: boolean;
  /** Force a rule set regardless of the year (e.g. to compare). */
  ruleSetId?: RuleSetId;
}

// ---- rule set data ------------------------------------------------------------------

const s = (ruleId: RuleId, basis: string, verified: boolean, extraBasis?: RuleSpec['extraBasis']): RuleSpec =>
  extraBasis ? { ruleId, basis, verified, extraBasis } : { ruleId, basis, verified };

interface SetTexts {
  general: [string, boolean];
  maternity: [string, boolean];
  ldtt: [string, boolean];
  discipline: [string, boolean];
  cstdcs: [string, boolean];
  cstdTinh: [string, boolean];
  cstdToanQuoc: [string, boolean];
  bkTinh: [string, boolean];
  bkTtg: [string, boolean];
  /** Huân chương Lao động hạng Ba (individuals); absent: the set does not judge it. */
  hcld3?: [string, boolean];
  ttLdtt: [string, boolean];
  ttLdxs: [string, boolean];
}

/** Discipline also blocks Bằng khen: a general reading, not a cited article. */
const DISCIPLINE_FOR_AWARDS: [string, boolean] = [
  'Nguyên tắc chung: không khen thưởng khi kỷ luật còn hiệu lực',
  false,
];

function individualRules(t: SetTexts, cstdcsAchievement: readonly RuleSpec[]): AwardRules[] {
  // Shared spec objects: the checker memoises per spec, so a shared one is evaluated once.
  const review = s('general.notUnderReview', ...t.general);
  const awardDiscipline = s('discipline.noneInForce', ...DISCIPLINE_FOR_AWARDS);
  return [
    {
      code: 'LDTT',
      rules: [
        review,
        s('ldtt.rating', ...t.ldtt, { basis: t.maternity[0], verified: t.maternity[1] }),
        s('discipline.noneInForce', ...t.discipline),
      ],
    },
    { code: 'CSTDCS', rules: [review, s('cstdcs.ldtt', ...t.cstdcs), ...cstdcsAchievement] },
    {
      code: 'CSTD_TINH',
      rules: [review, s('cstdTinh.chain', ...t.cstdTinh), s('cstdTinh.initiative', ...t.cstdTinh)],
    },
    {
      code: 'CSTD_TOAN_QUOC',
      rules: [
        review,
        s('cstdToanQuoc.chain', ...t.cstdToanQuoc),
        s('cstdToanQuoc.initiative', ...t.cstdToanQuoc),
      ],
    },
    {
      code: 'BK_TINH',
      rules: [review, awardDiscipline, s('bkTinh.criteria', ...t.bkTinh)],
    },
    {
      code: 'BK_TTG',
      rules: [
        review,
        awardDiscipline,
        s('bkTtg.priorBk', ...t.bkTtg),
        s('bkTtg.chain', ...t.bkTtg),
      ],
    },
    ...(t.hcld3
      ? [
          {
            code: 'HCLD_HANG_BA' as const,
            rules: [review, awardDiscipline, s('hcld3.priorBkTtg', ...t.hcld3), s('hcld3.chain', ...t.hcld3)],
          },
        ]
      : []),
  ];
}

function collectiveRules(t: SetTexts, unitReview: [string, boolean], ldxsNoDiscipline: boolean): AwardRules[] {
  const review = s('general.unitNotUnderReview', ...unitReview);
  return [
    {
      code: 'TT_LDTT',
      rules: [review, s('ttLdtt.share', ...t.ttLdtt), s('collective.noSeriousDiscipline', ...t.ttLdtt)],
    },
    {
      code: 'TT_LDXS',
      rules: [
        review,
        s('ttLdxs.allComplete', ...t.ttLdxs),
        s('ttLdxs.share', ...t.ttLdxs),
        s('ttLdxs.hasCstdcs', ...t.ttLdxs),
        ...(ldxsNoDiscipline ? [s('collective.noSeriousDiscipline', ...t.ttLdxs)] : []),
      ],
    },
  ];
}

const OLD_LAW = 'Luật TĐKT 2003 (sửa đổi 2013)';
const LDXS_OLD: [string, boolean] = ['Quy định trước Luật TĐKT 2022 (Tập thể lao động xuất sắc)', false];

const ND91_TEXTS: SetTexts = {
  general: ['NĐ 91/2017/NĐ-CP (nguyên tắc khen thưởng)', false],
  maternity: ['NĐ 91/2017/NĐ-CP, Điều 10 khoản 4', true],
  ldtt: [`${OLD_LAW}, Điều 24; NĐ 91/2017/NĐ-CP, Điều 10`, true],
  discipline: ['NĐ 91/2017/NĐ-CP (không xét LĐTT khi đang chịu kỷ luật)', false],
  cstdcs: ['NĐ 91/2017/NĐ-CP, Điều 9 khoản 3', true],
  cstdTinh: [`${OLD_LAW}, Điều 22`, false],
  cstdToanQuoc: [`${OLD_LAW}, Điều 21`, false],
  bkTinh: ['NĐ 91/2017/NĐ-CP, Điều 39', false],
  bkTtg: ['NĐ 91/2017/NĐ-CP, Điều 38', false],
  ttLdtt: ['Luật TĐKT 2003, Điều 28', true],
  ttLdxs: LDXS_OLD,
};

const LAW22_TEXTS: SetTexts = {
  general: ['NĐ 98/2023/NĐ-CP, Điều 4', true],
  maternity: ['NĐ 98/2023/NĐ-CP, Điều 4', true],
  ldtt: ['Luật TĐKT 2022, Điều 24', true],
  discipline: ['Luật TĐKT 2022, Điều 24', true],
  cstdcs: ['Luật TĐKT 2022, Điều 23', true],
  cstdTinh: ['Luật TĐKT 2022, Điều 22', true],
  cstdToanQuoc: ['Luật TĐKT 2022, Điều 21', true],
  bkTinh: ['Luật TĐKT 2022, Điều 74', true],
  bkTtg: ['Luật TĐKT 2022, Điều 73', true],
  // Đ.44 khoản 1 điểm e as Bộ Nội vụ quoted it answering a reader (Báo Lao Động, 2025): the
  // article's own text not read here, hence unverified
  hcld3: ['Luật TĐKT 2022, Điều 44 khoản 1 điểm e', false],
  ttLdtt: ['Luật TĐKT 2003, Điều 28 (cách diễn đạt cũ, chưa đối chiếu Luật 2022)', false],
  // Đ.27 khoản 1: hoàn thành xuất sắc nhiệm vụ; 100% hoàn thành nhiệm vụ, ≥70% LĐTT; có cá
  // nhân CSTĐCS; no discipline clause any more (text as published with the NĐ 98/2023
  // procedures, e.g. Sở Tư pháp Thừa Thiên Huế, 08/5/2024)
  ttLdxs: ['Luật TĐKT 2022, Điều 27', true],
};

// NĐ 152/2025 replaced NĐ 98/2023; the law's criteria stand, the decree's general
// principles are assumed carried over but not confirmed.
const ND152_TEXTS: SetTexts = {
  ...LAW22_TEXTS,
  general: ['NĐ 152/2025/NĐ-CP (nguyên tắc chung, kế thừa NĐ 98/2023 Điều 4)', false],
  maternity: ['NĐ 152/2025/NĐ-CP (kế thừa NĐ 98/2023 Điều 4)', false],
};

const DRAFT_BASIS = 'Dự thảo Luật sửa đổi Luật TĐKT (tin 12/2025, dự kiến hiệu lực 01/10/2026)';
/** The general principles of the 2022 law's decrees (DOMAIN.md); the article's wording not confirmed here. */
const WOMEN_PRIORITY = { basis: 'NĐ 98/2023/NĐ-CP, Điều 4', verified: false };

export const RULE_SETS: readonly RuleSet[] = [
  {
    id: 'nd91_2017',
    name: 'Luật TĐKT 2003 (sửa đổi 2013) và Nghị định 91/2017/NĐ-CP',
    documents: [OLD_LAW, 'Nghị định 91/2017/NĐ-CP'],
    effectiveFrom: '2017-09-15',
    effectiveTo: '2023-12-31',
    draft: false,
    verified: true,
    // Under NĐ 91/2017 CSTĐCS needs an initiative or research project; HTXSNV alone is not enough.
    individual: individualRules(ND91_TEXTS, [s('cstdcs.initiative', ...ND91_TEXTS.cstdcs)]),
    collective: collectiveRules(ND91_TEXTS, ND91_TEXTS.general, true),
    quota: { basis: 'NĐ 91/2017/NĐ-CP, Điều 9 khoản 3 (không quá 15% số LĐTT)', verified: true },
  },
  {
    id: 'luat2022_nd98_2023',
    name: 'Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP',
    documents: ['Luật Thi đua, khen thưởng 06/2022/QH15', 'Nghị định 98/2023/NĐ-CP'],
    effectiveFrom: '2024-01-01',
    effectiveTo: '2025-06-30',
    draft: false,
    verified: true,
    individual: individualRules(LAW22_TEXTS, [s('cstdcs.excellentOrInitiative', ...LAW22_TEXTS.cstdcs)]),
    collective: collectiveRules(LAW22_TEXTS, LAW22_TEXTS.general, false),
    quota: { basis: 'Quy định của tỉnh (tham số cài đặt); không thấy tỷ lệ chung sau 2024', verified: false },
    womenPriority: WOMEN_PRIORITY,
  },
  {
    id: 'nd152_2025',
    name: 'Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP',
    documents: ['Luật Thi đua, khen thưởng 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP'],
    effectiveFrom: '2025-07-01',
    draft: false,
    verified: true,
    individual: individualRules(ND152_TEXTS, [s('cstdcs.excellentOrInitiative', ...ND152_TEXTS.cstdcs)]),
    collective: collectiveRules(ND152_TEXTS, ND152_TEXTS.general, false),
    quota: { basis: 'Quy định của tỉnh (tham số cài đặt); không thấy tỷ lệ chung sau 2024', verified: false },
    womenPriority: WOMEN_PRIORITY,
  },
  {
    id: 'du_thao_2026',
    name: 'Dự thảo sửa đổi Luật Thi đua, khen thưởng (chưa xác minh)',
    documents: [DRAFT_BASIS, 'Nghị định 152/2025/NĐ-CP'],
    effectiveFrom: '2026-10-01',
    draft: true,
    verified: false,
    // The draft makes CSTĐCS need HTXSNV and an initiative; everything else as NĐ 152/2025.
    individual: individualRules(ND152_TEXTS, [
      s('cstdcs.excellent', DRAFT_BASIS, false),
      s('cstdcs.initiative', DRAFT_BASIS, false),
    ]),
    collective: collectiveRules(ND152_TEXTS, ND152_TEXTS.general, false),
    quota: { basis: 'Quy định của tỉnh (tham số cài đặt); không thấy tỷ lệ chung sau 2024', verified: false },
    womenPriority: WOMEN_PRIORITY,
  },
];

export function getRuleSet(id: RuleSetId): RuleSet {
  const found = RULE_SETS.find((r) => r.id === id);
  if (!found) throw new Error(`Unknown rule set ${id}`);
  return found;
}

/** True when no modelled rule set was in force on 31/12 of `year` (before NĐ 91/2017). */
export function isBeforeCoverage(year: number): boolean {
  return `${year}-12-31` < RULE_SETS[0]!.effectiveFrom;
}

/**
 * The rule set that judges a year: the one in force on 31/12 of that year. Titles are
 * voted at the year-end review and decided around the turn of the year, so the text in
 * force when the year closes is the one the council applies; a mid-year change (NĐ
 * 152/2025 from 01/7/2025) therefore governs the whole of 2025. The draft set competes
 * only when `enableDraftAmendment` is on. Years before NĐ 91/2017 fall back to it
 * (the report warns, see isBeforeCoverage).
 */
export function ruleSetFor(year: number, options: RuleSetOptions = {}): RuleSet {
  if (options.ruleSetId) return getRuleSet(options.ruleSetId);
  const yearEnd = `${year}-12-31`;
  let chosen: RuleSet = RULE_SETS[0]!;
  for (const rs of RULE_SETS) {
    if (rs.draft && !options.enableDraftAmendment) continue;
    if (rs.effectiveFrom <= yearEnd && (rs.effectiveTo === undefined || yearEnd <= rs.effectiveTo)) {
      // Later entries start later: the last match is the newest in force.
      chosen = rs;
    }
  }
  return chosen;
}
