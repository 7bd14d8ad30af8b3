import { describe, expect, it } from 'vitest';
import { cand, check, failed, init, item, person } from './helpers';

// A person who qualifies for CSTĐCS in 2024 by rating and initiative.
const QUALIFIES_2024 = { 2024: 'HTXSNV' as const };

describe('CSTĐ cấp tỉnh (3 consecutive CSTĐCS ending this year + province-wide initiative)', () => {
  it('qualifies, naming the recorded years, this year and the initiative', () => {
    const r = check(2024, [
      person('A', {
        years: { 2022: 'HTXSNV', 2023: 'HTXSNV', ...QUALIFIES_2024 },
        titles: [
          [2022, 'CSTDCS'],
          [2023, 'CSTDCS'],
        ],
        initiatives: [init(2023, 'Phần mềm quản lý đối tượng bảo trợ', 'tinh', '2023-11-20')],
      }),
    ]);
    const c = cand(r, 'A', 'CSTD_TINH');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(c.items.map((i) => [i.ruleId, i.basis, i.verified, i.passed, i.message])).toEqual([
      ['general.notUnderReview', 'NĐ 98/2023/NĐ-CP, Điều 4', true, true, 'Năm 2024 không bị xem xét kỷ luật, thanh tra, kiểm tra'],
      [
        'cstdTinh.chain',
        'Luật TĐKT 2022, Điều 22',
        true,
        true,
        'CSTĐCS 3 năm liên tục 2022–2024: 2022 và 2023 đã ghi nhận; 2024 đủ điều kiện năm nay',
      ],
      [
        'cstdTinh.initiative',
        'Luật TĐKT 2022, Điều 22',
        true,
        true,
        'Sáng kiến “Phần mềm quản lý đối tượng bảo trợ” công nhận cấp tỉnh ngày 20/11/2023',
      ],
    ]);
  });

  it('a gap year breaks the chain: "gần đủ" with the exact missing year', () => {
    const r = check(2024, [
      person('A', {
        years: QUALIFIES_2024,
        titles: [[2023, 'CSTDCS'], [2021, 'CSTDCS']],
        initiatives: [init(2024, 'Sổ tay điện tử', 'tinh')],
      }),
    ]);
    const c = cand(r, 'A', 'CSTD_TINH');
    expect(c.verdict).toBe('gan_du');
    expect(failed(c)).toEqual([
      {
        ruleId: 'cstdTinh.chain',
        basis: 'Luật TĐKT 2022, Điều 22',
        verified: true,
        passed: false,
        message: 'Chưa đủ 3 năm liên tục đạt CSTĐCS (2022–2024): 2022 chưa có; 2023 đã ghi nhận; 2024 đủ điều kiện năm nay',
        missing: 'thiếu 1 năm CSTĐCS liên tục: 2022 chưa có',
      },
    ]);
  });

  it('đột xuất and chuyên đề records do not count in the chain', () => {
    const r = check(2024, [
      person('A', {
        years: QUALIFIES_2024,
        titles: [
          [2022, 'CSTDCS', 'dot_xuat'],
          [2023, 'CSTDCS', 'chuyen_de'],
        ],
        initiatives: [init(2024, 'Sổ tay điện tử', 'tinh')],
      }),
    ]);
    const c = cand(r, 'A', 'CSTD_TINH');
    expect(c.verdict).toBe('chua_du');
    expect(c.missingCount).toBe(2);
    expect(item(c, 'cstdTinh.chain').missing).toBe(
      'thiếu 2 năm CSTĐCS liên tục: 2022 chỉ có khen đột xuất, không tính vào chuỗi; 2023 chỉ có khen chuyên đề, không tính vào chuỗi',
    );
  });

  it('this year counts only if the person qualifies this year', () => {
    const r = check(2024, [
      person('A', {
        years: { 2024: 'HTTNV' }, // LĐTT but no HTXSNV/initiative → no CSTĐCS 2024
        titles: [
          [2022, 'CSTDCS'],
          [2023, 'CSTDCS'],
          [2024, 'CSTDCS'], // a record for the year being checked is ignored
        ],
      }),
    ]);
    const c = cand(r, 'A', 'CSTD_TINH');
    expect(item(c, 'cstdTinh.chain').missing).toBe('thiếu 1 năm CSTĐCS liên tục: 2024 chưa đủ điều kiện năm nay');
  });

  it('an initiative of base scope only is not province-wide', () => {
    const r = check(2024, [
      person('A', {
        years: QUALIFIES_2024,
        titles: [
          [2022, 'CSTDCS'],
          [2023, 'CSTDCS'],
        ],
        initiatives: [init(2024, 'Mẫu biểu một cửa', 'co_so', '2024-05-02')],
      }),
    ]);
    const c = cand(r, 'A', 'CSTD_TINH');
    expect(c.verdict).toBe('gan_du');
    expect(failed(c)).toEqual([
      {
        ruleId: 'cstdTinh.initiative',
        basis: 'Luật TĐKT 2022, Điều 22',
        verified: true,
        passed: false,
        message:
          'Không có sáng kiến, đề tài phạm vi cấp tỉnh trở lên trong 2022–2024; chỉ có: Sáng kiến “Mẫu biểu một cửa” công nhận cấp cơ sở ngày 02/05/2024',
        missing: 'chưa có sáng kiến, đề tài phạm vi cấp tỉnh trở lên trong 2022–2024',
      },
    ]);
  });

  it('years already used for an earlier CSTĐ cấp tỉnh do not count again', () => {
    const r = check(2024, [
      person('A', {
        years: QUALIFIES_2024,
        titles: [
          [2020, 'CSTDCS'],
          [2021, 'CSTDCS'],
          [2022, 'CSTDCS'],
          [2022, 'CSTD_TINH'],
          [2023, 'CSTDCS'],
        ],
        initiatives: [init(2024, 'Sổ tay điện tử', 'tinh')],
      }),
    ]);
    expect(item(cand(r, 'A', 'CSTD_TINH'), 'cstdTinh.chain').missing).toBe(
      'thiếu 1 năm CSTĐCS liên tục: 2022 đã dùng cho CSTĐ cấp tỉnh năm 2022',
    );
  });

  it('2023 uses the older basis, unverified', () => {
    const r = check(2023, [person('A', { years: { 2023: 'HTTNV' } })]);
    expect(item(cand(r, 'A', 'CSTD_TINH'), 'cstdTinh.chain')).toMatchObject({
      basis: 'Luật TĐKT 2003 (sửa đổi 2013), Điều 22',
      verified: false,
    });
  });
});

