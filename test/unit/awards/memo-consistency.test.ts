// The checker shares outcomes between people whose facts encode to the same key. If a key
// ever missed a fact, someone would get another person's explanation; so a whole random
// office checked at once must give each person exactly what checking them alone gives.
// A re-check that reuses the previous report must give exactly what a fresh check gives.
import { describe, expect, it } from 'vitest';
import { AWARD_CODES, RATINGS, checkEligibility } from '../../../shared/awards';
import type { AchievedTitle, AwardBasis, DisciplinePeriod, Initiative, PersonHistory, PersonYearFacts } from '../../../shared/awards';
import { check, person, unit } from './helpers';

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomPerson(i: number, r: () => number, year: number): PersonHistory {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const years: Record<number, PersonYearFacts> = {};
  const titles: AchievedTitle[] = [];
  const initiatives: Initiative[] = [];
  const disciplines: DisciplinePeriod[] = [];
  const from = year - 1 - Math.floor(r() * 15);
  for (let y = from; y <= year; y++) {
    if (r() < 0.08) continue; // a gap in the records
    const f: PersonYearFacts = {};
    if (r() < 0.9) f.rating = r() < 0.5 ? pick(['HTXSNV', 'HTTNV'] as const) : pick(RATINGS);
    if (r() < 0.06) f.maternityLeave = true;
    if (y === year && r() < 0.05) f.underReview = true;
    years[y] = f;
    if (y < year) {
      const basis = (): AwardBasis => (r() < 0.85 ? 'thuong_xuyen' : pick(['chuyen_de', 'dot_xuat'] as const));
      if (r() < 0.6) titles.push({ year: y, code: 'LDTT', basis: basis() });
      if (r() < 0.35) titles.push({ year: y, code: 'CSTDCS', basis: basis() });
      if (r() < 0.08) titles.push({ year: y, code: pick(AWARD_CODES), basis: basis() });
      if (r() < 0.05) titles.push({ year: y, code: 'BK_TINH', basis: basis(), ...(r() < 0.5 ? { decisionNo: `${i}/QĐ-UBND` } : {}) });
      // the rungs above it: Bằng khen Thủ tướng, then HCLĐ hạng Ba
      if (r() < 0.04) titles.push({ year: y, code: 'BK_TTG', basis: basis(), ...(r() < 0.5 ? { decisionNo: `${i}/QĐ-TTg` } : {}) });
      if (r() < 0.01) titles.push({ year: y, code: 'HCLD_HANG_BA', basis: basis() });
    }
    if (r() < 0.25) {
      initiatives.push({ year: y, title: `Sáng kiến ${i}-${y}`, scope: pick(['co_so', 'co_so', 'tinh', 'toan_quoc'] as const) });
    }
  }
  if (r() < 0.1) {
    const y = year - Math.floor(r() * 3);
    const d: DisciplinePeriod = { form: pick(['khien_trach', 'canh_cao', 'ha_bac_luong'] as const), from: `${y}-03-01` };
    if (r() < 0.7) d.to = `${y}-12-31`;
    disciplines.push(d);
  }
  const p = person(`P${i}`, { unitId: `U${i % 7}` });
  return { ...p, years, titles, initiatives, disciplines };
}

describe('shared outcomes never leak between people', () => {
  for (const [year, options] of [
    [2023, undefined],
    [2024, undefined],
    [2027, { enableDraftAmendment: true }],
  ] as const) {
    it(`${year}${options ? ' (draft)' : ''}: 400 random people together = each alone`, () => {
      const r = rng(year);
      const people = Array.from({ length: 400 }, (_, i) => randomPerson(i, r, year));
      const together = check(year, people, [], undefined, options);
      for (const p of people) {
        const alone = check(year, [p], [], undefined, options);
        expect(together.people.find((s) => s.id === p.personId), p.personId).toEqual(alone.people[0]);
      }
      // and the verdicts are varied enough for the comparison to mean something
      const verdicts = new Set(together.people.flatMap((s) => s.candidates.map((c) => `${c.code}:${c.verdict}`)));
      expect(verdicts.size).toBeGreaterThan(12);
    });
  }

  it('collectives are judged from the same shared results', () => {
    const r = rng(7);
    const people = Array.from({ length: 70 }, (_, i) => randomPerson(i, r, 2024));
    const units = Array.from({ length: 7 }, (_, u) => unit(`U${u}`, people.filter((_, i) => i % 7 === u).map((p) => p.personId)));
    const together = check(2024, people, units);
    for (const u of units) {
      const members = people.filter((p) => u.memberIds.includes(p.personId));
      expect(check(2024, members, [u]).units[0]).toEqual(together.units.find((x) => x.id === u.unitId));
    }
  });
});

