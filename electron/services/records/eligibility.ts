// The eligibility check for a year and a unit subtree (or the whole office): load the
// histories, run the pure checker, validate its report with the awards schema, and send it
// compactly — explanation items and candidates shared by many people are sent once.
//
// A run is kept per connection, and in the file (eligibility-snapshot.ts), until something it
// read changes (the file's change stamp, migration 10), so the screen can page, filter and
// search through the server: each answer is a window of subjects with only the candidates and
// items that window needs.
import type BetterSqlite3 from 'better-sqlite3';
import {
  candidateResultSchema,
  checkEligibility,
  checkEligibilitySteps,
  drain,
  hasYearResult,
  timed,
  runInSlices,
  eligibilityReportSchema,
  subjectEligibilitySchema,
  type AwardCode,
  type CandidateResult,
  type EligibilityReport,
  type ExplanationItem,
  type PersonHistory,
  type Steps,
  type SubjectEligibility,
} from '../../../shared/awards';
import { AppError } from '../../../shared/contract/errors';
import type { CompactCandidate, EligibilityCheckQuery, EligibilitySubject, EligibilityView } from '../../../shared/contract/records';
import { compareVi, foldQuery, foldVi, givenName, matchesQuery } from '../../../shared/text/vn';
import {
  cachedHistories,
  cachedHistoriesSteps,
  collectivesOf,
  getUnitLite,
  listRegistrations,
  readForPatch,
  recipientsOfDecisions,
  staffOrder,
  subtreeOf,
  unitsLite,
  type HistoryScope,
  type StaffLite,
  type YearMember,
} from '../../../db/repositories/records';
import { changeStamp, readSnapshot, snapshotStamp, touchesSince, writeSnapshot } from '../../../db/repositories/snapshots';
import { readAwardSettings } from './settings';
import { SNAPSHOT_RULES, decodeRun, encodeRun, type SnapshotRow } from './eligibility-snapshot';

/** PersonHistory.unitId of people without a unit. */
export const NO_UNIT_ID = 'chua-xep-don-vi';
export const NO_UNIT_NAME = 'Chưa xếp đơn vị';

export interface EligibilityRun {
  report: EligibilityReport;
  /** every subject (window: null) */
  view: EligibilityView;
}

type Query = EligibilityCheckQuery;

/** One subject of a kept run, with what the filters read (the file keeps them as they are). */
type Row = SnapshotRow;

/** A run kept for answering windows until the data change. */
interface KeptRun {
  /** the file's change stamp read before the run read anything: kept while it has not moved */
  stamp: number;
  /** computed from the connection's kept histories (false: taken from the file) */
  live: boolean;
  /** written to the file under `stamp` (or taken from it) */
  saved: boolean;
  /** an earlier run brought up to date by judging again only the people touched since (patchRun) */
  patched: boolean;
  report: EligibilityReport;
  head: Pick<EligibilityView, 'year' | 'unitId' | 'unitName' | 'ruleSet' | 'warnings' | 'counts' | 'personUnits' | 'codes' | 'timing'>;
  /** in Vietnamese order */
  people: Row[];
  /** the same rows in the report's order: table order, as a full read gives people */
  order: Row[];
  units: Row[];
  /** the last filter's matching rows (scrolling asks for the next windows of the same filter) */
  matched: { key: string; rows: Row[] } | null;
  view: EligibilityView | null;
  /** people with no rating for the year (unratedOf: counted when first asked) */
  unrated?: number;
}

/**
 * People the run judged whose year gives the rules no result to judge by (no rating; maternity
 * leave without one where the settings count it is a result). Before the year-end grid is filled
 * in, this is most of the office, and their "gần đủ" says only that; the screen points to the grid.
 */
function unratedOf(run: KeptRun): number {
  if (run.unrated !== undefined) return run.unrated;
  const { year, settings } = run.report;
  let n = 0;
  for (const r of run.people) if (r.person && !hasYearResult(r.person.years[year], settings)) n++;
  return (run.unrated = n);
}

const RUNS_KEPT = 4;
const runs = new WeakMap<BetterSqlite3.Database, Map<string, KeptRun>>();

/** Items and candidates renumbered for one answer (shared objects are sent once). */
class Compactor {
  readonly items: ExplanationItem[] = [];
  readonly candidates: CompactCandidate[] = [];
  private readonly itemIndex = new Map<ExplanationItem, number>();
  private readonly candidateIndex = new Map<CandidateResult, number>();

  candidate(c: CandidateResult): number {
    let i = this.candidateIndex.get(c);
    if (i !== undefined) return i;
    const refs = c.items.map((it) => {
      let k = this.itemIndex.get(it);
      if (k === undefined) {
        k = this.items.length;
        this.items.push(it);
        this.itemIndex.set(it, k);
      }
      return k;
    });
    i = this.candidates.length;
    this.candidates.push({ code: c.code, name: c.name, verdict: c.verdict, verified: c.verified, missingCount: c.missingCount, items: refs });
    this.candidateIndex.set(c, i);
    return i;
  }

