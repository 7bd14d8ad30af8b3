// What the fast record lists and statistics must still give: people in Vietnamese person order
// taken from the staff index (deleted people placed among the living), "achieved" read for the
// listed registrations only, recipient counts from an index, and award counts by the unit of
// that year from packed lists and a kept count.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { createCore } from '../../../electron/core/core';
import { disciplinesList, initiativesList, registrationsList } from '../../../electron/services/records/lists';
import { personNameRanks, staffIndex } from '../../../electron/services/staff/search-index';
import { newId } from '../../../db/ids';
import { compareViPersonName } from '../../../shared/text/vn';
import { testCore } from '../../support/core';

async function person(core: Core, fullName: string, unitId: string | null): Promise<string> {
  return (await core.invoke('staff.create', { fullName, unitId })).id;
}

/** A person_year row written straight to the table (unit and updated_at as given). */
function yearFact(core: Core, staffId: string, year: number, unitId: string | null, updatedAt = '2025-01-01T00:00:00.000Z'): void {
  core.ctx.conn.sqlite
    .prepare(`INSERT INTO person_year (id, origin_office_id, created_at, updated_at, staff_id, year, unit_id, rating) VALUES (?, ?, ?, ?, ?, ?, ?, 'HTTNV')`)
    .run(newId(), core.ctx.officeId, updatedAt, updatedAt, staffId, year, unitId);
}

/** Mark a decision deleted but not its recipients (as a merge from another office may leave it). */
function deleteDecisionRowOnly(core: Core, id: string): void {
  core.ctx.conn.sqlite.prepare("UPDATE award_decision SET deleted_at = '2025-01-01T00:00:00.000Z' WHERE id = ?").run(id);
}

// Given-name order differs from full-name order; "Án"/"An"/"Àn", "Dũng"/"Dung" and "Yến"/"Yên"
// differ only by a tone mark (equal to the collator), "Ân" and "Đ" are letters of their own.
const LIVE = ['Đặng Văn Đức', 'Vũ Văn Dũng', 'Trần Thị An', 'Nguyễn Văn Ân', 'Lê Văn Án', 'Lê Văn An', 'Phạm Thị Bình', 'Hoàng Văn Đạt'];
const DELETED = ['Lê Văn Àn', 'Bùi Thị Dung', 'Mai Văn Yên', 'Tạ Thị Xuân', 'Cao Văn Ánh'];
/**
 * Their titles, where the person order ties: the three "Lê Văn An"s compare equal, so the titles
 * decide — against the index's order of the two living ones, with the deleted one between.
 */
const TITLES: Record<string, string> = { 'Lê Văn An': 'Đề án A', 'Lê Văn Àn': 'Đề án B', 'Lê Văn Án': 'Đề án C' };
/** compareViPersonName order, ties by title */
const PERSON_ORDER = [
  'Lê Văn An',
  'Lê Văn Àn',
  'Lê Văn Án',
  'Trần Thị An',
  'Cao Văn Ánh',
  'Nguyễn Văn Ân',
  'Phạm Thị Bình',
  'Bùi Thị Dung',
  'Vũ Văn Dũng',
  'Hoàng Văn Đạt',
  'Đặng Văn Đức',
  'Tạ Thị Xuân',
  'Mai Văn Yên',
];
/** the same where no title decides: equal names stay in table order */
const ROW_ORDER = ['Lê Văn Án', 'Lê Văn An', 'Lê Văn Àn', ...PERSON_ORDER.slice(3)];

