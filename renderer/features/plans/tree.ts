// Pure operations on a plan's section tree (and the flaggable items around it), used by the
// editor store. Every function returns a new Plan (structural sharing: untouched nodes keep
// their identity, so memoised rows do not re-render) or the same Plan when nothing changes.
import type {
  AppendixBlock,
  IdGenerator,
  LabelStyle,
  Plan,
  PlanBlock,
  PlanParagraph,
  PlanRun,
  PlanSection,
} from '../../../shared/plans/model';

// ---------------------------------------------------------------------------------------------
// Lookup

export interface SectionLocation {
  node: PlanSection;
  /** null for a top-level section */
  parent: PlanSection | null;
  /** index among its siblings */
  index: number;
  siblings: readonly PlanSection[];
  depth: number;
}

export function findSection(sections: readonly PlanSection[], id: string, parent: PlanSection | null = null, depth = 1): SectionLocation | null {
  for (let i = 0; i < sections.length; i++) {
    const node = sections[i]!;
    if (node.id === id) return { node, parent, index: i, siblings: sections, depth };
    const inner = findSection(node.children, id, node, depth + 1);
    if (inner) return inner;
  }
  return null;
}

/** True if `maybeDescendant` is `ancestor` itself or lies under it. */
export function isWithin(sections: readonly PlanSection[], ancestorId: string, maybeDescendantId: string): boolean {
  const a = findSection(sections, ancestorId);
  if (!a) return false;
  return a.node.id === maybeDescendantId || findSection(a.node.children, maybeDescendantId) !== null;
}

// ---------------------------------------------------------------------------------------------
// Low-level list edits

/** Replace the children list of `parentId` (null = top level) through `fn`. */
function editList(sections: PlanSection[], parentId: string | null, fn: (list: PlanSection[]) => PlanSection[]): PlanSection[] {
  if (parentId === null) return fn(sections);
  let changed = false;
  const out = sections.map((s) => {
    if (changed) return s;
    if (s.id === parentId) {
      changed = true;
      return { ...s, children: fn(s.children) };
    }
    const children = editList(s.children, parentId, fn);
    if (children !== s.children) {
      changed = true;
      return { ...s, children };
    }
    return s;
  });
  return changed ? out : sections;
}

function withSections(plan: Plan, sections: PlanSection[]): Plan {
  return sections === plan.sections ? plan : { ...plan, sections };
}

function mapSection(sections: PlanSection[], id: string, fn: (s: PlanSection) => PlanSection): PlanSection[] {
  let changed = false;
  const out = sections.map((s) => {
    if (changed) return s;
    if (s.id === id) {
      const next = fn(s);
      changed = next !== s;
      return next;
    }
    const children = mapSection(s.children, id, fn);
    if (children !== s.children) {
      changed = true;
      return { ...s, children };
    }
    return s;
  });
  return changed ? out : sections;
}

// ---------------------------------------------------------------------------------------------
// Styles

/** The label style a new child of a `parent`-styled section gets (I. → 1. → a) → - → +). */
export function childStyleOf(parent: LabelStyle | null): LabelStyle {
  switch (parent) {
    case null:
      return 'roman';
    case 'roman':
      return 'arabic';
    case 'arabic':
    case 'arabic-paren':
      return 'letter-paren';
    case 'arabic-nested':
      return 'arabic-nested';
    case 'letter-paren':
    case 'letter-dot':
    case 'none':
      return 'dash';
    case 'dash':
    case 'plus':
      return 'plus';
  }
}

/** Headings that print as headings are typed bold (as the templates and the importer do). */
export function headingIsBoldByDefault(style: LabelStyle): boolean {
  return style === 'roman' || style === 'arabic' || style === 'arabic-nested' || style === 'letter-paren';
}

export function newSection(newId: IdGenerator, style: LabelStyle, heading = ''): PlanSection {
  return {
    id: newId(),
    style,
    heading: heading ? [{ text: heading, ...(headingIsBoldByDefault(style) ? { bold: true } : {}) }] : [],
    body: [],
    children: [],
  };
}

export function newParagraph(newId: IdGenerator, text = ''): PlanParagraph {
  return { kind: 'paragraph', id: newId(), runs: text ? [{ text }] : [] };
}

