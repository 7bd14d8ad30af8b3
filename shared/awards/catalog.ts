// The catalogue of titles and award forms, as data. Rules for who qualifies live in
// ./rulesets.ts; this file says what each form is, who decides it and what it pays.
import { foldVi } from '../text/vn';
import type { AwardCode, IsoDate } from './types';

export type AwardSubject = 'individual' | 'collective';
export type AwardKind = 'title' | 'award';
export type AwardLevel = 'co_so' | 'tinh_bo' | 'toan_quoc' | 'nha_nuoc';

export type Authority =
  | 'thu_truong_co_quan'
  | 'chu_tich_xa'
  | 'chu_tich_huyen'
  | 'chu_tich_tinh'
  | 'bo_truong'
  | 'thu_tuong'
  | 'chu_tich_nuoc';

export const AUTHORITY_LABELS: Readonly<Record<Authority, string>> = {
  thu_truong_co_quan: 'Thủ trưởng cơ quan, đơn vị',
  chu_tich_xa: 'Chủ tịch UBND cấp xã',
  chu_tich_huyen: 'Chủ tịch UBND cấp huyện',
  chu_tich_tinh: 'Chủ tịch UBND tỉnh',
  bo_truong: 'Bộ trưởng, Thủ trưởng cơ quan ngang bộ',
  thu_tuong: 'Thủ tướng Chính phủ',
  chu_tich_nuoc: 'Chủ tịch nước',
};

export const LEVEL_LABELS: Readonly<Record<AwardLevel, string>> = {
  co_so: 'cấp cơ sở',
  tinh_bo: 'cấp bộ, ngành, tỉnh',
  toan_quoc: 'toàn quốc',
  nha_nuoc: 'Nhà nước',
};

/** Shown next to anything whose legal text the project could not confirm. */
export const UNVERIFIED_LABEL = 'chưa xác minh';

export function verificationLabel(verified: boolean): string {
  return verified ? '' : UNVERIFIED_LABEL;
}

/** Who may decide, within a period (district chairmen lost the power on 01/7/2025). */
export interface AuthorityGrant {
  authority: Authority;
  from?: IsoDate;
  to?: IsoDate;
  basis: string;
  verified: boolean;
}

/** Cash award as a multiple of lương cơ sở, within a period. */
export interface CashRule {
  multiple: number;
  from: IsoDate;
  to?: IsoDate;
  basis: string;
  verified: boolean;
}

export interface CatalogEntry {
  code: AwardCode;
  name: string;
  /** For explanations and tables. */
  shortName: string;
  subjects: readonly AwardSubject[];
  kind: AwardKind;
  level: AwardLevel;
  authorities: readonly AuthorityGrant[];
  legalBasis: string;
  /** Start of the period this catalogue models (NĐ 91/2017); the forms themselves are older. */
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  verified: boolean;
  cash: readonly CashRule[];
  /** Listed for decisions and dossiers; the checker does not judge it. */
  catalogOnly?: boolean;
  /**
   * Forms the law names for ministries and provinces at once ("cấp bộ, ngành, tỉnh"): the name
   * an official document gives when the deciding level is known (see documentAwardName).
   */
  levelNames?: Readonly<Record<DecidingLevel, string>>;
}

/** Who decides a "cấp bộ, ngành, tỉnh" form: a province or a ministry (or sector). */
export type DecidingLevel = 'tinh' | 'bo';

/**
 * The level an authority's, addressee's or issuer's wording names: "Chủ tịch Ủy ban nhân dân
 * tỉnh Lào Cai", "UBND tỉnh", "Ủy ban nhân dân thành phố Hà Nội" → tinh; "Bộ trưởng Bộ Nội vụ",
 * "Bộ Nội vụ" → bo; anything else (a sở, a blank) → null.
 */
export function decidingLevel(text: string | null | undefined): DecidingLevel | null {
  const t = ` ${foldVi(text ?? '').replace(/[^a-z0-9]+/g, ' ')} `;
  if (/ (tinh|ubnd|uy ban nhan dan) /.test(t)) return 'tinh';
  if (/ bo /.test(t)) return 'bo';
  return null;
}

/**
 * A form's name as an official document writes it: in full, never the short name, and for a
 * "cấp bộ, ngành, tỉnh" form the deciding level's own name ("Bằng khen của Chủ tịch Ủy ban nhân
 * dân tỉnh", not "…, Bộ trưởng") when that level is known.
 */
export function documentAwardName(code: AwardCode, level: DecidingLevel | null): string {
  const e = AWARD_CATALOG[code];
  return (level && e.levelNames?.[level]) || e.name;
}

/**
 * A recorded decision's form as a document names it: a catalogue form in full, for the level of
 * the decision's issuer; any other form as typed on the decision.
 */
export function recordedFormName(code: string | null, otherForm: string, issuer: string): string {
  return code && isAwardCode(code) ? documentAwardName(code, decidingLevel(issuer)) : otherForm || code || '';
}

