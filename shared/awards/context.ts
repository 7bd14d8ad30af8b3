// Per-person indexes, evaluation contexts and the outcome memo. A person is indexed once
// (bit masks of recorded years), so every rule is a few lookups: 30,000 people × 10 years
// must stay well under half a second.
import type { ProvincialSettings, RuleSpec } from './rulesets';
import type {
  AchievedTitle,
  AwardCode,
  DisciplinePeriod,
  Initiative,
  PersonHistory,
  PersonYearFacts,
  UnitHistory,
} from './types';

export type Verdict = 'du_dieu_kien' | 'chua_du' | 'gan_du';

export interface ExplanationItem {
  ruleId: string;
  /** Legal text, e.g. "Luật TĐKT 2022, Điều 24". */
  basis: string;
  verified: boolean;
  passed: boolean;
  /** Vietnamese, names the records used. */
  message: string;
  /** What is missing, e.g. "thiếu 1 năm CSTĐCS liên tục: 2022 chưa có". */
  missing?: string;
}

export interface CandidateResult {
  code: AwardCode;
  name: string;
  verdict: Verdict;
  /** Every item rests on confirmed text. */
  verified: boolean;
  /** Number of atomic conditions missing (a chain year, an initiative, a rating …); 1 ⇒ gần đủ. */
  missingCount: number;
  items: ExplanationItem[];
}

/**
 * Internal: a candidate plus its result without the general blockers (review). Dependants
 * (CSTĐCS on LĐTT, chains on this year's CSTĐCS) use the substantive result so that one
 * review flag is reported once per candidate, not once per link of a chain.
 */
export interface EvaluatedCandidate {
  result: CandidateResult;
  substantivePassed: boolean;
  substantiveMissingCount: number;
  /** Set when the candidate is shared between people (see CandidateCache). */
  cacheId?: number;
}

export interface RuleOutcome {
  passed: boolean;
  message: string;
  missing?: string;
  /** Atomic conditions missing; defaults to 1 on failure. */
  missingCount?: number;
  /** false: this outcome rests on a branch whose text is unconfirmed. */
  verified?: boolean;
  /** Cite the spec's extraBasis as well (e.g. the maternity-leave provision). */
  withExtraBasis?: boolean;
  /** Set by OutcomeMemo: the shared, frozen item for this outcome, and its number. */
  item?: ExplanationItem;
  itemId?: number;
}

export function toItem(spec: RuleSpec, o: RuleOutcome): ExplanationItem {
  let basis = spec.basis;
  let verified = spec.verified && o.verified !== false;
  if (o.withExtraBasis && spec.extraBasis) {
    basis = `${basis}; ${spec.extraBasis.basis}`;
    verified = verified && spec.extraBasis.verified;
  }
  const item: ExplanationItem = { ruleId: spec.ruleId, basis, verified, passed: o.passed, message: o.message };
  if (!o.passed && o.missing) item.missing = o.missing;
  return item;
}

/**
 * Outcomes that depend only on a few facts (a rating, a pattern of chain years) are built
 * once per run and shared, item included: an office produces the same "Năm 2024 không bị
 * xem xét kỷ luật …" a hundred thousand times. Keys are short fact codes, not messages, so
 * a hit costs no string building. Shared items are frozen: treat the report as immutable.
 */
export type OutcomePool = Map<string | number, RuleOutcome>;

export class OutcomeMemo {
  private readonly bySpec = new Map<RuleSpec, OutcomePool>();
  private nextId = 0;

  /** One pool per spec object; callers look it up once per run, not once per person. */
  poolFor(spec: RuleSpec): OutcomePool {
    let pool = this.bySpec.get(spec);
    if (!pool) this.bySpec.set(spec, (pool = new Map()));
    return pool;
  }

  store(pool: OutcomePool, spec: RuleSpec, key: string | number, o: RuleOutcome): RuleOutcome {
    o.item = Object.freeze(toItem(spec, o));
    o.itemId = this.nextId++;
    pool.set(key, o);
    return o;
  }
}

/** Shared empty result, so people without initiatives or disciplines allocate nothing. */
const EMPTY: readonly never[] = Object.freeze([]);

/** Codes the rules look up by year; other recorded codes are ignored. */
const INDEXED: Partial<Record<string, number>> = {
  LDTT: 0,
  CSTDCS: 1,
  CSTD_TINH: 2,
  CSTD_TOAN_QUOC: 3,
  BK_TINH: 4,
  BK_TTG: 5,
};
const SLOTS = 6;
/** Years within this many of the checked year live in a bit mask; older ones are scanned. */
const MASK_YEARS = 52;
const POW2 = Array.from({ length: MASK_YEARS + 1 }, (_, k) => 2 ** k);

const bitSet = (mask: number, k: number) => Math.floor(mask / POW2[k]!) % 2 === 1;

/**
 * A person's regular (thường xuyên) records as bit masks by year offset from the checked
 * year, plus the latest one before it: one pass over the titles, three small allocations.
 * Chuyên đề / đột xuất records are only scanned for, to explain why they do not count.
 */
export interface PersonIndex {
  person: PersonHistory;
  year: number;
  /** Per indexed code: bit k set ⇔ a regular record in year − k. */
  masks: number[];
  /** Per indexed code: the latest regular record before `year`. */
  last: Array<AchievedTitle | undefined>;
  hasNonRegular: boolean;
}

