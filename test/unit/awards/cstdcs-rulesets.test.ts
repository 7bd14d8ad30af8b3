import { describe, expect, it } from 'vitest';
import { RULE_SETS, getRuleSet, isBeforeCoverage, ruleSetFor } from '../../../shared/awards';
import { cand, check, failed, init, item, person } from './helpers';

describe('ruleSetFor: the set in force on 31/12 of the year', () => {
  it.each([
    [2017, 'nd91_2017'],
    [2021, 'nd91_2017'],
    [2023, 'nd91_2017'],
    [2024, 'luat2022_nd98_2023'],
    [2025, 'nd152_2025'],
    [2026, 'nd152_2025'],
    [2027, 'nd152_2025'],
  ])('%i → %s', (year, id) => {
    expect(ruleSetFor(year).id).toBe(id);
  });

  it('the draft set only applies when switched on, from its announced date', () => {
    expect(ruleSetFor(2025, { enableDraftAmendment: true }).id).toBe('nd152_2025');
    expect(ruleSetFor(2026, { enableDraftAmendment: true }).id).toBe('du_thao_2026');
    expect(ruleSetFor(2027, { enableDraftAmendment: true }).id).toBe('du_thao_2026');
    expect(ruleSetFor(2027, { enableDraftAmendment: false }).id).toBe('nd152_2025');
  });

  it('a set can be forced', () => {
    expect(ruleSetFor(2020, { ruleSetId: 'nd152_2025' }).id).toBe('nd152_2025');
  });

  it('years before NĐ 91/2017 fall back to it with a warning', () => {
    expect(isBeforeCoverage(2016)).toBe(true);
    expect(isBeforeCoverage(2017)).toBe(false);
    const r = check(2016, [person('A', { years: { 2016: 'HTTNV' } })]);
    expect(r.ruleSet.id).toBe('nd91_2017');
    expect(r.warnings).toEqual([
      {
        code: 'before_coverage',
        message:
          'Năm 2016 trước thời điểm NĐ 91/2017/NĐ-CP có hiệu lực; tạm áp dụng Luật TĐKT 2003 (sửa đổi 2013) và Nghị định 91/2017/NĐ-CP, cần đối chiếu quy định khi đó',
        verified: false,
      },
    ]);
  });

  it('every rule set names its basis and flags on every rule', () => {
    for (const rs of RULE_SETS) {
      for (const award of [...rs.individual, ...rs.collective]) {
        for (const spec of award.rules) {
          expect(spec.basis.length, `${rs.id} ${award.code} ${spec.ruleId}`).toBeGreaterThan(5);
          expect(typeof spec.verified).toBe('boolean');
        }
      }
    }
    // The draft and Tập thể LĐTT (older wording) are unverified in the 2022 sets; Tập thể LĐXS
    // follows Luật 2022 Điều 27 (no discipline clause).
    expect(getRuleSet('du_thao_2026').verified).toBe(false);
    const ldtt = getRuleSet('nd152_2025').collective.find((a) => a.code === 'TT_LDTT')!;
    expect(ldtt.rules.filter((r) => r.ruleId !== 'general.unitNotUnderReview').every((r) => !r.verified)).toBe(true);
    const ldxs = getRuleSet('nd152_2025').collective.find((a) => a.code === 'TT_LDXS')!;
    expect(ldxs.rules.filter((r) => r.ruleId !== 'general.unitNotUnderReview').map((r) => [r.ruleId, r.basis, r.verified])).toEqual([
      ['ttLdxs.allComplete', 'Luật TĐKT 2022, Điều 27', true],
      ['ttLdxs.share', 'Luật TĐKT 2022, Điều 27', true],
      ['ttLdxs.hasCstdcs', 'Luật TĐKT 2022, Điều 27', true],
    ]);
    expect(getRuleSet('nd91_2017').collective.find((a) => a.code === 'TT_LDXS')!.rules.map((r) => r.ruleId)).toContain('collective.noSeriousDiscipline');
  });
});

