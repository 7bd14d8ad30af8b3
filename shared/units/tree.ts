import { compareVi, foldQuery, foldVi, matchesQuery, startsAWord, type FoldedQuery } from '../text/vn';
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

/** Staff in each unit with its sub-units (a department's own count is often 0). */
export function subtreeTotals(nodes: readonly UnitNode[], out = new Map<string, number>()): Map<string, number> {
  for (const n of nodes) {
    subtreeTotals(n.children, out);
    out.set(n.unit.id, n.unit.staffCount + n.children.reduce((sum, c) => sum + out.get(c.unit.id)!, 0));
  }
  return out;
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

/** The unit and its descendants (in memory). */
export function subtreeOf(units: readonly { id: string; parentId: string | null }[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (!u.parentId) continue;
    const list = children.get(u.parentId);
    if (list) list.push(u.id);
    else children.set(u.parentId, [u.id]);
  }
  const out = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    for (const c of children.get(stack.pop()!) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}

/** What naming a unit needs: its name and its parent. */
export interface UnitLike {
  id: string;
  name: string;
  parentId: string | null;
}

/** Separator of a unit path, as written and as read ("Sở Tài chính › Văn phòng"); ">" and "/" are read too. */
export const UNIT_PATH_SEPARATOR = ' › ';

/** The units from the root down to the unit (a parent loop in the data stops where it repeats). */
export function unitAncestry<U extends UnitLike>(byId: ReadonlyMap<string, U>, id: string): U[] {
  const chain: U[] = [];
  const seen = new Set<string>();
  for (let cur = byId.get(id); cur && !seen.has(cur.id); cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
    seen.add(cur.id);
    chain.unshift(cur);
  }
  return chain;
}

/** The names from the root down to the unit. */
export function unitChain(byId: ReadonlyMap<string, UnitLike>, id: string): string[] {
  return unitAncestry(byId, id).map((u) => u.name);
}

/** The path of a unit's parents ("Sở Tài chính"; '' for a top-level unit): where a collective sits. */
export function parentPath(byId: ReadonlyMap<string, UnitLike>, id: string): string {
  return unitChain(byId, id).slice(0, -1).join(UNIT_PATH_SEPARATOR);
}

/** Full path "Sở … › Phòng …" of a unit. */
export function unitPath(units: readonly UnitLike[], id: string): string {
  return unitChain(new Map(units.map((u) => [u.id, u])), id).join(UNIT_PATH_SEPARATOR);
}

/**
 * A name for each unit that points at it alone, for files people fill in and import again: the
 * unit's name where no other unit has it (without diacritics), else its path from the root
 * ("Sở Tài chính › Văn phòng": a province holds twenty "Văn phòng").
 */
export function unitLabels(units: readonly UnitLike[]): Map<string, string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const count = new Map<string, number>();
  for (const u of units) count.set(foldVi(u.name), (count.get(foldVi(u.name)) ?? 0) + 1);
  return new Map(units.map((u) => [u.id, (count.get(foldVi(u.name)) ?? 0) > 1 ? unitChain(byId, u.id).join(UNIT_PATH_SEPARATOR) : u.name]));
}

/**
 * The same for reading on screen, the unit's own name first: "Văn phòng (Sở Tài chính)" where
 * the name is shared, so a narrow column cut short still shows which unit it is.
 */
export function unitDisplayLabels(units: readonly UnitLike[]): Map<string, string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const paths = unitLabels(units);
  return new Map(
    units.map((u) => {
      if (paths.get(u.id) === u.name) return [u.id, u.name];
      const parents = unitChain(byId, u.id).slice(0, -1);
      return [u.id, parents.length ? `${u.name} (${parents.join(UNIT_PATH_SEPARATOR)})` : u.name];
    }),
  );
}

/** Whether the units belong to more than one office (at the province, after offices' bundles came in). */
export function spansOffices(units: readonly { officeId: string }[]): boolean {
  return units.some((u) => u.officeId !== units[0]!.officeId);
}

/**
 * unitDisplayLabels for units of several offices (at the province): a label two offices' units
 * still share (each office's top-level "Văn phòng") is followed by the office's name.
 */
export function officeUnitLabels(units: readonly (UnitLike & { officeId: string })[], officeName: (officeId: string) => string): Map<string, string> {
  const labels = unitDisplayLabels(units);
  const offices = new Map<string, Set<string>>();
  for (const u of units) {
    const l = labels.get(u.id)!;
    const set = offices.get(l);
    if (set) set.add(u.officeId);
    else offices.set(l, new Set([u.officeId]));
  }
  for (const u of units) {
    const l = labels.get(u.id)!;
    if (offices.get(l)!.size > 1) labels.set(u.id, `${l} — ${officeName(u.officeId)}`);
  }
  return labels;
}

