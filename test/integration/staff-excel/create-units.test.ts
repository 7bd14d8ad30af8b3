// "Tạo các đơn vị chưa có": a staff list naming units the office lacks creates them with the
// people, in one transaction; a path creates the missing parents under what exists; a name
// several units share is still an error, and then nothing is written.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testCore } from '../../support/core';

async function workbook(rows: Array<[string, string]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['STT', 'Họ và tên', 'Đơn vị']);
  rows.forEach(([name, unit], i) => ws.addRow([i + 1, name, unit]));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('staff import: create the missing units', () => {
  it('creates the units the list names, parents first, with the people; refuses all of it if a row is wrong', async () => {
    const core = await testCore();
    const vp = await core.invoke('units.create', { name: 'Văn phòng Sở' });
    const a = await core.invoke('units.create', { name: 'Trung tâm A' });
    const b = await core.invoke('units.create', { name: 'Trung tâm B' });
    await core.invoke('units.create', { name: 'Văn phòng', parentId: a.id });
    await core.invoke('units.create', { name: 'Văn phòng', parentId: b.id });
    const rows: Array<[string, string]> = [
      ['Nguyễn Văn An', 'Văn phòng Sở'],
      ['Lê Thị Bình', 'Phòng Quản lý giá'],
      ['Trần Văn Cường', 'Sở Tài chính › Phòng Ngân sách'],
      ['Hoàng Thị Dung', 'Sở Tài chính › Phòng Ngân sách'],
      ['Đỗ Văn Giang', 'Văn phòng Sở › Tổ Văn thư'],
    ];
    const file = await workbook(rows);
    const unitsBefore = (await core.invoke('units.list')).length;

    // without the option: the missing units are errors, as before
    const plain = await core.invoke('staff.importPreview', { fileName: 'ds.xlsx', fileBase64: file });
    expect(plain.newUnits).toEqual([]);
    expect(plain.errors.map((e) => e.row)).toEqual([3, 4, 5, 6]);
    expect(plain.errors[0]!.message).toContain('chưa có trong danh sách đơn vị');

    // with it: parents first, one unit for a path named twice, a path starting below the top
    const input = { fileName: 'ds.xlsx', fileBase64: file, createMissingUnits: true };
    const preview = await core.invoke('staff.importPreview', input);
    expect(preview.errors).toEqual([]);
    expect(preview.newUnits).toEqual(['Phòng Quản lý giá', 'Sở Tài chính', 'Sở Tài chính › Phòng Ngân sách', 'Văn phòng Sở › Tổ Văn thư']);

    // a row naming a unit several units share stays an error: nothing is created or imported
    const bad = await workbook([...rows, ['Phạm Văn Em', 'Văn phòng']]);
    const refused = await core.call('staff.importApply', { fileName: 'ds.xlsx', fileBase64: bad, createMissingUnits: true });
    expect(refused.ok).toBe(false);
    expect((await core.invoke('units.list')).length).toBe(unitsBefore);
    expect((await core.invoke('staff.list', {})).total).toBe(0);

    const done = await core.invoke('staff.importApply', input);
    expect(done).toEqual({ imported: 5, unitsCreated: 4 });
    const units = await core.invoke('units.list');
    const byName = (name: string) => units.filter((u) => u.name === name);
    const so = byName('Sở Tài chính')[0]!;
    const ns = byName('Phòng Ngân sách')[0]!;
    expect(so.parentId).toBeNull();
    expect(ns.parentId).toBe(so.id);
    expect(byName('Phòng Ngân sách')).toHaveLength(1);
    expect(byName('Tổ Văn thư')[0]!.parentId).toBe(vp.id);
    expect(byName('Phòng Quản lý giá')[0]!.parentId).toBeNull();
    const staff = (await core.invoke('staff.list', {})).rows;
    const unitOf = (name: string) => staff.find((s) => s.fullName === name)!.unitId;
    expect(unitOf('Trần Văn Cường')).toBe(ns.id);
    expect(unitOf('Hoàng Thị Dung')).toBe(ns.id);
    expect(unitOf('Nguyễn Văn An')).toBe(vp.id);
    expect(unitOf('Đỗ Văn Giang')).toBe(byName('Tổ Văn thư')[0]!.id);

    // the same list again: the units are there now, nothing more to create
    const again = await core.invoke('staff.importPreview', input);
    expect(again.newUnits).toEqual([]);
    core.close();
  });
});
