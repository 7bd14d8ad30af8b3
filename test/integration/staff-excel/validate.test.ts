import { describe, expect, it } from 'vitest';
import { readStaffWorkbook } from '../../../electron/services/staff-excel/parse';
import { proposeMapping } from '../../../electron/services/staff-excel/mapping';
import { validateStaffRows, type ValidStaffRow } from '../../../electron/services/staff-excel/validate';
import { HEADERS, TODAY, UNITS, expectRead, importRows, makeXlsx, person, utcDate } from './helpers';

/** The only error message of a one-person import (person is on Excel row 2). */
async function onlyError(p: Parameters<typeof person>[0], opts: Parameters<typeof importRows>[1] = {}) {
  const { result } = await importRows([HEADERS, person({ stt: 1, name: 'Nguyễn Văn An', ...p })], opts);
  expect(result.rows).toEqual([]);
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!;
}

async function onlyRow(p: Parameters<typeof person>[0], opts: Parameters<typeof importRows>[1] = {}): Promise<ValidStaffRow> {
  const { result } = await importRows([HEADERS, person({ stt: 1, name: 'Nguyễn Văn An', ...p })], opts);
  expect(result.errors).toEqual([]);
  expect(result.rows).toHaveLength(1);
  return result.rows[0]!;
}

describe('validateStaffRows: a good row', () => {
  it('reads every field', async () => {
    const r = await onlyRow({
      name: '  Nguyễn   Thị  Hương ',
      birth: '05/03/1980',
      unit: 'Văn phòng Sở',
      gender: 'Nữ',
      category: 'Công chức',
      leader: 'x',
      status: 'Đang công tác',
      start: '01/09/2002',
      end: null,
      position: 'Chánh Văn phòng',
      note: 'Chiến sĩ thi đua cơ sở 2024',
    });
    expect(r).toEqual({
      row: 2,
      fullName: 'Nguyễn Thị Hương',
      gender: 'nu',
      birthDate: '1980-03-05',
      unitId: 'u-vp',
      unitName: 'Văn phòng Sở',
      position: 'Chánh Văn phòng',
      category: 'CC',
      isLeader: true,
      employmentStart: '2002-09-01',
      employmentEnd: null,
      status: 'dang_cong_tac',
      note: 'Chiến sĩ thi đua cơ sở 2024',
    });
  });

  it('defaults: no gender, no unit, not a leader, status "đang công tác", empty texts', async () => {
    const r = await onlyRow({});
    expect(r).toMatchObject({ gender: null, birthDate: null, unitId: null, unitName: null, isLeader: false, status: 'dang_cong_tac', position: '', note: '', category: null });
  });

  it('stores NFC text with single spaces', async () => {
    const r = await onlyRow({ name: 'Lê  Thị Ánh   Tuyết'.normalize('NFD'), position: 'Phó  Trưởng phòng'.normalize('NFD') });
    expect(r.fullName).toBe('Lê Thị Ánh Tuyết'.normalize('NFC'));
    expect(r.position).toBe('Phó Trưởng phòng'.normalize('NFC'));
  });
});