describe('CSTĐ toàn quốc (2 consecutive CSTĐ cấp tỉnh + nationwide initiative)', () => {
  const base = {
    years: { 2022: 'HTXSNV' as const, 2023: 'HTXSNV' as const, ...QUALIFIES_2024 },
    initiatives: [init(2023, 'Mô hình giảm nghèo bền vững', 'toan_quoc', '2023-09-09')],
  };

  it('qualifies with CSTĐ cấp tỉnh three years earlier and this year', () => {
    const r = check(2024, [
      person('A', {
        ...base,
        titles: [
          [2021, 'CSTD_TINH'],
          [2022, 'CSTDCS'],
          [2023, 'CSTDCS'],
        ],
      }),
    ]);
    const c = cand(r, 'A', 'CSTD_TOAN_QUOC');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(item(c, 'cstdToanQuoc.chain').message).toBe(
      'CSTĐ cấp tỉnh 2 lần liên tục: 2021 đã ghi nhận; 2024 đủ điều kiện năm nay',
    );
    expect(item(c, 'cstdToanQuoc.initiative').message).toBe(
      'Sáng kiến “Mô hình giảm nghèo bền vững” công nhận cấp toàn quốc ngày 09/09/2023',
    );
    // the nationwide initiative also satisfies the province-wide requirement
    expect(cand(r, 'A', 'CSTD_TINH').verdict).toBe('du_dieu_kien');
  });

  it('without the earlier CSTĐ cấp tỉnh it is "gần đủ"', () => {
    const r = check(2024, [
      person('A', {
        ...base,
        titles: [
          [2021, 'CSTD_TINH', 'chuyen_de'],
          [2022, 'CSTDCS'],
          [2023, 'CSTDCS'],
        ],
      }),
    ]);
    const c = cand(r, 'A', 'CSTD_TOAN_QUOC');
    expect(c.verdict).toBe('gan_du');
    expect(failed(c).map((i) => i.missing)).toEqual([
      'thiếu 1 lần CSTĐ cấp tỉnh liên tục: 2021 chỉ có khen chuyên đề, không tính vào chuỗi',
    ]);
  });
});

