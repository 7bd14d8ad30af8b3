// Test helpers for generated workbooks: load a file the core returned, read a sheet's rows.
import ExcelJS from 'exceljs';

export async function readBook(file: { base64: string }): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

/** Each row's values (a merged range once, at its first cell; '' for an empty cell), trailing blanks dropped; empty rows as []. */
export function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const vals: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master !== cell) continue;
      vals.push(cell.value ?? '');
    }
    while (vals.length && vals[vals.length - 1] === '') vals.pop();
    out.push(vals);
  }
  return out;
}