  subject(r: Row): EligibilitySubject {
    const s = r.s;
    return {
      kind: s.kind,
      id: s.id,
      name: s.name,
      unitId: r.unitId,
      unitName: r.unitName,
      birthDate: r.birthDate,
      gender: r.gender,
      candidates: s.candidates.map((c) => this.candidate(c)),
      registered: r.registered,
    };
  }
}

/**
 * Ranks of people's names in Vietnamese order (given name, then full name), kept across runs:
 * sorting 30,000 people by rank is integer work, and only names not seen before are compared
 * with the collator. Names that compare equal but differ in spelling get neighbouring ranks.
 */
class NameRanks {
  private sorted: string[] = [];
  private givens: string[] = [];
  private readonly rank = new Map<string, number>();

  private static compare(a: string, ga: string, b: string, gb: string): number {
    return compareVi(ga, gb) || compareVi(a, b);
  }

  get size(): number {
    return this.rank.size;
  }

  of(name: string): number {
    return this.rank.get(name)!;
  }

  ensure(names: Iterable<string>): void {
    const missing = new Set<string>();
    for (const n of names) if (!this.rank.has(n)) missing.add(n);
    if (missing.size === 0) return;
    const add = [...missing].map((n) => ({ n, g: givenName(n) }));
    // rank the few hundred distinct given names once, so most comparisons are integer ones
    // (given names equal to the collator — Anh, Ánh — share a rank)
    const gs = [...new Set(add.map((e) => e.g))].sort(compareVi);
    const gRank = new Map<string, number>();
    gs.forEach((g, i) => gRank.set(g, i > 0 && compareVi(gs[i - 1]!, g) === 0 ? gRank.get(gs[i - 1]!)! : i));
    add.sort((a, b) => gRank.get(a.g)! - gRank.get(b.g)! || compareVi(a.n, b.n));
    if (this.sorted.length === 0) {
      this.sorted = add.map((e) => e.n);
      this.givens = add.map((e) => e.g);
    } else if (add.length * 32 < this.sorted.length) {
      // a few new names (a person added or renamed): binary search each
      for (const e of add) {
        let lo = 0;
        let hi = this.sorted.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (NameRanks.compare(this.sorted[mid]!, this.givens[mid]!, e.n, e.g) <= 0) lo = mid + 1;
          else hi = mid;
        }
        this.sorted.splice(lo, 0, e.n);
        this.givens.splice(lo, 0, e.g);
      }
    } else {
      // merge two sorted lists: one collator comparison per step
      const names: string[] = [];
      const givens: string[] = [];
      let i = 0;
      let j = 0;
      while (i < this.sorted.length || j < add.length) {
        const takeOld =
          j >= add.length || (i < this.sorted.length && NameRanks.compare(this.sorted[i]!, this.givens[i]!, add[j]!.n, add[j]!.g) <= 0);
        if (takeOld) {
          names.push(this.sorted[i]!);
          givens.push(this.givens[i++]!);
        } else {
          names.push(add[j]!.n);
          givens.push(add[j++]!.g);
        }
      }
      this.sorted = names;
      this.givens = givens;
    }
    this.sorted.forEach((n, i) => this.rank.set(n, i));
  }
}

let nameRanks = new NameRanks();
/** a bound on the names remembered (renames over a long session, several databases) */
const MAX_NAMES = 200_000;
/** more than any office's people (keys stay far below 2^53) */
const POSITIONS = 2 ** 20;

/** People in Vietnamese order (given name, then full name), stable among equal names. */
function sortPeople(rows: Row[]): Row[] {
  if (nameRanks.size > MAX_NAMES) nameRanks = new NameRanks();
  const ranks = nameRanks;
  ranks.ensure(rows.map((r) => r.s.name));
  if (rows.length >= POSITIONS) return rows.map((r, i) => ({ r, k: ranks.of(r.s.name), i })).sort((a, b) => a.k - b.k || a.i - b.i).map((e) => e.r);
  // rank · 2^20 + position, sorted as plain numbers (no comparator calls)
  const keys = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) keys[i] = ranks.of(rows[i]!.s.name) * POSITIONS + i;
  keys.sort();
  const out = new Array<Row>(rows.length);
  for (let i = 0; i < keys.length; i++) out[i] = rows[keys[i]! % POSITIONS]!;
  return out;
}

/** Run the checker (or take the kept run) for a year and scope. */
/** What a kept run is kept under: everything the run depends on besides the data. */
function runKey(settings: ReturnType<typeof readAwardSettings>, year: number, unitId: string | null, officeName: string): string {
  // the build's rules too: whether the file keeps a run for them is known without reading it
  return JSON.stringify([SNAPSHOT_RULES, year, unitId, officeName, settings.provincial, settings.enableDraftAmendment]);
}

