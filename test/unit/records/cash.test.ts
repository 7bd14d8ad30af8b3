// The cash a form or title carries: the catalogue's multiple of the lương cơ sở on the date,
// rounded up to tens of thousands of đồng, twice for a collective given a form.
import { describe, expect, it } from 'vitest';
import { BASE_SALARY, baseSalaryMayBeOutdated, baseSalaryOn, baseSalaryTable, cashText, roundUpTenThousand, suggestedCash } from '../../../shared/records/cash';

const amounts = (code: string, date: string) => {
  const s = suggestedCash(code, date);
  return s && [s.person, s.collective];
};

describe('suggestedCash', () => {
  it('the lương cơ sở in force on the date, the day it changes included', () => {
    expect(baseSalaryOn('2024-06-30')?.amount).toBe(1_800_000);
    expect(baseSalaryOn('2024-07-01')?.amount).toBe(2_340_000);
    expect(baseSalaryOn('2017-06-30')).toBeUndefined();
  });

  it('rounds up to tens of thousands, exactly (0.3 × 2,340,000 is 702,000, not 701,999.99…)', () => {
    expect(roundUpTenThousand(702_000)).toBe(710_000);
    expect(roundUpTenThousand(3_510_000)).toBe(3_510_000);
    expect(amounts('LDTT', '2025-12-15')).toEqual([710_000, null]);
    expect(amounts('CSTDCS', '2025-12-15')).toEqual([2_340_000, null]);
    expect(amounts('TT_LDTT', '2025-12-15')).toEqual([null, 1_880_000]);
  });

  it('a form given to people and collectives is worth twice to a collective', () => {
    expect(amounts('GIAY_KHEN', '2025-12-15')).toEqual([710_000, 1_420_000]);
    expect(amounts('BK_TINH', '2025-07-01')).toEqual([3_510_000, 7_020_000]);
    expect(amounts('BK_TTG', '2026-03-02')).toEqual([8_190_000, 16_380_000]);
    expect(suggestedCash('BK_TTG', '2026-03-02')?.doubled).toBe(true);
    expect(cashText(suggestedCash('GIAY_KHEN', '2025-12-15')!)).toBe('710.000 đ/người; 1.420.000 đ/tập thể');
    expect(cashText(suggestedCash('TT_LDTT', '2025-12-15')!)).toBe('1.880.000 đ/tập thể');
  });

  it('nothing where the catalogue records no multiple for the date, or no figure at all', () => {
    // the catalogue's multiples are NĐ 152/2025's, from 01/7/2025
    expect(suggestedCash('GIAY_KHEN', '2025-06-30')).toBeNull();
    expect(suggestedCash('HCLD_HANG_BA', '2025-12-15')).toBeNull();
    expect(suggestedCash(null, '2025-12-15')).toBeNull();
    expect(suggestedCash('KHONG_CO', '2025-12-15')).toBeNull();
  });

  it('the office\'s own lương cơ sở: a later period is used from its day, one on a shipped day replaces it', () => {
    const table = baseSalaryTable([
      { from: '2026-07-01', amount: 2_530_000, basis: 'Nghị định số 1/2026/NĐ-CP' },
      { from: '2024-07-01', amount: 2_350_000, basis: 'đính chính' },
    ]);
    expect(table.map((p) => p.from)).toEqual([...BASE_SALARY.map((p) => p.from), '2026-07-01']);
    // in date order, the added one last; the replaced shipped period gone
    expect(table.at(-1)).toEqual({ from: '2026-07-01', amount: 2_530_000, basis: 'Nghị định số 1/2026/NĐ-CP', added: true });
    expect(table.find((p) => p.from === '2024-07-01')).toMatchObject({ amount: 2_350_000, added: true });
    expect(baseSalaryOn('2026-06-30', table)?.amount).toBe(2_350_000);
    expect(baseSalaryOn('2026-07-01', table)?.amount).toBe(2_530_000);
    // 0.3 × 2,530,000 = 759,000 → 760,000; the shipped table alone still says 710,000
    expect(suggestedCash('LDTT', '2026-12-15', table)?.person).toBe(760_000);
    expect(suggestedCash('GIAY_KHEN', '2026-12-15', table)).toMatchObject({ person: 760_000, collective: 1_520_000, base: { added: true } });
    expect(suggestedCash('LDTT', '2026-12-15')?.person).toBe(710_000);
    expect(baseSalaryTable([])).toEqual([...BASE_SALARY]);
  });

  it('a lương cơ sở may be out of date when it is the newest known and began more than two years before', () => {
    // the shipped newest began 01/07/2024
    expect(baseSalaryMayBeOutdated('2026-06-30')).toBe(false);
    expect(baseSalaryMayBeOutdated('2026-07-01')).toBe(true);
    // an older period in force on its date is not the newest: it was replaced, it is not stale
    expect(baseSalaryMayBeOutdated('2023-12-31')).toBe(false);
    expect(baseSalaryMayBeOutdated('2016-01-01')).toBe(false);
    const table = baseSalaryTable([{ from: '2026-07-01', amount: 2_530_000, basis: 'NĐ 1/2026/NĐ-CP' }]);
    expect(baseSalaryMayBeOutdated('2026-12-01', table)).toBe(false);
    expect(baseSalaryMayBeOutdated('2028-07-01', table)).toBe(true);
  });
});