describe('report objects', () => {
  it('shared items and candidates are frozen', () => {
    const rep = check(2024, [person('A', { years: { 2024: 'HTTNV' } }), person('B', { years: { 2024: 'HTTNV' } })]);
    const a = rep.people[0]!.candidates[0]!;
    const b = rep.people[1]!.candidates[0]!;
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.items[0])).toBe(true);
    expect(() => {
      (a as { verdict: string }).verdict = 'chua_du';
    }).toThrow();
  });
});

describe('a re-check with the previous report', () => {
  const year = 2024;
  const r = rng(11);
  const people = Array.from({ length: 300 }, (_, i) => randomPerson(i, r, year));
  // a unit's own records are the same objects from one assembly to the next (as the core keeps them)
  const own = new Map(['ALL', ...Array.from({ length: 7 }, (_, u) => `U${u}`)].map((id) => [id, { years: {}, titles: [] as AchievedTitle[] }]));
  const unitsOf = (list: PersonHistory[]) => [
    ...Array.from({ length: 7 }, (_, u) => unit(`U${u}`, list.filter((p) => p.unitId === `U${u}`).map((p) => p.personId), own.get(`U${u}`))),
    unit('ALL', list.map((p) => p.personId), { name: 'Toàn cơ quan', ...own.get('ALL') }),
  ];

  it('equals a fresh check, judging again only the people and collectives that changed', () => {
    const units = unitsOf(people);
    const first = check(year, people, units);
    // new histories for a few people (as the core's kept base rebuilds them), one moved, one gone, one new
    const changed = new Set(['P3', 'P50', 'P120', 'P299']);
    const next = people
      .filter((p) => p.personId !== 'P7')
      .map((p) => {
        if (changed.has(p.personId)) return { ...p, years: { ...p.years, [year]: { rating: p.years[year]?.rating === 'HTXSNV' ? 'KHTNV' : 'HTXSNV' } } } as PersonHistory;
        if (p.personId === 'P10') return { ...p, unitId: 'U6' };
        return { ...p }; // a new object, the same records
      });
    next.push(randomPerson(1000, r, year));
    const nextUnits = unitsOf(next);
    const again = checkEligibility({ year, people: next, units: nextUnits, previous: first });
    expect(again).toEqual(check(year, next, nextUnits));
    // the verdicts did change for someone, so the comparison means something
    expect(again.people.some((s) => changed.has(s.id) && JSON.stringify(s) !== JSON.stringify(first.people.find((x) => x.id === s.id)))).toBe(true);
    // people with the same records keep their judgement; the changed ones were judged again
    const before = new Map(first.people.map((s) => [s.id, s]));
    for (const s of again.people) {
      if (changed.has(s.id) || s.id === 'P10' || !before.has(s.id)) expect(s).not.toBe(before.get(s.id));
      else expect(s).toBe(before.get(s.id));
    }
    // a collective whose members kept their results keeps its verdicts; one with a changed member does not
    const unitBefore = new Map(first.units.map((s) => [s.id, s]));
    const unitOf = (id: string) => next.find((p) => p.personId === id)?.unitId ?? people.find((p) => p.personId === id)!.unitId;
    const touched = new Set(['ALL', 'U6', ...[...changed, 'P7', 'P10', 'P1000'].map(unitOf), people.find((p) => p.personId === 'P10')!.unitId]);
    for (const s of again.units) {
      if (touched.has(s.id)) expect(s).not.toBe(unitBefore.get(s.id));
      else expect(s).toBe(unitBefore.get(s.id));
    }
  });

  it('reports a person id given twice, in a fresh check and in a re-check', () => {
    const twice = [...people.slice(0, 5), { ...people[2]!, years: {} }];
    const first = check(year, twice);
    expect(first.warnings.filter((w) => w.code === 'duplicate_person').map((w) => w.personIds)).toEqual([[people[2]!.personId]]);
    expect(checkEligibility({ year, people: twice, units: [], previous: first })).toEqual(check(year, twice));
  });

  it('is ignored for another year, other settings or another rule set', () => {
    const units = unitsOf(people);
    const first = check(year, people, units, { cstdcsQuotaPercent: 15 });
    expect(checkEligibility({ year, people, units, settings: { cstdcsQuotaPercent: 40 }, previous: first })).toEqual(check(year, people, units, { cstdcsQuotaPercent: 40 }));
    expect(checkEligibility({ year: 2023, people, units, settings: { cstdcsQuotaPercent: 15 }, previous: first })).toEqual(check(2023, people, units, { cstdcsQuotaPercent: 15 }));
    const draft = { enableDraftAmendment: true };
    const d2027 = check(2027, people, units, undefined, draft);
    expect(checkEligibility({ year: 2027, people, units, previous: d2027 })).toEqual(check(2027, people, units));
  });
});