// ---------------------------------------------------------------------------------------------
// Section operations

/** Apply `fn` to one section (heading, style, body, flag …). */
export function updateSection(plan: Plan, id: string, fn: (s: PlanSection) => PlanSection): Plan {
  return withSections(plan, mapSection(plan.sections, id, fn));
}

/** Insert `node` into the children of `parentId` (null = top level) at `index` (clamped). */
export function insertSection(plan: Plan, parentId: string | null, index: number, node: PlanSection): Plan {
  if (parentId !== null && !findSection(plan.sections, parentId)) return plan;
  return withSections(
    plan,
    editList(plan.sections, parentId, (list) => {
      const i = Math.max(0, Math.min(index, list.length));
      return [...list.slice(0, i), node, ...list.slice(i)];
    }),
  );
}

/** Insert `node` right after the section `afterId`, as its sibling. */
export function insertSiblingAfter(plan: Plan, afterId: string, node: PlanSection): Plan {
  const loc = findSection(plan.sections, afterId);
  if (!loc) return plan;
  return insertSection(plan, loc.parent?.id ?? null, loc.index + 1, node);
}

/** Append `node` as the last child of `parentId` (null = top level). */
export function appendChild(plan: Plan, parentId: string | null, node: PlanSection): Plan {
  if (parentId === null) return insertSection(plan, null, plan.sections.length, node);
  const loc = findSection(plan.sections, parentId);
  if (!loc) return plan;
  return insertSection(plan, parentId, loc.node.children.length, node);
}

export interface RemovedSection {
  node: PlanSection;
  parentId: string | null;
  index: number;
}

/** Remove a section (with its subtree); `removed` says where it was, to put it back. */
export function removeSection(plan: Plan, id: string): { plan: Plan; removed: RemovedSection | null } {
  const loc = findSection(plan.sections, id);
  if (!loc) return { plan, removed: null };
  const parentId = loc.parent?.id ?? null;
  const next = withSections(
    plan,
    editList(plan.sections, parentId, (list) => list.filter((s) => s.id !== id)),
  );
  return { plan: next, removed: { node: loc.node, parentId, index: loc.index } };
}

/** Put a removed section back where it was (at the end of the top level if its parent is gone too). */
export function restoreSection(plan: Plan, removed: RemovedSection): Plan {
  if (findSection(plan.sections, removed.node.id)) return plan;
  const parentExists = removed.parentId === null || findSection(plan.sections, removed.parentId) !== null;
  return parentExists
    ? insertSection(plan, removed.parentId, removed.index, removed.node)
    : insertSection(plan, null, plan.sections.length, removed.node);
}

function swap(plan: Plan, id: string, delta: -1 | 1): Plan {
  const loc = findSection(plan.sections, id);
  if (!loc) return plan;
  const j = loc.index + delta;
  if (j < 0 || j >= loc.siblings.length) return plan;
  return withSections(
    plan,
    editList(plan.sections, loc.parent?.id ?? null, (list) => {
      const copy = [...list];
      copy[loc.index] = list[j]!;
      copy[j] = list[loc.index]!;
      return copy;
    }),
  );
}

/** Move a section one place up among its siblings (no-op for the first). */
export function moveUp(plan: Plan, id: string): Plan {
  return swap(plan, id, -1);
}

/** Move a section one place down among its siblings (no-op for the last). */
export function moveDown(plan: Plan, id: string): Plan {
  return swap(plan, id, 1);
}

/**
 * Indent: the section becomes the last child of its previous sibling (no-op for a first
 * sibling). Its style follows its new siblings (or the child style of the new parent), so an
 * indented "2." under "1." becomes "a)".
 */
export function indent(plan: Plan, id: string): Plan {
  const loc = findSection(plan.sections, id);
  if (!loc || loc.index === 0) return plan;
  const prev = loc.siblings[loc.index - 1]!;
  const lastChild = prev.children[prev.children.length - 1];
  const style = lastChild ? lastChild.style : childStyleOf(prev.style);
  const moved = restyle(loc.node, style);
  const removed = editList(plan.sections, loc.parent?.id ?? null, (list) => list.filter((s) => s.id !== id));
  const sections = mapSection(removed, prev.id, (p) => ({ ...p, children: [...p.children, moved] }));
  return withSections(plan, sections);
}

