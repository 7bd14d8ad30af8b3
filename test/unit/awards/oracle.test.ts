// The checker against a plain reading of the rules. The checker is built for speed (bit masks
// of years, memoised outcomes, shared candidates, numeric memo keys); this file re-states
// each rule the slow, obvious way — straight from the conventions in shared/awards/eligibility.ts
// and the rule comments in predicates.ts, without any of the checker's code — and compares, for
// random offices over every rule set and varied settings, each candidate's verdict and number
// of missing conditions and which of its items passed. A wrong key, mask or floor in the fast
// code shows up here as a person whose verdict differs.
import { describe, expect, it } from 'vitest';
import { checkEligibility, ruleSetFor } from '../../../shared/awards';
import type {
  AchievedTitle,
  AwardCode,
  CandidateResult,
  DisciplineForm,
  DisciplinePeriod,
  Initiative,
  PersonHistory,
  PersonYearFacts,
  ProvincialSettings,
  Rating,
  RuleSetOptions,
  UnitHistory,
} from '../../../shared/awards';
import { makeRng, type Rng } from '../../robustness/prng';

// ---- the plain reading ---------------------------------------------------------------------

const RANK: Record<Rating, number> = { HTXSNV: 4, HTTNV: 3, HTNV: 2, KHTNV: 1 };
const SEVERITY: Record<DisciplineForm, number> = { khien_trach: 1, canh_cao: 2, ha_bac_luong: 3, giang_chuc: 4, cach_chuc: 5, buoc_thoi_viec: 6 };
const SCOPE: Record<Initiative['scope'], number> = { co_so: 1, tinh: 2, toan_quoc: 3 };

/** One rule's result: passed, or how many atomic conditions are missing. */
interface Item {
  ruleId: string;
  passed: boolean;
  missing: number;
}
interface Cand {
  code: AwardCode;
  items: Item[];
  /** all items but the review one passed */
  substantive: boolean;
  substantiveMissing: number;
  verdict: 'du_dieu_kien' | 'gan_du' | 'chua_du';
  missingCount: number;
}

const pass = (ruleId: string): Item => ({ ruleId, passed: true, missing: 0 });
const miss = (ruleId: string, n = 1): Item => ({ ruleId, passed: false, missing: Math.max(1, n) });
const rule = (ruleId: string, ok: boolean, n = 1) => (ok ? pass(ruleId) : miss(ruleId, n));

function candidate(code: AwardCode, items: Item[]): Cand {
  const missing = items.reduce((n, i) => n + (i.passed ? 0 : i.missing), 0);
  const general = (i: Item) => i.ruleId.startsWith('general.');
  const substantiveMissing = items.reduce((n, i) => n + (i.passed || general(i) ? 0 : i.missing), 0);
  return {
    code,
    items,
    substantive: substantiveMissing === 0,
    substantiveMissing,
    verdict: missing === 0 ? 'du_dieu_kien' : missing === 1 ? 'gan_du' : 'chua_du',
    missingCount: missing,
  };
}

const regular = (p: PersonHistory, code: string, year: number) => p.titles.some((t) => t.code === code && t.year === year && t.basis === 'thuong_xuyen');

/** The latest regular `code` strictly before `year`. */
function lastRegular(p: PersonHistory, code: string, year: number): AchievedTitle | undefined {
  return p.titles.filter((t) => t.code === code && t.basis === 'thuong_xuyen' && t.year < year).sort((a, b) => b.year - a.year)[0];
}

function disciplineInForce(d: DisciplinePeriod, year: number): boolean {
  return d.from <= `${year}-12-31` && (d.to === undefined || d.to >= `${year}-01-01`);
}

