// The people chosen on the staff list changed at once: staff.ids ("Chọn tất cả"), bulkMove,
// bulkStatus, bulkDelete and trash.restoreMany (its "Hoàn tác"). Each all or nothing.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import type { Core } from '../../../electron/core/core';

const noTitles = { LDTT: false, CSTDCS: false };

async function office(core: Core) {
  const so = await core.invoke('units.create', { name: 'Sở Nội vụ', kind: 'don_vi_truc_thuoc' });
  const a = await core.invoke('units.create', { name: 'Phòng Lao động - Việc làm', parentId: so.id });
  const b = await core.invoke('units.create', { name: 'Phòng Người có công', parentId: so.id });
  const an = await core.invoke('staff.create', { fullName: 'Nguyễn Văn An', unitId: a.id, employmentStart: '2010-03-01' });
  const binh = await core.invoke('staff.create', { fullName: 'Trần Thị Bình', unitId: a.id, employmentStart: '2021-09-01' });
  const cuong = await core.invoke('staff.create', { fullName: 'Lê Văn Cường', unitId: b.id });
  const dung = await core.invoke('staff.create', { fullName: 'Phạm Thị Dung', unitId: a.id });
  return { so, a, b, an, binh, cuong, dung };
}

/** Everyone's unit, status and end date, by name: what a refusal must leave as it was. */
const people = async (core: Core) =>
  (await core.invoke('staff.list', { status: 'all' })).rows.map((s) => [s.fullName, s.unitId, s.status, s.employmentEnd]);

