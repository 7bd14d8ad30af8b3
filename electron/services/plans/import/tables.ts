// Table recognition: a quarterly task table (the appendix the quarterly tracker follows) or a
// generic table.
//
// Quarterly shape, recognised by content, not by wording of a particular plan:
// - quarters come either from group rows (a row whose text names "Quý I/II/III/IV" or "Quý 1–4",
//   with the unit columns empty — typically "I | Công việc thực hiện trong Quý I") or from a
//   quarter column (header "Quý", or values "Quý I", "Quý 2" …; a blank or vertically merged
//   cell continues the quarter above);
// - columns are mapped by header text where a header row exists (TT/STT → index; "chủ trì" →
//   lead; "phối hợp" → coordinating; "nội dung"/"công việc"/"nhiệm vụ" → task; "thời gian",
//   "thời hạn", "tiến độ" → timing; "ghi chú" → note; "quý" → quarter; two-row headers such as
//   "Đơn vị thực hiện" over "Chủ trì | Phối hợp" are combined per column), otherwise by
//   position (a leading column of numbers is the index, then task, lead, coordinating, then
//   timing or note);
// - it is quarterly when quarters were found and the task column and a unit column exist.
// Other group rows (a roman numeral plus text, unit columns empty) become groups with quarter
// null. Unit cells are split at ';' and line breaks (never at commas: "Các phòng, đơn vị …" is
// one unit); a trailing '.' or ';' is dropped. A row with units but no task continues the
// task above (a row split across pages).
import { foldVi } from '../../../../shared/text/vn';
import type { GenericTable, IdGenerator, QuarterGroup, QuarterTask, QuarterlyTaskTable } from '../../../../shared/plans/model';
import { defaultQuarterLabel } from '../../../../shared/plans/to-document';
import { paraText, type SrcTable } from './source';

interface GridCell {
  text: string;
  bold: boolean;
  /** vertically merged with the cell above, or covered by a horizontal span */
  continued: boolean;
}

type Role = 'index' | 'task' | 'lead' | 'coordinating' | 'timing' | 'note' | 'quarter' | 'other';

const QUARTER_RE = /(?<![\p{L}\d])Quý\s+(IV|I{1,3}|[1-4])(?![\p{L}\d])/iu;
const ROMAN_CELL_RE = /^(?:[IVX]{1,4})\.?$/;

export function quarterOf(text: string): 1 | 2 | 3 | 4 | null {
  const m = QUARTER_RE.exec(text);
  if (!m) return null;
  const v = m[1]!.toUpperCase();
  const n = ({ I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 } as Record<string, 1 | 2 | 3 | 4>)[v];
  return n ?? null;
}

function buildGrid(t: SrcTable): GridCell[][] {
  const grid: GridCell[][] = [];
  for (const row of t.rows) {
    const cells: GridCell[] = [];
    for (const c of row) {
      const texts = c.paragraphs.map(paraText).filter((x) => x !== '');
      const visible = c.paragraphs.flatMap((p) => p.runs).filter((r) => r.text.trim() !== '');
      cells.push({
        text: texts.join('\n'),
        bold: visible.length > 0 && visible.every((r) => r.bold),
        continued: !!c.mergedUp,
      });
      for (let k = 1; k < c.span; k++) cells.push({ text: '', bold: false, continued: true });
    }
    grid.push(cells);
  }
  const width = Math.max(0, ...grid.map((r) => r.length));
  for (const r of grid) while (r.length < width) r.push({ text: '', bold: false, continued: false });
  return grid.filter((r) => r.some((c) => c.text.trim() !== ''));
}

const HEADER_WORDS =
  /^(s?tt|so tt|so thu tu|thu tu)$|noi dung|cong viec|nhiem vu|chu tri|phoi hop|thoi gian|thoi han|tien do|ghi chu|^quy$|don vi|san pham|ket qua|hoat dong/;

function isHeaderRow(row: GridCell[]): boolean {
  const texts = row.map((c) => foldVi(c.text)).filter((x) => x !== '');
  if (texts.length < 2) return false;
  if (row.some((c) => c.text.length > 80)) return false;
  if (row.some((c) => quarterOf(c.text) !== null && foldVi(c.text) !== 'quy')) return false;
  return texts.filter((x) => HEADER_WORDS.test(x)).length >= 2;
}