/**
 * A unit picker's options in tree order: indented, and a name other units share followed by its
 * parents ("— Văn phòng (Sở Tài chính)"), so a search, or the value once chosen, tells them
 * apart. `all`: the units whose names count as shared (default: those of `nodes`).
 */
export function unitTreeOptions(
  nodes: readonly UnitNode[],
  all: readonly UnitLike[] = nodes.map((n) => n.unit),
  suffix?: (u: Unit) => string,
): Array<{ value: string; label: string }> {
  const labels = unitDisplayLabels(all);
  return nodes.map((n) => ({ value: n.unit.id, label: `${'— '.repeat(n.depth)}${labels.get(n.unit.id) ?? n.unit.name}${suffix?.(n.unit) ?? ''}` }));
}

/** The parts of a unit path as typed ("A › B", "A > B", "A / B"); one part when it is a plain name. */
export function splitUnitPath(text: string): string[] {
  return text
    .split(/\s*(?:›|>|\s\/\s)\s*/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** One row of the units screen's tree. */
export interface UnitTreeRow {
  node: UnitNode;
  hasChildren: boolean;
  /** its children are shown */
  expanded: boolean;
  /** the unit itself matches the search (an ancestor or a descendant of a match does not) */
  match: boolean;
}

/**
 * Whether a unit matches a search: the lists' rule (matchesQuery) on its own folded name and code,
 * or every word starting a word of its own text or of its parents' names (`parents`, folded), at
 * least one word its own — "văn phòng tài chính" finds the Văn phòng of Sở Tài chính.
 */
export function unitMatches(own: string, parents: string, q: FoldedQuery): boolean {
  const { words } = q;
  return matchesQuery(own, q) || (words.length > 1 && words.some((w) => startsAWord(own, w)) && words.every((w) => startsAWord(own, w) || startsAWord(parents, w)));
}

/** A unit's own text for unitMatches: its name and code, folded. */
export function unitOwnKey(unit: { name: string; code?: string | null }): string {
  return foldVi(unit.code ? `${unit.name} ${unit.code}` : unit.name);
}

/**
 * The rows a tree shows. Without a search: every root, and the children of expanded units
 * (`collapsed` holds the ids closed by the user). With a search (typed with or without
 * diacritics): the matching units — by the lists' rule (matchesQuery) on the name and code, or
 * each word starting a word of the name, the code or a parent's name, at least one of its own,
 * so "văn phòng tài chính" finds the Văn phòng of Sở Tài chính — their
 * ancestors, so each is seen in its place, and their descendants, so a matching Sở opens on its
 * departments; `collapsed` is ignored then, as a closed parent would hide the match.
 */
export function unitTreeRows(nodes: readonly UnitNode[], collapsed: ReadonlySet<string>, search = ''): { rows: UnitTreeRow[]; matches: number } {
  const q = foldQuery(search);
  const { words } = q;
  const rows: UnitTreeRow[] = [];
  if (words.length === 0) {
    const walk = (ns: readonly UnitNode[]) => {
      for (const node of ns) {
        const expanded = node.children.length > 0 && !collapsed.has(node.unit.id);
        rows.push({ node, hasChildren: node.children.length > 0, expanded, match: false });
        if (expanded) walk(node.children);
      }
    };
    walk(nodes);
    return { rows, matches: 0 };
  }
  let matches = 0;
  // returns whether anything of the subtree is shown; rows are added in tree order
  const walk = (ns: readonly UnitNode[], parents: string, underMatch: boolean): boolean => {
    let any = false;
    for (const node of ns) {
      const match = unitMatches(unitOwnKey(node.unit), parents, q);
      if (match) matches++;
      const at = rows.length;
      const row: UnitTreeRow = { node, hasChildren: node.children.length > 0, expanded: false, match };
      rows.push(row);
      const below = walk(node.children, `${parents} ${foldVi(node.unit.name)}`, underMatch || match);
      if (match || underMatch || below) {
        row.expanded = rows.length > at + 1;
        any = true;
      } else rows.length = at; // nothing to show here: drop the row and its subtree
    }
    return any;
  };
  walk(nodes, '', false);
  return { rows, matches };
}
