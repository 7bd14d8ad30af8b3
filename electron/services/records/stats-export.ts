// "Bảng thống kê kết quả khen thưởng" as a workbook: the Thống kê tab's counts by award form —
// grouped by level (Nhà nước, toàn quốc, bộ/ngành/tỉnh, cơ sở, other forms) — across years or
// units, each split into people and collectives, with totals, the place and date, and the
// signatures a statistics table carries; a second sheet holds the same counts as flat rows to
// filter or pivot.
import type ExcelJS from 'exceljs';
import { formsByLevel, statsFormName } from '../../../shared/awards';
import type { AwardStatsRow } from '../../../shared/contract/records';
import { compareVi, toRoman } from '../../../shared/text/vn';
import { officeHeading, printSetup, sheetLine, signatures, type SheetOffice } from '../xlsx/report';
import { BORDER, FONT, GROUP_FILL, HEADER_FILL, newWorkbook, workbookBytes } from '../xlsx/style';

export interface StatsSheetInput {
  office: SheetOffice;
  yearFrom: number;
  yearTo: number;
  /** the unit chosen on the tab (its sub-units included), or null: the whole office */
  scopeName: string | null;
  /** the columns: one per year, or one per unit (the chosen unit's sub-units, or the top units) */
  /** 'office': at the province, a column per office (the rows already summed by office) */
  by: 'year' | 'unit' | 'office';
  rows: readonly AwardStatsRow[];
  today: string;
}

const NO_UNIT = '';

/** The workbook's columns: years in order, or units (offices) by name with "no unit" last. */
function columnsOf(input: StatsSheetInput): Array<{ key: string; title: string }> {
  if (input.by === 'year') {
    const out = [];
    for (let y = Math.min(input.yearFrom, input.yearTo); y <= Math.max(input.yearFrom, input.yearTo); y++) out.push({ key: String(y), title: `Năm ${y}` });
    return out;
  }
  const units = new Map<string, string>();
  for (const r of input.rows) units.set(r.unitId ?? NO_UNIT, r.unitName);
  return [...units]
    .sort(([a, an], [b, bn]) => Number(a === NO_UNIT) - Number(b === NO_UNIT) || compareVi(an, bn))
    .map(([key, title]) => ({ key, title }));
}