function remember(sqlite: BetterSqlite3.Database, key: string, run: KeptRun): void {
  let byKey = runs.get(sqlite);
  if (!byKey) runs.set(sqlite, (byKey = new Map()));
  // most recently used last
  byKey.delete(key);
  byKey.set(key, run);
  while (byKey.size > RUNS_KEPT) byKey.delete(byKey.keys().next().value!);
}

/** The run saved in the file under this key, if the file has not changed since. */
function savedRun(sqlite: BetterSqlite3.Database, key: string, stamp: number): KeptRun | null {
  const row = readSnapshot(sqlite, key);
  if (!row || row.stamp !== stamp) return null;
  const run = decodeRun<KeptRun['head']>(row.payload);
  if (!run) return null;
  return { ...run, stamp, live: false, saved: true, patched: false, matched: null, view: null };
}

function saveRun(sqlite: BetterSqlite3.Database, key: string, run: KeptRun): void {
  if (run.saved || run.stamp < 0 || sqlite.inTransaction || !sqlite.open || changeStamp(sqlite) !== run.stamp) return;
  writeSnapshot(sqlite, key, run.stamp, encodeRun(run), new Date().toISOString());
  run.saved = true;
}

const SAVE_DELAY_MS = 2000;
const saveTimers = new WeakMap<BetterSqlite3.Database, ReturnType<typeof setTimeout>>();

function saveSoon(sqlite: BetterSqlite3.Database): void {
  if (saveTimers.has(sqlite)) return;
  const t = setTimeout(() => {
    saveTimers.delete(sqlite);
    if (sqlite.open) saveKeptRuns(sqlite);
  }, SAVE_DELAY_MS);
  t.unref?.();
  saveTimers.set(sqlite, t);
}

/**
 * Write the connection's kept runs that the file does not hold yet (the core calls this
 * before it closes the database), so the next start answers its first check from the file.
 */
export function saveKeptRuns(sqlite: BetterSqlite3.Database): void {
  const timer = saveTimers.get(sqlite);
  if (timer) {
    clearTimeout(timer);
    saveTimers.delete(sqlite);
  }
  for (const [key, run] of runs.get(sqlite) ?? []) {
    try {
      saveRun(sqlite, key, run);
    } catch {
      // best effort: a run not saved is computed again next time
    }
  }
}

/** The warm-up's run in progress on a connection (makeEligibilityLive). */
const pending = new WeakMap<BetterSqlite3.Database, Steps<unknown>>();

/**
 * Abandon the warm-up's run in progress (the settings changed: it would be kept under the old
 * ones); what it read of the records stays with the connection's kept histories only when whole.
 */
export function dropPendingRun(sqlite: BetterSqlite3.Database): void {
  pending.delete(sqlite);
}

/** Finish the warm-up's run in progress now: a call must not see the runs half made. */
function finishPending(sqlite: BetterSqlite3.Database): void {
  const steps = pending.get(sqlite);
  if (!steps) return;
  pending.delete(sqlite);
  try {
    drain(steps);
  } catch {
    // the warm-up is best effort: the call's own run reports what is wrong
  }
}

function keptRun(sqlite: BetterSqlite3.Database, year: number, unitId: string | null, officeName: string): KeptRun {
  // a current run, or one patched, answers at once, even while the warm-up's run is being made
  const quick = quickRun(sqlite, year, unitId, officeName);
  if (quick) return quick;
  if (!pending.has(sqlite)) return drain(fullRunSteps(sqlite, year, unitId, officeName));
  // the warm-up's run may be the one asked for: finished first, then looked for again
  finishPending(sqlite);
  return drain(keptRunSteps(sqlite, year, unitId, officeName));
}

/** What a run covers: the history scope, and its name on the screen. */
function scopeOf(sqlite: BetterSqlite3.Database, year: number, unitId: string | null, officeName: string) {
  let scope: Set<string> | null = null;
  let scopeName = officeName || 'Toàn cơ quan';
  if (unitId) {
    const unit = getUnitLite(sqlite, unitId);
    if (!unit) throw new AppError('NOT_FOUND', 'Đơn vị đã chọn không còn tồn tại. Hãy chọn lại đơn vị.');
    scope = subtreeOf(unitsLite(sqlite), unitId);
    scopeName = unit.name;
  }
  return { historyScope: { year, unitIds: scope, noUnitId: NO_UNIT_ID } as HistoryScope, where: { year, unitId, scopeName } };
}

/**
 * The run that answers without reading the office: this connection's while current (a live one
 * when `live`), else — not for `live` — the file's while current, or either brought up to date
 * by a patch. Null when the office must be read.
 */
