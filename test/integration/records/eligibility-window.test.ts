// The checker's kept runs and windows: a check is kept per connection until something it
// read changes — a rating, a decision, a discipline, a registration, a person's unit, a unit's
// name, or a write by another connection — and then the answer is what a fresh run from the
// database gives. The screen's windows (offset/limit, unit, verdict per award, name search
// without diacritics) return the right subjects in Vietnamese order.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkEligibility } from '../../../shared/awards';
import type { EligibilityView } from '../../../shared/contract/records';
import { compareVi, compareViPersonName, foldVi } from '../../../shared/text/vn';
import { loadHistories } from '../../../db/repositories/records';
import { cachedHistories } from '../../../db/repositories/records';
import { NO_UNIT_ID } from '../../../electron/services/records/eligibility';
import { readAwardSettings } from '../../../electron/services/records/settings';
import type { Core } from '../../../electron/core/core';
import { GOOD_ROWS, historyWorkbook } from '../../fixtures/records/office-history';
import { b64, historyOffice } from './helpers';

const YEAR = 2024;

/** subject id → award code → verdict, from an answer */
function verdicts(view: EligibilityView): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const s of [...view.people, ...view.units]) {
    const v: Record<string, string> = {};
    for (const i of s.candidates) v[view.candidates[i]!.code] = view.candidates[i]!.verdict;
    out.set(s.id, v);
  }
  return out;
}

/** The same, from a run on histories read afresh (nothing kept): what the answer must equal. */
function freshVerdicts(core: Core, year: number): Map<string, Record<string, string>> {
  const sqlite = core.ctx.conn.sqlite;
  const loaded = loadHistories(sqlite, { year, unitIds: null, noUnitId: NO_UNIT_ID });
  const settings = readAwardSettings(sqlite);
  const report = checkEligibility({ year, people: loaded.people, units: loaded.units, settings: settings.provincial, options: { enableDraftAmendment: settings.enableDraftAmendment } });
  const out = new Map<string, Record<string, string>>();
  for (const s of [...report.people, ...report.units]) out.set(s.id, Object.fromEntries(s.candidates.map((c) => [c.code, c.verdict])));
  return out;
}

const check = (core: Core) => core.invoke('eligibility.check', { year: YEAR });
const subject = (view: EligibilityView, id: string) => [...view.people, ...view.units].find((s) => s.id === id)!;

async function importedOffice() {
  const office = await historyOffice();
  await office.core.invoke('records.importApply', { fileName: 'x.xlsx', fileBase64: b64(await historyWorkbook(GOOD_ROWS)) });
  return office;
}