describe('validateStaffRows: dates', () => {
  it('accepts Excel dates, serial numbers and typed dates alike', async () => {
    const { result } = await importRows([
      HEADERS,
      person({ name: 'Một Người A', birth: utcDate(1980, 3, 5) }),
      person({ name: 'Một Người B', birth: 29285 }),
      person({ name: 'Một Người C', birth: '05/03/1980' }),
      person({ name: 'Một Người D', birth: '5/3/1980' }),
      person({ name: 'Một Người E', birth: '05-03-1980' }),
      person({ name: 'Một Người F', birth: '05.03.1980' }),
      person({ name: 'Một Người G', birth: '1980-03-05' }),
      person({ name: 'Một Người H', birth: 'ngày 05 tháng 3 năm 1980' }),
      person({ name: 'Một Người I', birth: '05/03/1980 00:00:00' }),
      person({ name: 'Một Người K', birth: '29285' }),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.birthDate)).toEqual(Array(10).fill('1980-03-05'));
  });

  it('an impossible date', async () => {
    const e = await onlyError({ birth: '31/02/1980' });
    expect(e).toEqual({
      row: 2,
      column: 'C',
      header: 'Ngày sinh',
      field: 'birthDate',
      value: '31/02/1980',
      message: 'Dòng 2, cột C (Ngày sinh): "31/02/1980" không phải ngày hợp lệ — nhập theo dạng dd/mm/yyyy, ví dụ 05/03/1980.',
    });
  });

  it('text that is not a date', async () => {
    expect((await onlyError({ birth: 'khoảng 1980' })).message).toBe(
      'Dòng 2, cột C (Ngày sinh): "khoảng 1980" không phải ngày hợp lệ — nhập theo dạng dd/mm/yyyy, ví dụ 05/03/1980.',
    );
    expect((await onlyError({ birth: true })).message).toBe(
      'Dòng 2, cột C (Ngày sinh): "TRUE" không phải ngày hợp lệ — nhập theo dạng dd/mm/yyyy, ví dụ 05/03/1980.',
    );
  });

  it('only a year, or a month and year', async () => {
    expect((await onlyError({ birth: 1980 })).message).toBe(
      'Dòng 2, cột C (Ngày sinh): "1980" mới có năm — nhập đủ ngày, tháng, năm theo dạng dd/mm/yyyy, ví dụ 05/03/1980.',
    );
    expect((await onlyError({ birth: '1980' })).message).toBe(
      'Dòng 2, cột C (Ngày sinh): "1980" mới có năm — nhập đủ ngày, tháng, năm theo dạng dd/mm/yyyy, ví dụ 05/03/1980.',
    );
    expect((await onlyError({ birth: '03/1980' })).message).toBe(
      'Dòng 2, cột C (Ngày sinh): "03/1980" thiếu ngày — nhập đủ ngày, tháng, năm theo dạng dd/mm/yyyy, ví dụ 05/03/1980.',
    );
  });

  it('a birth date in the future', async () => {
    expect((await onlyError({ birth: '05/03/2030' })).message).toBe(
      'Dòng 2, cột C (Ngày sinh): "05/03/2030" là ngày trong tương lai — kiểm tra lại ngày sinh.',
    );
  });

  it('an implausible age (under 15 or over 100 on the import date)', async () => {
    expect((await onlyError({ birth: '02/06/2010' })).message).toBe(
      'Dòng 2, cột C (Ngày sinh): "02/06/2010" không hợp lý: đến ngày 01/06/2025 người này 14 tuổi — tuổi phải từ 15 đến 100, hãy kiểm tra lại năm sinh.',
    );
    expect((await onlyError({ birth: utcDate(1920, 1, 1) })).message).toBe(
      'Dòng 2, cột C (Ngày sinh): "01/01/1920" không hợp lý: đến ngày 01/06/2025 người này 105 tuổi — tuổi phải từ 15 đến 100, hãy kiểm tra lại năm sinh.',
    );
    // exactly 15 today is fine
    expect((await onlyRow({ birth: '01/06/2010' })).birthDate).toBe('2010-06-01');
  });

  it('an end date before the start date', async () => {
    const e = await onlyError({ start: '01/01/2010', end: utcDate(2000, 1, 1) });
    expect(e).toMatchObject({ row: 2, column: 'J', header: 'Ngày kết thúc', field: 'employmentEnd', value: '01/01/2000' });
    expect(e.message).toBe(
      'Dòng 2, cột J (Ngày kết thúc): ngày kết thúc 01/01/2000 trước ngày bắt đầu 01/01/2010 — sửa lại một trong hai ngày.',
    );
  });

  it('a start date before the birth date', async () => {
    expect((await onlyError({ birth: '05/03/1980', start: '01/01/1975' })).message).toBe(
      'Dòng 2, cột I (Ngày bắt đầu): ngày bắt đầu công tác 01/01/1975 trước ngày sinh 05/03/1980 — kiểm tra lại hai ngày này.',
    );
  });

  it('an employment date that is not a date', async () => {
    expect((await onlyError({ end: '30/13/2020' })).message).toBe(
      'Dòng 2, cột J (Ngày kết thúc): "30/13/2020" không phải ngày hợp lệ — nhập theo dạng dd/mm/yyyy, ví dụ 05/03/1980.',
    );
  });
});

