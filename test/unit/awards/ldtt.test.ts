import { describe, expect, it } from 'vitest';
import { cand, check, failed, init, item, person } from './helpers';

describe('LĐTT (Luật 2022 Đ.24)', () => {
  it('qualifies with HTTNV and no discipline, naming the rating', () => {
    const c = cand(check(2024, [person('A', { years: { 2024: 'HTTNV' } })]), 'A', 'LDTT');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(c.verified).toBe(true);
    expect(c.missingCount).toBe(0);
    expect(c.items.map((i) => [i.ruleId, i.basis, i.passed])).toEqual([
      ['general.notUnderReview', 'NĐ 98/2023/NĐ-CP, Điều 4', true],
      ['ldtt.rating', 'Luật TĐKT 2022, Điều 24', true],
      ['discipline.noneInForce', 'Luật TĐKT 2022, Điều 24', true],
    ]);
    expect(item(c, 'ldtt.rating').message).toBe('Năm 2024 xếp loại HTTNV');
    expect(item(c, 'discipline.noneInForce').message).toBe('Không có kỷ luật còn hiệu lực trong năm 2024');
  });

  it('HTNV is "gần đủ" with the exact missing condition', () => {
    const c = cand(check(2024, [person('A', { years: { 2024: 'HTNV' } })]), 'A', 'LDTT');
    expect(c.verdict).toBe('gan_du');
    expect(failed(c)).toEqual([
      {
        ruleId: 'ldtt.rating',
        basis: 'Luật TĐKT 2022, Điều 24',
        verified: true,
        passed: false,
        message: 'Năm 2024 xếp loại HTNV, chưa đạt HTTNV trở lên',
        missing: 'xếp loại năm 2024 chưa đạt HTTNV trở lên',
      },
    ]);
  });

  it('no rating and no maternity leave fails', () => {
    const c = cand(check(2024, [person('A')]), 'A', 'LDTT');
    expect(c.verdict).toBe('gan_du');
    expect(item(c, 'ldtt.rating')).toMatchObject({
      passed: false,
      message: 'Năm 2024 chưa có xếp loại chất lượng',
      missing: 'chưa có xếp loại chất lượng năm 2024',
    });
  });

  it('a provincial setting can lower the LĐTT rating threshold', () => {
    const r = check(2024, [person('A', { years: { 2024: 'HTNV' } })], [], { ldttMinRating: 'HTNV' });
    expect(cand(r, 'A', 'LDTT').verdict).toBe('du_dieu_kien');
  });
});

describe('maternity leave', () => {
  it('a year on maternity leave without a rating counts for LĐTT, as unverified advice citing the provision', () => {
    const r = check(2024, [person('A', { gender: 'nu', years: { 2024: { maternityLeave: true } } })]);
    const c = cand(r, 'A', 'LDTT');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(c.verified).toBe(false);
    expect(item(c, 'ldtt.rating')).toEqual({
      ruleId: 'ldtt.rating',
      basis: 'Luật TĐKT 2022, Điều 24; NĐ 98/2023/NĐ-CP, Điều 4',
      verified: false,
      passed: true,
      message:
        'Năm 2024 nghỉ thai sản, chưa có xếp loại: thời gian nghỉ thai sản được tính để xét LĐTT (nên bổ sung xếp loại)',
    });
  });

  it('with a rating, the rating decides and the leave is noted', () => {
    const r = check(2024, [
      person('A', { years: { 2024: { rating: 'HTTNV', maternityLeave: true } } }),
      person('B', { years: { 2024: { rating: 'HTNV', maternityLeave: true } } }),
    ]);
    expect(item(cand(r, 'A', 'LDTT'), 'ldtt.rating')).toMatchObject({
      passed: true,
      verified: true,
      message: 'Năm 2024 xếp loại HTTNV (có nghỉ thai sản, thời gian nghỉ được tính)',
      basis: 'Luật TĐKT 2022, Điều 24; NĐ 98/2023/NĐ-CP, Điều 4',
    });
    expect(cand(r, 'B', 'LDTT').verdict).toBe('gan_du');
  });

  it('the office can switch the maternity rule off', () => {
    const r = check(2024, [person('A', { years: { 2024: { maternityLeave: true } } })], [], {
      maternityWithoutRatingCounts: false,
    });
    expect(item(cand(r, 'A', 'LDTT'), 'ldtt.rating').missing).toBe('chưa có xếp loại chất lượng năm 2024');
  });

  it('cites NĐ 91/2017 Đ.10 k.4 for 2023', () => {
    const r = check(2023, [person('A', { years: { 2023: { maternityLeave: true } } })]);
    expect(item(cand(r, 'A', 'LDTT'), 'ldtt.rating').basis).toBe(
      'Luật TĐKT 2003 (sửa đổi 2013), Điều 24; NĐ 91/2017/NĐ-CP, Điều 10; NĐ 91/2017/NĐ-CP, Điều 10 khoản 4',
    );
  });
});

