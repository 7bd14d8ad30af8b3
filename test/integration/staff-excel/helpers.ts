import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { readStaffWorkbook, type Failure, type SheetRead } from '../../../electron/services/staff-excel/parse';
import { proposeMapping } from '../../../electron/services/staff-excel/mapping';
import { validateStaffRows, type UnitRef, type ExistingStaff, type ValidateOptions } from '../../../electron/services/staff-excel/validate';

export const TODAY = '2025-06-01';

export const UNITS: UnitRef[] = [
  { id: 'u-vp', name: 'Văn phòng Sở', code: 'VP', parentId: null },
  { id: 'u-ncc', name: 'Phòng Người có công', code: 'NCC', parentId: null },
  { id: 'u-ld', name: 'Phòng Lao động – Việc làm', code: null, parentId: null },
];

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** A one-sheet workbook from rows of values (row 1 first); mutate may style or merge. */
export async function makeXlsx(
  rows: ExcelJS.CellValue[][],
  mutate?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  rows.forEach((r, i) => {
    // row.values is 1-based: a leading hole keeps column A = r[0]
    const row = ws.getRow(i + 1);
    r.forEach((v, c) => {
      if (v !== null && v !== undefined) row.getCell(c + 1).value = v;
    });
  });
  mutate?.(ws, wb);
  return toBytes(wb);
}

export function expectRead(r: SheetRead | Failure): SheetRead {
  if (!r.ok) throw new Error(`expected a sheet, got ${r.reason}: ${r.message}`);
  return r;
}

export function expectFailure(r: SheetRead | Failure): Failure {
  expect(r.ok).toBe(false);
  return r as Failure;
}

/** Header row at row 1, data from row 2: parse, propose the mapping and validate. */
export async function importRows(
  rows: ExcelJS.CellValue[][],
  opts: Partial<ValidateOptions> & { units?: UnitRef[]; existing?: ExistingStaff[] } = {},
) {
  const read = expectRead(await readStaffWorkbook(await makeXlsx(rows)));
  const mapping = proposeMapping(read.headers);
  const result = await validateStaffRows(read, mapping, opts.units ?? UNITS, opts.existing ?? [], { today: TODAY, ...opts });
  return { read, mapping, result };
}

export const HEADERS = ['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị', 'Giới tính', 'Đối tượng', 'Lãnh đạo', 'Trạng thái', 'Ngày bắt đầu', 'Ngày kết thúc', 'Chức vụ', 'Ghi chú'];
//                       A       B             C            D         E            F            G           H              I               J                K          L

/** A row under HEADERS; fields not given are blank. */
export function person(p: {
  stt?: number;
  name?: ExcelJS.CellValue;
  birth?: ExcelJS.CellValue;
  unit?: ExcelJS.CellValue;
  gender?: ExcelJS.CellValue;
  category?: ExcelJS.CellValue;
  leader?: ExcelJS.CellValue;
  status?: ExcelJS.CellValue;
  start?: ExcelJS.CellValue;
  end?: ExcelJS.CellValue;
  position?: ExcelJS.CellValue;
  note?: ExcelJS.CellValue;
}): ExcelJS.CellValue[] {
  return [
    p.stt ?? null,
    p.name ?? null,
    p.birth ?? null,
    p.unit ?? null,
    p.gender ?? null,
    p.category ?? null,
    p.leader ?? null,
    p.status ?? null,
    p.start ?? null,
    p.end ?? null,
    p.position ?? null,
    p.note ?? null,
  ];
}

export const utcDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
