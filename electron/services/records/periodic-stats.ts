// The yearly TĐKT statistics the Nội vụ sector collects (TT 02/2023/TT-BNV): biểu 0601.N (số
// phong trào thi đua), 0602.N (khen thưởng cấp Nhà nước) and 0603.N (khen thưởng cấp bộ, ngành,
// tỉnh) as sheets of one workbook, each with the form's number, the reporting and receiving
// offices, the table with its mã số and column numbers, the place, date and signatures; then the
// people and collectives counted (with the category each was put in, to check) and how the
// figures were counted. Blank cells: what the app does not record.
import type ExcelJS from 'exceljs';
import { AWARD_BASIS_LABELS, AWARD_CATALOG, type AwardBasis, type AwardCode } from '../../../shared/awards';
import { awardFormLabel } from '../../../shared/contract/records';
import {
  PERIODIC_CIRCULAR,
  PERIODIC_UNVERIFIED,
  PERSON_CATEGORY_LABELS,
  campaignsTable,
  periodicFormOf,
  personCategory,
  provinceAwardsTable,
  stateAwardsTable,
  type OfficeLevel,
  type PeriodicAward,
  type PeriodicCampaign,
  type PeriodicTable,
} from '../../../shared/periodic/tt02';
import { compareVi, upperFirst } from '../../../shared/text/vn';
import { issuedCampaigns, periodicRecipients } from '../../../db/repositories/periodic';
import type BetterSqlite3 from 'better-sqlite3';
import { CENTRED_CELL, LEFT_CELL, headerRow, listSheet, printSetup, sheetLine, signatures, type SheetOffice } from '../xlsx/report';
import { BORDER, FONT, GROUP_FILL, HEADER_FILL, newWorkbook, workbookBytes } from '../xlsx/style';

export interface PeriodicInput {
  office: SheetOffice & { level: OfficeLevel; superiorName: string };
  year: number;
  awards: PeriodicAward[];
  campaigns: PeriodicCampaign[];
  today: string;
}

/** What the workbook counts, read from the file: the year's recipients and the office's issued campaigns. */
export function periodicData(sqlite: BetterSqlite3.Database, officeId: string, year: number): Pick<PeriodicInput, 'awards' | 'campaigns'> {
  const awards = periodicRecipients(sqlite, year).map((r) => ({
    form: r.award_code ?? `khac:${r.other_form}`,
    formLabel: (r.award_code && AWARD_CATALOG[r.award_code as AwardCode]?.name) || awardFormLabel(r.award_code, r.other_form),
    subject: r.subject_kind,
    basis: r.basis as AwardBasis,
    position: r.subject_kind === 'person' ? r.position : '',
    unitName: r.unit_name,
    name: r.name,
  }));
  const campaigns = issuedCampaigns(sqlite, officeId).map((c) => ({
    kind: c.kind as PeriodicCampaign['kind'],
    yearFrom: c.year_from,
    yearTo: c.year_to,
    startDate: c.start_date,
    endDate: c.end_date,
  }));
  return { awards, campaigns };
}

export const periodicFileName = (year: number) => `bao-cao-thong-ke-tdkt-tt02-${year}.xlsx`;

const HEAD_CELL: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 11, bold: true },
  fill: HEADER_FILL,
  border: BORDER,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};

