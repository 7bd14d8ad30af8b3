// Export the staff list as a proper .xlsx: office name, title, filter line, a bold header
// row (frozen, with auto-filter) and one row per person. The header texts are the ones
// proposeMapping recognises, so an exported file can be edited and imported back.
import type ExcelJS from 'exceljs';
import { CATEGORY_LABELS, FIELD_LABELS, GENDER_LABELS, STATUS_LABELS, YES_MARK } from './labels';
import { CHUNK_ROWS, yieldToEventLoop, type ProgressFn } from './parse';
import type { StaffRecord } from './validate';
import { printSetup } from '../xlsx/report';
import { fitWrappedRows } from '../xlsx/row-heights';
import { BORDER, FONT, excelDate, newWorkbook, workbookBytes } from '../xlsx/style';

export type StaffExportRow = StaffRecord;

export interface StaffExportOptions {
  /** e.g. "DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC" */
  title: string;
  /** office name printed top-left, e.g. "SỞ NỘI VỤ TỈNH LÀO CAI" */
  officeName: string;
  /** e.g. "Đơn vị: Văn phòng Sở; Trạng thái: Đang công tác"; '' leaves the line empty (a blank template has no count) */
  filterDescription?: string;
  /** unit id → unit name */
  units: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** worksheet name (default "Danh sách cán bộ") */
  sheetName?: string;
  /** creation time written in the file's properties (default now) */
  now?: Date;
  onProgress?: ProgressFn;
}


/** ASCII file name for a download: "danh-sach-can-bo-2025-06-01.xlsx". */
export function staffExportFileName(todayIso: string): string {
  return `danh-sach-can-bo-${todayIso}.xlsx`;
}

interface ColumnSpec {
  header: string;
  width: number;
  align: 'left' | 'center';
  value: (r: StaffExportRow, index: number, unitName: string) => ExcelJS.CellValue;
  date?: boolean;
}

const DATE_FORMAT = 'dd/mm/yyyy';

/** The exported columns, in order. Header texts are matched by proposeMapping on import. */
export const EXPORT_COLUMNS: readonly ColumnSpec[] = [
  { header: 'STT', width: 6, align: 'center', value: (_r, i) => i + 1 },
  { header: FIELD_LABELS.fullName, width: 28, align: 'left', value: (r) => r.fullName },
  { header: FIELD_LABELS.gender, width: 10, align: 'center', value: (r) => (r.gender ? GENDER_LABELS[r.gender] : null) },
  { header: FIELD_LABELS.birthDate, width: 13, align: 'center', value: (r) => excelDate(r.birthDate), date: true },
  { header: FIELD_LABELS.unit, width: 30, align: 'left', value: (_r, _i, unitName) => unitName || null },
  { header: FIELD_LABELS.position, width: 24, align: 'left', value: (r) => r.position || null },
  { header: FIELD_LABELS.category, width: 17, align: 'left', value: (r) => (r.category ? CATEGORY_LABELS[r.category] : null) },
  { header: FIELD_LABELS.isLeader, width: 10, align: 'center', value: (r) => (r.isLeader ? YES_MARK : null) },
  { header: FIELD_LABELS.employmentStart, width: 14, align: 'center', value: (r) => excelDate(r.employmentStart), date: true },
  { header: FIELD_LABELS.employmentEnd, width: 14, align: 'center', value: (r) => excelDate(r.employmentEnd), date: true },
  { header: FIELD_LABELS.status, width: 17, align: 'left', value: (r) => STATUS_LABELS[r.status] },
  { header: FIELD_LABELS.note, width: 32, align: 'left', value: (r) => r.note || null },
];


/** Build the .xlsx bytes. */
export async function exportStaffWorkbook(rows: readonly StaffExportRow[], opts: StaffExportOptions): Promise<Uint8Array> {
  const wb = newWorkbook(opts.now);
  await addStaffSheet(wb, rows, opts);
  return workbookBytes(wb);
}

/** The header row of the list sheet (under the office, the title and the filter line). */
export const STAFF_HEADER_ROW = 4;

/** The list sheet: office, title, filter line, header row, one row per person. */
export async function addStaffSheet(wb: ExcelJS.Workbook, rows: readonly StaffExportRow[], opts: StaffExportOptions): Promise<ExcelJS.Worksheet> {
  const unitName = (id: string | null): string => {
    if (!id) return '';
    const u = opts.units;
    return (u instanceof Map ? u.get(id) : (u as Readonly<Record<string, string>>)[id]) ?? '';
  };

  const ncol = EXPORT_COLUMNS.length;
  const HEADER_ROW = STAFF_HEADER_ROW;
  const ws = wb.addWorksheet(opts.sheetName ?? 'Danh sách cán bộ', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW, topLeftCell: `C${HEADER_ROW + 1}`, activeCell: `C${HEADER_ROW + 1}` }],
    ...printSetup('landscape', `${HEADER_ROW}:${HEADER_ROW}`),
  });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ width: c.width }));

  // row 1: office name; row 2: title; row 3: filter and count
  const office = ws.getCell(1, 1);
  office.value = opts.officeName;
  office.font = { name: FONT, size: 12, bold: true };
  ws.mergeCells(1, 1, 1, 5);

  const title = ws.getCell(2, 1);
  title.value = opts.title;
  title.font = { name: FONT, size: 14, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.mergeCells(2, 1, 2, ncol);
  ws.getRow(2).height = 24;

  const filter = ws.getCell(3, 1);
  const count = `Tổng số: ${rows.length.toLocaleString('vi-VN')} người`;
  filter.value = opts.filterDescription === '' ? null : opts.filterDescription ? `${opts.filterDescription} — ${count}` : count;
  filter.font = { name: FONT, size: 12, italic: true };
  filter.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.mergeCells(3, 1, 3, ncol);

  const header = ws.getRow(HEADER_ROW);
  header.height = 32;
  EXPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });

  const dataFont: Partial<ExcelJS.Font> = { name: FONT, size: 12 };
  // one style object per column, shared by its cells (cheaper than setting each part per cell)
  const styles = EXPORT_COLUMNS.map(
    (c): Partial<ExcelJS.Style> => ({
      font: dataFont,
      alignment: { horizontal: c.align, vertical: 'middle', wrapText: c.align === 'left' },
      border: BORDER,
      ...(c.date ? { numFmt: DATE_FORMAT } : {}),
    }),
  );
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % CHUNK_ROWS === 0) {
      // the chunk just written: rows i − CHUNK_ROWS … i − 1
      fitWrappedRows(ws, HEADER_ROW + 1 + i - CHUNK_ROWS, HEADER_ROW + i);
      opts.onProgress?.(i, rows.length);
      await yieldToEventLoop();
    }
    const r = rows[i]!;
    const row = ws.getRow(HEADER_ROW + 1 + i);
    const un = unitName(r.unitId);
    for (let c = 0; c < ncol; c++) {
      const spec = EXPORT_COLUMNS[c]!;
      const cell = row.getCell(c + 1);
      cell.value = spec.value(r, i, un);
      cell.style = styles[c]!;
    }
  }
  // the last chunk, whole or not: what the loop above left
  const lastChunk = rows.length === 0 ? 0 : Math.floor((rows.length - 1) / CHUNK_ROWS) * CHUNK_ROWS;
  fitWrappedRows(ws, HEADER_ROW + 1 + lastChunk, HEADER_ROW + rows.length);
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + Math.max(rows.length, 0), column: ncol } };
  opts.onProgress?.(rows.length, rows.length);
  return ws;
}
