import { createCore, type Core } from '../../../electron/core/core';
import type { EligibilityView } from '../../../shared/contract/records';
import { makeEligibilityLive } from '../../../electron/services/records/eligibility';
import { newId } from '../../../db/ids';
import { foldVi } from '../../../shared/text/vn';
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

/**
 * An office of `people` people ("Nguyễn Văn i") in `units` units (six top units, the rest
 * under them), with ratings for `years` years from 2015 and LĐTT/CSTĐCS decisions up to 2023,
 * written straight to the tables (the app's writers take minutes for this many).
 */
export function syntheticOffice(core: Core, o: { people: number; units: number; years: number }): { unitIds: string[]; staffIds: string[] } {
  const sqlite = core.ctx.conn.sqlite;
  const origin = core.ctx.officeId;
  const now = new Date().toISOString();
  const unitIds: string[] = [];
  const staffIds: string[] = [];
  const ratings = ['HTXSNV', 'HTTNV', 'HTTNV', 'HTTNV', 'HTNV', null] as const;
  sqlite.transaction(() => {
    const u = sqlite.prepare(`INSERT INTO unit (id, origin_office_id, created_at, updated_at, parent_id, name, name_key, kind) VALUES (?, ?, ?, ?, ?, ?, ?, 'phong_chuyen_mon')`);
    for (let i = 0; i < o.units; i++) {
      const id = newId();
      unitIds.push(id);
      u.run(id, origin, now, now, i < 6 ? null : unitIds[i % 6]!, `Đơn vị ${i + 1}`, foldVi(`Đơn vị ${i + 1}`));
    }
    const s = sqlite.prepare(`INSERT INTO staff (id, origin_office_id, created_at, updated_at, full_name, name_key, gender, unit_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'dang_cong_tac')`);
    const py = sqlite.prepare(`INSERT INTO person_year (id, origin_office_id, created_at, updated_at, staff_id, year, unit_id, rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const d = sqlite.prepare(`INSERT INTO award_decision (id, origin_office_id, created_at, updated_at, number, award_code, year, source) VALUES (?, ?, ?, ?, ?, ?, ?, 'import')`);
    const r = sqlite.prepare(`INSERT INTO award_recipient (id, origin_office_id, created_at, updated_at, decision_id, subject_kind, staff_id, name) VALUES (?, ?, ?, ?, ?, 'person', ?, ?)`);
    const decisions = new Map<string, string>();
    for (let y = 2015; y < 2015 + o.years; y++) {
      for (const code of ['LDTT', 'CSTDCS']) {
        const id = newId();
        decisions.set(`${y}|${code}`, id);
        d.run(id, origin, now, now, `${y}/${code}`, code, y);
      }
    }
    for (let i = 0; i < o.people; i++) {
      const id = newId();
      staffIds.push(id);
      const unit = unitIds[i % o.units]!;
      const name = `Nguyễn Văn ${i}`;
      s.run(id, origin, now, now, name, foldVi(name), i % 2 ? 'nam' : 'nu', unit);
      for (let y = 2015; y < 2015 + o.years; y++) {
        const rating = ratings[(i * 7 + y) % ratings.length]!;
        py.run(newId(), origin, now, now, id, y, unit, rating);
        if (y < 2024 && rating && rating !== 'HTNV') r.run(newId(), origin, now, now, decisions.get(`${y}|LDTT`)!, id, name);
        if (y < 2024 && rating === 'HTXSNV') r.run(newId(), origin, now, now, decisions.get(`${y}|CSTDCS`)!, id, name);
      }
    }
  })();
  return { unitIds, staffIds };
}

/** Each subject's verdicts and reasons by id (the answer's numbering of shared items may differ between runs). */
export function judged(v: EligibilityView): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const s of [...v.people, ...v.units]) {
    out.set(
      `${s.kind}:${s.id}`,
      [s.name, s.unitId, s.unitName, s.registered, s.birthDate, s.gender, s.candidates.map((i) => {
        const c = v.candidates[i]!;
        return [c.code, c.verdict, c.verified, c.missingCount, c.items.map((k) => v.items[k])];
      })],
    );
  }
  return out;
}

/** The people's order on the screen. */
export const order = (v: EligibilityView): string[] => v.people.map((p) => p.id);

/** A fresh run of the same file on a connection of its own, with no run kept anywhere. */
export async function freshCheck(core: Core, year: number, unitId: string | null = null, today = '2025-03-01'): Promise<EligibilityView> {
  const other = await createCore({ dbPath: core.ctx.conn.path, host: 'test', today: () => today });
  try {
    other.ctx.conn.sqlite.exec('DELETE FROM eligibility_snapshot');
    return await other.invoke('eligibility.check', { year, unitId });
  } finally {
    other.close();
  }
}

/**
 * The warm-up's run (makeEligibilityLive) with a pause of one turn of the event loop between
 * slices, counting the pauses; `untilPauses(n)` waits until n have been taken.
 */
export function liveInTurns(core: Core, year: number, officeName: string) {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  let pauses = 0;
  const done = makeEligibilityLive(core.ctx.conn.sqlite, year, officeName, async () => {
    pauses++;
    await turn();
  });
  return {
    done,
    pauses: () => pauses,
    untilPauses: async (n: number) => {
      while (pauses < n) await turn();
    },
  };
}

/**
 * A fresh office for the decision papers: "Văn phòng Sở" with Nguyễn Văn An and Lê Văn Cường,
 * "Phòng Người có công" with Trần Thị Bình; the core closed by `afterEach` through `cores`.
 */
export async function decisionOffice(cores: Core[]) {
  const core = await testCore({ today: '2026-01-05' });
  cores.push(core);
  const vp = (await core.invoke('units.create', { name: 'Văn phòng Sở' })).id;
  const ncc = (await core.invoke('units.create', { name: 'Phòng Người có công' })).id;
  const person = async (fullName: string, unitId: string) => (await core.invoke('staff.create', { fullName, unitId })).id;
  return { core, vp, ncc, an: await person('Nguyễn Văn An', vp), binh: await person('Trần Thị Bình', ncc), cuong: await person('Lê Văn Cường', vp) };
}