describe('validateStaffRows: names and texts', () => {
  it('a missing name', async () => {
    const { result } = await importRows([HEADERS, person({ stt: 1, birth: '05/03/1980', unit: 'Văn phòng Sở' })]);
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'B',
        header: 'Họ và tên',
        field: 'fullName',
        value: null,
        message: 'Dòng 2, cột B (Họ và tên): thiếu họ tên — nhập họ và tên đầy đủ, ví dụ Nguyễn Văn An.',
      },
    ]);
  });

  it('a name with digits (a shifted column)', async () => {
    expect((await onlyError({ name: '05/03/1980' })).message).toBe(
      'Dòng 2, cột B (Họ và tên): "05/03/1980" có chữ số — họ tên chỉ gồm chữ cái, hãy kiểm tra lại (có thể nhập nhầm cột).',
    );
  });

  it('a name that is too long', async () => {
    const e = await onlyError({ name: 'A'.repeat(101) });
    expect(e.message).toMatch(/^Dòng 2, cột B \(Họ và tên\): "A{77}…" dài quá 100 ký tự \(hiện có 101\) — hãy rút gọn\.$/);
  });

  it('a formula error in a cell', async () => {
    expect((await onlyError({ position: { formula: 'VLOOKUP(A2,X:Y,2,0)', result: { error: '#N/A' } } })).message).toBe(
      'Dòng 2, cột K (Chức vụ): "#N/A" là lỗi công thức trong Excel — sửa công thức hoặc nhập giá trị trực tiếp.',
    );
  });
});

describe('validateStaffRows: coded values', () => {
  it('gender words', async () => {
    const words = ['Nam', 'nam', 'NAM', 'Nữ', 'nữ', 'NỮ', 'nu', 'Nu'.normalize('NFD')];
    const { result } = await importRows([HEADERS, ...words.map((g, i) => person({ name: `Người Số ${'ABCDEFGHIK'[i]}`, gender: g }))]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.gender)).toEqual(['nam', 'nam', 'nam', 'nu', 'nu', 'nu', 'nu', 'nu']);
  });

  it('an invalid gender', async () => {
    expect((await onlyError({ gender: 'Khác' })).message).toBe('Dòng 2, cột E (Giới tính): "Khác" không phải giới tính hợp lệ — nhập "Nam" hoặc "Nữ".');
  });

  it('a "Nữ" column marked with x (blank = nam)', async () => {
    const { result } = await importRows([
      ['Họ và tên', 'Nữ'],
      ['Nguyễn Thị Hoa', 'x'],
      ['Trần Văn Nam', null],
      ['Lê Thị Mai', 'X'],
      ['Phạm Văn Bình', 'ừ'],
    ]);
    expect(result.rows.map((r) => r.gender)).toEqual(['nu', 'nam', 'nu']);
    expect(result.errors.map((e) => e.message)).toEqual(['Dòng 5, cột B (Nữ): "ừ" không hợp lệ — đánh "x" nếu là nữ, để trống nếu là nam.']);
  });

  it('category words', async () => {
    const words = ['cong chuc', 'CC', 'công chức', 'Công Chức', 'Cán bộ', 'CB', 'Viên chức', 'vc', 'Người lao động', 'NLĐ', 'Hợp đồng lao động'];
    const { result } = await importRows([HEADERS, ...words.map((c, i) => person({ name: `Người Số ${'ABCDEFGHIKLM'[i]}`, category: c }))]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.category)).toEqual(['CC', 'CC', 'CC', 'CC', 'CB', 'CB', 'VC', 'VC', 'NLD', 'NLD', 'NLD']);
  });

  it('an invalid category', async () => {
    expect((await onlyError({ category: 'Chuyên viên' })).message).toBe(
      'Dòng 2, cột F (Đối tượng): "Chuyên viên" không phải đối tượng hợp lệ — nhập một trong: Cán bộ, Công chức, Viên chức, Người lao động (hoặc viết tắt CB, CC, VC, NLĐ).',
    );
  });

  it('leader marks', async () => {
    const marks = ['x', 'X', 'có', 'Có', '1', 1, true, 'TRUE', '✓', null, '0', 0, false, 'không', '-'];
    const { result } = await importRows([HEADERS, ...marks.map((v, i) => person({ name: `Người Số ${'ABCDEFGHIKLMNOPQ'[i]}`, leader: v }))]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.isLeader)).toEqual([...Array(9).fill(true), ...Array(6).fill(false)]);
  });

  it('an invalid leader mark', async () => {
    expect((await onlyError({ leader: 'Trưởng phòng' })).message).toBe(
      'Dòng 2, cột G (Lãnh đạo): "Trưởng phòng" không hợp lệ — đánh "x" nếu là lãnh đạo, để trống nếu không.',
    );
  });

  it('status words', async () => {
    const words = ['Đang công tác', 'đang công tác', 'dang_cong_tac', 'Nghỉ hưu', 'nghi huu', 'Chuyển công tác', 'Nghỉ việc', 'Thôi việc'];
    const { result } = await importRows([HEADERS, ...words.map((s, i) => person({ name: `Người Số ${'ABCDEFGHIK'[i]}`, status: s }))]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.status)).toEqual([
      'dang_cong_tac',
      'dang_cong_tac',
      'dang_cong_tac',
      'nghi_huu',
      'nghi_huu',
      'chuyen_cong_tac',
      'nghi_viec',
      'nghi_viec',
    ]);
  });

  it('an invalid status', async () => {
    expect((await onlyError({ status: 'Đi học' })).message).toBe(
      'Dòng 2, cột H (Trạng thái): "Đi học" không phải trạng thái hợp lệ — nhập một trong: Đang công tác, Nghỉ hưu, Chuyển công tác, Nghỉ việc.',
    );
  });
});

