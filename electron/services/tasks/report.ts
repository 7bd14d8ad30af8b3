// Progress report of the task tracker for a quarter, the first six months (sơ kết) or the year
// (tổng kết): an official BÁO CÁO (NĐ 30/2020, rendered by services/documents) and an .xlsx.
//
// The BÁO CÁO: header from the office profile, "Số:      /BC-<abbr>", place and today's date;
// title "Kết quả thực hiện nhiệm vụ công tác thi đua, khen thưởng quý I năm 2026"; I. results
// with a summary of counts (per quarter for H1 and Y); in the 6-month report, the year's
// registrations by title; in the yearly report, the registrations and how many earned their
// title, the year's awards by level and form and the dossiers sent up; then the tasks not completed (overdue first); the
// tasks of the next period when there are any; closing sentence; Nơi nhận; the office
// head signs. The task table (STT, Nội dung, Chủ trì, Phối hợp, Thời hạn, Trạng thái, Ghi
// chú/kết quả = latest progress note) is the appendix, on a landscape page (7 columns), with a
// group row per quarter.
import type ExcelJS from 'exceljs';
import { AWARD_CATALOG, AWARD_CODES, formsByLevel, type AwardCode } from '../../../shared/awards';
import { officeHeadTitle } from '../../../shared/documents/agency';
import type { AwardStatsRow, RegistrationOut } from '../../../shared/contract/records';
import type { DossierSummary } from '../../../shared/contract/dossiers';
import { DOSSIER_STATUSES, type DossierStatus } from '../../../shared/dossiers/model';
import type { Office } from '../../../shared/contract/office';
import type { Block, DocTable, DocTableRow, OfficialDocument, Run } from '../../../shared/documents/model';
import { compareVi, formatDateVi, formatDocNumber, isoToPartialDate, toRoman, upperFirst } from '../../../shared/text/vn';
import {
  periodPhrase,
  periodQuarters,
  quarterRoman,
  type Quarter,
  type ReportPeriod,
  type TaskDisplayStatus,
  type TaskStatus,
} from '../../../shared/tasks/status';
import { TASK_STATUS_LABELS } from '../../../shared/tasks/labels';
import { renderDocx } from '../documents/docx';
import { CENTRED_CELL, LEFT_CELL, LIST_FONT, headerRow, listSheet, printSetup, sheetLine, signatures } from '../xlsx/report';
import { fitWrappedRows } from '../xlsx/row-heights';
import { BORDER, FONT, GROUP_FILL, excelDate, newWorkbook, workbookBytes } from '../xlsx/style';

export interface ReportTask {
  title: string;
  lead: string[];
  coordinating: string[];
  effectiveDue: string;
  effectiveQuarter: Quarter;
  status: TaskStatus;
  displayStatus: TaskDisplayStatus;
  completedOn: string | null;
  latestNote: string;
  responsible: string;
}

export type ReportOffice = Pick<Office, 'name' | 'parentAgency' | 'placeName' | 'abbreviation' | 'headTitle' | 'headName' | 'superiorName'>;

export interface ReportInput {
  year: number;
  period: ReportPeriod;
  today: string;
  office: ReportOffice;
  /** every task of the year (the report picks the period's and the next period's) */
  tasks: ReportTask[];
  /** the plans the tasks come from, as cited ("Kế hoạch số 05/KH-SLĐTBXH") */
  planRefs: string[];
  /** the year's registrations (6-month and yearly reports) and awards (yearly report) */
  awards?: ReportAwards | null;
}

/** A form's count among the year's award decisions: people and collectives. */
export interface ReportAwardForm {
  name: string;
  persons: number;
  collectives: number;
}

/** A title's registrations of the year: how many registered, and (yearly report) how many earned it. */
export interface ReportRegistration {
  name: string;
  kind: 'person' | 'unit';
  registered: number;
  achieved: number;
}