export async function statsWorkbook(input: StatsSheetInput, now: Date = new Date()): Promise<Uint8Array> {
  const cols = columnsOf(input);
  const colKey = (r: AwardStatsRow) => (input.by === 'year' ? String(r.year) : r.unitId ?? NO_UNIT);
  // form → column → [people, collectives]
  const cells = new Map<string, Map<string, [number, number]>>();
  for (const r of input.rows) {
    let byCol = cells.get(r.form);
    if (!byCol) cells.set(r.form, (byCol = new Map()));
    const c = byCol.get(colKey(r)) ?? [0, 0];
    byCol.set(colKey(r), [c[0] + r.persons, c[1] + r.collectives]);
  }

  const wb = newWorkbook(now);
  const HEAD = 7;
  const ncol = 2 + cols.length * 2 + 3;
  const ws = wb.addWorksheet('Thống kê khen thưởng', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEAD + 1 }],
    ...printSetup(cols.length > 3 ? 'landscape' : 'portrait', `${HEAD}:${HEAD + 1}`),
  });
  ws.columns = [{ width: 6 }, { width: 44 }, ...cols.flatMap(() => [{ width: 9 }, { width: 9 }]), { width: 10 }, { width: 10 }, { width: 10 }];

  const line = (row: number, text: string, font: Partial<ExcelJS.Font>) => sheetLine(ws, row, text, font, 'center', 1, ncol);
  officeHeading(ws, input.office, Math.max(2, Math.floor(ncol / 2)));
  line(4, 'BẢNG THỐNG KÊ KẾT QUẢ KHEN THƯỞNG', { size: 14, bold: true });
  const from = Math.min(input.yearFrom, input.yearTo);
  const to = Math.max(input.yearFrom, input.yearTo);
  const period = from === to ? `Năm ${from}` : `Từ năm ${from} đến năm ${to}`;
  line(5, input.scopeName ? `${period} — ${input.scopeName} (gồm đơn vị cấp dưới)` : period, { italic: true });

  // two header rows: each column's title over "Cá nhân" | "Tập thể"
  const h1 = ws.getRow(HEAD);
  const h2 = ws.getRow(HEAD + 1);
  const head = (row: ExcelJS.Row, col: number, text: string) => {
    const cell = row.getCell(col);
    cell.value = text;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  head(h1, 1, 'STT');
  head(h2, 1, '');
  ws.mergeCells(HEAD, 1, HEAD + 1, 1);
  head(h1, 2, 'Hình thức khen thưởng');
  head(h2, 2, '');
  ws.mergeCells(HEAD, 2, HEAD + 1, 2);
  cols.forEach((c, i) => {
    const at = 3 + i * 2;
    head(h1, at, c.title);
    head(h1, at + 1, '');
    ws.mergeCells(HEAD, at, HEAD, at + 1);
    head(h2, at, 'Cá nhân');
    head(h2, at + 1, 'Tập thể');
  });
  const totalAt = 3 + cols.length * 2;
  head(h1, totalAt, 'Tổng cộng');
  head(h1, totalAt + 1, '');
  head(h1, totalAt + 2, '');
  ws.mergeCells(HEAD, totalAt, HEAD, totalAt + 2);
  head(h2, totalAt, 'Cá nhân');
  head(h2, totalAt + 1, 'Tập thể');
  head(h2, totalAt + 2, 'Cộng');
  h1.height = 32;
  h2.height = 20;

  const put = (row: ExcelJS.Row, values: Array<number | string | null>, bold: boolean, fill?: ExcelJS.Fill) => {
    values.forEach((v, k) => {
      const cell = row.getCell(k + 1);
      // a zero is left blank: the counts that exist stand out
      cell.value = v === 0 ? null : v;
      if (k >= 2) cell.numFmt = '#,##0';
      cell.font = { name: FONT, size: 12, bold };
      cell.border = BORDER;
      if (fill) cell.fill = fill;
      cell.alignment = { horizontal: k === 1 ? 'left' : 'center', vertical: 'middle', wrapText: k === 1 };
    });
  };
  const countsOf = (forms: readonly string[]) => {
    const per = cols.map((c) => {
      let p = 0;
      let t = 0;
      for (const f of forms) {
        const v = cells.get(f)?.get(c.key);
        if (v) {
          p += v[0];
          t += v[1];
        }
      }
      return [p, t] as const;
    });
    const p = per.reduce((s, x) => s + x[0], 0);
    const t = per.reduce((s, x) => s + x[1], 0);
    return [...per.flatMap(([a, b]) => [a, b]), p, t, p + t];
  };

  let r = HEAD + 2;
  let level = 0;
  const all: string[] = [];
  for (const group of formsByLevel(input.rows)) {
    const forms = group.forms.map((f) => f.form);
    all.push(...forms);
    put(ws.getRow(r++), [toRoman(++level), group.title, ...countsOf(forms)], true, GROUP_FILL);
    group.forms.forEach((f, i) => put(ws.getRow(r++), [i + 1, f.name, ...countsOf([f.form])], false));
  }
  if (all.length === 0) {
    line(r++, 'Không có quyết định khen thưởng nào trong thời gian và đơn vị đã chọn.', { italic: true });
  }
  put(ws.getRow(r++), ['', 'Tổng cộng', ...countsOf(all)], true, HEADER_FILL);

  signatures(ws, r + 1, input.office, input.today, ncol);

  // the same counts as flat rows
  const flat = wb.addWorksheet('Số liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  flat.columns = [
    { header: 'Năm', width: 8 },
    { header: input.by === 'office' ? 'Cơ quan' : 'Đơn vị', width: 36 },
    { header: 'Hình thức khen thưởng', width: 44 },
    { header: 'Cá nhân', width: 10 },
    { header: 'Tập thể', width: 10 },
    { header: 'Cộng', width: 10 },
  ];
  flat.getRow(1).eachCell((cell) => {
    cell.font = { name: FONT, size: 12, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  const sorted = [...input.rows].sort((a, b) => a.year - b.year || compareVi(a.unitName, b.unitName) || compareVi(statsFormName(a), statsFormName(b)));
  for (const s of sorted) {
    const row = flat.addRow([s.year, s.unitName, statsFormName(s), s.persons, s.collectives, s.count]);
    row.eachCell((cell) => {
      cell.font = { name: FONT, size: 12 };
      cell.border = BORDER;
    });
  }
  flat.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sorted.length + 1), column: 6 } };
  return workbookBytes(wb);
}

/** "thong-ke-khen-thuong-2021-2025.xlsx" */
export function statsFileName(yearFrom: number, yearTo: number): string {
  const from = Math.min(yearFrom, yearTo);
  const to = Math.max(yearFrom, yearTo);
  return `thong-ke-khen-thuong-${from === to ? from : `${from}-${to}`}.xlsx`;
}