describe('validateStaffRows: units', () => {
  it('matches a unit by name (any case, with or without diacritics) or by code', async () => {
    const units = ['Văn phòng Sở', 'VĂN PHÒNG SỞ', 'van phong so', 'VP', 'vp', 'ncc', 'Phòng Lao động – Việc làm'];
    const { result } = await importRows([HEADERS, ...units.map((u, i) => person({ name: `Người Số ${'ABCDEFGHIK'[i]}`, unit: u }))]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.unitId)).toEqual(['u-vp', 'u-vp', 'u-vp', 'u-vp', 'u-vp', 'u-ncc', 'u-ld']);
  });

  it('an unknown unit', async () => {
    const e = await onlyError({ unit: 'Phòng ABC' });
    expect(e).toMatchObject({ row: 2, column: 'D', field: 'unit', value: 'Phòng ABC' });
    expect(e.message).toBe(
      'Dòng 2, cột D (Đơn vị): đơn vị "Phòng ABC" chưa có trong danh sách đơn vị — thêm đơn vị trước hoặc sửa tên cho khớp.',
    );
  });

  it('a name shared by two units', async () => {
    const units = [...UNITS, { id: 'u-vp2', name: 'Văn Phòng Sở', code: 'VP2', parentId: null }];
    // exact spelling wins; a folded spelling that fits both is ambiguous
    expect((await onlyRow({ unit: 'Văn Phòng Sở' }, { units })).unitId).toBe('u-vp2');
    expect((await onlyError({ unit: 'van phong so' }, { units })).message).toBe(
      'Dòng 2, cột D (Đơn vị): đơn vị "van phong so" khớp với nhiều đơn vị: Văn phòng Sở (mã VP); Văn Phòng Sở (mã VP2) — hãy ghi đơn vị kèm đơn vị cấp trên như trên (ví dụ "Văn phòng Sở") hoặc ghi mã đơn vị.',
    );
  });

  it('a unit named by its path, as the staff export writes a name several units share', async () => {
    // a province: every sở has a Văn phòng
    const units = [
      { id: 's-tc', name: 'Sở Tài chính', code: null, parentId: null },
      { id: 's-nv', name: 'Sở Nội vụ', code: null, parentId: null },
      { id: 'vp-tc', name: 'Văn phòng', code: null, parentId: 's-tc' },
      { id: 'vp-nv', name: 'Văn phòng', code: null, parentId: 's-nv' },
      { id: 'tt-nv', name: 'Trung tâm 1', code: null, parentId: 's-nv' },
      { id: 'vp-tt', name: 'Văn phòng', code: null, parentId: 'tt-nv' },
    ];
    expect((await onlyRow({ unit: 'Sở Tài chính › Văn phòng' }, { units })).unitId).toBe('vp-tc');
    // other separators, no diacritics, any case
    expect((await onlyRow({ unit: 'so noi vu > VĂN PHÒNG' }, { units })).unitId).toBe('vp-nv');
    expect((await onlyRow({ unit: 'Sở Nội vụ / Trung tâm 1 / Văn phòng' }, { units })).unitId).toBe('vp-tt');
    expect((await onlyRow({ unit: 'Trung tâm 1 › Văn phòng' }, { units })).unitId).toBe('vp-tt');
    // the name alone fits three: the message lists them as paths to copy
    expect((await onlyError({ unit: 'Văn phòng' }, { units })).message).toBe(
      'Dòng 2, cột D (Đơn vị): đơn vị "Văn phòng" khớp với nhiều đơn vị: Sở Tài chính › Văn phòng; Sở Nội vụ › Văn phòng; Sở Nội vụ › Trung tâm 1 › Văn phòng — hãy ghi đơn vị kèm đơn vị cấp trên như trên (ví dụ "Sở Tài chính › Văn phòng") hoặc ghi mã đơn vị.',
    );
    expect((await onlyError({ unit: 'Sở Xây dựng › Văn phòng' }, { units })).message).toBe(
      'Dòng 2, cột D (Đơn vị): đơn vị "Sở Xây dựng › Văn phòng" chưa có trong danh sách đơn vị — thêm đơn vị trước hoặc sửa tên cho khớp.',
    );
  });

  it('a missing unit when units are required', async () => {
    expect((await onlyError({}, { requireUnit: true })).message).toBe(
      'Dòng 2, cột D (Đơn vị): thiếu đơn vị — nhập tên hoặc mã một đơn vị có trong danh sách đơn vị.',
    );
  });

  it('takes the unit from group rows ("I. Văn phòng Sở") for rows with an empty unit cell', async () => {
    const bytes = await makeXlsx(
      [
        ['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị'],
        ['I. Văn phòng Sở'],
        [1, 'Nguyễn Văn An', '05/03/1980'],
        [2, 'Trần Thị Bình', '05/03/1981', 'Phòng Người có công'],
        ['II', 'Phòng Người có công'],
        [3, 'Lê Văn Cường', '05/03/1982'],
        [null, 'Phòng Lao động – Việc làm'],
        [4, 'Phạm Thị Dung', '05/03/1983'],
        ['III. Khối sự nghiệp'],
        [5, 'Hoàng Văn Em', '05/03/1984'],
      ],
      (ws) => {
        ws.mergeCells('A2:D2');
        ws.mergeCells('A9:D9');
      },
    );
    const read = expectRead(await readStaffWorkbook(bytes));
    const result = await validateStaffRows(read, proposeMapping(read.headers), UNITS, [], { today: TODAY });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.unitId])).toEqual([
      [3, 'u-vp'],
      [4, 'u-ncc'],
      [6, 'u-ncc'],
      [8, 'u-ld'],
      [10, null],
    ]);
    expect(result.stats).toMatchObject({ dataRows: 5, sectionRows: 4, unitsFromSection: 3 });
  });
});