function judgePerson(p: PersonHistory, year: number, s: ProvincialSettings, options: RuleSetOptions): Cand[] {
  const rs = ruleSetFor(year, options);
  const facts = (y: number): PersonYearFacts | undefined => p.years[y];
  const maternityCounts = (f: PersonYearFacts | undefined) => !f?.rating && !!f?.maternityLeave && s.maternityWithoutRatingCounts;
  const inits = (from: number, to: number) => p.initiatives.filter((i) => i.year >= from && i.year <= to);
  const review = rule('general.notUnderReview', facts(year)?.underReview !== true);
  const noDiscipline = rule('discipline.noneInForce', !p.disciplines.some((d) => disciplineInForce(d, year)));
  const now = new Map<AwardCode, Cand>();
  const out: Cand[] = [];
  const add = (c: Cand) => {
    now.set(c.code, c);
    out.push(c);
  };
  /** A year counts for `code` in a chain: this year by this run's result, earlier ones by a recorded regular title after the floor. */
  const holds = (code: AwardCode, y: number, floor: number | undefined) =>
    (floor === undefined || y >= floor) && (y === year ? now.get(code)!.substantive : regular(p, code, y));
  const floorOf = (code: string) => {
    const t = lastRegular(p, code, year);
    return t ? t.year + 1 : undefined;
  };
  const chain = (id: string, code: AwardCode, years: number[], floorCode: string) => {
    const floor = floorOf(floorCode);
    const missing = years.filter((y) => !holds(code, y, floor)).length;
    return rule(id, missing === 0, missing);
  };

  // LĐTT: the rating (a maternity year without one counts when the setting says so), no discipline
  const f = facts(year);
  add(candidate('LDTT', [review, rule('ldtt.rating', f?.rating ? RANK[f.rating] >= RANK[s.ldttMinRating] : maternityCounts(f)), noDiscipline]));

  // CSTĐCS: LĐTT (its substantive result) and the rule set's achievement
  const ldtt = now.get('LDTT')!;
  const hasInit = inits(year, year).length > 0;
  const excellent = f?.rating === 'HTXSNV';
  const achievement =
    rs.id === 'nd91_2017'
      ? [rule('cstdcs.initiative', hasInit)]
      : rs.id === 'du_thao_2026'
        ? [rule('cstdcs.excellent', excellent), rule('cstdcs.initiative', hasInit)]
        : [rule('cstdcs.excellentOrInitiative', hasInit || excellent)];
  add(candidate('CSTDCS', [review, rule('cstdcs.ldtt', ldtt.substantive, ldtt.substantiveMissing), ...achievement]));

  // CSTĐ cấp tỉnh: CSTĐCS three years running to this one; a province-wide initiative in them
  add(
    candidate('CSTD_TINH', [
      review,
      chain('cstdTinh.chain', 'CSTDCS', [year - 2, year - 1, year], 'CSTD_TINH'),
      rule('cstdTinh.initiative', inits(year - 2, year).some((i) => SCOPE[i.scope] >= SCOPE.tinh)),
    ]),
  );

  // CSTĐ toàn quốc: CSTĐ cấp tỉnh three years ago and now; a nationwide initiative in the six years
  add(
    candidate('CSTD_TOAN_QUOC', [
      review,
      chain('cstdToanQuoc.chain', 'CSTD_TINH', [year - 3, year], 'CSTD_TOAN_QUOC'),
      rule('cstdToanQuoc.initiative', inits(year - 5, year).some((i) => i.scope === 'toan_quoc')),
    ]),
  );

  // Bằng khen tỉnh: CSTĐCS last year and this, or ≥2 HTXSNV years running to now with 2
  // initiatives in them (years before an earlier regular Bằng khen tỉnh's next year not counted);
  // short of both, the closer path's shortfall
  const bkFloor = floorOf('BK_TINH');
  const missA = [year - 1, year].filter((y) => !holds('CSTDCS', y, bkFloor)).length;
  let start = year + 1;
  for (let y = year; (bkFloor === undefined || y >= bkFloor) && facts(y)?.rating === 'HTXSNV'; y--) start = y;
  const run = year - start + 1;
  const windowStart = Math.max(run >= 2 ? start : year - 1, bkFloor ?? -Infinity);
  const missB = Math.max(0, 2 - run) + Math.max(0, 2 - inits(windowStart, year).length);
  const bk = missA === 0 || missB === 0 ? pass('bkTinh.criteria') : miss('bkTinh.criteria', Math.min(missA, missB));
  add(candidate('BK_TINH', [review, noDiscipline, bk]));

  // the run of years rated HTTNV or better ending now, counted after the latest of `floorCodes`;
  // an unrated past year counts on maternity leave (setting) or with a regular LĐTT/CSTĐCS
  const goodRun = (floorCodes: string[]) => {
    const floors = floorCodes.map((c) => lastRegular(p, c, year)?.year).filter((y): y is number => y !== undefined);
    const floor = floors.length ? Math.max(...floors) + 1 : undefined;
    let first = year + 1;
    const years: number[] = [];
    for (let y = year; floor === undefined || y >= floor; y--) {
      const g = facts(y);
      const counts = g?.rating
        ? RANK[g.rating] >= RANK.HTTNV
        : maternityCounts(g) || (y < year && (regular(p, 'LDTT', y) || regular(p, 'CSTDCS', y)));
      if (!counts) break;
      first = y;
      years.push(y);
    }
    const cst = years.filter((y) => holds('CSTDCS', y, undefined)).length;
    const xs = years.filter((y) => facts(y)?.rating === 'HTXSNV').length;
    return { length: year - first + 1, cst, xs };
  };
  const NOT_NEAR = 2;

  // Bằng khen Thủ tướng: a regular Bằng khen tỉnh before; 5 good years after it with 3 CSTĐCS
  const ttgRun = goodRun(['BK_TINH', 'BK_TTG']);
  const ttgMissing = Math.max(0, 5 - ttgRun.length) + Math.max(0, 3 - ttgRun.cst);
  add(
    candidate('BK_TTG', [
      review,
      noDiscipline,
      rule('bkTtg.priorBk', lastRegular(p, 'BK_TINH', year) !== undefined, NOT_NEAR),
      rule('bkTtg.chain', ttgMissing === 0, ttgMissing),
    ]),
  );

  // HCLĐ hạng Ba (the 2022 law's sets): a regular Bằng khen Thủ tướng before, none of the order
  // held yet (on any basis, this year included); 5 good years after it, one HTXSNV, 3 CSTĐCS
  if (rs.id !== 'nd91_2017') {
    const held = p.titles.some((t) => t.code === 'HCLD_HANG_BA' && t.year <= year);
    const hRun = goodRun(['BK_TTG']);
    const hMissing = Math.max(0, 5 - hRun.length) + (hRun.xs > 0 ? 0 : 1) + Math.max(0, 3 - hRun.cst);
    add(
      candidate('HCLD_HANG_BA', [
        review,
        noDiscipline,
        rule('hcld3.priorBkTtg', !held && lastRegular(p, 'BK_TTG', year) !== undefined, NOT_NEAR),
        rule('hcld3.chain', hMissing === 0, hMissing),
      ]),
    );
  }
  return out;
}

