// The hosts' warm-up computes the whole-office run in slices, answering calls between them.
// Whatever is written between the slices, the run it leaves (brought up to date by the next
// check) judges exactly like a fresh run on another connection; a call that needs the run
// meanwhile finishes it at once; other calls are answered before it is done.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { hasKeptRun, makeEligibilityLive } from '../../../electron/services/records/eligibility';
import { OFFICE, testCore } from '../../support/core';
import { freshCheck, judged, liveInTurns, order, syntheticOffice } from './helpers';

const YEAR = 2024;
const TODAY = '2025-03-01';
/** two of the loader's ranges (3,000 people each) and three of the checker's slices (1,500) */
const PEOPLE = 3100;

async function office(): Promise<{ core: Core; unitIds: string[]; staffIds: string[] }> {
  const core = await testCore({ today: TODAY });
  return { core, ...syntheticOffice(core, { people: PEOPLE, units: 30, years: 10 }) };
}

describe('the warm-up\'s run in slices', () => {
  // The loader reads people in ranges of ids: the first pause comes before anything is read,
  // the second before the first range, the third after it (its writes are to people already
  // read); the checker's slices follow. Writes through the app: ratings changed, a person
  // added, one deleted, a discipline recorded — while the office is read, or while it is judged.
  for (const phase of ['read', 'judged'] as const) {
    it(`writes while the office is ${phase}: the next check judges exactly like a fresh run`, async () => {
      const { core, unitIds, staffIds } = await office();
      try {
        const sqlite = core.ctx.conn.sqlite;
        const byId = [...staffIds].sort();
        const unitOf = new Map(staffIds.map((id, i) => [id, unitIds[i % 30]!]));
        const rate = (id: string) => () =>
          core.invoke('records.saveYearGrid', {
            unitId: unitOf.get(id)!,
            year: YEAR,
            rows: [{ staffId: id, rating: 'KHTNV', maternityLeave: false, underReview: false, titles: { LDTT: false, CSTDCS: false } }],
          });
        const rated = [byId[10]!, byId[20]!, byId[30]!];
        const writes: Array<Array<() => Promise<unknown>>> = [
          [rate(rated[0]!)],
          [rate(rated[1]!), () => core.invoke('staff.create', { fullName: 'Trần Thị Mới', unitId: unitIds[3]! })],
          [
            rate(rated[2]!),
            () => core.invoke('staff.delete', { id: byId[40]! }),
            () => core.invoke('records.saveDiscipline', { data: { staffId: byId[50]!, form: 'khien_trach', fromDate: '01/03/2024', toDate: '31/08/2024', decisionNo: '05/QĐ' } }),
          ],
        ];
        const first = phase === 'read' ? 0 : 3;
        let pauses = 0;
        await makeEligibilityLive(sqlite, YEAR, OFFICE.name, async () => {
          for (const w of writes[pauses - first] ?? []) await w();
          pauses++;
        });
        expect(pauses).toBeGreaterThan(first + writes.length);
        // written to meanwhile: the run it left is not current, the next check brings it up to date
        expect(hasKeptRun(sqlite, YEAR, null, OFFICE.name)).toBe(false);
        const view = await core.invoke('eligibility.check', { year: YEAR });
        const fresh = await freshCheck(core, YEAR);
        expect(view.total).toEqual(fresh.total);
        expect(order(view)).toEqual(order(fresh));
        expect(judged(view)).toEqual(judged(fresh));
        expect(view.counts).toEqual(fresh.counts);
        expect(view.warnings).toEqual(fresh.warnings);
        // the writes are in it
        const ldtt = (id: string) => view.candidates[view.people.find((p) => p.id === id)!.candidates.find((i) => view.candidates[i]!.code === 'LDTT')!]!.verdict;
        for (const id of [...rated, byId[50]!]) expect(ldtt(id), id).not.toBe('du_dieu_kien');
        expect(view.people.some((p) => p.name === 'Trần Thị Mới')).toBe(true);
        expect(view.people.some((p) => p.id === byId[40])).toBe(false);
      } finally {
        core.close();
      }
    }, 60_000);
  }

  it('the run\'s timing is the time of its slices, not of the calls answered between them', async () => {
    const { core } = await office();
    try {
      const sqlite = core.ctx.conn.sqlite;
      // each pause lasts 40 ms, as a host answering calls between the slices
      let pauses = 0;
      const t0 = performance.now();
      await makeEligibilityLive(sqlite, YEAR, OFFICE.name, async () => {
        pauses++;
        await new Promise((r) => setTimeout(r, 40));
      });
      const wall = performance.now() - t0;
      expect(pauses).toBeGreaterThan(5);
      const view = await core.invoke('eligibility.check', { year: YEAR, limit: 10 });
      const { loadMs, checkMs } = view.timing;
      expect(loadMs).toBeGreaterThan(0);
      expect(checkMs).toBeGreaterThan(0);
      // the work, without the pauses: on the clock it was ≈40 ms a pause longer (35: a timer may fire a little early)
      expect(loadMs + checkMs).toBeLessThanOrEqual(wall - 35 * pauses);
    } finally {
      core.close();
    }
  }, 60_000);

  it('a check asked meanwhile finishes the run at once; other calls are answered before it is done', async () => {
    const { core } = await office();
    try {
      const sqlite = core.ctx.conn.sqlite;
      const live = liveInTurns(core, YEAR, OFFICE.name);
      await live.untilPauses(3);
      // another call between two slices: answered while the run is still being made
      await core.invoke('units.list', {});
      expect(hasKeptRun(sqlite, YEAR, null, OFFICE.name)).toBe(false);
      const at = live.pauses();
      // the check finishes the run (the rest of it, at once)
      const view = await core.invoke('eligibility.check', { year: YEAR });
      expect(hasKeptRun(sqlite, YEAR, null, OFFICE.name, { live: true })).toBe(true);
      await live.done;
      // the warm-up took no further slice once the check had finished the run
      expect(live.pauses()).toBeLessThanOrEqual(at + 1);
      const fresh = await freshCheck(core, YEAR);
      expect(judged(view)).toEqual(judged(fresh));
      expect(order(view)).toEqual(order(fresh));
    } finally {
      core.close();
    }
  }, 60_000);
});
