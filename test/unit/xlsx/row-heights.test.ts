// Rows of wrapped text get a height that shows every line (LibreOffice Calc and WPS do not fit
// auto-height rows as Excel does); single-line rows stay auto-height.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { textWidthTwips, wrappedLineCount } from '../../../shared/documents/metrics';
import { columnTextTwips, fitWrappedRows } from '../../../electron/services/xlsx/row-heights';

describe('wrappedLineCount', () => {
  it('counts greedy lines, explicit breaks and words wider than the line', () => {
    const w = textWidthTwips('Phòng Tổ chức', 12);
    expect(wrappedLineCount('Phòng Tổ chức', 12, w + 1)).toBe(1);
    expect(wrappedLineCount('Phòng Tổ chức cán bộ', 12, w + 1)).toBe(2);
    expect(wrappedLineCount('một\nhai\n\nba', 12, 10_000)).toBe(4);
    const word = 'x'.repeat(50);
    expect(wrappedLineCount(word, 12, textWidthTwips(word, 12) / 2.5)).toBe(3);
    expect(wrappedLineCount('', 12, 1000)).toBe(1);
  });
});

describe('fitWrappedRows', () => {
  it('gives a wrapped row the height of its tallest cell; single lines and merged cells stay auto', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.columns = [{ width: 10 }, { width: 30 }, { width: 30 }];
    const long = 'Các phòng, đơn vị trực thuộc Sở; Phòng Lao động - TBXH các huyện, thị xã, thành phố';
    const set = (r: number, c: number, v: string, wrap = true) => {
      const cell = ws.getCell(r, c);
      cell.value = v;
      cell.font = { name: 'Times New Roman', size: 12 };
      cell.alignment = { wrapText: wrap };
    };
    set(1, 1, '1');
    set(1, 2, 'Văn phòng Sở');
    set(1, 3, long);
    set(2, 2, 'Văn phòng Sở');
    set(3, 2, long, false); // not wrapped: one line, cut at the cell's edge
    set(4, 1, long);
    ws.mergeCells(4, 1, 4, 3);
    fitWrappedRows(ws, 1, 4);
    const lines = wrappedLineCount(long, 12, columnTextTwips(30));
    expect(lines).toBeGreaterThanOrEqual(2);
    // every line at 1.2 × 12 pt, and not more than a line to spare
    expect(ws.getRow(1).height).toBeGreaterThanOrEqual(lines * 12 * 1.2);
    expect(ws.getRow(1).height).toBeLessThanOrEqual((lines + 1) * 12 * 1.2 + 3);
    for (const r of [2, 3, 4]) expect(ws.getRow(r).height).toBeUndefined();
    // written to the file and read back
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(back.worksheets[0]!.getRow(1).height).toBe(ws.getRow(1).height);
  });
});