describe('record lists in person order', () => {
  it('puts deleted people among the living as compareViPersonName does, ties broken as before', async () => {
    const core = await testCore();
    const unit = (await core.invoke('units.create', { name: 'Phòng Tổ chức' })).id;
    const ids = new Map<string, string>();
    for (const name of [...LIVE, ...DELETED]) ids.set(name, await person(core, name, unit));
    for (const [name, id] of ids) {
      await core.invoke('records.saveInitiative', { data: { staffId: id, year: 2024, title: TITLES[name] ?? `Sáng kiến của ${name}`, scope: 'co_so' } });
      await core.invoke('records.saveDiscipline', { data: { staffId: id, form: 'khien_trach', fromDate: '01/03/2024', toDate: null } });
      await core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'person', staffId: id, awardCode: 'CSTDCS' } });
    }
    // an older initiative: years descending come first
    await core.invoke('records.saveInitiative', { data: { staffId: ids.get('Vũ Văn Dũng')!, year: 2023, title: 'Cũ', scope: 'co_so' } });
    await core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'unit', unitId: unit, awardCode: 'TT_LDTT' } });
    for (const name of DELETED) await core.invoke('staff.delete', { id: ids.get(name)! });

    const initiatives = await core.invoke('records.listInitiatives', {});
    expect(initiatives.map((i) => i.staffName)).toEqual([...PERSON_ORDER, 'Vũ Văn Dũng']);
    expect(initiatives.map((i) => i.staffId)).toEqual([...PERSON_ORDER, 'Vũ Văn Dũng'].map((n) => ids.get(n)));
    expect(initiatives.slice(0, 3).map((i) => i.title)).toEqual(['Đề án A', 'Đề án B', 'Đề án C']);
    // deleted people keep their names and units
    expect(initiatives.find((i) => i.staffName === 'Mai Văn Yên')?.unitName).toBe('Phòng Tổ chức');
    expect((await core.invoke('records.listDisciplines', { year: 2024 })).map((d) => d.staffName)).toEqual(ROW_ORDER);
    const regs = await core.invoke('records.listRegistrations', { year: 2024 });
    expect(regs.map((r) => r.name)).toEqual(['Phòng Tổ chức', ...ROW_ORDER]);
    // inside a transaction there is no index: the same lists from the table and a plain sort
    const sqlite = core.ctx.conn.sqlite;
    for (const [list, f] of [
      [initiativesList, {}],
      [disciplinesList, { year: 2024 }],
      [registrationsList, { year: 2024, search: 'le van' }],
    ] as const) {
      const filter = { year: null, unitId: null, search: '', ...f };
      expect(sqlite.transaction(() => list(sqlite, filter))()).toEqual(list(sqlite, filter));
    }
    // search without diacritics reaches deleted people too
    expect((await core.invoke('records.listInitiatives', { search: 'le van an' })).map((i) => i.title)).toEqual(['Đề án A', 'Đề án B', 'Đề án C']);
    expect((await core.invoke('records.listRegistrations', { search: 'dung' })).map((r) => r.name)).toEqual(['Bùi Thị Dung', 'Vũ Văn Dũng']);

    // a rename patches the staff index in place: the order follows it
    await core.invoke('staff.update', { id: ids.get('Phạm Thị Bình')!, data: { fullName: 'Phạm Thị Yến', unitId: unit } });
    ids.set('Phạm Thị Yến', ids.get('Phạm Thị Bình')!);
    const renamed = ROW_ORDER.filter((n) => n !== 'Phạm Thị Bình').concat('Phạm Thị Yến');
    const after = await core.invoke('records.listDisciplines', {});
    expect(after.map((d) => [d.staffName, d.staffId])).toEqual(renamed.map((n) => [n, ids.get(n)]));
    core.close();
  });

  it('ranks equal exactly where compareViPersonName is 0, with or without the index', async () => {
    const core = await testCore();
    const ids = new Map<string, string>();
    for (const name of LIVE) ids.set(name, await person(core, name, null));
    const idx = staffIndex(core.ctx.conn.sqlite)!;
    // live people (by id), deleted ones and units (no id), one id with a name the index does not hold
    const names = [...DELETED, ...LIVE, 'Phòng Kế hoạch', 'an', 'Zơ', '', 'Lê   Văn Án'].reverse();
    const idsOf = names.map((n) => ids.get(n) ?? null);
    idsOf[names.indexOf('Zơ')] = ids.get('Trần Thị An')!;
    for (const ranks of [personNameRanks(idx, idsOf, names), personNameRanks(null, idsOf, names)]) {
      for (let i = 0; i < names.length; i++) {
        for (let j = 0; j < names.length; j++) {
          expect(Math.sign(ranks[i]! - ranks[j]!), `${names[i]} / ${names[j]}`).toBe(Math.sign(compareViPersonName(names[i]!, names[j]!)));
        }
      }
    }
    core.close();
  });
});

