// The checker's result as a workbook for the emulation council's meeting (bình xét): a summary
// sheet — the rules applied, how many qualify for each title or award, the warnings (the
// CSTĐCS quota …), place, date and signatures — then one sheet per title or award listing who
// qualifies and who nearly does, with what is missing and its legal basis. The app only
// compares the records it holds; the sheets say so, and mark rules not yet verified.
import type BetterSqlite3 from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import { unitsLite } from '../../../db/repositories/records';
import type { EligibilityExportQuery } from '../../../shared/contract/records';
import { parentPath, unitLabels } from '../../../shared/units/tree';
import { AWARD_CATALOG, type AwardCode, type CandidateResult, type Verdict } from '../../../shared/awards';
import { compareVi, formatDateVi, toRoman } from '../../../shared/text/vn';
import { fitWrappedRows } from '../xlsx/row-heights';
import { CENTRED_CELL, LEFT_CELL, LIST_CENTER, LIST_FONT, LIST_LEFT, headerRow, listSheet, officeHeading, printSetup, sheetLine, signatures, type SheetOffice } from '../xlsx/report';
import { BORDER, GROUP_FILL, newWorkbook, workbookBytes } from '../xlsx/style';
import { exportSubjects } from './eligibility';

export interface ExportSubject {
  name: string;
  /** a person's unit, or the units a collective belongs to ('' for a top unit) */
  place: string;
  birthDate: string | null;
  /** award codes registered for this year (đăng ký thi đua) */
  registered: readonly string[];
  candidates: readonly CandidateResult[];
}

export interface EligibilitySheetInput {
  office: SheetOffice;
  year: number;
  /** the scope checked: the office or a unit with its sub-units */
  scopeName: string;
  ruleSet: { name: string; verified: boolean; draft: boolean };
  warnings: ReadonlyArray<{ message: string; basis: string | null; verified: boolean }>;
  /** the awards judged, per kind, in the rule set's order */
  codes: { individual: readonly AwardCode[]; collective: readonly AwardCode[] };
  /** the verdict listed (null: đủ and gần đủ) */
  verdict: Verdict | null;
  /** the other filters in words ('' when none) */
  filterNote: string;
  people: readonly ExportSubject[];
  units: readonly ExportSubject[];
  today: string;
}

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = { du_dieu_kien: 'Đủ điều kiện', gan_du: 'Gần đủ', chua_du: 'Chưa đủ' };
/** Rows written between two yields to the event loop. */
const CHUNK_ROWS = 2000;
const VERDICT_ORDER: readonly Verdict[] = ['du_dieu_kien', 'gan_du', 'chua_du'];
const UNVERIFIED = 'Có quy định chưa xác minh';
const DISCLAIMER =
  'Kết quả do phần mềm đối chiếu các hồ sơ đã nhập (xếp loại, danh hiệu, khen thưởng, sáng kiến, kỷ luật) với quy định; ' +
  'là tài liệu giúp Hội đồng Thi đua - Khen thưởng bình xét, không thay thế việc bình xét.';

function listed(verdict: Verdict | null): readonly Verdict[] {
  return verdict ? [verdict] : ['du_dieu_kien', 'gan_du'];
}

/** An Excel sheet name: at most 31 characters, none of \ / ? * [ ] : */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[\\/?*[\]:]/g, '-').slice(0, 31);
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(out.toLowerCase());
  return out;
}

/** "DANH SÁCH CÁ NHÂN ĐỦ ĐIỀU KIỆN VÀ GẦN ĐỦ ĐIỀU KIỆN XÉT TẶNG DANH HIỆU “LAO ĐỘNG TIÊN TIẾN” NĂM 2025" */
export function listTitle(who: string, verdict: Verdict | null, code: AwardCode, year: number): string {
  const award = AWARD_CATALOG[code];
  const what = verdict === null ? 'đủ điều kiện và gần đủ điều kiện' : verdict === 'du_dieu_kien' ? 'đủ điều kiện' : verdict === 'gan_du' ? 'gần đủ điều kiện' : 'chưa đủ điều kiện';
  const form = award.kind === 'title' ? `danh hiệu “${award.name}”` : award.name;
  return `Danh sách ${who} ${what} xét tặng ${form} năm ${year}`.toLocaleUpperCase('vi');
}

