// units.createMany ("Thêm nhiều đơn vị"): a tree typed as lines, created in one go or not at all.
import { describe, expect, it } from 'vitest';
import { buildUnitTree, flattenUnitTree } from '../../../shared/units/tree';
import { testCore } from '../../support/core';

describe('units.createMany', () => {
  it('creates the tree under the chosen unit, siblings in the order typed after those already there', async () => {
    const core = await testCore();
    const so = await core.invoke('units.create', { name: 'Sở Nội vụ', kind: 'don_vi_truc_thuoc' });
    await core.invoke('units.create', { name: 'Văn phòng', parentId: so.id, sortOrder: 4 });
    const r = await core.invoke('units.createMany', {
      parentId: so.id,
      kind: 'phong_chuyen_mon',
      text: 'Phòng Tổ chức\nTrung tâm Lưu trữ\n\tPhòng Hành chính\n\tKho A\nBan Thi đua - Khen thưởng',
    });
    expect(r).toEqual({ created: 5 });
    const units = await core.invoke('units.list');
    const shown = flattenUnitTree(buildUnitTree(units)).map((n) => `${'  '.repeat(n.depth)}${n.unit.name}`);
    expect(shown).toEqual(['Sở Nội vụ', '  Văn phòng', '  Phòng Tổ chức', '  Trung tâm Lưu trữ', '    Phòng Hành chính', '    Kho A', '  Ban Thi đua - Khen thưởng']);
    expect(units.find((u) => u.name === 'Kho A')).toMatchObject({ kind: 'phong_chuyen_mon', active: true, code: null });
    core.close();
  });

  it('all or nothing: a name already under the chosen unit, or a mistake in the lines, adds none and says which line', async () => {
    const core = await testCore();
    await core.invoke('units.create', { name: 'Văn phòng' });
    const dup = await core.call('units.createMany', { parentId: null, text: 'Phòng A\n\tTổ 1\nVăn  phong' });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error.message).toBe('Chưa thêm được đơn vị nào. Dòng 3: Đã có đơn vị "Văn phong" cùng cấp. Hãy đặt tên khác hoặc sửa đơn vị đã có.');
    const bad = await core.call('units.createMany', { parentId: null, text: 'Phòng B\n\t\tTổ 2' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe('Chưa thêm được đơn vị nào. Dòng 2: "Tổ 2" lùi vào quá một bậc so với đơn vị ở trên.');
    const empty = await core.call('units.createMany', { parentId: null, text: ' \n\n' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message).toContain('mỗi dòng một đơn vị');
    const gone = await core.call('units.createMany', { parentId: 'khong-co', text: 'Phòng C' });
    expect(gone.ok).toBe(false);
    expect((await core.invoke('units.list')).map((u) => u.name)).toEqual(['Văn phòng']);
    core.close();
  });
});
