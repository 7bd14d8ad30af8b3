// A unit merged into another (units.merge) hands over the tasks still to do: those of this year
// and later not yet completed that name it, as lead or coordinating unit, name the unit it joined
// instead. Completed and earlier tasks keep the unit that did them.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { listTaskUnits, openTasksNamingUnit, replaceTaskUnits, type TaskUnitColumns } from '../../../db/repositories/tasks';

type Row = TaskUnitColumns;

/**
 * A task's units with `fromUnitId` replaced by `to`: leads first, once per role; a unit leading
 * the task is not also listed as coordinating it.
 */
export function handedOverUnits(rows: readonly Row[], fromUnitId: string, to: { id: string; name: string; nameKey: string }): Row[] {
  const lead = rows.some((r) => r.role === 'lead' && (r.unit_id === fromUnitId || r.unit_id === to.id));
  const seen = new Set<string>();
  const out: Row[] = [];
  for (const r of [...rows.filter((x) => x.role === 'lead'), ...rows.filter((x) => x.role === 'coordinating')]) {
    const u: Row = r.unit_id === fromUnitId ? { role: r.role, unit_id: to.id, unit_name: to.name, name_key: to.nameKey } : { role: r.role, unit_id: r.unit_id, unit_name: r.unit_name, name_key: r.name_key };
    const key = `${u.role}\u0000${u.unit_id ?? u.name_key}`;
    if (seen.has(key) || (u.role === 'coordinating' && lead && u.unit_id === to.id)) continue;
    seen.add(key);
    out.push(u);
  }
  return out;
}

/** The open tasks of `fromYear` and later naming `fromUnitId`, handed to `to`; how many changed. */
export async function handOverOpenTasks(db: Kysely<DB>, fromUnitId: string, to: { id: string; name: string; nameKey: string }, fromYear: number): Promise<number> {
  let changed = 0;
  for (const t of await openTasksNamingUnit(db, fromUnitId, fromYear)) {
    const rows = (await listTaskUnits(db, [t.id])).map((r): Row => ({ role: r.role as Row['role'], unit_id: r.unit_id, unit_name: r.unit_name, name_key: r.name_key }));
    if (await replaceTaskUnits(db, t.origin_office_id, t.id, handedOverUnits(rows, fromUnitId, to))) changed++;
  }
  return changed;
}
