// Huân chương Lao động hạng Ba for individuals (Luật TĐKT 2022, Điều 44 khoản 1 điểm e): a
// regular Bằng khen Thủ tướng, then ≥5 consecutive years HTTNV or better up to now, at least one
// HTXSNV, with CSTĐCS 3 times in them. Judged from 2024 only, marked unverified.
import { describe, expect, it } from 'vitest';
import { cand, check, failed, item, person } from './helpers';

const BASIS = 'Luật TĐKT 2022, Điều 44 khoản 1 điểm e';
const FIVE = { 2021: 'HTTNV', 2022: 'HTXSNV', 2023: 'HTTNV', 2024: 'HTTNV', 2025: 'HTXSNV' } as const;
const CSTDCS: Array<[number, 'CSTDCS']> = [
  [2022, 'CSTDCS'],
  [2024, 'CSTDCS'],
];

describe('Huân chương Lao động hạng Ba (individuals)', () => {
  it('qualifies after a Bằng khen Thủ tướng: the award, the run, the HTXSNV years and the CSTĐCS years named', () => {
    const r = check(2025, [person('A', { years: FIVE, titles: [[2020, 'BK_TTG'], ...CSTDCS] })]);
    const c = cand(r, 'A', 'HCLD_HANG_BA');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(c.verified).toBe(false);
    expect(c.name).toBe('Huân chương Lao động hạng Ba');
    expect(c.items.map((i) => i.ruleId)).toEqual(['general.notUnderReview', 'discipline.noneInForce', 'hcld3.priorBkTtg', 'hcld3.chain']);
    expect(item(c, 'hcld3.priorBkTtg')).toMatchObject({ basis: BASIS, verified: false, passed: true, message: 'Đã được tặng Bằng khen Thủ tướng năm 2020' });
    expect(item(c, 'hcld3.chain')).toMatchObject({
      basis: BASIS,
      passed: true,
      message:
        'Hoàn thành tốt nhiệm vụ trở lên 5 năm liên tục 2021–2025 (sau Bằng khen Thủ tướng năm 2020); hoàn thành xuất sắc nhiệm vụ 2 năm: 2022 và 2025; CSTĐCS 3 lần: 2022, 2024 và 2025',
    });
    // the rung below is judged as before, counted after the same Bằng khen Thủ tướng
    expect(item(cand(r, 'A', 'BK_TTG'), 'bkTtg.chain').passed).toBe(true);
  });

  it('names the decision of the Bằng khen Thủ tướng when it is recorded', () => {
    const p = person('A', { years: FIVE, titles: CSTDCS });
    p.titles.push({ year: 2020, code: 'BK_TTG', basis: 'thuong_xuyen', decisionNo: '1234/QĐ-TTg' });
    const c = cand(check(2025, [p]), 'A', 'HCLD_HANG_BA');
    expect(item(c, 'hcld3.priorBkTtg').message).toBe('Đã được tặng Bằng khen Thủ tướng năm 2020 (QĐ số 1234/QĐ-TTg)');
  });

  it('without a Bằng khen Thủ tướng: a Bằng khen tỉnh is not enough, a chuyên đề one does not count, neither is gần đủ', () => {
    const r = check(2025, [
      person('A', { years: FIVE, titles: [[2020, 'BK_TINH'], ...CSTDCS] }),
      person('B', { years: FIVE, titles: [[2020, 'BK_TTG', 'chuyen_de'], ...CSTDCS] }),
    ]);
    const a = cand(r, 'A', 'HCLD_HANG_BA');
    // the five years are counted after the award: lacking it is years away, not one condition
    expect(a.verdict).toBe('chua_du');
    expect(a.missingCount).toBe(2);
    expect(cand(r, 'B', 'HCLD_HANG_BA').verdict).toBe('chua_du');
    expect(failed(a)).toEqual([
      {
        ruleId: 'hcld3.priorBkTtg',
        basis: BASIS,
        verified: false,
        passed: false,
        message: 'Chưa có Bằng khen của Thủ tướng Chính phủ theo công trạng (thường xuyên)',
        missing: 'chưa có Bằng khen Thủ tướng (thường xuyên); 05 năm liên tục được tính từ sau khi được tặng',
      },
    ]);
    expect(item(cand(r, 'B', 'HCLD_HANG_BA'), 'hcld3.priorBkTtg').message).toBe(
      'Chưa có Bằng khen của Thủ tướng Chính phủ theo công trạng (thường xuyên); Bằng khen Thủ tướng năm 2020 (chuyên đề) không tính',
    );
  });

  it('needs a year of HTXSNV in the run', () => {
    const r = check(2025, [person('A', { years: { ...FIVE, 2022: 'HTTNV', 2025: 'HTTNV' }, titles: [[2020, 'BK_TTG'], [2022, 'CSTDCS'], [2023, 'CSTDCS'], [2024, 'CSTDCS']] })]);
    const c = cand(r, 'A', 'HCLD_HANG_BA');
    expect(c.verdict).toBe('gan_du');
    expect(c.missingCount).toBe(1);
    expect(item(c, 'hcld3.chain')).toMatchObject({
      passed: false,
      message:
        'Hoàn thành tốt nhiệm vụ trở lên 5 năm liên tục 2021–2025 (sau Bằng khen Thủ tướng năm 2020); chưa có năm hoàn thành xuất sắc nhiệm vụ; CSTĐCS 3 lần: 2022, 2023 và 2024',
      missing: 'chưa có năm hoàn thành xuất sắc nhiệm vụ trong chuỗi (cần 1)',
    });
  });

  it('counts only the years after the Bằng khen Thủ tướng ("05 năm tiếp theo")', () => {
    const r = check(2025, [person('A', { years: FIVE, titles: [[2022, 'BK_TTG'], ...CSTDCS] })]);
    const c = cand(r, 'A', 'HCLD_HANG_BA');
    expect(c.verdict).toBe('chua_du');
    expect(c.missingCount).toBe(3);
    expect(item(c, 'hcld3.chain')).toMatchObject({
      message: 'Hoàn thành tốt nhiệm vụ trở lên 3 năm liên tục 2023–2025 (sau Bằng khen Thủ tướng năm 2022); hoàn thành xuất sắc nhiệm vụ 1 năm: 2025; CSTĐCS 2 lần: 2024 và 2025',
      missing:
        'thiếu 2 năm hoàn thành tốt nhiệm vụ trở lên liên tục (cần 5; chỉ tính từ 2023, sau Bằng khen Thủ tướng năm 2022); thiếu 1 lần CSTĐCS trong chuỗi (cần 3, có 2)',
    });
  });

  it('a weak year breaks the run; maternity leave without a rating counts but is not HTXSNV', () => {
    const r = check(2025, [
      person('A', { years: { ...FIVE, 2023: 'HTNV' }, titles: [[2020, 'BK_TTG'], ...CSTDCS] }),
      person('B', { gender: 'nu', years: { ...FIVE, 2022: { maternityLeave: true } }, titles: [[2020, 'BK_TTG'], [2021, 'CSTDCS'], [2024, 'CSTDCS']] }),
    ]);
    expect(item(cand(r, 'A', 'HCLD_HANG_BA'), 'hcld3.chain').missing).toBe(
      'thiếu 3 năm hoàn thành tốt nhiệm vụ trở lên liên tục (cần 5; 2023 xếp loại HTNV); thiếu 1 lần CSTĐCS trong chuỗi (cần 3, có 2)',
    );
    const b = cand(r, 'B', 'HCLD_HANG_BA');
    expect(b.verdict).toBe('du_dieu_kien');
    expect(item(b, 'hcld3.chain').message).toBe(
      'Hoàn thành tốt nhiệm vụ trở lên 5 năm liên tục 2021–2025 (sau Bằng khen Thủ tướng năm 2020); hoàn thành xuất sắc nhiệm vụ 1 năm: 2025; CSTĐCS 3 lần: 2021, 2024 và 2025; 2022 nghỉ thai sản, được tính',
    );
  });

  it('someone who holds the order already is not proposed for it again', () => {
    const r = check(2025, [
      person('A', { years: FIVE, titles: [[2020, 'BK_TTG'], [2023, 'HCLD_HANG_BA', 'dot_xuat'], ...CSTDCS] }),
    ]);
    const c = cand(r, 'A', 'HCLD_HANG_BA');
    // everything else holds, yet it is not "gần đủ": the class is behind them
    expect(failed(c).map((i) => i.ruleId)).toEqual(['hcld3.priorBkTtg']);
    expect(c.verdict).toBe('chua_du');
    expect(item(c, 'hcld3.priorBkTtg')).toMatchObject({
      passed: false,
      message: 'Đã được tặng Huân chương Lao động hạng Ba năm 2023',
      missing: 'đã có Huân chương Lao động hạng Ba (2023); hạng tiếp theo là hạng Nhì',
    });
  });

  it('a discipline in force or a review blocks it, as every award', () => {
    const r = check(2025, [
      person('A', { years: FIVE, titles: [[2020, 'BK_TTG'], ...CSTDCS], disciplines: [{ form: 'khien_trach', from: '2025-02-01', to: '2025-08-01' }] }),
      person('B', { years: { ...FIVE, 2025: { rating: 'HTXSNV', underReview: true } }, titles: [[2020, 'BK_TTG'], ...CSTDCS] }),
    ]);
    // the discipline also costs this year's CSTĐCS (no LĐTT), so the run has 2 of the 3
    expect(failed(cand(r, 'A', 'HCLD_HANG_BA')).map((i) => i.ruleId)).toEqual(['discipline.noneInForce', 'hcld3.chain']);
    expect(failed(cand(r, 'B', 'HCLD_HANG_BA')).map((i) => i.ruleId)).toContain('general.notUnderReview');
  });

  it('is judged from 2024 (the 2022 law), not under NĐ 91/2017', () => {
    const years = { 2018: 'HTTNV', 2019: 'HTXSNV', 2020: 'HTTNV', 2021: 'HTTNV', 2022: 'HTXSNV', 2023: 'HTXSNV', 2024: 'HTXSNV' } as const;
    const titles: Array<[number, 'BK_TTG' | 'CSTDCS']> = [[2017, 'BK_TTG'], [2019, 'CSTDCS'], [2021, 'CSTDCS'], [2022, 'CSTDCS']];
    expect(check(2023, [person('A', { years, titles })]).people[0]!.candidates.map((c) => c.code)).not.toContain('HCLD_HANG_BA');
    expect(cand(check(2024, [person('A', { years, titles })]), 'A', 'HCLD_HANG_BA').verdict).toBe('du_dieu_kien');
    expect(cand(check(2027, [person('A', { years: { ...years, 2025: 'HTXSNV', 2026: 'HTXSNV', 2027: 'HTXSNV' }, titles })], [], undefined, { enableDraftAmendment: true }), 'A', 'HCLD_HANG_BA').verdict).toBe('du_dieu_kien');
  });
});