interface Member {
  person?: PersonHistory;
  verdicts: Map<AwardCode, Cand['verdict']>;
}

function judgeUnit(u: UnitHistory, members: Member[], year: number, s: ProvincialSettings, options: RuleSetOptions): Cand[] {
  const rs = ruleSetFor(year, options);
  const n = members.length;
  const review = rule('general.unitNotUnderReview', u.years[year]?.underReview !== true);
  const ldtt = members.filter((m) => m.verdicts.get('LDTT') === 'du_dieu_kien').length;
  const share = (id: string, pct: number, strict: boolean) => {
    if (n === 0) return miss(id);
    const need = strict ? Math.floor((pct * n) / 100 + 1e-9) + 1 : Math.ceil((pct * n) / 100 - 1e-9);
    return rule(id, ldtt >= need, need - ldtt);
  };
  const serious = members.filter((m) => m.person?.disciplines.some((d) => disciplineInForce(d, year) && SEVERITY[d.form] >= SEVERITY[s.collectiveDisciplineFrom])).length;
  const noSerious = rule('collective.noSeriousDiscipline', serious === 0, serious);
  const incomplete = members.filter((m) => {
    const f = m.person?.years[year];
    if (f?.rating) return RANK[f.rating] < RANK.HTNV;
    return !(f?.maternityLeave && s.maternityWithoutRatingCounts);
  }).length;
  return [
    candidate('TT_LDTT', [review, share('ttLdtt.share', s.collectiveLdttMinPercent, true), noSerious]),
    candidate('TT_LDXS', [
      review,
      n === 0 ? miss('ttLdxs.allComplete') : rule('ttLdxs.allComplete', incomplete === 0, incomplete),
      share('ttLdxs.share', s.collectiveLdxsMinPercent, false),
      rule('ttLdxs.hasCstdcs', members.some((m) => m.verdicts.get('CSTDCS') === 'du_dieu_kien')),
      ...(rs.id === 'nd91_2017' ? [noSerious] : []),
    ]),
  ];
}