export interface ReportAwards {
  /** in catalogue order */
  registrations: ReportRegistration[];
  /** the statistics table's levels, in its order; forms with a count only */
  groups: Array<{ title: string; forms: ReportAwardForm[] }>;
  /** at the province, the awards by office (own office included), by name; empty for an office alone */
  offices: Array<{ id: string | null; name: string; persons: number; collectives: number }>;
  /** the office's own nomination dossiers of the year, by status */
  dossiers: { total: number; nominees: number; draft: number; submitted: number; approved: number; returned: number };
}

export { DOCX_MIME } from '../documents/docx';

export function reportTitle(period: ReportPeriod, year: number): string {
  return `Kết quả thực hiện nhiệm vụ công tác thi đua, khen thưởng ${periodPhrase(period, year)}`;
}

export function reportFileName(period: ReportPeriod, year: number, ext: 'docx' | 'xlsx'): string {
  return `bao-cao-nhiem-vu-tdkt-${year}-${period.toLowerCase()}.${ext}`;
}

export function isLate(t: Pick<ReportTask, 'status' | 'completedOn' | 'effectiveDue'>): boolean {
  return t.status === 'hoan_thanh' && !!t.completedOn && t.completedOn > t.effectiveDue;
}

export function reportStatusLabel(t: ReportTask): string {
  if (isLate(t)) return `${TASK_STATUS_LABELS.hoan_thanh} (chậm hạn)`;
  return TASK_STATUS_LABELS[t.displayStatus];
}

function counts(tasks: readonly ReportTask[]) {
  const c = { total: tasks.length, done: 0, inProgress: 0, notStarted: 0, overdue: 0 };
  for (const t of tasks) {
    if (t.displayStatus === 'hoan_thanh') c.done++;
    else if (t.displayStatus === 'dang_thuc_hien') c.inProgress++;
    else if (t.displayStatus === 'chua_thuc_hien') c.notStarted++;
    else c.overdue++;
  }
  return c;
}

/** Sections II and III list at most this many tasks (the appendix has them all). */
const LIST_MAX = 40;

const pct = (n: number, total: number) => (total ? Math.round((n * 100) / total) : 0);

/** The period's tasks, in the order given (the tracker's: quarter, then plan order). */
export function periodTasks(input: Pick<ReportInput, 'period' | 'tasks'>): ReportTask[] {
  const qs = new Set(periodQuarters(input.period));
  return input.tasks.filter((t) => qs.has(t.effectiveQuarter));
}

/** The quarters after the period in the same year (none after a yearly report). */
function nextQuarters(period: ReportPeriod): Quarter[] {
  const qs = periodQuarters(period);
  const last = qs[qs.length - 1]!;
  if (period === 'Y' || last === 4) return [];
  return period === 'H1' ? [3, 4] : [(last + 1) as Quarter];
}

function summarySentence(c: ReturnType<typeof counts>, lead: string): string {
  if (c.total === 0) return `${lead} không có nhiệm vụ công tác thi đua, khen thưởng nào được giao.`;
  const parts = [
    `đã hoàn thành ${c.done} nhiệm vụ (đạt ${pct(c.done, c.total)}%)`,
    `đang thực hiện ${c.inProgress} nhiệm vụ`,
    `chưa thực hiện ${c.notStarted} nhiệm vụ`,
    `quá hạn chưa hoàn thành ${c.overdue} nhiệm vụ`,
  ];
  return `${lead} có ${c.total} nhiệm vụ công tác thi đua, khen thưởng; trong đó: ${parts.join(', ')}.`;
}

const num = (n: number) => n.toLocaleString('vi-VN');

/** "1.234 cá nhân, 5 tập thể" (either left out when none). */
function whoCount(persons: number, collectives: number): string {
  return [persons && `${num(persons)} cá nhân`, collectives && `${num(collectives)} tập thể`].filter(Boolean).join(', ');
}

