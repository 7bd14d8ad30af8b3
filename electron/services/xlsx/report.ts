// The parts of a generated table an office signs: a line of text across columns, the agency and
// office at the top left, and at the end the place and date, "NGƯỜI LẬP BIỂU" and the head's
// signature.
import type ExcelJS from 'exceljs';
import { officeHeadTitle } from '../../../shared/documents/agency';
import { formatPlaceDate, isoToPartialDate } from '../../../shared/text/vn';
import { BORDER, FONT, HEADER_FILL } from './style';

export interface SheetOffice {
  name: string;
  parentAgency: string;
  placeName: string;
  headTitle: string;
  headName: string;
}

/**
 * How a generated table prints: A4, as wide as the page and as many pages long as it takes, the
 * header rows `titleRows` (e.g. "5:5") repeated on every page, page numbers at the foot. One
 * margin set for every table: the wider left edge is the one a file binds on.
 */
export function printSetup(
  orientation: 'portrait' | 'landscape',
  titleRows?: string,
): Pick<Partial<ExcelJS.AddWorksheetOptions>, 'pageSetup' | 'headerFooter'> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(titleRows ? { printTitlesRow: titleRows } : {}),
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C&"${FONT}"&10Trang &P/&N` },
  };
}

/** A list's header row: bold, shaded, bordered, centred and wrapped. */
export function headerRow(row: ExcelJS.Row, titles: readonly string[]): void {
  titles.forEach((t, k) => {
    const cell = row.getCell(k + 1);
    cell.value = t;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

export const LIST_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 12 };
export const LIST_LEFT: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'top', wrapText: true };
export const LIST_CENTER: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'top', wrapText: true };
// one style object for every cell of a list: exceljs then works out each style once (it keeps
// them by object), which makes a list of 25,000 people several times faster to write. Never
// set a property of such a cell's style: the object is shared.
export const LEFT_CELL: Partial<ExcelJS.Style> = { font: LIST_FONT, border: BORDER, alignment: LIST_LEFT };
export const CENTRED_CELL: Partial<ExcelJS.Style> = { font: LIST_FONT, border: BORDER, alignment: LIST_CENTER };

/**
 * A sheet holding a list under a heading: the rows above `headRow` and the first `xSplit`
 * columns stay in view, the header row is printed on every page.
 */
export function listSheet(
  wb: ExcelJS.Workbook,
  name: string,
  headRow: number,
  widths: readonly number[],
  orientation: 'portrait' | 'landscape' = 'landscape',
  xSplit = 0,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ...(xSplit ? { xSplit } : {}), ySplit: headRow }],
    ...printSetup(orientation, `${headRow}:${headRow}`),
  });
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}

export const NO_OFFICE: SheetOffice = { name: '', parentAgency: '', placeName: '', headTitle: '', headName: '' };

/** Text in row `row` from column `from` to `to` (merged), Times New Roman 12 unless `font` says otherwise. */
export function sheetLine(
  ws: ExcelJS.Worksheet,
  row: number,
  text: string,
  font: Partial<ExcelJS.Font>,
  align: 'left' | 'center' | 'right',
  from: number,
  to: number,
): void {
  const cell = ws.getCell(row, from);
  cell.value = text;
  cell.font = { name: FONT, size: 12, ...font };
  cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  if (to > from) ws.mergeCells(row, from, row, to);
}

/** The superior agency and the office, upper case, over columns 1..`to` of rows 1 and 2. */
export function officeHeading(ws: ExcelJS.Worksheet, office: SheetOffice, to: number): void {
  if (office.parentAgency) sheetLine(ws, 1, office.parentAgency.toLocaleUpperCase('vi'), {}, 'center', 1, to);
  sheetLine(ws, 2, office.name.toLocaleUpperCase('vi'), { bold: true }, 'center', 1, to);
}

/**
 * From row `row`: the place and date over the right-hand columns, then who drew the table up
 * (columns 1–2) and the head who signs (the right-hand columns), with the head's name under
 * the space for the signature. `middle`: a third signer between them (the chief accountant of a
 * payment list), the head then over the last two columns.
 */
export function signatures(ws: ExcelJS.Worksheet, row: number, office: SheetOffice, today: string, ncol: number, middle?: string): void {
  let r = row;
  const sign = middle ? ncol - 1 : Math.max(3, ncol - 4);
  sheetLine(ws, r++, formatPlaceDate(office.placeName || '……', isoToPartialDate(today)), { italic: true }, 'center', middle ? sign - 1 : sign, ncol);
  sheetLine(ws, r, 'NGƯỜI LẬP BIỂU', { bold: true }, 'center', 1, 2);
  if (middle) sheetLine(ws, r, middle, { bold: true }, 'center', 3, sign - 1);
  sheetLine(ws, r++, officeHeadTitle(office).toLocaleUpperCase('vi'), { bold: true }, 'center', sign, ncol);
  sheetLine(ws, r, '(Ký, ghi rõ họ tên)', { italic: true }, 'center', 1, 2);
  if (middle) sheetLine(ws, r, '(Ký, ghi rõ họ tên)', { italic: true }, 'center', 3, sign - 1);
  sheetLine(ws, r++, '(Ký, ghi rõ họ tên, đóng dấu)', { italic: true }, 'center', sign, ncol);
  if (office.headName) sheetLine(ws, r + 4, office.headName, { bold: true }, 'center', sign, ncol);
}
