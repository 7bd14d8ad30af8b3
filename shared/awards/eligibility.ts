// The eligibility checker: pure, synchronous, no I/O. For a year, judges every person and
// collective against the rule set in force and explains each verdict item by item.
//
// Conventions (see also the predicates):
// - This year's titles are what the checker proposes: chains ending this year use this
//   year's computed result; earlier years use recorded regular (thường xuyên) titles only.
//   Titles already recorded for the year being checked are ignored.
// - Chuyên đề and đột xuất records never count toward chains or prerequisites.
// - Maternity leave: with a rating, the rating decides. Without one, the year counts as an
//   LĐTT-standard year — for this year's LĐTT (marked unverified) and for the "HTTNV or
//   better" chain of Bằng khen Thủ tướng — but never as HTXSNV (so it ends an HTXSNV run)
//   and never as a CSTĐCS year by itself (those come from recorded titles).
// - A discipline whose period overlaps the year blocks LĐTT, hence CSTĐCS and every chain
//   that needs this year's CSTĐCS; Bằng khen checks it directly. A period without an end
//   date is treated as still running.
// - Under review/inspection blocks every candidate, reported once per candidate.
// - Verdict: all items pass ⇒ đủ điều kiện; exactly one atomic condition missing ⇒ gần đủ.
// - Warnings (quota, draft rule set …) never change verdicts.
// - Items and candidates with identical content are shared between subjects and frozen
//   (that is what makes a 30,000-person run fast): treat the report as immutable.
import { AWARD_CATALOG } from './catalog';
import {
  OutcomeMemo,
  indexPerson,
  memberVerdict,
  toItem,
  type CandidateResult,
  type EvaluatedCandidate,
  type ExplanationItem,
  type MemberState,
  type OutcomePool,
  type PersonEvalContext,
  type ResultsByCode,
  type RuleOutcome,
  type UnitEvalContext,
  type Verdict,
} from './context';
import { RULES } from './predicates';
import { womenPriorityNote } from './format';
import { drain, type Steps } from './steps';
import {
  GENERAL_RULE_IDS,
  isBeforeCoverage,
  resolveSettings,
  ruleSetFor,
  type AwardRules,
  type ProvincialSettings,
  type RuleSet,
  type RuleSetId,
  type RuleSetOptions,
  type RuleSpec,
} from './rulesets';
import type { AwardCode, IsoDate, PersonHistory, UnitHistory } from './types';

export interface EligibilityInput {
  year: number;
  people: readonly PersonHistory[];
  units: readonly UnitHistory[];
  settings?: Partial<ProvincialSettings>;
  options?: RuleSetOptions;
  /**
   * An earlier report for the same year, settings and options: a person whose history is made
   * of the same objects as then (same name, unit, gender, and the very same years, titles,
   * initiatives and disciplines objects) keeps that result instead of being judged again, and
   * new judgements share that run's items and candidates. A collective keeps its result when
   * its name, years and titles objects are the same and every member kept theirs. Callers that
   * rebuild only the histories that changed re-check a whole office in a fraction of the time.
   * Ignored when the year, settings or rule set differ.
   */
  previous?: EligibilityReport;
  /**
   * Verdicts that stand without judging again — a kept run brought up to date after a few
   * people changed (the records service's patch). A person whose id is in `people` keeps that
   * subject, and the input need give for them only what a collective reads of a member (name,
   * unit, this year's facts, disciplines: MemberState); a collective whose id is in `units` keeps
   * that subject. The caller answers for their being current. Counts, the quota warnings and
   * every other subject are worked out as in a full run.
   */
  standing?: {
    people: { get(personId: string): SubjectEligibility | undefined };
    units: { get(unitId: string): SubjectEligibility | undefined };
  };
}

export interface SubjectEligibility {
  kind: 'individual' | 'collective';
  id: string;
  name: string;
  /** The person's unit (individuals only). */
  unitId?: string;
  candidates: CandidateResult[];
}

export type WarningCode = 'cstdcs_quota' | 'draft_rule_set' | 'before_coverage' | 'duplicate_person';

export interface ReportWarning {
  code: WarningCode;
  message: string;
  basis?: string;
  verified: boolean;
  unitId?: string;
  /** People concerned (for the quota: those eligible for CSTĐCS). */
  personIds?: string[];
}

export interface RuleSetSummary {
  id: RuleSetId;
  name: string;
  documents: readonly string[];
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  draft: boolean;
  verified: boolean;
}

export type VerdictCounts = Record<Verdict, number>;