// ---- random offices ------------------------------------------------------------------------

const RATINGS: Rating[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];
const FORMS: DisciplineForm[] = ['khien_trach', 'canh_cao', 'ha_bac_luong', 'giang_chuc', 'cach_chuc', 'buoc_thoi_viec'];
const TITLE_CODES: AwardCode[] = ['LDTT', 'CSTDCS', 'CSTD_TINH', 'CSTD_TOAN_QUOC', 'BK_TINH', 'BK_TTG', 'HCLD_HANG_BA', 'GIAY_KHEN'];

/** A person whose records lean one way or another, so that long runs, chains and floors all occur. */
function randomPerson(r: Rng, i: number, year: number): PersonHistory {
  const good = r.next(); // how good this person's years tend to be
  const years: Record<number, PersonYearFacts> = {};
  const titles: AchievedTitle[] = [];
  const initiatives: Initiative[] = [];
  const disciplines: DisciplinePeriod[] = [];
  const from = year - r.int(0, 16);
  for (let y = from; y <= year + (r.chance(0.05) ? 1 : 0); y++) {
    if (r.chance(0.06)) continue; // no record that year
    const f: PersonYearFacts = {};
    if (r.chance(0.9)) f.rating = r.chance(good) ? (r.chance(0.5) ? 'HTXSNV' : 'HTTNV') : r.pick(RATINGS);
    if (r.chance(0.07)) f.maternityLeave = true;
    if (r.chance(0.03)) f.underReview = true;
    years[y] = f;
    const basis = () => (r.chance(0.85) ? 'thuong_xuyen' : r.pick(['chuyen_de', 'dot_xuat'] as const));
    // titles of the year checked are recorded too: the checker must ignore them
    if (r.chance(good * 0.9)) titles.push({ year: y, code: 'LDTT', basis: basis() });
    if (r.chance(good * 0.6)) titles.push({ year: y, code: 'CSTDCS', basis: basis() });
    if (r.chance(0.08)) titles.push({ year: y, code: r.pick(TITLE_CODES), basis: basis(), ...(r.chance(0.5) ? { decisionNo: `${i}-${y}/QĐ` } : {}) });
    if (r.chance(0.25)) {
      const n = r.int(1, 2);
      for (let k = 0; k < n; k++) initiatives.push({ year: y, title: `Sáng kiến ${i}-${y}-${k}`, scope: r.pick(['co_so', 'co_so', 'tinh', 'toan_quoc'] as const) });
    }
  }
  if (r.chance(0.12)) {
    const y = year - r.int(-1, 4);
    const d: DisciplinePeriod = { form: r.pick(FORMS), from: `${y}-${r.pick(['01-01', '06-15', '12-31'])}` };
    if (r.chance(0.7)) d.to = `${y + r.int(0, 1)}-${r.pick(['01-01', '06-30', '12-31'])}`;
    disciplines.push(d);
  }
  const p: PersonHistory = { personId: `P${i}`, name: `Người ${i}`, unitId: `U${i % 9}`, years, titles: r.shuffle(titles), initiatives: r.shuffle(initiatives), disciplines };
  if (r.chance(0.5)) p.gender = r.pick(['nam', 'nu'] as const);
  return p;
}

