// What the generated workbooks share: the MIME type, the font of official documents, thin grey
// borders, the header and group fills, dates as Excel's, a new workbook and the bytes out of exceljs.
import type ExcelJS from 'exceljs';
import { parseDateVi } from '../../../shared/text/vn';

let excel: typeof ExcelJS | undefined;

/**
 * exceljs, loaded the first time a workbook is read or written: initialising its modules took
 * ≈0.15–0.3 s of every start of the CLI and of the core, most of which never touch a workbook
 * (a `require` esbuild bundles is run when called; an `import` runs as the bundle starts).
 */
export function exceljs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when first needed (above)
  return (excel ??= require('exceljs') as typeof ExcelJS);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const FONT = 'Times New Roman';
export const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };

/** A date kept as yyyy-mm-dd, as Excel's date (shown as its cell's format says); not a real date: empty. */
export function excelDate(iso: string | null): Date | null {
  const valid = iso ? parseDateVi(iso) : null;
  if (!valid) return null;
  const [y, m, d] = valid.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** A workbook signed by the app, dated `now`. */
export function newWorkbook(now: Date = new Date()): ExcelJS.Workbook {
  const wb = new (exceljs().Workbook)();
  wb.creator = 'TĐKT Desktop';
  wb.created = wb.modified = now;
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