export interface EligibilityReport {
  year: number;
  ruleSet: RuleSetSummary;
  settings: ProvincialSettings;
  people: SubjectEligibility[];
  units: SubjectEligibility[];
  warnings: ReportWarning[];
  /** Per candidate award, how many subjects got each verdict. */
  counts: Partial<Record<AwardCode, VerdictCounts>>;
}

/**
 * Candidates made only of shared items are shared too (most people get the same CSTĐ toàn
 * quốc verdict for the same reasons). A trie over the items' numbers finds them without
 * building string keys.
 */
interface CacheNode {
  next?: Map<number, CacheNode>;
  value?: EvaluatedCandidate;
}

class CandidateCache {
  private readonly roots = new Map<AwardRules, CacheNode>();
  private nextId = 0;

  find(award: AwardRules, outcomes: readonly RuleOutcome[]): EvaluatedCandidate | undefined {
    let node = this.roots.get(award);
    for (const o of outcomes) {
      if (!node || o.itemId === undefined) return undefined;
      node = node.next?.get(o.itemId);
    }
    return node?.value;
  }

  store(award: AwardRules, outcomes: readonly RuleOutcome[], ev: EvaluatedCandidate): void {
    let node: CacheNode | undefined = this.roots.get(award);
    if (!node) this.roots.set(award, (node = {}));
    for (const o of outcomes) {
      const next: Map<number, CacheNode> = (node.next ??= new Map());
      let child: CacheNode | undefined = next.get(o.itemId!);
      if (!child) next.set(o.itemId!, (child = {}));
      node = child;
    }
    ev.cacheId = this.nextId++;
    Object.freeze(ev.result.items);
    Object.freeze(ev.result);
    node.value = ev;
  }
}

function summarize(rs: RuleSet): RuleSetSummary {
  const out: RuleSetSummary = {
    id: rs.id,
    name: rs.name,
    documents: rs.documents,
    effectiveFrom: rs.effectiveFrom,
    draft: rs.draft,
    verified: rs.verified,
  };
  if (rs.effectiveTo) out.effectiveTo = rs.effectiveTo;
  return out;
}

interface UnitTally {
  ldtt: number;
  cstdcs: string[];
}

/**
 * Holds everything shared across one run (memo pools, candidate cache, one re-pointed
 * context) so the per-person work is a short method call: small hot functions are what the
 * JIT optimises early, which matters because a run is usually a single cold call.
 */
class Evaluator {
  counts: EligibilityReport['counts'] = {};
  private readonly memo = new OutcomeMemo();
  private readonly cache = new CandidateCache();
  private readonly individualPools: OutcomePool[][];
  private readonly collectivePools: OutcomePool[][];
  /** Specs used by several awards (the review rule), evaluated once per person. */
  private readonly sharedSpecs: RuleSpec[];
  private readonly sharedOutcomes: Array<RuleOutcome | undefined>;
  private readonly ctx: PersonEvalContext;
  /** Scratch arrays by rule count: overwritten, never truncated (truncating reallocates). */
  private readonly scratch: RuleOutcome[][] = [];
  private readonly runIndividual = (spec: RuleSpec, pool: OutcomePool): RuleOutcome => this.individualRule(spec, pool);

  constructor(
    private readonly year: number,
    private readonly settings: ProvincialSettings,
    private readonly ruleSet: RuleSet,
  ) {
    const poolsOf = (award: AwardRules) => award.rules.map((spec) => this.memo.poolFor(spec));
    this.individualPools = ruleSet.individual.map(poolsOf);
    this.collectivePools = ruleSet.collective.map(poolsOf);
    const uses = new Map<RuleSpec, number>();
    for (const award of ruleSet.individual) for (const spec of award.rules) uses.set(spec, (uses.get(spec) ?? 0) + 1);
    this.sharedSpecs = [...uses].filter(([, n]) => n > 1).map(([spec]) => spec);
    this.sharedOutcomes = this.sharedSpecs.map(() => undefined);
    this.ctx = {
      year,
      idx: indexPerson({ personId: '', name: '', unitId: '', years: {}, titles: [], initiatives: [], disciplines: [] }, year),
      settings,
      spec: ruleSet.individual[0]!.rules[0]!,
      pool: this.individualPools[0]![0]!,
      results: {},
      memo: this.memo,
    };
  }