describe('standing verdicts (a patched run)', () => {
  const year = 2024;
  const r = rng(23);
  const people = Array.from({ length: 300 }, (_, i) => randomPerson(i, r, year));
  const unitsOf = (list: PersonHistory[]) => [
    ...Array.from({ length: 7 }, (_, u) => unit(`U${u}`, list.filter((p) => p.unitId === `U${u}`).map((p) => p.personId))),
    unit('ALL', list.map((p) => p.personId), { name: 'Toàn cơ quan' }),
  ];
  /** what a collective reads of a member, and nothing else: what a patch gives for those who stand */
  const light = (p: PersonHistory): PersonHistory => ({
    personId: p.personId,
    name: p.name,
    unitId: p.unitId,
    years: p.years[year] ? { [year]: p.years[year]! } : {},
    titles: [],
    initiatives: [],
    disciplines: p.disciplines,
  });

  it('people who stand given only what collectives read, the rest judged: the same report as a fresh check', () => {
    const first = check(year, people, unitsOf(people));
    const changed = new Set(['P4', 'P60', 'P200']);
    const next = people.map((p) =>
      changed.has(p.personId) ? ({ ...p, years: { ...p.years, [year]: { rating: p.years[year]?.rating === 'HTXSNV' ? 'KHTNV' : 'HTXSNV' } } } as PersonHistory) : p,
    );
    const nextUnits = unitsOf(next);
    const stand = new Map(first.people.filter((s) => !changed.has(s.id)).map((s) => [s.id, s]));
    // the collectives of the changed people are judged again; the others stand
    const affected = new Set(['ALL', ...next.filter((p) => changed.has(p.personId)).map((p) => p.unitId)]);
    const units = new Map(first.units.filter((s) => !affected.has(s.id)).map((s) => [s.id, s]));
    const patched = checkEligibility({
      year,
      people: next.map((p) => (changed.has(p.personId) ? p : light(p))),
      units: nextUnits,
      standing: { people: stand, units },
    });
    expect(patched).toEqual(check(year, next, nextUnits));
    // those who stand keep their very subjects
    for (const s of patched.people) if (!changed.has(s.id)) expect(s).toBe(stand.get(s.id));
    for (const s of patched.units) if (units.has(s.id)) expect(s).toBe(units.get(s.id));
  });

  it('a collective judged again reads its standing members\' verdicts and facts, not a fresh judgement of them', () => {
    const first = check(year, people, unitsOf(people));
    // every person stands, every collective is judged again: the same collectives as before
    const again = checkEligibility({
      year,
      people: people.map(light),
      units: unitsOf(people),
      standing: { people: new Map(first.people.map((s) => [s.id, s])), units: new Map() },
    });
    expect(again).toEqual(first);
  });
});
