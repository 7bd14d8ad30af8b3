import { describe, expect, it } from 'vitest';
import { testCore, OFFICE } from '../../support/core';
import { tempDb } from '../../support/tmp';
import { createCore } from '../../../electron/core/core';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('office profile', () => {
  it('starts unconfigured, then saves the profile (NFC, trimmed)', async () => {
    const core = await testCore({ office: false });
    expect(await core.invoke('office.get')).toBeNull();
    expect((await core.invoke('app.info')).officeConfigured).toBe(false);
    const o = await core.invoke('office.save', { ...OFFICE, name: '  Sở Lao động - Thương binh va\u0300 Xã hội ' });
    expect(o.name).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(o.id).toMatch(UUID_V7);
    expect((await core.invoke('app.info')).officeConfigured).toBe(true);
    core.close();
  });

  it('takes the abbreviation typed in lower case as the same one in capitals', async () => {
    const core = await testCore({ office: false });
    expect((await core.invoke('office.save', { ...OFFICE, abbreviation: ' snv-tc ' })).abbreviation).toBe('SNV-TC');
    expect((await core.invoke('office.save', { ...OFFICE, abbreviation: 'sldtbxh' })).abbreviation).toBe('SLDTBXH');
    expect((await core.invoke('office.save', { ...OFFICE, abbreviation: 'slđtbxh' })).abbreviation).toBe('SLĐTBXH');
    expect((await core.invoke('office.get'))?.abbreviation).toBe('SLĐTBXH');
    core.close();
  });

  it('rejects bad input with Vietnamese messages and writes nothing', async () => {
    const core = await testCore({ office: false });
    const r = await core.call('office.save', { ...OFFICE, name: '   ', abbreviation: 'sở lđ' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.message).toContain('Tên cơ quan ban hành: không được để trống.');
      expect(r.error.message).toContain('Chữ viết tắt tên cơ quan');
    }
    const bad = await core.call('office.save', { ...OFFICE, levelCode: 'khong_co' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/Cấp cơ quan "khong_co" không có trong danh sách/);
    expect(await core.invoke('office.get')).toBeNull();
    core.close();
  });

  it('unknown procedures are refused', async () => {
    const core = await testCore();
    const r = await core.call('staff.dropAll', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    core.close();
  });
});

describe('units', () => {
  it('builds a tree, moves, refuses cycles and duplicate sibling names', async () => {
    const core = await testCore();
    const vp = await core.invoke('units.create', { name: 'Văn phòng Sở', kind: 'phong_chuyen_mon' });
    const tt = await core.invoke('units.create', { name: 'Trung tâm Dịch vụ việc làm', kind: 'don_vi_truc_thuoc' });
    const child = await core.invoke('units.create', { name: 'Tổ Hành chính', parentId: vp.id });
    expect(child.parentId).toBe(vp.id);
    expect(vp.id).toMatch(UUID_V7);

    const dup = await core.call('units.create', { name: 'văn phòng sở' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const cycle = await core.call('units.move', { id: vp.id, parentId: child.id });
    expect(cycle.ok).toBe(false);
    if (!cycle.ok) expect(cycle.error.message).toContain('đơn vị cấp dưới của nó');

    const moved = await core.invoke('units.move', { id: child.id, parentId: tt.id });
    expect(moved.parentId).toBe(tt.id);

    const edited = await core.invoke('units.update', { id: tt.id, name: 'Trung tâm DVVL tỉnh', code: 'TTDVVL', kind: 'don_vi_truc_thuoc' });
    expect(edited).toMatchObject({ name: 'Trung tâm DVVL tỉnh', code: 'TTDVVL' });
    expect(await core.invoke('units.list')).toHaveLength(3);
    core.close();
  });

  it('deactivating cascades to sub-units; reactivating a child under an inactive parent is refused', async () => {
    const core = await testCore();
    const a = await core.invoke('units.create', { name: 'Phòng A' });
    const b = await core.invoke('units.create', { name: 'Tổ B', parentId: a.id });
    expect((await core.invoke('units.setActive', { id: a.id, active: false })).changed).toBe(2);
    const units = await core.invoke('units.list', { includeInactive: true });
    expect(units.every((u) => !u.active)).toBe(true);
    expect(await core.invoke('units.list', { includeInactive: false })).toHaveLength(0);
    const r = await core.call('units.setActive', { id: b.id, active: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('Phòng A');
    core.close();
  });
});

describe('staff', () => {
  async function seeded() {
    const core = await testCore();
    const vp = await core.invoke('units.create', { name: 'Văn phòng Sở' });
    const sub = await core.invoke('units.create', { name: 'Tổ Tổng hợp', parentId: vp.id });
    const other = await core.invoke('units.create', { name: 'Phòng Người có công' });
    const people = [
      { fullName: 'Nguyễn Văn A', birthDate: '05/03/1980', unitId: vp.id, gender: 'nam' as const, category: 'CC' as const },
      { fullName: 'Trần Thị Bình', birthDate: '1985-11-20', unitId: sub.id, gender: 'nu' as const },
      { fullName: 'Lê Đức Anh', unitId: other.id },
      { fullName: 'Đỗ Thị Ân', unitId: other.id, status: 'nghi_huu' as const },
    ];
    for (const p of people) await core.invoke('staff.create', p);
    return { core, vp, sub, other };
  }

  it('searches without diacritics and sorts by given name in Vietnamese order', async () => {
    const { core } = await seeded();
    const r = await core.invoke('staff.list', { search: 'nguyen van a' });
    expect(r.rows.map((s) => s.fullName)).toEqual(['Nguyễn Văn A']);
    expect((await core.invoke('staff.list', { search: 'DUC' })).rows.map((s) => s.fullName)).toEqual(['Lê Đức Anh']);
    const all = await core.invoke('staff.list', { status: 'all' });
    // A < Anh < Ân < Bình (given names, Vietnamese collation)
    expect(all.rows.map((s) => s.fullName)).toEqual(['Nguyễn Văn A', 'Lê Đức Anh', 'Đỗ Thị Ân', 'Trần Thị Bình']);
    core.close();
  });

  it('refuses the dates the Excel import refuses — a birth in the future, an age outside 15–100, work before birth — and keeps an old record editable', async () => {
    const core = await testCore({ today: '2025-11-20' });
    const refused = async (data: Record<string, unknown>) => {
      const e = await core.invoke('staff.create', { fullName: 'Lê Văn C', ...data }).catch((x: Error) => x);
      expect(e).toBeInstanceOf(Error);
      return (e as Error).message;
    };
    expect(await refused({ birthDate: '01/01/2030' })).toBe('Ngày sinh 01/01/2030 là ngày trong tương lai — kiểm tra lại ngày sinh.');
    expect(await refused({ birthDate: '01/01/2015' })).toBe(
      'Ngày sinh 01/01/2015 không hợp lý: đến ngày 20/11/2025 người này 10 tuổi — tuổi phải từ 15 đến 100, hãy kiểm tra lại năm sinh.',
    );
    expect(await refused({ birthDate: '05/03/1980', employmentStart: '01/01/1979' })).toBe('Ngày bắt đầu công tác 01/01/1979 trước ngày sinh 05/03/1980 — kiểm tra lại hai ngày này.');
    expect((await core.invoke('staff.list', { status: 'all' })).rows).toEqual([]);
    // an age of exactly 15 is fine
    const young = await core.invoke('staff.create', { fullName: 'Lê Văn D', birthDate: '20/11/2010' });
    expect(young.birthDate).toBe('2010-11-20');
    // a record holding a date the rule refuses (an old import): other fields still save; a new birth date is checked
    core.ctx.conn.sqlite.prepare(`UPDATE staff SET birth_date = '1919-05-01' WHERE id = ?`).run(young.id);
    const edited = await core.invoke('staff.update', { id: young.id, data: { fullName: 'Lê Văn D', birthDate: '01/05/1919', position: 'Cán bộ hưu trí' } });
    expect(edited.position).toBe('Cán bộ hưu trí');
    await expect(core.invoke('staff.update', { id: young.id, data: { fullName: 'Lê Văn D', birthDate: '01/05/2026' } })).rejects.toThrow('là ngày trong tương lai');
    core.close();
  });

  it('filters by unit (with sub-units) and status', async () => {
    const { core, vp, other } = await seeded();
    expect((await core.invoke('staff.list', { unitId: vp.id })).rows.map((s) => s.fullName).sort()).toEqual(['Nguyễn Văn A', 'Trần Thị Bình']);
    expect((await core.invoke('staff.list', { unitId: vp.id, includeSubunits: false })).rows).toHaveLength(1);
    expect((await core.invoke('staff.list', { unitId: other.id })).rows.map((s) => s.fullName)).toEqual(['Lê Đức Anh']);
    expect((await core.invoke('staff.list', { unitId: other.id, status: 'nghi_huu' })).rows.map((s) => s.fullName)).toEqual(['Đỗ Thị Ân']);
    core.close();
  });

  it('stores ISO dates, mergeable columns, and soft-deletes', async () => {
    const { core } = await seeded();
    const [a] = (await core.invoke('staff.list', { search: 'nguyen van a' })).rows;
    expect(a!.birthDate).toBe('1980-03-05');
    const raw = core.ctx.conn.sqlite.prepare('SELECT * FROM staff WHERE id = ?').get(a!.id) as Record<string, unknown>;
    expect(raw.origin_office_id).toBe(core.ctx.officeId);
    expect(raw.id).toMatch(UUID_V7);
    expect(raw.created_at).toBeTruthy();
    expect(raw.deleted_at).toBeNull();

    expect(await core.invoke('staff.delete', { id: a!.id })).toEqual({ deleted: true });
    expect((await core.invoke('staff.list', { search: 'nguyen van a' })).rows).toHaveLength(0);
    const after = core.ctx.conn.sqlite.prepare('SELECT deleted_at FROM staff WHERE id = ?').get(a!.id) as { deleted_at: string };
    expect(after.deleted_at).toBeTruthy();
    expect((await core.call('staff.get', { id: a!.id })).ok).toBe(false);
    core.close();
  });

  it('rejects an invalid date or a vanished unit, writing nothing', async () => {
    const { core } = await seeded();
    const before = (await core.invoke('staff.list', { status: 'all' })).total;
    const r = await core.call('staff.create', { fullName: 'Phạm Văn C', birthDate: '31/02/1985' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Ngày sinh: "31/02/1985" không phải ngày hợp lệ — nhập theo dạng dd/mm/yyyy, ví dụ 05/03/1980.');
    const r2 = await core.call('staff.create', { fullName: 'Phạm Văn C', unitId: 'no-such-unit' });
    expect(r2).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const r3 = await core.call('staff.create', { fullName: 'Phạm Văn C', employmentStart: '01/01/2020', employmentEnd: '01/01/2019' });
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.error.message).toContain('Ngày kết thúc công tác phải sau ngày bắt đầu.');
    expect((await core.invoke('staff.list', { status: 'all' })).total).toBe(before);
    core.close();
  });

  it('returns windows of the ordered list with the total count', async () => {
    const { core } = await seeded();
    const all = await core.invoke('staff.list', { status: 'all' });
    const w = await core.invoke('staff.list', { status: 'all', offset: 1, limit: 2 });
    expect(w.total).toBe(all.total);
    expect(w.offset).toBe(1);
    expect(w.rows.map((s) => s.id)).toEqual(all.rows.slice(1, 3).map((s) => s.id));
    expect((await core.invoke('staff.list', { status: 'all', offset: 10, limit: 5 })).rows).toEqual([]);
    core.close();
  });

  it('updates a record', async () => {
    const { core, other } = await seeded();
    const [b] = (await core.invoke('staff.list', { search: 'binh' })).rows;
    const u = await core.invoke('staff.update', { id: b!.id, data: { fullName: 'Trần Thị Bình', unitId: other.id, position: 'Chuyên viên', isLeader: true } });
    expect(u).toMatchObject({ unitId: other.id, position: 'Chuyên viên', isLeader: true });
    core.close();
  });

  it('keeps data across reopen of the same file', async () => {
    const dbPath = tempDb();
    const core = await testCore({ dbPath });
    await core.invoke('units.create', { name: 'Văn phòng Sở' });
    const officeId = core.ctx.officeId;
    core.close();
    const again = await createCore({ dbPath, host: 'test' });
    expect(again.ctx.officeId).toBe(officeId);
    expect((await again.invoke('units.list')).map((u) => u.name)).toEqual(['Văn phòng Sở']);
    expect((await again.invoke('office.get'))?.abbreviation).toBe('SLĐTBXH');
    again.close();
  });

  it('reports a file that is not a database clearly', async () => {
    const fs = await import('node:fs');
    const file = tempDb();
    fs.writeFileSync(file, 'this is not sqlite at all, just text '.repeat(200));
    await expect(createCore({ dbPath: file, host: 'test' })).rejects.toThrow(/không phải cơ sở dữ liệu TĐKT hoặc đã bị hỏng/);
  });
});

describe('first steps (app.setup)', () => {
  it('counts what the file holds, live records only', async () => {
    const core = await testCore();
    expect(await core.invoke('app.setup')).toEqual({ units: 0, staff: 0, records: false, plans: 0, tasks: 0 });
    const unit = await core.invoke('units.create', { name: 'Văn phòng Sở' });
    await core.invoke('units.create', { name: 'Phòng Người có công' });
    const a = await core.invoke('staff.create', { fullName: 'Nguyễn Văn An', unitId: unit.id });
    const b = await core.invoke('staff.create', { fullName: 'Lê Thị Bình', unitId: unit.id });
    await core.invoke('staff.delete', { id: b.id });
    expect(await core.invoke('app.setup')).toEqual({ units: 2, staff: 1, records: false, plans: 0, tasks: 0 });

    // a past year's rating counts as a record
    await core.invoke('records.saveYearGrid', {
      unitId: unit.id,
      year: 2024,
      rows: [{ staffId: a.id, rating: 'HTTNV', maternityLeave: false, underReview: false, titles: { LDTT: false, CSTDCS: false } }],
    });
    const plan = await core.invoke('plans.createFromTemplate', { templateId: 'tdkt-work-plan', year: 2025 });
    await core.invoke('tasks.create', { year: 2025, dueDate: '31/03/2025', title: 'Báo cáo quý I' });
    expect(await core.invoke('app.setup')).toEqual({ units: 2, staff: 1, records: true, plans: 1, tasks: 1 });
    await core.invoke('plans.delete', { id: plan.id });
    expect((await core.invoke('app.setup')).plans).toBe(0);
    core.close();
  });
});