describe('registrations: achieved', () => {
  it('only by a live recipient of a live decision of the same year and title', async () => {
    const core = await testCore();
    const a = (await core.invoke('units.create', { name: 'Phòng A' })).id;
    const b = (await core.invoke('units.create', { name: 'Phòng B' })).id;
    const [p1, p2, p3] = [await person(core, 'Nguyễn Văn An', a), await person(core, 'Trần Văn Bình', a), await person(core, 'Lê Thị Cúc', b)];
    const reg = (year: number, staffId: string, awardCode: 'CSTDCS' | 'LDTT') => core.invoke('records.saveRegistration', { data: { year, kind: 'person', staffId, awardCode } });
    await reg(2024, p1, 'CSTDCS'); // recorded
    await reg(2024, p2, 'CSTDCS'); // removed from the decision
    await reg(2024, p1, 'LDTT'); // recorded for 2023 only
    await reg(2024, p2, 'LDTT'); // the decision deleted
    await reg(2024, p3, 'LDTT'); // recorded
    await reg(2023, p3, 'CSTDCS'); // recorded
    await core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'unit', unitId: a, awardCode: 'TT_LDTT' } });
    await core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'unit', unitId: b, awardCode: 'TT_LDTT' } });

    const cstdcs = await core.invoke('records.saveDecision', {
      data: { year: 2024, awardCode: 'CSTDCS', recipients: [{ kind: 'person', staffId: p1 }, { kind: 'person', staffId: p2 }] },
    });
    await core.invoke('records.saveDecision', {
      id: cstdcs.id,
      data: { year: 2024, awardCode: 'CSTDCS', recipients: [{ id: cstdcs.recipients[0]!.id, kind: 'person', staffId: p1 }] },
    });
    await core.invoke('records.saveDecision', { data: { year: 2023, awardCode: 'LDTT', recipients: [{ kind: 'person', staffId: p1 }] } });
    // a decision deleted while its recipients were not (as a merge from another office may leave it)
    const merged = await core.invoke('records.saveDecision', { data: { year: 2024, awardCode: 'LDTT', recipients: [{ kind: 'person', staffId: p1 }] } });
    deleteDecisionRowOnly(core, merged.id);
    const gone = await core.invoke('records.saveDecision', { data: { year: 2024, awardCode: 'LDTT', recipients: [{ kind: 'person', staffId: p2 }] } });
    await core.invoke('records.deleteDecision', { id: gone.id });
    await core.invoke('records.saveDecision', { data: { year: 2024, awardCode: 'LDTT', recipients: [{ kind: 'person', staffId: p3 }] } });
    await core.invoke('records.saveDecision', { data: { year: 2023, awardCode: 'CSTDCS', recipients: [{ kind: 'person', staffId: p3 }] } });
    await core.invoke('records.saveDecision', { data: { year: 2024, awardCode: 'TT_LDTT', recipients: [{ kind: 'unit', unitId: a }] } });

    const expected = [
      [2024, 'Phòng A', 'TT_LDTT', true],
      [2024, 'Phòng B', 'TT_LDTT', false],
      [2024, 'Nguyễn Văn An', 'CSTDCS', true],
      [2024, 'Nguyễn Văn An', 'LDTT', false],
      [2024, 'Trần Văn Bình', 'CSTDCS', false],
      [2024, 'Trần Văn Bình', 'LDTT', false],
      [2024, 'Lê Thị Cúc', 'LDTT', true],
      [2023, 'Lê Thị Cúc', 'CSTDCS', true],
    ];
    const shown = (list: Array<{ year: number; name: string; awardCode: string; achieved: boolean }>) =>
      list.map((r) => [r.year, r.name, r.awardCode, r.achieved]).sort((x, y) => Number(y[0]) - Number(x[0]) || 0);
    expect(shown(await core.invoke('records.listRegistrations', {}))).toEqual(expected);
    expect(shown(await core.invoke('records.listRegistrations', { year: 2024 }))).toEqual(expected.slice(0, 7));
    expect(shown(await core.invoke('records.listRegistrations', { unitId: b }))).toEqual([expected[1], expected[6], expected[7]]);
    expect(shown(await core.invoke('records.listRegistrations', { search: 'cuc' }))).toEqual([expected[6], expected[7]]);
    // saving one answers it too
    const again = await core.invoke('records.saveRegistration', { data: { year: 2023, kind: 'person', staffId: p1, awardCode: 'LDTT' } });
    expect(again.achieved).toBe(true);
    core.close();
  });
});

