// units.merge ("Sáp nhập vào đơn vị khác"): a reorganisation — the people at work and the
// sub-units go to the unit joined, the unit stops with a note, the past keeps its units.
import { describe, expect, it } from 'vitest';
import { buildUnitTree, flattenUnitTree } from '../../../shared/units/tree';
import { testCore } from '../../support/core';
import type { Core } from '../../../electron/core/core';

async function office(core: Core) {
  const so = await core.invoke('units.create', { name: 'Sở Nội vụ', kind: 'don_vi_truc_thuoc' });
  const ldtbxh = await core.invoke('units.create', { name: 'Phòng Lao động - Việc làm', parentId: so.id });
  const ncc = await core.invoke('units.create', { name: 'Phòng Người có công', parentId: so.id });
  const to1 = await core.invoke('units.create', { name: 'Tổ chính sách', parentId: ldtbxh.id });
  const an = await core.invoke('staff.create', { fullName: 'Nguyễn Văn An', unitId: ldtbxh.id });
  const binh = await core.invoke('staff.create', { fullName: 'Trần Thị Bình', unitId: ldtbxh.id });
  const retired = await core.invoke('staff.create', { fullName: 'Lê Văn Cường', unitId: ldtbxh.id, status: 'nghi_huu' });
  const inTo = await core.invoke('staff.create', { fullName: 'Phạm Thị Dung', unitId: to1.id });
  return { so, ldtbxh, ncc, to1, an, binh, retired, inTo };
}

const tree = async (core: Core) => flattenUnitTree(buildUnitTree(await core.invoke('units.list'))).map((n) => `${'  '.repeat(n.depth)}${n.unit.name}${n.unit.active ? '' : ' (ngừng)'}`);

