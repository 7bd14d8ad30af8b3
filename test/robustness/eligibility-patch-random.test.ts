// Random writes, random ways of asking: after each round of writes (by another program while the
// app is closed, or by this one between two checks), the whole office's run — patched from the
// file's run or from the one kept in memory — and one unit's run must judge exactly like a fresh
// run. The seed is printed; TDKT_PATCH_SEED replays a run.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { keptRunSource } from '../../electron/services/records/eligibility';
import { newId } from '../../db/ids';
import { moveStaffRecords, softDeleteStaffRow } from '../../db/repositories/staff-merge';
import { restoreRow } from '../../db/repositories/trash';
import { foldVi } from '../../shared/text/vn';
import { OFFICE, testCore } from '../support/core';
import { freshCheck, judged, order, syntheticOffice } from '../integration/records/helpers';
import { makeRng, seedFrom, type Rng } from './prng';

const YEAR = 2024;
const TODAY = '2025-03-01';
const ROUNDS = 14;
const RATINGS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', null] as const;
const FORMS = ['khien_trach', 'canh_cao', 'ha_bac_luong'] as const;

type Write = (db: Database.Database, rng: Rng, ids: { staff: string[]; units: string[] }) => string;

const now = () => new Date().toISOString();
const someone = (db: Database.Database, rng: Rng, deleted = false) =>
  db.prepare(`SELECT id FROM staff WHERE deleted_at IS ${deleted ? 'NOT ' : ''}NULL ORDER BY id LIMIT 1 OFFSET ?`).pluck().get(rng.int(0, 50)) as string | undefined;