  person(person: PersonHistory): SubjectEligibility {
    const results: ResultsByCode = {};
    this.ctx.idx = indexPerson(person, this.year);
    this.ctx.results = results;
    this.sharedOutcomes.fill(undefined);
    const awards = this.ruleSet.individual;
    // sized once: pushing grew each person's list a few times
    const candidates = new Array<CandidateResult>(awards.length);
    for (let a = 0; a < awards.length; a++) {
      const award = awards[a]!;
      const ev = this.award(award, this.individualPools[a]!, this.runIndividual);
      results[award.code] = ev;
      candidates[a] = ev.result;
      this.bump(award.code, ev.result.verdict);
    }
    return {
      kind: 'individual',
      id: person.personId,
      name: person.name,
      unitId: person.unitId,
      candidates,
    };
  }

  unit(unit: UnitHistory, members: readonly MemberState[]): SubjectEligibility {
    const uctx: UnitEvalContext = {
      year: this.year,
      unit,
      members,
      settings: this.settings,
      spec: this.ruleSet.collective[0]!.rules[0]!,
      pool: this.collectivePools[0]![0]!,
      memo: this.memo,
    };
    const run = (spec: RuleSpec, pool: OutcomePool): RuleOutcome => {
      const impl = RULES[spec.ruleId];
      if (impl.subject !== 'collective') throw new Error(`Rule ${spec.ruleId} is not a collective rule`);
      uctx.spec = spec;
      uctx.pool = pool;
      return impl.evaluate(uctx);
    };
    const candidates: CandidateResult[] = [];
    const awards = this.ruleSet.collective;
    for (let a = 0; a < awards.length; a++) {
      const ev = this.award(awards[a]!, this.collectivePools[a]!, run);
      candidates.push(ev.result);
      this.bump(awards[a]!.code, ev.result.verdict);
    }
    return { kind: 'collective', id: unit.unitId, name: unit.name, candidates };
  }

  private individualRule(spec: RuleSpec, pool: OutcomePool): RuleOutcome {
    const shared = this.sharedSpecs.indexOf(spec);
    if (shared >= 0) {
      const done = this.sharedOutcomes[shared];
      if (done) return done;
    }
    const impl = RULES[spec.ruleId];
    if (impl.subject !== 'individual') throw new Error(`Rule ${spec.ruleId} is not an individual rule`);
    this.ctx.spec = spec;
    this.ctx.pool = pool;
    const o = impl.evaluate(this.ctx);
    if (shared >= 0) this.sharedOutcomes[shared] = o;
    return o;
  }

  bump(code: AwardCode, verdict: Verdict): void {
    const c = this.counts[code] ?? (this.counts[code] = { du_dieu_kien: 0, gan_du: 0, chua_du: 0 });
    c[verdict]++;
  }

  private award(
    award: AwardRules,
    pools: readonly OutcomePool[],
    run: (spec: RuleSpec, pool: OutcomePool) => RuleOutcome,
  ): EvaluatedCandidate {
    const n = award.rules.length;
    const outcomes = this.scratch[n] ?? (this.scratch[n] = new Array<RuleOutcome>(n));
    let shareable = true;
    for (let i = 0; i < n; i++) {
      const o = run(award.rules[i]!, pools[i]!);
      outcomes[i] = o;
      if (o.itemId === undefined) shareable = false;
    }
    if (shareable) {
      const hit = this.cache.find(award, outcomes);
      if (hit) return hit;
    }
    const ev = buildCandidate(award, outcomes);
    if (shareable) this.cache.store(award, outcomes, ev);
    return ev;
  }
}

function buildCandidate(award: AwardRules, outcomes: readonly RuleOutcome[]): EvaluatedCandidate {
  const items: ExplanationItem[] = [];
  let missing = 0;
  let substantiveMissing = 0;
  let allPassed = true;
  let verified = true;
  for (let i = 0; i < award.rules.length; i++) {
    const o = outcomes[i]!;
    const spec = award.rules[i]!;
    const item = o.item ?? toItem(spec, o);
    items.push(item);
    if (!item.verified) verified = false;
    if (!o.passed) {
      const count = Math.max(1, o.missingCount ?? 1);
      allPassed = false;
      missing += count;
      if (!GENERAL_RULE_IDS.has(spec.ruleId)) substantiveMissing += count;
    }
  }
  const verdict: Verdict = allPassed ? 'du_dieu_kien' : missing === 1 ? 'gan_du' : 'chua_du';
  return {
    result: {
      code: award.code,
      name: AWARD_CATALOG[award.code].name,
      verdict,
      verified,
      missingCount: missing,
      items,
    },
    substantivePassed: substantiveMissing === 0,
    substantiveMissingCount: substantiveMissing,
  };
}

