// Plan → OfficialDocument (shared/documents/model), the pure model the DOCX and HTML
// renderers print. Labels are generated here (./numbering).
//
// Mapping of sections:
// - roman parts        → heading level 1, runs bold and upper-cased ("I." + "MỤC ĐÍCH, YÊU CẦU")
// - arabic items       → heading level 2 when the heading text is bold (as typed headings are),
//                        else a labelled body paragraph ("1. Đổi mới nâng cao …")
// - nested "1.1." / letter points → heading level 3 when bold, else labelled paragraph
// - dash / plus        → labelled paragraph ("-", "+")
// - none               → heading (bold, no label) when bold, else a plain paragraph
// A quarterly task table becomes TT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp
// (+ Thời gian / Ghi chú when any task has them) with group rows "I | Công việc thực hiện
// trong Quý I"; an appendix with a table of 4 or more columns is landscape.
import type { Block, DocAppendix, DocTable, DocTableColumn, DocTableRow, OfficialDocument, Run } from '../documents/model';
import { formatDocNumber, toRoman } from '../text/vn';
import type { AppendixBlock, GenericTable, Plan, PlanBlock, PlanRun, QuarterGroup, QuarterlyTaskTable } from './model';
import { walkNumbered, type NumberedSection } from './numbering';

const ROMAN_QUARTER = ['I', 'II', 'III', 'IV'];

/** Default group row text of a quarter: "Công việc thực hiện trong Quý II". */
export function defaultQuarterLabel(quarter: 1 | 2 | 3 | 4): string {
  return `Công việc thực hiện trong Quý ${ROMAN_QUARTER[quarter - 1]}`;
}

export function quarterGroupLabel(g: QuarterGroup): string {
  if (g.label) return g.label;
  return g.quarter ? defaultQuarterLabel(g.quarter) : '';
}

export const QUARTERLY_COLUMNS = {
  index: 'TT',
  task: 'Nội dung công việc',
  lead: 'Đơn vị chủ trì',
  coordinating: 'Đơn vị phối hợp',
  timing: 'Thời gian',
  note: 'Ghi chú',
} as const;

function copyRuns(runs: readonly PlanRun[], extra?: Partial<Run>): Run[] {
  return runs.map((r) => ({ ...r, ...extra }));
}

function allBold(runs: readonly PlanRun[]): boolean {
  const visible = runs.filter((r) => r.text.trim() !== '');
  return visible.length > 0 && visible.every((r) => r.bold);
}

function upperVi(runs: readonly PlanRun[]): Run[] {
  return runs.map((r) => ({ ...r, text: r.text.toLocaleUpperCase('vi'), bold: true }));
}

function cell(text: string, bold?: boolean): Run[] {
  return bold ? [{ text, bold: true }] : [{ text }];
}

export function quarterlyToDocTable(t: QuarterlyTaskTable): DocTable {
  const tasks = t.groups.flatMap((g) => g.tasks);
  const hasTiming = tasks.some((x) => x.timing);
  const hasNote = tasks.some((x) => x.note);
  const columns: DocTableColumn[] = [
    { header: QUARTERLY_COLUMNS.index, width: 1, align: 'center' },
    { header: QUARTERLY_COLUMNS.task, width: 6 },
    { header: QUARTERLY_COLUMNS.lead, width: 3 },
    { header: QUARTERLY_COLUMNS.coordinating, width: 4 },
  ];
  if (hasTiming) columns.push({ header: QUARTERLY_COLUMNS.timing, width: 2, align: 'center' });
  if (hasNote) columns.push({ header: QUARTERLY_COLUMNS.note, width: 2 });
  const rows: DocTableRow[] = [];
  t.groups.forEach((g, gi) => {
    const groupCells: Run[][] = [cell(toRoman(gi + 1), true), cell(quarterGroupLabel(g), true)];
    while (groupCells.length < columns.length) groupCells.push([]);
    rows.push({ cells: groupCells, group: true });
    g.tasks.forEach((task, ti) => {
      const cells: Run[][] = [
        cell(String(ti + 1)),
        cell(task.title),
        cell(task.lead.join('; ')),
        cell(task.coordinating.join('; ')),
      ];
      if (hasTiming) cells.push(cell(task.timing ?? ''));
      if (hasNote) cells.push(cell(task.note ?? ''));
      rows.push({ cells });
    });
  });
  return { columns, rows };
}