describe('Bằng khen tỉnh', () => {
  it('path 1: CSTĐCS last year and this year', () => {
    const r = check(2024, [person('A', { years: QUALIFIES_2024, titles: [[2023, 'CSTDCS']] })]);
    const c = cand(r, 'A', 'BK_TINH');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(item(c, 'bkTinh.criteria')).toMatchObject({
      basis: 'Luật TĐKT 2022, Điều 74',
      verified: true,
      message: 'CSTĐCS 2 năm liên tục: 2023 đã ghi nhận; 2024 đủ điều kiện năm nay',
    });
  });

  it('path 2: two consecutive HTXSNV years with two initiatives in that window', () => {
    const r = check(2024, [
      person('A', {
        years: { 2023: 'HTXSNV', 2024: 'HTXSNV' },
        initiatives: [init(2023, 'Tra cứu chế độ trực tuyến', 'co_so', '2023-06-15'), init(2024, 'Hộp thư góp ý số')],
      }),
    ]);
    const c = cand(r, 'A', 'BK_TINH');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(item(c, 'bkTinh.criteria').message).toBe(
      'Xếp loại HTXSNV liên tục 2023–2024; Sáng kiến “Tra cứu chế độ trực tuyến” công nhận cấp cơ sở ngày 15/06/2023 và Sáng kiến “Hộp thư góp ý số” công nhận cấp cơ sở năm 2024',
    );
  });

  it('neither path: reports both and the closer one as missing ("gần đủ")', () => {
    const r = check(2024, [
      person('A', {
        years: { 2022: 'HTXSNV', 2023: 'HTTNV', 2024: 'HTXSNV' },
        titles: [[2022, 'CSTDCS']],
      }),
    ]);
    const c = cand(r, 'A', 'BK_TINH');
    expect(c.verdict).toBe('gan_du');
    expect(failed(c)).toEqual([
      {
        ruleId: 'bkTinh.criteria',
        basis: 'Luật TĐKT 2022, Điều 74',
        verified: true,
        passed: false,
        message:
          'Chưa đạt: (1) 2 năm liên tục CSTĐCS — thiếu 1 năm CSTĐCS liên tục: 2023 chưa có; ' +
          '(2) 2 năm liên tục HTXSNV và 2 sáng kiến — thiếu 1 năm HTXSNV liên tục (2023 xếp loại HTTNV); thiếu 2 sáng kiến trong 2023–2024 (mới có 0)',
        missing: 'thiếu 1 năm CSTĐCS liên tục: 2023 chưa có',
      },
    ]);
  });

  it('years used for an earlier regular Bằng khen tỉnh do not count again; a chuyên đề one does not block', () => {
    const titles: Array<[number, 'CSTDCS' | 'BK_TINH', ('thuong_xuyen' | 'chuyen_de')?]> = [
      [2022, 'CSTDCS'],
      [2023, 'CSTDCS'],
    ];
    const regular = check(2024, [person('A', { years: QUALIFIES_2024, titles: [...titles, [2023, 'BK_TINH']] })]);
    expect(item(cand(regular, 'A', 'BK_TINH'), 'bkTinh.criteria').missing).toBe(
      'thiếu 1 năm CSTĐCS liên tục: 2023 đã dùng cho Bằng khen tỉnh năm 2023',
    );
    const thematic = check(2024, [
      person('A', { years: QUALIFIES_2024, titles: [...titles, [2023, 'BK_TINH', 'chuyen_de']] }),
    ]);
    expect(cand(thematic, 'A', 'BK_TINH').verdict).toBe('du_dieu_kien');
  });
});

