// The predicates behind rule ids. Each returns pass/fail, a Vietnamese message naming the
// records it used and, on failure, what is missing and how many atomic conditions that is
// (one chain year, one initiative, one rating …) so the checker can tell "gần đủ".
//
// Speed: a whole office is 30,000 people. Outcomes whose text depends only on a few facts
// are memoised under a short key of those facts (a constant string or a number) and built
// by static functions, so the common path allocates almost nothing. Outcomes that name a
// person's own records (initiative titles, disciplines) are built per person.
import { AWARD_CATALOG } from './catalog';
import {
  disciplinesInForce,
  hasRegular,
  initiativesAt,
  initiativesIn,
  lastRegularBefore,
  nonRegularAt,
  nonRegularBefore,
  yearFacts,
  hasYearResult,
  type EvaluatedCandidate,
  memberVerdict,
  type MemberState,
  type PersonEvalContext,
  type RuleOutcome,
  type UnitEvalContext,
} from './context';
import {
  AWARD_BASIS_LABELS,
  DISCIPLINE_LABELS,
  capitalize,
  disciplineText,
  initiativeText,
  listText,
  namesText,
  rangeText,
  yearsText,
} from './format';
import { GENERAL_RULE_IDS, type RuleId } from './rulesets';
import {
  INITIATIVE_SCOPE_RANK,
  RATINGS,
  disciplineAtLeast,
  ratingAtLeast,
  type AwardCode,
  type Initiative,
  type InitiativeScope,
  type Rating,
} from './types';

export type { RuleOutcome } from './context';

export type RuleImpl =
  | { subject: 'individual'; evaluate: (ctx: PersonEvalContext) => RuleOutcome }
  | { subject: 'collective'; evaluate: (ctx: UnitEvalContext) => RuleOutcome };

const ok = (message: string): RuleOutcome => ({ passed: true, message });
const fail = (message: string, missing: string, missingCount = 1): RuleOutcome => ({
  passed: false,
  message,
  missing,
  missingCount,
});

const short = (code: AwardCode) => AWARD_CATALOG[code].shortName;

/** Shared outcome for everyone whose facts encode to `key` (year and settings are fixed per run). */
function memo<A>(
  ctx: PersonEvalContext,
  key: string | number,
  build: (ctx: PersonEvalContext, arg: A) => RuleOutcome,
  arg: A,
): RuleOutcome {
  return ctx.pool.get(key) ?? ctx.memo.store(ctx.pool, ctx.spec, key, build(ctx, arg));
}

/** Constant keys for (rating, maternity leave): no string building on the hot path. */
const FACTS_KEYS = Object.fromEntries(
  [...RATINGS, '-'].map((r) => [r, [r, `${r}m`] as const]),
) as Record<Rating | '-', readonly [string, string]>;

function factsKey(ctx: PersonEvalContext, y: number): string {
  const f = yearFacts(ctx.idx, y);
  if (!f) return '-';
  return FACTS_KEYS[f.rating ?? '-'][f.maternityLeave ? 1 : 0];
}

/** (rating, maternity leave) as 0–9, for numeric memo keys; 8 also covers "no facts". */
function factsIndex(ctx: PersonEvalContext, y: number): number {
  const f = yearFacts(ctx.idx, y);
  if (!f) return 8;
  return (f.rating ? RATINGS.indexOf(f.rating) : 4) * 2 + (f.maternityLeave ? 1 : 0);
}

function ratingPhrase(ctx: PersonEvalContext, y: number): string {
  const f = yearFacts(ctx.idx, y);
  if (f?.rating) return `xếp loại ${f.rating}`;
  return f?.maternityLeave ? 'nghỉ thai sản, chưa có xếp loại' : 'chưa có xếp loại';
}

function percentText(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const v = Math.round((part * 1000) / whole) / 10;
  return `${String(v).replace('.', ',')}%`;
}

function initiativesSentence(list: readonly Initiative[]): string {
  return capitalize(listText(list.map(initiativeText)));
}

/** Missing texts of a candidate's failed substantive items. */
function substantiveMissing(c: EvaluatedCandidate): string {
  return c.result.items
    .filter((i) => !i.passed && !GENERAL_RULE_IDS.has(i.ruleId as RuleId))
    .map((i) => i.missing ?? i.message)
    .join('; ');
}

// ---- chains of yearly titles ------------------------------------------------------------

/** What a chain year holds, as a small number (memo keys are built from these). */
const Y_RECORDED = 1;
const Y_NOW_OK = 2;
const Y_NOW_NO = 3;
const Y_NONE = 4;
const Y_THEMATIC = 5;
const Y_ADHOC = 6;
const Y_USED = 7;

const yearOk = (c: number) => c === Y_RECORDED || c === Y_NOW_OK;

/** Year after the latest regular `code` before this year: earlier years were used by it (one achievement, one award). */
function floorYear(ctx: PersonEvalContext, code: AwardCode): number | undefined {
  const last = lastRegularBefore(ctx.idx, code, ctx.year);
  return last ? last.year + 1 : undefined;
}

/**
 * Does `code` count for year `y` in a chain? Past years: a recorded regular title (chuyên đề
 * and đột xuất do not count). This year: the checker's own result (what it would propose).
 */
function yearCode(ctx: PersonEvalContext, code: AwardCode, y: number, floor: number | undefined): number {
  if (floor !== undefined && y < floor) return Y_USED;
  if (y === ctx.year) return ctx.results[code]?.substantivePassed ? Y_NOW_OK : Y_NOW_NO;
  if (hasRegular(ctx.idx, code, y)) return Y_RECORDED;
  const nr = nonRegularAt(ctx.idx, code, y);
  if (!nr) return Y_NONE;
  return nr.basis === 'dot_xuat' ? Y_ADHOC : Y_THEMATIC;
}

