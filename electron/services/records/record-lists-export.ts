// The record lists as the lists an office sends, each with the filters its tab shows:
// - the registrations (đăng ký thi đua), compiled at the start of a year for the emulation council
//   and the superior: a group per title in catalogue order, people and collectives with their
//   units, whether the title was earned (a decision of that year recorded), the note;
// - the initiatives and research recognised (sáng kiến, đề tài), which the titles and the
//   nominations cite: a group per reach (toàn quốc, tỉnh, cơ sở), author, unit, title, kind,
//   recognising body, decision and date.
// Both end with place, date and signatures (xlsx/list.ts).
import { AWARD_CATALOG, AWARD_CODES, INITIATIVE_KIND_LABELS, INITIATIVE_SCOPE_LABELS, type AwardCode, type InitiativeScope } from '../../../shared/awards';
import type { InitiativeOut, RegistrationOut } from '../../../shared/contract/records';
import { compareVi, compareViPersonName } from '../../../shared/text/vn';
import { groupedListWorkbook } from '../xlsx/list';
import { excelDate } from '../xlsx/style';
import type { SheetOffice } from '../xlsx/report';

export interface RecordListSheetInput<Row> {
  office: SheetOffice;
  /** null: every year */
  year: number | null;
  /** the unit chosen (its sub-units included), or null: the whole office */
  scopeName: string | null;
  /** the name search as typed ('' when none) */
  search: string;
  rows: readonly Row[];
  today: string;
}

/** The line under a list's title: the office or unit, and the name searched. */
export function scopeLine(input: Pick<RecordListSheetInput<unknown>, 'office' | 'scopeName' | 'search'>): string {
  return [input.scopeName ?? input.office.name, input.search.trim() && `tên có “${input.search.trim()}”`].filter(Boolean).join('; ');
}

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

export function registrationsWorkbook(input: RecordListSheetInput<RegistrationOut>, now: Date = new Date()): Promise<Uint8Array> {
  const several = new Set(input.rows.map((x) => x.year)).size > 1;
  const achieved = input.rows.filter((r) => r.achieved).length;
  return groupedListWorkbook(
    {
      office: input.office,
      sheetName: 'Đăng ký thi đua',
      title: `DANH SÁCH ĐĂNG KÝ THI ĐUA${input.year === null ? '' : ` NĂM ${input.year}`}`,
      lines: [
        scopeLine(input),
        `Tổng số ${input.rows.length.toLocaleString('vi-VN')} lượt đăng ký; đã đạt ${achieved.toLocaleString('vi-VN')} (có quyết định công nhận, khen thưởng của năm đăng ký).`,
      ],
      columns: [
        { header: 'Họ và tên / Tên tập thể', width: 32 },
        { header: 'Đơn vị', width: 36 },
        { header: 'Năm', width: 8, centred: true },
        { header: 'Kết quả', width: 16, centred: true },
        { header: 'Ghi chú', width: 30 },
      ],
      groups: registrationGroups(input.rows).map((g) => ({
        title: `${AWARD_CATALOG[g.code].name}${several ? ` — năm ${g.year}` : ''} (${g.rows.length.toLocaleString('vi-VN')} ${g.rows[0]!.kind === 'person' ? 'cá nhân' : 'tập thể'})`,
        rows: g.rows.map((x) => [x.name, x.kind === 'person' ? x.unitName : '', x.year, x.achieved ? 'Đã đạt' : 'Chưa có quyết định', x.note]),
      })),
      empty: 'Không có đăng ký thi đua nào khớp bộ lọc đã chọn.',
      today: input.today,
    },
    now,
  );
}

/** "dang-ky-thi-dua-2026.xlsx" (every year: "dang-ky-thi-dua.xlsx") */
export function registrationsFileName(year: number | null): string {
  return `dang-ky-thi-dua${year === null ? '' : `-${year}`}.xlsx`;
}

const SCOPE_ORDER: readonly InitiativeScope[] = ['toan_quoc', 'tinh', 'co_so'];

export function initiativesWorkbook(input: RecordListSheetInput<InitiativeOut>, now: Date = new Date()): Promise<Uint8Array> {
  const n = (x: number) => x.toLocaleString('vi-VN');
  const byScope = SCOPE_ORDER.map((scope) => ({
    scope,
    rows: input.rows
      .filter((r) => r.scope === scope)
      .sort((a, b) => b.year - a.year || compareVi(a.unitName, b.unitName) || compareViPersonName(a.staffName, b.staffName) || compareVi(a.title, b.title)),
  })).filter((g) => g.rows.length > 0);
  const counts = byScope.map((g) => `${n(g.rows.length)} ${INITIATIVE_SCOPE_LABELS[g.scope]}`).join(', ');
  return groupedListWorkbook(
    {
      office: input.office,
      sheetName: 'Sáng kiến, đề tài',
      title: `DANH SÁCH SÁNG KIẾN, ĐỀ TÀI ĐƯỢC CÔNG NHẬN${input.year === null ? '' : ` NĂM ${input.year}`}`,
      lines: [scopeLine(input), `Tổng số ${n(input.rows.length)} sáng kiến, đề tài${counts ? `: ${counts}` : ''}.`],
      columns: [
        { header: 'Tác giả', width: 24 },
        { header: 'Đơn vị', width: 28 },
        { header: 'Tên sáng kiến, đề tài', width: 44 },
        { header: 'Loại', width: 11, centred: true },
        { header: 'Cơ quan công nhận', width: 24 },
        { header: 'Số quyết định', width: 16 },
        { header: 'Ngày công nhận', width: 13, date: true },
        { header: 'Năm', width: 8, centred: true },
      ],
      groups: byScope.map((g) => ({
        title: `Phạm vi ảnh hưởng ${INITIATIVE_SCOPE_LABELS[g.scope]} (${n(g.rows.length)})`,
        rows: g.rows.map((r) => [r.staffName, r.unitName, r.title, INITIATIVE_KIND_LABELS[r.kind], r.recognizingBody, r.decisionNo, excelDate(r.recognizedOn), r.year]),
      })),
      empty: 'Không có sáng kiến, đề tài nào khớp bộ lọc đã chọn.',
      today: input.today,
    },
    now,
  );
}

/** "sang-kien-de-tai-2025.xlsx" (every year: "sang-kien-de-tai.xlsx") */
export function initiativesFileName(year: number | null): string {
  return `sang-kien-de-tai${year === null ? '' : `-${year}`}.xlsx`;
}