describe('units.merge', () => {
  it('moves the people at work and the sub-units to the unit joined, stops the unit with a note; this year follows the people, the retired and past years stay', async () => {
    const core = await testCore({ today: '2025-07-01' });
    const o = await office(core);
    await core.invoke('records.saveYearGrid', {
      unitId: o.ldtbxh.id,
      year: 2024,
      rows: [{ staffId: o.an.id, rating: 'HTTNV', maternityLeave: false, underReview: false, titles: { LDTT: false, CSTDCS: false } }],
    });
    const before = await core.invoke('records.yearGrid', { unitId: o.ldtbxh.id, year: 2024, includeSubunits: false });
    expect(before.rows.find((r) => r.staffId === o.an.id)?.rating).toBe('HTTNV');
    // this year's facts recorded before the merge (maternity leave from spring)
    await core.invoke('records.saveYearGrid', {
      unitId: o.ldtbxh.id,
      year: 2025,
      rows: [{ staffId: o.binh.id, rating: null, maternityLeave: true, underReview: false, titles: { LDTT: false, CSTDCS: false } }],
    });

    // the staff list (its search index built) before: the moved people must show under the new unit after
    expect((await core.invoke('staff.list', { unitId: o.ncc.id })).total).toBe(0);
    const r = await core.invoke('units.merge', { id: o.ldtbxh.id, targetId: o.ncc.id });
    expect(r).toMatchObject({ staffMoved: 2, unitsMoved: 1, target: { id: o.ncc.id, name: 'Phòng Người có công', staffCount: 2 } });
    expect(await tree(core)).toEqual(['Sở Nội vụ', '  Phòng Lao động - Việc làm (ngừng)', '  Phòng Người có công', '    Tổ chính sách']);
    const units = await core.invoke('units.list');
    expect(units.find((u) => u.id === o.ldtbxh.id)!.note).toBe('Đã sáp nhập vào "Phòng Người có công" ngày 01/07/2025.');
    expect((await core.invoke('staff.get', { id: o.an.id })).unitId).toBe(o.ncc.id);
    expect((await core.invoke('staff.get', { id: o.binh.id })).unitId).toBe(o.ncc.id);
    expect((await core.invoke('staff.list', { unitId: o.ncc.id, search: 'binh' })).rows.map((x) => x.fullName)).toEqual(['Trần Thị Bình']);
    // with its sub-units: the two moved and the one in the sub-unit moved under it
    expect((await core.invoke('staff.list', { unitId: o.ncc.id })).total).toBe(3);
    // retired before the reorganisation: stays where they last worked
    expect((await core.invoke('staff.get', { id: o.retired.id })).unitId).toBe(o.ldtbxh.id);
    // the sub-unit keeps its people, now under the unit joined
    expect((await core.invoke('staff.get', { id: o.inTo.id })).unitId).toBe(o.to1.id);
    // what was recorded for a past year keeps that year's unit
    const after = await core.invoke('records.yearGrid', { unitId: o.ldtbxh.id, year: 2024, includeSubunits: false });
    expect(after.rows.map((r) => [r.fullName, r.rating])).toEqual([['Nguyễn Văn An', 'HTTNV']]);
    // this year's facts follow the person: the year is judged in the unit it ends in
    expect((await core.invoke('records.yearGrid', { unitId: o.ldtbxh.id, year: 2025, includeSubunits: false })).rows).toEqual([]);
    const now = await core.invoke('records.yearGrid', { unitId: o.ncc.id, year: 2025, includeSubunits: false });
    expect(now.rows.map((r) => [r.fullName, r.maternityLeave])).toEqual([
      ['Nguyễn Văn An', false],
      ['Trần Thị Bình', true],
    ]);
    core.close();
  });

  it('hands this year’s open tasks the unit leads or joins to the unit joined, once per task; completed and earlier tasks keep it', async () => {
    const core = await testCore({ today: '2025-07-01' });
    const o = await office(core);
    const ref = (u: { id: string; name: string }) => ({ unitId: u.id, name: u.name });
    const task = async (title: string, year: number, lead: Array<{ id: string; name: string }>, coordinating: Array<{ id: string; name: string }> = [], status: 'chua_thuc_hien' | 'hoan_thanh' = 'chua_thuc_hien') =>
      (await core.invoke('tasks.create', { year, quarter: 3, title, lead: lead.map(ref), coordinating: coordinating.map(ref), status })).id;
    const led = await task('Rà soát hồ sơ chính sách', 2025, [o.ldtbxh], [o.so]);
    const both = await task('Tổng hợp báo cáo quý', 2025, [o.ncc], [o.ldtbxh, o.so]);
    const joined = await task('Hội nghị sơ kết', 2025, [o.so], [o.ldtbxh, o.ncc]);
    const done = await task('Kiểm tra giữa năm', 2025, [o.ldtbxh], [], 'hoan_thanh');
    const past = await task('Báo cáo năm trước', 2024, [o.ldtbxh]);

    const r = await core.invoke('units.merge', { id: o.ldtbxh.id, targetId: o.ncc.id });
    expect(r.tasksMoved).toBe(3);
    const units = async (id: string) => {
      const t = await core.invoke('tasks.get', { id });
      return { lead: t.lead.map((u) => u.name), coordinating: t.coordinating.map((u) => u.name) };
    };
    expect(await units(led)).toEqual({ lead: ['Phòng Người có công'], coordinating: ['Sở Nội vụ'] });
    // the unit joined leads it already: not listed as coordinating it too
    expect(await units(both)).toEqual({ lead: ['Phòng Người có công'], coordinating: ['Sở Nội vụ'] });
    // both coordinated it: listed once
    expect(await units(joined)).toEqual({ lead: ['Sở Nội vụ'], coordinating: ['Phòng Người có công'] });
    expect(await units(done)).toEqual({ lead: ['Phòng Lao động - Việc làm'], coordinating: [] });
    expect(await units(past)).toEqual({ lead: ['Phòng Lao động - Việc làm'], coordinating: [] });
    core.close();
  });

  it('refuses, changing nothing: a sub-unit named as one of the target’s, the unit itself, one of its own sub-units, a unit that stopped', async () => {
    const core = await testCore();
    const o = await office(core);
    await core.invoke('units.create', { name: 'Tổ Chính Sách', parentId: o.ncc.id });
    const shown = await tree(core);
    const clash = await core.call('units.merge', { id: o.ldtbxh.id, targetId: o.ncc.id });
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.error.message).toBe('Chưa sáp nhập: "Phòng Người có công" đã có đơn vị cấp dưới cùng tên với "Tổ chính sách" của "Phòng Lao động - Việc làm". Hãy đổi tên một trong hai đơn vị rồi sáp nhập lại.');
    const self = await core.call('units.merge', { id: o.ldtbxh.id, targetId: o.ldtbxh.id });
    if (!self.ok) expect(self.error.message).toContain('Hãy chọn một đơn vị khác');
    const down = await core.call('units.merge', { id: o.ldtbxh.id, targetId: o.to1.id });
    if (!down.ok) expect(down.error.message).toContain('là đơn vị cấp dưới của "Phòng Lao động - Việc làm"');
    await core.invoke('units.setActive', { id: o.ncc.id, active: false });
    const stopped = await core.call('units.merge', { id: o.ldtbxh.id, targetId: o.ncc.id });
    if (!stopped.ok) expect(stopped.error.message).toContain('đang ngừng hoạt động');
    const gone = await core.call('units.merge', { id: o.ldtbxh.id, targetId: 'khong-co' });
    if (!gone.ok) expect(gone.error.message).toContain('không còn tồn tại');
    expect([self.ok, down.ok, stopped.ok, gone.ok]).toEqual([false, false, false, false]);
    // (stopping a unit stops its sub-units; starting it again does not)
    for (const u of (await core.invoke('units.list')).filter((x) => !x.active)) await core.invoke('units.setActive', { id: u.id, active: true });
    expect(await tree(core)).toEqual(shown);
    expect((await core.invoke('staff.get', { id: o.an.id })).unitId).toBe(o.ldtbxh.id);
    core.close();
  });
});
