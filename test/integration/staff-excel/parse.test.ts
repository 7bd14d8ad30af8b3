import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  displayCell,
  excelSerialToIso,
  readStaffWorkbook,
  sectionTitle,
} from '../../../electron/services/staff-excel/parse';
import { expectFailure, expectRead, makeXlsx, toBytes, utcDate } from './helpers';

const SUFFIX = ' Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx.';

describe('readStaffWorkbook: finding the table', () => {
  it('skips a title row above the header and keeps Excel row numbers', async () => {
    const bytes = await makeXlsx(
      [
        ['DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2025'],
        ['(Kèm theo Công văn số 12/SNV-VP)'],
        [],
        ['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị'],
        [1, 'Nguyễn Văn An', '05/03/1980', 'Văn phòng Sở'],
        [],
        [2, 'Trần Thị Bình', '01/12/1990', 'Phòng Người có công'],
      ],
      (ws) => ws.mergeCells('A1:D1'),
    );
    const read = expectRead(await readStaffWorkbook(bytes));
    expect(read.sheetName).toBe('Sheet1');
    expect(read.headerRow).toBe(4);
    expect(read.headers).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị']);
    expect(read.rows.map((r) => r.row)).toEqual([5, 7]);
    expect(read.rows[0]!.cells).toEqual([1, 'Nguyễn Văn An', '05/03/1980', 'Văn phòng Sở']);
    expect(read.warnings).toEqual([]);
  });

  it('does not take a merged title mentioning "đơn vị" for the header', async () => {
    const bytes = await makeXlsx(
      [['DANH SÁCH CÁN BỘ THEO ĐƠN VỊ'], ['Họ tên', 'Đơn vị'], ['Lê Văn Cường', 'Văn phòng Sở']],
      (ws) => ws.mergeCells('A1:B1'),
    );
    expect(expectRead(await readStaffWorkbook(bytes)).headerRow).toBe(2);
  });

  it('only looks at the first 10 rows for the header', async () => {
    const rows: ExcelJS.CellValue[][] = Array.from({ length: 10 }, (_, i) => [`Ghi chú dòng ${i + 1}`]);
    rows.push(['Họ và tên', 'Ngày sinh'], ['Nguyễn Văn An', '05/03/1980']);
    const f = expectFailure(await readStaffWorkbook(await makeXlsx(rows)));
    expect(f.reason).toBe('no_header');
    expect(f.message).toBe(
      'Không tìm thấy dòng tiêu đề cột trong 10 dòng đầu của trang tính "Sheet1". Dòng tiêu đề cần có ít nhất hai cột như "Họ và tên", "Ngày sinh", "Đơn vị", "Chức vụ" — hãy thêm dòng tiêu đề ngay phía trên danh sách.',
    );
  });

  it('uses the first sheet that has a header row (an instructions sheet first is fine), skipping hidden sheets', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Hướng dẫn').addRow(['Điền danh sách vào trang tính bên cạnh.']);
    const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
    hidden.addRow(['Họ tên', 'Ngày sinh']);
    hidden.addRow(['Người Ẩn', '01/01/1980']);
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Họ tên', 'Ngày sinh']);
    ws.addRow(['Phạm Thị Dung', '02/02/1982']);
    const read = expectRead(await readStaffWorkbook(await toBytes(wb)));
    expect(read.sheetName).toBe('Danh sách');
    expect(read.rows[0]!.cells[0]).toBe('Phạm Thị Dung');
  });

  it('skips a row of column numbers under the header, and group/total rows; stops at the signature block', async () => {
    const bytes = await makeXlsx(
      [
        ['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị'],
        ['(1)', '(2)', '(3)', '(4)'],
        ['I. Văn phòng Sở'],
        [1, 'Nguyễn Văn An', '05/03/1980'],
        ['II', 'Phòng Người có công'],
        [2, 'Trần Thị Bình', '01/12/1990'],
        [null, 'Tổng cộng: 2 người'],
        [],
        [null, 'Hà Nội, ngày 01 tháng 6 năm 2025'],
        [null, 'Người lập biểu', null, 'Thủ trưởng đơn vị'],
        [null, 'Nguyễn Văn Ký'],
      ],
      (ws) => ws.mergeCells('A3:D3'),
    );
    const read = expectRead(await readStaffWorkbook(bytes));
    expect(read.rows.map((r) => [r.row, r.section ?? null])).toEqual([
      [3, 'I. Văn phòng Sở'],
      [4, null],
      [5, 'Phòng Người có công'],
      [6, null],
    ]);
    expect(sectionTitle('I. Văn phòng Sở')).toBe('Văn phòng Sở');
    expect(read.warnings).toEqual(['Đã bỏ qua phần ký tên cuối bảng (từ dòng 9 trở xuống).']);
  });

  it('joins a second header row merged down from the first', async () => {
    const bytes = await makeXlsx(
      [
        ['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', null],
        [null, null, null, 'Chính quyền', 'Đảng'],
        [1, 'Nguyễn Văn An', '05/03/1980', 'Phó Giám đốc', 'Đảng ủy viên'],
      ],
      (ws) => {
        ws.mergeCells('A1:A2');
        ws.mergeCells('B1:B2');
        ws.mergeCells('C1:C2');
        ws.mergeCells('D1:E1');
      },
    );
    const read = expectRead(await readStaffWorkbook(bytes));
    expect(read.headerRow).toBe(1);
    expect(read.headers).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ Chính quyền', 'Chức vụ Đảng']);
    expect(read.rows.map((r) => r.row)).toEqual([3]);
  });
});

