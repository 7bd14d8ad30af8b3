// Naming units that share a name (a province holds twenty "Văn phòng"): paths for files,
// the name first on screen, pickers that tell them apart.
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/contract/units';
import { buildUnitTree, flattenUnitTree, splitUnitPath, unitDisplayLabels, unitLabels, unitPath, unitTreeOptions } from '../../../shared/units/tree';

const unit = (id: string, name: string, parentId: string | null, active = true) => ({ id, name, parentId, active, sortOrder: 0 }) as unknown as Unit;
const UNITS = [
  unit('tc', 'Sở Tài chính', null),
  unit('nv', 'Sở Nội vụ', null),
  unit('vp-tc', 'Văn phòng', 'tc'),
  unit('vp-nv', 'Văn phòng', 'nv'),
  unit('tt', 'Phòng Thanh tra', 'nv', false),
  // the same name but for its tone marks and case counts as shared
  unit('vp-x', 'VĂN PHONG', 'tt'),
];

describe('unit names', () => {
  it('paths for files: a shared name becomes its path from the root, a unique one stays a name', () => {
    const l = unitLabels(UNITS);
    expect(l.get('vp-tc')).toBe('Sở Tài chính › Văn phòng');
    expect(l.get('vp-nv')).toBe('Sở Nội vụ › Văn phòng');
    expect(l.get('vp-x')).toBe('Sở Nội vụ › Phòng Thanh tra › VĂN PHONG');
    expect(l.get('tt')).toBe('Phòng Thanh tra');
    expect(unitPath(UNITS, 'vp-x')).toBe('Sở Nội vụ › Phòng Thanh tra › VĂN PHONG');
  });

  it('on screen: the name first, its parents after', () => {
    const l = unitDisplayLabels(UNITS);
    expect(l.get('vp-tc')).toBe('Văn phòng (Sở Tài chính)');
    expect(l.get('vp-x')).toBe('VĂN PHONG (Sở Nội vụ › Phòng Thanh tra)');
    expect(l.get('nv')).toBe('Sở Nội vụ');
  });

  it('pickers: indented in tree order, shared names told apart, a suffix for inactive units', () => {
    const options = unitTreeOptions(flattenUnitTree(buildUnitTree(UNITS)), UNITS, (u) => (u.active ? '' : ' (ngừng hoạt động)'));
    expect(options.map((o) => o.label)).toEqual([
      'Sở Nội vụ',
      '— Phòng Thanh tra (ngừng hoạt động)',
      '— — VĂN PHONG (Sở Nội vụ › Phòng Thanh tra)',
      '— Văn phòng (Sở Nội vụ)',
      'Sở Tài chính',
      '— Văn phòng (Sở Tài chính)',
    ]);
  });

  it('reads a typed path with ›, > or " / ", and a plain name as one part', () => {
    expect(splitUnitPath('Sở Tài chính › Văn phòng')).toEqual(['Sở Tài chính', 'Văn phòng']);
    expect(splitUnitPath(' so tai chinh>van phong ')).toEqual(['so tai chinh', 'van phong']);
    expect(splitUnitPath('Sở A / Phòng B / Tổ C')).toEqual(['Sở A', 'Phòng B', 'Tổ C']);
    // a slash inside a name is not a separator
    expect(splitUnitPath('Phòng Lao động/Việc làm')).toEqual(['Phòng Lao động/Việc làm']);
    expect(splitUnitPath('Văn phòng')).toEqual(['Văn phòng']);
  });
});
