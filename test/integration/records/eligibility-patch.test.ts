// A kept run (the file's, or one patched before) is brought up to date after writes by judging
// again only the people the writes touched (migration 11 logs them, for any program) and the
// collectives they were or are in. Whatever was written, the answer must be exactly a fresh
// run's: every subject's verdicts and reasons, the order, the counts and the warnings.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { hasKeptRun, keptRunSource, warmEligibility } from '../../../electron/services/records/eligibility';
import { changeStamp, touchesSince } from '../../../db/repositories/snapshots';
import type { EligibilityView } from '../../../shared/contract/records';
import { OFFICE, testCore } from '../../support/core';
import { freshCheck, judged, liveInTurns, order, syntheticOffice } from './helpers';

const YEAR = 2024;
const TODAY = '2025-03-01';
const PEOPLE = 900;
const UNITS = 18;

const open = (dbPath: string) => createCore({ dbPath, host: 'test', today: () => TODAY });

/** An office whose whole-office run and one unit's run are saved in the file (the core closed). */
async function savedOffice() {
  const core = await testCore({ today: TODAY });
  const office = syntheticOffice(core, { people: PEOPLE, units: UNITS, years: 10 });
  await core.invoke('eligibility.check', { year: YEAR });
  await core.invoke('eligibility.check', { year: YEAR, unitId: office.unitIds[1]! });
  const dbPath = core.ctx.conn.path;
  core.close();
  return { dbPath, ...office };
}

async function expectFresh(core: Core, view: EligibilityView, unitId: string | null = null): Promise<void> {
  const fresh = await freshCheck(core, YEAR, unitId, TODAY);
  expect(view.total).toEqual(fresh.total);
  expect(order(view)).toEqual(order(fresh));
  expect(judged(view)).toEqual(judged(fresh));
  expect(view.counts).toEqual(fresh.counts);
  expect(view.warnings).toEqual(fresh.warnings);
  expect(view.personUnits).toEqual(fresh.personUnits);
  expect(view.units.map((u) => u.id)).toEqual(fresh.units.map((u) => u.id));
}

const verdict = (v: EligibilityView, id: string, code: string) => {
  const s = v.people.find((p) => p.id === id);
  return s && v.candidates[s.candidates.find((i) => v.candidates[i]!.code === code)!]!.verdict;
};