function randomSettings(r: Rng): ProvincialSettings {
  return {
    cstdcsQuotaPercent: r.pick([15, 20, 30]),
    ldttMinRating: r.chance(0.7) ? 'HTTNV' : r.pick(RATINGS),
    collectiveLdttMinPercent: r.pick([50, 60, 33]),
    collectiveLdxsMinPercent: r.pick([70, 80, 100]),
    collectiveDisciplineFrom: r.pick(FORMS),
    maternityWithoutRatingCounts: r.chance(0.7),
  };
}

const shape = (c: CandidateResult) => ({
  code: c.code,
  verdict: c.verdict,
  missingCount: c.missingCount,
  items: c.items.map((i) => `${i.ruleId}:${i.passed ? 'ok' : 'no'}`),
});
const expected = (c: Cand) => ({
  code: c.code,
  verdict: c.verdict,
  missingCount: c.missingCount,
  items: c.items.map((i) => `${i.ruleId}:${i.passed ? 'ok' : 'no'}`),
});

describe('the checker agrees with a plain reading of the rules', () => {
  const cases: Array<[number, RuleSetOptions]> = [
    [2019, {}],
    [2023, {}],
    [2024, {}],
    [2025, {}],
    [2026, {}],
    [2027, { enableDraftAmendment: true }],
  ];
  for (const [year, options] of cases) {
    const label = `${year} (${ruleSetFor(year, options).id})`;
    it(`${label}: 600 random people in 9 units and the whole office, three settings`, () => {
      const r = makeRng(year * 7 + (options.enableDraftAmendment ? 1 : 0));
      for (let round = 0; round < 3; round++) {
        const settings = round === 0 ? randomSettings(makeRng(0)) : randomSettings(r);
        if (round === 0) Object.assign(settings, { ldttMinRating: 'HTTNV', collectiveLdttMinPercent: 50, collectiveLdxsMinPercent: 70, collectiveDisciplineFrom: 'canh_cao', maternityWithoutRatingCounts: true });
        const people = Array.from({ length: 200 }, (_, i) => randomPerson(r, round * 1000 + i, year));
        const units: UnitHistory[] = [
          ...Array.from({ length: 9 }, (_, u) => ({
            unitId: `U${u}`,
            name: `Phòng ${u}`,
            // a member the input lacks, now and then
            memberIds: [...people.filter((p) => p.unitId === `U${u}`).map((p) => p.personId), ...(u === 3 ? ['NOBODY'] : [])],
            years: r.chance(0.2) ? { [year]: { underReview: true } } : {},
            titles: [],
          })),
          { unitId: 'ALL', name: 'Toàn cơ quan', memberIds: people.map((p) => p.personId), years: {}, titles: [] },
          { unitId: 'EMPTY', name: 'Tổ trống', memberIds: [], years: {}, titles: [] },
        ];
        const report = checkEligibility({ year, people, units, settings, options });

        const members = new Map<string, Member>();
        for (const p of people) {
          const mine = judgePerson(p, year, settings, options);
          const got = report.people.find((s) => s.id === p.personId)!;
          expect(got.candidates.map(shape), `${label} ${p.personId} ${JSON.stringify(p)} ${JSON.stringify(settings)}`).toEqual(mine.map(expected));
          members.set(p.personId, { person: p, verdicts: new Map(mine.map((c) => [c.code, c.verdict])) });
        }
        for (const u of units) {
          const ms = u.memberIds.map((id) => members.get(id) ?? { verdicts: new Map() });
          const got = report.units.find((s) => s.id === u.unitId)!;
          expect(got.candidates.map(shape), `${label} ${u.unitId}`).toEqual(judgeUnit(u, ms, year, settings, options).map(expected));
        }

        // the comparison means something only if the verdicts vary
        const seen = new Set(report.people.flatMap((s) => s.candidates.map((c) => `${c.code}:${c.verdict}`)));
        for (const code of ['LDTT', 'CSTDCS', 'BK_TINH']) for (const v of ['du_dieu_kien', 'chua_du']) expect(seen, `${code}:${v}`).toContain(`${code}:${v}`);
      }
    });
  }
});
