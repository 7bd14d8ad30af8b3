// The checker's answer says how many people have no rating for its year (the screen then points to
// the year-end grid): the same from a fresh run, from the run kept in the file, after a patch, and
// for one unit; maternity leave without a rating counts as rated where the settings count that year.
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { keptRunSource } from '../../../electron/services/records/eligibility';
import { OFFICE } from '../../support/core';
import { historyOffice } from './helpers';

const TODAY = '2025-03-01';
type Rating = 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV' | null;
const row = (staffId: string, rating: Rating, maternityLeave = false) => ({ staffId, rating, maternityLeave, underReview: false, titles: { LDTT: false, CSTDCS: false } });

describe('people without a rating for the year checked', () => {
  it('are counted in every answer, whichever way the run was made', async () => {
    const { core, ids, units } = await historyOffice(TODAY);
    await core.invoke('records.saveYearGrid', { unitId: units.vp, year: 2024, rows: [row(ids.A, 'HTTNV'), row(ids.B, 'HTXSNV')] });
    await core.invoke('records.saveYearGrid', { unitId: units.ncc, year: 2024, rows: [row(ids.C, null, true), row(ids.D, null)] });
    const fresh = await core.invoke('eligibility.check', { year: 2024, unitId: null, limit: 10 });
    expect(fresh.total.people).toBe(7);
    // D, E, F and G: C's maternity leave counts as a rated year
    expect(fresh.unrated).toBe(4);
    expect((await core.invoke('eligibility.check', { year: 2024, unitId: units.vp })).unrated).toBe(0);
    expect((await core.invoke('eligibility.check', { year: 2025, unitId: null, limit: 10 })).unrated).toBe(7);
    const dbPath = core.ctx.conn.path;
    core.close();

    const next = await createCore({ dbPath, host: 'test', today: () => TODAY });
    try {
      expect((await next.invoke('eligibility.check', { year: 2024, unitId: null, limit: 10 })).unrated).toBe(4);
      expect(keptRunSource(next.ctx.conn.sqlite, 2024, null, OFFICE.name)).toBe('file');
      // D rated through the grid: the file's run is patched, and D no longer counts
      await next.invoke('records.saveYearGrid', { unitId: units.ncc, year: 2024, rows: [row(ids.D, 'HTNV')] });
      expect((await next.invoke('eligibility.check', { year: 2024, unitId: null, limit: 10 })).unrated).toBe(3);
      expect(keptRunSource(next.ctx.conn.sqlite, 2024, null, OFFICE.name)).toBe('patch');
      // an office whose settings do not count a maternity year without a rating: C counts as unrated
      const settings = await next.invoke('awards.getSettings', {});
      await next.invoke('awards.saveSettings', { ...settings, provincial: { ...settings.provincial, maternityWithoutRatingCounts: false } });
      expect((await next.invoke('eligibility.check', { year: 2024, unitId: null, limit: 10 })).unrated).toBe(4);
    } finally {
      next.close();
    }
  });
});