/**
 * Outdent: the section becomes the next sibling of its parent (no-op at the top level) and
 * takes its parent's style. Later siblings stay where they are.
 */
export function outdent(plan: Plan, id: string): Plan {
  const loc = findSection(plan.sections, id);
  if (!loc || !loc.parent) return plan;
  const parent = loc.parent;
  const parentLoc = findSection(plan.sections, parent.id)!;
  const moved = restyle(loc.node, parent.style);
  const removed = editList(plan.sections, parent.id, (list) => list.filter((s) => s.id !== id));
  const sections = editList(removed, parentLoc.parent?.id ?? null, (list) => {
    const i = list.findIndex((s) => s.id === parent.id);
    return [...list.slice(0, i + 1), moved, ...list.slice(i + 1)];
  });
  return withSections(plan, sections);
}

/** Change a section's label style; the heading's bold follows when it was the style's default. */
function restyle(node: PlanSection, style: LabelStyle): PlanSection {
  if (node.style === style) return node;
  return { ...node, style };
}

export function setStyle(plan: Plan, id: string, style: LabelStyle): Plan {
  return updateSection(plan, id, (s) => restyle(s, style));
}

export type DropPosition = 'before' | 'after' | 'inside';

/**
 * Drag and drop: move `id` before/after `targetId` (as its sibling) or inside it (as its last
 * child). Refused (same plan returned) when the target lies within the moved subtree.
 * Dropping inside keeps the style rule of `indent`; before/after takes the target's style
 * only when moving to another level.
 */
export function moveSection(plan: Plan, id: string, targetId: string, position: DropPosition): Plan {
  if (id === targetId || isWithin(plan.sections, id, targetId)) return plan;
  const from = findSection(plan.sections, id);
  const target = findSection(plan.sections, targetId);
  if (!from || !target) return plan;
  const sameLevel = (from.parent?.id ?? null) === (target.parent?.id ?? null);
  let node = from.node;
  if (position === 'inside') {
    const last = target.node.children[target.node.children.length - 1];
    node = restyle(node, last ? last.style : childStyleOf(target.node.style));
  } else if (!sameLevel) {
    node = restyle(node, target.node.style);
  }
  const { plan: without } = removeSection(plan, id);
  if (position === 'inside') return appendChild(without, targetId, node);
  const t = findSection(without.sections, targetId)!;
  return insertSection(without, t.parent?.id ?? null, position === 'before' ? t.index : t.index + 1, node);
}

// ---------------------------------------------------------------------------------------------
// Body blocks of a section

export function updateBlock(plan: Plan, sectionId: string, blockId: string, fn: (b: PlanBlock) => PlanBlock): Plan {
  return updateSection(plan, sectionId, (s) => {
    let changed = false;
    const body = s.body.map((b) => {
      if (b.id !== blockId) return b;
      const next = fn(b);
      if (next !== b) changed = true;
      return next;
    });
    return changed ? { ...s, body } : s;
  });
}

/** Insert a block into a section's body after `afterBlockId` (null = at the start). */
export function insertBlock(plan: Plan, sectionId: string, afterBlockId: string | null, block: PlanBlock): Plan {
  return updateSection(plan, sectionId, (s) => {
    const i = afterBlockId === null ? 0 : s.body.findIndex((b) => b.id === afterBlockId) + 1;
    const at = afterBlockId !== null && i === 0 ? s.body.length : i;
    return { ...s, body: [...s.body.slice(0, at), block, ...s.body.slice(at)] };
  });
}

export function removeBlock(plan: Plan, sectionId: string, blockId: string): Plan {
  return updateSection(plan, sectionId, (s) => (s.body.some((b) => b.id === blockId) ? { ...s, body: s.body.filter((b) => b.id !== blockId) } : s));
}

// ---------------------------------------------------------------------------------------------
// Review flags ("Cần xem lại")

export type ReviewArea = 'bases' | 'preamble' | 'sections' | 'closing' | 'appendices';

export interface ReviewItem {
  id: string;
  area: ReviewArea;
}

