// Row heights for generated workbooks. A row with no stored height is an auto-height row:
// Excel fits it to its wrapped text when it shows the sheet, but LibreOffice Calc and WPS keep
// it one line high and the text runs over the rows below. So each row of wrapped text gets the
// height its tallest cell needs, estimated with Times New Roman's metrics (a little generous:
// too tall leaves white space, too short would hide text).
import type ExcelJS from 'exceljs';
import { wrappedLineCount } from '../../../shared/documents/metrics';

/** The text's width inside a column of `chars` (Excel's unit: digits of the default font, 7 px each at 96 dpi), twips. */
export function columnTextTwips(chars: number): number {
  const px = Math.trunc(chars * 7 + 5);
  // 2 px of cell padding each side; 1 px = 15 twips
  return Math.max(15, (px - 4) * 15);
}

/** Line height of Times New Roman in Excel and Calc: about 1.2 × the font size, plus the cell's padding. */
const LINE = 1.2;
const PAD_PT = 3;
/** The estimate wraps into 92 % of the width: fonts and rounding differ a little between programs. */
const WIDTH_MARGIN = 0.92;

function cellText(v: ExcelJS.CellValue): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return null;
}

/** Sets the height of rows `from`..`to` (1-based, inclusive) that wrap onto several lines; merged cells are left out. */
export function fitWrappedRows(ws: ExcelJS.Worksheet, from: number, to: number): void {
  for (let r = from; r <= to; r++) {
    const row = ws.getRow(r);
    let height = 0;
    let most = 1;
    row.eachCell((cell, col) => {
      if (!cell.alignment?.wrapText || cell.isMerged) return;
      const text = cellText(cell.value);
      if (!text) return;
      const size = cell.font?.size ?? 11;
      const width = columnTextTwips(ws.getColumn(col).width ?? 9) * WIDTH_MARGIN;
      const lines = wrappedLineCount(text, size, width, { bold: cell.font?.bold, italic: cell.font?.italic });
      most = Math.max(most, lines);
      height = Math.max(height, lines * size * LINE + PAD_PT);
    });
    // rows of one line stay auto-height: every program shows those whole
    if (most > 1 && height > (row.height ?? 0)) row.height = Math.ceil(height);
  }
}
