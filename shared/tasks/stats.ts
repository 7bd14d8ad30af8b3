// Counting tasks by status for summaries and the completion chart. Each task is counted once,
// by its displayed status (an overdue task counts as overdue, not as "chưa thực hiện").
import { compareVi, foldVi } from '../text/vn';
import { displayStatus, effectiveQuarter, QUARTERS, type Quarter, type TaskStatusFields } from './status';

export interface StatusCounts {
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
}

export const emptyCounts = (): StatusCounts => ({ total: 0, done: 0, inProgress: 0, notStarted: 0, overdue: 0 });

export function addToCounts(c: StatusCounts, t: TaskStatusFields, today: string): void {
  c.total++;
  switch (displayStatus(t, today)) {
    case 'hoan_thanh':
      c.done++;
      break;
    case 'dang_thuc_hien':
      c.inProgress++;
      break;
    case 'chua_thuc_hien':
      c.notStarted++;
      break;
    case 'qua_han':
      c.overdue++;
      break;
  }
}

export function countStatuses(tasks: readonly TaskStatusFields[], today: string): StatusCounts {
  const c = emptyCounts();
  for (const t of tasks) addToCounts(c, t, today);
  return c;
}

/** Percentage done, rounded (0 when there are no tasks). */
export function percentDone(c: StatusCounts): number {
  return c.total ? Math.round((c.done * 100) / c.total) : 0;
}

export interface UnitRefLike {
  unitId: string | null;
  name: string;
}

export interface StatTask extends TaskStatusFields {
  lead: readonly UnitRefLike[];
}

export interface UnitQuarterRow {
  /** unit id, or "name:<folded name>" for a unit kept as text, or "" for tasks without a lead unit */
  key: string;
  unitId: string | null;
  name: string;
  quarters: Record<Quarter, StatusCounts>;
  total: StatusCounts;
}

export const NO_LEAD_UNIT = '(Chưa giao đơn vị chủ trì)';

/**
 * Completion by lead unit and quarter: each task counts once under each of its lead units.
 * `nameOf` names a unit by its id where the task's own text would be ambiguous (unitLabels:
 * "Sở Tài chính › Văn phòng").
 */
export function completionByUnitQuarter(tasks: readonly StatTask[], today: string, nameOf?: (unitId: string) => string | undefined): UnitQuarterRow[] {
  const rows = new Map<string, UnitQuarterRow>();
  const rowFor = (key: string, unitId: string | null, name: string) => {
    let r = rows.get(key);
    if (!r) {
      r = { key, unitId, name, quarters: { 1: emptyCounts(), 2: emptyCounts(), 3: emptyCounts(), 4: emptyCounts() }, total: emptyCounts() };
      rows.set(key, r);
    }
    return r;
  };
  for (const t of tasks) {
    const q = effectiveQuarter(t);
    const leads = t.lead.length ? t.lead : [null];
    const seen = new Set<string>();
    for (const u of leads) {
      const key = u ? (u.unitId ?? `name:${foldVi(u.name)}`) : '';
      if (seen.has(key)) continue;
      seen.add(key);
      const r = rowFor(key, u?.unitId ?? null, u ? ((u.unitId && nameOf?.(u.unitId)) || u.name) : NO_LEAD_UNIT);
      addToCounts(r.quarters[q], t, today);
      addToCounts(r.total, t, today);
    }
  }
  return [...rows.values()].sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : compareVi(a.name, b.name)));
}

export { QUARTERS };