describe('eligibility runs are kept until the data change', () => {
  it('a change through this connection shows in the next check, equal to a fresh run', async () => {
    const { core, ids, units } = await importedOffice();
    const sqlite = core.ctx.conn.sqlite;
    const expectFresh = async () => {
      const view = await check(core);
      expect(verdicts(view)).toEqual(freshVerdicts(core, YEAR));
      return view;
    };

    const v0 = await expectFresh();
    expect(verdicts(v0).get(ids.D)!.LDTT).toBe('du_dieu_kien');
    expect(verdicts(v0).get(ids.F)!.LDTT).toBe('du_dieu_kien');
    expect(verdicts(v0).get(ids.A)!.CSTD_TINH).toBe('du_dieu_kien');

    // a discipline in force in 2024 takes LĐTT away from D; deleting it gives it back
    const disc = await core.invoke('records.saveDiscipline', { data: { staffId: ids.D, form: 'khien_trach', fromDate: '01/03/2024', toDate: '31/08/2024', decisionNo: '05/QĐ' } });
    expect(verdicts(await expectFresh()).get(ids.D)!.LDTT).not.toBe('du_dieu_kien');
    await core.invoke('records.deleteDiscipline', { id: disc.id });
    expect(verdicts(await expectFresh()).get(ids.D)!.LDTT).toBe('du_dieu_kien');

    // a rating changed in the year-end grid
    await core.invoke('records.saveYearGrid', {
      unitId: units.ncc,
      year: YEAR,
      rows: [{ staffId: ids.F, rating: 'HTNV', maternityLeave: false, underReview: false, titles: { LDTT: false, CSTDCS: false } }],
    });
    expect(verdicts(await expectFresh()).get(ids.F)!.LDTT).not.toBe('du_dieu_kien');

    // a decision changed by raw SQL on this connection (as a bundle merge writes): A's 2023
    // CSTĐCS becomes ad hoc, so the chain for CSTĐ cấp tỉnh breaks — no recipient row changed
    const changed = sqlite
      .prepare(`UPDATE award_decision SET basis = 'dot_xuat' WHERE number = '20/QĐ-SLĐTBXH' AND award_code = 'CSTDCS'`)
      .run().changes;
    expect(changed).toBe(1);
    expect(verdicts(await expectFresh()).get(ids.A)!.CSTD_TINH).not.toBe('du_dieu_kien');

    // a registration shows on the subject
    expect(subject(await check(core), ids.B).registered).toEqual([]);
    await core.invoke('records.saveRegistration', { data: { year: YEAR, kind: 'person', staffId: ids.B, awardCode: 'CSTDCS' } });
    expect(subject(await expectFresh(), ids.B).registered).toEqual(['CSTDCS']);

    // a person moved to another unit (G has no 2024 record, so the current unit counts), and a unit renamed
    const g = (await core.invoke('staff.list', { search: 'nguyen van an', includeSubunits: true })).rows.find((s) => s.id === ids.G)!;
    await core.invoke('staff.update', { id: ids.G, data: { fullName: g.fullName, birthDate: g.birthDate, gender: g.gender, unitId: units.vp, employmentStart: g.employmentStart } });
    let view = await expectFresh();
    expect(subject(view, ids.G).unitName).toBe('Văn phòng Sở');
    await core.invoke('units.update', { id: units.vp, name: 'Văn phòng' });
    view = await expectFresh();
    expect(subject(view, ids.G).unitName).toBe('Văn phòng');
    expect(view.units.map((u) => u.name).sort(compareVi)).toEqual(['Phòng Người có công', 'Văn phòng']);

    // the kept histories equal histories read afresh, after all of this
    const norm = (people: { personId: string }[]) => [...people].sort((a, b) => a.personId.localeCompare(b.personId));
    const kept = cachedHistories(sqlite, { year: YEAR, unitIds: null, noUnitId: NO_UNIT_ID });
    const fresh = loadHistories(sqlite, { year: YEAR, unitIds: null, noUnitId: NO_UNIT_ID });
    expect(norm(kept.people)).toEqual(norm(fresh.people));
    expect(kept.units).toEqual(fresh.units);
    core.close();
  });

  it('a write by another connection (the CLI, another window) shows in the next check', async () => {
    const { core, ids } = await importedOffice();
    expect(verdicts(await check(core)).get(ids.F)!.LDTT).toBe('du_dieu_kien');
    const other = new Database(core.ctx.conn.path);
    other.prepare(`UPDATE person_year SET rating = 'HTNV' WHERE staff_id = ? AND year = ?`).run(ids.F, YEAR);
    other.close();
    const view = await check(core);
    expect(verdicts(view).get(ids.F)!.LDTT).not.toBe('du_dieu_kien');
    expect(verdicts(view)).toEqual(freshVerdicts(core, YEAR));
    core.close();
  });

  it('a bulk write through this connection (thousands of people, as an import) shows in the next check', async () => {
    const { core, ids, units } = await importedOffice();
    const before = await check(core);
    const sqlite = core.ctx.conn.sqlite;
    const now = new Date().toISOString();
    const insert = sqlite.prepare(
      `INSERT INTO staff (id, origin_office_id, created_at, updated_at, full_name, name_key, gender, unit_id, status, employment_start) VALUES (?, ?, ?, ?, ?, ?, 'nu', ?, 'dang_cong_tac', '2015-01-01')`,
    );
    sqlite.transaction(() => {
      for (let i = 0; i < 3500; i++) insert.run(`bulk-${i}`, core.ctx.officeId, now, now, `Đinh Thị Bulk ${i}`, `dinh thi bulk ${i}`, units.vp);
      sqlite.prepare(`UPDATE person_year SET rating = 'HTNV' WHERE staff_id = ? AND year = ?`).run(ids.F, YEAR);
    })();
    const after = await check(core);
    expect(after.people.length).toBe(before.people.length + 3500);
    expect(verdicts(after).get(ids.F)!.LDTT).not.toBe('du_dieu_kien');
    expect(verdicts(after)).toEqual(freshVerdicts(core, YEAR));
    core.close();
  });

  it('changing the provincial settings gives a new run; an unchanged check answers the same', async () => {
    const { core } = await importedOffice();
    const first = await check(core);
    const again = await check(core);
    expect(verdicts(again)).toEqual(verdicts(first));
    expect(first.warnings.map((w) => w.code)).toContain('cstdcs_quota');
    const s = await core.invoke('awards.getSettings');
    await core.invoke('awards.saveSettings', { ...s, provincial: { ...s.provincial, cstdcsQuotaPercent: 100 } });
    expect((await check(core)).warnings.map((w) => w.code)).not.toContain('cstdcs_quota');
    core.close();
  });
});