function quickRun(sqlite: BetterSqlite3.Database, year: number, unitId: string | null, officeName: string, opts: { live?: boolean } = {}): KeptRun | null {
  // inside a transaction uncommitted writes may be rolled back: nothing is kept
  if (sqlite.inTransaction) return null;
  const settings = readAwardSettings(sqlite);
  const stamp = changeStamp(sqlite);
  const key = runKey(settings, year, unitId, officeName);
  const hit = runs.get(sqlite)?.get(key);
  if (hit && hit.stamp === stamp && (hit.live || !opts.live)) {
    remember(sqlite, key, hit);
    return hit;
  }
  // a live run out of date is brought up to date from the connection's kept histories
  if (opts.live || hit?.live) return null;
  if (!hit) {
    const saved = savedRun(sqlite, key, stamp);
    if (saved) {
      remember(sqlite, key, saved);
      return saved;
    }
  }
  const t0 = performance.now();
  const { historyScope, where } = scopeOf(sqlite, year, unitId, officeName);
  let patched: KeptRun | null = null;
  try {
    patched = patchRun(sqlite, key, hit, settings, historyScope, stamp, where, t0);
  } catch {
    // a patch is a shortcut: whatever stops it, the full run reads the office and reports
  }
  if (patched) remember(sqlite, key, patched);
  return patched;
}

/** keptRun in slices: reading the office and judging its people yield between ranges of people. */
function* keptRunSteps(sqlite: BetterSqlite3.Database, year: number, unitId: string | null, officeName: string, opts: { live?: boolean } = {}): Steps<KeptRun> {
  return quickRun(sqlite, year, unitId, officeName, opts) ?? (yield* fullRunSteps(sqlite, year, unitId, officeName));
}

/** A run from the office's records (the connection's kept histories, re-read where they changed). */
function* fullRunSteps(sqlite: BetterSqlite3.Database, year: number, unitId: string | null, officeName: string): Steps<KeptRun> {
  const settings = readAwardSettings(sqlite);
  // -1 inside a transaction: uncommitted writes may be rolled back, nothing is kept
  const stamp = sqlite.inTransaction ? -1 : changeStamp(sqlite);
  const key = runKey(settings, year, unitId, officeName);
  const hit = runs.get(sqlite)?.get(key);
  // the time of the work itself, not of the calls answered between its slices
  const load = { ms: 0 };
  const check = { ms: 0 };
  const t0 = performance.now();
  const { historyScope, where } = scopeOf(sqlite, year, unitId, officeName);
  load.ms += performance.now() - t0;

  const loaded = sqlite.inTransaction ? cachedHistories(sqlite, historyScope) : yield* timed(cachedHistoriesSteps(sqlite, historyScope), load);
  const report = yield* timed(checkEligibilitySteps({
    year,
    people: loaded.people,
    units: loaded.units,
    settings: settings.provincial,
    options: { enableDraftAmendment: settings.enableDraftAmendment },
    // people whose histories the kept base did not re-read keep their verdicts
    previous: hit?.report,
  }), check);
  yield* validateReportSteps(report);
  yield;

  const registered = registrationsOf(sqlite, year);
  // report.people[i] judges loaded.people[i], whose staff row is loaded.members[i]
  yield;
  const rows = report.people.map((s, i): Row => {
    const m: YearMember | undefined = loaded.members[i];
    return m?.staff.id === s.id ? personRow(s, m.staff, loaded.people[i], loaded.unitsById, registered) : personRow(s, undefined, undefined, loaded.unitsById, registered);
  });
  yield;
  const people = sortPeople(rows);
  yield;
  const units = unitRows(report, registered);

  const run = makeRun(report, rows, people, units, where, {
    stamp: loaded.generation >= 0 ? stamp : -1,
    live: true,
    // the same data as the run taken from the file: the file holds it already
    saved: !!hit?.saved && hit.stamp === stamp,
    patched: false,
    timing: { loadMs: Math.round(load.ms), checkMs: Math.round(check.ms) },
  });
  if (run.stamp >= 0) {
    remember(sqlite, key, run);
    // a run from nothing kept took seconds: the file keeps it for the next start, soon after
    // the answer has gone (encoding 30,000 subjects takes ≈0.4 s); later re-checks are saved
    // when the core closes
    if (!hit) saveSoon(sqlite);
  }
  return run;
}

type Registered = ReturnType<typeof registrationsOf>;
const NONE: string[] = [];

/** The year's registrations by person and by unit (award codes). */
function registrationsOf(sqlite: BetterSqlite3.Database, year: number) {
  const registered = { person: new Map<string, string[]>(), unit: new Map<string, string[]>() };
  for (const r of listRegistrations(sqlite, year)) {
    const byId = r.subject_kind === 'person' ? registered.person : registered.unit;
    const k = (r.subject_kind === 'person' ? r.staff_id : r.unit_id) ?? '';
    const list = byId.get(k);
    if (list) list.push(r.award_code);
    else byId.set(k, [r.award_code]);
  }
  return registered;
}