describe('staff bulk changes', () => {
  it('staff.ids lists what the filter matches, in the list’s order', async () => {
    const core = await testCore();
    const o = await office(core);
    const all = await core.invoke('staff.list', {});
    expect((await core.invoke('staff.ids', {})).ids).toEqual(all.rows.map((s) => s.id));
    expect((await core.invoke('staff.ids', { unitId: o.a.id, search: 'thi' })).ids).toEqual([o.binh.id, o.dung.id]);
    core.close();
  });

  it('exports only the people ticked, in the list’s order, saying so above the table', async () => {
    const core = await testCore();
    const o = await office(core);
    const file = await core.invoke('staff.export', { unitId: o.a.id, ids: [o.dung.id, o.an.id, o.cuong.id] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cells: string[] = [];
    ws.eachRow((row) => cells.push(String(row.getCell(2).value ?? '') || String(row.getCell(1).value ?? '')));
    const header = cells.indexOf('Họ và tên');
    expect(header).toBeGreaterThan(0);
    // Cường is ticked but not in the unit listed: not written
    expect(cells.slice(header + 1)).toEqual(['Nguyễn Văn An', 'Phạm Thị Dung']);
    expect(cells.slice(0, header).join(' | ')).toContain('Đơn vị: Phòng Lao động - Việc làm (gồm đơn vị cấp dưới); 2 người được chọn');
    core.close();
  });

  it('moves the chosen people to a unit; this year follows them, last year stays, the list and the grids show it', async () => {
    const core = await testCore({ today: '2025-11-20' });
    const o = await office(core);
    await core.invoke('records.saveYearGrid', { unitId: o.a.id, year: 2024, rows: [{ staffId: o.an.id, rating: 'HTXSNV', maternityLeave: false, underReview: false, titles: noTitles }] });
    await core.invoke('records.saveYearGrid', { unitId: o.a.id, year: 2025, rows: [{ staffId: o.an.id, rating: null, maternityLeave: false, underReview: true, titles: noTitles }] });
    // the search index built before: the moved people must be found under their new unit
    expect((await core.invoke('staff.list', { unitId: o.b.id })).total).toBe(1);

    const r = await core.invoke('staff.bulkMove', { ids: [o.an.id, o.binh.id, o.cuong.id], unitId: o.b.id });
    // Cường was there already
    expect(r).toEqual({ moved: 2, years: 1, unit: { id: o.b.id, name: 'Phòng Người có công' } });
    expect((await core.invoke('staff.list', { unitId: o.b.id })).rows.map((s) => s.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']);
    expect((await core.invoke('staff.list', { unitId: o.a.id })).rows.map((s) => s.fullName)).toEqual(['Phạm Thị Dung']);
    // last year keeps An where he was rated (and lists who works there now)
    expect((await core.invoke('records.yearGrid', { unitId: o.a.id, year: 2024, includeSubunits: false })).rows.map((x) => [x.fullName, x.rating])).toEqual([
      ['Nguyễn Văn An', 'HTXSNV'],
      ['Phạm Thị Dung', null],
    ]);
    const now = await core.invoke('records.yearGrid', { unitId: o.b.id, year: 2025, includeSubunits: false });
    expect(now.rows.find((x) => x.staffId === o.an.id)?.underReview).toBe(true);
    expect((await core.invoke('records.yearGrid', { unitId: o.a.id, year: 2025, includeSubunits: false })).rows.map((x) => x.fullName)).toEqual(['Phạm Thị Dung']);
    core.close();
  });

  it('a single person moved in the form takes this year’s records along too', async () => {
    const core = await testCore({ today: '2025-11-20' });
    const o = await office(core);
    await core.invoke('records.saveYearGrid', { unitId: o.a.id, year: 2025, rows: [{ staffId: o.binh.id, rating: null, maternityLeave: true, underReview: false, titles: noTitles }] });
    await core.invoke('staff.update', { id: o.binh.id, data: { fullName: o.binh.fullName, unitId: o.b.id, employmentStart: o.binh.employmentStart } });
    expect((await core.invoke('records.yearGrid', { unitId: o.b.id, year: 2025, includeSubunits: false })).rows.find((x) => x.staffId === o.binh.id)?.maternityLeave).toBe(true);
    core.close();
  });

  it('refuses a unit that stopped, a vanished unit, a person deleted meanwhile, a person or a unit of another office, changing no one', async () => {
    const core = await testCore({ today: '2025-11-20' });
    const o = await office(core);
    const before = await people(core);
    await core.invoke('units.setActive', { id: o.b.id, active: false });
    await expect(core.invoke('staff.bulkMove', { ids: [o.an.id], unitId: o.b.id })).rejects.toThrow('Đơn vị "Phòng Người có công" đang ngừng hoạt động');
    await core.invoke('units.setActive', { id: o.b.id, active: true });
    await expect(core.invoke('staff.bulkMove', { ids: [o.an.id], unitId: 'khong-co' })).rejects.toThrow('Đơn vị đã chọn không còn tồn tại');
    await core.invoke('staff.delete', { id: o.dung.id });
    await expect(core.invoke('staff.bulkMove', { ids: [o.an.id, o.dung.id], unitId: o.b.id })).rejects.toThrow(
      '1 người được chọn không còn trong danh sách (có thể vừa bị xóa hoặc gộp): chưa thay đổi ai',
    );
    // a person the province received from another office: that office edits and sends again
    core.ctx.conn.sqlite.prepare("UPDATE staff SET origin_office_id = 'office-khac' WHERE id = ?").run(o.binh.id);
    for (const change of [
      () => core.invoke('staff.bulkMove', { ids: [o.an.id, o.binh.id], unitId: o.b.id }),
      () => core.invoke('staff.bulkStatus', { ids: [o.an.id, o.binh.id], status: 'nghi_huu' }),
      () => core.invoke('staff.bulkDelete', { ids: [o.an.id, o.binh.id] }),
    ])
      await expect(change()).rejects.toThrow('Chưa thay đổi ai: Trần Thị Bình thuộc dữ liệu cơ quan khác gửi lên');
    const own = (table: string, id: string) => core.ctx.conn.sqlite.prepare(`UPDATE ${table} SET origin_office_id = ? WHERE id = ?`).run(core.ctx.officeId, id);
    own('staff', o.binh.id);
    // a unit of another office
    core.ctx.conn.sqlite.prepare("UPDATE unit SET origin_office_id = 'office-khac' WHERE id = ?").run(o.b.id);
    await expect(core.invoke('staff.bulkMove', { ids: [o.an.id], unitId: o.b.id })).rejects.toThrow('Đơn vị "Phòng Người có công" thuộc cơ quan khác');
    own('unit', o.b.id);
    expect((await people(core)).filter(([name]) => name !== 'Phạm Thị Dung')).toEqual(before.filter(([name]) => name !== 'Phạm Thị Dung'));
    await expect(core.invoke('staff.bulkMove', { ids: [], unitId: o.b.id })).rejects.toThrow('Chưa chọn người nào');
    await expect(core.invoke('staff.bulkMove', { ids: [o.an.id, o.an.id], unitId: o.b.id })).rejects.toThrow('Một người được chọn hai lần');
    core.close();
  });

  it('sets the chosen people’s status and end date; an end before someone’s start is refused with their name', async () => {
    const core = await testCore();
    const o = await office(core);
    const before = await people(core);
    await expect(core.invoke('staff.bulkStatus', { ids: [o.an.id, o.binh.id], status: 'nghi_huu', employmentEnd: '01/06/2020' })).rejects.toThrow(
      'Chưa đổi trạng thái của ai: ngày kết thúc 01/06/2020 trước ngày bắt đầu công tác của Trần Thị Bình (01/09/2021)',
    );
    await expect(core.invoke('staff.bulkStatus', { ids: [o.an.id], status: 'dang_cong_tac', employmentEnd: '01/06/2020' })).rejects.toThrow(
      'Người "Đang công tác" không có ngày kết thúc công tác',
    );
    await expect(core.invoke('staff.bulkStatus', { ids: [o.an.id], status: 'nghi_huu', employmentEnd: '31/02/2025' })).rejects.toThrow('không phải ngày hợp lệ');
    expect(await people(core)).toEqual(before);

    expect(await core.invoke('staff.bulkStatus', { ids: [o.an.id, o.binh.id], status: 'nghi_huu', employmentEnd: '30/09/2025' })).toEqual({ changed: 2 });
    expect((await core.invoke('staff.list', {})).rows.map((s) => s.fullName)).toEqual(['Lê Văn Cường', 'Phạm Thị Dung']);
    const retired = await core.invoke('staff.list', { status: 'nghi_huu' });
    expect(retired.rows.map((s) => [s.fullName, s.employmentEnd])).toEqual([
      ['Nguyễn Văn An', '2025-09-30'],
      ['Trần Thị Bình', '2025-09-30'],
    ]);
    // no date given: the end dates they have are kept; the same again changes nothing
    expect(await core.invoke('staff.bulkStatus', { ids: [o.an.id, o.binh.id], status: 'chuyen_cong_tac' })).toEqual({ changed: 2 });
    expect((await core.invoke('staff.get', { id: o.an.id })).employmentEnd).toBe('2025-09-30');
    expect(await core.invoke('staff.bulkStatus', { ids: [o.an.id, o.binh.id], status: 'chuyen_cong_tac' })).toEqual({ changed: 0 });
    // back at work: the end dates emptied
    expect(await core.invoke('staff.bulkStatus', { ids: [o.an.id, o.binh.id], status: 'dang_cong_tac' })).toEqual({ changed: 2 });
    expect((await core.invoke('staff.list', {})).rows.map((s) => [s.fullName, s.employmentEnd])).toEqual([
      ['Nguyễn Văn An', null],
      ['Trần Thị Bình', null],
      ['Lê Văn Cường', null],
      ['Phạm Thị Dung', null],
    ]);
    core.close();
  });

  it('deletes the chosen people to the Thùng rác and brings them all back; a restore that cannot be whole restores no one', async () => {
    const core = await testCore();
    const o = await office(core);
    const r = await core.invoke('staff.bulkDelete', { ids: [o.an.id, o.binh.id] });
    expect(r).toEqual({ deleted: 2, ids: [o.an.id, o.binh.id] });
    expect((await core.invoke('staff.list', {})).rows.map((s) => s.fullName)).toEqual(['Lê Văn Cường', 'Phạm Thị Dung']);
    const bin = await core.invoke('trash.list', { kind: 'staff' });
    expect(bin.items.map((i) => i.title).sort()).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);

    // Bình added again meanwhile: bringing both back would make two of her
    const again = await core.invoke('staff.create', { fullName: 'Trần Thị Bình', unitId: o.a.id });
    const items = r.ids.map((id) => ({ kind: 'staff' as const, id }));
    await expect(core.invoke('trash.restoreMany', { items })).rejects.toThrow('Chưa khôi phục bản ghi nào. Cán bộ "Trần Thị Bình": Đã có cán bộ Trần Thị Bình');
    expect((await core.invoke('staff.list', {})).rows.map((s) => s.fullName)).toEqual(['Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']);

    await core.invoke('staff.delete', { id: again.id });
    expect(await core.invoke('trash.restoreMany', { items })).toEqual({ restored: 2 });
    expect((await core.invoke('staff.list', {})).rows.map((s) => s.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']);

    // two alike (a name and a birth date shared), both at work, deleted together: both come back
    // (the rule against two of one person counts only a namesake added after the deletion)
    const twins = [
      await core.invoke('staff.create', { fullName: 'Hoàng Văn Nam', birthDate: '01/10/1990', unitId: o.a.id }),
      await core.invoke('staff.create', { fullName: 'Hoàng Văn Nam', birthDate: '01/10/1990', unitId: o.b.id }),
    ];
    const gone = await core.invoke('staff.bulkDelete', { ids: twins.map((t) => t.id) });
    expect(await core.invoke('trash.restoreMany', { items: gone.ids.map((id) => ({ kind: 'staff' as const, id })) })).toEqual({ restored: 2 });
    expect((await core.invoke('staff.list', { search: 'hoang van nam' })).total).toBe(2);
    // one of them alone, and back: the other was there before the deletion, not added since
    await core.invoke('staff.delete', { id: twins[1]!.id });
    await core.invoke('trash.restore', { kind: 'staff', id: twins[1]!.id });
    expect((await core.invoke('staff.list', { search: 'hoang van nam' })).total).toBe(2);
    core.close();
  });
});
