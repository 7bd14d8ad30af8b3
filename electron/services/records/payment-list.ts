// The list the accountant pays a decision's cash awards from (danh sách chi tiền thưởng): the
// decision it goes with, each person and collective in the order of the decision's list with the
// amount recorded for them (else the decision's amount for each), a column to sign on receipt,
// the total as a formula and in words, place and date, and three signatures — who drew it up,
// the chief accountant and the head.
import type ExcelJS from 'exceljs';
import type { AwardDecision } from '../../../shared/contract/records';
import { amountInWords, formatDateVi } from '../../../shared/text/vn';
import { fileSlug } from '../../../shared/dossiers/documents';
import { CENTRED_CELL, LEFT_CELL, LIST_FONT, headerRow, officeHeading, printSetup, sheetLine, signatures, type SheetOffice } from '../xlsx/report';
import { fitWrappedRows } from '../xlsx/row-heights';
import { BORDER, GROUP_FILL, newWorkbook, workbookBytes } from '../xlsx/style';
import { decisionAuthority, decisionTitle, recipientsInListOrder, withImpliedIssuer, type DecisionDocOffice } from './decision-document';

/** Each recipient's amount: their own, else the decision's amount for each; null when neither is recorded. */
export function paymentAmounts(d: AwardDecision): Array<{ recipient: AwardDecision['recipients'][number]; amount: number | null }> {
  return recipientsInListOrder(d).map((recipient) => ({ recipient, amount: recipient.cashAmount ?? d.cashAmount ?? null }));
}

const MONEY_CELL: Partial<ExcelJS.Style> = { font: LIST_FONT, border: BORDER, alignment: { horizontal: 'right', vertical: 'top' }, numFmt: '#,##0' };
const WIDTHS = [6, 30, 34, 16, 16, 14];
const HEAD = 7;

export async function paymentListWorkbook(recorded: AwardDecision, office: SheetOffice & DecisionDocOffice, today: string, now: Date = new Date()): Promise<Uint8Array> {
  const d = withImpliedIssuer(recorded, office);
  const wb = newWorkbook(now);
  const ncol = WIDTHS.length;
  const ws = wb.addWorksheet('Danh sách chi thưởng', { views: [{ state: 'frozen', ySplit: HEAD }], ...printSetup('portrait', `${HEAD}:${HEAD}`) });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const line = (row: number, text: string, font: Partial<ExcelJS.Font>, align: 'left' | 'center' = 'center') => sheetLine(ws, row, text, font, align, 1, ncol);

  officeHeading(ws, office, 3);
  line(4, 'DANH SÁCH CHI TIỀN THƯỞNG', { size: 14, bold: true });
  const by = decisionAuthority(d, office);
  const dated = d.decisionDate ? ` ngày ${formatDateVi(d.decisionDate)}` : '';
  const about = decisionTitle(d);
  line(5, `(Kèm theo Quyết định số ${d.number.trim() || '……'}${dated} của ${by.authority} ${about.charAt(0).toLocaleLowerCase('vi')}${about.slice(1)})`, { italic: true });
  ws.getRow(5).height = 32;

  headerRow(ws.getRow(HEAD), ['STT', 'Họ và tên / Tên tập thể', 'Đơn vị', 'Số tiền (đồng)', 'Ký nhận', 'Ghi chú']);
  ws.getRow(HEAD).height = 30;
  let r = HEAD + 1;
  let total = 0;
  const rows = paymentAmounts(d);
  rows.forEach(({ recipient, amount }, i) => {
    const row = ws.getRow(r++);
    const values: ExcelJS.CellValue[] = [
      i + 1,
      recipient.kind === 'person' ? recipient.name : `Tập thể ${recipient.name}`,
      recipient.unitName || null,
      amount,
      null,
      amount === null ? 'Chưa ghi mức thưởng' : null,
    ];
    values.forEach((v, k) => {
      const cell = row.getCell(k + 1);
      cell.value = v;
      cell.style = k === 0 ? CENTRED_CELL : k === 3 ? MONEY_CELL : LEFT_CELL;
    });
    // room to sign
    row.height = 30;
    total += amount ?? 0;
  });
  const first = HEAD + 1;
  const last = r - 1;
  const sum = ws.getRow(r++);
  sum.getCell(2).value = 'Tổng cộng';
  sum.getCell(4).value = rows.length ? { formula: `SUM(D${first}:D${last})`, result: total } : 0;
  for (let k = 1; k <= ncol; k++) {
    const cell = sum.getCell(k);
    // its own styles: the list's are shared objects
    cell.style = { ...(k === 4 ? MONEY_CELL : LEFT_CELL), font: { ...LIST_FONT, bold: true }, fill: GROUP_FILL };
  }
  fitWrappedRows(ws, first, last);
  r++;
  line(r++, `Số tiền bằng chữ: ${amountInWords(total)}.`, { bold: true, italic: true }, 'left');
  r++;
  signatures(ws, r, office, today, ncol, 'KẾ TOÁN TRƯỞNG');
  return workbookBytes(wb);
}

/** "chi-thuong-15-QD-SNV.xlsx"; without a number, "chi-thuong-2025.xlsx" */
export function paymentListFileName(d: Pick<AwardDecision, 'number' | 'year'>): string {
  return d.number.trim() ? `chi-thuong-${fileSlug(d.number)}.xlsx` : `chi-thuong-${d.year}.xlsx`;
}