describe('Bằng khen Thủ tướng (Bằng khen tỉnh, then ≥5 years HTTNV+ with 3 CSTĐCS)', () => {
  const fiveYears = { 2020: 'HTTNV', 2021: 'HTXSNV', 2022: 'HTTNV', 2023: 'HTTNV', 2024: 'HTXSNV' } as const;

  it('qualifies, naming the prior award, the run and the CSTĐCS years', () => {
    const r = check(2024, [
      person('A', {
        years: fiveYears,
        titles: [
          [2019, 'BK_TINH'],
          [2021, 'CSTDCS'],
          [2023, 'CSTDCS'],
        ],
      }),
    ]);
    const c = cand(r, 'A', 'BK_TTG');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(item(c, 'bkTtg.priorBk').message).toBe('Đã được tặng Bằng khen tỉnh năm 2019');
    expect(item(c, 'bkTtg.chain')).toMatchObject({
      basis: 'Luật TĐKT 2022, Điều 73',
      passed: true,
      message:
        'Hoàn thành tốt nhiệm vụ trở lên 5 năm liên tục 2020–2024 (sau Bằng khen tỉnh năm 2019); CSTĐCS 3 lần: 2021, 2023 và 2024',
    });
  });

  it('a chuyên đề Bằng khen tỉnh is not a prerequisite', () => {
    const r = check(2024, [
      person('A', {
        years: fiveYears,
        titles: [
          [2019, 'BK_TINH', 'chuyen_de'],
          [2021, 'CSTDCS'],
          [2023, 'CSTDCS'],
        ],
      }),
    ]);
    const c = cand(r, 'A', 'BK_TTG');
    expect(c.verdict).toBe('chua_du');
    expect(c.missingCount).toBe(2);
    expect(failed(c)).toEqual([
      {
        ruleId: 'bkTtg.priorBk',
        basis: 'Luật TĐKT 2022, Điều 73',
        verified: true,
        passed: false,
        message: 'Chưa có Bằng khen cấp bộ, tỉnh theo công trạng (thường xuyên); Bằng khen tỉnh năm 2019 (chuyên đề) không tính',
        missing: 'chưa có Bằng khen cấp bộ, tỉnh (thường xuyên); 05 năm liên tục được tính từ sau khi được tặng',
      },
    ]);
  });

  it('a weak year breaks the run', () => {
    const r = check(2024, [
      person('A', {
        years: { ...fiveYears, 2021: 'HTNV' },
        titles: [
          [2019, 'BK_TINH'],
          [2023, 'CSTDCS'],
        ],
      }),
    ]);
    const c = cand(r, 'A', 'BK_TTG');
    expect(c.verdict).toBe('chua_du');
    expect(c.missingCount).toBe(3);
    expect(item(c, 'bkTtg.chain')).toMatchObject({
      message: 'Hoàn thành tốt nhiệm vụ trở lên 3 năm liên tục 2022–2024 (sau Bằng khen tỉnh năm 2019); CSTĐCS 2 lần: 2023 và 2024',
      missing:
        'thiếu 2 năm hoàn thành tốt nhiệm vụ trở lên liên tục (cần 5; 2021 xếp loại HTNV); thiếu 1 lần CSTĐCS trong chuỗi (cần 3, có 2)',
    });
  });

  it('a maternity-leave year without rating is not a gap', () => {
    const r = check(2024, [
      person('A', {
        gender: 'nu',
        years: { ...fiveYears, 2022: { maternityLeave: true } },
        titles: [
          [2019, 'BK_TINH'],
          [2021, 'CSTDCS'],
          [2023, 'CSTDCS'],
        ],
      }),
    ]);
    const c = cand(r, 'A', 'BK_TTG');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(item(c, 'bkTtg.chain').message).toBe(
      'Hoàn thành tốt nhiệm vụ trở lên 5 năm liên tục 2020–2024 (sau Bằng khen tỉnh năm 2019); CSTĐCS 3 lần: 2021, 2023 và 2024; 2022 nghỉ thai sản, được tính',
    );
  });

  it('a long career run (14 years) is counted whole', () => {
    const years: Record<number, 'HTTNV'> = {};
    for (let y = 2011; y <= 2024; y++) years[y] = 'HTTNV';
    const r = check(2024, [
      person('A', {
        years,
        titles: [
          [2010, 'BK_TINH'],
          [2012, 'CSTDCS'],
          [2016, 'CSTDCS'],
          [2020, 'CSTDCS'],
        ],
      }),
    ]);
    const c = cand(r, 'A', 'BK_TTG');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(item(c, 'bkTtg.chain').message).toBe(
      'Hoàn thành tốt nhiệm vụ trở lên 14 năm liên tục 2011–2024 (sau Bằng khen tỉnh năm 2010); CSTĐCS 3 lần: 2012, 2016 và 2020',
    );
  });

  it('counts from after an earlier Bằng khen Thủ tướng too', () => {
    const r = check(2024, [
      person('A', {
        years: fiveYears,
        titles: [
          [2015, 'BK_TINH'],
          [2021, 'BK_TTG'],
          [2022, 'CSTDCS'],
          [2023, 'CSTDCS'],
        ],
      }),
    ]);
    expect(item(cand(r, 'A', 'BK_TTG'), 'bkTtg.chain')).toMatchObject({
      message: 'Hoàn thành tốt nhiệm vụ trở lên 3 năm liên tục 2022–2024 (sau Bằng khen Thủ tướng năm 2021); CSTĐCS 3 lần: 2022, 2023 và 2024',
      missing: 'thiếu 2 năm hoàn thành tốt nhiệm vụ trở lên liên tục (cần 5; chỉ tính từ 2022, sau Bằng khen Thủ tướng năm 2021)',
    });
  });

  it('only years after the Bằng khen tỉnh count ("05 năm tiếp theo")', () => {
    const r = check(2024, [
      person('A', {
        years: fiveYears,
        titles: [
          [2021, 'BK_TINH'],
          [2021, 'CSTDCS'],
          [2023, 'CSTDCS'],
        ],
      }),
    ]);
    expect(item(cand(r, 'A', 'BK_TTG'), 'bkTtg.chain').missing).toBe(
      'thiếu 2 năm hoàn thành tốt nhiệm vụ trở lên liên tục (cần 5; chỉ tính từ 2022, sau Bằng khen tỉnh năm 2021); thiếu 1 lần CSTĐCS trong chuỗi (cần 3, có 2)',
    );
  });
});