/** One form as a sheet. */
function formSheet(wb: ExcelJS.Workbook, t: PeriodicTable, input: PeriodicInput): void {
  const fixed = t.hasUnitColumn ? ['', 'Mã số', 'Đơn vị tính', 'Tổng số'] : ['', 'Mã số', 'Tổng số'];
  const nfix = fixed.length;
  const ncol = nfix + t.columns.length;
  // the header's levels over the value columns: "Chia ra" (0601: its group), a group, the form,
  // Tập thể / Cá nhân; a level a column lacks takes the label below (group) or above (subject),
  // so its cell spans them
  const withGroup = t.hasUnitColumn && t.columns.some((c) => c.group);
  const withSub = t.columns.some((c) => c.sub);
  const levels: string[][] = t.columns.map((c) => {
    const title = c.title || c.group;
    return [t.hasUnitColumn ? 'Chia ra' : c.group, ...(withGroup ? [c.group || title] : []), title, ...(withSub ? [c.sub || title] : [])];
  });
  const depth = levels[0]!.length;
  const HEAD = 7;
  const ws = wb.addWorksheet(t.form.slice(0, 6), {
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEAD + depth }],
    ...printSetup(ncol > 8 ? 'landscape' : 'portrait', `${HEAD}:${HEAD + depth}`),
  });
  ws.columns = [{ width: 46 }, { width: 7 }, ...(t.hasUnitColumn ? [{ width: 11 }] : []), { width: 9 }, ...t.columns.map((c) => ({ width: c.sub ? 10 : 16 }))];
  const half = Math.max(2, Math.floor(ncol / 2));
  sheetLine(ws, 1, `Biểu số: ${t.form}`, { bold: true }, 'left', 1, half);
  sheetLine(ws, 2, `Ban hành theo ${PERIODIC_CIRCULAR}`, { italic: true, size: 11 }, 'left', 1, half);
  sheetLine(ws, 1, `Đơn vị báo cáo: ${input.office.name || '……'}`, { bold: true }, 'center', half + 1, ncol);
  sheetLine(ws, 2, `Đơn vị nhận báo cáo: ${input.office.superiorName || '……'}`, {}, 'center', half + 1, ncol);
  sheetLine(ws, 4, t.title, { size: 14, bold: true }, 'center', 1, ncol);
  sheetLine(ws, 5, `Năm ${input.year}`, { italic: true }, 'center', 1, ncol);
  if (t.measure) sheetLine(ws, 6, t.measure, { italic: true }, 'right', 1, ncol);
  ws.getRow(4).height = 36;

  // header: the fixed columns span every level; value columns' labels merged where equal
  for (let r = 0; r < depth; r++) for (let c = 1; c <= ncol; c++) ws.getCell(HEAD + r, c).style = HEAD_CELL;
  fixed.forEach((label, k) => {
    ws.getCell(HEAD, k + 1).value = label;
    if (depth > 1) ws.mergeCells(HEAD, k + 1, HEAD + depth - 1, k + 1);
  });
  const done = new Set<string>();
  for (let r = 0; r < depth; r++) {
    for (let k = 0; k < t.columns.length; k++) {
      if (done.has(`${r}:${k}`)) continue;
      // as far right as the label and those above it are the same …
      const same = (a: number, b: number) => levels[a]!.slice(0, r + 1).join('\u0001') === levels[b]!.slice(0, r + 1).join('\u0001');
      let k2 = k;
      while (k2 + 1 < t.columns.length && same(k, k2 + 1)) k2++;
      // … and as far down as it repeats
      let r2 = r;
      while (r2 + 1 < depth && levels.slice(k, k2 + 1).every((l) => l[r2 + 1] === l[r])) r2++;
      ws.getCell(HEAD + r, nfix + k + 1).value = levels[k]![r]!;
      if (k2 > k || r2 > r) ws.mergeCells(HEAD + r, nfix + k + 1, HEAD + r2, nfix + k2 + 1);
      for (let rr = r; rr <= r2; rr++) for (let kk = k; kk <= k2; kk++) done.add(`${rr}:${kk}`);
    }
  }
  // the numbering row: A, B (C), 1 …, a form's number over both its subjects
  const numbering = HEAD + depth;
  const letters = t.hasUnitColumn ? ['A', 'B', 'C'] : ['A', 'B'];
  const totalNo = t.hasUnitColumn ? '1' : `1=(${t.columns.map((c) => c.number).join('+')})`;
  [...letters, totalNo].forEach((v, k) => (ws.getCell(numbering, k + 1).value = v));
  for (let k = 0; k < t.columns.length; ) {
    let k2 = k;
    while (k2 + 1 < t.columns.length && t.columns[k2 + 1]!.number === t.columns[k]!.number) k2++;
    ws.getCell(numbering, nfix + k + 1).value = t.columns[k]!.number;
    if (k2 > k) ws.mergeCells(numbering, nfix + k + 1, numbering, nfix + k2 + 1);
    k = k2 + 1;
  }
  for (let c = 1; c <= ncol; c++) ws.getCell(numbering, c).style = { ...HEAD_CELL, font: { name: FONT, size: 10, bold: true } };

  let row = numbering + 1;
  for (const r of t.rows) {
    const cells = [r.label, r.code, ...(t.hasUnitColumn ? [r.unit] : []), r.total, ...r.values];
    cells.forEach((v, k) => {
      const cell = ws.getCell(row, k + 1);
      cell.value = v === null ? null : v;
      cell.style = k === 0 ? LEFT_CELL : CENTRED_CELL;
    });
    if (r.kind === 'total' || r.kind === 'part') {
      for (let c = 1; c <= ncol; c++) ws.getCell(row, c).style = { ...(c === 1 ? LEFT_CELL : CENTRED_CELL), font: { name: FONT, size: 12, bold: true }, ...(r.kind === 'total' ? { fill: GROUP_FILL } : {}) };
    } else if (r.kind === 'of-which') {
      ws.getCell(row, 1).style = { ...LEFT_CELL, font: { name: FONT, size: 12, italic: true } };
    }
    row++;
  }
  sheetLine(ws, row + 1, 'Ô để trống: ứng dụng không lưu thông tin này (điền theo số liệu của cơ quan, đơn vị). Cách đếm: xem trang "Ghi chú".', { italic: true, size: 11 }, 'left', 1, ncol);
  sheetLine(ws, row + 2, PERIODIC_UNVERIFIED, { italic: true, size: 11, color: { argb: 'FFC00000' } }, 'left', 1, ncol);
  signatures(ws, row + 4, input.office, input.today, ncol);
}