describe('decisions: recipient counts', () => {
  it('count live recipients only, people and units', async () => {
    const core = await testCore();
    const a = (await core.invoke('units.create', { name: 'Phòng A' })).id;
    const people = [await person(core, 'Nguyễn Văn An', a), await person(core, 'Trần Văn Bình', a), await person(core, 'Lê Thị Cúc', a)];
    const d = await core.invoke('records.saveDecision', {
      data: { number: '12/QĐ', year: 2024, awardCode: 'GIAY_KHEN', recipients: [...people.map((staffId) => ({ kind: 'person' as const, staffId })), { kind: 'unit', unitId: a }] },
    });
    expect(d.recipientCount).toBe(4);
    // drop the second person: the row stays, deleted
    const kept = d.recipients.filter((r) => r.staffId !== people[1]);
    await core.invoke('records.saveDecision', {
      id: d.id,
      data: { number: '12/QĐ', year: 2024, awardCode: 'GIAY_KHEN', recipients: kept.map((r) => ({ id: r.id, kind: r.kind, staffId: r.staffId, unitId: r.unitId })) },
    });
    const gone = await core.invoke('records.saveDecision', { data: { number: '13/QĐ', year: 2024, awardCode: 'LDTT', recipients: [{ kind: 'person', staffId: people[0]! }] } });
    await core.invoke('records.deleteDecision', { id: gone.id });
    const other = await core.invoke('records.saveDecision', { data: { number: '14/QĐ', year: 2023, awardCode: 'LDTT', recipients: [{ kind: 'person', staffId: people[2]! }] } });
    expect(core.ctx.conn.sqlite.prepare('SELECT COUNT(*) FROM award_recipient WHERE decision_id = ?').pluck().get(d.id)).toBe(4);

    const counts = (list: Array<{ id: string; recipientCount: number }>) => list.map((x) => [x.id, x.recipientCount]);
    expect(counts(await core.invoke('records.listDecisions', {}))).toEqual([
      [d.id, 3],
      [other.id, 1],
    ]);
    expect(counts(await core.invoke('records.listDecisions', { year: 2024 }))).toEqual([[d.id, 3]]);
    expect((await core.invoke('records.getDecision', { id: d.id })).recipientCount).toBe(3);
    core.close();
  });
});

