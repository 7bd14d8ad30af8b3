import { describe, expect, it } from 'vitest';
import {
  AWARD_CATALOG,
  AWARD_CODES,
  UNVERIFIED_LABEL,
  authoritiesOn,
  cashMultipleOn,
  eligibilityInputSchema,
  eligibilityReportSchema,
  personHistorySchema,
  verificationLabel,
} from '../../../shared/awards';
import { check, init, person, unit } from './helpers';

describe('catalogue', () => {
  it('holds every listed title and award form with its Vietnamese name', () => {
    expect(Object.keys(AWARD_CATALOG).sort()).toEqual([...AWARD_CODES].sort());
    expect(AWARD_CATALOG.LDTT).toMatchObject({
      name: 'Lao động tiên tiến',
      shortName: 'LĐTT',
      subjects: ['individual'],
      kind: 'title',
      level: 'co_so',
    });
    expect(AWARD_CATALOG.TT_LDXS).toMatchObject({ subjects: ['collective'], kind: 'title', level: 'tinh_bo' });
    expect(AWARD_CATALOG.BK_TTG).toMatchObject({ kind: 'award', level: 'toan_quoc' });
    expect(AWARD_CATALOG.HCLD_HANG_BA).toMatchObject({ verified: false });
    expect(AWARD_CATALOG.HCLD_HANG_BA.catalogOnly).toBeUndefined();
    expect(AWARD_CATALOG.KY_NIEM_CHUONG).toMatchObject({ catalogOnly: true, verified: false });
  });

  it('cash multiples of NĐ 152/2025 Đ.54 are the DOMAIN figures, all unverified, from 01/7/2025', () => {
    const expected = {
      CSTD_TOAN_QUOC: 4.5,
      CSTD_TINH: 3.0,
      CSTDCS: 1.0,
      LDTT: 0.3,
      BK_TTG: 3.5,
      BK_TINH: 1.5,
      GIAY_KHEN: 0.3,
      TT_LDXS: 1.5,
      TT_LDTT: 0.8,
      CO_THI_DUA_CP: 12,
      CO_THI_DUA_TINH: 8,
    } as const;
    for (const [code, multiple] of Object.entries(expected)) {
      const c = cashMultipleOn(code as keyof typeof expected, '2025-07-01');
      expect(c, code).toMatchObject({ multiple, verified: false, basis: 'NĐ 152/2025/NĐ-CP, Điều 54 (theo bản báo chí)' });
      expect(cashMultipleOn(code as keyof typeof expected, '2025-06-30'), code).toBeUndefined();
    }
    expect(cashMultipleOn('HCLD_HANG_BA', '2026-01-01')).toBeUndefined();
    expect(verificationLabel(false)).toBe(UNVERIFIED_LABEL);
    expect(UNVERIFIED_LABEL).toBe('chưa xác minh');
    expect(verificationLabel(true)).toBe('');
  });

  it('deciding authority follows the 01/7/2025 reorganisation', () => {
    const before = authoritiesOn('CSTDCS', '2025-06-30').map((a) => a.authority);
    const after = authoritiesOn('CSTDCS', '2025-07-01').map((a) => a.authority);
    expect(before).toEqual(['thu_truong_co_quan', 'chu_tich_huyen']);
    expect(after).toEqual(['thu_truong_co_quan', 'chu_tich_xa']);
    expect(authoritiesOn('LDTT', '2024-01-01').map((a) => a.authority)).toContain('chu_tich_xa');
    expect(authoritiesOn('BK_TINH', '2024-01-01').map((a) => a.authority)).toEqual(['chu_tich_tinh', 'bo_truong']);
    expect(authoritiesOn('BK_TTG', '2024-01-01').map((a) => a.authority)).toEqual(['thu_tuong']);
  });
});

describe('schemas', () => {
  const sample = person('A', {
    years: { 2023: 'HTXSNV', 2024: { rating: 'HTXSNV', maternityLeave: true } },
    titles: [[2023, 'CSTDCS']],
    initiatives: [init(2024, 'Số hóa', 'co_so', '2024-10-12')],
    disciplines: [{ form: 'khien_trach', from: '2021-01-01', to: '2021-06-30' }],
  });

  it('accept a JSON round-tripped history (year keys become strings) and it checks the same', () => {
    const parsed = eligibilityInputSchema.parse(
      JSON.parse(JSON.stringify({ year: 2024, people: [sample], units: [unit('U1', ['A'])] })),
    );
    const r = check(parsed.year, parsed.people, parsed.units);
    expect(r).toEqual(check(2024, [sample], [unit('U1', ['A'])]));
  });

  it('reject bad input with a path', () => {
    const bad = { ...sample, years: { 2024: { rating: 'XUAT_SAC' } } };
    const res = personHistorySchema.safeParse(bad);
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.path).toEqual(['years', '2024', 'rating']);
    const badDiscipline = { ...sample, disciplines: [{ form: 'canh_cao', from: '2024-05-01', to: '2024-01-01' }] };
    expect(personHistorySchema.safeParse(badDiscipline).error?.issues[0]?.message).toBe(
      'Ngày hết hiệu lực kỷ luật phải sau ngày bắt đầu',
    );
    expect(personHistorySchema.safeParse({ ...sample, years: { '24': {} } }).success).toBe(false);
  });

  it('the report validates against the output schema', () => {
    const r = check(2024, [sample, person('B', { years: { 2024: 'HTTNV' } })], [unit('U1', ['A', 'B'])]);
    expect(eligibilityReportSchema.parse(r)).toEqual(r);
  });
});

describe('Vietnamese text', () => {
  it('every message, missing text and basis is NFC', () => {
    const r = check(
      2024,
      [
        person('A', { years: { 2024: 'HTNV' }, disciplines: [{ form: 'canh_cao', from: '2024-01-01' }] }),
        person('B', { years: { 2024: { maternityLeave: true } }, initiatives: [init(2024, 'Tổ chức lại quy trình')] }),
      ],
      [unit('U1', ['A', 'B', 'C'])],
    );
    const texts = [...r.people, ...r.units].flatMap((s) =>
      s.candidates.flatMap((c) => c.items.flatMap((i) => [i.message, i.basis, i.missing ?? ''])),
    );
    expect(texts.length).toBeGreaterThan(40);
    for (const t of texts) expect(t).toBe(t.normalize('NFC'));
  });
});
