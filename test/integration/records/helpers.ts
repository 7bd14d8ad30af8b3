import type { Core } from '../../../electron/core/core';
import { testCore } from '../../support/core';
import { PEOPLE, UNITS, type HistoryPerson } from '../../fixtures/records/office-history';

export interface HistoryOffice {
  core: Core;
  units: Record<keyof typeof UNITS, string>;
  ids: Record<HistoryPerson['key'], string>;
}

/** A fresh office with the two units and the seven people of the history fixture. */
export async function historyOffice(today = '2025-03-01'): Promise<HistoryOffice> {
  const core = await testCore({ today });
  const vp = await core.invoke('units.create', { name: UNITS.vp });
  const ncc = await core.invoke('units.create', { name: UNITS.ncc });
  const units = { vp: vp.id, ncc: ncc.id };
  const ids = {} as Record<HistoryPerson['key'], string>;
  for (const p of PEOPLE) {
    const s = await core.invoke('staff.create', {
      fullName: p.fullName,
      birthDate: p.birthDate,
      gender: p.gender,
      unitId: units[p.unit],
      employmentStart: '2015-01-01',
    });
    ids[p.key] = s.id;
  }
  return { core, units, ids };
}

export const b64 = (b: Buffer) => b.toString('base64');

export function count(core: Core, table: string): number {
  return (core.ctx.conn.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
}
