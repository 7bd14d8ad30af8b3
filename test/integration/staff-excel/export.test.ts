import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportStaffWorkbook, type StaffExportRow } from '../../../electron/services/staff-excel/export';
import { readStaffWorkbook } from '../../../electron/services/staff-excel/parse';
import { proposeMapping } from '../../../electron/services/staff-excel/mapping';
import { toStaffRecord, validateStaffRows } from '../../../electron/services/staff-excel/validate';
import { TODAY, UNITS, expectFailure, expectRead } from './helpers';

const unitMap = new Map(UNITS.map((u) => [u.id, u.name]));

const ROWS: StaffExportRow[] = [
  {
    fullName: 'Nguyễn Thị Hương',
    gender: 'nu',
    birthDate: '1978-05-12',
    unitId: 'u-vp',
    position: 'Chánh Văn phòng',
    category: 'CC',
    isLeader: true,
    employmentStart: '2001-09-01',
    employmentEnd: null,
    status: 'dang_cong_tac',
    note: 'Chiến sĩ thi đua cơ sở',
  },
  {
    fullName: 'Trần Văn Đức',
    gender: 'nam',
    birthDate: '1960-02-29',
    unitId: 'u-ncc',
    position: 'Chuyên viên chính',
    category: 'VC',
    isLeader: false,
    employmentStart: '1982-03-15',
    employmentEnd: '2020-03-01',
    status: 'nghi_huu',
    note: '',
  },
  {
    fullName: 'Lê Thị Ánh Tuyết',
    gender: null,
    birthDate: null,
    unitId: null,
    position: '',
    category: null,
    isLeader: false,
    employmentStart: null,
    employmentEnd: null,
    status: 'chuyen_cong_tac',
    note: 'Chuyển sang Sở Y tế',
  },
  {
    fullName: 'Phạm Quốc Việt',
    gender: 'nam',
    birthDate: '1990-12-31',
    unitId: 'u-ld',
    position: 'Nhân viên',
    category: 'NLD',
    isLeader: false,
    employmentStart: '2015-01-05',
    employmentEnd: '2024-06-30',
    status: 'nghi_viec',
    note: '',
  },
  {
    fullName: 'Hoàng Văn Bình',
    gender: 'nam',
    birthDate: '1975-07-07',
    unitId: 'u-vp',
    position: 'Phó Giám đốc Sở',
    category: 'CB',
    isLeader: true,
    employmentStart: '1998-01-01',
    employmentEnd: null,
    status: 'dang_cong_tac',
    note: '',
  },
];

describe('exportStaffWorkbook', () => {
  it('round-trips: export → parse → validate gives the same records', async () => {
    const bytes = await exportStaffWorkbook(ROWS, {
      title: 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC',
      officeName: 'SỞ NỘI VỤ TỈNH LÀO CAI',
      filterDescription: 'Đơn vị: Tất cả; Trạng thái: Tất cả',
      units: unitMap,
    });
    const read = expectRead(await readStaffWorkbook(bytes));
    expect(read.headerRow).toBe(4);
    expect(read.rows.map((r) => r.row)).toEqual([5, 6, 7, 8, 9]);
    const mapping = proposeMapping(read.headers);
    const result = await validateStaffRows(read, mapping, UNITS, [], { today: TODAY });
    expect(result.errors).toEqual([]);
    expect(result.rows.map(toStaffRecord)).toEqual(ROWS);
  });

  it('writes a formatted sheet: title rows, bold filled header, frozen panes, auto-filter, real dates, Times New Roman', async () => {
    const bytes = await exportStaffWorkbook(ROWS, {
      title: 'DANH SÁCH CÁN BỘ',
      officeName: 'SỞ NỘI VỤ TỈNH LÀO CAI',
      filterDescription: 'Đơn vị: Văn phòng Sở',
      units: Object.fromEntries(unitMap),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Danh sách cán bộ');
    expect(ws.getCell('A1').value).toBe('SỞ NỘI VỤ TỈNH LÀO CAI');
    expect(ws.getCell('A2').value).toBe('DANH SÁCH CÁN BỘ');
    expect(ws.getCell('A3').value).toBe('Đơn vị: Văn phòng Sở — Tổng số: 5 người');
    expect(ws.getRow(4).values).toEqual([
      undefined,
      'STT',
      'Họ và tên',
      'Giới tính',
      'Ngày sinh',
      'Đơn vị',
      'Chức vụ',
      'Đối tượng',
      'Lãnh đạo',
      'Ngày bắt đầu',
      'Ngày kết thúc',
      'Trạng thái',
      'Ghi chú',
    ]);
    const h = ws.getCell('B4');
    expect(h.font.bold).toBe(true);
    expect(h.font.name).toBe('Times New Roman');
    expect(h.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(2).width).toBeGreaterThan(20);

    const first = ws.getRow(5);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe('Nguyễn Thị Hương');
    expect(first.getCell(3).value).toBe('Nữ');
    expect(first.getCell(4).value).toEqual(new Date(Date.UTC(1978, 4, 12)));
    expect(first.getCell(4).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(4).font.name).toBe('Times New Roman');
    expect(first.getCell(5).value).toBe('Văn phòng Sở');
    expect(first.getCell(7).value).toBe('Công chức');
    expect(first.getCell(8).value).toBe('x');
    expect(first.getCell(11).value).toBe('Đang công tác');
    expect(ws.getRow(6).getCell(11).value).toBe('Nghỉ hưu');
    expect(ws.getRow(7).getCell(11).value).toBe('Chuyển công tác');
    expect(ws.getRow(8).getCell(7).value).toBe('Người lao động');
    expect(ws.getRow(8).getCell(11).value).toBe('Nghỉ việc');
  });

  it('an empty list still makes a valid workbook (which imports as "no rows")', async () => {
    const bytes = await exportStaffWorkbook([], { title: 'DANH SÁCH CÁN BỘ', officeName: 'SỞ NỘI VỤ', units: new Map() });
    const f = expectFailure(await readStaffWorkbook(bytes));
    expect(f.reason).toBe('no_rows');
  });
});