function yearNote(c: number, usedLabel: string): string {
  switch (c) {
    case Y_RECORDED:
      return 'đã ghi nhận';
    case Y_NOW_OK:
      return 'đủ điều kiện năm nay';
    case Y_NOW_NO:
      return 'chưa đủ điều kiện năm nay';
    case Y_THEMATIC:
      return `chỉ có khen ${AWARD_BASIS_LABELS.chuyen_de}, không tính vào chuỗi`;
    case Y_ADHOC:
      return `chỉ có khen ${AWARD_BASIS_LABELS.dot_xuat}, không tính vào chuỗi`;
    case Y_USED:
      return `đã dùng cho ${usedLabel}`;
    default:
      return 'chưa có';
  }
}

interface YearCheck {
  year: number;
  code: number;
}

/** "2022 và 2023 đã ghi nhận; 2024 đủ điều kiện năm nay": adjacent years with the same note grouped. */
function describeChecks(checks: readonly YearCheck[], usedLabel: string): string {
  let out = '';
  let group: number[] = [];
  for (let i = 0; i < checks.length; i++) {
    const c = checks[i]!;
    group.push(c.year);
    const next = checks[i + 1];
    if (next && next.code === c.code) continue;
    out += `${out ? '; ' : ''}${yearsText(group)} ${yearNote(c.code, usedLabel)}`;
    group = [];
  }
  return out;
}

/** A fixed set of years (offsets from this year) that must all hold `code`. */
interface ChainDef {
  code: AwardCode;
  offsets: readonly number[];
  /** Earlier regular awards of this form consume the years before them. */
  floorCode: AwardCode;
  unit: string;
  passPrefix(y: number): string;
  failPrefix(y: number): string;
}

/** Numeric key of the chain's year codes (3 bits each), plus the floor year when it mattered. */
function chainKey(ctx: PersonEvalContext, def: ChainDef, floor: number | undefined): number {
  let key = 0;
  let mult = 1;
  let used = false;
  const offsets = def.offsets;
  for (let i = 0; i < offsets.length; i++) {
    const c = yearCode(ctx, def.code, ctx.year + offsets[i]!, floor);
    if (c === Y_USED) used = true;
    key += c * mult;
    mult *= 8;
  }
  return used ? key + floor! * mult : key;
}

function chainChecks(ctx: PersonEvalContext, def: ChainDef, floor: number | undefined): YearCheck[] {
  return def.offsets.map((off) => ({ year: ctx.year + off, code: yearCode(ctx, def.code, ctx.year + off, floor) }));
}

function usedLabel(code: AwardCode, floor: number | undefined): string {
  return floor === undefined ? '' : `${short(code)} năm ${floor - 1}`;
}

function buildChain(ctx: PersonEvalContext, def: ChainDef): RuleOutcome {
  const floor = floorYear(ctx, def.floorCode);
  const label = usedLabel(def.floorCode, floor);
  const checks = chainChecks(ctx, def, floor);
  const missing = checks.filter((c) => !yearOk(c.code));
  if (missing.length === 0) return ok(`${def.passPrefix(ctx.year)}: ${describeChecks(checks, label)}`);
  return fail(
    `${def.failPrefix(ctx.year)}: ${describeChecks(checks, label)}`,
    `thiếu ${missing.length} ${def.unit} ${short(def.code)} liên tục: ${describeChecks(missing, label)}`,
    missing.length,
  );
}

function chainRule(ctx: PersonEvalContext, def: ChainDef): RuleOutcome {
  return memo(ctx, chainKey(ctx, def, floorYear(ctx, def.floorCode)), buildChain, def);
}

const CSTD_TINH_CHAIN: ChainDef = {
  code: 'CSTDCS',
  offsets: [-2, -1, 0],
  floorCode: 'CSTD_TINH',
  unit: 'năm',
  passPrefix: (y) => `CSTĐCS 3 năm liên tục ${rangeText(y - 2, y)}`,
  failPrefix: (y) => `Chưa đủ 3 năm liên tục đạt CSTĐCS (${rangeText(y - 2, y)})`,
};

/**
 * Two consecutive CSTĐ cấp tỉnh: each needs three CSTĐCS years, so consecutive ones are three
 * years apart — the previous at year−3 (recorded) and this year's (computed).
 */
const CSTD_TOAN_QUOC_CHAIN: ChainDef = {
  code: 'CSTD_TINH',
  offsets: [-3, 0],
  floorCode: 'CSTD_TOAN_QUOC',
  unit: 'lần',
  passPrefix: () => 'CSTĐ cấp tỉnh 2 lần liên tục',
  failPrefix: (y) => `Chưa đủ 2 lần liên tục đạt CSTĐ cấp tỉnh (${y - 3} và ${y})`,
};

/** Bằng khen tỉnh path 1: CSTĐCS last year and this year. */
const BK_TINH_CHAIN: ChainDef = {
  code: 'CSTDCS',
  offsets: [-1, 0],
  floorCode: 'BK_TINH',
  unit: 'năm',
  passPrefix: () => 'CSTĐCS 2 năm liên tục',
  failPrefix: () => 'CSTĐCS 2 năm liên tục',
};

// ---- individual rules -------------------------------------------------------------------

const buildNotUnderReview = (ctx: PersonEvalContext, review: boolean): RuleOutcome =>
  review
    ? fail(`Năm ${ctx.year} đang bị xem xét kỷ luật hoặc thanh tra, kiểm tra`, 'đang bị xem xét kỷ luật, thanh tra, kiểm tra')
    : ok(`Năm ${ctx.year} không bị xem xét kỷ luật, thanh tra, kiểm tra`);

function notUnderReview(ctx: PersonEvalContext): RuleOutcome {
  const review = yearFacts(ctx.idx, ctx.year)?.underReview === true;
  return memo(ctx, review ? '1' : '0', buildNotUnderReview, review);
}

/**
 * Rating this year. Maternity leave: with a rating, the rating decides (the leave time
 * counts, so it is not held against her). Without a rating, the year counts as meeting the
 * LĐTT standard when the setting is on (default) — advice, marked unverified.
 */
function ldttRating(ctx: PersonEvalContext): RuleOutcome {
  return memo(ctx, factsKey(ctx, ctx.year), buildLdttRating, undefined);
}

