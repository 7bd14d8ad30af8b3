// Domain types for titles, awards and the eligibility checker. Pure data: filled from
// the database by the core, validated at the contract edge by ./schemas.ts.

/** ISO date, yyyy-mm-dd. */
export type IsoDate = string;

/** Yearly quality rating (xếp loại chất lượng), best first. */
export const RATINGS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
export type Rating = (typeof RATINGS)[number];

/** Higher is better; lets rules say "HTTNV or better" without listing ratings. */
export const RATING_RANK: Readonly<Record<Rating, number>> = {
  HTXSNV: 4,
  HTTNV: 3,
  HTNV: 2,
  KHTNV: 1,
};

export function ratingAtLeast(rating: Rating | undefined, min: Rating): boolean {
  return rating !== undefined && RATING_RANK[rating] >= RATING_RANK[min];
}

/** thường xuyên (công trạng), chuyên đề, đột xuất. Only thường xuyên counts toward chains. */
export const AWARD_BASES = ['thuong_xuyen', 'chuyen_de', 'dot_xuat'] as const;
export type AwardBasis = (typeof AWARD_BASES)[number];

/** Reach of a recognised initiative / research project. */
export const INITIATIVE_SCOPES = ['co_so', 'tinh', 'toan_quoc'] as const;
export type InitiativeScope = (typeof INITIATIVE_SCOPES)[number];

/** A wider scope satisfies a narrower requirement (a nationwide initiative is also province-wide). */
export const INITIATIVE_SCOPE_RANK: Readonly<Record<InitiativeScope, number>> = {
  co_so: 1,
  tinh: 2,
  toan_quoc: 3,
};

export const INITIATIVE_KINDS = ['sang_kien', 'de_tai', 'giai_phap'] as const;
/** sáng kiến; đề tài/đề án/công trình khoa học đã nghiệm thu; giải pháp được công nhận. */
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

/** Disciplinary forms, lightest first (the order is the severity order). */
export const DISCIPLINE_FORMS = [
  'khien_trach',
  'canh_cao',
  'ha_bac_luong',
  'giang_chuc',
  'cach_chuc',
  'buoc_thoi_viec',
] as const;
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];

export const DISCIPLINE_SEVERITY: Readonly<Record<DisciplineForm, number>> = {
  khien_trach: 1,
  canh_cao: 2,
  ha_bac_luong: 3,
  giang_chuc: 4,
  cach_chuc: 5,
  buoc_thoi_viec: 6,
};

export function disciplineAtLeast(form: DisciplineForm, min: DisciplineForm): boolean {
  return DISCIPLINE_SEVERITY[form] >= DISCIPLINE_SEVERITY[min];
}

export type Gender = 'nam' | 'nu';

/** Catalogue codes (see ./catalog.ts). */
export const AWARD_CODES = [
  'LDTT',
  'CSTDCS',
  'CSTD_TINH',
  'CSTD_TOAN_QUOC',
  'TT_LDTT',
  'TT_LDXS',
  'CO_THI_DUA_TINH',
  'CO_THI_DUA_CP',
  'GIAY_KHEN',
  'BK_TINH',
  'BK_TTG',
  'HCLD_HANG_BA',
  'KY_NIEM_CHUONG',
] as const;
export type AwardCode = (typeof AWARD_CODES)[number];

/** Facts about one person in one year. */
export interface PersonYearFacts {
  rating?: Rating;
  /** Nghỉ thai sản during the year (the leave counts toward titles). */
  maternityLeave?: boolean;
  /** Under disciplinary review, investigation or inspection: no award while it lasts. */
  underReview?: boolean;
}

/**
 * A title or award already decided and recorded (e.g. LĐTT 2023, BK_TINH 2021).
 * `code` may be a code outside the catalogue (other award forms the office records);
 * the checker ignores codes it does not know.
 */
export interface AchievedTitle {
  year: number;
  code: AwardCode | (string & {});
  basis: AwardBasis;
  decisionNo?: string;
  decisionDate?: IsoDate;
}

export interface Initiative {
  /** Year of recognition (năm được công nhận). */
  year: number;
  title: string;
  scope: InitiativeScope;
  /** Default 'sang_kien'. */
  kind?: InitiativeKind;
  /** Recognition date, when known. */
  date?: IsoDate;
}

export interface DisciplinePeriod {
  form: DisciplineForm;
  from: IsoDate;
  /** Last day in force (inclusive). Missing: still in force (the checker never assumes it has ended). */
  to?: IsoDate;
  decisionNo?: string;
}

/** Everything the checker needs about one person, over all recorded years. */
export interface PersonHistory {
  personId: string;
  name: string;
  gender?: Gender;
  /** Unit the person belongs to in the year checked (quota warnings are per unit). */
  unitId: string;
  years: Record<number, PersonYearFacts>;
  titles: AchievedTitle[];
  initiatives: Initiative[];
  disciplines: DisciplinePeriod[];
}

export interface UnitYearFacts {
  /** Members in that year when it differs from UnitHistory.memberIds (staff move between units). */
  memberIds?: string[];
  /** The collective is under inspection/review: no award while it lasts. */
  underReview?: boolean;
}

export interface UnitHistory {
  unitId: string;
  name: string;
  /** Current members; years[y].memberIds overrides for a given year. */
  memberIds: string[];
  years: Record<number, UnitYearFacts>;
  titles: AchievedTitle[];
}
