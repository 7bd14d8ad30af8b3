// Eligibility runs kept in the database file: the next start answers its first check from the
// file, with exactly what a fresh run gives; after any write to the check's inputs — through
// the app, by another program, before or after the run was saved — the saved run is not taken
// as it is (it is brought up to date: eligibility-patch.test.ts); a damaged or foreign payload
// is never used. The change stamp moves with every input table.
import Database from 'better-sqlite3';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { hasKeptRun, keptRunSource } from '../../../electron/services/records/eligibility';
import { decodeRun, packRun, unpackRun } from '../../../electron/services/records/eligibility-snapshot';
import { changeStamp } from '../../../db/repositories/snapshots';
import type { EligibilityView } from '../../../shared/contract/records';
import { GOOD_ROWS, historyWorkbook } from '../../fixtures/records/office-history';
import { OFFICE } from '../../support/core';
import { b64, historyOffice } from './helpers';

const YEAR = 2024;
const TODAY = '2025-03-01';

async function savedOffice() {
  const office = await historyOffice(TODAY);
  await office.core.invoke('records.importApply', { fileName: 'x.xlsx', fileBase64: b64(await historyWorkbook(GOOD_ROWS)) });
  return { ...office, dbPath: office.core.ctx.conn.path };
}

// a host's warm-up keeps the closing year's run: 2025 from April (TODAY is in its first quarter)
const open = (dbPath: string, warmUp?: { delayMs: number; idleMs?: number }) =>
  createCore({ dbPath, host: 'test', today: () => (warmUp ? '2025-04-01' : TODAY), ...(warmUp ? { warmUp } : {}) });
/** the whole answer but the timing (a run from the file carries the timing of the run saved) */
const content = (v: EligibilityView) => ({ ...v, timing: null });
const check = (core: Core) => core.invoke('eligibility.check', { year: YEAR });
const fromFile = (core: Core) => keptRunSource(core.ctx.conn.sqlite, YEAR, null, OFFICE.name) === 'file';
const savedRuns = (core: Core) => core.ctx.conn.sqlite.prepare('SELECT COUNT(*) FROM eligibility_snapshot').pluck().get() as number;
const ldtt = (v: EligibilityView, id: string) => {
  const s = v.people.find((p) => p.id === id)!;
  return s.candidates.map((i) => v.candidates[i]!).find((c) => c.code === 'LDTT')!.verdict;
};