function buildLdttRating(ctx: PersonEvalContext): RuleOutcome {
  const { year, settings } = ctx;
  const f = yearFacts(ctx.idx, year);
  const min = settings.ldttMinRating;
  if (f?.rating) {
    const leave = f.maternityLeave ? ' (có nghỉ thai sản, thời gian nghỉ được tính)' : '';
    if (ratingAtLeast(f.rating, min)) {
      return { passed: true, message: `Năm ${year} xếp loại ${f.rating}${leave}`, withExtraBasis: !!f.maternityLeave };
    }
    return fail(
      `Năm ${year} xếp loại ${f.rating}, chưa đạt ${min} trở lên${leave}`,
      `xếp loại năm ${year} chưa đạt ${min} trở lên`,
    );
  }
  // no rating: the year counts only as the settings read a maternity year (as the unrated count does)
  if (hasYearResult(f, settings)) {
    return {
      passed: true,
      message: `Năm ${year} nghỉ thai sản, chưa có xếp loại: thời gian nghỉ thai sản được tính để xét LĐTT (nên bổ sung xếp loại)`,
      verified: false,
      withExtraBasis: true,
    };
  }
  return fail(`Năm ${year} chưa có xếp loại chất lượng`, `chưa có xếp loại chất lượng năm ${year}`);
}

const buildNoDiscipline = (ctx: PersonEvalContext): RuleOutcome =>
  ok(`Không có kỷ luật còn hiệu lực trong năm ${ctx.year}`);

function noDisciplineInForce(ctx: PersonEvalContext): RuleOutcome {
  const inForce = disciplinesInForce(ctx.idx.person.disciplines, ctx.year);
  if (inForce.length === 0) return memo(ctx, 'ok', buildNoDiscipline, undefined);
  return fail(
    `${capitalize(listText(inForce.map(disciplineText)))}: còn hiệu lực trong năm ${ctx.year}`,
    `đang chịu kỷ luật trong năm ${ctx.year}`,
  );
}

const buildLdttOk = (ctx: PersonEvalContext): RuleOutcome => ok(`Đủ điều kiện LĐTT năm ${ctx.year}`);

function buildLdttMissing(ctx: PersonEvalContext, l: EvaluatedCandidate | undefined): RuleOutcome {
  const why = l ? substantiveMissing(l) : 'chưa xét LĐTT';
  return fail(
    `Năm ${ctx.year} chưa đủ điều kiện LĐTT: ${why}`,
    `chưa đủ điều kiện LĐTT năm ${ctx.year} (${why})`,
    l ? Math.max(1, l.substantiveMissingCount) : 1,
  );
}

function cstdcsLdtt(ctx: PersonEvalContext): RuleOutcome {
  const l = ctx.results.LDTT;
  if (l?.substantivePassed) return memo(ctx, 'ok', buildLdttOk, undefined);
  // A shared LĐTT result means shared reasons.
  return l?.cacheId !== undefined ? memo(ctx, l.cacheId, buildLdttMissing, l) : buildLdttMissing(ctx, l);
}

const buildNoInitiative = (ctx: PersonEvalContext): RuleOutcome =>
  fail(`Năm ${ctx.year} chưa có sáng kiến, đề tài được công nhận`, `chưa có sáng kiến, đề tài được công nhận năm ${ctx.year}`);

function cstdcsInitiative(ctx: PersonEvalContext): RuleOutcome {
  const list = initiativesAt(ctx.idx, ctx.year);
  if (list.length > 0) return ok(initiativesSentence(list));
  return memo(ctx, 'none', buildNoInitiative, undefined);
}

function buildExcellent(ctx: PersonEvalContext): RuleOutcome {
  if (yearFacts(ctx.idx, ctx.year)?.rating === 'HTXSNV') return ok(`Năm ${ctx.year} xếp loại HTXSNV`);
  return fail(`Năm ${ctx.year} ${ratingPhrase(ctx, ctx.year)}, chưa đạt HTXSNV`, `chưa xếp loại HTXSNV năm ${ctx.year}`);
}

function cstdcsExcellent(ctx: PersonEvalContext): RuleOutcome {
  return memo(ctx, factsKey(ctx, ctx.year), buildExcellent, undefined);
}

function buildExcellentNoInitiative(ctx: PersonEvalContext): RuleOutcome {
  if (yearFacts(ctx.idx, ctx.year)?.rating === 'HTXSNV') {
    return {
      passed: true,
      message: `Năm ${ctx.year} xếp loại HTXSNV (không có sáng kiến, đạt theo nhánh HTXSNV)`,
      verified: false,
    };
  }
  return fail(
    `Năm ${ctx.year} ${ratingPhrase(ctx, ctx.year)} và chưa có sáng kiến, đề tài được công nhận`,
    `chưa xếp loại HTXSNV và chưa có sáng kiến, đề tài được công nhận năm ${ctx.year}`,
  );
}

/**
 * DOMAIN.md reads Luật 2022 Đ.23 as "HTXSNV or an initiative". The initiative branch matches
 * the older NĐ 91/2017 Đ.9 k.3 text; the HTXSNV-only branch could not be confirmed, so a pass
 * that rests on it alone is marked unverified.
 */
function cstdcsExcellentOrInitiative(ctx: PersonEvalContext): RuleOutcome {
  const list = initiativesAt(ctx.idx, ctx.year);
  if (list.length > 0) {
    const inits = listText(list.map(initiativeText));
    const excellent = yearFacts(ctx.idx, ctx.year)?.rating === 'HTXSNV';
    return ok(excellent ? `Năm ${ctx.year} xếp loại HTXSNV; ${inits}` : inits);
  }
  return memo(ctx, factsKey(ctx, ctx.year), buildExcellentNoInitiative, undefined);
}

function cstdTinhChain(ctx: PersonEvalContext): RuleOutcome {
  return chainRule(ctx, CSTD_TINH_CHAIN);
}

