// Writes the generated data set through the app's own paths (repositories, bulk insert).
import { insertUnit } from '../db/repositories/units';
import { bulkInsertStaff, type StaffFields } from '../db/repositories/staff';
import type { Core } from '../electron/core/core';
import { OFFICE } from './office';
import { resolveUnits, type Dataset } from './dataset';

/** Units in tree order through the repository; returns the staff rows with real unit ids. */
export async function insertUnits(core: Core, ds: Dataset): Promise<StaffFields[]> {
  const ids = new Map<string, string>();
  await core.ctx.db.transaction().execute(async (trx) => {
    for (const u of ds.units) {
      const parentId = u.parentKey ? ids.get(u.parentKey)! : null;
      ids.set(u.key, await insertUnit(trx, core.ctx.officeId, { ...u.fields, parentId }));
    }
  });
  return resolveUnits(ds.staff, ids);
}

/** Office profile, units and staff into a fresh core's database. */
export async function populate(core: Core, ds: Dataset): Promise<number> {
  await core.invoke('office.save', OFFICE);
  const staff = await insertUnits(core, ds);
  return bulkInsertStaff(core.ctx.conn.sqlite, core.ctx.officeId, staff);
}