/** A person's row: the subject with what the screen's filters read, and the history judged. */
function personRow(
  s: SubjectEligibility,
  staff: StaffLite | undefined,
  person: PersonHistory | undefined,
  unitsById: ReadonlyMap<string, { name: string }>,
  registered: Registered,
): Row {
  const uId = s.unitId && s.unitId !== NO_UNIT_ID ? s.unitId : null;
  return {
    person,
    s,
    unitId: uId,
    unitName: (uId && unitsById.get(uId)?.name) || NO_UNIT_NAME,
    birthDate: staff?.birthDate ?? null,
    gender: staff?.gender ?? null,
    registered: registered.person.get(s.id) ?? NONE,
    key: staff?.nameKey || foldVi(s.name),
  };
}

/** The collectives' rows, in Vietnamese order of their names. */
function unitRows(report: EligibilityReport, registered: Registered): Row[] {
  return report.units
    .map((s): Row => ({ s, unitId: s.id, unitName: s.name, birthDate: null, gender: null, registered: registered.unit.get(s.id) ?? NONE, key: foldVi(s.name) }))
    .sort((a, b) => compareVi(a.s.name, b.s.name));
}

/** A kept run of a report whose rows are made and sorted. */
function makeRun(
  report: EligibilityReport,
  order: Row[],
  people: Row[],
  units: Row[],
  where: { year: number; unitId: string | null; scopeName: string },
  run: Pick<KeptRun, 'stamp' | 'live' | 'saved' | 'patched'> & { timing: KeptRun['head']['timing'] },
): KeptRun {
  const personUnits = new Map<string, string>();
  for (const r of people) if (r.unitId) personUnits.set(r.unitId, r.unitName);
  // every subject of a kind is judged for the same awards (the rule set's list for that kind)
  const codesOf = (rows: Row[]): AwardCode[] => rows[0]?.s.candidates.map((c) => c.code) ?? [];
  const counts: EligibilityView['counts'] = {};
  for (const [code, c] of Object.entries(report.counts)) if (c) counts[code] = c;
  return {
    stamp: run.stamp,
    live: run.live,
    saved: run.saved,
    patched: run.patched,
    report,
    head: {
      year: where.year,
      unitId: where.unitId,
      unitName: where.scopeName,
      ruleSet: { ...report.ruleSet, documents: [...report.ruleSet.documents], effectiveTo: report.ruleSet.effectiveTo ?? null },
      warnings: report.warnings.map((w) => ({
        code: w.code,
        message: w.message.replaceAll(NO_UNIT_ID, NO_UNIT_NAME),
        basis: w.basis ?? null,
        verified: w.verified,
        unitId: w.unitId && w.unitId !== NO_UNIT_ID ? w.unitId : null,
        personIds: w.personIds ?? [],
      })),
      counts,
      personUnits: [...personUnits].map(([id, name]) => ({ id, name })).sort((a, b) => compareVi(a.name, b.name)),
      codes: { individual: codesOf(people), collective: codesOf(units) },
      timing: run.timing,
    },
    people,
    order,
    units,
    matched: null,
    view: null,
  };
}

/** Above this many people touched since a kept run (an import, a bundle), reading everything is cheaper than a patch. */
const PATCH_LIMIT = 2000;

/**
 * A kept run (this connection's, or the file's) brought up to the current data without reading
 * the whole office: the people touched since its stamp (migration 11's log) are read and judged
 * again, as are the collectives they were or are members of (every collective when units
 * changed: the tree, names, their years or titles); everyone else's verdicts stand
 * (EligibilityInput.standing), and the collectives read of them only what their rows keep of
 * them (MemberState). People's verdicts never read units. Counts, warnings, order and rows come
 * out as a full run's. Null when a patch cannot do: nothing kept, too much changed, or units
 * changed under one unit's run (its subtree may have changed).
 */