/** The year's award counts (the statistics' rows of one year, every unit) and own dossiers as the report gives them. */
export function reportAwards(
  stats: readonly AwardStatsRow[],
  dossiers: ReadonlyArray<Pick<DossierSummary, 'status' | 'nomineeCount'>>,
  registrations: ReadonlyArray<Pick<RegistrationOut, 'kind' | 'awardCode' | 'achieved'>>,
  byOffice: readonly AwardStatsRow[] = [],
): ReportAwards {
  const offices = new Map<string, ReportAwards['offices'][number]>();
  for (const r of byOffice) {
    const key = r.unitId ?? '';
    const o = offices.get(key) ?? { id: r.unitId, name: r.unitName, persons: 0, collectives: 0 };
    o.persons += r.persons;
    o.collectives += r.collectives;
    offices.set(key, o);
  }
  const byCode = new Map<AwardCode, ReportRegistration>();
  for (const r of registrations) {
    let g = byCode.get(r.awardCode);
    if (!g) byCode.set(r.awardCode, (g = { name: AWARD_CATALOG[r.awardCode].name, kind: r.kind, registered: 0, achieved: 0 }));
    g.registered++;
    if (r.achieved) g.achieved++;
  }
  const totals = new Map<string, [number, number]>();
  for (const r of stats) {
    const t = totals.get(r.form) ?? [0, 0];
    totals.set(r.form, [t[0] + r.persons, t[1] + r.collectives]);
  }
  const groups = formsByLevel(stats).map((g) => ({
    title: g.title,
    forms: g.forms.map((f) => ({ name: f.name, persons: totals.get(f.form)![0], collectives: totals.get(f.form)![1] })),
  }));
  const d = { total: dossiers.length, nominees: 0, draft: 0, submitted: 0, approved: 0, returned: 0 };
  for (const x of dossiers) {
    d.nominees += x.nomineeCount;
    d[x.status]++;
  }
  return {
    registrations: AWARD_CODES.flatMap((c) => byCode.get(c) ?? []),
    groups,
    // by name, counts of no unit last
    offices: [...offices].sort(([a, x], [b, y]) => Number(a === '') - Number(b === '') || compareVi(x.name, y.name)).map(([, o]) => o),
    dossiers: d,
  };
}

/** "Lao động tiên tiến (1.200 cá nhân đăng ký, 1.150 đạt)"; without what was earned mid-year. */
function registrationSentence(a: ReportAwards, year: number, withAchieved: boolean): string {
  if (a.registrations.length === 0) return `Chưa có đăng ký thi đua năm ${year} được cập nhật vào phần mềm.`;
  const parts = a.registrations.map((r) => {
    const who = `${num(r.registered)} ${r.kind === 'person' ? 'cá nhân' : 'tập thể'}`;
    return withAchieved ? `${r.name} (${who} đăng ký, ${num(r.achieved)} đạt)` : `${r.name} (${who})`;
  });
  return `Đăng ký thi đua năm ${year}: ${parts.join('; ')}.`;
}

