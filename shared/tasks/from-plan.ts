// The tasks a plan asks for, read from its appendix.
//
// 1. Quarterly task tables (the importer's `quarterly` blocks): one item per task, in the
//    quarter of its group. A group that is not a quarter ("Nhiệm vụ thường xuyên") takes the
//    quarter from the task's "Thời gian" text when it names one, else none (due at year end).
// 2. When a plan has no quarterly table, a generic table whose header names the task column
//    ("Nội dung", "Công việc", "Nhiệm vụ") and a unit column ("Chủ trì", "Phối hợp", "Đơn vị
//    thực hiện") is read the same way, with the quarter and due date taken from a "Quý",
//    "Tháng" or "Thời gian" column (months instead of quarters: "Tháng 3/2026" → quý I, due
//    31/3/2026). A blank month/quarter cell continues the one above (merged cells).
// Each item carries a stable key: the appendix task's id, or "<table id>#<row>" for a generic
// table. Unit names are kept as written; matching them to units is the caller's job.
import { foldVi } from '../text/vn';
import { runsPlain, walkSections, type GenericTable, type Plan } from '../plans/model';
import { isQuarter, type Quarter } from './status';
import { parseTiming } from './timing';

export interface PlanTaskItem {
  key: string;
  quarter: Quarter | null;
  dueDate: string | null;
  title: string;
  lead: string[];
  coordinating: string[];
  /** the "Thời gian" text as written ('' when none) */
  timing: string;
  /** the "Ghi chú" text as written ('' when none) */
  note: string;
}

export interface PlanTaskItems {
  items: PlanTaskItem[];
  /** where they came from: quarterly tables, generic tables with task columns, or nothing */
  source: 'quarterly' | 'table' | 'none';
}

/** Split a unit cell at ';' and line breaks (never at commas: "Các phòng, đơn vị …" is one unit). */
export function splitUnitNames(text: string): string[] {
  return text
    .split(/[;\n]+/)
    .map((s) => s.replace(/\s+/g, ' ').trim().replace(/[.;,]+$/, '').trim())
    .filter((s) => s !== '');
}

const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export function planTaskItems(plan: Plan, year: number): PlanTaskItems {
  const items: PlanTaskItem[] = [];
  for (const a of plan.appendices)
    for (const b of a.blocks) {
      if (b.kind !== 'quarterly') continue;
      for (const g of b.groups) {
        const groupTiming = g.quarter ? null : parseTiming(g.label, year);
        for (const t of g.tasks) {
          const timing = clean(t.timing);
          const parsed = parseTiming(timing, year);
          const quarter = g.quarter ?? parsed.quarter ?? groupTiming?.quarter ?? null;
          items.push({
            key: t.id,
            quarter,
            dueDate: parsed.dueDate,
            title: clean(t.title),
            lead: t.lead.map(clean).filter(Boolean),
            coordinating: t.coordinating.map(clean).filter(Boolean),
            timing,
            note: clean(t.note),
          });
        }
      }
    }
  if (items.length) return { items: items.filter((i) => i.title), source: 'quarterly' };

  const tables: GenericTable[] = [];
  for (const a of plan.appendices) for (const b of a.blocks) if (b.kind === 'table') tables.push(b);
  walkSections(plan.sections, (s) => {
    for (const b of s.body) if (b.kind === 'table') tables.push(b);
  });
  for (const t of tables) items.push(...genericTableItems(t, year));
  return items.length ? { items, source: 'table' } : { items: [], source: 'none' };
}

type Role = 'index' | 'task' | 'lead' | 'coordinating' | 'timing' | 'month' | 'quarter' | 'note' | 'other';

function roleOf(header: string): Role {
  const f = foldVi(header);
  if (/chu tri/.test(f)) return 'lead';
  if (/phoi hop/.test(f)) return 'coordinating';
  if (/ghi chu/.test(f)) return 'note';
  if (/^(s?tt|so tt|so thu tu|thu tu)$/.test(f)) return 'index';
  if (/^quy\b/.test(f)) return 'quarter';
  if (/^thang\b/.test(f)) return 'month';
  if (/thoi gian|thoi han|tien do|hoan thanh/.test(f)) return 'timing';
  if (/noi dung|cong viec|nhiem vu|hoat dong/.test(f)) return 'task';
  if (/don vi (thuc hien|chu tri)|co quan (thuc hien|chu tri)/.test(f)) return 'lead';
  return 'other';
}

function genericTableItems(t: GenericTable, year: number): PlanTaskItem[] {
  if (!t.header) return [];
  const roles = t.header.map(roleOf);
  const seen = new Set<Role>();
  roles.forEach((r, i) => {
    if (r !== 'other' && seen.has(r)) roles[i] = 'other';
    seen.add(r);
  });
  const col = (r: Role) => roles.indexOf(r);
  const task = col('task');
  if (task < 0 || (col('lead') < 0 && col('coordinating') < 0)) return [];
  const cell = (cells: string[], r: Role) => (col(r) >= 0 ? (cells[col(r)] ?? '') : '');

  const out: PlanTaskItem[] = [];
  let carried: { quarter: Quarter | null; dueDate: string | null; text: string } = { quarter: null, dueDate: null, text: '' };
  t.rows.forEach((row, i) => {
    const cells = row.cells;
    const title = clean(cell(cells, 'task'));
    if (row.group || !title) {
      // a group row names a period for the rows under it ("Quý I", "Tháng 3")
      const p = parseTiming(cells.join(' '), year);
      if (p.quarter || p.dueDate) carried = { ...p, text: clean(cells.filter((c) => c.trim()).join(' ')) };
      return;
    }
    const periodCell = clean(cell(cells, 'quarter') || cell(cells, 'month'));
    if (periodCell) {
      const quarterText = col('quarter') >= 0 && /^(iv|i{1,3}|[1-4])$/i.test(periodCell) ? `Quý ${periodCell}` : periodCell;
      const monthText = col('month') >= 0 && /^\d{1,2}(\s*[-–,]\s*\d{1,2})*(\/\d{4})?$/.test(periodCell) ? `Tháng ${periodCell}` : quarterText;
      const p = parseTiming(monthText, year);
      carried = { ...p, text: periodCell };
    }
    const timingText = clean(cell(cells, 'timing'));
    const own = parseTiming(timingText, year);
    const quarter = own.quarter ?? carried.quarter;
    out.push({
      key: `${t.id}#${i}`,
      quarter: isQuarter(quarter) ? quarter : null,
      dueDate: own.dueDate ?? carried.dueDate,
      title,
      lead: splitUnitNames(cell(cells, 'lead')),
      coordinating: splitUnitNames(cell(cells, 'coordinating')),
      timing: timingText || carried.text,
      note: clean(cell(cells, 'note')),
    });
  });
  return out;
}

/** Plain text helper for callers that show where a plan's tasks came from. */
export function planTitleText(plan: Plan): string {
  return plan.title.join(' ').trim() || plan.sections.map((s) => runsPlain(s.heading)).join(' ').slice(0, 80);
}
