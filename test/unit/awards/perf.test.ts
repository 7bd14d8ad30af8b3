// Sanity run on an office-sized data set: 30,000 people × 10 years, 1,000 units.
// No timing assertion and no printed figure (CI machines vary; `npm run bench` is for numbers).
import { describe, expect, it } from 'vitest';
import { checkEligibility } from '../../../shared/awards';
import type { AchievedTitle, Initiative, PersonHistory, PersonYearFacts, UnitHistory } from '../../../shared/awards';

const PEOPLE = 30_000;
const UNIT_SIZE = 30;
const FIRST = 2015;
const YEAR = 2024;

/** Four profiles by i % 4: star (HTXSNV, CSTĐCS every year), good (HTTNV), weak (HTNV), under review. */
function synth(): { people: PersonHistory[]; units: UnitHistory[] } {
  const people: PersonHistory[] = [];
  const units: UnitHistory[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const kind = i % 4;
    const years: Record<number, PersonYearFacts> = {};
    const titles: AchievedTitle[] = [];
    const initiatives: Initiative[] = [];
    for (let y = FIRST; y <= YEAR; y++) {
      const rating = kind === 0 ? 'HTXSNV' : kind === 2 ? 'HTNV' : 'HTTNV';
      years[y] = kind === 3 && y === YEAR ? { rating, underReview: true } : { rating };
      if (kind === 0) {
        initiatives.push({ year: y, title: `Sáng kiến ${i}-${y}`, scope: 'co_so' });
        if (y < YEAR) titles.push({ year: y, code: 'CSTDCS', basis: 'thuong_xuyen' });
      }
      if (kind !== 2 && y < YEAR) titles.push({ year: y, code: 'LDTT', basis: 'thuong_xuyen' });
    }
    const unitId = `U${Math.floor(i / UNIT_SIZE)}`;
    people.push({ personId: `P${i}`, name: `Cán bộ ${i}`, unitId, years, titles, initiatives, disciplines: [] });
    const u = units[units.length - 1];
    if (u && u.unitId === unitId) u.memberIds.push(`P${i}`);
    else units.push({ unitId, name: `Đơn vị ${unitId}`, memberIds: [`P${i}`], years: {}, titles: [] });
  }
  return { people, units };
}

describe('whole-office run', () => {
  it('30,000 people × 10 years completes with the expected counts', () => {
    const { people, units } = synth();
    const r = checkEligibility({ year: YEAR, people, units });

    const q = PEOPLE / 4;
    expect(r.people).toHaveLength(PEOPLE);
    expect(r.units).toHaveLength(1000);
    expect(r.counts.LDTT).toEqual({ du_dieu_kien: 2 * q, gan_du: 2 * q, chua_du: 0 });
    // star: đủ; good: lacks HTXSNV/initiative (1); weak: LĐTT + achievement (2); review + achievement (2)
    expect(r.counts.CSTDCS).toEqual({ du_dieu_kien: q, gan_du: q, chua_du: 2 * q });
    // star: lacks only a province-wide initiative
    expect(r.counts.CSTD_TINH?.gan_du).toBe(q);
    expect(r.counts.BK_TINH?.du_dieu_kien).toBe(q);
    // star: 10-year run with CSTĐCS but no prior Bằng khen tỉnh, the years after which count: not gần đủ
    expect(r.counts.BK_TTG).toEqual({ du_dieu_kien: 0, gan_du: 0, chua_du: PEOPLE });
    // units starting on an even index hold 16/30 LĐTT, odd ones 14/30
    expect(r.counts.TT_LDTT).toEqual({ du_dieu_kien: 500, gan_du: 0, chua_du: 500 });
    expect(r.counts.TT_LDXS).toEqual({ du_dieu_kien: 0, gan_du: 0, chua_du: 1000 });
    // every unit has ~7–8 CSTĐCS over 14–16 LĐTT
    expect(r.warnings.filter((w) => w.code === 'cstdcs_quota')).toHaveLength(1000);
  });
});
