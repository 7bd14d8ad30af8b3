import { describe, expect, it } from 'vitest';
import { cand, check, failed, init, item, person, unit } from './helpers';

const ldtt = (id: string, name?: string) => person(id, { years: { 2024: 'HTTNV' }, ...(name ? { name } : {}) });
const weak = (id: string, name?: string) => person(id, { years: { 2024: 'HTNV' }, ...(name ? { name } : {}) });
const star = (id: string) => person(id, { years: { 2024: 'HTTNV' }, initiatives: [init(2024, `Sáng kiến ${id}`)] });

describe('Tập thể LĐTT (>50% LĐTT, no member cảnh cáo or above)', () => {
  it('qualifies with 3/4 LĐTT; the wording is the older, unverified one', () => {
    const r = check(2024, [ldtt('a'), ldtt('b'), ldtt('c'), weak('d')], [unit('U1', ['a', 'b', 'c', 'd'])]);
    const c = cand(r, 'U1', 'TT_LDTT');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(c.verified).toBe(false);
    expect(c.items.map((i) => [i.ruleId, i.passed, i.message])).toEqual([
      ['general.unitNotUnderReview', true, 'Năm 2024 tập thể không bị thanh tra, kiểm tra, xem xét kỷ luật'],
      ['ttLdtt.share', true, '3/4 thành viên đủ điều kiện LĐTT năm 2024 (75%), đạt trên 50%'],
      ['collective.noSeriousDiscipline', true, 'Không thành viên nào bị kỷ luật từ cảnh cáo trở lên trong năm 2024'],
    ]);
    expect(item(c, 'ttLdtt.share').basis).toBe('Luật TĐKT 2003, Điều 28 (cách diễn đạt cũ, chưa đối chiếu Luật 2022)');
  });

  it('exactly 50% is not more than half: "gần đủ", one more person needed', () => {
    const r = check(2024, [ldtt('a'), ldtt('b'), weak('c'), weak('d')], [unit('U1', ['a', 'b', 'c', 'd'])]);
    const c = cand(r, 'U1', 'TT_LDTT');
    expect(c.verdict).toBe('gan_du');
    expect(failed(c)).toEqual([
      {
        ruleId: 'ttLdtt.share',
        basis: 'Luật TĐKT 2003, Điều 28 (cách diễn đạt cũ, chưa đối chiếu Luật 2022)',
        verified: false,
        passed: false,
        message: '2/4 thành viên đủ điều kiện LĐTT năm 2024 (50%), chưa đạt trên 50%',
        missing: 'cần thêm 1 người đạt LĐTT (tối thiểu 3/4)',
      },
    ]);
  });

  it('2023 uses the Luật 2003 wording as verified', () => {
    const r = check(2023, [person('a', { years: { 2023: 'HTTNV' } })], [unit('U1', ['a'])]);
    const c = cand(r, 'U1', 'TT_LDTT');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(item(c, 'ttLdtt.share')).toMatchObject({ basis: 'Luật TĐKT 2003, Điều 28', verified: true });
  });

  it('a member disciplined at cảnh cáo blocks it, khiển trách does not', () => {
    const warned = person('d', {
      name: 'Lê Văn Dũng',
      years: { 2024: 'HTTNV' },
      disciplines: [{ form: 'canh_cao', from: '2024-02-01', to: '2025-01-31' }],
    });
    const reprimanded = person('e', {
      years: { 2024: 'HTTNV' },
      disciplines: [{ form: 'khien_trach', from: '2024-02-01', to: '2024-07-31' }],
    });
    const r = check(
      2024,
      [ldtt('a'), ldtt('b'), ldtt('c'), warned, reprimanded],
      [unit('U1', ['a', 'b', 'c', 'd']), unit('U2', ['a', 'b', 'e'])],
    );
    const c = cand(r, 'U1', 'TT_LDTT');
    expect(c.verdict).toBe('gan_du');
    expect(failed(c)).toMatchObject([
      {
        ruleId: 'collective.noSeriousDiscipline',
        message: 'Lê Văn Dũng: kỷ luật cảnh cáo từ 01/02/2024 đến 31/01/2025 (năm 2024)',
        missing: '1 thành viên bị kỷ luật từ cảnh cáo trở lên',
      },
    ]);
    expect(cand(r, 'U2', 'TT_LDTT').verdict).toBe('du_dieu_kien');
  });

  it('members unknown to the input count against the share and are named', () => {
    const r = check(2024, [ldtt('a'), ldtt('b')], [unit('U1', ['a', 'b', 'ghost1', 'ghost2'])]);
    expect(item(cand(r, 'U1', 'TT_LDTT'), 'ttLdtt.share').message).toBe(
      '2/4 thành viên đủ điều kiện LĐTT năm 2024 (50%), chưa đạt trên 50%; 2 thành viên không có dữ liệu (ghost1 và ghost2)',
    );
  });

  it("the year's member list overrides the current one", () => {
    const u = unit('U1', ['a', 'b', 'c'], { years: { 2024: { memberIds: ['a'] } } });
    const r = check(2024, [ldtt('a'), weak('b'), weak('c')], [u]);
    expect(cand(r, 'U1', 'TT_LDTT').verdict).toBe('du_dieu_kien');
  });

  it('a unit under inspection gets nothing', () => {
    const u = unit('U1', ['a'], { years: { 2024: { underReview: true } } });
    const c = cand(check(2024, [ldtt('a')], [u]), 'U1', 'TT_LDTT');
    expect(c.verdict).toBe('gan_du');
    expect(failed(c).map((i) => [i.ruleId, i.message])).toEqual([
      ['general.unitNotUnderReview', 'Năm 2024 tập thể đang bị thanh tra, kiểm tra hoặc xem xét kỷ luật'],
    ]);
  });

  it('a unit with no members fails clearly', () => {
    const c = cand(check(2024, [], [unit('U1', [])]), 'U1', 'TT_LDTT');
    expect(item(c, 'ttLdtt.share')).toMatchObject({
      passed: false,
      message: 'Năm 2024 đơn vị chưa có danh sách thành viên',
    });
  });
});