/** Every flagged item in document order. */
export function reviewItems(plan: Plan): ReviewItem[] {
  const out: ReviewItem[] = [];
  for (const b of plan.bases) if (b.flag) out.push({ id: b.id, area: 'bases' });
  for (const p of plan.preamble) if (p.flag) out.push({ id: p.id, area: 'preamble' });
  const walk = (list: readonly PlanSection[]) => {
    for (const s of list) {
      if (s.flag) out.push({ id: s.id, area: 'sections' });
      for (const b of s.body) if (b.flag) out.push({ id: b.id, area: 'sections' });
      walk(s.children);
    }
  };
  walk(plan.sections);
  for (const p of plan.closing) if (p.flag) out.push({ id: p.id, area: 'closing' });
  for (const a of plan.appendices) {
    for (const b of a.blocks) {
      if (b.flag) out.push({ id: b.id, area: 'appendices' });
      if (b.kind === 'quarterly') for (const g of b.groups) for (const t of g.tasks) if (t.flag) out.push({ id: t.id, area: 'appendices' });
    }
  }
  return out;
}

function unflag<T extends { id: string; flag?: 'review' }>(x: T, id: string): T {
  if (x.id !== id || !x.flag) return x;
  const copy = { ...x };
  delete copy.flag;
  return copy;
}

function unflagList<T extends { id: string; flag?: 'review' }>(list: T[], id: string): T[] {
  let changed = false;
  const out = list.map((x) => {
    const y = unflag(x, id);
    if (y !== x) changed = true;
    return y;
  });
  return changed ? out : list;
}

function unflagSections(list: PlanSection[], id: string): PlanSection[] {
  let changed = false;
  const out = list.map((s) => {
    let next = unflag(s, id);
    const body = unflagList(next.body, id);
    const children = unflagSections(next.children, id);
    if (body !== next.body || children !== next.children) next = { ...next, body, children };
    if (next !== s) changed = true;
    return next;
  });
  return changed ? out : list;
}

function unflagAppendixBlock(b: AppendixBlock, id: string): AppendixBlock {
  let next = unflag(b, id);
  if (next.kind === 'quarterly') {
    let changed = false;
    const groups = next.groups.map((g) => {
      const tasks = unflagList(g.tasks, id);
      if (tasks === g.tasks) return g;
      changed = true;
      return { ...g, tasks };
    });
    if (changed) next = { ...next, groups };
  }
  return next;
}

/** Clear the review flag of the item `id`, wherever it is. */
export function clearFlag(plan: Plan, id: string): Plan {
  const bases = unflagList(plan.bases, id);
  const preamble = unflagList(plan.preamble, id);
  const sections = unflagSections(plan.sections, id);
  const closing = unflagList(plan.closing, id);
  let appendicesChanged = false;
  const appendices = plan.appendices.map((a) => {
    let changed = false;
    const blocks = a.blocks.map((b) => {
      const n = unflagAppendixBlock(b, id);
      if (n !== b) changed = true;
      return n;
    });
    if (!changed) return a;
    appendicesChanged = true;
    return { ...a, blocks };
  });
  if (bases === plan.bases && preamble === plan.preamble && sections === plan.sections && closing === plan.closing && !appendicesChanged) return plan;
  return { ...plan, bases, preamble, sections, closing, appendices: appendicesChanged ? appendices : plan.appendices };
}

// ---------------------------------------------------------------------------------------------
// Runs

function sameFormat(a: PlanRun, b: PlanRun): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.underline === !!b.underline;
}

/** Merge neighbouring runs with the same formatting and drop empty ones; NFC text. */
export function normaliseRuns(runs: readonly PlanRun[]): PlanRun[] {
  const out: PlanRun[] = [];
  for (const r of runs) {
    if (!r.text) continue;
    const text = r.text.normalize('NFC');
    const last = out[out.length - 1];
    if (last && sameFormat(last, r)) {
      out[out.length - 1] = { ...last, text: last.text + text };
      continue;
    }
    const run: PlanRun = { text };
    if (r.bold) run.bold = true;
    if (r.italic) run.italic = true;
    if (r.underline) run.underline = true;
    out.push(run);
  }
  return out;
}

export function runsEqual(a: readonly PlanRun[], b: readonly PlanRun[]): boolean {
  const x = normaliseRuns(a);
  const y = normaliseRuns(b);
  return x.length === y.length && x.every((r, i) => r.text === y[i]!.text && sameFormat(r, y[i]!));
}