describe('discipline', () => {
  const rated = { 2024: 'HTXSNV' as const };

  it('a discipline in force during the year blocks LĐTT and, through it, CSTĐCS', () => {
    const r = check(2024, [
      person('A', {
        years: rated,
        initiatives: [init(2024, 'Một cửa liên thông')],
        disciplines: [{ form: 'khien_trach', from: '2023-10-01', to: '2024-03-31', decisionNo: '12/QĐ-SNV' }],
      }),
    ]);
    const ldtt = cand(r, 'A', 'LDTT');
    expect(ldtt.verdict).toBe('gan_du');
    expect(item(ldtt, 'discipline.noneInForce')).toMatchObject({
      passed: false,
      message: 'Kỷ luật khiển trách từ 01/10/2023 đến 31/03/2024 (QĐ số 12/QĐ-SNV): còn hiệu lực trong năm 2024',
      missing: 'đang chịu kỷ luật trong năm 2024',
    });
    const cstdcs = cand(r, 'A', 'CSTDCS');
    expect(cstdcs.verdict).toBe('gan_du');
    expect(item(cstdcs, 'cstdcs.ldtt')).toMatchObject({
      passed: false,
      message: 'Năm 2024 chưa đủ điều kiện LĐTT: đang chịu kỷ luật trong năm 2024',
      missing: 'chưa đủ điều kiện LĐTT năm 2024 (đang chịu kỷ luật trong năm 2024)',
    });
    // Bằng khen tỉnh checks the discipline directly (general reading, unverified).
    const bk = cand(r, 'A', 'BK_TINH');
    expect(item(bk, 'discipline.noneInForce')).toMatchObject({ passed: false, verified: false });
  });

  it('a discipline that ended the year before does not block', () => {
    const r = check(2024, [
      person('A', { years: rated, disciplines: [{ form: 'canh_cao', from: '2022-06-01', to: '2023-05-31' }] }),
    ]);
    expect(cand(r, 'A', 'LDTT').verdict).toBe('du_dieu_kien');
  });

  it('a discipline starting after the year does not block it', () => {
    const r = check(2024, [person('A', { years: rated, disciplines: [{ form: 'canh_cao', from: '2025-02-01' }] })]);
    expect(cand(r, 'A', 'LDTT').verdict).toBe('du_dieu_kien');
  });

  it('a discipline without an end date is treated as still running', () => {
    const r = check(2024, [person('A', { years: rated, disciplines: [{ form: 'canh_cao', from: '2021-06-01' }] })]);
    expect(item(cand(r, 'A', 'LDTT'), 'discipline.noneInForce').message).toBe(
      'Kỷ luật cảnh cáo từ 01/06/2021 (chưa ghi ngày hết hiệu lực): còn hiệu lực trong năm 2024',
    );
  });
});

describe('under disciplinary review or inspection', () => {
  it('blocks every candidate, reported once per candidate', () => {
    const r = check(2024, [
      person('A', {
        years: { 2022: 'HTXSNV', 2023: 'HTXSNV', 2024: { rating: 'HTXSNV', underReview: true } },
        titles: [
          [2022, 'CSTDCS'],
          [2023, 'CSTDCS'],
        ],
        initiatives: [init(2024, 'Chuyển đổi số hồ sơ người có công', 'tinh')],
      }),
    ]);
    for (const code of ['LDTT', 'CSTDCS', 'CSTD_TINH', 'BK_TINH'] as const) {
      const c = cand(r, 'A', code);
      // Everything else holds: the review is the one missing condition.
      expect(c.verdict, code).toBe('gan_du');
      expect(failed(c), code).toEqual([
        {
          ruleId: 'general.notUnderReview',
          basis: 'NĐ 98/2023/NĐ-CP, Điều 4',
          verified: true,
          passed: false,
          message: 'Năm 2024 đang bị xem xét kỷ luật hoặc thanh tra, kiểm tra',
          missing: 'đang bị xem xét kỷ luật, thanh tra, kiểm tra',
        },
      ]);
    }
  });
});