function cstdToanQuocChain(ctx: PersonEvalContext): RuleOutcome {
  return chainRule(ctx, CSTD_TOAN_QUOC_CHAIN);
}

interface ScopeDef {
  /** First year of the window, as an offset from this year. */
  fromOffset: number;
  scope: InitiativeScope;
  label: string;
}

function buildNoScoped(ctx: PersonEvalContext, def: ScopeDef): RuleOutcome {
  const range = rangeText(ctx.year + def.fromOffset, ctx.year);
  return fail(
    `Không có sáng kiến, đề tài ${def.label} trong ${range}`,
    `chưa có sáng kiến, đề tài ${def.label} trong ${range}`,
  );
}

function scopedInitiative(ctx: PersonEvalContext, def: ScopeDef): RuleOutcome {
  const all = initiativesIn(ctx.idx, ctx.year + def.fromOffset, ctx.year);
  if (all.length === 0) return memo(ctx, 'none', buildNoScoped, def);
  const min = INITIATIVE_SCOPE_RANK[def.scope];
  const wide = all.filter((i) => INITIATIVE_SCOPE_RANK[i.scope] >= min);
  if (wide.length > 0) return ok(initiativesSentence(wide));
  const base = buildNoScoped(ctx, def);
  // At most three named: the rest only counted.
  const shown = all.slice(0, 3).map(initiativeText);
  const list = all.length > 3 ? `${shown.join(', ')} và ${all.length - 3} sáng kiến, đề tài khác` : listText(shown);
  return { ...base, message: `${base.message}; chỉ có: ${list}` };
}

/** The province-wide initiative must fall within the three years of the chain. */
const CSTD_TINH_SCOPE: ScopeDef = { fromOffset: -2, scope: 'tinh', label: 'phạm vi cấp tỉnh trở lên' };
/** The nationwide initiative must fall within the six years of the two CSTĐ cấp tỉnh terms. */
const CSTD_TOAN_QUOC_SCOPE: ScopeDef = { fromOffset: -5, scope: 'toan_quoc', label: 'phạm vi toàn quốc' };

function cstdTinhInitiative(ctx: PersonEvalContext): RuleOutcome {
  return scopedInitiative(ctx, CSTD_TINH_SCOPE);
}

function cstdToanQuocInitiative(ctx: PersonEvalContext): RuleOutcome {
  return scopedInitiative(ctx, CSTD_TOAN_QUOC_SCOPE);
}

/** Path 2 of Bằng khen tỉnh: the run of HTXSNV years ending this year, and its initiatives. */
interface ExcellentRun {
  floor: number | undefined;
  start: number;
  run: number;
  breakYear: number;
  brokenByFloor: boolean;
  windowStart: number;
  inits: readonly Initiative[];
  missYears: number;
  missInits: number;
}

function excellentRun(ctx: PersonEvalContext, floor: number | undefined): ExcellentRun {
  const y = ctx.year;
  let start = y + 1;
  let breakYear = y;
  for (let yr = y; ; yr--) {
    breakYear = yr;
    if (floor !== undefined && yr < floor) break;
    if (yearFacts(ctx.idx, yr)?.rating !== 'HTXSNV') break;
    start = yr;
  }
  const run = y - start + 1;
  const windowStart = Math.max(run >= 2 ? start : y - 1, floor ?? -Infinity);
  const inits = initiativesIn(ctx.idx, windowStart, y);
  return {
    floor,
    start,
    run,
    breakYear,
    brokenByFloor: floor !== undefined && breakYear < floor,
    windowStart,
    inits,
    missYears: Math.max(0, 2 - run),
    missInits: Math.max(0, 2 - inits.length),
  };
}

function excellentRunMessage(ctx: PersonEvalContext, r: ExcellentRun): string {
  const runText = r.run > 0 ? `xếp loại HTXSNV liên tục ${rangeText(r.start, ctx.year)}` : `năm ${ctx.year} chưa xếp loại HTXSNV`;
  const initText = r.inits.length > 0 ? listText(r.inits.map(initiativeText)) : 'chưa có sáng kiến';
  return `${capitalize(runText)}; ${initText}`;
}

function buildBkTinhFailure(ctx: PersonEvalContext, r: ExcellentRun): RuleOutcome {
  const y = ctx.year;
  const label = usedLabel('BK_TINH', r.floor);
  const checks = chainChecks(ctx, BK_TINH_CHAIN, r.floor);
  const missA = checks.filter((c) => !yearOk(c.code));
  const missingA = `thiếu ${missA.length} năm CSTĐCS liên tục: ${describeChecks(missA, label)}`;
  const breakNote = r.brokenByFloor ? `${r.breakYear} đã dùng cho ${label}` : `${r.breakYear} ${ratingPhrase(ctx, r.breakYear)}`;
  const missingB: string[] = [];
  if (r.missYears > 0) missingB.push(`thiếu ${r.missYears} năm HTXSNV liên tục (${breakNote})`);
  if (r.missInits > 0) {
    missingB.push(`thiếu ${r.missInits} sáng kiến trong ${rangeText(r.windowStart, y)} (mới có ${r.inits.length})`);
  }
  const missB = r.missYears + r.missInits;
  const textB = missingB.join('; ');
  const closerIsB = missB < missA.length;
  return fail(
    `Chưa đạt: (1) 2 năm liên tục CSTĐCS — ${missingA}; (2) 2 năm liên tục HTXSNV và 2 sáng kiến — ${textB}`,
    closerIsB ? textB : missingA,
    closerIsB ? missB : missA.length,
  );
}

/**
 * Bằng khen tỉnh: (1) CSTĐCS in the last two years, or (2) a run of ≥2 HTXSNV years ending
 * this year with 2 recognised initiatives inside the run. Years already used for an earlier
 * regular Bằng khen tỉnh do not count again. A failing result reports the closer path.
 */
