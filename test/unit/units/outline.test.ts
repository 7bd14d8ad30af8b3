// "Thêm nhiều đơn vị": lines typed or pasted into a tree.
import { describe, expect, it } from 'vitest';
import { OUTLINE_MAX_UNITS, parseUnitOutline } from '../../../shared/units/outline';

const tree = (text: string) => parseUnitOutline(text).units.map((u) => [u.name, u.depth, u.parent]);

describe('parseUnitOutline', () => {
  it('reads levels from tabs (a list pasted from Excel) and bullets, drops numbering, skips blank lines', () => {
    const text = [
      '1. Văn phòng',
      '2. Phòng Tổ chức  cán bộ',
      '',
      'Trung tâm Dịch vụ việc làm',
      '\tPhòng Hành chính',
      '\t\tTổ Văn thư',
      '\tPhòng Tư vấn, giới thiệu việc làm',
      'Chi cục Văn thư - Lưu trữ',
      '- Phòng Nghiệp vụ',
      '- - Tổ 1',
      '  + a) Tổ 2',
      '• Kho lưu trữ',
    ].join('\r\n');
    expect(tree(text)).toEqual([
      ['Văn phòng', 0, null],
      ['Phòng Tổ chức cán bộ', 0, null],
      ['Trung tâm Dịch vụ việc làm', 0, null],
      ['Phòng Hành chính', 1, 2],
      ['Tổ Văn thư', 2, 3],
      ['Phòng Tư vấn, giới thiệu việc làm', 1, 2],
      // a name with a hyphen inside keeps it
      ['Chi cục Văn thư - Lưu trữ', 0, null],
      ['Phòng Nghiệp vụ', 1, 6],
      ['Tổ 1', 2, 7],
      ['Tổ 2', 1, 6],
      ['Kho lưu trữ', 1, 6],
    ]);
    expect(parseUnitOutline(text).errors).toEqual([]);
    // line numbers count the blank lines: messages name the line the user sees
    expect(parseUnitOutline(text).units[2]!.line).toBe(4);
  });

  it('NFC-normalises decomposed Vietnamese', () => {
    expect(tree('Phòng Tài chi\u0301nh')).toEqual([['Phòng Tài chính', 0, null]]);
  });

  it('says which line is wrong and why', () => {
    const { errors, units } = parseUnitOutline(['\tPhòng A', 'Văn phòng', '\t\tTổ B', '-', 'văn phong', 'Phòng C', '\tTổ 1', '\tTỔ 1', 'x'.repeat(201)].join('\n'));
    expect(errors.map((e) => e.line)).toEqual([1, 3, 4, 5, 8, 9]);
    expect(errors[0]!.message).toBe('Dòng 1: "Phòng A" lùi vào như đơn vị cấp dưới nhưng ở trên chưa có đơn vị nào.');
    expect(errors[1]!.message).toBe('Dòng 3: "Tổ B" lùi vào quá một bậc so với đơn vị ở trên.');
    expect(errors[2]!.message).toBe('Dòng 4: chưa có tên đơn vị.');
    // the same name under the same parent, whatever the diacritics or case
    expect(errors[3]!.message).toBe('Dòng 5: "văn phong" trùng tên với dòng 2 cùng cấp.');
    expect(errors[4]!.message).toBe('Dòng 8: "TỔ 1" trùng tên với dòng 7 cùng cấp.');
    expect(errors[5]!.message).toContain('dài quá 200 ký tự');
    expect(units.map((u) => u.name)).toEqual(['Văn phòng', 'Phòng C', 'Tổ 1']);
  });

  it('refuses a row of several cells pasted from Excel instead of gluing them into one name', () => {
    const { units, errors } = parseUnitOutline('Trung tâm\tTT01\nVăn phòng\n\tPhòng Hành chính\t\t');
    expect(errors).toEqual([{ line: 1, message: 'Dòng 1 có 2 cột: mỗi dòng chỉ ghi tên một đơn vị (đơn vị cấp dưới ở cột bên phải, dòng dưới).' }]);
    // empty cells after a name are nothing
    expect(units.map((u) => [u.name, u.depth])).toEqual([
      ['Văn phòng', 0],
      ['Phòng Hành chính', 1],
    ]);
  });

  it('the same name under different parents is fine', () => {
    const { units, errors } = parseUnitOutline('Trung tâm 1\n\tVăn phòng\nTrung tâm 2\n\tVăn phòng');
    expect(errors).toEqual([]);
    expect(units.map((u) => u.parent)).toEqual([null, 0, null, 2]);
  });

  it('refuses a list longer than one go takes', () => {
    const text = Array.from({ length: OUTLINE_MAX_UNITS + 1 }, (_, i) => `Tổ ${i + 1}`).join('\n');
    expect(parseUnitOutline(text).errors.map((e) => e.line)).toEqual([OUTLINE_MAX_UNITS + 1]);
  });
});
