// At the province, units of several offices sit side by side: each keeps its office, and a
// sibling name is unique only within one office's tree.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { OFFICE_A, OFFICE_B, exportBytes, makeOffice, makeProvince, src } from './helpers';

const cores: Core[] = [];
const track = (c: Core) => (cores.push(c), c);
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

describe('units at the province', () => {
  it('two offices and the province may each have a "Văn phòng"; within one office the name stays unique', async () => {
    const a = track(await makeOffice(OFFICE_A));
    const b = track(await makeOffice(OFFICE_B));
    const p = track(await makeProvince());
    await p.invoke('exchange.apply', src(await exportBytes(a)));
    await p.invoke('exchange.apply', src(await exportBytes(b)));

    const units = await p.invoke('units.list', {});
    const vp = units.filter((u) => u.name === 'Văn phòng');
    expect(vp.map((u) => u.officeId).sort()).toEqual([a.ctx.officeId, b.ctx.officeId].sort());

    // the province's own root "Văn phòng" is not a clash with the offices' ones
    const own = await p.invoke('units.create', { name: 'Văn phòng' });
    expect(own.officeId).toBe(p.ctx.officeId);
    const again = await p.call('units.create', { name: 'văn  PHÒNG' });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toContain('Đã có đơn vị "văn PHÒNG" cùng cấp');

    // renaming an office's unit checks its own office's siblings
    const aVp = vp.find((u) => u.officeId === a.ctx.officeId)!;
    const aOther = units.find((u) => u.officeId === a.ctx.officeId && u.name === 'Phòng Văn hóa - Xã hội')!;
    const clash = await p.call('units.update', { id: aOther.id, name: 'Văn phòng', parentId: null, code: '', kind: 'phong_chuyen_mon', sortOrder: 0, note: '' });
    expect(clash.ok).toBe(false);
    const renamed = await p.invoke('units.update', { id: aVp.id, name: 'Văn phòng HĐND-UBND', parentId: null, code: '', kind: 'phong_chuyen_mon', sortOrder: 0, note: '' });
    expect(renamed.officeId).toBe(a.ctx.officeId);
  });

  it('staff can be listed per office, searched and windowed, without a rebuild of the index', async () => {
    const a = track(await makeOffice(OFFICE_A));
    const b = track(await makeOffice(OFFICE_B));
    const p = track(await makeProvince());
    await p.invoke('exchange.apply', src(await exportBytes(a)));
    await p.invoke('exchange.apply', src(await exportBytes(b)));
    const all = await p.invoke('staff.list', {});
    expect(all.total).toBe(OFFICE_A.staff.length + OFFICE_B.staff.length);
    const onlyB = await p.invoke('staff.list', { officeId: b.ctx.officeId });
    expect(onlyB.rows.map((s) => s.fullName).sort()).toEqual(OFFICE_B.staff.map((s) => s.fullName).sort());
    expect(onlyB.rows.every((s) => s.officeId === b.ctx.officeId)).toBe(true);
    // "duc" matches Lê Đức Thắng (A) and Hoàng Văn Đức (B): the office filter keeps B's
    expect((await p.invoke('staff.list', { search: 'duc' })).total).toBe(2);
    expect((await p.invoke('staff.list', { search: 'duc', officeId: b.ctx.officeId })).rows.map((s) => s.fullName)).toEqual(['Hoàng Văn Đức']);
    // the same answer from SQL (inside a transaction the index is not used)
    const { findStaff } = await import('../../../electron/api/staff');
    const viaSql = await p.ctx.db.transaction().execute((trx) =>
      findStaff({ ...p.ctx, db: trx }, { search: 'duc', unitId: null, includeSubunits: true, status: 'dang_cong_tac', officeId: b.ctx.officeId }),
    );
    expect(viaSql.map((s) => s.fullName)).toEqual(['Hoàng Văn Đức']);
  });
});
