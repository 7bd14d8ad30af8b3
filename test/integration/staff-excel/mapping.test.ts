import { describe, expect, it } from 'vitest';
import {
  checkMapping,
  columnLetter,
  columnMappingSchema,
  matchHeader,
  proposeMapping,
} from '../../../electron/services/staff-excel/mapping';
import { EXPORT_COLUMNS } from '../../../electron/services/staff-excel/export';

describe('matchHeader', () => {
  const cases: [string, string | null][] = [
    ['Họ và tên', 'fullName'],
    ['HỌ VÀ TÊN', 'fullName'],
    ['Họ tên', 'fullName'],
    ['Ho ten', 'fullName'],
    ['Ho va ten', 'fullName'],
    ['Họ và tên cán bộ', 'fullName'],
    ['Họ và tên\n(viết in hoa)', 'fullName'],
    ['Ngày sinh', 'birthDate'],
    ['Ngày, tháng, năm sinh', 'birthDate'],
    ['Ngày tháng năm sinh', 'birthDate'],
    ['Ngày sinh (dd/mm/yyyy)', 'birthDate'],
    ['Năm sinh', 'birthDate'],
    ['Giới tính', 'gender'],
    ['Nam/Nữ', 'gender'],
    ['Nữ', 'gender'],
    ['Đơn vị', 'unit'],
    ['Phòng/Đơn vị', 'unit'],
    ['Mã đơn vị', 'unit'],
    ['Đơn vị công tác', 'unit'],
    ['Phòng, ban', 'unit'],
    ['Chức vụ', 'position'],
    ['Chức vụ, chức danh', 'position'],
    ['Chức vụ, đơn vị công tác', 'position'],
    ['Ngạch', 'category'],
    ['Loại', 'category'],
    ['Đối tượng', 'category'],
    ['Phân loại', 'category'],
    ['CB/CC/VC/NLĐ', 'category'],
    ['Lãnh đạo', 'isLeader'],
    ['Lãnh đạo (x)', 'isLeader'],
    ['Ngày vào', 'employmentStart'],
    ['Ngày tuyển dụng', 'employmentStart'],
    ['Bắt đầu công tác', 'employmentStart'],
    ['Ngày bắt đầu', 'employmentStart'],
    ['Ngày nghỉ', 'employmentEnd'],
    ['Kết thúc', 'employmentEnd'],
    ['Ngày kết thúc', 'employmentEnd'],
    ['Trạng thái', 'status'],
    ['Tình trạng', 'status'],
    ['Ghi chú', 'note'],
    ['STT', 'ignore'],
    ['TT', 'ignore'],
    ['Số TT', 'ignore'],
    // look-alikes that are something else
    ['Nơi sinh', null],
    ['Quê quán', null],
    ['Ngày vào Đảng', null],
    ['Dân tộc', null],
    ['', null],
  ];
  it.each(cases)('%j → %s', (header, field) => {
    expect(matchHeader(header)?.field ?? null).toBe(field);
  });

  it('matches decomposed (NFD) Vietnamese text', () => {
    expect(matchHeader('Họ và tên'.normalize('NFD'))?.field).toBe('fullName');
    expect(matchHeader('Ngày sinh'.normalize('NFD'))?.field).toBe('birthDate');
  });
});

describe('proposeMapping', () => {
  it('maps a typical office header row (0-based columns)', () => {
    const m = proposeMapping(['STT', 'Họ và tên', 'Ngày, tháng, năm sinh', 'Nam/Nữ', 'Phòng/Đơn vị', 'Chức vụ', 'Ngạch', 'Ghi chú']);
    expect(m).toEqual({
      fullName: 1,
      birthDate: 2,
      gender: 3,
      unit: 4,
      position: 5,
      category: 6,
      isLeader: null,
      employmentStart: null,
      employmentEnd: null,
      status: null,
      note: 7,
    });
  });

  it('prefers the unit name column over the unit code column, whatever their order', () => {
    expect(proposeMapping(['Họ tên', 'Mã đơn vị', 'Đơn vị']).unit).toBe(2);
    expect(proposeMapping(['Họ tên', 'Đơn vị', 'Mã đơn vị']).unit).toBe(1);
    expect(proposeMapping(['Họ tên', 'Mã đơn vị']).unit).toBe(1);
  });

  it('prefers an exact header over a partial one, and takes the leftmost on ties', () => {
    expect(proposeMapping(['Họ và tên cha', 'Họ và tên cán bộ được khen', 'Họ và tên']).fullName).toBe(2);
    expect(proposeMapping(['Ghi chú', 'Ghi chú']).note).toBe(0);
  });

  it('uses each column for at most one field and leaves unknown columns out', () => {
    const m = proposeMapping(['Dân tộc', 'Họ tên', 'Tôn giáo']);
    expect(m.fullName).toBe(1);
    expect(Object.values(m).filter((v) => v !== null)).toEqual([1]);
  });

  it('recognises every header of the export', () => {
    const headers = EXPORT_COLUMNS.map((c) => c.header);
    const m = proposeMapping(headers);
    expect(m).toEqual({
      fullName: 1,
      gender: 2,
      birthDate: 3,
      unit: 4,
      position: 5,
      category: 6,
      isLeader: 7,
      employmentStart: 8,
      employmentEnd: 9,
      status: 10,
      note: 11,
    });
  });
});

describe('mapping schema and checks', () => {
  it('accepts a partial mapping and rejects bad column numbers', () => {
    expect(columnMappingSchema.safeParse({ fullName: 1 }).success).toBe(true);
    expect(columnMappingSchema.safeParse({ fullName: 1, unit: null }).success).toBe(true);
    expect(columnMappingSchema.safeParse({ fullName: -1 }).success).toBe(false);
    expect(columnMappingSchema.safeParse({ fullName: 1.5 }).success).toBe(false);
  });

  it('reports a missing name column', () => {
    const errs = checkMapping({ birthDate: 1 }, ['STT', 'Ngày sinh']);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ row: 0, field: 'fullName' });
    expect(errs[0]!.message).toBe('Chưa chọn cột "Họ và tên" — hãy chọn cột chứa họ tên cán bộ.');
  });

  it('reports one column chosen for two fields, and a column outside the sheet', () => {
    const errs = checkMapping({ fullName: 0, birthDate: 1, employmentStart: 1, note: 9 }, ['Họ tên', 'Ngày sinh']);
    expect(errs.map((e) => e.message)).toEqual([
      'Cột B ("Ngày sinh") đang được chọn cho cả "Ngày sinh" và "Ngày bắt đầu" — mỗi cột chỉ dùng cho một thông tin.',
      'Cột J chọn cho "Ghi chú" không có trong trang tính — hãy chọn một cột có dữ liệu.',
    ]);
  });

  it('columnLetter', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