describe('Tập thể LĐXS (all complete, ≥70% LĐTT, ≥1 CSTĐCS; before 2024 also no cảnh cáo+)', () => {
  it('qualifies, naming the CSTĐCS member; Luật 2022 Điều 27, verified', () => {
    const people = [
      star('a'),
      ldtt('b'),
      ldtt('c'),
      ldtt('d'),
      ldtt('e'),
      ldtt('f'),
      ldtt('g'),
      weak('h'),
      weak('i'),
      person('j', { years: { 2024: { maternityLeave: true } } }),
    ];
    const r = check(2024, people, [unit('U1', people.map((p) => p.personId))]);
    const c = cand(r, 'U1', 'TT_LDXS');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(c.verified).toBe(true);
    expect(c.items.map((i) => i.message)).toEqual([
      'Năm 2024 tập thể không bị thanh tra, kiểm tra, xem xét kỷ luật',
      'Tất cả 10 thành viên hoàn thành nhiệm vụ trở lên năm 2024',
      // 7 rated LĐTT + the maternity-leave member
      '8/10 thành viên đủ điều kiện LĐTT năm 2024 (80%), đạt từ 70% trở lên',
      '1 thành viên đủ điều kiện CSTĐCS năm 2024: Người a',
    ]);
    expect(item(c, 'ttLdxs.share')).toMatchObject({ basis: 'Luật TĐKT 2022, Điều 27', verified: true });
  });

  it('a member under cảnh cáo blocks it under the older rules (2023), not under Luật 2022 (2024)', () => {
    const team = (y: number) => {
      const yr = (r: 'HTTNV' | 'HTXSNV') => ({ [y]: r });
      return [
        person('a', { years: yr('HTTNV'), initiatives: [init(y, 'Sáng kiến a')] }),
        person('b', { years: yr('HTTNV') }),
        person('c', { years: yr('HTTNV') }),
        person('d', { name: 'Lê Văn Dũng', years: yr('HTTNV'), disciplines: [{ form: 'canh_cao', from: `${y}-02-01`, to: `${y + 1}-01-31` }] }),
      ];
    };
    const old = cand(check(2023, team(2023), [unit('U1', ['a', 'b', 'c', 'd'])]), 'U1', 'TT_LDXS');
    expect(failed(old).map((i) => i.ruleId)).toEqual(['collective.noSeriousDiscipline']);
    expect(old.verdict).not.toBe('du_dieu_kien');
    const now = cand(check(2024, team(2024), [unit('U1', ['a', 'b', 'c', 'd'])]), 'U1', 'TT_LDXS');
    expect(now.items.some((i) => i.ruleId === 'collective.noSeriousDiscipline')).toBe(false);
    expect(now.verdict).toBe('du_dieu_kien');
  });

  it('one member not completing tasks and no CSTĐCS: two conditions missing', () => {
    const people = [ldtt('a'), ldtt('b'), ldtt('c'), person('d', { name: 'Phạm Thị Duyên', years: { 2024: 'KHTNV' } })];
    const c = cand(check(2024, people, [unit('U1', ['a', 'b', 'c', 'd'])]), 'U1', 'TT_LDXS');
    expect(c.verdict).toBe('chua_du');
    expect(c.missingCount).toBe(2);
    expect(failed(c).map((i) => [i.ruleId, i.message, i.missing])).toEqual([
      [
        'ttLdxs.allComplete',
        '1/4 thành viên chưa hoàn thành nhiệm vụ năm 2024: Phạm Thị Duyên (KHTNV)',
        '1 thành viên chưa hoàn thành nhiệm vụ',
      ],
      ['ttLdxs.hasCstdcs', 'Năm 2024 chưa có thành viên nào đủ điều kiện CSTĐCS', 'chưa có thành viên đạt CSTĐCS'],
    ]);
  });
});