function missingOf(c: CandidateResult): { missing: string; bases: string } {
  const failed = c.items.filter((i) => !i.passed);
  return {
    missing: failed.map((i) => `- ${i.missing ?? i.message}`).join('\n'),
    bases: [...new Set(failed.map((i) => i.basis))].join('; '),
  };
}

export async function eligibilityWorkbook(input: EligibilitySheetInput, now: Date = new Date()): Promise<Uint8Array> {
  const wb = newWorkbook(now);
  const verdicts = listed(input.verdict);
  const kinds = [
    { kind: 'individual' as const, subjects: input.people, codes: input.codes.individual, who: 'Cá nhân' },
    { kind: 'collective' as const, subjects: input.units, codes: input.codes.collective, who: 'Tập thể' },
  ].filter((k) => k.subjects.length > 0);

  // ---- the summary ----
  const NCOL = 7;
  const sum = wb.addWorksheet('Tổng hợp', {
    ...printSetup('portrait'),
  });
  sum.columns = [{ width: 6 }, { width: 40 }, { width: 10 }, { width: 12 }, { width: 10 }, { width: 10 }, { width: 10 }];
  const line = (row: number, text: string, font: Partial<ExcelJS.Font>, align: 'left' | 'center' = 'center') => sheetLine(sum, row, text, font, align, 1, NCOL);
  officeHeading(sum, input.office, 3);
  line(4, `KẾT QUẢ KIỂM TRA ĐIỀU KIỆN THI ĐUA, KHEN THƯỞNG NĂM ${input.year}`, { size: 14, bold: true });
  line(5, input.scopeName, { italic: true });
  let r = 6;
  if (input.filterNote) line(r++, input.filterNote, { italic: true });
  line(r++, `Quy định áp dụng: ${input.ruleSet.name}${input.ruleSet.verified ? '' : ' (có quy định chưa xác minh)'}${input.ruleSet.draft ? ' — dự thảo, chỉ để tham khảo' : ''}`, {}, 'left');
  line(r, DISCLAIMER, { italic: true }, 'left');
  sum.getRow(r++).height = 34;
  r++;
  const head = r;
  headerRow(sum.getRow(r++), ['STT', 'Danh hiệu, hình thức khen thưởng', 'Đối tượng', 'Đủ điều kiện', 'Gần đủ', 'Chưa đủ', 'Cộng']);
  sum.getRow(head).height = 32;
  const put = (values: Array<string | number>, bold: boolean, fill?: ExcelJS.Fill) => {
    const row = sum.getRow(r++);
    values.forEach((v, k) => {
      const cell = row.getCell(k + 1);
      cell.value = v;
      if (k >= 3) cell.numFmt = '#,##0';
      cell.font = { ...LIST_FONT, bold };
      cell.border = BORDER;
      if (fill) cell.fill = fill;
      cell.alignment = k === 1 ? LIST_LEFT : LIST_CENTER;
    });
  };
  // each award's counts among the subjects listed, and its sheet
  const sheets: Array<{ code: AwardCode; kind: (typeof kinds)[number] }> = [];
  kinds.forEach((k, g) => {
    put([toRoman(g + 1), k.kind === 'individual' ? 'Danh hiệu, khen thưởng cá nhân' : 'Danh hiệu, khen thưởng tập thể', '', '', '', '', ''], true, GROUP_FILL);
    k.codes.forEach((code, i) => {
      const n: Record<Verdict, number> = { du_dieu_kien: 0, gan_du: 0, chua_du: 0 };
      for (const s of k.subjects) {
        const c = s.candidates.find((x) => x.code === code);
        if (c) n[c.verdict]++;
      }
      put([i + 1, AWARD_CATALOG[code].name, k.who, n.du_dieu_kien, n.gan_du, n.chua_du, n.du_dieu_kien + n.gan_du + n.chua_du], false);
      if (verdicts.some((v) => n[v] > 0)) sheets.push({ code, kind: k });
    });
  });
  if (kinds.length === 0) line(r++, 'Không có cá nhân, tập thể nào khớp bộ lọc đã chọn.', { italic: true });
  fitWrappedRows(sum, head + 1, r - 1);

  if (input.warnings.length > 0) {
    r++;
    line(r++, 'Lưu ý', { bold: true }, 'left');
    for (const w of input.warnings) {
      const basis = w.basis ? ` (${w.basis}${w.verified ? '' : ', chưa xác minh'})` : '';
      line(r, `- ${w.message}${basis}`, {}, 'left');
      // merged cells are not fitted by fitWrappedRows: about 95 characters a line across the sheet
      sum.getRow(r++).height = Math.ceil((w.message.length + basis.length) / 95) * 15 + 3;
    }
  }
  signatures(sum, r + 1, input.office, input.today, NCOL);

  // ---- one sheet per award ----
  const taken = new Set(['tổng hợp']);
  for (const { code, kind } of sheets) {
    const award = AWARD_CATALOG[code];
    const person = kind.kind === 'individual';
    const rows: Array<{ s: ExportSubject; c: CandidateResult; order: number }> = [];
    kind.subjects.forEach((s, order) => {
      const c = s.candidates.find((x) => x.code === code);
      if (c && verdicts.includes(c.verdict)) rows.push({ s, c, order });
    });
    // a note on each row only where rows differ; else once under the title
    const unverified = rows.filter((x) => !x.c.verified).length;
    const noteColumn = unverified > 0 && unverified < rows.length;
    const titles = [
      'STT',
      ...(person ? ['Họ và tên', 'Ngày sinh', 'Đơn vị'] : ['Tên tập thể', 'Thuộc']),
      'Kết quả',
      'Đã đăng ký',
      'Còn thiếu',
      'Căn cứ',
      ...(noteColumn ? ['Ghi chú'] : []),
    ];
    const widths = [6, ...(person ? [26, 12, 28] : [32, 28]), 13, 10, 48, 28, ...(noteColumn ? [14] : [])];
    // STT, birth date, verdict, registered
    const centred = new Set(person ? [0, 2, 4, 5] : [0, 3, 4]);
    const ncol = titles.length;
    const HEAD = 6;
    const ws = listSheet(wb, sheetName(award.shortName, taken), HEAD, widths, 'landscape', 2);
    officeHeading(ws, input.office, 3);
    sheetLine(ws, 4, listTitle(kind.who, input.verdict, code, input.year), { size: 14, bold: true }, 'center', 1, ncol);
    const allUnverified = unverified > 0 && !noteColumn ? 'mọi dòng dựa trên quy định có phần chưa xác minh' : '';
    sheetLine(ws, 5, [input.scopeName, input.filterNote, allUnverified].filter(Boolean).join(' — '), { italic: true }, 'center', 1, ncol);
    headerRow(ws.getRow(HEAD), titles);
    ws.getRow(HEAD).height = 32;

    // verdict first, then unit, then the run's order (Vietnamese order of names)
    const places = [...new Set(rows.map((x) => x.s.place))].sort(compareVi);
    const placeRank = new Map(places.map((p, i) => [p, i]));
    rows.sort(
      (a, b) =>
        VERDICT_ORDER.indexOf(a.c.verdict) - VERDICT_ORDER.indexOf(b.c.verdict) || placeRank.get(a.s.place)! - placeRank.get(b.s.place)! || a.order - b.order,
    );
    let at = HEAD + 1;
    for (let i = 0; i < rows.length; i++) {
      const { s, c } = rows[i]!;
      const { missing, bases } = c.verdict === 'du_dieu_kien' ? { missing: '', bases: '' } : missingOf(c);
      const reg = s.registered.includes(code) ? 'Có' : '';
      const values: Array<string | number> = [
        i + 1,
        s.name,
        ...(person ? [s.birthDate ? formatDateVi(s.birthDate) : ''] : []),
        s.place,
        VERDICT_LABEL[c.verdict],
        reg,
        missing,
        bases,
        ...(noteColumn ? [c.verified ? '' : UNVERIFIED] : []),
      ];
      const row = ws.getRow(at++);
      values.forEach((v, k) => {
        const cell = row.getCell(k + 1);
        cell.value = v;
        cell.style = centred.has(k) ? CENTRED_CELL : LEFT_CELL;
      });
      if ((i + 1) % CHUNK_ROWS === 0) {
        fitWrappedRows(ws, at - CHUNK_ROWS, at - 1);
        // the core answers other calls between chunks (a province's list runs to 25,000 rows)
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    fitWrappedRows(ws, at - (rows.length % CHUNK_ROWS), at - 1);
    ws.autoFilter = { from: { row: HEAD, column: 1 }, to: { row: at - 1, column: ncol } };
  }
  return workbookBytes(wb);
}

/** "kiem-tra-dieu-kien-khen-thuong-2025.xlsx" */
export function eligibilityFileName(year: number): string {
  return `kiem-tra-dieu-kien-khen-thuong-${year}.xlsx`;
}

/** eligibility.export: the kept run (or a new one) with the screen's filters, as the workbook. */
export async function exportEligibility(
  sqlite: BetterSqlite3.Database,
  input: EligibilityExportQuery,
  office: SheetOffice,
  today: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { head, people, units } = exportSubjects(sqlite, input, office.name);
  const all = unitsLite(sqlite);
  const labels = unitLabels(all);
  const byId = new Map(all.map((u) => [u.id, u]));
  const notes: string[] = [];
  if (input.inUnit) notes.push(`đơn vị ${labels.get(input.inUnit) ?? input.inUnit}`);
  if (input.search.trim()) notes.push(`tên có “${input.search.trim()}”`);
  const only = (codes: readonly AwardCode[]) => (input.code ? codes.filter((c) => c === input.code) : codes);
  const unitIds = new Set(people.map((r) => r.unitId));
  const bytes = await eligibilityWorkbook({
    office,
    year: head.year,
    scopeName: head.unitName,
    ruleSet: head.ruleSet,
    warnings: head.warnings
      .filter((w) => !w.unitId || unitIds.has(w.unitId) || units.some((u) => u.unitId === w.unitId))
      .map((w) => {
        // a quota warning starts with the unit's own name: the province has twenty "Văn phòng"
        const own = w.unitId ? byId.get(w.unitId)?.name : undefined;
        const label = w.unitId ? labels.get(w.unitId) : undefined;
        return own && label && w.message.startsWith(`${own}: `) ? { ...w, message: `${label}${w.message.slice(own.length)}` } : w;
      }),
    codes: { individual: only(head.codes.individual), collective: only(head.codes.collective) },
    verdict: input.verdict,
    filterNote: notes.length ? `Lọc: ${notes.join('; ')}` : '',
    people: people.map((r) => ({
      name: r.s.name,
      place: (r.unitId && labels.get(r.unitId)) || r.unitName,
      birthDate: r.birthDate,
      registered: r.registered,
      candidates: r.s.candidates,
    })),
    units: units.map((r) => ({ name: r.s.name, place: parentPath(byId, r.s.id), birthDate: null, registered: r.registered, candidates: r.s.candidates })),
    today,
  });
  return { fileName: eligibilityFileName(head.year), bytes };
}