describe('validateStaffRows: rows and mapping', () => {
  it('skips completely empty rows (and rows with only a number in an unmapped STT column) silently', async () => {
    const { result } = await importRows([
      HEADERS,
      person({ stt: 1, name: 'Nguyễn Văn An' }),
      person({ stt: 2 }),
      person({ stt: 3, note: '   ' }),
      person({ stt: 4, name: 'Trần Thị Bình' }),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(result.stats).toMatchObject({ dataRows: 2, validRows: 2, emptyRows: 2, errorRows: 0 });
  });

  it('a mapping without the name column: a mapping-level error and no rows', async () => {
    const read = expectRead(await readStaffWorkbook(await makeXlsx([HEADERS, person({ name: 'Nguyễn Văn An' })])));
    const result = await validateStaffRows(read, { ...proposeMapping(read.headers), fullName: null }, UNITS, [], { today: TODAY });
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { row: 0, column: null, header: null, field: 'fullName', value: null, message: 'Chưa chọn cột "Họ và tên" — hãy chọn cột chứa họ tên cán bộ.' },
    ]);
  });

  it('takes a user-edited mapping (columns moved, some fields left out)', async () => {
    const read = expectRead(
      await readStaffWorkbook(await makeXlsx([['Ghi chú', 'Tên cán bộ', 'Đơn vị'], ['05/03/1980', 'Nguyễn Văn An', 'Văn phòng Sở']])),
    );
    expect(read.ok).toBe(true);
    const result = await validateStaffRows(read, { fullName: 1, birthDate: 0 }, UNITS, [], { today: TODAY });
    expect(result.rows).toMatchObject([{ fullName: 'Nguyễn Văn An', birthDate: '1980-03-05', unitId: null }]);
  });

  it('several errors on one row are all reported, in column order', async () => {
    const { result } = await importRows([HEADERS, person({ name: 'Nguyễn Văn An', birth: '31/02/1980', unit: 'Phòng ABC', gender: '?', status: '?' })]);
    expect(result.errors.map((e) => e.column)).toEqual(['C', 'D', 'E', 'H']);
    expect(result.stats).toMatchObject({ dataRows: 1, validRows: 0, errorRows: 1, errorCount: 4 });
  });
});