function bkTinhCriteria(ctx: PersonEvalContext): RuleOutcome {
  const floor = floorYear(ctx, 'BK_TINH');
  const keyA = chainKey(ctx, BK_TINH_CHAIN, floor);
  // Both years Y_RECORDED/Y_NOW_OK: path 1 holds.
  const a0 = keyA % 8;
  const a1 = Math.floor(keyA / 8) % 8;
  if (yearOk(a0) && yearOk(a1)) return memo(ctx, keyA, buildChain, BK_TINH_CHAIN);

  const r = excellentRun(ctx, floor);
  // A pass on path 2 names the initiatives: personal, not shared.
  if (r.missYears + r.missInits === 0) return ok(excellentRunMessage(ctx, r));
  // The failure names only years and counts, so it is shared. Negative keys: failures.
  const run = Math.min(r.run, 2);
  const breakCode = r.run >= 2 ? 0 : r.brokenByFloor ? 15 : factsIndex(ctx, r.breakYear);
  const windowOffset = r.missInits > 0 ? ctx.year - r.windowStart : 0;
  if (windowOffset > 63) return buildBkTinhFailure(ctx, r);
  const key = -(1 + keyA + 2 ** 18 * (run + 4 * (breakCode + 16 * (Math.min(r.inits.length, 2) + 4 * windowOffset))));
  return memo(ctx, key, buildBkTinhFailure, r);
}

/**
 * missingCount of a shortfall no single step makes good, counted as two so never "gần đủ" (one
 * condition away): a missing prerequisite award, after which the rule's years are counted ("05 năm
 * tiếp theo"), or an order already held, whose next class is proposed instead.
 */
const NOT_NEAR = 2;

const buildNoPriorBk = (): RuleOutcome =>
  fail(
    'Chưa có Bằng khen cấp bộ, tỉnh theo công trạng (thường xuyên)',
    'chưa có Bằng khen cấp bộ, tỉnh (thường xuyên); 05 năm liên tục được tính từ sau khi được tặng',
    NOT_NEAR,
  );

/** " (QĐ số 12/QĐ-UBND)" after an award the person holds, when its decision is recorded. */
const decisionNote = (t: { decisionNo?: string }) => (t.decisionNo ? ` (QĐ số ${t.decisionNo})` : '');

const buildPriorBk = (_ctx: PersonEvalContext, t: { year: number; decisionNo?: string }): RuleOutcome =>
  ok(`Đã được tặng Bằng khen tỉnh năm ${t.year}${decisionNote(t)}`);

/**
 * A prerequisite award: the latest regular one before this year (named with its decision, so
 * built per person when one is recorded), else none — chuyên đề and đột xuất ones said not to count.
 */
function priorRegular(
  ctx: PersonEvalContext,
  code: AwardCode,
  label: string,
  build: (ctx: PersonEvalContext, t: { year: number; decisionNo?: string }) => RuleOutcome,
  buildNone: () => RuleOutcome,
): RuleOutcome {
  const t = lastRegularBefore(ctx.idx, code, ctx.year);
  if (t) return t.decisionNo ? build(ctx, t) : memo(ctx, t.year, build, t);
  const others = nonRegularBefore(ctx.idx, code, ctx.year);
  if (others.length === 0) return memo(ctx, 'none', buildNone, undefined);
  const base = buildNone();
  const list = listText(others.map((o) => `${label} năm ${o.year} (${AWARD_BASIS_LABELS[o.basis]})`));
  return { ...base, message: `${base.message}; ${list} không tính` };
}

function bkTtgPriorBk(ctx: PersonEvalContext): RuleOutcome {
  return priorRegular(ctx, 'BK_TINH', 'Bằng khen tỉnh', buildPriorBk, buildNoPriorBk);
}

/** The run of years rated HTTNV or better ending this year (Bằng khen Thủ tướng, HCLĐ hạng Ba). */
interface GoodRun {
  /** The award whose latest regular grant the run is counted after ("05 năm tiếp theo"). */
  floorBy: AwardCode | undefined;
  floorYear: number | undefined;
  /** Year of the award that set the floor. */
  floorAward: number | undefined;
  firstRun: number;
  /** Years counted without a rating: maternity leave (m) or a recorded LĐTT (l). */
  notes: Array<[number, 'm' | 'l']>;
  breakYear: number;
  breakKind: 'floor' | 'rating' | 'none';
  cst: number[];
  /** Years in the run rated HTXSNV (filled only for a definition that counts them). */
  excellent: number[];
}

/** What a run is counted after, and whether its HTXSNV years matter to the rule. */
interface GoodRunDef {
  /** The latest regular grant of any of these (the later one wins) ends what earlier years could count for. */
  floorCodes: readonly AwardCode[];
  /** HTXSNV years are told apart from HTTNV ones (in the text, hence in the memo key). */
  excellent: boolean;
}

const BK_TTG_RUN: GoodRunDef = { floorCodes: ['BK_TINH', 'BK_TTG'], excellent: false };
const HCLD3_RUN: GoodRunDef = { floorCodes: ['BK_TTG'], excellent: true };

/** The award names a run's floor is told by. */
const FLOOR_NAMES: Partial<Record<AwardCode, string>> = { BK_TINH: 'Bằng khen tỉnh', BK_TTG: 'Bằng khen Thủ tướng' };

const BREAK_CODES = { none: 0, floor: 1, HTNV: 2, KHTNV: 3 } as const;

/** A run year's kind in the key (base 4); a year rated HTTNV or better adds nothing (0). */
const RUN_EXCELLENT = 1;
const RUN_MATERNITY = 2;
const RUN_LDTT = 3;

/**
 * Walks back from this year. Returns a numeric key of every fact the text depends on
 * (bit masks by year offset), or -1 when the run is too long to pack into a number; fills
 * `out` when given (only needed to build the text, i.e. on a memo miss).
 */