interface PersonEntry {
  state: MemberState & { person: PersonHistory };
  subject: SubjectEligibility;
}

/** What a later run may reuse from a report (see EligibilityInput.previous). */
interface RunState {
  year: number;
  settingsKey: string;
  ruleSet: RuleSet;
  evaluator: Evaluator;
  /** state.person is the history judged; a reused entry is kept as the same object */
  people: Map<string, PersonEntry>;
  /** the entries in input order */
  order: PersonEntry[];
  /** a collective's verdicts depend on its own history and its members' results */
  units: Map<string, { unit: UnitHistory; memberIds: readonly string[]; results: ReadonlyArray<MemberState['candidates'] | undefined>; subject: SubjectEligibility }>;
}

const runStates = new WeakMap<EligibilityReport, RunState>();
const NO_CANDIDATES: readonly CandidateResult[] = Object.freeze([]);

function sameHistory(a: PersonHistory, b: PersonHistory): boolean {
  return (
    a.name === b.name &&
    a.unitId === b.unitId &&
    a.gender === b.gender &&
    a.years === b.years &&
    a.titles === b.titles &&
    a.initiatives === b.initiatives &&
    a.disciplines === b.disciplines
  );
}

function sameUnit(
  before: { unit: UnitHistory; memberIds: readonly string[]; results: ReadonlyArray<MemberState['candidates'] | undefined> },
  unit: UnitHistory,
  memberIds: readonly string[],
  results: ReadonlyArray<MemberState['candidates'] | undefined>,
): boolean {
  const b = before.unit;
  if (b.name !== unit.name || b.years !== unit.years || b.titles !== unit.titles) return false;
  if (before.memberIds.length !== memberIds.length) return false;
  for (let i = 0; i < memberIds.length; i++) {
    if (before.memberIds[i] !== memberIds[i] || before.results[i] !== results[i]) return false;
  }
  return true;
}

export function checkEligibility(input: EligibilityInput): EligibilityReport {
  return drain(checkEligibilitySteps(input));
}

/** People, and collectives, judged between two yields of checkEligibilitySteps (tens of milliseconds). */
const PEOPLE_PER_SLICE = 1500;
const UNITS_PER_SLICE = 20;