/** The yearly report's part on awards: the registrations and how many earned their title, what was awarded, by level and form, and the dossiers sent up. */
function awardBlocks(a: ReportAwards, year: number, officeName: string): Block[] {
  const out: Block[] = [{ kind: 'paragraph', runs: runs(registrationSentence(a, year, true)) }];
  let persons = 0;
  let collectives = 0;
  for (const g of a.groups)
    for (const f of g.forms) {
      persons += f.persons;
      collectives += f.collectives;
    }
  if (persons + collectives === 0) {
    out.push({ kind: 'paragraph', runs: runs(`Chưa có quyết định khen thưởng nào của năm ${year} được cập nhật vào phần mềm.`) });
  } else {
    const turns = (p: number, c: number) => [p && `${num(p)} lượt cá nhân`, c && `${num(c)} lượt tập thể`].filter(Boolean).join(' và ');
    // at the province the counts are those of every office whose data it holds
    const counted = a.offices.filter((o) => o.id).length;
    const whose = a.offices.length > 1 ? `, tổng hợp số liệu của ${num(counted)} cơ quan, đơn vị, có` : `, ${officeName} có`;
    out.push({ kind: 'paragraph', runs: runs(`Năm ${year}, theo các quyết định khen thưởng đã cập nhật${whose} ${turns(persons, collectives)} được khen thưởng, cụ thể:`) });
    for (const g of a.groups)
      out.push({ kind: 'paragraph', label: '-', runs: runs(`${g.title}: ${g.forms.map((f) => `${f.name} (${whoCount(f.persons, f.collectives)})`).join('; ')}.`) });
    if (a.offices.length > 1) {
      out.push({ kind: 'paragraph', runs: runs('Theo cơ quan, đơn vị:') });
      for (const o of a.offices) out.push({ kind: 'paragraph', label: '-', runs: runs(`${o.name}: ${turns(o.persons, o.collectives)}.`) });
    }
  }
  const d = a.dossiers;
  if (d.total === 0) {
    out.push({ kind: 'paragraph', runs: runs(`Chưa lập hồ sơ đề nghị cấp trên khen thưởng năm ${year}.`) });
  } else {
    const parts = [
      d.approved && `đã được duyệt ${num(d.approved)} hồ sơ`,
      d.returned && `bị trả lại ${num(d.returned)} hồ sơ`,
      d.submitted && `đã gửi, đang chờ kết quả ${num(d.submitted)} hồ sơ`,
      d.draft && `đang soạn ${num(d.draft)} hồ sơ`,
    ].filter(Boolean);
    out.push({
      kind: 'paragraph',
      runs: runs(`Hồ sơ đề nghị cấp trên khen thưởng năm ${year}: ${num(d.total)} hồ sơ với ${num(d.nominees)} lượt đề nghị; trong đó ${parts.join(', ')}.`),
    });
  }
  return out;
}

const runs = (text: string): Run[] => [{ text }];
/** A title inside a sentence: without its own closing punctuation. */
const bare = (title: string) => title.trim().replace(/[.;,]+$/, '');

/** The task table (also the appendix of the BÁO CÁO): a group row per quarter. */
export function reportTable(tasks: readonly ReportTask[], quarters: readonly Quarter[]): DocTable {
  const rows: DocTableRow[] = [];
  for (const q of quarters) {
    const inQ = tasks.filter((t) => t.effectiveQuarter === q);
    const c = counts(inQ);
    rows.push({
      group: true,
      cells: [runs(quarterRoman(q)), runs(`Nhiệm vụ quý ${quarterRoman(q)} (${c.total} nhiệm vụ, hoàn thành ${c.done})`), [], [], [], [], []],
    });
    inQ.forEach((t, i) =>
      rows.push({
        cells: [
          runs(String(i + 1)),
          runs(t.title),
          runs(t.lead.join('; ')),
          runs(t.coordinating.join('; ')),
          runs(formatDateVi(t.effectiveDue)),
          t.displayStatus === 'qua_han' ? [{ text: reportStatusLabel(t), bold: true }] : runs(reportStatusLabel(t)),
          runs(t.latestNote),
        ],
      }),
    );
  }
  return {
    columns: [
      { header: 'STT', width: 5, align: 'center' },
      { header: 'Nội dung', width: 30 },
      { header: 'Chủ trì', width: 13 },
      { header: 'Phối hợp', width: 16 },
      { header: 'Thời hạn', width: 10, align: 'center' },
      { header: 'Trạng thái', width: 11, align: 'center' },
      { header: 'Ghi chú/kết quả', width: 20 },
    ],
    rows,
  };
}