function roleOfHeader(h: string): Role {
  const f = foldVi(h);
  if (/chu tri/.test(f)) return 'lead';
  if (/phoi hop/.test(f)) return 'coordinating';
  if (/ghi chu/.test(f)) return 'note';
  if (/thoi gian|thoi han|tien do|hoan thanh/.test(f)) return 'timing';
  if (/^(s?tt|so tt|so thu tu|thu tu)$/.test(f)) return 'index';
  if (/^quy( thuc hien)?$/.test(f)) return 'quarter';
  if (/noi dung|cong viec|nhiem vu|hoat dong/.test(f)) return 'task';
  if (/don vi (thuc hien|chu tri)|co quan (thuc hien|chu tri)/.test(f)) return 'lead';
  return 'other';
}

function isTimingValue(s: string): boolean {
  return /tháng|quý|năm|ngày|tuần|\d{1,2}\/\d{1,2}|\d{4}|thường xuyên|trước|sau khi|hằng|hàng/i.test(s);
}

export function splitUnits(text: string): string[] {
  return text
    .split(/[;\n]+/)
    .map((s) => s.replace(/\s+/g, ' ').trim().replace(/[.;,]+$/, '').trim())
    .filter((s) => s !== '');
}

interface Mapping {
  roles: Role[];
  headerRows: number;
  header: string[] | null;
}

function mapColumns(grid: GridCell[][]): Mapping {
  const width = grid[0]?.length ?? 0;
  let headerRows = 0;
  while (headerRows < Math.min(3, grid.length) && isHeaderRow(grid[headerRows]!)) headerRows++;
  if (headerRows > 0) {
    const header: string[] = [];
    for (let c = 0; c < width; c++) {
      const parts: string[] = [];
      for (let r = 0; r < headerRows; r++) {
        // a horizontally spanned header applies to every column it covers
        let k = c;
        while (k > 0 && grid[r]![k]!.continued && grid[r]![k]!.text === '') k--;
        const t = grid[r]![k]!.text;
        if (t && parts[parts.length - 1] !== t) parts.push(t);
      }
      header.push(parts.join(' ').replace(/\s+/g, ' ').trim());
    }
    const roles = header.map(roleOfHeader);
    // only the first column of a role counts; later duplicates are 'other'
    const seen = new Set<Role>();
    for (let c = 0; c < roles.length; c++) {
      const r = roles[c]!;
      if (r !== 'other' && seen.has(r)) roles[c] = 'other';
      seen.add(r);
    }
    return { roles, headerRows, header };
  }

  // by position
  const data = grid.filter((r) => !isGroupRowLoose(r));
  const roles: Role[] = new Array<Role>(width).fill('other');
  let c = 0;
  const col = (k: number) => data.map((r) => r[k]?.text ?? '');
  const share = (vals: string[], pred: (v: string) => boolean) =>
    vals.length ? vals.filter(pred).length / vals.length : 0;
  if (width >= 3 && share(col(0), (v) => v === '' || /^\d{1,3}[.)]?$/.test(v)) >= 0.7) roles[c++] = 'index';
  for (let k = c; k < width; k++) {
    const vals = col(k).filter((v) => v !== '');
    if (vals.length && share(vals, (v) => /^Quý\s+(IV|I{1,3}|[1-4])$/i.test(v)) >= 0.6) roles[k] = 'quarter';
  }
  const order: Role[] = ['task', 'lead', 'coordinating'];
  for (let k = c; k < width; k++) {
    if (roles[k] === 'quarter') continue;
    const next = order.shift();
    if (next) roles[k] = next;
    else roles[k] = share(col(k).filter((v) => v !== ''), isTimingValue) >= 0.5 ? 'timing' : 'note';
  }
  return { roles, headerRows: 0, header: null };
}

