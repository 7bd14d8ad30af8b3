import { compareVi } from '../text/vn';
import type { Unit } from '../contract/units';

export interface UnitNode {
  unit: Unit;
  depth: number;
  children: UnitNode[];
}

export const UNIT_KIND_LABELS: Record<Unit['kind'], string> = {
  phong_chuyen_mon: 'Phòng chuyên môn',
  don_vi_truc_thuoc: 'Đơn vị trực thuộc',
  cap_duoi: 'Cơ quan cấp dưới',
  khac: 'Khác',
};

/** Units as a forest ordered by sort order then Vietnamese name; orphans become roots. */
export function buildUnitTree(units: Unit[]): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const byParent = new Map<string | null, Unit[]>();
  for (const u of units) {
    const k = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    const list = byParent.get(k);
    if (list) list.push(u);
    else byParent.set(k, [u]);
  }
  const build = (parent: string | null, depth: number): UnitNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.sortOrder - b.sortOrder || compareVi(a.name, b.name))
      .map((unit) => ({ unit, depth, children: build(unit.id, depth + 1) }));
  return build(null, 0);
}

/** Depth-first flattening, e.g. for a select box with indented names. */
export function flattenUnitTree(nodes: UnitNode[]): UnitNode[] {
  const out: UnitNode[] = [];
  const walk = (ns: UnitNode[]) => {
    for (const n of ns) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** Full path "Sở … › Phòng …" of a unit. */
export function unitPath(units: Unit[], id: string): string {
  const map = new Map(units.map((u) => [u.id, u]));
  const parts: string[] = [];
  let cur = map.get(id);
  const seen = new Set<string>();
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    parts.unshift(cur.name);
    cur = cur.parentId ? map.get(cur.parentId) : undefined;
  }
  return parts.join(' › ');
}