export function buildReportDocument(input: ReportInput): OfficialDocument {
  const { year, period, office } = input;
  const phrase = periodPhrase(period, year);
  const quarters = periodQuarters(period);
  const tasks = periodTasks(input);
  const c = counts(tasks);
  const officeName = office.name;

  const body: Block[] = [];
  let part = 0;
  const heading = (text: string) => body.push({ kind: 'heading', level: 1, label: `${toRoman(++part)}.`, runs: runs(text) });
  heading('KẾT QUẢ THỰC HIỆN');
  body.push({ kind: 'paragraph', runs: runs(summarySentence(c, `${upperFirst(phrase)}, ${officeName}`)) });
  if (quarters.length > 1)
    for (const q of quarters) {
      const cq = counts(tasks.filter((t) => t.effectiveQuarter === q));
      body.push({
        kind: 'paragraph',
        label: '-',
        runs: runs(`Quý ${quarterRoman(q)}: ${cq.total} nhiệm vụ; hoàn thành ${cq.done}, đang thực hiện ${cq.inProgress}, chưa thực hiện ${cq.notStarted}, quá hạn ${cq.overdue}.`),
      });
    }
  const late = tasks.filter(isLate).length;
  if (late) body.push({ kind: 'paragraph', runs: runs(`Trong số nhiệm vụ đã hoàn thành có ${late} nhiệm vụ hoàn thành chậm so với thời hạn.`) });
  if (tasks.length) body.push({ kind: 'paragraph', runs: runs('Kết quả thực hiện từng nhiệm vụ tại Phụ lục kèm theo Báo cáo này.') });

  if (period === 'Y' && input.awards) {
    heading('KẾT QUẢ CÔNG TÁC KHEN THƯỞNG');
    body.push(...awardBlocks(input.awards, year, officeName));
  } else if (period === 'H1' && input.awards) {
    heading('CÔNG TÁC ĐĂNG KÝ THI ĐUA');
    body.push({ kind: 'paragraph', runs: runs(registrationSentence(input.awards, year, false)) });
  }

  heading('NHIỆM VỤ CHƯA HOÀN THÀNH');
  const open = tasks
    .filter((t) => t.status !== 'hoan_thanh')
    .sort((a, b) => Number(b.displayStatus === 'qua_han') - Number(a.displayStatus === 'qua_han') || a.effectiveDue.localeCompare(b.effectiveDue));
  if (open.length === 0) body.push({ kind: 'paragraph', runs: runs(tasks.length ? 'Các nhiệm vụ trong kỳ đều đã hoàn thành.' : 'Không có.') });
  for (const t of open.slice(0, LIST_MAX)) {
    const who = t.lead.length ? ` (chủ trì: ${t.lead.join('; ')})` : '';
    const state = t.displayStatus === 'qua_han' ? `quá hạn từ ngày ${formatDateVi(t.effectiveDue)}` : `${TASK_STATUS_LABELS[t.displayStatus].toLocaleLowerCase('vi')}, thời hạn ${formatDateVi(t.effectiveDue)}`;
    body.push({ kind: 'paragraph', label: '-', runs: runs(`${bare(t.title)}${who}: ${state}.`) });
  }
  if (open.length > LIST_MAX) body.push({ kind: 'paragraph', label: '-', runs: runs(`Và ${open.length - LIST_MAX} nhiệm vụ khác (chi tiết tại Phụ lục).`) });

  const nq = nextQuarters(period);
  const next = input.tasks.filter((t) => nq.includes(t.effectiveQuarter) && t.status !== 'hoan_thanh');
  if (next.length) {
    const nextPhrase = nq.length > 1 ? `6 tháng cuối năm ${year}` : `quý ${quarterRoman(nq[0]!)} năm ${year}`;
    heading(`NHIỆM VỤ TRỌNG TÂM ${nextPhrase.toLocaleUpperCase('vi')}`);
    for (const t of next.slice(0, LIST_MAX)) body.push({ kind: 'paragraph', label: '-', runs: runs(`${bare(t.title)} (thời hạn ${formatDateVi(t.effectiveDue)}).`) });
    if (next.length > LIST_MAX) body.push({ kind: 'paragraph', label: '-', runs: runs(`Và ${next.length - LIST_MAX} nhiệm vụ khác.`) });
  }

  const basis = input.planRefs.length ? input.planRefs.join('; ') : `Kế hoạch công tác thi đua, khen thưởng năm ${year}`;
  const recipients = [
    ...(office.superiorName ? [`${office.superiorName} (b/c)`] : []),
    'Lãnh đạo cơ quan',
    'Các phòng, đơn vị',
    `Lưu: VT, ${office.abbreviation}.`,
  ];
  return {
    header: {
      parentAgency: office.parentAgency ? office.parentAgency.toLocaleUpperCase('vi') : undefined,
      agency: office.name.toLocaleUpperCase('vi'),
      numberLine: formatDocNumber(null, 'BC', office.abbreviation),
      place: office.placeName,
      date: isoToPartialDate(input.today),
    },
    docType: 'BÁO CÁO',
    title: [reportTitle(period, year)],
    bases: [],
    preamble: [runs(`Thực hiện ${basis}, ${officeName} báo cáo kết quả thực hiện nhiệm vụ công tác thi đua, khen thưởng ${phrase} như sau:`)],
    body,
    closing: [runs(`Trên đây là báo cáo kết quả thực hiện nhiệm vụ công tác thi đua, khen thưởng ${phrase} của ${officeName}./.`)],
    recipients,
    signer: { prefix: '', position: officeHeadTitle(office).toLocaleUpperCase('vi'), name: office.headName },
    appendices: tasks.length
      ? [
          {
            heading: 'PHỤ LỤC',
            subtitle: [
              `Kết quả thực hiện nhiệm vụ công tác thi đua, khen thưởng ${phrase}`,
              `(Kèm theo Báo cáo của ${officeName})`,
            ],
            blocks: [{ kind: 'table', table: reportTable(tasks, quarters) }],
            landscape: true,
          },
        ]
      : [],
  };
}