/** Writes as another program (or the app's handlers) would make them, straight to the tables. */
const WRITES: Record<string, Write> = {
  rating: (db, rng) => {
    const id = someone(db, rng)!;
    db.prepare('UPDATE person_year SET rating = ?, updated_at = ? WHERE staff_id = ? AND year = ?').run(rng.pick(RATINGS), now(), id, YEAR);
    return `rating ${id}`;
  },
  maternity: (db, rng) => {
    const id = someone(db, rng)!;
    db.prepare('UPDATE person_year SET rating = NULL, maternity_leave = 1 WHERE staff_id = ? AND year = ?').run(id, YEAR);
    return `maternity ${id}`;
  },
  review: (db, rng) => {
    const id = someone(db, rng)!;
    db.prepare('UPDATE person_year SET under_review = 1 WHERE staff_id = ? AND year = ?').run(id, YEAR);
    return `review ${id}`;
  },
  delete: (db, rng) => {
    const id = someone(db, rng)!;
    db.prepare('UPDATE staff SET deleted_at = ? WHERE id = ?').run(now(), id);
    return `delete ${id}`;
  },
  restore: (db, rng) => {
    const id = someone(db, rng, true);
    if (!id) return 'restore (none deleted)';
    db.prepare('UPDATE staff SET deleted_at = NULL WHERE id = ?').run(id);
    return `restore ${id}`;
  },
  add: (db, rng, ids) => {
    // a namesake of someone there half the time; with or without facts for the year
    const name = rng.chance(0.5) ? (db.prepare('SELECT full_name FROM staff ORDER BY id LIMIT 1 OFFSET ?').pluck().get(rng.int(0, 50)) as string) : `Lê Thị ${rng.int(1, 999)}`;
    const id = newId();
    const unit = rng.pick(ids.units);
    db.prepare(`INSERT INTO staff (id, origin_office_id, created_at, updated_at, full_name, name_key, gender, unit_id, status) VALUES (?, 'o', ?, ?, ?, ?, 'nu', ?, 'dang_cong_tac')`).run(id, now(), now(), name, foldVi(name), unit);
    if (rng.chance(0.5)) {
      db.prepare('INSERT INTO person_year (id, origin_office_id, created_at, updated_at, staff_id, year, unit_id, rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(newId(), 'o', now(), now(), id, YEAR, unit, rng.pick(RATINGS));
    }
    return `add ${name}`;
  },
  retire: (db) => {
    // someone without facts for the year counts only while working
    const id = db.prepare(`SELECT s.id FROM staff s WHERE s.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM person_year p WHERE p.staff_id = s.id AND p.year = ?) LIMIT 1`).pluck().get(YEAR) as string | undefined;
    if (!id) return 'retire (nobody)';
    db.prepare(`UPDATE staff SET status = 'nghi_huu' WHERE id = ?`).run(id);
    return `retire ${id}`;
  },
  discipline: (db, rng) => {
    const id = someone(db, rng)!;
    db.prepare(`INSERT INTO discipline (id, origin_office_id, created_at, updated_at, staff_id, form, from_date, to_date) VALUES (?, 'o', ?, ?, ?, ?, ?, ?)`).run(newId(), now(), now(), id, rng.pick(FORMS), `${YEAR - rng.int(0, 2)}-03-01`, rng.chance(0.5) ? null : `${YEAR}-06-30`);
    return `discipline ${id}`;
  },
  initiative: (db, rng) => {
    const id = someone(db, rng)!;
    db.prepare(`INSERT INTO initiative (id, origin_office_id, created_at, updated_at, staff_id, year, title, title_key, scope) VALUES (?, 'o', ?, ?, ?, ?, 'Sáng kiến', 'sang kien', ?)`).run(newId(), now(), now(), id, YEAR - rng.int(0, 3), rng.pick(['co_so', 'tinh']));
    return `initiative ${id}`;
  },
  title: (db, rng) => {
    const id = someone(db, rng)!;
    const decision = db.prepare('SELECT id FROM award_decision WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET ?').pluck().get(rng.int(0, 15)) as string | undefined;
    if (!decision) return 'title (no decision)';
    db.prepare(`INSERT INTO award_recipient (id, origin_office_id, created_at, updated_at, decision_id, subject_kind, staff_id, name) VALUES (?, 'o', ?, ?, ?, 'person', ?, 'x')`).run(newId(), now(), now(), decision, id);
    return `title ${id}`;
  },
  decision: (db, rng) => {
    const decision = db.prepare('SELECT id FROM award_decision WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET ?').pluck().get(rng.int(0, 15)) as string | undefined;
    if (!decision) return 'decision (none)';
    if (rng.chance(0.5)) db.prepare('UPDATE award_decision SET deleted_at = ? WHERE id = ?').run(now(), decision);
    else db.prepare('UPDATE award_decision SET year = year - 1 WHERE id = ?').run(decision);
    return `decision ${decision}`;
  },
  move: (db, rng, ids) => {
    const id = someone(db, rng)!;
    db.prepare('UPDATE person_year SET unit_id = ? WHERE staff_id = ? AND year = ?').run(rng.pick(ids.units), id, YEAR);
    return `move ${id}`;
  },
  registration: (db, rng) => {
    const id = someone(db, rng)!;
    db.prepare(`INSERT INTO registration (id, origin_office_id, created_at, updated_at, year, subject_kind, staff_id, award_code) VALUES (?, 'o', ?, ?, ?, 'person', ?, 'CSTDCS')`).run(newId(), now(), now(), YEAR, id);
    return `registration ${id}`;
  },
  merge: (db, rng) => {
    // "Gộp cán bộ trùng": one person's years, titles, initiatives … moved to another, the first deleted
    const keep = someone(db, rng)!;
    const other = someone(db, rng)!;
    if (keep === other) return 'merge (the same person)';
    moveStaffRecords(db, keep, other, now());
    softDeleteStaffRow(db, other, now());
    return `merge ${other} into ${keep}`;
  },
  undelete: (db) => {
    // the Thùng rác: a deleted decision back, with the recipients deleted with it
    const d = db.prepare('SELECT id, deleted_at FROM award_decision WHERE deleted_at IS NOT NULL ORDER BY id LIMIT 1').get() as { id: string; deleted_at: string } | undefined;
    if (!d) return 'undelete (no decision deleted)';
    restoreRow(db, 'decision', d.id, d.deleted_at, now());
    return `undelete ${d.id}`;
  },
  unit: (db, rng, ids) => {
    const unit = rng.pick(ids.units.slice(6));
    if (rng.chance(0.5)) db.prepare('UPDATE unit SET name = ? WHERE id = ?').run(`Phòng ${rng.int(1, 99)}`, unit);
    else db.prepare('UPDATE unit SET parent_id = ? WHERE id = ?').run(rng.pick(ids.units.slice(0, 6)), unit);
    return `unit ${unit}`;
  },
};

async function expectFresh(core: Core, unitId: string | null, what: string): Promise<void> {
  const view = await core.invoke('eligibility.check', { year: YEAR, unitId });
  const fresh = await freshCheck(core, YEAR, unitId, TODAY);
  expect(order(view), what).toEqual(order(fresh));
  expect(judged(view), what).toEqual(judged(fresh));
  expect(view.counts, what).toEqual(fresh.counts);
  expect(view.warnings, what).toEqual(fresh.warnings);
  expect(view.personUnits, what).toEqual(fresh.personUnits);
}

describe('eligibility patches under random writes', () => {
  it(`${ROUNDS} rounds of writes, each answer the same as a fresh run`, async () => {
    const rng = makeRng(seedFrom('TDKT_PATCH_SEED'));
    console.log(`eligibility patch seed: ${rng.seed} (TDKT_PATCH_SEED=${rng.seed} replays it)`);
    let core = await testCore({ today: TODAY });
    const office = syntheticOffice(core, { people: 600, units: 18, years: 10 });
    const ids = { staff: office.staffIds, units: office.unitIds };
    const dbPath = core.ctx.conn.path;
    const scope = office.unitIds[1]!;
    await core.invoke('eligibility.check', { year: YEAR });
    await core.invoke('eligibility.check', { year: YEAR, unitId: scope });
    const sources = new Set<string | null>();
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const closed = rng.chance(0.5);
        // another program while the app is closed, or a write by this one between two checks
        if (closed) core.close();
        const db = closed ? new Database(dbPath) : core.ctx.conn.sqlite;
        const names = Object.keys(WRITES);
        const done = Array.from({ length: rng.int(1, 4) }, () => WRITES[rng.pick(names)]!(db, rng, ids));
        if (closed) {
          db.close();
          core = await createCore({ dbPath, host: 'test', today: () => TODAY });
        }
        const what = `seed ${rng.seed}, round ${round}: ${done.join('; ')}`;
        await expectFresh(core, null, what);
        sources.add(keptRunSource(core.ctx.conn.sqlite, YEAR, null, OFFICE.name));
        if (rng.chance(0.5)) await expectFresh(core, scope, `${what} (unit's run)`);
      }
    } finally {
      core.close();
    }
    // the rounds went through patches (a fresh run only where a patch cannot do)
    expect(sources.has('patch')).toBe(true);
  }, 120_000);
});