const COVERAGE_FROM = '2017-09-15';
const DISTRICT_END = '2025-06-30';
const TWO_TIER_FROM = '2025-07-01';

const AUTH_BASIS = 'Luật TĐKT 2022, Điều 80';
const CASH_BASIS = 'NĐ 152/2025/NĐ-CP, Điều 54 (theo bản báo chí)';

function cash(multiple: number): CashRule[] {
  return [{ multiple, from: TWO_TIER_FROM, basis: CASH_BASIS, verified: false }];
}

/** Base-level forms: heads of units, district chairmen (until 30/6/2025), xã chairmen from 01/7/2025. */
function baseAuthorities(xaAlways: boolean): AuthorityGrant[] {
  return [
    { authority: 'thu_truong_co_quan', basis: AUTH_BASIS, verified: true },
    { authority: 'chu_tich_huyen', to: DISTRICT_END, basis: AUTH_BASIS, verified: true },
    xaAlways
      ? { authority: 'chu_tich_xa', basis: AUTH_BASIS, verified: true }
      : { authority: 'chu_tich_xa', from: TWO_TIER_FROM, basis: 'NĐ 129/2025/NĐ-CP', verified: true },
  ];
}

const PROVINCE: AuthorityGrant[] = [
  { authority: 'chu_tich_tinh', basis: AUTH_BASIS, verified: true },
  { authority: 'bo_truong', basis: AUTH_BASIS, verified: true },
];
const PRIME_MINISTER: AuthorityGrant[] = [{ authority: 'thu_tuong', basis: AUTH_BASIS, verified: true }];