/** A group row by shape alone: one or two non-empty cells, a quarter name or a roman numeral first. */
function isGroupRowLoose(row: GridCell[]): boolean {
  const filled = row.filter((c) => c.text.trim() !== '');
  if (filled.length === 0 || filled.length > 2) return false;
  if (filled.some((c) => quarterOf(c.text) !== null)) return true;
  return ROMAN_CELL_RE.test(filled[0]!.text.trim()) && filled.length === 2 && row.length >= 3;
}

function cellOf(row: GridCell[], roles: Role[], role: Role): string {
  const k = roles.indexOf(role);
  return k >= 0 ? (row[k]?.text ?? '') : '';
}

export function tableToBlock(t: SrcTable, newId: IdGenerator): QuarterlyTaskTable | GenericTable {
  const grid = buildGrid(t);
  const { roles, headerRows, header } = mapColumns(grid);
  const body = grid.slice(headerRows);
  const has = (r: Role) => roles.includes(r);
  const unitsEmpty = (row: GridCell[]) =>
    cellOf(row, roles, 'lead').trim() === '' && cellOf(row, roles, 'coordinating').trim() === '';
  const isGroup = (row: GridCell[]) => isGroupRowLoose(row) && unitsEmpty(row);

  const groupRowsWithQuarter = body.filter((r) => isGroup(r) && r.some((c) => quarterOf(c.text) !== null));
  const quarterColumn = has('quarter');
  const quarterly =
    (groupRowsWithQuarter.length > 0 || quarterColumn) && has('task') && (has('lead') || has('coordinating'));

  if (!quarterly) {
    return {
      kind: 'table',
      id: newId(),
      header,
      rows: body.map((r) => {
        const cells = r.map((c) => c.text);
        return isGroupRowLoose(r) || (r.every((c) => c.bold || c.text === '') && r.some((c) => c.bold))
          ? { cells, group: true }
          : { cells };
      }),
    };
  }

  const groups: QuarterGroup[] = [];
  let current: QuarterGroup | null = null;
  let lastTask: QuarterTask | null = null;
  let lastQuarter: 1 | 2 | 3 | 4 | null = null;
  const groupFor = (q: 1 | 2 | 3 | 4 | null, label: string | null): QuarterGroup => {
    const existing = groups.find((g) => g.quarter === q && g.label === label);
    if (existing) return existing;
    const g: QuarterGroup = { id: newId(), quarter: q, label, tasks: [] };
    groups.push(g);
    return g;
  };

  for (const row of body) {
    if (!quarterColumn && isGroup(row)) {
      const texts = row.map((c) => c.text.trim()).filter((x) => x !== '');
      const labelText = texts.find((x) => !ROMAN_CELL_RE.test(x)) ?? texts[0] ?? '';
      const q = quarterOf(labelText);
      const label = q && foldVi(labelText) === foldVi(defaultQuarterLabel(q)) ? null : labelText;
      current = { id: newId(), quarter: q, label, tasks: [] };
      groups.push(current);
      lastTask = null;
      continue;
    }
    if (quarterColumn) {
      const qCell = cellOf(row, roles, 'quarter').trim();
      if (qCell) lastQuarter = quarterOf(qCell) ?? quarterOf(`Quý ${qCell}`) ?? lastQuarter;
    }
    const title = cellOf(row, roles, 'task').replace(/\s*\n\s*/g, ' ').trim();
    const lead = splitUnits(cellOf(row, roles, 'lead'));
    const coordinating = splitUnits(cellOf(row, roles, 'coordinating'));
    const timing = cellOf(row, roles, 'timing').replace(/\s*\n\s*/g, ' ').trim();
    const note = cellOf(row, roles, 'note').replace(/\s*\n\s*/g, ' ').trim();
    if (!title) {
      if (lastTask && (lead.length || coordinating.length)) {
        lastTask.lead.push(...lead);
        lastTask.coordinating.push(...coordinating);
      }
      continue;
    }
    if (quarterColumn) {
      current = groupFor(lastQuarter, null);
    } else if (!current) {
      current = groupFor(null, null);
    }
    const task: QuarterTask = { id: newId(), title, lead, coordinating };
    if (timing) task.timing = timing;
    if (note) task.note = note;
    current.tasks.push(task);
    lastTask = task;
  }
  return { kind: 'quarterly', id: newId(), groups };
}