/** The individuals and collectives 0602 and 0603 count, with the category and kind each was counted under. */
function detailSheet(wb: ExcelJS.Workbook, input: PeriodicInput): void {
  const ws = listSheet(wb, 'Chi tiết', 5, [6, 28, 26, 34, 34, 9, 40, 14]);
  sheetLine(ws, 1, 'NGƯỜI, TẬP THỂ ĐƯỢC TÍNH TRONG BIỂU 0602.N VÀ 0603.N', { size: 13, bold: true }, 'center', 1, 8);
  sheetLine(ws, 2, `Năm ${input.year} — đối tượng của cá nhân xác định theo chức vụ ghi trong danh sách cán bộ: hãy kiểm tra, sửa số liệu trong biểu nếu cần.`, { italic: true, size: 11 }, 'center', 1, 8);
  headerRow(ws.getRow(5), ['STT', 'Họ tên, tên tập thể', 'Chức vụ', 'Đơn vị', 'Hình thức', 'Biểu', 'Đối tượng', 'Phương thức']);
  const formOf = periodicFormOf(input.awards);
  const counted = input.awards
    .map((a) => ({ a, form: formOf(a) }))
    .filter((x) => x.form)
    .sort((x, y) => x.form!.localeCompare(y.form!) || compareVi(x.a.formLabel, y.a.formLabel) || Number(x.a.subject === 'person') - Number(y.a.subject === 'person') || compareVi(x.a.name, y.a.name));
  counted.forEach(({ a, form }, i) => {
    const r = ws.getRow(6 + i);
    const values = [
      i + 1,
      a.name,
      a.position,
      a.unitName,
      a.formLabel,
      form,
      a.subject === 'unit' ? 'Tập thể' : PERSON_CATEGORY_LABELS[personCategory(a.position, a.unitName)],
      upperFirst(AWARD_BASIS_LABELS[a.basis] ?? a.basis),
    ];
    values.forEach((v, k) => {
      const cell = r.getCell(k + 1);
      cell.value = v;
      cell.style = k === 0 || k === 5 ? CENTRED_CELL : LEFT_CELL;
    });
  });
  if (counted.length === 0) sheetLine(ws, 6, `Năm ${input.year} chưa có quyết định khen thưởng cấp Nhà nước hoặc cấp bộ, ngành, tỉnh nào được ghi.`, { italic: true }, 'left', 1, 8);
}