/** checkEligibility as slices of PEOPLE_PER_SLICE people (see steps.ts); the input must not change meanwhile. */
export function* checkEligibilitySteps(input: EligibilityInput): Steps<EligibilityReport> {
  const { year } = input;
  const settings = resolveSettings(input.settings);
  const ruleSet = ruleSetFor(year, input.options);
  const settingsKey = JSON.stringify(settings);
  const prev = input.previous ? runStates.get(input.previous) : undefined;
  const reuse = prev && prev.year === year && prev.ruleSet === ruleSet && prev.settingsKey === settingsKey ? prev : undefined;
  const warnings: ReportWarning[] = [];
  const { standing } = input;

  if (isBeforeCoverage(year) && !input.options?.ruleSetId) {
    warnings.push({
      code: 'before_coverage',
      message: `Năm ${year} trước thời điểm NĐ 91/2017/NĐ-CP có hiệu lực; tạm áp dụng ${ruleSet.name}, cần đối chiếu quy định khi đó`,
      verified: false,
    });
  }
  if (ruleSet.draft) {
    warnings.push({
      code: 'draft_rule_set',
      message: `Đang áp dụng ${ruleSet.name}: kết quả chỉ để tham khảo`,
      basis: ruleSet.documents[0] ?? ruleSet.name,
      verified: false,
    });
  }

  // a reused run's evaluator keeps its memo and candidate cache: new judgements share its objects
  const ev = reuse?.evaluator ?? new Evaluator(year, settings, ruleSet);
  ev.counts = {};
  const kept: RunState['people'] = new Map();

  // ---- individuals ----
  // `kept` is also the members' state the collectives read (the last record of a repeated id wins)
  const tallies = new Map<string, UnitTally>();
  const peopleOut: SubjectEligibility[] = [];
  const order: RunState['order'] = [];
  for (let i = 0; i < input.people.length; i++) {
    if (i > 0 && i % PEOPLE_PER_SLICE === 0) yield;
    const person = input.people[i]!;
    // the same place in the previous input is the usual hit (one lookup fewer per person)
    const stood = standing?.people.get(person.personId);
    let entry = stood ? undefined : reuse?.order[i];
    if (!stood && entry?.state.personId !== person.personId) entry = reuse?.people.get(person.personId);
    if (stood) {
      for (const c of stood.candidates) ev.bump(c.code, c.verdict);
      entry = { state: { personId: person.personId, person, candidates: stood.candidates }, subject: stood };
    } else if (entry && sameHistory(entry.state.person, person)) {
      for (const c of entry.subject.candidates) ev.bump(c.code, c.verdict);
    } else {
      const subject = ev.person(person);
      entry = { state: { personId: person.personId, person, candidates: subject.candidates }, subject };
    }
    const { subject, state } = entry;
    const known = kept.size;
    kept.set(person.personId, entry);
    // the id was there already (one lookup fewer than asking first)
    if (kept.size === known) {
      warnings.push({
        code: 'duplicate_person',
        message: `Mã cán bộ ${person.personId} (${person.name}) xuất hiện nhiều lần; tập thể dùng bản ghi sau cùng`,
        verified: true,
        personIds: [person.personId],
      });
    }
    order.push(entry);
    peopleOut.push(subject);
    let tally = tallies.get(person.unitId);
    if (!tally) tallies.set(person.unitId, (tally = { ldtt: 0, cstdcs: [] }));
    if (memberVerdict(state, 'LDTT') === 'du_dieu_kien') tally.ldtt++;
    if (memberVerdict(state, 'CSTDCS') === 'du_dieu_kien') tally.cstdcs.push(person.personId);
  }

  // ---- collectives ----
  yield;
  const unitsOut: SubjectEligibility[] = [];
  const unitNames = new Map<string, string>();
  const keptUnits: RunState['units'] = new Map();
  for (let u = 0; u < input.units.length; u++) {
    // a unit's rules read all its members: a top unit holds the whole office
    if (u > 0 && u % UNITS_PER_SLICE === 0) yield;
    const unit = input.units[u]!;
    unitNames.set(unit.unitId, unit.name);
    const memberIds = unit.years[year]?.memberIds ?? unit.memberIds;
    const results = memberIds.map((id) => kept.get(id)?.state.candidates);
    const before = reuse?.units.get(unit.unitId);
    const stood = standing?.units.get(unit.unitId);
    let subject: SubjectEligibility;
    if (stood) {
      subject = stood;
      for (const c of subject.candidates) ev.bump(c.code, c.verdict);
    } else if (before && sameUnit(before, unit, memberIds, results)) {
      subject = before.subject;
      for (const c of subject.candidates) ev.bump(c.code, c.verdict);
    } else {
      const members = memberIds.map((id): MemberState => kept.get(id)?.state ?? { personId: id, candidates: NO_CANDIDATES });
      subject = ev.unit(unit, members);
    }
    keptUnits.set(unit.unitId, { unit, memberIds, results, subject });
    unitsOut.push(subject);
  }

  // ---- CSTĐCS quota: a warning per unit, never a verdict change ----
  const pct = settings.cstdcsQuotaPercent;
  for (const [unitId, t] of tallies) {
    if (t.cstdcs.length === 0 || t.cstdcs.length * 100 <= t.ldtt * pct) continue;
    const max = Math.floor((t.ldtt * pct) / 100 + 1e-9);
    const share = t.ldtt > 0 ? `${String(Math.round((t.cstdcs.length * 1000) / t.ldtt) / 10).replace('.', ',')}%` : 'không xác định';
    // the council chooses; among people who qualify alike, women first (where the rules say so)
    const wp = ruleSet.womenPriority;
    const women = wp ? t.cstdcs.filter((id) => kept.get(id)?.state.person.gender === 'nu').length : 0;
    const note = womenPriorityNote(women, wp);
    const tie = note && `; trong số này ${note}`;
    warnings.push({
      code: 'cstdcs_quota',
      message:
        `${unitNames.get(unitId) ?? unitId}: ${t.cstdcs.length} người đủ điều kiện CSTĐCS trên ${t.ldtt} người đủ điều kiện LĐTT (${share}), ` +
        `vượt tỷ lệ ${pct}% (tối đa ${max} người); Hội đồng TĐKT cần bình xét chọn${tie}`,
      basis: ruleSet.quota.basis,
      verified: ruleSet.quota.verified && (tie === '' || wp!.verified),
      unitId,
      personIds: t.cstdcs,
    });
  }

  const report: EligibilityReport = {
    year,
    ruleSet: summarize(ruleSet),
    settings,
    people: peopleOut,
    units: unitsOut,
    warnings,
    counts: ev.counts,
  };
  runStates.set(report, { year, settingsKey, ruleSet, evaluator: ev, people: kept, order, units: keptUnits });
  return report;
}
