// Two offices send their units and staff to the province; edits, deletions and conflicts
// travel both ways; importing twice changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { applyPlan, bufferSource, planMerge } from '../../../electron/services/exchange';
import { OFFICE_A, OFFICE_B, dumpDb, exportBytes, makeOffice, makeProvince, sleep, src, staffByName } from './helpers';

const cores: Core[] = [];
const track = (c: Core) => (cores.push(c), c);
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function setup() {
  const a = track(await makeOffice(OFFICE_A));
  const b = track(await makeOffice(OFFICE_B));
  const p = track(await makeProvince());
  return { a, b, p };
}

async function importAll(p: Core, bytes: Uint8Array, resolveAll: 'local' | 'incoming' | null = null) {
  return p.invoke('exchange.apply', { ...src(bytes), resolveAll });
}

describe('exchange merge: office → province', () => {
  it('imports two offices: counts, contents and origin_office_id match; a second import changes nothing', async () => {
    const { a, b, p } = await setup();
    const bundleA = await exportBytes(a);
    const bundleB = await exportBytes(b);

    const info = await p.invoke('exchange.verify', src(bundleA, 'a.tdkt'));
    expect(info).toMatchObject({ kind: 'office-to-province', originOfficeId: a.ctx.officeId, originOfficeName: OFFICE_A.name, fileName: 'a.tdkt', formatVersion: 1 });
    expect(Object.fromEntries(info.counts.filter((c) => c.count > 0).map((c) => [c.entity, c.count]))).toEqual({ office: 1, unit: 3, staff: 3 });

    const preview = await p.invoke('exchange.preview', src(bundleA));
    expect(preview.alreadyAppliedAt).toBeNull();
    expect(preview.totals).toEqual({ new: 7, changed: 0, same: 0, conflict: 0, deleted: 0 });
    expect(preview.groups.map((g) => [g.entity, g.originOfficeName, g.new])).toEqual([
      ['office', OFFICE_A.name, 1],
      ['unit', OFFICE_A.name, 3],
      ['staff', OFFICE_A.name, 3],
    ]);

    const ra = await importAll(p, bundleA);
    expect(ra).toMatchObject({ alreadyApplied: false, written: 7 });
    const rb = await importAll(p, bundleB);
    expect(rb).toMatchObject({ alreadyApplied: false, written: 4 });

    // the province holds every staff member, with the sending office as origin
    const sql = p.ctx.conn.sqlite;
    const staffRows = sql.prepare('SELECT * FROM staff ORDER BY id').all() as Record<string, unknown>[];
    const aRows = a.ctx.conn.sqlite.prepare('SELECT * FROM staff ORDER BY id').all();
    const bRows = b.ctx.conn.sqlite.prepare('SELECT * FROM staff ORDER BY id').all();
    expect(staffRows).toEqual([...aRows, ...bRows].sort((x, y) => String((x as { id: string }).id).localeCompare((y as { id: string }).id)));
    expect(new Set(staffRows.map((r) => r.origin_office_id))).toEqual(new Set([a.ctx.officeId, b.ctx.officeId]));
    expect(sql.prepare('SELECT * FROM unit WHERE origin_office_id = ? ORDER BY id').all(a.ctx.officeId)).toEqual(
      a.ctx.conn.sqlite.prepare('SELECT * FROM unit ORDER BY id').all(),
    );
    const list = await p.invoke('staff.list', {});
    expect(list.total).toBe(5);
    // received offices are separate office rows; the province's own profile is untouched
    const offices = await p.invoke('exchange.offices');
    expect(offices.map((o) => o.name).sort()).toEqual([OFFICE_A.name, OFFICE_B.name].sort());
    expect((await p.invoke('office.get'))!.name).toBe('Sở Nội vụ tỉnh Lào Cai');
    expect(p.ctx.conn.sqlite.pragma('foreign_key_check')).toEqual([]);

    // importing the same bundle again: nothing changes
    const before = dumpDb(p);
    const again = await p.invoke('exchange.preview', src(bundleA));
    expect(again.alreadyAppliedAt).not.toBeNull();
    expect(again.totals).toMatchObject({ new: 0, changed: 0, conflict: 0, deleted: 0 });
    expect(await importAll(p, bundleA)).toMatchObject({ alreadyApplied: true, written: 0 });
    expect(dumpDb(p)).toEqual(before);

    // a fresh export of unchanged data is all "same" and writes no record
    const bundleA2 = await exportBytes(a);
    const r2 = await importAll(p, bundleA2);
    expect(r2).toMatchObject({ alreadyApplied: false, written: 0, totals: { new: 0, changed: 0, same: 7, conflict: 0, deleted: 0 } });
    const after = dumpDb(p);
    expect({ ...after, exchange_history: [] }).toEqual({ ...before, exchange_history: [] });

    const history = await p.invoke('exchange.history');
    expect(history.filter((h) => h.direction === 'in')).toHaveLength(3);
    expect(history[0]).toMatchObject({ direction: 'in', status: 'applied', originOfficeName: OFFICE_A.name, records: { staff: 3, unit: 3, office: 1 } });
    expect((await a.invoke('exchange.history')).every((h) => h.direction === 'out' && h.status === 'exported')).toBe(true);
  });

  it('an edit arrives as changed, a soft deletion travels, a new record is new', async () => {
    const { a, p } = await setup();
    await importAll(p, await exportBytes(a));
    const aStaff = await staffByName(a);
    await sleep(5);
    const an = aStaff.get('Nguyễn Văn An')!;
    await a.invoke('staff.update', { id: an.id, data: { ...an, position: 'Phó Chủ tịch' } });
    await a.invoke('staff.delete', { id: aStaff.get('Trần Thị Bích Ngọc')!.id });
    await a.invoke('staff.create', { fullName: 'Vũ Minh Khang', birthDate: '09/09/1999', unitId: an.unitId });

    const bundle = await exportBytes(a);
    const preview = await p.invoke('exchange.preview', src(bundle));
    expect(preview.totals).toEqual({ new: 1, changed: 1, same: 5, conflict: 0, deleted: 1 });
    expect(preview.groups.find((g) => g.entity === 'staff')).toMatchObject({ new: 1, changed: 1, deleted: 1, same: 1 });
    await importAll(p, bundle);

    const pStaff = await staffByName(p, 'dang_cong_tac');
    expect(pStaff.get('Nguyễn Văn An')!.position).toBe('Phó Chủ tịch');
    expect(pStaff.has('Trần Thị Bích Ngọc')).toBe(false);
    expect(pStaff.has('Vũ Minh Khang')).toBe(true);
    const tomb = p.ctx.conn.sqlite.prepare('SELECT deleted_at FROM staff WHERE id = ?').get(aStaff.get('Trần Thị Bích Ngọc')!.id) as { deleted_at: string | null };
    expect(tomb.deleted_at).not.toBeNull();
  });

  it('an older bundle imported after a newer one changes nothing', async () => {
    const { a, p } = await setup();
    const old = await exportBytes(a);
    const an = (await staffByName(a)).get('Nguyễn Văn An')!;
    await sleep(5);
    await a.invoke('staff.update', { id: an.id, data: { ...an, position: 'Mới' } });
    await importAll(p, await exportBytes(a));
    const preview = await p.invoke('exchange.preview', src(old));
    expect(preview.totals).toMatchObject({ changed: 0, conflict: 0, deleted: 0 });
    await importAll(p, old);
    expect((await staffByName(p)).get('Nguyễn Văn An')!.position).toBe('Mới');
  });

  it('an edit on both sides is a conflict: never overwritten without a choice', async () => {
    const { a, p } = await setup();
    await importAll(p, await exportBytes(a));
    const id = (await staffByName(a)).get('Lê Đức Thắng')!.id;
    await sleep(5);
    const pRow = await p.invoke('staff.get', { id });
    await p.invoke('staff.update', { id, data: { ...pRow, position: 'Sửa ở tỉnh' } });
    const aRow = await a.invoke('staff.get', { id });
    await a.invoke('staff.update', { id, data: { ...aRow, position: 'Sửa ở xã', note: 'ghi chú' } });

    const bundle = await exportBytes(a);
    const preview = await p.invoke('exchange.preview', src(bundle));
    expect(preview.totals.conflict).toBe(1);
    const c = preview.conflicts[0]!;
    expect(c).toMatchObject({ key: `staff:${id}`, entity: 'staff', title: 'Lê Đức Thắng, 01/07/1979', originOfficeName: OFFICE_A.name });
    expect(c.fields.find((f) => f.column === 'position')).toMatchObject({ local: 'Sửa ở tỉnh', incoming: 'Sửa ở xã', differs: true });
    expect(c.fields.find((f) => f.column === 'unit_id')).toMatchObject({ local: 'Phòng Văn hóa - Xã hội', differs: false });
    expect(c.fields.find((f) => f.column === 'full_name')!.differs).toBe(false);

    // no choice → refused, nothing written
    const before = dumpDb(p);
    const refused = await p.call('exchange.apply', src(bundle));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toContain('Còn 1 xung đột chưa chọn cách xử lý');
      expect(refused.error.message).toContain('Lê Đức Thắng');
    }
    expect(dumpDb(p)).toEqual(before);

    // keep local: the province's version stays
    const kept = await p.invoke('exchange.apply', { ...src(bundle), resolutions: [{ key: c.key, choice: 'local' }] });
    expect(kept).toMatchObject({ keptLocal: 1, tookIncoming: 0 });
    expect((await p.invoke('staff.get', { id })).position).toBe('Sửa ở tỉnh');

    // the province sends its decision back: the office, unchanged since, takes it
    const back = await exportBytes(p, 'province-to-office', a.ctx.officeId);
    const ap = await a.invoke('exchange.preview', src(back));
    expect(ap.info.kind).toBe('province-to-office');
    expect(ap.totals.conflict).toBe(0);
    expect(ap.groups.find((g) => g.entity === 'staff')).toMatchObject({ changed: 1, originOfficeId: a.ctx.officeId });
    expect(ap.groups.find((g) => g.entity === 'office')).toMatchObject({ new: 1, originOfficeName: 'Sở Nội vụ tỉnh Lào Cai' });
    await a.invoke('exchange.apply', src(back));
    expect((await a.invoke('staff.get', { id })).position).toBe('Sửa ở tỉnh');
    expect((await a.invoke('office.get'))!.name).toBe(OFFICE_A.name);

    // and the next upload from the office is plain "same" at the province
    const next = await p.invoke('exchange.preview', src(await exportBytes(a)));
    expect(next.totals).toMatchObject({ changed: 0, conflict: 0, new: 0, deleted: 0 });
  });

  it('a conflict resolved by taking the incoming version; --take-incoming style resolveAll', async () => {
    const { a, p } = await setup();
    await importAll(p, await exportBytes(a));
    const id = (await staffByName(a)).get('Nguyễn Văn An')!.id;
    await sleep(5);
    await p.invoke('staff.update', { id, data: { ...(await p.invoke('staff.get', { id })), position: 'Tỉnh' } });
    await a.invoke('staff.delete', { id });
    const bundle = await exportBytes(a);
    const preview = await p.invoke('exchange.preview', src(bundle));
    expect(preview.conflicts).toHaveLength(1);
    expect(preview.conflicts[0]).toMatchObject({ localDeleted: false, incomingDeleted: true });
    const r = await importAll(p, bundle, 'incoming');
    expect(r).toMatchObject({ tookIncoming: 1, keptLocal: 0 });
    expect((await staffByName(p, 'dang_cong_tac')).has('Nguyễn Văn An')).toBe(false);
  });

  it('the province edits, the office did not: the return bundle updates the office; the office edits on top and the province takes it', async () => {
    const { a, p } = await setup();
    await importAll(p, await exportBytes(a));
    const unit = (await p.invoke('units.list', {})).find((u) => u.name === 'Bộ phận một cửa')!;
    await sleep(5);
    await p.invoke('units.update', { ...unit, name: 'Bộ phận Một cửa', code: 'MC' });
    await a.invoke('exchange.apply', src(await exportBytes(p, 'province-to-office', a.ctx.officeId)));
    const aUnit = (await a.invoke('units.list', {})).find((u) => u.id === unit.id)!;
    expect(aUnit).toMatchObject({ name: 'Bộ phận Một cửa', code: 'MC' });
    await sleep(5);
    await a.invoke('units.update', { ...aUnit, note: 'Thêm ghi chú ở xã' });
    const pv = await p.invoke('exchange.preview', src(await exportBytes(a)));
    expect(pv.totals).toMatchObject({ changed: 1, conflict: 0 });
  });

  it('a return bundle carries what its rows reference (a province unit an office staff member moved to)', async () => {
    const { a, p } = await setup();
    await importAll(p, await exportBytes(a));
    const provUnit = await p.invoke('units.create', { name: 'Phòng Thi đua - Khen thưởng' });
    const child = await p.invoke('units.create', { name: 'Tổ tổng hợp', parentId: provUnit.id });
    const id = (await staffByName(a)).get('Nguyễn Văn An')!.id;
    await sleep(5);
    await p.invoke('staff.update', { id, data: { ...(await p.invoke('staff.get', { id })), unitId: child.id } });
    const back = await exportBytes(p, 'province-to-office', a.ctx.officeId);
    const pv = await a.invoke('exchange.preview', src(back));
    expect(pv.groups.find((g) => g.entity === 'unit' && g.originOfficeId === p.ctx.officeId)).toMatchObject({ new: 2 });
    expect(pv.groups.find((g) => g.entity === 'staff')).toMatchObject({ changed: 1 });
    await a.invoke('exchange.apply', src(back));
    expect((await a.invoke('staff.get', { id })).unitId).toBe(child.id);
    expect(a.ctx.conn.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('a full bundle carries every office; preview groups by origin office', async () => {
    const { a, b, p } = await setup();
    await importAll(p, await exportBytes(a));
    await importAll(p, await exportBytes(b));
    const p2 = track(await makeProvince());
    const full = await exportBytes(p, 'full');
    const preview = await p2.invoke('exchange.preview', src(full));
    const staffGroups = preview.groups.filter((g) => g.entity === 'staff').map((g) => [g.originOfficeName, g.new]);
    expect(staffGroups.sort()).toEqual([
      [OFFICE_A.name, 3],
      [OFFICE_B.name, 2],
    ]);
    await p2.invoke('exchange.apply', src(full));
    expect((await p2.invoke('staff.list', {})).total).toBe(5);
    expect((await p2.invoke('office.get'))!.name).toBe('Sở Nội vụ tỉnh Lào Cai');
    // three received profiles: both offices and the first province
    expect((await p2.invoke('exchange.offices')).length).toBe(3);
  });

  it('a row edited between the comparison and the write is not overwritten', async () => {
    const { a, p } = await setup();
    await importAll(p, await exportBytes(a));
    const an = (await staffByName(a)).get('Nguyễn Văn An')!;
    await sleep(5);
    await a.invoke('staff.update', { id: an.id, data: { ...an, position: 'Ở xã' } });
    const plan = await planMerge(p.ctx.conn.sqlite, bufferSource(await exportBytes(a)), { selfOfficeId: p.ctx.officeId });
    expect(plan.totals.changed).toBe(1);
    await sleep(5);
    await p.invoke('staff.update', { id: an.id, data: { ...(await p.invoke('staff.get', { id: an.id })), position: 'Vừa sửa ở tỉnh' } });
    const before = dumpDb(p);
    expect(() => applyPlan(p.ctx.conn.sqlite, plan, new Map(), { fileName: 'x.tdkt', appliedAt: new Date().toISOString() })).toThrow(
      /vừa thay đổi trong lúc nhập gói \(cán bộ "Nguyễn Văn An, 05\/03\/1980"\)/,
    );
    expect(dumpDb(p)).toEqual(before);
  });

  it('reports progress; a cancel before writing leaves the database unchanged', async () => {
    const { a, p } = await setup();
    const bundle = await exportBytes(a);
    const before = dumpDb(p);
    await p.invoke('jobs.cancel', { jobId: 'job-cancelled' });
    const r = await p.call('exchange.apply', { ...src(bundle), jobId: 'job-cancelled' });
    expect(!r.ok && r.error).toMatchObject({ code: 'CANCELLED', message: 'Đã hủy thao tác. Dữ liệu không thay đổi.' });
    expect(dumpDb(p)).toEqual(before);
    await p.invoke('exchange.apply', { ...src(bundle), jobId: 'job-ok' });
    expect(await p.invoke('jobs.get', { jobId: 'job-ok' })).toMatchObject({ phase: 'write', done: 7, total: 7, finished: true, cancelled: false });
  });

  it('a preview checks and compares each part in one pass: its progress is the comparison’s, by bytes, to the end', async () => {
    const { a, p } = await setup();
    const seen: Array<[string, number, number]> = [];
    const plan = await planMerge(p.ctx.conn.sqlite, bufferSource(await exportBytes(a)), {
      selfOfficeId: p.ctx.officeId,
      hooks: { progress: (phase, done, total) => seen.push([phase, done, total]) },
    });
    expect(plan.totals.new).toBeGreaterThan(0);
    expect(new Set(seen.map(([phase]) => phase))).toEqual(new Set(['read', 'compare']));
    const [, done, total] = seen.at(-1)!;
    expect(total).toBeGreaterThan(0);
    expect(done).toBe(total);
  });

  it('export refuses a province-to-office bundle without a known target', async () => {
    const { a } = await setup();
    const r = await a.call('exchange.exportBundle', { kind: 'province-to-office', targetOfficeId: 'không-có' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('chọn cơ quan nhận');
  });
});