const NOTES = (year: number): string[] => [
  PERIODIC_UNVERIFIED,
  `Năm báo cáo: các quyết định khen thưởng ghi cho năm ${year} (năm của thành tích, như trang Thống kê), mỗi người, tập thể trong quyết định tính một lượt.`,
  'Biểu 0602.N: Huân chương, huy chương, giải thưởng, danh hiệu vinh dự Nhà nước, Cờ thi đua của Chính phủ, Bằng khen của Thủ tướng Chính phủ, Chiến sĩ thi đua toàn quốc. Hình thức "khác" được xếp theo tên ghi trong quyết định (bắt đầu bằng "Huân chương", "Huy chương", "Giải thưởng Hồ Chí Minh", "Giải thưởng Nhà nước", "Anh hùng", "Nhà giáo nhân dân" …).',
  'Biểu 0603.N: Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng; Chiến sĩ thi đua cấp bộ, ngành, tỉnh; Cờ thi đua cấp bộ, ngành, tỉnh; Kỷ niệm chương, huy hiệu — trong danh mục hoặc ghi là hình thức khác với tên như thế ("Kỷ niệm chương Vì sự nghiệp …", "Bằng khen của Bộ trưởng …"). Danh hiệu Tập thể lao động xuất sắc không có cột trong biểu.',
  'Đối tượng cá nhân: đọc từ chức vụ ghi trong danh sách cán bộ (Bộ trưởng, Chủ tịch UBND tỉnh … là lãnh đạo cấp bộ, tỉnh; Giám đốc Sở, Vụ trưởng, Cục trưởng, Giám đốc trong Ban Giám đốc Sở … là lãnh đạo cấp vụ, sở; trưởng, phó phòng, giám đốc trung tâm, chủ tịch xã, hiệu trưởng … là lãnh đạo khác từ phó phòng trở lên; còn lại là người trực tiếp công tác). Trang "Chi tiết" ghi từng người được xếp vào đâu.',
  'Phương thức: thường xuyên, chuyên đề, đột xuất theo loại khen thưởng ghi trong quyết định. Ứng dụng không ghi khen thưởng đối ngoại, cống hiến, niên hạn, kháng chiến; doanh nghiệp, hộ gia đình, doanh nhân: các ô đó để trống.',
  'Biểu 0601.N: các phong trào của cơ quan đã ban hành (không tính bản nháp). Phong trào thường xuyên tính vào mỗi năm nó diễn ra; phong trào khác tính vào năm bắt đầu. Thời hạn theo ngày bắt đầu, kết thúc nếu có, nếu không theo số năm. Cấp phát động theo cấp của cơ quan (Cài đặt → Cấp cơ quan); cụm, khối thi đua không được ghi: ô để trống.',
  'Biểu 0602.N, phần "Chia theo đơn vị ban hành tờ trình": tờ trình của cơ quan ở địa phương đi qua tỉnh, của cơ quan trung ương qua bộ, ngành. Các dòng 04, 05 của biểu gốc không dựng lại.',
  'Các biểu khác của phần thi đua, khen thưởng (0604.N, 0605.N) chưa dựng lại: lập theo mẫu của Thông tư.',
];

export async function periodicWorkbook(input: PeriodicInput, now: Date = new Date()): Promise<Uint8Array> {
  const wb = newWorkbook(now);
  formSheet(wb, campaignsTable(input.campaigns, input.year, input.office.level), input);
  formSheet(wb, stateAwardsTable(input.awards, input.office.level), input);
  formSheet(wb, provinceAwardsTable(input.awards), input);
  detailSheet(wb, input);
  const notes = wb.addWorksheet('Ghi chú', printSetup('portrait'));
  notes.columns = [{ width: 110 }];
  sheetLine(notes, 1, 'CÁCH TÍNH SỐ LIỆU', { size: 13, bold: true }, 'left', 1, 1);
  NOTES(input.year).forEach((text, i) => {
    sheetLine(notes, i + 3, `${i + 1}. ${text}`, { size: 12 }, 'left', 1, 1);
    notes.getRow(i + 3).height = Math.ceil(text.length / 100) * 17 + 4;
  });
  return workbookBytes(wb);
}
