// The repository's history loaders return what a careful person would build by hand, for
// the whole office and for a unit subtree, with a person's unit taken from the year's record;
// and they stay fast on an office-sized data set (figures printed, never asserted).
import { describe, expect, it } from 'vitest';
import type { PersonHistory, UnitHistory } from '../../../shared/awards';
import { checkEligibility, eligibilityReportSchema } from '../../../shared/awards';
import { cachedHistories, loadHistories, subtreeOf, unitsLite } from '../../../db/repositories/records';
import { GOOD_ROWS, historyWorkbook } from '../../fixtures/records/office-history';
import { testCore } from '../../support/core';
import { b64, historyOffice, syntheticOffice } from './helpers';
import { validateReport } from '../../../electron/services/records/eligibility';

const sortPeople = (list: PersonHistory[]) =>
  [...list]
    .sort((a, b) => a.personId.localeCompare(b.personId))
    .map((p) => ({
      ...p,
      titles: [...p.titles].sort((a, b) => a.year - b.year || a.code.localeCompare(b.code) || a.basis.localeCompare(b.basis)),
      initiatives: [...p.initiatives].sort((a, b) => a.year - b.year),
    }));

describe('history loaders', () => {
  it('build the same histories as by hand, for the office and for a unit', async () => {
    const { core, ids, units } = await historyOffice();
    const file = { fileName: 'x.xlsx', fileBase64: b64(await historyWorkbook(GOOD_ROWS)) };
    await core.invoke('records.importApply', file);
    await core.invoke('records.saveDiscipline', { data: { staffId: ids.D, form: 'khien_trach', fromDate: '01/03/2024', toDate: '31/08/2024', decisionNo: '05/QĐ' } });
    await core.invoke('records.saveYearGrid', {
      unitId: units.ncc,
      year: 2024,
      unitUnderReview: true,
      rows: [{ staffId: ids.E, rating: 'HTTNV', maternityLeave: false, underReview: true, titles: { LDTT: false, CSTDCS: false } }],
    });
    // a unit-level award (Bằng khen for the collective)
    await core.invoke('records.saveDecision', {
      data: { number: '99/QĐ-UBND', decisionDate: '10/01/2024', awardCode: 'BK_TINH', year: 2023, issuer: 'UBND tỉnh Lào Cai', recipients: [{ kind: 'unit', unitId: units.vp }] },
    });

    const sqlite = core.ctx.conn.sqlite;
    const loaded = loadHistories(sqlite, { year: 2024, unitIds: null, noUnitId: 'none' });
    const t = (year: number, code: string, decisionNo: string, decisionDate: string, basis: 'thuong_xuyen' | 'dot_xuat' = 'thuong_xuyen') => ({ year, code, basis, decisionNo, decisionDate });
    const expected: PersonHistory[] = [
      {
        personId: ids.A,
        name: 'Nguyễn Văn An',
        gender: 'nam',
        unitId: units.vp,
        years: { 2022: { rating: 'HTXSNV' }, 2023: { rating: 'HTXSNV' }, 2024: { rating: 'HTXSNV' } },
        titles: [
          t(2022, 'LDTT', '15/QĐ-SLĐTBXH', '2022-12-20'),
          t(2022, 'CSTDCS', '15/QĐ-SLĐTBXH', '2022-12-20'),
          t(2023, 'LDTT', '20/QĐ-SLĐTBXH', '2023-12-18'),
          t(2023, 'CSTDCS', '20/QĐ-SLĐTBXH', '2023-12-18'),
        ],
        initiatives: [{ year: 2023, title: 'Phần mềm quản lý hồ sơ người có công', scope: 'tinh', kind: 'sang_kien' }],
        disciplines: [],
      },
      {
        personId: ids.B,
        name: 'Trần Thị Bích',
        gender: 'nu',
        unitId: units.vp,
        years: { 2021: { rating: 'HTXSNV' }, 2022: { rating: 'HTTNV' }, 2023: { rating: 'HTXSNV' }, 2024: { rating: 'HTXSNV' } },
        titles: [
          t(2021, 'LDTT', '12/QĐ-SLĐTBXH', '2021-12-20'),
          t(2021, 'CSTDCS', '12/QĐ-SLĐTBXH', '2021-12-20'),
          t(2022, 'LDTT', '15/QĐ-SLĐTBXH', '2022-12-20'),
          t(2023, 'LDTT', '20/QĐ-SLĐTBXH', '2023-12-18'),
          t(2023, 'CSTDCS', '20/QĐ-SLĐTBXH', '2023-12-18'),
        ],
        initiatives: [{ year: 2024, title: 'Sổ tay điện tử tra cứu chính sách', scope: 'tinh', kind: 'sang_kien' }],
        disciplines: [],
      },
      {
        personId: ids.C,
        name: 'Lê Văn Cường',
        gender: 'nam',
        unitId: units.ncc,
        years: { 2023: { rating: 'HTXSNV' }, 2024: { rating: 'HTXSNV' } },
        titles: [t(2023, 'LDTT', '20/QĐ-SLĐTBXH', '2023-12-18'), t(2023, 'CSTDCS', '35/QĐ-SLĐTBXH', '2023-08-10', 'dot_xuat')],
        initiatives: [],
        disciplines: [],
      },
      {
        personId: ids.D,
        name: 'Phạm Thị Dung',
        gender: 'nu',
        unitId: units.ncc,
        years: { 2024: { rating: 'HTTNV' } },
        titles: [],
        initiatives: [],
        disciplines: [{ form: 'khien_trach', from: '2024-03-01', to: '2024-08-31', decisionNo: '05/QĐ' }],
      },
      {
        personId: ids.E,
        name: 'Hoàng Văn Em',
        gender: 'nam',
        unitId: units.ncc,
        years: { 2023: { rating: 'HTTNV' }, 2024: { rating: 'HTTNV', underReview: true } },
        titles: [t(2023, 'LDTT', '40/QĐ-SLĐTBXH', '2023-12-25'), t(2023, 'GIAY_KHEN', '40/QĐ-SLĐTBXH', '2023-12-25')],
        initiatives: [],
        disciplines: [],
      },
      {
        personId: ids.F,
        name: 'Vũ Thị Phương',
        gender: 'nu',
        unitId: units.ncc,
        years: { 2023: { rating: 'HTTNV' }, 2024: { rating: 'HTXSNV' } },
        titles: [], // the Kỷ niệm chương of 2023 was recorded as a free-text form: not a catalogue code
        initiatives: [],
        disciplines: [],
      },
      { personId: ids.G, name: 'Nguyễn Văn An', gender: 'nam', unitId: units.ncc, years: {}, titles: [], initiatives: [], disciplines: [] },
    ];
    expect(sortPeople(loaded.people)).toEqual(sortPeople(expected));

    const expectedUnits: UnitHistory[] = [
      {
        unitId: units.vp,
        name: 'Văn phòng Sở',
        memberIds: [ids.A, ids.B],
        years: {},
        titles: [{ year: 2023, code: 'BK_TINH', basis: 'thuong_xuyen', decisionNo: '99/QĐ-UBND', decisionDate: '2024-01-10' }],
      },
      { unitId: units.ncc, name: 'Phòng Người có công', memberIds: [ids.C, ids.D, ids.E, ids.F, ids.G], years: { 2024: { underReview: true } }, titles: [] },
    ];
    const norm = (u: UnitHistory[]) => [...u].sort((a, b) => a.name.localeCompare(b.name)).map((x) => ({ ...x, memberIds: [...x.memberIds].sort() }));
    expect(norm(loaded.units)).toEqual(norm(expectedUnits));

    // a subtree: the same histories, filtered
    const sub = loadHistories(sqlite, { year: 2024, unitIds: subtreeOf(unitsLite(sqlite), units.ncc), noUnitId: 'none' });
    expect(sortPeople(sub.people)).toEqual(sortPeople(expected.filter((p) => p.unitId === units.ncc)));
    expect(sub.units.map((u) => u.unitId)).toEqual([units.ncc]);
    core.close();
  });

  it("a person counts in the year's unit recorded with the year's facts, not the current one", async () => {
    const { core, ids, units } = await historyOffice();
    // E worked in Văn phòng Sở in 2023 (recorded then), moved to Người có công later
    await core.invoke('staff.update', {
      id: ids.E,
      data: { fullName: 'Hoàng Văn Em', birthDate: '1988-04-04', gender: 'nam', unitId: units.vp, employmentStart: '2015-01-01' },
    });
    await core.invoke('records.saveYearGrid', {
      unitId: units.vp,
      year: 2023,
      rows: [{ staffId: ids.E, rating: 'HTTNV', maternityLeave: false, underReview: false, titles: { LDTT: true, CSTDCS: false } }],
    });
    await core.invoke('staff.update', {
      id: ids.E,
      data: { fullName: 'Hoàng Văn Em', birthDate: '1988-04-04', gender: 'nam', unitId: units.ncc, employmentStart: '2015-01-01' },
    });
    const sqlite = core.ctx.conn.sqlite;
    const y2023 = loadHistories(sqlite, { year: 2023, unitIds: null, noUnitId: 'none' });
    expect(y2023.people.find((p) => p.personId === ids.E)?.unitId).toBe(units.vp);
    expect(y2023.units.find((u) => u.unitId === units.vp)?.memberIds).toContain(ids.E);
    const y2024 = loadHistories(sqlite, { year: 2024, unitIds: null, noUnitId: 'none' });
    expect(y2024.people.find((p) => p.personId === ids.E)?.unitId).toBe(units.ncc);
    // the grid of 2023 for Văn phòng Sở still lists E
    const grid = await core.invoke('records.yearGrid', { unitId: units.vp, year: 2023 });
    expect(grid.rows.map((r) => r.fullName)).toContain('Hoàng Văn Em');
    core.close();
  });

  it('people whose years read alike share one frozen years object; an edit gives the person edited their own', async () => {
    const { core, ids, units } = await historyOffice();
    const row = (staffId: string, rating: 'HTTNV' | 'HTXSNV') => ({ staffId, rating, maternityLeave: false, underReview: false, titles: { LDTT: false, CSTDCS: false } });
    for (const year of [2022, 2023, 2024]) {
      await core.invoke('records.saveYearGrid', { unitId: units.vp, year, rows: [row(ids.A, 'HTTNV'), row(ids.B, 'HTTNV')] });
    }
    const sqlite = core.ctx.conn.sqlite;
    const scope = { year: 2024, unitIds: null, noUnitId: 'none' };
    const years = (loaded: ReturnType<typeof cachedHistories>, id: string) => loaded.people.find((p) => p.personId === id)!.years;
    const first = cachedHistories(sqlite, scope);
    expect(years(first, ids.A)).toBe(years(first, ids.B));
    expect(Object.isFrozen(years(first, ids.A))).toBe(true);
    expect(years(first, ids.A)).toEqual({ 2022: { rating: 'HTTNV' }, 2023: { rating: 'HTTNV' }, 2024: { rating: 'HTTNV' } });

    // B's 2023 rating changed: B's years are read again into an object of B's own, A's stay as they were
    await core.invoke('records.saveYearGrid', { unitId: units.vp, year: 2023, rows: [row(ids.B, 'HTXSNV')] });
    const after = cachedHistories(sqlite, scope);
    expect(years(after, ids.A)).toBe(years(first, ids.A));
    expect(years(after, ids.A)).toEqual({ 2022: { rating: 'HTTNV' }, 2023: { rating: 'HTTNV' }, 2024: { rating: 'HTTNV' } });
    expect(years(after, ids.B)).toEqual({ 2022: { rating: 'HTTNV' }, 2023: { rating: 'HTXSNV' }, 2024: { rating: 'HTTNV' } });
    expect(loadHistories(sqlite, scope).people.find((p) => p.personId === ids.B)!.years).toEqual(years(after, ids.B));
    core.close();
  });

  it('the report is checked against the awards schemas before it is sent', async () => {
    const { core } = await historyOffice();
    await core.invoke('records.importApply', { fileName: 'x.xlsx', fileBase64: b64(await historyWorkbook(GOOD_ROWS)) });
    const loaded = loadHistories(core.ctx.conn.sqlite, { year: 2024, unitIds: null, noUnitId: 'none' });
    const report = checkEligibility({ year: 2024, people: loaded.people, units: loaded.units });
    expect(() => validateReport(report)).not.toThrow();
    const broken = { ...report, people: [{ ...report.people[0]!, candidates: [{ ...report.people[0]!.candidates[0]!, verdict: 'maybe' as never }] }] };
    expect(() => validateReport(broken)).toThrow(/Kết quả kiểm tra điều kiện không đúng cấu trúc/);
    core.close();
  });

  // 5,000 people by default (figures printed); TDKT_RECORDS_PERF=1 runs the office-sized 30,000
  it('an office-sized data set loads and checks quickly (figures printed, never asserted)', async () => {
    const core = await testCore({ today: '2025-03-01' });
    const sqlite = core.ctx.conn.sqlite;
    const PEOPLE = process.env.TDKT_RECORDS_PERF ? 30_000 : 6_000;
    const YEARS = 10;
    const { unitIds } = syntheticOffice(core, { people: PEOPLE, units: 60, years: YEARS });

    const t0 = performance.now();
    const loaded = loadHistories(sqlite, { year: 2024, unitIds: null, noUnitId: 'none' });
    const t1 = performance.now();
    const report = checkEligibility({ year: 2024, people: loaded.people, units: loaded.units });
    const t2 = performance.now();
    const valid = eligibilityReportSchema.safeParse(report).success;
    const t3a = performance.now();
    validateReport(report);
    const t3 = performance.now();
    const view = await core.invoke('eligibility.check', { year: 2024 });
    const t4 = performance.now();
    const sub = loadHistories(sqlite, { year: 2024, unitIds: subtreeOf(unitsLite(sqlite), unitIds[0]!), noUnitId: 'none' });
    const t5 = performance.now();
    const again = await core.invoke('eligibility.check', { year: 2024 });
    const t6 = performance.now();
    console.log(
      `[records perf] ${PEOPLE} people × ${YEARS} years: load ${(t1 - t0).toFixed(0)} ms; check ${(t2 - t1).toFixed(0)} ms; ` +
        `full schema parse ${(t3a - t2).toFixed(0)} ms, per distinct object ${(t3 - t3a).toFixed(0)} ms; eligibility.check end to end ${(t4 - t3).toFixed(0)} ms ` +
        `(${view.candidates.length} distinct candidates, ${view.items.length} distinct items, JSON ${(JSON.stringify(view).length / 1e6).toFixed(1)} MB); ` +
        `one subtree (${sub.people.length} people) ${(t5 - t4).toFixed(0)} ms; ` +
        `eligibility.check again ${(t6 - t5).toFixed(0)} ms (load ${again.timing.loadMs} ms, check ${again.timing.checkMs} ms)`,
    );
    expect(loaded.people).toHaveLength(PEOPLE);
    expect(Object.keys(loaded.people[0]!.years)).toHaveLength(YEARS);
    expect(valid).toBe(true);
    expect(view.people).toHaveLength(PEOPLE);
    expect(sub.people.length).toBe(PEOPLE / 6);
    core.close();
  }, 120_000);
});
