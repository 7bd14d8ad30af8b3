// The checker shares outcomes between people whose facts encode to the same key. If a key
// ever missed a fact, someone would get another person's explanation; so a whole random
// office checked at once must give each person exactly what checking them alone gives.
import { describe, expect, it } from 'vitest';
import { AWARD_CODES, RATINGS } from '../../../shared/awards';
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