describe('eligibility runs kept in the file', () => {
  it('the next start answers from the file, the same as a fresh run, windows and filters included', async () => {
    const { core, dbPath } = await savedOffice();
    const fresh = await check(core);
    const window = await core.invoke('eligibility.check', { year: YEAR, limit: 2, offset: 1, search: 'nguyen' });
    // the answer does not wait for the run to be written: it is saved when the core closes …
    expect(savedRuns(core)).toBe(0);
    core.close();

    const next = await open(dbPath);
    try {
      expect(savedRuns(next)).toBe(1);
      const again = await check(next);
      expect(fromFile(next)).toBe(true);
      expect(content(again)).toEqual(content(fresh));
      expect(content(await next.invoke('eligibility.check', { year: YEAR, limit: 2, offset: 1, search: 'nguyen' }))).toEqual(content(window));
      // the dossier builder reads the report itself: a run from the file serves it too
      expect((await next.invoke('eligibility.check', { year: YEAR, kind: 'collective', limit: 10 })).units.length).toBe(fresh.units.length);
    } finally {
      next.close();
    }
  });

  it('… or a moment after a run from nothing kept, while the core stays open', async () => {
    const { core } = await savedOffice();
    try {
      await check(core);
      expect(savedRuns(core)).toBe(0);
      await new Promise((r) => setTimeout(r, 2500));
      expect(savedRuns(core)).toBe(1);
    } finally {
      core.close();
    }
  });

  it('an edit in the app is saved when the core closes; the next start shows it', async () => {
    const { core, ids, units, dbPath } = await savedOffice();
    expect(ldtt(await check(core), ids.F)).toBe('du_dieu_kien');
    await core.invoke('records.saveYearGrid', {
      unitId: units.ncc,
      year: YEAR,
      rows: [{ staffId: ids.F, rating: 'HTNV', maternityLeave: false, underReview: false, titles: { LDTT: false, CSTDCS: false } }],
    });
    const edited = await check(core);
    expect(ldtt(edited, ids.F)).not.toBe('du_dieu_kien');
    core.close();

    const next = await open(dbPath);
    try {
      const view = await check(next);
      expect(fromFile(next)).toBe(true);
      expect(content(view)).toEqual(content(edited));
    } finally {
      next.close();
    }
  });

  it('a write by another program after the run was saved: the run is not taken as it is, but brought up to date (eligibility-patch.test.ts)', async () => {
    const { core, ids, dbPath } = await savedOffice();
    const before = await check(core);
    expect(ldtt(before, ids.D)).toBe('du_dieu_kien');
    core.close();

    // the CLI or an older copy of the app writes a rating while this one is closed
    const other = new Database(dbPath);
    const stamp = other.prepare('SELECT n FROM change_stamp').pluck().get() as number;
    expect(other.prepare("UPDATE person_year SET rating = 'KHTNV' WHERE staff_id = ? AND year = ?").run(ids.D, YEAR).changes).toBe(1);
    expect(other.prepare('SELECT n FROM change_stamp').pluck().get()).toBe(stamp + 1);
    other.close();

    const next = await open(dbPath);
    try {
      const view = await check(next);
      expect(keptRunSource(next.ctx.conn.sqlite, YEAR, null, OFFICE.name)).toBe('patch');
      expect(ldtt(view, ids.D)).not.toBe('du_dieu_kien');
    } finally {
      next.close();
    }
  });

  it('strings come back as written, whichever run keeps them: ASCII, Latin-1 letters, Vietnamese, other scripts', () => {
    const strings = ['', 'nv-0001', 'nguyen van an', 'Nguyễn Văn An', 'café', 'Đ', '日本', 'a😀b', 'x'.repeat(5000), 'Lê Thị Ánh'];
    const header = { format: 4, rules: 'r', envelope: {} as never, head: null };
    const back = unpackRun(packRun({ header, strings, ints: Int32Array.from([1, -1, 7]) }));
    expect(back.strings).toEqual(strings);
    expect([...back.ints]).toEqual([1, -1, 7]);
    // a length pointing past its run is refused, not read from the other run
    const lengths = packRun({ header, strings: ['abc', 'Ánh'], ints: new Int32Array(0) });
    const raw = zlib.inflateRawSync(lengths);
    const at = raw.length - 4 - 4 * 2; // the two lengths before the (empty) integers' count
    raw.writeInt32LE(4 * 2, at); // 'abc' said to be 4 ASCII characters long
    expect(() => unpackRun(zlib.deflateRawSync(raw))).toThrow();
  });

  it('a damaged payload or one saved by another build of the rules is ignored', async () => {
    const { core, dbPath } = await savedOffice();
    const fresh = await check(core);
    core.close();

    const db = new Database(dbPath);
    const { key, payload } = db.prepare('SELECT key, payload FROM eligibility_snapshot').get() as { key: string; payload: Buffer };
    const packed = unpackRun(payload);
    const half = packed.ints.length >> 1;
    const cases: Array<[string, Buffer]> = [
      ['not deflate', Buffer.from('garbage')],
      ['cut short', zlib.deflateRawSync(zlib.inflateRawSync(payload).subarray(0, 5000))],
      ['another build', packRun({ ...packed, header: { ...packed.header, rules: `${packed.header.rules}-other` } })],
      ['another format', packRun({ ...packed, header: { ...packed.header, format: packed.header.format + 1 } })],
      ['numbers pointing nowhere', packRun({ ...packed, ints: Int32Array.from(packed.ints, (v, i) => (i > half ? 1e6 : v)) })],
      ['a string missing', packRun({ ...packed, strings: packed.strings.slice(0, -1) })],
    ];
    // the unchanged parts packed again read back as the same run: each case breaks only its part
    expect(decodeRun(packRun(packed))).not.toBeNull();
    db.close();
    for (const [what, p] of cases) {
      const w = new Database(dbPath);
      w.prepare('UPDATE eligibility_snapshot SET payload = ? WHERE key = ?').run(p, key);
      w.close();
      const next = await open(dbPath);
      try {
        expect(content(await check(next)), what).toEqual(content(fresh));
        expect(fromFile(next), what).toBe(false);
      } finally {
        next.close();
      }
    }
  });

  it('the hosts\' warm-up takes the run from the file, then computes it from the records; the file is not written again', async () => {
    const { core, dbPath } = await savedOffice();
    await core.invoke('eligibility.check', { year: 2025, limit: 1 });
    core.close();
    const host = await open(dbPath, { delayMs: 10, idleMs: 50 });
    try {
      const sqlite = host.ctx.conn.sqlite;
      const end = Date.now() + 8000;
      while (!hasKeptRun(sqlite, 2025, null, OFFICE.name, { live: true }) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(hasKeptRun(sqlite, 2025, null, OFFICE.name, { live: true })).toBe(true);
      // the same data as in the file: nothing is written again
      const saved = sqlite.prepare('SELECT saved_at FROM eligibility_snapshot').pluck().all();
      host.close();
      const db = new Database(dbPath, { readonly: true });
      expect(db.prepare('SELECT saved_at FROM eligibility_snapshot').pluck().all()).toEqual(saved);
      db.close();
    } finally {
      if (host.ctx.conn.sqlite.open) host.close();
    }
  });

  it('every table the check reads moves the change stamp, for inserts, updates and deletes', async () => {
    const { core, dbPath } = await savedOffice();
    core.close();
    const db = new Database(dbPath);
    try {
      const triggers = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'change_stamp_%'").pluck().all() as string[]);
      for (const t of ['staff', 'person_year', 'initiative', 'discipline', 'award_recipient', 'award_decision', 'unit', 'unit_year', 'registration']) {
        for (const op of ['insert', 'update', 'delete']) expect(triggers.has(`change_stamp_${t}_${op}`), `${t} ${op}`).toBe(true);
        // an update of any row moves it (the tables the fixture fills)
        const row = db.prepare(`SELECT rowid FROM ${t} LIMIT 1`).pluck().get();
        if (row === undefined) continue;
        const before = changeStamp(db);
        db.prepare(`UPDATE ${t} SET updated_at = updated_at WHERE rowid = ?`).run(row);
        expect(changeStamp(db), t).toBe(before + 1);
      }
      // other tables (dossiers, plans, settings) do not
      const before = changeStamp(db);
      db.prepare("INSERT OR REPLACE INTO setting (key, value) VALUES ('x', 'y')").run();
      expect(changeStamp(db)).toBe(before);
    } finally {
      db.close();
    }
  });
});
