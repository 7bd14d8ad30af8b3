// Creating and re-syncing the tasks of a plan, as a pure comparison of the plan's appendix
// items with the tasks already linked to that plan (the caller writes the result in one
// transaction).
//
// Matching: a linked task matches an item by the appendix task id it was created from; failing
// that (the plan was edited and ids changed) by the same title (folded). Then:
// - item without a task            → add
// - task not done, plan text differs → update its title, units and timing text (the user's own
//                                      status, notes, due date and person are kept)
// - task done, plan text differs   → skipped (a finished task is history)
// - task without an item           → vanished: removed only when the user confirms
import { foldVi } from '../../../shared/text/vn';
import type { PlanTaskItem } from '../../../shared/tasks/from-plan';
import type { Quarter, TaskStatus } from '../../../shared/tasks/status';
import type { UnitMatch, UnitMatcher } from './units';

export interface LinkedTask {
  id: string;
  title: string;
  status: TaskStatus;
  planTaskId: string | null;
  timing: string;
  quarter: Quarter | null;
  dueDate: string | null;
  lead: { unitId: string | null; name: string }[];
  coordinating: { unitId: string | null; name: string }[];
}

export interface SyncAdd {
  item: PlanTaskItem;
  lead: UnitMatch[];
  coordinating: UnitMatch[];
  order: number;
}

export interface SyncUpdate {
  task: LinkedTask;
  item: PlanTaskItem;
  lead: UnitMatch[];
  coordinating: UnitMatch[];
  changes: string[];
  /** only the link (appendix task id) changes: written silently, not counted as an update */
  relinkOnly: boolean;
}

export interface SyncPlan {
  add: SyncAdd[];
  update: SyncUpdate[];
  unchanged: number;
  skippedDone: SyncUpdate[];
  vanished: LinkedTask[];
  unmatchedUnits: string[];
}

const sameUnits = (a: readonly { unitId: string | null; name: string }[], b: readonly { unitId: string | null; name: string }[]) =>
  a.length === b.length && a.every((u, i) => u.unitId === b[i]!.unitId && u.name === b[i]!.name);

function dedupe(units: UnitMatch[]): UnitMatch[] {
  const seen = new Set<string>();
  return units.filter((u) => {
    const k = u.unitId ?? `name:${u.nameKey}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function computePlanSync(items: readonly PlanTaskItem[], linked: readonly LinkedTask[], match: UnitMatcher): SyncPlan {
  const out: SyncPlan = { add: [], update: [], unchanged: 0, skippedDone: [], vanished: [], unmatchedUnits: [] };
  const unmatched = new Set<string>();
  const byKey = new Map<string, LinkedTask>();
  for (const t of linked) if (t.planTaskId && !byKey.has(t.planTaskId)) byKey.set(t.planTaskId, t);
  const used = new Set<string>();
  const resolved = items.map((item) => {
    const lead = dedupe(item.lead.map(match));
    const coordinating = dedupe(item.coordinating.map(match));
    for (const u of [...lead, ...coordinating]) if (!u.unitId) unmatched.add(u.name);
    return { item, lead, coordinating };
  });

  // pass 1: by appendix task id; pass 2: by title among the rest
  const matchOf = new Map<number, LinkedTask>();
  resolved.forEach(({ item }, i) => {
    const t = byKey.get(item.key);
    if (t && !used.has(t.id)) {
      matchOf.set(i, t);
      used.add(t.id);
    }
  });
  resolved.forEach(({ item }, i) => {
    if (matchOf.has(i)) return;
    const key = foldVi(item.title);
    const t = linked.find((x) => !used.has(x.id) && foldVi(x.title) === key);
    if (t) {
      matchOf.set(i, t);
      used.add(t.id);
    }
  });

  resolved.forEach(({ item, lead, coordinating }, i) => {
    const t = matchOf.get(i);
    if (!t) {
      out.add.push({ item, lead, coordinating, order: i + 1 });
      return;
    }
    const changes: string[] = [];
    if (t.title !== item.title) changes.push('Nội dung');
    if (!sameUnits(t.lead, lead)) changes.push('Đơn vị chủ trì');
    if (!sameUnits(t.coordinating, coordinating)) changes.push('Đơn vị phối hợp');
    if (t.timing !== item.timing) changes.push('Thời gian');
    const relink = t.planTaskId !== item.key;
    const u: SyncUpdate = { task: t, item, lead, coordinating, changes, relinkOnly: changes.length === 0 && relink };
    if (changes.length === 0) {
      out.unchanged++;
      if (relink) out.update.push(u);
    } else if (t.status === 'hoan_thanh') out.skippedDone.push(u);
    else out.update.push(u);
  });
  out.vanished = linked.filter((t) => !used.has(t.id));
  out.unmatchedUnits = [...unmatched].sort();
  return out;
}