function walkGoodRun(ctx: PersonEvalContext, def: GoodRunDef, out?: GoodRun): number {
  const y = ctx.year;
  let floorBy: AwardCode | undefined;
  let floorAward: number | undefined;
  let floorIndex = 0;
  for (let i = 0; i < def.floorCodes.length; i++) {
    const code = def.floorCodes[i]!;
    const t = lastRegularBefore(ctx.idx, code, y);
    // the later award wins; on a tie the earlier code (Bằng khen tỉnh), as before
    if (t && (floorAward === undefined || t.year > floorAward)) {
      floorBy = code;
      floorAward = t.year;
      floorIndex = i + 1;
    }
  }
  const floor = floorAward === undefined ? undefined : floorAward + 1;

  let firstRun = y + 1;
  // one base-4 digit per year offset (RUN_*): 12 years fit in 24 bits
  let kinds = 0;
  let breakCode: number = BREAK_CODES.none;
  for (let yr = y; ; yr--) {
    if (floor !== undefined && yr < floor) {
      breakCode = BREAK_CODES.floor;
      break;
    }
    const f = yearFacts(ctx.idx, yr);
    const digit = 4 ** Math.min(y - yr, 20);
    if (f?.rating) {
      if (!ratingAtLeast(f.rating, 'HTTNV')) {
        breakCode = f.rating === 'HTNV' ? BREAK_CODES.HTNV : BREAK_CODES.KHTNV;
        break;
      }
      // any other rating this good adds 0
      if (def.excellent && f.rating === 'HTXSNV') {
        kinds += RUN_EXCELLENT * digit;
        out?.excellent.push(yr);
      }
    } else if (f?.maternityLeave && ctx.settings.maternityWithoutRatingCounts) {
      kinds += RUN_MATERNITY * digit;
      out?.notes.push([yr, 'm']);
    } else if (yr < y && (hasRegular(ctx.idx, 'LDTT', yr) || hasRegular(ctx.idx, 'CSTDCS', yr))) {
      kinds += RUN_LDTT * digit;
      out?.notes.push([yr, 'l']);
    } else {
      break;
    }
    firstRun = yr;
  }
  let cstMask = 0;
  for (let yr = firstRun; yr <= y; yr++) {
    if (yearOk(yearCode(ctx, 'CSTDCS', yr, undefined))) {
      cstMask += 2 ** Math.min(y - yr, 40);
      out?.cst.push(yr);
    }
  }
  if (out) {
    out.floorBy = floorBy;
    out.floorAward = floorAward;
    out.floorYear = floor;
    out.firstRun = firstRun;
    out.breakYear = firstRun - 1;
    out.breakKind = breakCode === BREAK_CODES.none ? 'none' : breakCode === BREAK_CODES.floor ? 'floor' : 'rating';
  }
  const runLength = y - firstRun + 1;
  const floorOffset = floorAward === undefined ? 0 : y - floorAward;
  if (runLength > 12 || floorOffset > 63) return -1;
  // 4 + 12 + 24 + 2 + 2 + 6 = 50 bits: exact in a double.
  return runLength + 16 * (cstMask + 4096 * (kinds + 2 ** 24 * (breakCode + 4 * (floorIndex + 4 * floorOffset))));
}

function goodRunFacts(ctx: PersonEvalContext, def: GoodRunDef): { run: GoodRun; key: number } {
  const run: GoodRun = {
    floorBy: undefined,
    floorYear: undefined,
    floorAward: undefined,
    firstRun: ctx.year + 1,
    notes: [],
    breakYear: ctx.year,
    breakKind: 'none',
    cst: [],
    excellent: [],
  };
  const key = walkGoodRun(ctx, def, run);
  return { run, key };
}

/** What a run's text and its shortfalls share: the run itself, the floor, CSTĐCS, the unrated years counted. */
interface RunParts {
  runLength: number;
  floorLabel: string;
  message: string;
  /** Why the run is not longer. */
  breakNote: string;
}

function runParts(ctx: PersonEvalContext, r: GoodRun, extra: string): RunParts {
  const y = ctx.year;
  const runLength = y - r.firstRun + 1;
  const floorLabel = r.floorBy ? `sau ${FLOOR_NAMES[r.floorBy] ?? short(r.floorBy)} năm ${r.floorAward}` : '';
  const runText =
    runLength > 0
      ? `Hoàn thành tốt nhiệm vụ trở lên ${runLength} năm liên tục ${rangeText(r.firstRun, y)}`
      : `Năm ${y} chưa đạt hoàn thành tốt nhiệm vụ trở lên`;
  const after = floorLabel ? ` (${floorLabel})` : '';
  const cstText = r.cst.length > 0 ? `CSTĐCS ${r.cst.length} lần: ${yearsText(r.cst)}` : 'chưa có CSTĐCS trong chuỗi';
  const noteText = [...r.notes]
    .reverse()
    .map(([yr, kind]) => (kind === 'm' ? `; ${yr} nghỉ thai sản, được tính` : `; ${yr} chưa có xếp loại, đã đạt LĐTT`))
    .join('');
  const breakNote =
    r.breakKind === 'floor'
      ? `chỉ tính từ ${r.floorYear}, ${floorLabel}`
      : r.breakKind === 'rating'
        ? `${r.breakYear} xếp loại ${yearFacts(ctx.idx, r.breakYear)?.rating}`
        : `${r.breakYear} chưa có xếp loại`;
  return { runLength, floorLabel, message: `${runText}${after}${extra}; ${cstText}${noteText}`, breakNote };
}

function runShortfalls(p: RunParts, r: GoodRun, missExcellent: number): { missing: string[]; count: number } {
  const missYears = Math.max(0, 5 - p.runLength);
  const missCst = Math.max(0, 3 - r.cst.length);
  const missing: string[] = [];
  if (missYears > 0) missing.push(`thiếu ${missYears} năm hoàn thành tốt nhiệm vụ trở lên liên tục (cần 5; ${p.breakNote})`);
  if (missExcellent > 0) missing.push('chưa có năm hoàn thành xuất sắc nhiệm vụ trong chuỗi (cần 1)');
  if (missCst > 0) missing.push(`thiếu ${missCst} lần CSTĐCS trong chuỗi (cần 3, có ${r.cst.length})`);
  return { missing, count: missYears + missExcellent + missCst };
}

