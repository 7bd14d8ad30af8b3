// The core's in-memory staff search index answers exactly what SQL (+ the lists' search rule,
// matchesQuery, for several words) and the Vietnamese sort answer, and notices every kind of change: its own handlers, the bulk import path,
// raw SQL on the same connection, another connection (the CLI), a restore.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Core } from '../../../electron/core/core';
import { bulkInsertStaff, queryStaff } from '../../../db/repositories/staff';
import { subtreeIds } from '../../../db/repositories/units';
import { findStaff, toStaff } from '../../../electron/api/staff';
import { makeStaffIndexReady, staffIndexState, warmUpStaffIndex } from '../../../electron/services/staff/search-index';
import { createCore } from '../../../electron/core/core';
import { createBackup } from '../../../electron/services/backup';
import { compareViPersonName, foldQuery, foldVi, matchesQuery } from '../../../shared/text/vn';
import { generateDataset } from '../../../bench/dataset';
import { insertUnits } from '../../../bench/populate';
import { testCore } from '../../support/core';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

type Filter = { search?: string; unitId?: string | null; status?: 'all' | 'dang_cong_tac' | 'nghi_huu' };

/** The answer without the index: SQL, then the collator sort. */
async function reference(core: Core, f: Filter) {
  const unitIds = f.unitId ? await subtreeIds(core.ctx.db, f.unitId) : null;
  const rows = await queryStaff(core.ctx.db, { searchKey: foldVi(f.search ?? ''), unitIds, status: f.status === 'all' ? null : (f.status ?? 'dang_cong_tac') });
  return rows.map(toStaff).sort((a, b) => compareViPersonName(a.fullName, b.fullName));
}

/** Same people, same order (people with equal names may swap: ties have no defined order). */
async function expectSame(core: Core, f: Filter) {
  const got = (await core.invoke('staff.list', { search: f.search ?? '', unitId: f.unitId ?? null, status: f.status ?? 'dang_cong_tac' })).rows;
  const want = await reference(core, f);
  expect(got.map((s) => s.fullName)).toEqual(want.map((s) => s.fullName));
  const byId = (list: typeof got) => new Map(list.map((s) => [s.id, s]));
  expect(byId(got)).toEqual(byId(want));
}

async function populated(n = 3000) {
  const core = await testCore();
  cores.push(core);
  const ds = generateDataset({ staff: n, seed: 7 });
  const staff = await insertUnits(core, ds);
  bulkInsertStaff(core.ctx.conn.sqlite, core.ctx.officeId, staff);
  return { core, ds };
}