describe('readStaffWorkbook: cell values', () => {
  it('reads rich text, formulas (their result), hyperlinks, dates, numbers, booleans and formula errors', async () => {
    const bytes = await makeXlsx(
      [
        ['Họ và tên', 'Ngày sinh', 'Ghi chú', 'Số', 'Lãnh đạo', 'Lỗi'],
        [
          { richText: [{ text: 'Nguyễn ', font: { bold: true } }, { text: 'Văn An' }] },
          utcDate(1980, 3, 5),
          { text: 'Hồ sơ', hyperlink: 'https://example.invalid/hs' },
          { formula: 'A1*2', result: 42 },
          true,
          { formula: '1/0', result: { error: '#DIV/0!' } },
        ],
        [
          { formula: 'UPPER("b")', result: 'Lê Thị B' },
          29285,
          '  Nhiều   khoảng trắng  ',
          1.5,
          false,
          { error: '#N/A' },
        ],
      ],
      (ws) => {
        ws.getCell('B2').numFmt = 'dd/mm/yyyy';
      },
    );
    const read = expectRead(await readStaffWorkbook(bytes));
    expect(read.rows[0]!.cells).toEqual(['Nguyễn Văn An', { date: '1980-03-05' }, 'Hồ sơ', 42, true, { error: '#DIV/0!' }]);
    // serial numbers stay numbers here (the validator knows which columns hold dates)
    expect(read.rows[1]!.cells).toEqual(['Lê Thị B', 29285, 'Nhiều   khoảng trắng', 1.5, false, { error: '#N/A' }]);
    expect(read.rows[0]!.cells.map(displayCell)).toEqual(['Nguyễn Văn An', '05/03/1980', 'Hồ sơ', '42', 'TRUE', '#DIV/0!']);
  });

  it('gives every row of a vertically merged cell its value', async () => {
    const bytes = await makeXlsx(
      [
        ['STT', 'Họ và tên', 'Đơn vị'],
        [1, 'Nguyễn Văn An', 'Văn phòng Sở'],
        [2, 'Trần Thị Bình', null],
        [3, 'Lê Văn Cường', null],
      ],
      (ws) => ws.mergeCells('C2:C4'),
    );
    const read = expectRead(await readStaffWorkbook(bytes));
    expect(read.rows.map((r) => [r.cells[2], r.section ?? null])).toEqual([
      ['Văn phòng Sở', null],
      ['Văn phòng Sở', null],
      ['Văn phòng Sở', null],
    ]);
  });

  it('reads a date written as local midnight by a tool in UTC+7', async () => {
    const bytes = await makeXlsx([['Họ tên', 'Ngày sinh'], ['Nguyễn Văn An', new Date(Date.UTC(1980, 2, 4, 17))]], (ws) => {
      ws.getCell('B2').numFmt = 'dd/mm/yyyy';
    });
    expect(expectRead(await readStaffWorkbook(bytes)).rows[0]!.cells[1]).toEqual({ date: '1980-03-05' });
  });

  it('normalises text to NFC and drops zero-width characters', async () => {
    const bytes = await makeXlsx([
      ['Họ và tên'.normalize('NFD'), 'Đơn vị'],
      ['\u200BNguyễn Thị Hương'.normalize('NFD'), 'Văn phòng Sở\uFEFF'],
    ]);
    const read = expectRead(await readStaffWorkbook(bytes));
    expect(read.headers[0]).toBe('Họ và tên'.normalize('NFC'));
    expect(read.rows[0]!.cells).toEqual(['Nguyễn Thị Hương'.normalize('NFC'), 'Văn phòng Sở']);
  });

  it('converts serials in both date systems', () => {
    expect(excelSerialToIso(29285)).toBe('1980-03-05');
    // local midnight in UTC+7 stored by a JS tool = 17:00 of the day before
    expect(excelSerialToIso(29285 - 7 / 24)).toBe('1980-03-05');
    expect(excelSerialToIso(29285.25)).toBe('1980-03-05');
    expect(excelSerialToIso(29285 - 1462, true)).toBe('1980-03-05');
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(-5)).toBeNull();
  });

  it('reads dates from a 1904 workbook', async () => {
    const bytes = await makeXlsx([['Họ tên', 'Ngày sinh'], ['Nguyễn Văn An', utcDate(1980, 3, 5)]], (ws, wb) => {
      wb.properties.date1904 = true;
      ws.getCell('B2').numFmt = 'dd/mm/yyyy';
    });
    const read = expectRead(await readStaffWorkbook(bytes));
    expect(read.date1904).toBe(true);
    expect(read.rows[0]!.cells[1]).toEqual({ date: '1980-03-05' });
  });

  it('reports progress', async () => {
    const rows: ExcelJS.CellValue[][] = [['Họ tên', 'Ngày sinh']];
    for (let i = 0; i < 4500; i++) rows.push([`Người Thứ ${String.fromCharCode(65 + (i % 26))}`, '01/01/1980']);
    const calls: [number, number][] = [];
    expectRead(await readStaffWorkbook(await makeXlsx(rows), (d, t) => calls.push([d, t])));
    expect(calls).toEqual([
      [2000, 4500],
      [4000, 4500],
      [4500, 4500],
    ]);
  });
});

