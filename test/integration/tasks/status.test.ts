// Status, overdue and the home panel through the core, with a fixed "today".
import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';

describe('task status through the core', () => {
  it('overdue is computed from ctx.today(); notes date status changes; the home panel lists overdue and due soon', async () => {
    const core = await testCore({ today: '2026-05-10' });
    const unit = await core.invoke('units.create', { name: 'Văn phòng Sở' });
    const staff = await core.invoke('staff.create', { fullName: 'Nguyễn Văn An', unitId: unit.id });
    const q1 = await core.invoke('tasks.create', { year: 2026, quarter: 1, title: 'Kế hoạch công tác TĐKT năm 2026', lead: [{ unitId: unit.id, name: '' }] });
    const soon = await core.invoke('tasks.create', {
      year: 2026,
      quarter: 2,
      dueDate: '20/05/2026',
      title: 'Hồ sơ Huy hiệu',
      lead: [{ name: 'văn phòng sở' }],
      coordinating: [{ name: 'Phòng Người có công' }],
      responsibleStaffId: staff.id,
    });
    const later = await core.invoke('tasks.create', { year: 2026, quarter: 2, title: 'Sơ kết 6 tháng', responsibleName: 'Trần Thị Bình' });
    const doneQ1 = await core.invoke('tasks.create', { year: 2026, quarter: 1, title: 'Đăng ký thi đua', status: 'hoan_thanh' });

    expect(q1).toMatchObject({ effectiveDue: '2026-03-31', overdue: true, displayStatus: 'qua_han', status: 'chua_thuc_hien', source: 'manual' });
    expect(soon).toMatchObject({ dueDate: '2026-05-20', overdue: false, displayStatus: 'chua_thuc_hien', responsibleName: 'Nguyễn Văn An' });
    // a typed unit name is matched to the unit; an unknown one is kept as text
    expect(soon.lead).toEqual([{ unitId: unit.id, name: 'Văn phòng Sở' }]);
    expect(soon.coordinating).toEqual([{ unitId: null, name: 'Phòng Người có công' }]);
    expect(later.responsibleName).toBe('Trần Thị Bình');
    expect(doneQ1).toMatchObject({ completedOn: '2026-05-10', overdue: false, displayStatus: 'hoan_thanh' });

    // the search: without diacritics, words in any order, each at the start of a word
    const titles = async (search: string) => (await core.invoke('tasks.list', { year: 2026, search })).rows.map((t) => t.title);
    expect(await titles('thi dua dang ky')).toEqual(['Đăng ký thi đua']);
    expect(await titles('6 so ket')).toEqual(['Sơ kết 6 tháng']);
    expect(await titles('ang ky')).toEqual(['Đăng ký thi đua']); // as typed, anywhere
    expect(await titles('ang thi')).toEqual([]);

    const overdue = await core.invoke('tasks.list', { year: 2026, status: 'qua_han' });
    expect(overdue.rows.map((t) => t.id)).toEqual([q1.id]);
    expect(overdue.today).toBe('2026-05-10');

    const home = await core.invoke('tasks.upcoming', { days: 14 });
    expect(home.overdue.map((t) => t.id)).toEqual([q1.id]);
    expect(home.dueSoon.map((t) => t.id)).toEqual([soon.id]);
    expect((await core.invoke('tasks.upcoming', { days: 5 })).dueSoon).toEqual([]);
    expect((await core.invoke('tasks.upcoming', { days: 60 })).dueSoon.map((t) => t.id)).toEqual([soon.id, later.id]);

    // move on the board with a note: dated today, status recorded, completion date set
    const moved = await core.invoke('tasks.setStatus', { id: q1.id, status: 'hoan_thanh', note: 'Đã ban hành Kế hoạch số 15/KH-SLĐTBXH.' });
    expect(moved).toMatchObject({ status: 'hoan_thanh', overdue: false, completedOn: '2026-05-10', noteCount: 1 });
    expect(moved.latestNote).toEqual({ date: '2026-05-10', text: 'Đã ban hành Kế hoạch số 15/KH-SLĐTBXH.' });
    await core.invoke('tasks.setStatus', { id: soon.id, status: 'dang_thuc_hien' });
    await core.invoke('tasks.addNote', { taskId: soon.id, date: '08/05/2026', text: 'Đã nhận hồ sơ 3 đơn vị.' });
    const detail = await core.invoke('tasks.get', { id: soon.id });
    expect(detail.notes.map((n) => [n.date, n.text, n.statusChange])).toEqual([
      ['2026-05-10', '', 'dang_thuc_hien'],
      ['2026-05-08', 'Đã nhận hồ sơ 3 đơn vị.', null],
    ]);
    // the status-only entry has no text: the latest note with text is shown
    expect(detail.latestNote).toEqual({ date: '2026-05-08', text: 'Đã nhận hồ sơ 3 đơn vị.' });
    expect((await core.invoke('tasks.upcoming', { days: 14 })).overdue).toEqual([]);

    // edit: the stale-copy guard, then a due date in the past makes it overdue
    await expect(core.invoke('tasks.update', { id: later.id, expectedUpdatedAt: '2000-01-01', data: { year: 2026, title: 'x' } })).rejects.toThrow(/vừa được sửa/);
    const edited = await core.invoke('tasks.update', { id: later.id, data: { year: 2026, quarter: 2, dueDate: '2026-05-01', title: 'Sơ kết 6 tháng (sớm)' } });
    expect(edited).toMatchObject({ overdue: true, title: 'Sơ kết 6 tháng (sớm)', responsibleName: '' });

    // bad input says what to do
    await expect(core.invoke('tasks.create', { year: 2026, title: '  ' })).rejects.toThrow(/Nội dung nhiệm vụ: không được để trống/);
    await expect(core.invoke('tasks.create', { year: 2026, title: 'x', quarter: 5 })).rejects.toThrow(/Quý/);
    await expect(core.invoke('tasks.create', { year: 2026, title: 'x', dueDate: '31/02/2026' })).rejects.toThrow(/Thời hạn/);
    await expect(core.invoke('tasks.create', { year: 2026, title: 'x', lead: [{ unitId: 'gone', name: 'X' }] })).rejects.toThrow(/chọn lại đơn vị/);

    // delete is soft
    expect(await core.invoke('tasks.delete', { id: later.id })).toEqual({ deleted: true });
    expect((await core.invoke('tasks.list', { year: 2026 })).total).toBe(3);
    const raw = core.ctx.conn.sqlite.prepare('SELECT deleted_at FROM task WHERE id = ?').get(later.id) as { deleted_at: string | null };
    expect(raw.deleted_at).toBeTruthy();
    core.close();
  });
});