function patchRun(
  sqlite: BetterSqlite3.Database,
  key: string,
  hit: KeptRun | undefined,
  settings: ReturnType<typeof readAwardSettings>,
  scope: HistoryScope,
  stamp: number,
  where: { year: number; unitId: string | null; scopeName: string },
  t0: number,
): KeptRun | null {
  let payload: Buffer | null = null;
  let since: number;
  if (hit) since = hit.stamp;
  else {
    const row = readSnapshot(sqlite, key);
    if (!row || row.stamp > stamp) return null;
    since = row.stamp;
    payload = row.payload;
  }
  const touches = touchesSince(sqlite, since, PATCH_LIMIT);
  if (!touches) return null;
  if (touches.decisions.size) {
    const r = recipientsOfDecisions(sqlite, [...touches.decisions]);
    if (r.units) touches.units = true;
    for (const id of r.people) touches.people.add(id);
    if (touches.people.size > PATCH_LIMIT) return null;
  }
  // units changed (the tree, names, their years or titles): every collective is judged again;
  // a unit's subtree may have changed, and with it who is in a unit's run
  if (touches.units && scope.unitIds) return null;
  let prev = hit;
  if (!prev) {
    const decoded = decodeRun<KeptRun['head']>(payload!);
    if (!decoded) return null;
    prev = { ...decoded, stamp: since, live: false, saved: true, patched: false, matched: null, view: null };
  }

  const changed = touches.people;
  const { touched, parts } = readForPatch(sqlite, changed, scope);
  const now = new Map<string, number>();
  touched.people.forEach((p, i) => now.set(p.personId, i));
  const registered = registrationsOf(sqlite, scope.year);

  // the report's order is table order: those who stand, and the touched ones who count for the
  // year in the scope now, where they were (a row's place never changes)
  type Entry = { person: PersonHistory; unitId: string | null; row: Row | null; staff?: StaffLite };
  let entries: Entry[] = [];
  const oldUnits: Array<string | null> = [];
  for (const r of prev.order) {
    const { s } = r;
    const uId = s.unitId && s.unitId !== NO_UNIT_ID ? s.unitId : null;
    if (!changed.has(s.id)) {
      if (!r.person) return null;
      entries.push({ person: r.person, unitId: uId, row: r });
      continue;
    }
    oldUnits.push(uId);
    const i = now.get(s.id);
    if (i === undefined) continue;
    now.delete(s.id);
    entries.push({ person: touched.people[i]!, unitId: touched.members[i]!.unitId, row: null, staff: touched.members[i]!.staff });
  }
  if (now.size) {
    // people who count now and did not (added, restored, moved into the scope): placed by table order
    for (const i of now.values()) entries.push({ person: touched.people[i]!, unitId: touched.members[i]!.unitId, row: null, staff: touched.members[i]!.staff });
    const order = staffOrder(sqlite);
    const keyed = entries.map((e) => ({ e, at: order.get(e.person.personId) }));
    if (keyed.some((k) => k.at === undefined)) return null;
    entries = keyed.sort((a, b) => a.at! - b.at!).map((k) => k.e);
  }

  // collectives as a full read makes them; those a touched person was or is in are judged again
  const { units, chainOf } = collectivesOf(
    entries.map((e) => ({ staff: { id: e.person.personId }, unitId: e.unitId })),
    parts,
    scope.unitIds,
  );
  const affected = new Set<string>();
  for (const u of oldUnits) if (u) for (const id of chainOf(u)) affected.add(id);
  for (const e of entries) if (!e.row && e.unitId) for (const id of chainOf(e.unitId)) affected.add(id);
  const standingUnits = new Map<string, SubjectEligibility>();
  if (!touches.units) for (const r of prev.units) if (!affected.has(r.s.id)) standingUnits.set(r.s.id, r.s);
  const prevById = new Map<string, SubjectEligibility>();
  for (const r of prev.order) prevById.set(r.s.id, r.s);

  const t1 = performance.now();
  const report = checkEligibility({
    year: scope.year,
    people: entries.map((e) => e.person),
    units,
    settings: settings.provincial,
    options: { enableDraftAmendment: settings.enableDraftAmendment },
    standing: { people: { get: (id) => (changed.has(id) ? undefined : prevById.get(id)) }, units: standingUnits },
  });
  const t2 = performance.now();
  // what stands was checked when it was made (or read back from the file)
  for (const e of entries) if (e.row) validSubjects.add(e.row.s);
  for (const s of standingUnits.values()) validSubjects.add(s);
  validateReport(report);

  // rows: those who stand keep theirs (new ones when their registrations or unit's name changed)
  const renewed = touches.registrations || touches.units ? new Map<Row, Row>() : null;
  const order = report.people.map((s, i): Row => {
    const e = entries[i]!;
    if (!e.row) return personRow(s, e.staff, e.person, parts.unitsById, registered);
    if (!renewed) return e.row;
    const r = { ...e.row };
    if (touches.registrations) r.registered = registered.person.get(s.id) ?? NONE;
    if (touches.units) r.unitName = (r.unitId && parts.unitsById.get(r.unitId)?.name) || NO_UNIT_NAME;
    renewed.set(e.row, r);
    return r;
  });
  const fresh = order.filter((r, i) => !entries[i]!.row);
  const kept = prev.people.filter((r) => !changed.has(r.s.id)).map((r) => renewed?.get(r) ?? r);
  const people = insertPeople(kept, fresh, order);
  return makeRun(report, order, people, unitRows(report, registered), where, {
    stamp,
    live: false,
    saved: false,
    patched: true,
    timing: { loadMs: Math.round(t1 - t0), checkMs: Math.round(t2 - t1) },
  });
}

/**
 * People in Vietnamese order: `sorted` (in that order already) with `add` put in place, as
 * sortPeople orders them — given name, full name, then the report's order (`order`).
 */