export async function renderReportDocx(input: ReportInput): Promise<Uint8Array> {
  return renderDocx(buildReportDocument(input), { title: `BÁO CÁO ${reportTitle(input.period, input.year)}` });
}

// ---------------------------------------------------------------------------------------------
// .xlsx

const OVERDUE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };

export const XLSX_COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Nội dung', width: 50 },
  { header: 'Chủ trì', width: 24 },
  { header: 'Phối hợp', width: 30 },
  { header: 'Thời hạn', width: 12 },
  { header: 'Trạng thái', width: 18 },
  { header: 'Ghi chú/kết quả', width: 40 },
  { header: 'Người phụ trách', width: 20 },
  { header: 'Ngày hoàn thành', width: 14 },
] as const;

export async function renderReportXlsx(input: ReportInput, now: Date = new Date()): Promise<Uint8Array> {
  const { year, period, office } = input;
  const tasks = periodTasks(input);
  const c = counts(tasks);
  const quarters = periodQuarters(period);
  const wb = newWorkbook(now);
  const HEADER_ROW = 5;
  const ncol = XLSX_COLUMNS.length;
  const ws = listSheet(wb, 'Báo cáo nhiệm vụ', HEADER_ROW, XLSX_COLUMNS.map((col) => col.width));

  const line = (row: number, text: string, font: Partial<ExcelJS.Font>, align: 'left' | 'center' = 'center') => sheetLine(ws, row, text, font, align, 1, ncol);
  line(1, office.name.toLocaleUpperCase('vi'), { bold: true }, 'left');
  line(2, `BÁO CÁO ${reportTitle(period, year).toLocaleUpperCase('vi')}`, { size: 14, bold: true });
  ws.getRow(2).height = 36;
  line(
    3,
    `Tổng số ${c.total} nhiệm vụ: hoàn thành ${c.done} (${pct(c.done, c.total)}%), đang thực hiện ${c.inProgress}, chưa thực hiện ${c.notStarted}, quá hạn ${c.overdue}. Số liệu tính đến ngày ${formatDateVi(input.today)}.`,
    { italic: true },
  );

  const header = ws.getRow(HEADER_ROW);
  header.height = 30;
  headerRow(header, XLSX_COLUMNS.map((col) => col.header));

  let r = HEADER_ROW + 1;
  for (const q of quarters) {
    const inQ = tasks.filter((t) => t.effectiveQuarter === q);
    const g = ws.getRow(r);
    g.getCell(1).value = quarterRoman(q);
    g.getCell(2).value = `Nhiệm vụ quý ${quarterRoman(q)} (${inQ.length} nhiệm vụ, hoàn thành ${counts(inQ).done})`;
    for (let k = 1; k <= ncol; k++) {
      const cell = g.getCell(k);
      cell.font = { name: FONT, size: 12, bold: true };
      cell.fill = GROUP_FILL;
      cell.border = BORDER;
      cell.alignment = { horizontal: k === 1 ? 'center' : 'left', vertical: 'middle' };
    }
    ws.mergeCells(r, 2, r, ncol);
    r++;
    inQ.forEach((t, i) => {
      const row = ws.getRow(r++);
      const overdue = t.displayStatus === 'qua_han';
      const values: ExcelJS.CellValue[] = [
        i + 1,
        t.title,
        t.lead.join('; ') || null,
        t.coordinating.join('; ') || null,
        excelDate(t.effectiveDue),
        reportStatusLabel(t),
        t.latestNote || null,
        t.responsible || null,
        excelDate(t.completedOn),
      ];
      values.forEach((v, k) => {
        const cell = row.getCell(k + 1);
        cell.value = v;
        cell.font = { name: FONT, size: 12, ...(overdue && k === 5 ? { bold: true, color: { argb: 'FFC00000' } } : {}) };
        cell.border = BORDER;
        const center = k === 0 || k === 4 || k === 5 || k === 8;
        cell.alignment = { horizontal: center ? 'center' : 'left', vertical: 'middle', wrapText: !center };
        if (k === 4 || k === 8) cell.numFmt = 'dd/mm/yyyy';
        if (overdue) cell.fill = OVERDUE_FILL;
      });
    });
  }
  fitWrappedRows(ws, HEADER_ROW + 1, r - 1);
  if (tasks.length === 0) line(r, 'Không có nhiệm vụ nào trong kỳ báo cáo.', { italic: true });
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(HEADER_ROW, r - 1), column: ncol } };

  if (input.awards && (period === 'Y' || period === 'H1')) awardSheet(wb, input.awards, input, period === 'Y');
  return workbookBytes(wb);
}