export function indexPerson(person: PersonHistory, year: number): PersonIndex {
  const masks = new Array<number>(SLOTS).fill(0);
  const last = new Array<AchievedTitle | undefined>(SLOTS).fill(undefined);
  let hasNonRegular = false;
  // indexed loops in the per-person helpers: for-of left an iterator result per title in the profile
  const titles = person.titles;
  for (let i = 0; i < titles.length; i++) {
    const t = titles[i]!;
    if (t.basis !== 'thuong_xuyen') {
      hasNonRegular = true;
      continue;
    }
    const slot = INDEXED[t.code];
    if (slot === undefined) continue;
    const k = year - t.year;
    if (k >= 0 && k <= MASK_YEARS && !bitSet(masks[slot]!, k)) masks[slot]! += POW2[k]!;
    const prev = last[slot];
    if (t.year < year && (!prev || t.year > prev.year)) last[slot] = t;
  }
  return { person, year, masks, last, hasNonRegular };
}

/**
 * Whether a year's facts give the rules a result to judge by: a rating, or maternity leave without
 * one where the settings count that year (the LĐTT rule's reading).
 */
export function hasYearResult(f: PersonYearFacts | undefined, settings: Pick<ProvincialSettings, 'maternityWithoutRatingCounts'>): boolean {
  return !!f?.rating || (!!f?.maternityLeave && settings.maternityWithoutRatingCounts);
}

export function yearFacts(idx: PersonIndex, year: number): PersonYearFacts | undefined {
  return idx.person.years[year];
}

export function hasRegular(idx: PersonIndex, code: AwardCode, year: number): boolean {
  const slot = INDEXED[code];
  const k = idx.year - year;
  if (slot !== undefined && k >= 0 && k <= MASK_YEARS) return bitSet(idx.masks[slot]!, k);
  return idx.person.titles.some((t) => t.code === code && t.year === year && t.basis === 'thuong_xuyen');
}

/** Latest regular record of `code` strictly before `year`. */
export function lastRegularBefore(idx: PersonIndex, code: AwardCode, year: number): AchievedTitle | undefined {
  const slot = INDEXED[code];
  if (slot !== undefined && year === idx.year) return idx.last[slot];
  let best: AchievedTitle | undefined;
  const titles = idx.person.titles;
  for (let i = 0; i < titles.length; i++) {
    const t = titles[i]!;
    if (t.code === code && t.basis === 'thuong_xuyen' && t.year < year && (!best || t.year > best.year)) best = t;
  }
  return best;
}

export function nonRegularAt(idx: PersonIndex, code: AwardCode, year: number): AchievedTitle | undefined {
  if (!idx.hasNonRegular) return undefined;
  return idx.person.titles.find((t) => t.code === code && t.year === year && t.basis !== 'thuong_xuyen');
}

/** Chuyên đề / đột xuất records of `code` before `year`, oldest first. */
export function nonRegularBefore(idx: PersonIndex, code: AwardCode, year: number): AchievedTitle[] {
  if (!idx.hasNonRegular) return [];
  return idx.person.titles
    .filter((t) => t.code === code && t.year < year && t.basis !== 'thuong_xuyen')
    .sort((a, b) => a.year - b.year);
}

/** Initiatives recognised in [from, to]; a shared empty array when none (the common case). */
export function initiativesIn(idx: PersonIndex, from: number, to: number): readonly Initiative[] {
  const all = idx.person.initiatives;
  let n = 0;
  for (let k = 0; k < all.length; k++) if (all[k]!.year >= from && all[k]!.year <= to) n++;
  if (n === 0) return EMPTY;
  if (n === all.length) return all;
  const out: Initiative[] = [];
  for (let k = 0; k < all.length; k++) if (all[k]!.year >= from && all[k]!.year <= to) out.push(all[k]!);
  return out;
}

export function initiativesAt(idx: PersonIndex, year: number): readonly Initiative[] {
  return initiativesIn(idx, year, year);
}

/** Disciplines whose period overlaps the calendar year; an open period is still running. */
export function disciplinesInForce(
  disciplines: readonly DisciplinePeriod[],
  year: number,
): readonly DisciplinePeriod[] {
  if (disciplines.length === 0) return EMPTY;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return disciplines.filter((d) => d.from <= end && (d.to === undefined || d.to >= start));
}

/** This year's computed results of one person, by award (LĐTT before CSTĐCS …). */
export type ResultsByCode = Partial<Record<AwardCode, EvaluatedCandidate>>;

export interface PersonEvalContext {
  year: number;
  idx: PersonIndex;
  settings: ProvincialSettings;
  spec: RuleSpec;
  /** The memo pool of `spec`. */
  pool: OutcomePool;
  results: ResultsByCode;
  memo: OutcomeMemo;
}

/**
 * What a collective's rules read of a member: the name, this year's facts and the disciplines,
 * and this year's verdicts. Nothing more, so that a run patched after a few people changed can
 * give the members it does not judge again as just these (EligibilityInput.standing).
 */
export interface MemberState {
  personId: string;
  /** Undefined when the unit lists a member the input does not contain. */
  person?: Pick<PersonHistory, 'name' | 'years' | 'disciplines'>;
  /** This year's verdicts, one candidate per award (the member's subject's); none when the input lacks the member. */
  candidates: readonly CandidateResult[];
}

/** A member's verdict for an award this year (undefined: not judged for it). */
export function memberVerdict(m: Pick<MemberState, 'candidates'>, code: AwardCode): Verdict | undefined {
  const cs = m.candidates;
  for (let i = 0; i < cs.length; i++) if (cs[i]!.code === code) return cs[i]!.verdict;
  return undefined;
}

export interface UnitEvalContext {
  year: number;
  unit: UnitHistory;
  members: readonly MemberState[];
  settings: ProvincialSettings;
  spec: RuleSpec;
  pool: OutcomePool;
  memo: OutcomeMemo;
}