function insertPeople(sorted: Row[], add: Row[], order: readonly Row[]): Row[] {
  if (add.length === 0) return sorted;
  let at: Map<Row, number> | null = null;
  const position = (r: Row) => {
    if (!at) {
      at = new Map();
      order.forEach((o, i) => at!.set(o, i));
    }
    return at.get(r)!;
  };
  const givens = new Map<Row, string>();
  const given = (r: Row) => {
    let g = givens.get(r);
    if (g === undefined) givens.set(r, (g = givenName(r.s.name)));
    return g;
  };
  const before = (a: Row, b: Row) => (compareVi(given(a), given(b)) || compareVi(a.s.name, b.s.name) || position(a) - position(b)) < 0;
  const out = sorted.slice();
  for (const r of add) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(out[mid]!, r)) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, r);
  }
  return out;
}

/** Every subject, compact (what runEligibility returns; built once per kept run). */
function fullView(run: KeptRun): EligibilityView {
  if (run.view) return run.view;
  const c = new Compactor();
  const people = run.people.map((r) => c.subject(r));
  const units = run.units.map((r) => c.subject(r));
  run.view = {
    ...run.head,
    unrated: unratedOf(run),
    items: c.items,
    candidates: c.candidates,
    people,
    units,
    total: { people: people.length, units: units.length },
    window: null,
  };
  return run.view;
}

function matcher(q: Query): ((r: Row) => boolean) | null {
  const search = foldQuery(q.search);
  const { inUnit, verdict, code } = q;
  if (!search.words.length && !inUnit && !verdict && !code) return null;
  return (r) => {
    if (inUnit && r.unitId !== inUnit) return false;
    if (search.words.length && !matchesQuery(r.key, search)) return false;
    if (code || verdict) {
      let ok = false;
      for (const c of r.s.candidates) {
        if ((!code || c.code === code) && (!verdict || c.verdict === verdict)) {
          ok = true;
          break;
        }
      }
      if (!ok) return false;
    }
    return true;
  };
}

/** One window of one kind, after the filters. */
function windowView(run: KeptRun, q: Query & { limit: number }): EligibilityView {
  const all = q.kind === 'individual' ? run.people : run.units;
  const fkey = JSON.stringify([q.kind, q.inUnit, q.verdict, q.code, foldVi(q.search)]);
  let rows: Row[];
  if (run.matched?.key === fkey) rows = run.matched.rows;
  else {
    const match = matcher(q);
    rows = match ? all.filter(match) : all;
    run.matched = { key: fkey, rows };
  }
  const c = new Compactor();
  const subjects = rows.slice(q.offset, q.offset + q.limit).map((r) => c.subject(r));
  return {
    ...run.head,
    // the quota's list of people can run to thousands of ids; the screen shows only the message
    warnings: run.head.warnings.map((w) => (w.personIds.length ? { ...w, personIds: [] } : w)),
    unrated: unratedOf(run),
    items: c.items,
    candidates: c.candidates,
    people: q.kind === 'individual' ? subjects : [],
    units: q.kind === 'collective' ? subjects : [],
    total: { people: run.people.length, units: run.units.length },
    window: { kind: q.kind, offset: q.offset, matched: rows.length },
  };
}

/** Whether a check of this year and scope would be answered from a kept run (no reading, no checking). */
export function hasKeptRun(sqlite: BetterSqlite3.Database, year: number, unitId: string | null, officeName: string, opts: { live?: boolean } = {}): boolean {
  const hit = runs.get(sqlite)?.get(runKey(readAwardSettings(sqlite), year, unitId, officeName));
  return !!hit && !sqlite.inTransaction && hit.stamp === changeStamp(sqlite) && (hit.live || !opts.live);
}

/** Where the current kept run of this year and scope came from (null: none is current). Tests and the bench. */
export function keptRunSource(sqlite: BetterSqlite3.Database, year: number, unitId: string | null, officeName: string): 'live' | 'file' | 'patch' | null {
  if (!hasKeptRun(sqlite, year, unitId, officeName)) return null;
  const run = runs.get(sqlite)!.get(runKey(readAwardSettings(sqlite), year, unitId, officeName))!;
  return run.live ? 'live' : run.patched ? 'patch' : 'file';
}

/**
 * Whether this year's whole-office check can be answered without reading the office: a run
 * kept by this connection or in the file (for these rules and settings), current or few
 * enough people touched since to be patched. Reads no run. The hosts compute the run at once
 * (in slices) when not, rather than seconds later.
 */
export function keepsUsableRun(sqlite: BetterSqlite3.Database, year: number, officeName: string): boolean {
  const key = runKey(readAwardSettings(sqlite), year, null, officeName);
  const stamp = runs.get(sqlite)?.get(key)?.stamp ?? snapshotStamp(sqlite, key);
  if (stamp === undefined || stamp < 0) return false;
  return stamp === changeStamp(sqlite) || touchesSince(sqlite, stamp, PATCH_LIMIT) !== null;
}

/**
 * The hosts' warm-up: keep this year's whole-office run ready if the file holds one, current
 * (≈0.2–0.3 s to read) or brought up to date by a patch (the records changed since it was
 * saved, by another program), so the checker screen's first answer is instant. It never runs
 * the whole check (≈1.3 s at province scale): makeEligibilityLive does, in slices, as the
 * warm-up's next step. True when a run is kept.
 */