const DOSSIER_REPORT_LABELS: Readonly<Record<DossierStatus, string>> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi, đang chờ kết quả',
  approved: 'Đã được duyệt',
  returned: 'Bị trả lại',
};
const NUM_CELL: Partial<ExcelJS.Style> = { font: LIST_FONT, border: BORDER, alignment: { horizontal: 'right', vertical: 'top' }, numFmt: '#,##0' };
const AWARD_SHEET_WIDTHS = [6, 52, 14, 14, 14];

/**
 * The Word report's award part as tables on a sheet of its own: the registrations by title
 * (with how many earned it in the yearly report), and in the yearly report the awards by level
 * and form, people and collectives, and the office's dossiers by status.
 */
function awardSheet(wb: ExcelJS.Workbook, a: ReportAwards, input: ReportInput, yearly: boolean): void {
  const { year, office } = input;
  const ncol = AWARD_SHEET_WIDTHS.length;
  const ws = wb.addWorksheet(yearly ? 'Khen thưởng' : 'Đăng ký thi đua', printSetup('portrait'));
  ws.columns = AWARD_SHEET_WIDTHS.map((width) => ({ width }));
  const line = (row: number, text: string, font: Partial<ExcelJS.Font>, align: 'left' | 'center' = 'center') => sheetLine(ws, row, text, font, align, 1, ncol);
  line(1, office.name.toLocaleUpperCase('vi'), { bold: true }, 'left');
  line(2, yearly ? `KẾT QUẢ CÔNG TÁC KHEN THƯỞNG NĂM ${year}` : `ĐĂNG KÝ THI ĐUA NĂM ${year}`, { size: 14, bold: true });
  line(3, `(Kèm theo Báo cáo ${reportTitle(input.period, year).replace(/^K/, 'k')}; số liệu tính đến ngày ${formatDateVi(input.today)})`, { italic: true });
  ws.getRow(3).height = 32;

  let r = 5;
  let part = 0;
  const heading = (text: string) => {
    line(r, `${toRoman(++part)}. ${text}`, { bold: true }, 'left');
    r += 1;
  };
  const values = (cells: ExcelJS.CellValue[], group = false) => {
    const row = ws.getRow(r++);
    cells.forEach((v, k) => {
      const cell = row.getCell(k + 1);
      cell.value = v;
      cell.style = typeof v === 'number' && k > 0 ? NUM_CELL : k === 0 ? CENTRED_CELL : LEFT_CELL;
      if (group) {
        // a group row gets styles of its own: the list styles are shared objects
        cell.style = { ...cell.style, font: { ...LIST_FONT, bold: true }, fill: GROUP_FILL };
      }
    });
  };
  const none = (text: string) => {
    line(r, text, { italic: true }, 'left');
    r += 2;
  };

  heading(yearly ? 'ĐĂNG KÝ THI ĐUA VÀ KẾT QUẢ' : 'ĐĂNG KÝ THI ĐUA');
  if (a.registrations.length === 0) none(`Chưa có đăng ký thi đua năm ${year} được cập nhật vào phần mềm.`);
  else {
    headerRow(ws.getRow(r++), ['STT', 'Danh hiệu', 'Đối tượng', 'Số đăng ký', ...(yearly ? ['Số đạt'] : [])]);
    a.registrations.forEach((g, i) => values([i + 1, g.name, g.kind === 'person' ? 'Cá nhân' : 'Tập thể', g.registered, ...(yearly ? [g.achieved] : [])]));
    r++;
  }
  if (yearly) {
    heading('KHEN THƯỞNG TRONG NĂM');
    if (a.groups.length === 0) none(`Chưa có quyết định khen thưởng nào của năm ${year} được cập nhật vào phần mềm.`);
    else {
      headerRow(ws.getRow(r++), ['STT', 'Hình thức khen thưởng', 'Cá nhân', 'Tập thể', 'Cộng']);
      let persons = 0;
      let collectives = 0;
      a.groups.forEach((g, gi) => {
        const p = g.forms.reduce((n, f) => n + f.persons, 0);
        const c = g.forms.reduce((n, f) => n + f.collectives, 0);
        values([toRoman(gi + 1), g.title, p, c, p + c], true);
        g.forms.forEach((f, i) => values([i + 1, f.name, f.persons, f.collectives, f.persons + f.collectives]));
        persons += p;
        collectives += c;
      });
      values(['', 'Tổng cộng', persons, collectives, persons + collectives], true);
      r++;
      if (a.offices.length > 1) {
        line(r++, 'Theo cơ quan, đơn vị:', { italic: true }, 'left');
        headerRow(ws.getRow(r++), ['STT', 'Cơ quan, đơn vị', 'Cá nhân', 'Tập thể', 'Cộng']);
        a.offices.forEach((o, i) => values([i + 1, o.name, o.persons, o.collectives, o.persons + o.collectives]));
        r++;
      }
    }
    heading('HỒ SƠ ĐỀ NGHỊ CẤP TRÊN KHEN THƯỞNG');
    const d = a.dossiers;
    if (d.total === 0) none(`Chưa lập hồ sơ đề nghị cấp trên khen thưởng năm ${year}.`);
    else {
      headerRow(ws.getRow(r++), ['STT', 'Tình trạng hồ sơ', 'Số hồ sơ']);
      DOSSIER_STATUSES.forEach((s, i) => values([i + 1, DOSSIER_REPORT_LABELS[s], d[s]]));
      values(['', 'Tổng cộng', d.total], true);
      line(r++, `Số lượt cá nhân, tập thể được đề nghị: ${num(d.nominees)}.`, { italic: true }, 'left');
      r++;
    }
  }
  // a free-text form ("Kỷ niệm chương …") may wrap
  fitWrappedRows(ws, 5, r - 1);
  signatures(ws, r, office, input.today, ncol);
}

