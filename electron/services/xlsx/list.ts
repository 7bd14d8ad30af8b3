// A signed list as an office sends it: agency and office, a title, lines saying what is listed,
// a header row, groups (a numbered row in Roman numerals, then the group's rows numbered from 1),
// then place, date, NGƯỜI LẬP BIỂU and the head. The record lists' "Xuất Excel" all take this shape.
import type ExcelJS from 'exceljs';
import { toRoman } from '../../../shared/text/vn';
import { CENTRED_CELL, LEFT_CELL, headerRow, listSheet, officeHeading, sheetLine, signatures, type SheetOffice } from './report';
import { fitWrappedRows } from './row-heights';
import { BORDER, FONT, GROUP_FILL, newWorkbook, workbookBytes } from './style';

export type ListCell = string | number | Date | null;

export interface GroupedList {
  office: SheetOffice;
  sheetName: string;
  /** upper case, e.g. "DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2026" */
  title: string;
  /** italic lines under the title: the scope, the filters, the counts */
  lines: readonly string[];
  /** after the STT column, which every list has */
  columns: ReadonlyArray<{ header: string; width: number; centred?: boolean; date?: boolean; money?: boolean }>;
  groups: ReadonlyArray<{ title: string; rows: ReadonlyArray<readonly ListCell[]> }>;
  /** said instead of the table's rows when there are none */
  empty: string;
  today: string;
}

/** Rows written between two yields to the event loop. */
const CHUNK_ROWS = 2000;

// shared, like the other list cell styles: never set a property on a cell that has it
const DATE_CELL: Partial<ExcelJS.Style> = { ...CENTRED_CELL, numFmt: 'dd/mm/yyyy' };
const MONEY_CELL: Partial<ExcelJS.Style> = { ...LEFT_CELL, alignment: { ...LEFT_CELL.alignment, horizontal: 'right' }, numFmt: '#,##0' };

export async function groupedListWorkbook(list: GroupedList, now: Date = new Date()): Promise<Uint8Array> {
  const wb = newWorkbook(now);
  const HEAD = 5 + list.lines.length;
  const ncol = list.columns.length + 1;
  const ws = listSheet(wb, list.sheetName, HEAD, [6, ...list.columns.map((c) => c.width)]);
  const line = (row: number, text: string, font: Partial<ExcelJS.Font>) => sheetLine(ws, row, text, font, 'center', 1, ncol);
  officeHeading(ws, list.office, Math.min(3, ncol));
  line(4, list.title, { size: 14, bold: true });
  list.lines.forEach((text, i) => line(5 + i, text, { italic: true }));
  headerRow(ws.getRow(HEAD), ['STT', ...list.columns.map((c) => c.header)]);
  ws.getRow(HEAD).height = 32;

  let r = HEAD + 1;
  let fitted = r;
  for (const [i, g] of list.groups.entries()) {
    const row = ws.getRow(r++);
    row.getCell(1).value = toRoman(i + 1);
    row.getCell(2).value = g.title;
    if (ncol > 2) ws.mergeCells(row.number, 2, row.number, ncol);
    for (const k of [1, 2]) {
      const cell = row.getCell(k);
      cell.font = { name: FONT, size: 12, bold: true };
      cell.fill = GROUP_FILL;
      cell.border = BORDER;
      cell.alignment = { horizontal: k === 1 ? 'center' : 'left', vertical: 'middle', wrapText: true };
    }
    for (const [n, values] of g.rows.entries()) {
      const out = ws.getRow(r++);
      [n + 1, ...values].forEach((v, k) => {
        const cell = out.getCell(k + 1);
        cell.value = v === '' ? null : v;
        const col = list.columns[k - 1];
        cell.style = col?.date ? DATE_CELL : col?.money ? MONEY_CELL : k === 0 || col?.centred ? CENTRED_CELL : LEFT_CELL;
      });
      if (r - fitted >= CHUNK_ROWS) {
        fitWrappedRows(ws, fitted, r - 1);
        fitted = r;
        // the core answers other calls between chunks (a province's list of every year runs to 230,000 rows)
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  if (list.groups.length === 0) line(r++, list.empty, { italic: true });
  fitWrappedRows(ws, fitted, r - 1);
  signatures(ws, r + 1, list.office, list.today, ncol);
  return workbookBytes(wb);
}
