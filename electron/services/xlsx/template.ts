// Pieces of the blank workbooks ("Tải tệp mẫu") the Excel imports offer: dropdown lists kept on
// a hidden sheet (an inline list is limited to 255 characters, and unit names hold commas),
// validations on the rows to fill, and a sheet of instructions. The imports read the headers
// these workbooks carry, so a template filled in imports as it is.
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../../shared/excel/columns';
import { FONT } from './style';

/** Rows below the header that carry the dropdowns and formats. */
export const TEMPLATE_ROWS = 1000;

const LISTS_SHEET = 'DanhMuc';

/** exceljs has worksheet.dataValidations at run time (4.x) but not in its type declarations. */
interface WithValidations {
  dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
}

/**
 * The lists on a sheet hidden from the user (one column each); returns each list's range, as a
 * validation formula ("'DanhMuc'!$B$1:$B$152").
 */
export function addLists<K extends string>(wb: ExcelJS.Workbook, lists: Record<K, readonly string[]>): Record<K, string> {
  const ws = wb.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  const out = {} as Record<K, string>;
  (Object.keys(lists) as K[]).forEach((key, i) => {
    const values = lists[key].length > 0 ? lists[key] : [''];
    values.forEach((v, r) => (ws.getCell(r + 1, i + 1).value = v));
    const col = columnLetter(i);
    out[key] = `'${LISTS_SHEET}'!$${col}$1:$${col}$${values.length}`;
  });
  return out;
}

export interface ColumnRule {
  /** 1-based column */
  column: number;
  /** a list's range (addLists), a whole number between two values, or a date */
  kind: { list: string; strict: boolean } | { whole: [number, number] } | { date: true };
  /** shown when the cell is selected (Excel: up to 255 characters) */
  prompt: string;
}

/** Dropdowns and checks on rows from…from + TEMPLATE_ROWS − 1 of each column given. */
export function addRules(ws: ExcelJS.Worksheet, from: number, rules: readonly ColumnRule[]): void {
  const to = from + TEMPLATE_ROWS - 1;
  const v = (ws as unknown as WithValidations).dataValidations;
  for (const r of rules) {
    const col = columnLetter(r.column - 1);
    const range = `${col}${from}:${col}${to}`;
    const common = { allowBlank: true, showInputMessage: true, prompt: r.prompt.slice(0, 255), showErrorMessage: true };
    if ('list' in r.kind) {
      v.add(range, {
        type: 'list',
        formulae: [r.kind.list],
        ...common,
        // a strict list refuses other words; a loose one (several titles in a cell) only warns
        errorStyle: r.kind.strict ? 'stop' : 'warning',
        errorTitle: 'Giá trị không có trong danh sách',
        error: r.kind.strict ? 'Chọn một giá trị trong danh sách.' : 'Giá trị này không có trong danh sách. Vẫn giữ nếu đúng (ví dụ nhiều danh hiệu cách nhau bằng dấu ;).',
      });
    } else if ('whole' in r.kind) {
      v.add(range, {
        type: 'whole',
        operator: 'between',
        formulae: r.kind.whole,
        ...common,
        errorStyle: 'stop',
        errorTitle: 'Năm không hợp lệ',
        error: `Nhập năm từ ${r.kind.whole[0]} đến ${r.kind.whole[1]}.`,
      });
    } else {
      v.add(range, {
        type: 'date',
        operator: 'between',
        formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        ...common,
        errorStyle: 'stop',
        errorTitle: 'Ngày không hợp lệ',
        error: 'Nhập ngày dạng dd/mm/yyyy, ví dụ 05/03/1980.',
      });
      for (let row = from; row <= to; row++) ws.getCell(row, r.column).numFmt = 'dd/mm/yyyy';
    }
  }
}

/** A first sheet of instructions: a title, then one line per column or point. */
export function addGuide(wb: ExcelJS.Workbook, title: string, lines: ReadonlyArray<readonly [string, string]>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('Hướng dẫn');
  ws.columns = [{ width: 28 }, { width: 100 }];
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: FONT, size: 14, bold: true };
  lines.forEach(([head, text], i) => {
    const row = ws.getRow(i + 3);
    row.getCell(1).value = head;
    row.getCell(1).font = { name: FONT, size: 12, bold: true };
    row.getCell(2).value = text;
    row.getCell(2).font = { name: FONT, size: 12 };
    row.getCell(1).alignment = row.getCell(2).alignment = { vertical: 'top', wrapText: true };
    // ≈95 characters a line in a 100-wide column of 12 pt
    row.height = Math.max(1, Math.ceil(text.length / 95)) * 16 + 2;
  });
  return ws;
}