export function warmEligibility(sqlite: BetterSqlite3.Database, year: number, officeName: string): boolean {
  try {
    return quickRun(sqlite, year, null, officeName) !== null;
  } catch {
    // best effort: the check itself reports what is wrong
    return false;
  }
}

/**
 * Compute a year's whole-office run from the records if the kept one came from the file (or
 * none is kept), so that the first re-check after an edit re-reads and re-judges only what
 * changed. Seconds at province scale, so it runs in slices of tens of milliseconds with
 * `pause()` between them (the hosts' warm-up: calls are answered between slices). A call that
 * needs the runs meanwhile finishes the rest at once. Resolves when done, when dropped
 * (dropPendingRun), or when the connection was closed.
 */
export async function makeEligibilityLive(sqlite: BetterSqlite3.Database, year: number, officeName: string, pause: () => Promise<void>): Promise<void> {
  finishPending(sqlite);
  if (sqlite.inTransaction || hasKeptRun(sqlite, year, null, officeName, { live: true })) return;
  await runInSlices(pending, sqlite, keptRunSteps(sqlite, year, null, officeName, { live: true }), pause);
}

/** eligibility.check: a window when `limit` is given, else every subject. */
export function checkView(sqlite: BetterSqlite3.Database, input: Query, officeName: string): EligibilityView {
  const run = keptRun(sqlite, input.year, input.unitId, officeName);
  if (input.limit === undefined) return fullView(run);
  return windowView(run, { ...input, limit: input.limit });
}

/** What an export lists: the run's head and, after the check's filters, its people and collectives (kind null: both). */
export function exportSubjects(
  sqlite: BetterSqlite3.Database,
  input: Omit<Query, 'offset' | 'limit' | 'kind'> & { kind: Query['kind'] | null },
  officeName: string,
): { head: KeptRun['head']; people: readonly Row[]; units: readonly Row[] } {
  const run = keptRun(sqlite, input.year, input.unitId, officeName);
  const match = matcher({ ...input, kind: input.kind ?? 'individual', offset: 0 });
  const pick = (kind: Query['kind'], rows: Row[]) => (input.kind !== null && input.kind !== kind ? [] : match ? rows.filter(match) : rows);
  return { head: run.head, people: pick('individual', run.people), units: pick('collective', run.units) };
}

/**
 * The whole report and every subject (the dossier checklist and builder read it). Both are
 * shared with later calls until the data change: treat them as read-only.
 */
export function runEligibility(sqlite: BetterSqlite3.Database, input: { year: number; unitId: string | null }, officeName: string): EligibilityRun {
  const run = keptRun(sqlite, input.year, input.unitId, officeName);
  return { report: run.report, view: fullView(run) };
}

/** Subjects and candidates already checked (a re-check reuses most of them; the checker never changes them). */
const validSubjects = new WeakSet<SubjectEligibility>();
const validCandidates = new WeakSet<CandidateResult>();

/**
 * The report checked against the awards schemas: the envelope with eligibilityReportSchema,
 * then every subject and every distinct candidate with the schema's own parts. Candidates and
 * items are shared objects (most people get the same verdict for the same reasons), so each
 * is checked once — the same checks as parsing the whole report, at a fraction of the cost.
 */
export function validateReport(report: EligibilityReport): void {
  drain(validateReportSteps(report));
}

/** Subjects validated between two yields of validateReportSteps. */
const SUBJECTS_PER_SLICE = 4000;

/** validateReport in slices of SUBJECTS_PER_SLICE subjects. */
function* validateReportSteps(report: EligibilityReport): Steps<void> {
  const fail = (path: string) => {
    throw new AppError('INTERNAL', `Kết quả kiểm tra điều kiện không đúng cấu trúc (${path}). Hãy báo lỗi này cho bộ phận hỗ trợ.`);
  };
  const envelope = eligibilityReportSchema.safeParse({ ...report, people: [], units: [] });
  if (!envelope.success) fail(envelope.error.issues[0]?.path.join('.') ?? '');
  let n = 0;
  for (const list of [report.people, report.units]) {
    for (const s of list) {
      if (++n % SUBJECTS_PER_SLICE === 0) yield;
      if (validSubjects.has(s)) continue;
      const shell = subjectEligibilitySchema.safeParse({ ...s, candidates: [] });
      if (!shell.success) fail(`${s.id}: ${shell.error.issues[0]?.path.join('.') ?? ''}`);
      for (const c of s.candidates) {
        if (validCandidates.has(c)) continue;
        const r = candidateResultSchema.safeParse(c);
        if (!r.success) fail(`${s.id} ${c.code}: ${r.error.issues[0]?.path.join('.') ?? ''}`);
        validCandidates.add(c);
      }
      validSubjects.add(s);
    }
  }
}
