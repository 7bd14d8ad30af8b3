// The hosts' warm-up, a few seconds after start: this year's whole-office run is taken from the
// file when it keeps a current one, so the checker screen's first answer is a kept run, and is
// then computed from the records in slices (calls are answered between them), so a re-check
// after an edit re-judges only what changed. The CLI does not warm up.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createCore } from '../../../electron/core/core';
import { hasKeptRun, keepsUsableRun } from '../../../electron/services/records/eligibility';
import { AWARD_SETTINGS_KEY } from '../../../electron/services/records/settings';
import { closingYearOf } from '../../../shared/awards';
import { tempDb } from '../../support/tmp';
import { OFFICE } from '../../support/core';
import { GOOD_ROWS, historyWorkbook } from '../../fixtures/records/office-history';
import { b64, historyOffice } from './helpers';

const until = async (fn: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!fn() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return fn();
};

/** The history office's file, its core closed (hosts are opened on it). */
async function historyFile() {
  const office = await historyOffice('2025-03-01');
  office.core.close();
  return { dbPath: office.core.ctx.conn.path, ids: office.ids };
}

describe('eligibility warm-up', () => {
  it('a host core computes this year\'s run, or takes it from the file; a change makes it stale; without warmUp nothing is kept', async () => {
    const dbPath = tempDb();
    const seed = await createCore({ dbPath, host: 'test', today: () => '2025-11-20' });
    await seed.invoke('office.save', OFFICE);
    const unit = await seed.invoke('units.create', { name: 'Văn phòng' });
    await seed.invoke('staff.create', { fullName: 'Nguyễn Văn An', unitId: unit.id });
    seed.close();

    // the file keeps no run yet: the warm-up computes one from the records (kept in the file when the core closes)
    const first = await createCore({ dbPath, host: 'test', today: '2025-11-20', warmUp: { delayMs: 10, idleMs: 50 } });
    expect(await until(() => hasKeptRun(first.ctx.conn.sqlite, 2025, null, OFFICE.name, { live: true }))).toBe(true);
    first.close();

    const cold = await createCore({ dbPath, host: 'test', today: '2025-11-20' });
    await new Promise((r) => setTimeout(r, 200));
    expect(hasKeptRun(cold.ctx.conn.sqlite, 2025, null, OFFICE.name)).toBe(false);
    cold.close();

    const host = await createCore({ dbPath, host: 'test', today: '2025-11-20', warmUp: { delayMs: 10, idleMs: 50 } });
    try {
      expect(await until(() => hasKeptRun(host.ctx.conn.sqlite, 2025, null, OFFICE.name))).toBe(true);
      const view = await host.invoke('eligibility.check', { year: 2025, limit: 50 });
      expect(view.people.map((p) => p.name)).toEqual(['Nguyễn Văn An']);
      // a staff change makes the kept run stale: the next check reads again
      await host.invoke('staff.create', { fullName: 'Trần Thị Bình', unitId: unit.id });
      expect(hasKeptRun(host.ctx.conn.sqlite, 2025, null, OFFICE.name)).toBe(false);
      const again = await host.invoke('eligibility.check', { year: 2025, limit: 50 });
      expect(again.people.map((p) => p.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    } finally {
      host.close();
    }
  });

  it('a host whose file keeps no usable run computes it as it opens, long before its idle warm-up; one whose file keeps one does not', async () => {
    const { dbPath, ids } = await historyFile();
    /** Open a host (the idle steps would start a minute later: only what starts as the core opens can run), expect it to compute the run or not, close it (keeping the run in the file). */
    const opens = async (computes: boolean) => {
      const host = await createCore({ dbPath, host: 'test', today: '2025-04-01', warmUp: { delayMs: 60_000 } });
      try {
        const sqlite = host.ctx.conn.sqlite;
        expect(keepsUsableRun(sqlite, 2025, OFFICE.name)).toBe(!computes);
        if (computes) expect(await until(() => hasKeptRun(sqlite, 2025, null, OFFICE.name, { live: true }))).toBe(true);
        else {
          await new Promise((r) => setTimeout(r, 300));
          expect(hasKeptRun(sqlite, 2025, null, OFFICE.name)).toBe(false);
        }
      } finally {
        host.close();
      }
    };
    const write = (change: (db: Database.Database) => void) => {
      const db = new Database(dbPath);
      change(db);
      db.close();
    };

    await opens(true);
    await opens(false);
    // another program changed one person's staff row: the file's run can be patched, nothing starts
    write((db) => db.prepare("UPDATE staff SET note = 'x' WHERE id = ?").run(Object.values(ids)[0]));
    await opens(false);
    // more people touched than a patch takes (an import by another program), or other settings
    // (changed by the CLI): the run is computed as the core opens
    write((db) => {
      const stamp = db.prepare('SELECT n FROM change_stamp WHERE id = 1').pluck().get() as number;
      const add = db.prepare("INSERT OR REPLACE INTO history_touch (kind, ref, stamp) VALUES ('p', ?, ?)");
      db.transaction(() => {
        for (let i = 0; i < 2001; i++) add.run(`nguoi-${i}`, stamp);
      })();
    });
    await opens(true);
    write((db) => {
      db.prepare("DELETE FROM history_touch WHERE ref LIKE 'nguoi-%'").run();
      db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(AWARD_SETTINGS_KEY, JSON.stringify({ provincial: { cstdcsQuotaPercent: 20 } }));
    });
    await opens(true);
  });

  it('until the end of March the run kept is the previous year\'s, the year the checker screen opens on', async () => {
    const { dbPath } = await historyFile();
    expect([closingYearOf('2025-03-31'), closingYearOf('2025-04-01'), closingYearOf('2025-01-02')]).toEqual([2024, 2025, 2024]);
    const host = await createCore({ dbPath, host: 'test', today: '2025-03-31', warmUp: { delayMs: 10, idleMs: 50 } });
    try {
      expect(await until(() => hasKeptRun(host.ctx.conn.sqlite, 2024, null, OFFICE.name, { live: true }))).toBe(true);
      expect(hasKeptRun(host.ctx.conn.sqlite, 2025, null, OFFICE.name)).toBe(false);
    } finally {
      host.close();
    }
  });

  it('after the award settings are saved, a host computes the closing year\'s run again under them, at once and in slices', async () => {
    const dbPath = tempDb();
    const host = await createCore({ dbPath, host: 'test', today: '2025-11-20', warmUp: { delayMs: 10, idleMs: 50 } });
    try {
      await host.invoke('office.save', OFFICE);
      const unit = await host.invoke('units.create', { name: 'Văn phòng' });
      await host.invoke('staff.create', { fullName: 'Nguyễn Văn An', unitId: unit.id });
      const sqlite = host.ctx.conn.sqlite;
      expect(await until(() => hasKeptRun(sqlite, 2025, null, OFFICE.name, { live: true }))).toBe(true);
      const settings = await host.invoke('awards.getSettings', {});
      await host.invoke('awards.saveSettings', { ...settings, provincial: { ...settings.provincial, cstdcsQuotaPercent: 20 } });
      // the run kept is for the old settings
      expect(hasKeptRun(sqlite, 2025, null, OFFICE.name)).toBe(false);
      expect(await until(() => hasKeptRun(sqlite, 2025, null, OFFICE.name, { live: true }))).toBe(true);
      expect((await host.invoke('eligibility.check', { year: 2025, limit: 10 })).people.map((p) => p.name)).toEqual(['Nguyễn Văn An']);
    } finally {
      host.close();
    }
  });

  it('after an import of past records, a host computes the closing year\'s run again, at once and in slices', async () => {
    const { dbPath } = await historyFile();
    const host = await createCore({ dbPath, host: 'test', today: '2025-04-01', warmUp: { delayMs: 10, idleMs: 50 } });
    try {
      const sqlite = host.ctx.conn.sqlite;
      expect(await until(() => hasKeptRun(sqlite, 2025, null, OFFICE.name, { live: true }))).toBe(true);
      await host.invoke('records.importApply', { fileName: 'x.xlsx', fileBase64: b64(await historyWorkbook(GOOD_ROWS)) });
      expect(hasKeptRun(sqlite, 2025, null, OFFICE.name)).toBe(false);
      expect(await until(() => hasKeptRun(sqlite, 2025, null, OFFICE.name, { live: true }))).toBe(true);
    } finally {
      host.close();
    }
  });

  it('without warmUp, saving the settings computes nothing', async () => {
    const dbPath = tempDb();
    const core = await createCore({ dbPath, host: 'test', today: '2025-11-20' });
    try {
      await core.invoke('office.save', OFFICE);
      const settings = await core.invoke('awards.getSettings', {});
      await core.invoke('awards.saveSettings', { ...settings, provincial: { ...settings.provincial, cstdcsQuotaPercent: 20 } });
      await new Promise((r) => setTimeout(r, 200));
      expect(hasKeptRun(core.ctx.conn.sqlite, 2025, null, OFFICE.name)).toBe(false);
    } finally {
      core.close();
    }
  });
});
