// The registrations (đăng ký thi đua) as the list an office compiles at the start of a year for
// its emulation council and its superior: one group per title in catalogue order, collectives and
// people with their units, whether the title was earned (a decision of that year recorded), the
// note; place, date and signatures. It lists what the Đăng ký tab shows with its filters.
import type ExcelJS from 'exceljs';
import { AWARD_CATALOG, AWARD_CODES, type AwardCode } from '../../../shared/awards';
import type { RegistrationOut } from '../../../shared/contract/records';
import { compareVi, compareViPersonName, toRoman } from '../../../shared/text/vn';
import { CENTRED_CELL, LEFT_CELL, headerRow, listSheet, officeHeading, sheetLine, signatures, type SheetOffice } from '../xlsx/report';
import { fitWrappedRows } from '../xlsx/row-heights';
import { BORDER, FONT, GROUP_FILL, newWorkbook, workbookBytes } from '../xlsx/style';

export interface RegistrationsSheetInput {
  office: SheetOffice;
  /** null: every year */
  year: number | null;
  /** the unit chosen (its sub-units included), or null: the whole office */
  scopeName: string | null;
  /** the name search in words ('' when none) */
  search: string;
  rows: readonly RegistrationOut[];
  today: string;
}

const TITLES = ['STT', 'Họ và tên / Tên tập thể', 'Đơn vị', 'Năm', 'Kết quả', 'Ghi chú'] as const;
const WIDTHS = [6, 32, 36, 8, 16, 30];

/** The groups of the list: a title (and year, when several are listed) with its rows in order. */
export function registrationGroups(rows: readonly RegistrationOut[]): Array<{ year: number; code: AwardCode; rows: RegistrationOut[] }> {
  const order = new Map<string, number>(AWARD_CODES.map((c, i) => [c, i]));
  const groups = new Map<string, { year: number; code: AwardCode; rows: RegistrationOut[] }>();
  for (const r of rows) {
    const key = `${r.year}|${r.awardCode}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { year: r.year, code: r.awardCode, rows: [] }));
    g.rows.push(r);
  }
  const byName = (a: RegistrationOut, b: RegistrationOut) =>
    compareVi(a.unitName, b.unitName) || (a.kind === 'person' ? compareViPersonName(a.name, b.name) : compareVi(a.name, b.name));
  return [...groups.values()]
    .sort((a, b) => b.year - a.year || (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0))
    .map((g) => ({ ...g, rows: g.rows.sort(byName) }));
}

export async function registrationsWorkbook(input: RegistrationsSheetInput, now: Date = new Date()): Promise<Uint8Array> {
  const wb = newWorkbook(now);
  const HEAD = 7;
  const ncol = TITLES.length;
  const ws = listSheet(wb, 'Đăng ký thi đua', HEAD, WIDTHS);
  const line = (row: number, text: string, font: Partial<ExcelJS.Font>) => sheetLine(ws, row, text, font, 'center', 1, ncol);
  officeHeading(ws, input.office, 3);
  line(4, `DANH SÁCH ĐĂNG KÝ THI ĐUA${input.year === null ? '' : ` NĂM ${input.year}`}`, { size: 14, bold: true });
  const scope = [input.scopeName ?? input.office.name, input.search.trim() && `tên có “${input.search.trim()}”`].filter(Boolean).join('; ');
  line(5, scope, { italic: true });
  const groups = registrationGroups(input.rows);
  const achieved = input.rows.filter((r) => r.achieved).length;
  line(6, `Tổng số ${input.rows.length.toLocaleString('vi-VN')} lượt đăng ký; đã đạt ${achieved.toLocaleString('vi-VN')} (có quyết định công nhận, khen thưởng của năm đăng ký).`, { italic: true });
  headerRow(ws.getRow(HEAD), TITLES);
  ws.getRow(HEAD).height = 32;

  let r = HEAD + 1;
  const several = new Set(input.rows.map((x) => x.year)).size > 1;
  groups.forEach((g, i) => {
    const award = AWARD_CATALOG[g.code];
    const who = g.rows[0]!.kind === 'person' ? 'cá nhân' : 'tập thể';
    const row = ws.getRow(r++);
    row.getCell(1).value = toRoman(i + 1);
    row.getCell(2).value = `${award.name}${several ? ` — năm ${g.year}` : ''} (${g.rows.length.toLocaleString('vi-VN')} ${who})`;
    ws.mergeCells(row.number, 2, row.number, ncol);
    for (const k of [1, 2]) {
      const cell = row.getCell(k);
      cell.font = { name: FONT, size: 12, bold: true };
      cell.fill = GROUP_FILL;
      cell.border = BORDER;
      cell.alignment = { horizontal: k === 1 ? 'center' : 'left', vertical: 'middle', wrapText: true };
    }
    g.rows.forEach((x, n) => {
      const out = ws.getRow(r++);
      const values = [n + 1, x.name, x.kind === 'person' ? x.unitName : '', x.year, x.achieved ? 'Đã đạt' : 'Chưa có quyết định', x.note];
      values.forEach((v, k) => {
        const cell = out.getCell(k + 1);
        cell.value = v === '' ? null : v;
        cell.style = k === 0 || k === 3 || k === 4 ? CENTRED_CELL : LEFT_CELL;
      });
    });
  });
  if (groups.length === 0) line(r++, 'Không có đăng ký thi đua nào khớp bộ lọc đã chọn.', { italic: true });
  fitWrappedRows(ws, HEAD + 1, r - 1);
  signatures(ws, r + 1, input.office, input.today, ncol);
  return workbookBytes(wb);
}

/** "dang-ky-thi-dua-2026.xlsx" (every year: "dang-ky-thi-dua.xlsx") */
export function registrationsFileName(year: number | null): string {
  return `dang-ky-thi-dua${year === null ? '' : `-${year}`}.xlsx`;
}