describe('staff search index', () => {
  it('typing letter by letter (each query narrowing the last), deleting, and typing on after an edit all answer like SQL', async () => {
    const { core } = await populated();
    const typed = 'nguyen thi thu';
    for (let n = 1; n <= typed.length; n++) await expectSame(core, { search: typed.slice(0, n) });
    // changing a filter mid-way keeps answering right (the narrowing is before the filters)
    await expectSame(core, { search: 'nguyen thi', status: 'all' });
    await expectSame(core, { search: 'nguyen thi th', status: 'nghi_huu' });
    // backspace: a shorter query is not a narrowing
    for (let n = typed.length; n >= 1; n--) await expectSame(core, { search: typed.slice(0, n) });
    // a name that matches appears while typing on, after it was added mid-query
    await expectSame(core, { search: 'tran' });
    await core.invoke('staff.create', { fullName: 'Trần Văn Zũng' });
    await expectSame(core, { search: 'tran v' });
    await expectSame(core, { search: 'tran van z' });
    expect((await core.invoke('staff.list', { search: 'tran van zu' })).rows.map((s) => s.fullName)).toEqual(['Trần Văn Zũng']);
  });

  it('answers like SQL LIKE + the Vietnamese sort, for fragments, names, filters', async () => {
    const { core, ds } = await populated();
    const units = await core.invoke('units.list', {});
    const queries = [...ds.queries.slice(0, 60), '', 'nguyen van', 'Nguyễn Văn', 'đ', 'd', 'thi thu', 'zz', '%', '_', 'a b'];
    for (const search of queries) await expectSame(core, { search });
    for (const search of ['', 'ng', 'hùng']) {
      await expectSame(core, { search, status: 'all' });
      await expectSame(core, { search, status: 'nghi_huu' });
      await expectSame(core, { search, unitId: units[0]!.id });
      await expectSame(core, { search, unitId: units[5]!.id, status: 'all' });
    }
  });

  it('built ahead by the hosts\' warm-up, it answers like SQL; a write after the warm-up is seen', async () => {
    const { core } = await populated(800);
    warmUpStaffIndex(core.ctx.conn.sqlite);
    for (const search of ['', 'ng', 'thi', 'nguyen van']) await expectSame(core, { search });
    await core.invoke('staff.create', { fullName: 'Ngô Thì Nhậm' });
    await expectSame(core, { search: 'ngo thi' });
  });

  it('built in slices as the hosts start: calls are answered between them, a search finishes it, a write meanwhile leaves it stale', async () => {
    const { core } = await populated(9000);
    const sqlite = core.ctx.conn.sqlite;
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    const inTurns = () => {
      let pauses = 0;
      const done = makeStaffIndexReady(sqlite, async () => {
        pauses++;
        await turn();
      });
      return { done, pauses: () => pauses, untilPauses: async (n: number) => { while (pauses < n) await turn(); } };
    };

    // left alone: several slices (9,000 rows are three reads, then the order and the lists)
    let run = inTurns();
    await run.untilPauses(2);
    expect(staffIndexState(sqlite)).toEqual({ building: true, ready: false });
    // another call meanwhile is answered between slices without finishing the build
    expect((await core.invoke('units.list', {})).length).toBeGreaterThan(0);
    expect(staffIndexState(sqlite).building).toBe(true);
    await run.done;
    expect(run.pauses()).toBeGreaterThanOrEqual(6);
    expect(staffIndexState(sqlite)).toEqual({ building: false, ready: true });
    for (const search of ['', 'ng', 'nguyen thi', 'hùng']) await expectSame(core, { search });

    // a search during the slices finishes the build at once and answers right
    await core.invoke('staff.create', { fullName: 'Lê Văn Hưu' });
    sqlite.prepare("UPDATE staff SET status = 'nghi_huu' WHERE rowid % 7 = 0").run();
    run = inTurns();
    await run.untilPauses(2);
    await expectSame(core, { search: 'le van' });
    expect(staffIndexState(sqlite)).toEqual({ building: false, ready: true });
    await run.done;
    const pausesThen = run.pauses();
    await turn();
    expect(run.pauses()).toBe(pausesThen);
    await expectSame(core, { search: 'th', status: 'nghi_huu' });

    // a build started while one is under way (after an import) replaces it
    sqlite.prepare("UPDATE staff SET note = 'y' WHERE rowid = 3").run();
    const replaced = inTurns();
    await replaced.untilPauses(2);
    sqlite.prepare("UPDATE staff SET full_name = 'Vũ Quỳnh', name_key = 'vu quynh' WHERE rowid = 4").run();
    run = inTurns();
    await replaced.done;
    const replacedAt = replaced.pauses();
    await run.done;
    expect(replaced.pauses()).toBe(replacedAt);
    expect(staffIndexState(sqlite)).toEqual({ building: false, ready: true });
    await expectSame(core, { search: 'vu quynh' });

    // a write through a handler, or by another connection, while the slices read: what they
    // built is dropped, and the next search reads the table again
    for (const write of [
      () => core.invoke('staff.create', { fullName: 'Ngô Sĩ Liên' }),
      async () => {
        const other = new Database(core.ctx.conn.path);
        other.prepare("UPDATE staff SET full_name = 'Phan Phu Tiên', name_key = 'phan phu tien' WHERE rowid = 1").run();
        other.close();
      },
    ]) {
      sqlite.prepare("UPDATE staff SET note = 'x' WHERE rowid = 2").run(); // the kept index is stale
      run = inTurns();
      await run.untilPauses(2);
      await write();
      await run.done;
      expect(staffIndexState(sqlite)).toEqual({ building: false, ready: false });
      await expectSame(core, { search: 'ngo si' });
      await expectSame(core, { search: 'phan phu' });
      await expectSame(core, { search: 'an' });
    }
  });

  it('a host core starts building it as it opens, before any call and long before its idle warm-up, and again after a restore', async () => {
    const { core } = await populated(6000);
    const dbPath = core.ctx.conn.path;
    core.close();
    cores.pop();
    const host = await createCore({ dbPath, host: 'test', warmUp: { delayMs: 60_000 } });
    cores.push(host);
    const sqlite = host.ctx.conn.sqlite;
    expect(staffIndexState(sqlite).ready).toBe(false);
    for (let i = 0; i < 200 && !staffIndexState(sqlite).ready; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(staffIndexState(sqlite)).toEqual({ building: false, ready: true });
    await expectSame(host, { search: 'ng' });

    // a restore opens another file: the host builds its index again, without a call
    const b = await createBackup(host.ctx, { reason: 'manual' });
    await host.invoke('backup.restore', { path: b.path });
    expect(staffIndexState(host.ctx.conn.sqlite).ready).toBe(false);
    for (let i = 0; i < 200 && !staffIndexState(host.ctx.conn.sqlite).ready; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(staffIndexState(host.ctx.conn.sqlite)).toEqual({ building: false, ready: true });
    await expectSame(host, { search: 'th' });
  });

  it('windows (offset, limit) are slices of the whole answer; long queries match only whole fragments', async () => {
    const { core } = await populated();
    for (const search of ['', 'an', 'nguyen thi', 'thi thu h', 'van an ']) {
      const whole = await core.invoke('staff.list', { search });
      expect(whole.rows.length).toBe(whole.total);
      for (const [offset, limit] of [[0, 200], [150, 100], [whole.total - 3, 200], [whole.total + 5, 10]] as const) {
        const w = await core.invoke('staff.list', { search, offset: Math.max(0, offset), limit });
        expect(w.total).toBe(whole.total);
        expect(w.rows.map((s) => s.id)).toEqual(whole.rows.slice(Math.max(0, offset), Math.max(0, offset) + limit).map((s) => s.id));
      }
    }
    // every 3-letter fragment of "an th" occurs somewhere, yet only names holding it or its
    // words at the start of words match
    await expectSame(core, { search: 'an th' });
    await expectSame(core, { search: 'thi thu ha' });
    // several words, in any order: as typed, or each at the start of a word of the name
    for (const search of ['an nguyen', 'nguyen an', 'h t', 'thu thi ha']) {
      await expectSame(core, { search });
      const all = (await core.invoke('staff.list', { search: '', status: 'all' })).rows;
      const q = foldQuery(search);
      const want = all.filter((s) => matchesQuery(foldVi(s.fullName), q) && s.status === 'dang_cong_tac').map((s) => s.id).sort();
      expect((await core.invoke('staff.list', { search })).rows.map((s) => s.id).sort(), search).toEqual(want);
    }
    // the given name first finds Nguyễn … An, not the Nguyễn whose names only hold "an" inside a word
    const an = (await core.invoke('staff.list', { search: 'an nguyen', status: 'all' })).rows.map((s) => s.fullName);
    expect(an.some((name) => /^Nguyễn .*\bAn$/u.test(name))).toBe(true);
    expect(an.filter((name) => /^Nguyễn/.test(name) && !foldVi(name).split(' ').some((w) => w.startsWith('an')))).toEqual([]);
    expect((await core.invoke('staff.list', { search: 'nguyen', status: 'all' })).rows.some((s) => !foldVi(s.fullName).split(' ').some((w) => w.startsWith('an')) && foldVi(s.fullName).includes('an'))).toBe(true);
    // an office no one belongs to matches no one
    expect((await core.invoke('staff.list', { search: 'an', officeId: 'khong-co' })).total).toBe(0);
  });

  it('sees changes by its own handlers, the import path, raw SQL and other connections', async () => {
    const { core } = await populated(500);
    await expectSame(core, { search: 'ng' });

    const a = await core.invoke('staff.create', { fullName: 'Ông Ích Khiêm' });
    expect((await core.invoke('staff.list', { search: 'ong ich khiem' })).rows.map((s) => s.id)).toEqual([a.id]);
    await core.invoke('staff.update', { id: a.id, data: { fullName: 'Ông Ích Đường', status: 'nghi_huu' } });
    expect((await core.invoke('staff.list', { search: 'ong ich khiem' })).total).toBe(0);
    expect((await core.invoke('staff.list', { search: 'ong ich duong', status: 'nghi_huu' })).rows[0]?.fullName).toBe('Ông Ích Đường');
    await core.invoke('staff.delete', { id: a.id });
    expect((await core.invoke('staff.list', { search: 'ong ich duong', status: 'all' })).total).toBe(0);
    await expectSame(core, { search: 'an', status: 'all' });

    bulkInsertStaff(core.ctx.conn.sqlite, core.ctx.officeId, [
      { fullName: 'Nguyễn Ái Quốc', nameKey: foldVi('Nguyễn Ái Quốc'), gender: 'nam', birthDate: null, unitId: null, position: '', category: null, isLeader: false, employmentStart: null, employmentEnd: null, status: 'dang_cong_tac', note: '' },
    ]);
    expect((await core.invoke('staff.list', { search: 'ai quoc' })).total).toBe(1);

    core.ctx.conn.sqlite.prepare("UPDATE staff SET status = 'nghi_viec' WHERE name_key = ?").run('nguyen ai quoc');
    expect((await core.invoke('staff.list', { search: 'ai quoc' })).total).toBe(0);

    // another connection to the same file (the CLI while the app runs)
    const other = new Database(core.ctx.conn.path);
    other.prepare("UPDATE staff SET status = 'dang_cong_tac' WHERE name_key = ?").run('nguyen ai quoc');
    other.close();
    expect((await core.invoke('staff.list', { search: 'ai quoc' })).total).toBe(1);
    await expectSame(core, { search: 'th' });

    // a write rolled back leaves the answers right
    await core.ctx.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('staff').set({ status: 'nghi_viec' }).execute();
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await expectSame(core, { search: 'th' });

    // inside a transaction the answer comes from SQL
    const inTrx = await core.ctx.db.transaction().execute((trx) => findStaff({ ...core.ctx, db: trx }, { search: 'ai quoc', unitId: null, includeSubunits: true, status: 'dang_cong_tac', officeId: null }));
    expect(inTrx.map((s) => s.fullName)).toEqual(['Nguyễn Ái Quốc']);
  });

  it('follows a restore to the new connection', async () => {
    const { core } = await populated(300);
    await core.invoke('staff.create', { fullName: 'Trước Sao Lưu' });
    const b = await createBackup(core.ctx, { reason: 'manual' });
    await core.invoke('staff.create', { fullName: 'Sau Sao Lưu' });
    expect((await core.invoke('staff.list', { search: 'sao luu' })).total).toBe(2);
    await core.invoke('backup.restore', { path: b.path });
    expect((await core.invoke('staff.list', { search: 'sao luu' })).rows.map((s) => s.fullName)).toEqual(['Trước Sao Lưu']);
    await expectSame(core, { search: 'ng' });
  });

  it("the pickers' list (staff.choices): everyone in order, answered again only when the staff table changed", async () => {
    const { core } = await populated(400);
    const first = await core.invoke('staff.choices', {});
    const everyone = await reference(core, { status: 'all' });
    expect(first.rows!.map((r) => r[1])).toEqual(everyone.map((s) => s.fullName));
    expect(new Map(first.rows!.map((r) => [r[0], r]))).toEqual(new Map(everyone.map((s) => [s.id, [s.id, s.fullName, s.unitId, s.birthDate, s.status]])));
    expect(new Set(first.rows!.map((r) => r[4])).size).toBeGreaterThan(1); // every status, not only people at work

    // the version held: nothing to send
    expect(await core.invoke('staff.choices', { known: first.version })).toEqual({ version: first.version, rows: null });
    // … and a write to another table does not count
    await core.invoke('units.create', { name: 'Phòng Mới', parentId: null });
    expect((await core.invoke('staff.choices', { known: first.version })).rows).toBeNull();

    const changedBy = async (write: () => Promise<unknown> | unknown, known: string) => {
      await write();
      const r = await core.invoke('staff.choices', { known });
      expect(r.version).not.toBe(known);
      return r;
    };
    // a handler's write
    const added = await changedBy(() => core.invoke('staff.create', { fullName: 'Ông Ích Đường' }), first.version);
    expect(added.rows!.some((r) => r[1] === 'Ông Ích Đường')).toBe(true);
    // raw SQL on this connection (an import, a bundle applied)
    const renamed = await changedBy(() => core.ctx.conn.sqlite.prepare("UPDATE staff SET full_name = 'Ông Ích Khiêm' WHERE full_name = 'Ông Ích Đường'").run(), added.version);
    expect(renamed.rows!.some((r) => r[1] === 'Ông Ích Khiêm')).toBe(true);
    // another connection (the CLI while the app runs)
    const byOther = await changedBy(() => {
      const other = new Database(core.ctx.conn.path);
      other.prepare("UPDATE staff SET status = 'nghi_huu' WHERE full_name = 'Ông Ích Khiêm'").run();
      other.close();
    }, renamed.version);
    expect(byOther.rows!.find((r) => r[1] === 'Ông Ích Khiêm')![4]).toBe('nghi_huu');
    // a restore: another file, another connection
    const b = await createBackup(core.ctx, { reason: 'manual' });
    await core.invoke('staff.create', { fullName: 'Sau Sao Lưu' });
    const afterCreate = await core.invoke('staff.choices', {});
    await core.invoke('backup.restore', { path: b.path });
    const restored = await core.invoke('staff.choices', { known: afterCreate.version });
    expect(restored.rows!.some((r) => r[1] === 'Sau Sao Lưu')).toBe(false);
    expect(restored.rows!.some((r) => r[1] === 'Ông Ích Khiêm')).toBe(true);
  });

  it('returned rows cannot corrupt the index', async () => {
    const { core } = await populated(50);
    const rows = (await core.invoke('staff.list', {})).rows;
    expect(Object.isFrozen(rows[0])).toBe(true);
    rows.length = 0;
    expect((await core.invoke('staff.list', {})).total).toBeGreaterThan(0);
  });
});