export function genericToDocTable(t: GenericTable): DocTable {
  const width = Math.max(t.header?.length ?? 0, ...t.rows.map((r) => r.cells.length), 1);
  const columns: DocTableColumn[] = [];
  for (let c = 0; c < width; c++) {
    // relative width from the average text length of the column (header included)
    const texts = [t.header?.[c] ?? '', ...t.rows.map((r) => r.cells[c] ?? '')];
    const avg = texts.reduce((s, x) => s + x.length, 0) / texts.length;
    columns.push({ header: t.header?.[c] ?? '', width: Math.max(1, Math.min(8, Math.round(avg / 12))) });
  }
  const rows: DocTableRow[] = t.rows.map((r) => {
    const cells: Run[][] = [];
    for (let c = 0; c < width; c++) cells.push(cell(r.cells[c] ?? '', r.group));
    return r.group ? { cells, group: true } : { cells };
  });
  return { columns, rows };
}

function blockToDoc(b: PlanBlock | AppendixBlock): Block {
  switch (b.kind) {
    case 'paragraph':
      return { kind: 'paragraph', runs: copyRuns(b.runs) };
    case 'table':
      return { kind: 'table', table: genericToDocTable(b) };
    case 'quarterly':
      return { kind: 'table', table: quarterlyToDocTable(b) };
  }
}

function sectionBlock(n: NumberedSection): Block | null {
  const { node, label } = n;
  const runs = copyRuns(node.heading);
  const bold = allBold(node.heading);
  switch (node.style) {
    case 'roman':
      return { kind: 'heading', level: 1, label, runs: upperVi(node.heading) };
    case 'arabic':
    case 'arabic-paren':
      return bold ? { kind: 'heading', level: 2, label, runs } : { kind: 'paragraph', label, runs };
    case 'arabic-nested':
    case 'letter-paren':
    case 'letter-dot':
      return bold ? { kind: 'heading', level: 3, label, runs } : { kind: 'paragraph', label, runs };
    case 'dash':
    case 'plus':
      return { kind: 'paragraph', label, runs };
    case 'none':
      if (runs.length === 0 || runs.every((r) => r.text === '')) return null;
      return bold
        ? { kind: 'heading', level: Math.min(3, Math.max(1, n.depth)) as 1 | 2 | 3, runs }
        : { kind: 'paragraph', runs };
  }
}

export function sectionsToBlocks(plan: Pick<Plan, 'sections'>): Block[] {
  const body: Block[] = [];
  walkNumbered(plan.sections, (n) => {
    const head = sectionBlock(n);
    if (head) body.push(head);
    for (const b of n.node.body) body.push(blockToDoc(b));
  });
  return body;
}

function appendixToDoc(a: Plan['appendices'][number]): DocAppendix {
  const blocks = a.blocks.map(blockToDoc);
  const wide = blocks.some((b) => b.kind === 'table' && b.table.columns.length >= 4);
  const out: DocAppendix = { heading: a.heading, subtitle: [...a.subtitle], blocks };
  if (a.landscape || wide) out.landscape = true;
  return out;
}

export function planToDocument(plan: Plan): OfficialDocument {
  const h = plan.header;
  const header: OfficialDocument['header'] = {
    agency: h.agency,
    numberLine: h.docNumber ? formatDocNumber(h.docNumber.number, h.docNumber.typeCode, h.docNumber.agencyAbbr) : '',
    place: h.place,
    date: h.date ? { ...h.date } : null,
  };
  if (h.parentAgency) header.parentAgency = h.parentAgency;
  return {
    header,
    docType: plan.docType,
    title: [...plan.title],
    bases: plan.bases.map((b) => b.text),
    preamble: plan.preamble.map((p) => copyRuns(p.runs)),
    body: sectionsToBlocks(plan),
    closing: plan.closing.map((p) => copyRuns(p.runs)),
    recipients: [...plan.recipients],
    signer: plan.signer
      ? {
          prefix: plan.signer.prefix,
          authorityTitle: plan.signer.authorityTitle,
          position: plan.signer.position,
          name: plan.signer.name,
        }
      : null,
    appendices: plan.appendices.map(appendixToDoc),
  };
}