function buildBkTtgChain(ctx: PersonEvalContext, r: GoodRun): RuleOutcome {
  const p = runParts(ctx, r, '');
  const { missing, count } = runShortfalls(p, r, 0);
  return count === 0 ? ok(p.message) : fail(p.message, missing.join('; '), count);
}

function buildHcld3Chain(ctx: PersonEvalContext, r: GoodRun): RuleOutcome {
  const xs = r.excellent.length > 0 ? `hoàn thành xuất sắc nhiệm vụ ${r.excellent.length} năm: ${yearsText(r.excellent)}` : 'chưa có năm hoàn thành xuất sắc nhiệm vụ';
  const p = runParts(ctx, r, `; ${xs}`);
  const { missing, count } = runShortfalls(p, r, r.excellent.length > 0 ? 0 : 1);
  return count === 0 ? ok(p.message) : fail(p.message, missing.join('; '), count);
}

/** A run rule's outcome, shared by everyone whose run packs to the same key. */
function goodRunRule(ctx: PersonEvalContext, def: GoodRunDef, build: (ctx: PersonEvalContext, r: GoodRun) => RuleOutcome): RuleOutcome {
  const key = walkGoodRun(ctx, def);
  if (key >= 0) {
    const hit = ctx.pool.get(key);
    if (hit) return hit;
    return ctx.memo.store(ctx.pool, ctx.spec, key, build(ctx, goodRunFacts(ctx, def).run));
  }
  // A very long run: the text names every counted year, so it is built per person.
  return build(ctx, goodRunFacts(ctx, def).run);
}

/**
 * Bằng khen Thủ tướng: ≥5 consecutive years rated HTTNV or better, counted after the latest
 * regular Bằng khen tỉnh ("05 năm tiếp theo") and after any earlier Bằng khen Thủ tướng, with
 * CSTĐCS in 3 of those years. A past year with no rating still counts when she was on
 * maternity leave (setting) or a regular LĐTT/CSTĐCS is recorded for it (both imply the standard).
 */
function bkTtgChain(ctx: PersonEvalContext): RuleOutcome {
  return goodRunRule(ctx, BK_TTG_RUN, buildBkTtgChain);
}

// ---- Huân chương Lao động hạng Ba (individuals) ------------------------------------------

const buildNoPriorTtg = (): RuleOutcome =>
  fail(
    'Chưa có Bằng khen của Thủ tướng Chính phủ theo công trạng (thường xuyên)',
    'chưa có Bằng khen Thủ tướng (thường xuyên); 05 năm liên tục được tính từ sau khi được tặng',
    NOT_NEAR,
  );

const buildPriorTtg = (_ctx: PersonEvalContext, t: { year: number; decisionNo?: string }): RuleOutcome =>
  ok(`Đã được tặng Bằng khen Thủ tướng năm ${t.year}${decisionNote(t)}`);

function buildHeldHcld3(_ctx: PersonEvalContext, t: { year: number; decisionNo?: string }): RuleOutcome {
  // not one condition away ("gần đủ"): this class is behind them, whatever else they hold
  return fail(
    `Đã được tặng Huân chương Lao động hạng Ba năm ${t.year}${decisionNote(t)}`,
    `đã có Huân chương Lao động hạng Ba (${t.year}); hạng tiếp theo là hạng Nhì`,
    NOT_NEAR,
  );
}

/**
 * HCLĐ hạng Ba, Luật 2022 Đ.44 khoản 1 điểm e: "đã được tặng Bằng khen của Thủ tướng Chính phủ"
 * (a regular one, before this year). Someone who already holds the order, on any basis, is
 * proposed for the next class, not this one again.
 */
function hcld3PriorBkTtg(ctx: PersonEvalContext): RuleOutcome {
  let held: { year: number; decisionNo?: string } | undefined;
  const titles = ctx.idx.person.titles;
  for (let i = 0; i < titles.length; i++) {
    const t = titles[i]!;
    if (t.code === 'HCLD_HANG_BA' && t.year <= ctx.year && (!held || t.year > held.year)) held = t;
  }
  if (held) return held.decisionNo ? buildHeldHcld3(ctx, held) : memo(ctx, `h${held.year}`, buildHeldHcld3, held);
  return priorRegular(ctx, 'BK_TTG', 'Bằng khen Thủ tướng', buildPriorTtg, buildNoPriorTtg);
}

/**
 * HCLĐ hạng Ba: after that Bằng khen Thủ tướng, ≥5 consecutive years up to now rated HTTNV or
 * better, at least one of them HTXSNV, with CSTĐCS in 3 of them. Unrated years count as for
 * Bằng khen Thủ tướng (maternity leave, a recorded LĐTT) but never as HTXSNV.
 */
function hcld3Chain(ctx: PersonEvalContext): RuleOutcome {
  return goodRunRule(ctx, HCLD3_RUN, buildHcld3Chain);
}

// ---- collective rules ---------------------------------------------------------------------

function memberName(m: MemberState): string {
  return m.person?.name ?? m.personId;
}

function unknownNote(members: readonly MemberState[]): string {
  const unknown = members.filter((m) => !m.person);
  return unknown.length > 0
    ? `; ${unknown.length} thành viên không có dữ liệu (${namesText(unknown.map((m) => m.personId))})`
    : '';
}

function unitNotUnderReview(ctx: UnitEvalContext): RuleOutcome {
  return ctx.unit.years[ctx.year]?.underReview
    ? fail(
        `Năm ${ctx.year} tập thể đang bị thanh tra, kiểm tra hoặc xem xét kỷ luật`,
        'tập thể đang bị thanh tra, kiểm tra, xem xét kỷ luật',
      )
    : ok(`Năm ${ctx.year} tập thể không bị thanh tra, kiểm tra, xem xét kỷ luật`);
}

const noMembers = (ctx: UnitEvalContext) =>
  fail(`Năm ${ctx.year} đơn vị chưa có danh sách thành viên`, 'chưa có danh sách thành viên');

function eligibleNow(m: MemberState, code: AwardCode): boolean {
  return memberVerdict(m, code) === 'du_dieu_kien';
}