describe('CSTĐCS', () => {
  it('2024: LĐTT and a recognised initiative, naming the initiative', () => {
    const r = check(2024, [
      person('A', {
        years: { 2024: 'HTTNV' },
        initiatives: [init(2024, 'Số hóa hồ sơ chính sách', 'co_so', '2024-10-12')],
      }),
    ]);
    const c = cand(r, 'A', 'CSTDCS');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(c.verified).toBe(true);
    expect(c.items.map((i) => [i.ruleId, i.passed, i.message])).toEqual([
      ['general.notUnderReview', true, 'Năm 2024 không bị xem xét kỷ luật, thanh tra, kiểm tra'],
      ['cstdcs.ldtt', true, 'Đủ điều kiện LĐTT năm 2024'],
      [
        'cstdcs.excellentOrInitiative',
        true,
        'Sáng kiến “Số hóa hồ sơ chính sách” công nhận cấp cơ sở ngày 12/10/2024',
      ],
    ]);
    expect(item(c, 'cstdcs.excellentOrInitiative').basis).toBe('Luật TĐKT 2022, Điều 23');
  });

  it('2024: HTXSNV alone passes, but on the unconfirmed branch (verified: false)', () => {
    const c = cand(check(2024, [person('A', { years: { 2024: 'HTXSNV' } })]), 'A', 'CSTDCS');
    expect(c.verdict).toBe('du_dieu_kien');
    expect(c.verified).toBe(false);
    expect(item(c, 'cstdcs.excellentOrInitiative')).toMatchObject({
      passed: true,
      verified: false,
      message: 'Năm 2024 xếp loại HTXSNV (không có sáng kiến, đạt theo nhánh HTXSNV)',
    });
  });

  it('2024: LĐTT without HTXSNV or initiative is "gần đủ"', () => {
    const c = cand(check(2024, [person('A', { years: { 2024: 'HTTNV' } })]), 'A', 'CSTDCS');
    expect(c.verdict).toBe('gan_du');
    expect(failed(c)).toEqual([
      {
        ruleId: 'cstdcs.excellentOrInitiative',
        basis: 'Luật TĐKT 2022, Điều 23',
        verified: true,
        passed: false,
        message: 'Năm 2024 xếp loại HTTNV và chưa có sáng kiến, đề tài được công nhận',
        missing: 'chưa xếp loại HTXSNV và chưa có sáng kiến, đề tài được công nhận năm 2024',
      },
    ]);
  });

  it('2023 (NĐ 91/2017): HTXSNV alone is not enough — an initiative is required', () => {
    const r = check(2023, [
      person('A', { years: { 2023: 'HTXSNV' } }),
      person('B', { years: { 2023: 'HTTNV' }, initiatives: [init(2023, 'Cải tiến quy trình chi trả')] }),
    ]);
    expect(r.ruleSet.id).toBe('nd91_2017');
    const a = cand(r, 'A', 'CSTDCS');
    expect(a.verdict).toBe('gan_du');
    expect(failed(a)).toEqual([
      {
        ruleId: 'cstdcs.initiative',
        basis: 'NĐ 91/2017/NĐ-CP, Điều 9 khoản 3',
        verified: true,
        passed: false,
        message: 'Năm 2023 chưa có sáng kiến, đề tài được công nhận',
        missing: 'chưa có sáng kiến, đề tài được công nhận năm 2023',
      },
    ]);
    const b = cand(r, 'B', 'CSTDCS');
    expect(b.verdict).toBe('du_dieu_kien');
    expect(item(b, 'cstdcs.initiative').message).toBe('Sáng kiến “Cải tiến quy trình chi trả” công nhận cấp cơ sở năm 2023');
  });

  it('2025 (NĐ 152/2025) keeps the 2022 law criteria', () => {
    const r = check(2025, [person('A', { years: { 2025: 'HTXSNV' } })]);
    expect(r.ruleSet.id).toBe('nd152_2025');
    expect(cand(r, 'A', 'CSTDCS').verdict).toBe('du_dieu_kien');
    expect(item(cand(r, 'A', 'LDTT'), 'general.notUnderReview')).toMatchObject({
      basis: 'NĐ 152/2025/NĐ-CP (nguyên tắc chung, kế thừa NĐ 98/2023 Điều 4)',
      verified: false,
    });
  });

  describe('draft amendment (switched on for 2027)', () => {
    const people = [
      person('X', { years: { 2027: 'HTXSNV' } }),
      person('Y', { years: { 2027: 'HTTNV' }, initiatives: [init(2027, 'Bản đồ việc làm')] }),
      person('Z', { years: { 2027: 'HTXSNV' }, initiatives: [init(2027, 'Bản đồ việc làm')] }),
    ];

    it('requires HTXSNV and an initiative, unverified, with a warning on the report', () => {
      const r = check(2027, people, [], undefined, { enableDraftAmendment: true });
      expect(r.ruleSet).toMatchObject({ id: 'du_thao_2026', draft: true, verified: false });
      // (three CSTĐCS in one small unit also trip the quota warning; see quota.test.ts)
      expect(r.warnings.map((w) => w.code)).toEqual(['draft_rule_set', 'cstdcs_quota']);
      expect(r.warnings[0]!.message).toBe(
        'Đang áp dụng Dự thảo sửa đổi Luật Thi đua, khen thưởng (chưa xác minh): kết quả chỉ để tham khảo',
      );

      const x = cand(r, 'X', 'CSTDCS');
      expect(x.verdict).toBe('gan_du');
      expect(failed(x)).toEqual([
        {
          ruleId: 'cstdcs.initiative',
          basis: 'Dự thảo Luật sửa đổi Luật TĐKT (tin 12/2025, dự kiến hiệu lực 01/10/2026)',
          verified: false,
          passed: false,
          message: 'Năm 2027 chưa có sáng kiến, đề tài được công nhận',
          missing: 'chưa có sáng kiến, đề tài được công nhận năm 2027',
        },
      ]);

      const y = cand(r, 'Y', 'CSTDCS');
      expect(y.verdict).toBe('gan_du');
      expect(failed(y).map((i) => [i.ruleId, i.message, i.missing])).toEqual([
        ['cstdcs.excellent', 'Năm 2027 xếp loại HTTNV, chưa đạt HTXSNV', 'chưa xếp loại HTXSNV năm 2027'],
      ]);

      const z = cand(r, 'Z', 'CSTDCS');
      expect(z.verdict).toBe('du_dieu_kien');
      expect(z.verified).toBe(false);
    });

    it('switched off, 2027 is judged by NĐ 152/2025', () => {
      const r = check(2027, people);
      expect(r.ruleSet.id).toBe('nd152_2025');
      expect(r.warnings.map((w) => w.code)).toEqual(['cstdcs_quota']);
      expect(cand(r, 'X', 'CSTDCS').verdict).toBe('du_dieu_kien');
      expect(cand(r, 'Y', 'CSTDCS').verdict).toBe('du_dieu_kien');
    });
  });
});