describe('statistics by the unit of that year', () => {
  /**
   * Two top units with sub-units. S1 moved (2023 recorded in C1, 2024 none: C2 now); S2 has two
   * 2023 rows (the later one, C2, counts) and a 2024 row without a unit (C3 now); S3 was deleted
   * (C1); S4's award was withdrawn; S5 has no unit at all; one decision's row alone is deleted.
   */
  async function office() {
    const core = await testCore();
    const unit = async (name: string, parentId: string | null = null) => (await core.invoke('units.create', { name, parentId })).id;
    const t1 = await unit('Khối Văn phòng');
    const t2 = await unit('Khối Sự nghiệp');
    const c1 = await unit('Phòng Tổ chức', t1);
    const c2 = await unit('Phòng Kế hoạch', t1);
    const c3 = await unit('Trung tâm Dịch vụ', t2);
    const s = [await person(core, 'Nguyễn Văn An', c2), await person(core, 'Trần Văn Bình', c3), await person(core, 'Lê Thị Cúc', c1), await person(core, 'Phạm Văn Dũng', c1), await person(core, 'Hoàng Thị Em', null)];
    yearFact(core, s[0]!, 2023, c1);
    yearFact(core, s[1]!, 2023, c2, '2025-06-01T00:00:00.000Z');
    yearFact(core, s[1]!, 2023, c1, '2024-06-01T00:00:00.000Z');
    yearFact(core, s[1]!, 2024, null);
    const people = (ids: string[]) => ids.map((staffId) => ({ kind: 'person' as const, staffId }));
    await core.invoke('records.saveDecision', { data: { year: 2023, awardCode: 'LDTT', recipients: people([s[0]!, s[1]!]) } });
    const ldtt = await core.invoke('records.saveDecision', { data: { year: 2024, awardCode: 'LDTT', recipients: people([s[0]!, s[1]!, s[2]!, s[3]!, s[4]!]) } });
    await core.invoke('records.saveDecision', {
      id: ldtt.id,
      data: { year: 2024, awardCode: 'LDTT', recipients: ldtt.recipients.filter((r) => r.staffId !== s[3]).map((r) => ({ id: r.id, kind: r.kind, staffId: r.staffId })) },
    });
    await core.invoke('records.saveDecision', { data: { year: 2024, awardCode: 'TT_LDTT', recipients: [{ kind: 'unit', unitId: c3 }] } });
    await core.invoke('records.saveDecision', { data: { year: 2024, otherForm: 'Kỷ niệm chương', recipients: people([s[0]!]) } });
    deleteDecisionRowOnly(core, (await core.invoke('records.saveDecision', { data: { year: 2024, awardCode: 'LDTT', recipients: people([s[0]!]) } })).id);
    await core.invoke('staff.delete', { id: s[2]! });
    return { core, t1, c1, s };
  }
  const rows = (stats: Array<{ year: number; unitName: string; formLabel: string; count: number }>) => stats.map((r) => [r.year, r.unitName, r.formLabel, r.count]);

  it('counts people under the unit recorded for the year (else their unit now), units under themselves', async () => {
    const { core, t1 } = await office();
    expect(rows(await core.invoke('records.stats', { yearFrom: 2022, yearTo: 2024 }))).toEqual([
      [2023, 'Khối Văn phòng', 'LĐTT', 2],
      [2024, 'Chưa xếp đơn vị', 'LĐTT', 1],
      [2024, 'Khối Sự nghiệp', 'LĐTT', 1],
      [2024, 'Khối Sự nghiệp', 'Tập thể LĐTT', 1],
      [2024, 'Khối Văn phòng', 'Kỷ niệm chương', 1],
      [2024, 'Khối Văn phòng', 'LĐTT', 2],
    ]);
    // within one top unit: grouped under its sub-units, the rest left out
    expect(rows(await core.invoke('records.stats', { yearFrom: 2024, yearTo: 2023, unitId: t1 }))).toEqual([
      [2023, 'Phòng Kế hoạch', 'LĐTT', 1],
      [2023, 'Phòng Tổ chức', 'LĐTT', 1],
      [2024, 'Phòng Kế hoạch', 'Kỷ niệm chương', 1],
      [2024, 'Phòng Kế hoạch', 'LĐTT', 1],
      [2024, 'Phòng Tổ chức', 'LĐTT', 1],
    ]);
    core.close();
  });

  it('what is kept between calls follows every write, from this connection or another', async () => {
    const { core, c1, s } = await office();
    const first = await core.invoke('records.stats', { yearFrom: 2024, yearTo: 2024 });
    // a range around a year already counted: that year once, not twice
    const wider = await core.invoke('records.stats', { yearFrom: 2023, yearTo: 2025 });
    expect(wider.filter((r) => r.year === 2024)).toEqual(first);
    expect(wider.reduce((n, r) => n + r.count, 0)).toBe(8);

    // S1's 2024 unit recorded afterwards (straight to the table): counted under it at once
    yearFact(core, s[0]!, 2024, c1);
    const moved = await core.invoke('records.stats', { yearFrom: 2023, yearTo: 2025 });
    expect(moved.find((r) => r.year === 2024 && r.formLabel === 'Kỷ niệm chương')?.unitName).toBe('Khối Văn phòng');
    const t1Only = await core.invoke('records.stats', { yearFrom: 2024, yearTo: 2024, unitId: moved.find((r) => r.unitName === 'Khối Văn phòng')!.unitId });
    expect(rows(t1Only)).toEqual([
      [2024, 'Phòng Tổ chức', 'Kỷ niệm chương', 1],
      [2024, 'Phòng Tổ chức', 'LĐTT', 2],
    ]);

    // another connection (the CLI, a second window) adds an award
    const other = await createCore({ dbPath: core.ctx.conn.path, host: 'test' });
    await other.invoke('records.saveDecision', { data: { year: 2025, awardCode: 'LDTT', recipients: [{ kind: 'person', staffId: s[1]! }] } });
    other.close();
    expect(rows((await core.invoke('records.stats', { yearFrom: 2023, yearTo: 2025 })).filter((r) => r.year === 2025))).toEqual([[2025, 'Khối Sự nghiệp', 'LĐTT', 1]]);
    core.close();
  });
});