describe('validateStaffRows: duplicates', () => {
  const rows = [
    HEADERS,
    person({ stt: 1, name: 'Nguyễn Văn An', birth: '05/03/1980', unit: 'Văn phòng Sở' }),
    person({ stt: 2, name: 'Nguyễn Văn An', birth: '05/03/1980', unit: 'Phòng Người có công' }), // other unit: not a duplicate
    person({ stt: 3, name: 'Trần Thị Bình', birth: '01/01/1990', unit: 'Văn phòng Sở' }),
    person({ stt: 4, name: 'NGUYỄN VĂN AN', birth: utcDate(1980, 3, 5), unit: 'VP' }), // same person, written differently
    person({ stt: 5, name: 'Nguyen Van An', birth: 29285, unit: 'van phong so' }), // and again
  ];

  it('within the file: every row of the group is listed; later rows are errors', async () => {
    const { result } = await importRows(rows);
    expect(result.duplicates).toEqual([
      { kind: 'in_file', rows: [2, 5, 6], fullName: 'Nguyễn Văn An', birthDate: '1980-03-05', unitId: 'u-vp' },
    ]);
    expect(result.errors.map((e) => e.message)).toEqual([
      'Dòng 5 trùng với dòng 2 (cùng họ tên, ngày sinh, đơn vị) — xóa dòng trùng, hoặc sửa lại nếu là người khác.',
      'Dòng 6 trùng với dòng 2 (cùng họ tên, ngày sinh, đơn vị) — xóa dòng trùng, hoặc sửa lại nếu là người khác.',
    ]);
    expect(result.errors[0]).toMatchObject({ row: 5, column: 'B', field: 'fullName', value: 'NGUYỄN VĂN AN' });
    expect(result.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(result.stats.duplicateRows).toBe(2);
  });

  it('against people already in the database', async () => {
    const existing = [
      { id: 's-1', fullName: 'Trần Thị Bình', birthDate: '1990-01-01', unitId: 'u-vp' },
      { id: 's-2', fullName: 'Trần Thị Bình', birthDate: '1990-01-01', unitId: 'u-ncc' },
    ];
    const { result } = await importRows(rows.slice(0, 4), { existing });
    expect(result.duplicates).toEqual([
      { kind: 'existing', row: 4, existingIndex: 0, existingId: 's-1', fullName: 'Trần Thị Bình', birthDate: '1990-01-01', unitId: 'u-vp' },
    ]);
    expect(result.errors.map((e) => e.message)).toEqual([
      'Dòng 4: cán bộ "Trần Thị Bình" (sinh ngày 01/01/1990, đơn vị Văn phòng Sở) đã có trong cơ sở dữ liệu — bỏ dòng này, hoặc sửa lại nếu là người khác.',
    ]);
  });

  it('the caller may accept duplicates: they are listed, not errors', async () => {
    const existing = [{ fullName: 'Trần Thị Bình', birthDate: '1990-01-01', unitId: 'u-vp' }];
    const { result } = await importRows(rows, { existing, duplicatesAreErrors: false });
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(5);
    expect(result.duplicates.map((d) => d.kind)).toEqual(['existing', 'in_file']);
  });
});

describe('validateStaffRows: cooperative progress', () => {
  it('reports progress every 2,000 rows and gives the event loop a turn', async () => {
    const rows = [['Họ và tên', 'Ngày sinh']];
    for (let i = 0; i < 5000; i++) rows.push([`Người ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26) % 26)}`, '']);
    const read = expectRead(await readStaffWorkbook(await makeXlsx(rows)));
    const calls: [number, number][] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const result = await validateStaffRows(read, proposeMapping(read.headers), [], [], {
      today: TODAY,
      duplicatesAreErrors: false,
      onProgress: (d, t) => calls.push([d, t]),
    });
    clearInterval(timer);
    expect(result.rows).toHaveLength(5000);
    expect(calls).toEqual([
      [2000, 5000],
      [4000, 5000],
      [5000, 5000],
    ]);
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops when onProgress throws (cancel)', async () => {
    const rows = [['Họ và tên', 'Ghi chú']];
    for (let i = 0; i < 2500; i++) rows.push(['Nguyễn Văn An', '']);
    const read = expectRead(await readStaffWorkbook(await makeXlsx(rows)));
    await expect(
      validateStaffRows(read, proposeMapping(read.headers), [], [], {
        today: TODAY,
        onProgress: () => {
          throw new Error('cancelled');
        },
      }),
    ).rejects.toThrow('cancelled');
  });
});