/** Share of members eligible for LĐTT this year: strictly above or at least `pct`. */
function ldttShare(ctx: UnitEvalContext, pct: number, strict: boolean): RuleOutcome {
  const n = ctx.members.length;
  if (n === 0) return noMembers(ctx);
  const k = ctx.members.filter((m) => eligibleNow(m, 'LDTT')).length;
  const need = strict ? Math.floor((pct * n) / 100 + 1e-9) + 1 : Math.ceil((pct * n) / 100 - 1e-9);
  const head = `${k}/${n} thành viên đủ điều kiện LĐTT năm ${ctx.year} (${percentText(k, n)})`;
  const cond = strict ? `trên ${pct}%` : `từ ${pct}% trở lên`;
  if (k >= need) return ok(`${head}, đạt ${cond}${unknownNote(ctx.members)}`);
  return fail(
    `${head}, chưa đạt ${cond}${unknownNote(ctx.members)}`,
    `cần thêm ${need - k} người đạt LĐTT (tối thiểu ${need}/${n})`,
    need - k,
  );
}

function ttLdttShare(ctx: UnitEvalContext): RuleOutcome {
  return ldttShare(ctx, ctx.settings.collectiveLdttMinPercent, true);
}

function ttLdxsShare(ctx: UnitEvalContext): RuleOutcome {
  return ldttShare(ctx, ctx.settings.collectiveLdxsMinPercent, false);
}

function noSeriousDiscipline(ctx: UnitEvalContext): RuleOutcome {
  const min = ctx.settings.collectiveDisciplineFrom;
  const hits: string[] = [];
  for (const m of ctx.members) {
    if (!m.person) continue;
    const serious = disciplinesInForce(m.person.disciplines, ctx.year).filter((d) =>
      disciplineAtLeast(d.form, min),
    );
    if (serious.length > 0) hits.push(`${memberName(m)}: ${listText(serious.map(disciplineText))}`);
  }
  const label = DISCIPLINE_LABELS[min];
  if (hits.length === 0) return ok(`Không thành viên nào bị kỷ luật từ ${label} trở lên trong năm ${ctx.year}`);
  return fail(
    `${hits.join('; ')} (năm ${ctx.year})`,
    `${hits.length} thành viên bị kỷ luật từ ${label} trở lên`,
    hits.length,
  );
}

/** Every member completed tasks (HTNV or better); a maternity year without rating counts. */
function ttLdxsAllComplete(ctx: UnitEvalContext): RuleOutcome {
  const n = ctx.members.length;
  if (n === 0) return noMembers(ctx);
  const incomplete: string[] = [];
  for (const m of ctx.members) {
    const f = m.person?.years[ctx.year];
    if (ratingAtLeast(f?.rating, 'HTNV')) continue;
    if (!f?.rating && f?.maternityLeave && ctx.settings.maternityWithoutRatingCounts) continue;
    const why = !m.person ? 'không có dữ liệu' : f?.rating ? f.rating : 'chưa có xếp loại';
    incomplete.push(`${memberName(m)} (${why})`);
  }
  if (incomplete.length === 0) return ok(`Tất cả ${n} thành viên hoàn thành nhiệm vụ trở lên năm ${ctx.year}`);
  return fail(
    `${incomplete.length}/${n} thành viên chưa hoàn thành nhiệm vụ năm ${ctx.year}: ${namesText(incomplete)}`,
    `${incomplete.length} thành viên chưa hoàn thành nhiệm vụ`,
    incomplete.length,
  );
}

function ttLdxsHasCstdcs(ctx: UnitEvalContext): RuleOutcome {
  const list = ctx.members.filter((m) => eligibleNow(m, 'CSTDCS'));
  if (list.length > 0) {
    return ok(`${list.length} thành viên đủ điều kiện CSTĐCS năm ${ctx.year}: ${namesText(list.map(memberName))}`);
  }
  return fail(`Năm ${ctx.year} chưa có thành viên nào đủ điều kiện CSTĐCS`, 'chưa có thành viên đạt CSTĐCS');
}

// ---- registry -------------------------------------------------------------------------------

const individual = (evaluate: (ctx: PersonEvalContext) => RuleOutcome): RuleImpl => ({
  subject: 'individual',
  evaluate,
});
const collective = (evaluate: (ctx: UnitEvalContext) => RuleOutcome): RuleImpl => ({
  subject: 'collective',
  evaluate,
});

export const RULES: { readonly [K in RuleId]: RuleImpl } = {
  'general.notUnderReview': individual(notUnderReview),
  'general.unitNotUnderReview': collective(unitNotUnderReview),
  'discipline.noneInForce': individual(noDisciplineInForce),
  'ldtt.rating': individual(ldttRating),
  'cstdcs.ldtt': individual(cstdcsLdtt),
  'cstdcs.initiative': individual(cstdcsInitiative),
  'cstdcs.excellent': individual(cstdcsExcellent),
  'cstdcs.excellentOrInitiative': individual(cstdcsExcellentOrInitiative),
  'cstdTinh.chain': individual(cstdTinhChain),
  'cstdTinh.initiative': individual(cstdTinhInitiative),
  'cstdToanQuoc.chain': individual(cstdToanQuocChain),
  'cstdToanQuoc.initiative': individual(cstdToanQuocInitiative),
  'bkTinh.criteria': individual(bkTinhCriteria),
  'bkTtg.priorBk': individual(bkTtgPriorBk),
  'bkTtg.chain': individual(bkTtgChain),
  'hcld3.priorBkTtg': individual(hcld3PriorBkTtg),
  'hcld3.chain': individual(hcld3Chain),
  'ttLdtt.share': collective(ttLdttShare),
  'collective.noSeriousDiscipline': collective(noSeriousDiscipline),
  'ttLdxs.allComplete': collective(ttLdxsAllComplete),
  'ttLdxs.share': collective(ttLdxsShare),
  'ttLdxs.hasCstdcs': collective(ttLdxsHasCstdcs),
};