describe('readStaffWorkbook: files that are not a usable .xlsx', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string, string][] = [
    ['an empty file', () => new Uint8Array(0), 'empty_file', 'tệp rỗng (0 byte).'],
    [
      'a .xls renamed (or password-protected)',
      () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      'xls_or_encrypted',
      'tệp ở định dạng Excel 97–2003 (.xls) hoặc đã được đặt mật khẩu (nếu có mật khẩu, hãy gỡ mật khẩu trước).',
    ],
    [
      'a .csv renamed',
      () => strToU8('Họ và tên,Ngày sinh\nNguyễn Văn An,05/03/1980\n'),
      'not_spreadsheet',
      'tệp là văn bản thuần (CSV hoặc TXT), không phải bảng tính .xlsx.',
    ],
    [
      'an HTML page saved as .xls',
      () => strToU8('<html><body><table><tr><td>Họ tên</td></tr></table></body></html>'),
      'not_spreadsheet',
      'tệp là trang web hoặc tệp XML (HTML) được đặt đuôi Excel.',
    ],
    [
      'random bytes',
      () => new Uint8Array([1, 2, 3, 0, 255, 254, 7, 8]),
      'not_spreadsheet',
      'nội dung tệp không phải bảng tính.',
    ],
    [
      'a truncated .xlsx',
      async () => {
        const full = await makeXlsx([['Họ tên', 'Ngày sinh'], ['Nguyễn Văn An', '05/03/1980']]);
        return full.slice(0, Math.floor(full.length / 2));
      },
      'corrupt',
      'tệp bị hỏng hoặc chưa đầy đủ (có thể tải về hoặc sao chép chưa xong).',
    ],
    [
      'a .docx renamed',
      () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }),
      'other_office_file',
      'đây là tệp văn bản Word (.docx), không phải bảng tính.',
    ],
    [
      'a zip without a workbook',
      () => zipSync({ 'a.txt': strToU8('hello') }),
      'not_spreadsheet',
      'tệp nén (.zip) không chứa bảng tính Excel.',
    ],
    [
      'a zip with a broken workbook',
      () => zipSync({ '[Content_Types].xml': strToU8('<Types'), 'xl/workbook.xml': strToU8('<<not xml') }),
      'corrupt',
      'không đọc được nội dung bảng tính (tệp có thể bị hỏng hoặc do phần mềm khác tạo ra không đúng chuẩn).',
    ],
  ];
  it.each(cases)('%s', async (_name, make, reason, detail) => {
    const f = expectFailure(await readStaffWorkbook(await make()));
    expect(f.code).toBe('FILE_INVALID');
    expect(f.reason).toBe(reason);
    expect(f.message).toBe(`Tệp không phải tệp Excel (.xlsx) hợp lệ: ${detail}${SUFFIX}`);
  });

  it('a workbook whose sheets are all empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    wb.addWorksheet('Sheet2');
    const f = expectFailure(await readStaffWorkbook(await toBytes(wb)));
    expect(f.reason).toBe('no_data');
    expect(f.message).toBe('Tệp Excel không có dữ liệu: các trang tính đều trống. Hãy kiểm tra lại, có thể đã chọn nhầm tệp.');
  });

  it('a header row with nothing under it', async () => {
    const f = expectFailure(await readStaffWorkbook(await makeXlsx([['Tiêu đề'], ['Họ và tên', 'Ngày sinh', 'Đơn vị']])));
    expect(f.reason).toBe('no_rows');
    expect(f.message).toBe(
      'Trang tính "Sheet1" có dòng tiêu đề (dòng 2) nhưng không có dòng dữ liệu nào bên dưới. Hãy nhập danh sách cán bộ từ dòng 3.',
    );
  });

  it('a list typed in a legacy TCVN3 font', async () => {
    const bytes = await makeXlsx([['Hä vµ tªn', 'Ngµy sinh', '§¬n vÞ'], ['NguyÔn V¨n An', '05/03/1980', 'V¨n phßng Së']], (ws) => {
      ws.eachRow((r) => r.eachCell((c) => (c.font = { name: '.VnTime', size: 12 })));
    });
    const f = expectFailure(await readStaffWorkbook(bytes));
    expect(f.reason).toBe('legacy_encoding');
    expect(f.message).toContain('TCVN3');
    expect(f.message).toContain('Unicode');
  });
});