describe('eligibility windows', () => {
  it('people come in Vietnamese order (given name, then full name), window by window', async () => {
    const { core, units } = await historyOffice();
    // given names whose order differs from the order of their unaccented spelling (d < đ, o < ô < ư)
    for (const fullName of ['Nguyễn Văn Đức', 'Trần Văn Dũng', 'Lê Thị Ánh', 'Ngô Văn Đông', 'Phạm Văn Duy', 'Đỗ Thị Ân']) {
      await core.invoke('staff.create', { fullName, gender: 'nam', unitId: units.vp, employmentStart: '2015-01-01' });
    }
    const all = await core.invoke('eligibility.check', { year: YEAR });
    expect(all.window).toBeNull();
    const expected = all.people.map((p) => p.name).sort(compareViPersonName);
    expect(all.people.map((p) => p.name)).toEqual(expected);
    const names = expected.filter((n) => /Đức|Dũng|Ánh|Đông|Duy|Ân/.test(n));
    expect(names).toEqual(['Lê Thị Ánh', 'Đỗ Thị Ân', 'Trần Văn Dũng', 'Phạm Văn Duy', 'Ngô Văn Đông', 'Nguyễn Văn Đức']);

    const paged: string[] = [];
    for (let offset = 0; offset < expected.length; offset += 4) {
      const w = await core.invoke('eligibility.check', { year: YEAR, offset, limit: 4 });
      expect(w.window).toEqual({ kind: 'individual', offset, matched: expected.length });
      expect(w.total).toEqual({ people: all.people.length, units: all.units.length });
      expect(w.units).toEqual([]);
      paged.push(...w.people.map((p) => p.name));
    }
    expect(paged).toEqual(expected);

    // a large office, then one person added and one renamed: still in order
    const ho = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
    const ten = ['Anh', 'Ánh', 'Bảo', 'Cường', 'Dương', 'Đạt', 'Giang', 'Hà', 'Hải'];
    for (let i = 0; i < 72; i++) {
      await core.invoke('staff.create', { fullName: `${ho[i % 8]} Thị ${ten[i % 9]}`, gender: 'nu', unitId: units.ncc, employmentStart: '2016-01-01' });
    }
    const big = await core.invoke('eligibility.check', { year: YEAR });
    expect(big.people.map((p) => p.name)).toEqual(big.people.map((p) => p.name).sort(compareViPersonName));
    const added = await core.invoke('staff.create', { fullName: 'Mai Văn Ấn', gender: 'nam', unitId: units.ncc, employmentStart: '2016-01-01' });
    const renamed = big.people.find((p) => p.name === 'Lê Thị Ánh')!;
    await core.invoke('staff.update', { id: renamed.id, data: { fullName: 'Lê Thị Ân', gender: 'nu', unitId: units.vp, employmentStart: '2015-01-01' } });
    const after = await core.invoke('eligibility.check', { year: YEAR });
    const names2 = after.people.map((p) => p.name);
    expect(names2).toEqual([...names2].sort(compareViPersonName));
    expect(names2).toContain('Mai Văn Ấn');
    expect(after.people.find((p) => p.id === renamed.id)!.name).toBe('Lê Thị Ân');
    expect(after.people.find((p) => p.id === added.id)!.unitName).toBe('Phòng Người có công');
    core.close();
  });

  it('filters by unit, award and verdict, and name without diacritics; each row keeps its explanation', async () => {
    const { core, units } = await importedOffice();
    const all = await core.invoke('eligibility.check', { year: YEAR });
    const cand = (v: EligibilityView, s: EligibilityView['people'][number]) =>
      s.candidates.map((i) => ({ ...v.candidates[i]!, items: v.candidates[i]!.items.map((k) => v.items[k]!) }));
    const expectWindow = async (
      query: { inUnit?: string; code?: 'LDTT' | 'CSTDCS' | 'CSTD_TINH'; verdict?: 'du_dieu_kien' | 'gan_du' | 'chua_du'; search?: string },
      keep: (s: EligibilityView['people'][number]) => boolean,
    ) => {
      const want = all.people.filter(keep);
      const w = await core.invoke('eligibility.check', { year: YEAR, limit: 50, ...query });
      expect(w.people.map((p) => p.id)).toEqual(want.map((p) => p.id));
      expect(w.window!.matched).toBe(want.length);
      // the window's own candidates and items say the same as the full answer
      for (const p of w.people) expect(cand(w, p)).toEqual(cand(all, all.people.find((x) => x.id === p.id)!));
      return w;
    };
    const has = (s: EligibilityView['people'][number], code: string | null, verdict: string | null) =>
      s.candidates.some((i) => (!code || all.candidates[i]!.code === code) && (!verdict || all.candidates[i]!.verdict === verdict));

    const ncc = await expectWindow({ inUnit: units.ncc }, (s) => s.unitId === units.ncc);
    expect(ncc.people.length).toBe(5);
    const ldtt = await expectWindow({ code: 'LDTT', verdict: 'du_dieu_kien' }, (s) => has(s, 'LDTT', 'du_dieu_kien'));
    expect(ldtt.people.length).toBeGreaterThan(0);
    await expectWindow({ verdict: 'gan_du' }, (s) => has(s, null, 'gan_du'));
    await expectWindow({ code: 'CSTD_TINH', verdict: 'du_dieu_kien', inUnit: units.vp }, (s) => s.unitId === units.vp && has(s, 'CSTD_TINH', 'du_dieu_kien'));
    const phuong = await expectWindow({ search: 'vu thi phuong' }, (s) => foldVi(s.name).includes('vu thi phuong'));
    expect(phuong.people.map((p) => p.name)).toEqual(['Vũ Thị Phương']);
    expect((await expectWindow({ search: 'Nguyễn Văn An' }, (s) => s.name === 'Nguyễn Văn An')).people.length).toBe(2);
    // words at the start of words, in any order (matchesQuery): the given name first finds them too
    expect((await expectWindow({ search: 'phuong vu' }, (s) => s.name === 'Vũ Thị Phương')).people.map((p) => p.name)).toEqual(['Vũ Thị Phương']);

    // collectives, with a window and the quota warning's text (its list of people is left out of windows)
    const coll = await core.invoke('eligibility.check', { year: YEAR, kind: 'collective', limit: 1, offset: 1 });
    expect(coll.window).toEqual({ kind: 'collective', offset: 1, matched: 2 });
    expect(coll.people).toEqual([]);
    expect(coll.units.map((u) => u.name)).toEqual([all.units.map((u) => u.name).sort(compareVi)[1]]);
    expect(coll.warnings.map((w) => w.message)).toEqual(all.warnings.map((w) => w.message));
    expect(all.warnings.find((w) => w.code === 'cstdcs_quota')!.personIds.length).toBeGreaterThan(0);
    // what the filters offer
    expect(coll.personUnits.map((u) => u.name)).toEqual(['Phòng Người có công', 'Văn phòng Sở']);
    expect(coll.codes.individual).toContain('CSTDCS');
    expect(coll.codes.collective.length).toBeGreaterThan(0);
    expect(coll.codes.collective).not.toContain('CSTDCS');
    core.close();
  });
});