describe('a kept run brought up to date from the log of what writes touched', () => {
  it('the next start judges again only what the writes made while it was closed touched — the same answer as a fresh run', async () => {
    const { dbPath, unitIds, staffIds } = await savedOffice();
    const byId = [...staffIds].sort();
    const unitOf = (id: string) => unitIds[staffIds.indexOf(id) % UNITS]!;
    const rated = [byId[10]!, byId[20]!, byId[30]!];

    // writes through the app, by another copy of it, while this one is closed
    const writer = await open(dbPath);
    let added: string;
    try {
      for (const id of rated) {
        await writer.invoke('records.saveYearGrid', {
          unitId: unitOf(id),
          year: YEAR,
          rows: [{ staffId: id, rating: 'KHTNV', maternityLeave: false, underReview: false, titles: { LDTT: false, CSTDCS: false } }],
        });
      }
      added = (await writer.invoke('staff.create', { fullName: 'Trần Thị Mới', unitId: unitIds[7]! })).id;
      // a namesake of someone already there goes after them (the table's order breaks the tie)
      await writer.invoke('staff.create', { fullName: 'Nguyễn Văn 7', unitId: unitIds[2]! });
      await writer.invoke('staff.delete', { id: byId[40]! });
      await writer.invoke('records.saveDiscipline', { data: { staffId: byId[50]!, form: 'canh_cao', fromDate: '01/03/2024', toDate: '31/08/2024', decisionNo: '05/QĐ' } });
      await writer.invoke('records.saveInitiative', { data: { staffId: byId[60]!, year: YEAR, title: 'Sáng kiến cải tiến hồ sơ', scope: 'tinh' } });
      await writer.invoke('records.saveRegistration', { data: { year: YEAR, kind: 'person', staffId: byId[70]!, awardCode: 'CSTDCS' } });
      // a decision withdrawn: every recipient loses a title (the log names the decision)
      const decision = writer.ctx.conn.sqlite.prepare("SELECT id FROM award_decision WHERE number = '2023/CSTDCS'").pluck().get() as string;
      await writer.invoke('records.deleteDecision', { id: decision });
    } finally {
      writer.close();
    }
    // and a program with no app at all moves someone to another unit for the year
    const raw = new Database(dbPath);
    const moved = byId[80]!;
    raw.prepare('UPDATE person_year SET unit_id = ? WHERE staff_id = ? AND year = ?').run(unitIds[5]!, moved, YEAR);
    // … and turns a decision's title into another (its recipients' rows are not written)
    raw.prepare("UPDATE award_decision SET award_code = 'GIAY_KHEN' WHERE number = '2022/CSTDCS'").run();
    raw.close();

    const next = await open(dbPath);
    try {
      const sqlite = next.ctx.conn.sqlite;
      const view = await next.invoke('eligibility.check', { year: YEAR });
      expect(keptRunSource(sqlite, YEAR, null, OFFICE.name)).toBe('patch');
      // one unit's run, too (asked before the fresh runs below replace the file's runs)
      const scoped = await next.invoke('eligibility.check', { year: YEAR, unitId: unitIds[1]! });
      expect(keptRunSource(sqlite, YEAR, unitIds[1]!, OFFICE.name)).toBe('patch');
      await expectFresh(next, view);
      await expectFresh(next, scoped, unitIds[1]!);
      // the writes are in it
      for (const id of [...rated, byId[50]!]) expect(verdict(view, id, 'LDTT'), id).not.toBe('du_dieu_kien');
      expect(view.people.some((p) => p.id === added)).toBe(true);
      expect(view.people.some((p) => p.id === byId[40])).toBe(false);
      expect(view.people.find((p) => p.id === byId[70])!.registered).toEqual(['CSTDCS']);
      expect(view.people.find((p) => p.id === moved)!.unitId).toBe(unitIds[5]);

      // the next edit patches the patched run
      await next.invoke('records.saveYearGrid', {
        unitId: unitOf(byId[90]!),
        year: YEAR,
        rows: [{ staffId: byId[90]!, rating: 'HTXSNV', maternityLeave: false, underReview: false, titles: { LDTT: false, CSTDCS: false } }],
      });
      const again = await next.invoke('eligibility.check', { year: YEAR });
      expect(keptRunSource(sqlite, YEAR, null, OFFICE.name)).toBe('patch');
      await expectFresh(next, again);
    } finally {
      next.close();
    }
  }, 60_000);

  it('units changed: the whole office\'s run is patched with every collective judged again, a unit\'s run is read afresh; 400 people are patched, more than a patch is worth read everything — the same answer each time', async () => {
    const { dbPath, unitIds, staffIds } = await savedOffice();
    const writer = await open(dbPath);
    try {
      // a unit renamed, a unit moved into the subtree of unit 1, a unit under inspection this year
      await writer.invoke('units.update', { id: unitIds[2]!, name: 'Phòng Người có công' });
      await writer.invoke('units.move', { id: unitIds[8]!, parentId: unitIds[1]! });
    } finally {
      writer.close();
    }
    const rawUnits = new Database(dbPath);
    rawUnits
      .prepare("INSERT INTO unit_year (id, origin_office_id, created_at, updated_at, unit_id, year, under_review, note) VALUES ('uy-1', 'o', ?, ?, ?, ?, 1, '')")
      .run(TODAY, TODAY, unitIds[3]!, YEAR);
    rawUnits.close();
    let next = await open(dbPath);
    try {
      const sqlite = next.ctx.conn.sqlite;
      const view = await next.invoke('eligibility.check', { year: YEAR });
      expect(keptRunSource(sqlite, YEAR, null, OFFICE.name)).toBe('patch');
      const scoped = await next.invoke('eligibility.check', { year: YEAR, unitId: unitIds[1]! });
      expect(keptRunSource(sqlite, YEAR, unitIds[1]!, OFFICE.name)).toBe('live');
      expect(view.units.find((u) => u.id === unitIds[2])!.name).toBe('Phòng Người có công');
      expect(view.people.find((p) => p.unitId === unitIds[2])!.unitName).toBe('Phòng Người có công');
      const inspected = view.units.find((u) => u.id === unitIds[3])!;
      expect(inspected.candidates.every((i) => view.candidates[i]!.verdict !== 'du_dieu_kien')).toBe(true);
      expect(scoped.units.some((u) => u.id === unitIds[8])).toBe(true);
      await expectFresh(next, view);
      await expectFresh(next, scoped, unitIds[1]!);
    } finally {
      next.close();
    }

    // 400 of the 900 people rewritten at once (an import): still a patch
    const raw = new Database(dbPath);
    raw.prepare("UPDATE person_year SET rating = 'HTNV' WHERE year = ? AND staff_id IN (SELECT value FROM json_each(?))").run(YEAR, JSON.stringify(staffIds.slice(0, 400)));
    raw.close();
    next = await open(dbPath);
    try {
      const view = await next.invoke('eligibility.check', { year: YEAR });
      expect(keptRunSource(next.ctx.conn.sqlite, YEAR, null, OFFICE.name)).toBe('patch');
      await expectFresh(next, view);
    } finally {
      next.close();
    }

    // more touched than a patch is worth (2,000: a province's import): everything is read
    const big = new Database(dbPath);
    big.prepare('UPDATE person_year SET rating = NULL WHERE staff_id = ? AND year = ?').run(staffIds[0]!, YEAR);
    const stamp = changeStamp(big);
    const log = big.prepare("INSERT INTO history_touch (kind, ref, stamp) VALUES ('p', ?, ?)");
    big.transaction(() => {
      for (let i = 0; i < 2001; i++) log.run(`elsewhere-${i}`, stamp);
    })();
    big.close();
    next = await open(dbPath);
    try {
      const view = await next.invoke('eligibility.check', { year: YEAR });
      expect(keptRunSource(next.ctx.conn.sqlite, YEAR, null, OFFICE.name)).toBe('live');
      await expectFresh(next, view);
    } finally {
      next.close();
    }
  }, 60_000);

  it('the hosts\' warm-up patches the file\'s run; a check during the warm-up\'s slices is answered by it without finishing them', async () => {
    const { dbPath, staffIds } = await savedOffice();
    const raw = new Database(dbPath);
    raw.prepare("UPDATE person_year SET rating = 'KHTNV' WHERE staff_id = ? AND year = ?").run(staffIds[0]!, YEAR);
    raw.close();
    const next = await open(dbPath);
    try {
      const sqlite = next.ctx.conn.sqlite;
      expect(warmEligibility(sqlite, YEAR, OFFICE.name)).toBe(true);
      expect(keptRunSource(sqlite, YEAR, null, OFFICE.name)).toBe('patch');
      // the warm-up's next step: the run computed from the records, in slices
      const live = liveInTurns(next, YEAR, OFFICE.name);
      await live.untilPauses(2);
      const view = await next.invoke('eligibility.check', { year: YEAR });
      // answered by the patched run: the slices go on
      expect(hasKeptRun(sqlite, YEAR, null, OFFICE.name, { live: true })).toBe(false);
      const at = live.pauses();
      await live.done;
      expect(live.pauses()).toBeGreaterThan(at + 1);
      expect(keptRunSource(sqlite, YEAR, null, OFFICE.name)).toBe('live');
      expect(verdict(view, staffIds[0]!, 'LDTT')).not.toBe('du_dieu_kien');
      await expectFresh(next, view);
      await expectFresh(next, await next.invoke('eligibility.check', { year: YEAR }));
    } finally {
      next.close();
    }
  }, 60_000);

  it('every table the check reads logs what each insert, update and delete touched, with the change stamp of the moment', async () => {
    const { dbPath, staffIds } = await savedOffice();
    const db = new Database(dbPath);
    try {
      const triggers = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'history_touch_%'").pluck().all() as string[]);
      for (const t of ['staff', 'person_year', 'initiative', 'discipline', 'award_recipient', 'award_decision', 'unit', 'unit_year', 'registration']) {
        for (const op of ['insert', 'update', 'delete']) expect(triggers.has(`history_touch_${t}_${op}`), `${t} ${op}`).toBe(true);
      }
      /** what a write touched: the log since the stamp read just before it */
      const touchedBy = (write: () => void) => {
        const stamp = changeStamp(db);
        write();
        return touchesSince(db, stamp, 1000)!;
      };
      // a person's rating: that person
      expect([...touchedBy(() => db.prepare('UPDATE person_year SET rating = NULL WHERE staff_id = ? AND year = ?').run(staffIds[3]!, YEAR)).people]).toEqual([staffIds[3]]);
      // a person's title: the recipient's person; a decision: the decision
      const rec = db.prepare("SELECT id, decision_id, staff_id FROM award_recipient WHERE subject_kind = 'person' LIMIT 1").get() as { id: string; decision_id: string; staff_id: string };
      expect([...touchedBy(() => db.prepare('UPDATE award_recipient SET deleted_at = ? WHERE id = ?').run(TODAY, rec.id)).people]).toEqual([rec.staff_id]);
      const byDecision = touchedBy(() => db.prepare('UPDATE award_decision SET note = ? WHERE id = ?').run('x', rec.decision_id));
      expect([...byDecision.decisions]).toEqual([rec.decision_id]);
      expect(byDecision.people.size).toBe(0);
      // units and registrations: a flag each
      expect(touchedBy(() => db.prepare('UPDATE unit SET updated_at = updated_at WHERE rowid = 1').run()).units).toBe(true);
      const reg = touchedBy(() => db.prepare('UPDATE registration SET updated_at = updated_at WHERE rowid = (SELECT min(rowid) FROM registration)').run());
      expect(reg.people.size + reg.decisions.size).toBe(0);
      // a deleted row is logged as well, and the log keeps one row per person
      const before = db.prepare('SELECT COUNT(*) FROM history_touch').pluck().get() as number;
      expect([...touchedBy(() => db.prepare('DELETE FROM person_year WHERE staff_id = ? AND year = ?').run(staffIds[3]!, YEAR - 1)).people]).toEqual([staffIds[3]]);
      expect(db.prepare('SELECT COUNT(*) FROM history_touch').pluck().get()).toBe(before);
      // a write rolled back leaves nothing
      const stamp = changeStamp(db);
      try {
        db.transaction(() => {
          db.prepare('UPDATE person_year SET rating = NULL WHERE staff_id = ?').run(staffIds[5]!);
          throw new Error('rollback');
        })();
      } catch {
        // expected
      }
      expect(touchesSince(db, stamp, 1000)!.people.has(staffIds[5]!)).toBe(false);
    } finally {
      db.close();
    }
  }, 60_000);
});
