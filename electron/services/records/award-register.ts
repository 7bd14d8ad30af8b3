// "Danh sách cá nhân, tập thể được khen thưởng" — the register of awards an office keeps and
// files (sổ theo dõi khen thưởng): everyone named by the decisions the Quyết định tab shows (its
// year and search), a group per form in the order the statistics use (Nhà nước, toàn quốc, bộ/
// ngành/tỉnh, cơ sở, other forms), each person or collective with position, unit, the decision's
// number, date, issuer and kind, and the cash amount; place, date and signatures.
import { AWARD_BASIS_LABELS, formsByLevel } from '../../../shared/awards';
import { AppError } from '../../../shared/contract/errors';
import type { AwardDecisionSummary } from '../../../shared/contract/records';
import { compareVi, upperFirst } from '../../../shared/text/vn';
import type BetterSqlite3 from 'better-sqlite3';
import { registerRecipients, type RegisterRow } from '../../../db/repositories/award-register';
import { listDecisionSummaries } from './decisions';
import { groupedListWorkbook, type ListCell } from '../xlsx/list';
import type { SheetOffice } from '../xlsx/report';
import { excelDate } from '../xlsx/style';

export interface RegisterInput {
  office: SheetOffice;
  year: number | null;
  search: string;
  decisions: readonly AwardDecisionSummary[];
  recipients: readonly RegisterRow[];
  today: string;
}

const formOf = (d: AwardDecisionSummary) => d.awardCode ?? `khac:${d.otherForm}`;

/**
 * The most rows one register file holds: past it (a province's every year, 230,000) exceljs
 * would hold the core for tens of seconds writing one sheet, and no one prints such a list.
 */
export const REGISTER_MAX_ROWS = 60_000;

/** Refuses a register longer than REGISTER_MAX_ROWS, saying how to narrow it. */
export function checkRegisterSize(rows: number, year: number | null): void {
  if (rows <= REGISTER_MAX_ROWS) return;
  const n = (x: number) => x.toLocaleString('vi-VN');
  throw new AppError(
    'INVALID_INPUT',
    `Các quyết định đang hiện khen thưởng ${n(rows)} lượt — quá dài cho một danh sách (tối đa ${n(REGISTER_MAX_ROWS)} dòng). ${year === null ? 'Hãy chọn một năm' : 'Hãy tìm theo số quyết định'} rồi xuất lại.`,
  );
}

/** The decisions the tab shows (its year and search) and everyone they name; refused past REGISTER_MAX_ROWS. */
export function registerData(sqlite: BetterSqlite3.Database, f: { year: number | null; search: string }): Pick<RegisterInput, 'decisions' | 'recipients'> {
  const decisions = listDecisionSummaries(sqlite, f);
  checkRegisterSize(
    decisions.reduce((n, d) => n + d.recipientCount, 0),
    f.year,
  );
  return { decisions, recipients: registerRecipients(sqlite, decisions.map((d) => d.id)) };
}

export function registerWorkbook(input: RegisterInput, now: Date = new Date()): Promise<Uint8Array> {
  const n = (x: number) => x.toLocaleString('vi-VN');
  const byId = new Map(input.decisions.map((d) => [d.id, d]));
  // a form's decisions oldest first, each decision's list in its order
  const ordered = [...input.decisions].sort(
    (a, b) => a.year - b.year || (a.decisionDate ?? '9999').localeCompare(b.decisionDate ?? '9999') || compareVi(a.number, b.number),
  );
  const rank = new Map(ordered.map((d, i) => [d.id, i]));
  const recipients = [...input.recipients].filter((r) => byId.has(r.decision_id)).sort((a, b) => rank.get(a.decision_id)! - rank.get(b.decision_id)!);
  const several = input.year === null && new Set(input.decisions.map((d) => d.year)).size > 1;
  const forms = formsByLevel(input.decisions.map((d) => ({ form: formOf(d), formLabel: d.awardCode ? d.formLabel : d.otherForm }))).flatMap((g) => g.forms);
  const groups = forms
    .map((f) => {
      const rows = recipients.filter((r) => formOf(byId.get(r.decision_id)!) === f.form);
      const people = rows.filter((r) => r.subject_kind === 'person').length;
      const counts = [people ? `${n(people)} cá nhân` : '', rows.length - people ? `${n(rows.length - people)} tập thể` : ''].filter(Boolean).join(', ');
      return {
        title: `${f.name} (${counts || '0 cá nhân'})`,
        rows: rows.map((r): ListCell[] => {
          const d = byId.get(r.decision_id)!;
          return [
            r.name,
            r.subject_kind === 'person' ? r.position : 'Tập thể',
            r.unit_name,
            d.number,
            excelDate(d.decisionDate),
            d.issuer,
            upperFirst(AWARD_BASIS_LABELS[d.basis]),
            ...(several ? [d.year] : []),
            r.cash_amount ?? d.cashAmount ?? null,
          ];
        }),
      };
    })
    .filter((g) => g.rows.length > 0);
  const people = recipients.filter((r) => r.subject_kind === 'person').length;
  const search = input.search.trim();
  return groupedListWorkbook(
    {
      office: input.office,
      sheetName: 'Danh sách khen thưởng',
      title: `DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG${input.year === null ? '' : ` NĂM ${input.year}`}`,
      lines: [
        [input.office.name, search && `quyết định tìm theo “${search}”`].filter(Boolean).join('; '),
        `Tổng số ${n(recipients.length)} lượt khen thưởng: ${n(people)} cá nhân, ${n(recipients.length - people)} tập thể, theo ${n(input.decisions.length)} quyết định.`,
      ],
      columns: [
        { header: 'Họ và tên / Tên tập thể', width: 28 },
        { header: 'Chức vụ', width: 20 },
        { header: 'Đơn vị', width: 28 },
        { header: 'Số quyết định', width: 16 },
        { header: 'Ngày quyết định', width: 13, date: true },
        { header: 'Cơ quan ban hành', width: 24 },
        { header: 'Loại khen thưởng', width: 13, centred: true },
        ...(several ? [{ header: 'Năm', width: 8, centred: true }] : []),
        { header: 'Tiền thưởng (đồng)', width: 14, money: true },
      ],
      groups,
      empty: 'Không có quyết định khen thưởng nào khớp bộ lọc đã chọn.',
      today: input.today,
    },
    now,
  );
}

/** "danh-sach-khen-thuong-2025.xlsx" (every year: "danh-sach-khen-thuong.xlsx") */
export function registerFileName(year: number | null): string {
  return `danh-sach-khen-thuong${year === null ? '' : `-${year}`}.xlsx`;
}