describe('CSTĐCS quota warning (never changes verdicts)', () => {
  const unitOf = (n: number, stars: number) => {
    const people = Array.from({ length: n }, (_, i) => (i < stars ? star(`p${i}`) : ldtt(`p${i}`)));
    return { people, units: [unit('U1', people.map((p) => p.personId), { name: 'Phòng Người có công' })] };
  };

  it('2 CSTĐCS over 10 LĐTT is above 15%: a warning naming the unit and the people', () => {
    const { people, units } = unitOf(10, 2);
    const r = check(2024, people, units);
    expect(r.warnings).toEqual([
      {
        code: 'cstdcs_quota',
        message:
          'Phòng Người có công: 2 người đủ điều kiện CSTĐCS trên 10 người đủ điều kiện LĐTT (20%), vượt tỷ lệ 15% (tối đa 1 người); Hội đồng TĐKT cần bình xét chọn',
        basis: 'Quy định của tỉnh (tham số cài đặt); không thấy tỷ lệ chung sau 2024',
        verified: false,
        unitId: 'U1',
        personIds: ['p0', 'p1'],
      },
    ]);
    expect(cand(r, 'p0', 'CSTDCS').verdict).toBe('du_dieu_kien');
    expect(cand(r, 'p1', 'CSTDCS').verdict).toBe('du_dieu_kien');
    expect(r.counts.CSTDCS).toEqual({ du_dieu_kien: 2, gan_du: 8, chua_du: 0 });
  });

  it('from 2024 it says how many of those who qualify are women, who come first when they qualify alike', () => {
    const { people, units } = unitOf(10, 3);
    const women = people.map((p, i) => (i === 1 || i === 2 || i === 5 ? { ...p, gender: 'nu' as const } : { ...p, gender: 'nam' as const }));
    const [w] = check(2024, women, units).warnings;
    expect(w).toMatchObject({
      message:
        'Phòng Người có công: 3 người đủ điều kiện CSTĐCS trên 10 người đủ điều kiện LĐTT (30%), vượt tỷ lệ 15% (tối đa 1 người); Hội đồng TĐKT cần bình xét chọn' +
        '; trong số này có 2 nữ, ưu tiên khi thành tích ngang nhau (NĐ 98/2023/NĐ-CP, Điều 4)',
      verified: false,
      personIds: ['p0', 'p1', 'p2'],
    });
    // no woman among them: nothing to add
    const men = people.map((p) => ({ ...p, gender: 'nam' as const }));
    expect(check(2024, men, units).warnings[0]!.message).toMatch(/Hội đồng TĐKT cần bình xét chọn$/);
  });

  it('within the quota, or with a higher provincial quota, there is no warning', () => {
    const a = unitOf(10, 1);
    expect(check(2024, a.people, a.units).warnings).toEqual([]);
    const b = unitOf(10, 2);
    expect(check(2024, b.people, b.units, { cstdcsQuotaPercent: 20 }).warnings).toEqual([]);
  });

  it('in 2023 the 15% comes from NĐ 91/2017 and is verified (and says nothing of women: not in those rules here)', () => {
    const people = Array.from({ length: 4 }, (_, i) =>
      person(`p${i}`, { gender: 'nu', years: { 2023: 'HTTNV' }, initiatives: i === 0 ? [init(2023, 'X')] : [] }),
    );
    const r = check(2023, people);
    expect(r.warnings).toMatchObject([
      {
        code: 'cstdcs_quota',
        basis: 'NĐ 91/2017/NĐ-CP, Điều 9 khoản 3 (không quá 15% số LĐTT)',
        verified: true,
        message:
          'U1: 1 người đủ điều kiện CSTĐCS trên 4 người đủ điều kiện LĐTT (25%), vượt tỷ lệ 15% (tối đa 0 người); Hội đồng TĐKT cần bình xét chọn',
      },
    ]);
  });
});