const ENTRIES: CatalogEntry[] = [
  {
    code: 'LDTT',
    name: 'Lao động tiên tiến',
    shortName: 'LĐTT',
    subjects: ['individual'],
    kind: 'title',
    level: 'co_so',
    authorities: baseAuthorities(true),
    legalBasis: 'Luật TĐKT 2022, Điều 24',
    effectiveFrom: COVERAGE_FROM,
    verified: true,
    cash: cash(0.3),
  },
  {
    code: 'CSTDCS',
    name: 'Chiến sĩ thi đua cơ sở',
    shortName: 'CSTĐCS',
    subjects: ['individual'],
    kind: 'title',
    level: 'co_so',
    authorities: baseAuthorities(false),
    legalBasis: 'Luật TĐKT 2022, Điều 23',
    effectiveFrom: COVERAGE_FROM,
    verified: true,
    cash: cash(1.0),
  },
  {
    code: 'CSTD_TINH',
    name: 'Chiến sĩ thi đua cấp bộ, ngành, tỉnh',
    shortName: 'CSTĐ cấp tỉnh',
    subjects: ['individual'],
    kind: 'title',
    level: 'tinh_bo',
    authorities: PROVINCE,
    legalBasis: 'Luật TĐKT 2022, Điều 22',
    effectiveFrom: COVERAGE_FROM,
    verified: true,
    cash: cash(3.0),
    levelNames: { tinh: 'Chiến sĩ thi đua cấp tỉnh', bo: 'Chiến sĩ thi đua cấp bộ' },
  },
  {
    code: 'CSTD_TOAN_QUOC',
    name: 'Chiến sĩ thi đua toàn quốc',
    shortName: 'CSTĐ toàn quốc',
    subjects: ['individual'],
    kind: 'title',
    level: 'toan_quoc',
    authorities: PRIME_MINISTER,
    legalBasis: 'Luật TĐKT 2022, Điều 21',
    effectiveFrom: COVERAGE_FROM,
    verified: true,
    cash: cash(4.5),
  },
  {
    code: 'TT_LDTT',
    name: 'Tập thể lao động tiên tiến',
    shortName: 'Tập thể LĐTT',
    subjects: ['collective'],
    kind: 'title',
    level: 'co_so',
    authorities: baseAuthorities(false),
    // DOMAIN cites Luật 2003 Đ.28 for the criteria; the 2022 article is not confirmed.
    legalBasis: 'Luật TĐKT 2022',
    effectiveFrom: COVERAGE_FROM,
    verified: false,
    cash: cash(0.8),
  },
  {
    code: 'TT_LDXS',
    name: 'Tập thể lao động xuất sắc',
    shortName: 'Tập thể LĐXS',
    subjects: ['collective'],
    kind: 'title',
    level: 'tinh_bo',
    authorities: PROVINCE,
    legalBasis: 'Luật TĐKT 2022',
    effectiveFrom: COVERAGE_FROM,
    verified: false,
    cash: cash(1.5),
  },
  {
    code: 'CO_THI_DUA_TINH',
    name: 'Cờ thi đua cấp bộ, ngành, tỉnh',
    shortName: 'Cờ thi đua tỉnh',
    subjects: ['collective'],
    kind: 'title',
    level: 'tinh_bo',
    authorities: PROVINCE,
    legalBasis: 'Luật TĐKT 2022',
    effectiveFrom: COVERAGE_FROM,
    verified: false,
    cash: cash(8),
    catalogOnly: true,
    levelNames: { tinh: 'Cờ thi đua cấp tỉnh', bo: 'Cờ thi đua cấp bộ' },
  },
  {
    code: 'CO_THI_DUA_CP',
    name: 'Cờ thi đua của Chính phủ',
    shortName: 'Cờ thi đua Chính phủ',
    subjects: ['collective'],
    kind: 'title',
    level: 'toan_quoc',
    authorities: PRIME_MINISTER,
    legalBasis: 'Luật TĐKT 2022',
    effectiveFrom: COVERAGE_FROM,
    verified: false,
    cash: cash(12),
    catalogOnly: true,
  },
  {
    code: 'GIAY_KHEN',
    name: 'Giấy khen',
    shortName: 'Giấy khen',
    subjects: ['individual', 'collective'],
    kind: 'award',
    level: 'co_so',
    authorities: baseAuthorities(true),
    // Criteria are set by each province or sector, so the checker does not judge it.
    legalBasis: 'Luật TĐKT 2022, Điều 75',
    effectiveFrom: COVERAGE_FROM,
    verified: true,
    cash: cash(0.3),
    catalogOnly: true,
  },
  {
    code: 'BK_TINH',
    name: 'Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng',
    shortName: 'Bằng khen tỉnh',
    subjects: ['individual', 'collective'],
    kind: 'award',
    level: 'tinh_bo',
    authorities: PROVINCE,
    legalBasis: 'Luật TĐKT 2022, Điều 74',
    effectiveFrom: COVERAGE_FROM,
    verified: true,
    cash: cash(1.5),
    levelNames: { tinh: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', bo: 'Bằng khen của Bộ trưởng' },
  },
  {
    code: 'BK_TTG',
    name: 'Bằng khen của Thủ tướng Chính phủ',
    shortName: 'Bằng khen Thủ tướng',
    subjects: ['individual', 'collective'],
    kind: 'award',
    level: 'toan_quoc',
    authorities: PRIME_MINISTER,
    legalBasis: 'Luật TĐKT 2022, Điều 73',
    effectiveFrom: COVERAGE_FROM,
    verified: true,
    cash: cash(3.5),
  },
  {
    code: 'HCLD_HANG_BA',
    name: 'Huân chương Lao động hạng Ba',
    shortName: 'HCLĐ hạng Ba',
    subjects: ['individual', 'collective'],
    kind: 'award',
    level: 'nha_nuoc',
    authorities: [{ authority: 'chu_tich_nuoc', basis: 'Luật TĐKT 2022', verified: false }],
    // individuals judged from 2024 (rulesets.ts); collectives and the older law's criteria are not
    legalBasis: 'Luật TĐKT 2022, Điều 44',
    effectiveFrom: COVERAGE_FROM,
    verified: false,
    cash: [],
  },
  {
    code: 'KY_NIEM_CHUONG',
    name: 'Kỷ niệm chương',
    shortName: 'Kỷ niệm chương',
    subjects: ['individual'],
    kind: 'award',
    level: 'tinh_bo',
    authorities: [{ authority: 'bo_truong', basis: 'Luật TĐKT 2022', verified: false }],
    legalBasis: 'Luật TĐKT 2022',
    effectiveFrom: COVERAGE_FROM,
    verified: false,
    cash: [],
    catalogOnly: true,
  },
];

export const AWARD_CATALOG: Readonly<Record<AwardCode, CatalogEntry>> = Object.fromEntries(
  ENTRIES.map((e) => [e.code, e]),
) as Record<AwardCode, CatalogEntry>;

export const CATALOG_ENTRIES: readonly CatalogEntry[] = ENTRIES;

export function catalogEntry(code: AwardCode): CatalogEntry {
  return AWARD_CATALOG[code];
}

export function isAwardCode(code: string): code is AwardCode {
  return Object.prototype.hasOwnProperty.call(AWARD_CATALOG, code);
}

function inPeriod(date: IsoDate, from: IsoDate | undefined, to: IsoDate | undefined): boolean {
  return (from === undefined || date >= from) && (to === undefined || date <= to);
}

/** Who may decide this form on a given date. */
export function authoritiesOn(code: AwardCode, date: IsoDate): AuthorityGrant[] {
  return AWARD_CATALOG[code].authorities.filter((a) => inPeriod(date, a.from, a.to));
}

/** Cash multiple of lương cơ sở on a given date; undefined when no figure is recorded for that date. */
export function cashMultipleOn(code: AwardCode, date: IsoDate): CashRule | undefined {
  return AWARD_CATALOG[code].cash.find((c) => inPeriod(date, c.from, c.to));
}
