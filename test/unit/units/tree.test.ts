// Naming units that share a name (a province holds twenty "Văn phòng"): paths for files,
// the name first on screen, pickers that tell them apart.
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/contract/units';
import { buildUnitTree, flattenUnitTree, officeUnitLabels, splitUnitPath, unitDisplayLabels, unitLabels, unitPath, unitTreeOptions, unitTreeRows } from '../../../shared/units/tree';

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

  it('at the province: a label two offices\' units share gets the office\'s name', () => {
    const withOffice = (u: Unit, officeId: string) => ({ ...u, officeId });
    const units = [
      withOffice(unit('a-vp', 'Văn phòng', null), 'A'),
      withOffice(unit('b-vp', 'Văn phòng', null), 'B'),
      withOffice(unit('b-so', 'Sở Y tế', null), 'B'),
      withOffice(unit('b-so-vp', 'Văn phòng', 'b-so'), 'B'),
    ];
    const l = officeUnitLabels(units, (id) => `Cơ quan ${id}`);
    expect(l.get('a-vp')).toBe('Văn phòng — Cơ quan A');
    expect(l.get('b-vp')).toBe('Văn phòng — Cơ quan B');
    // its parents already tell it apart
    expect(l.get('b-so-vp')).toBe('Văn phòng (Sở Y tế)');
    expect(l.get('b-so')).toBe('Sở Y tế');
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

describe('the units screen\'s tree', () => {
  const tree = buildUnitTree([...UNITS, { ...unit('tt-tc', 'Phòng Thanh tra', 'tc'), code: 'TTR-TC' } as Unit]);
  const shown = (r: ReturnType<typeof unitTreeRows>) => r.rows.map((x) => `${'  '.repeat(x.node.depth)}${x.node.unit.id}${x.hasChildren ? (x.expanded ? ' -' : ' +') : ''}${x.match ? ' *' : ''}`);

  it('without a search: every unit, minus the children of closed ones', () => {
    expect(shown(unitTreeRows(tree, new Set()))).toEqual(['nv -', '  tt -', '    vp-x', '  vp-nv', 'tc -', '  tt-tc', '  vp-tc']);
    // closing a unit hides its whole subtree; closing a leaf changes nothing
    expect(shown(unitTreeRows(tree, new Set(['nv', 'vp-tc'])))).toEqual(['nv +', 'tc -', '  tt-tc', '  vp-tc']);
    expect(shown(unitTreeRows(tree, new Set(['tt'])))).toEqual(['nv -', '  tt +', '  vp-nv', 'tc -', '  tt-tc', '  vp-tc']);
  });

  it('a search shows the matches in their place, with their ancestors and descendants, closed units opened', () => {
    // without diacritics, in any case, every word; the parents of a deep match are shown
    const r = unitTreeRows(tree, new Set(['nv', 'tt']), 'van PHONG');
    expect(shown(r)).toEqual(['nv -', '  tt -', '    vp-x *', '  vp-nv *', 'tc -', '  vp-tc *']);
    expect(r.matches).toBe(3);
    // a matching parent brings its subtree; the code counts as part of the name
    expect(shown(unitTreeRows(tree, new Set(), 'thanh tra'))).toEqual(['nv -', '  tt - *', '    vp-x', 'tc -', '  tt-tc *']);
    expect(shown(unitTreeRows(tree, new Set(), 'ttr-tc'))).toEqual(['tc -', '  tt-tc *']);
    expect(shown(unitTreeRows(tree, new Set(), 'sở tài'))).toEqual(['tc - *', '  tt-tc', '  vp-tc']);
    // words may name a parent, as long as one names the unit itself
    expect(shown(unitTreeRows(tree, new Set(), 'văn phòng tài chính'))).toEqual(['tc -', '  vp-tc *']);
    expect(shown(unitTreeRows(tree, new Set(), 'noi vu thanh'))).toEqual(['nv -', '  tt - *', '    vp-x']);
    // no match: nothing; a word inside another ("anh" in "thanh") is no word of the unit
    expect(unitTreeRows(tree, new Set(), 'kho bạc')).toEqual({ rows: [], matches: 0 });
    expect(unitTreeRows(tree, new Set(), 'anh noi')).toEqual({ rows: [], matches: 0 });
    // blank search: the plain tree
    expect(shown(unitTreeRows(tree, new Set(['nv']), '   '))).toEqual(['nv +', 'tc -', '  tt-tc', '  vp-tc']);
  });
});
