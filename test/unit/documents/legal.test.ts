// The law an agency's decisions rest on first, chosen by the agency's kind and the decision's date.
import { describe, expect, it } from 'vitest';
import { ND152_2025_BASIS, organisationBasis } from '../../../shared/documents/legal';

describe('organisationBasis', () => {
  it('an Ủy ban nhân dân: the local government law in force on the day, boundaries included', () => {
    const line = (date: string) => organisationBasis('ubnd', date)!.lines[0];
    expect(line('2019-12-31')).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;');
    expect(line('2020-06-30')).not.toContain('2019');
    expect(line('2020-07-01')).toContain('ngày 22 tháng 11 năm 2019');
    expect(line('2025-02-28')).toContain('ngày 19 tháng 6 năm 2015');
    expect(line('2025-03-01')).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;');
    expect(organisationBasis('ubnd', '2025-03-01')!.verified).toBe(false);
    expect(line('2025-07-01')).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;');
    expect(organisationBasis('ubnd', '2026-05-01')).toMatchObject({ verified: true });
  });

  it('the Thủ tướng: the Luật Tổ chức Chính phủ; the Chủ tịch nước: the Constitution', () => {
    expect(organisationBasis('thu_tuong', '2024-12-31')!.lines[0]).toMatch(/^Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi/);
    expect(organisationBasis('thu_tuong', '2025-03-01')!.lines[0]).toBe('Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;');
    expect(organisationBasis('chu_tich_nuoc', '2025-12-01')!.lines[0]).toMatch(/^Căn cứ Điều 88 và Điều 91 của Hiến pháp/);
  });

  it('other agencies and an unknown one: none (they cite their functions)', () => {
    expect(organisationBasis('so', '2025-12-01')).toBeNull();
    expect(organisationBasis('bo', '2025-12-01')).toBeNull();
    expect(organisationBasis(null, '2025-12-01')).toBeNull();
  });

  it('NĐ 152/2025 with its date and full title, a căn cứ line', () => {
    expect(ND152_2025_BASIS).toMatch(/^Căn cứ Nghị định số 152\/2025\/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền .*Luật Thi đua, khen thưởng;$/);
  });
});
