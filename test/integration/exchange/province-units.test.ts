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
});
