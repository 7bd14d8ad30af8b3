// Label generation for the section tree. Labels are never stored: a node's label follows
// from its style and its position among the siblings that share that style
// (a node's ordinal counts only earlier siblings of the same style, so a part may mix
// "1." items and "-" bullets and each sequence runs on its own).
import { toRoman } from '../text/vn';
import type { LabelStyle, PlanSection } from './model';

/**
 * Vietnamese letter sequence for points: a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r,
 * s, t, u, v, x, y (as in legal drafting; shared/text/vn toLetter skips "đ", which would
 * renumber a source that has "đ)").
 */
export const VI_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

export function viLetter(n: number): string {
  const len = VI_LETTERS.length;
  if (n <= len) return VI_LETTERS[n - 1] ?? 'a';
  // beyond "y": aa, ab … (never seen in plans, but stay total)
  return viLetter(Math.floor((n - 1) / len)) + (VI_LETTERS[(n - 1) % len] ?? 'a');
}

/** Index (1-based) of a letter label in the Vietnamese sequence; falls back to the Latin order. */
export function viLetterIndex(letter: string): number {
  const i = VI_LETTERS.indexOf(letter.toLowerCase());
  if (i >= 0) return i + 1;
  const c = letter.toLowerCase().charCodeAt(0) - 96;
  return c >= 1 && c <= 26 ? c : 1;
}

/**
 * Label for the n-th (1-based) node of a style. `parentPath` is the numeric path of the
 * parent used by 'arabic-nested' ("1.2." under "1." → path [1], own number 2).
 */
export function formatLabel(style: LabelStyle, n: number, parentPath: readonly number[] = []): string {
  switch (style) {
    case 'roman':
      return `${toRoman(n)}.`;
    case 'arabic':
      return `${n}.`;
    case 'arabic-paren':
      return `${n})`;
    case 'arabic-nested':
      return `${[...parentPath, n].join('.')}.`;
    case 'letter-paren':
      return `${viLetter(n)})`;
    case 'letter-dot':
      return `${viLetter(n)}.`;
    case 'dash':
      return '-';
    case 'plus':
      return '+';
    case 'none':
      return '';
  }
}

export interface NumberedSection {
  node: PlanSection;
  /** generated label ("II.", "1.", "1.2.", "a)", "-", "+", "" for none) */
  label: string;
  /** 1 for top-level sections */
  depth: number;
  /** ordinal among same-style siblings (1-based) */
  ordinal: number;
  /** numeric path used by nested arabic labels */
  path: number[];
  parent: NumberedSection | null;
}

/**
 * Walk the tree depth-first (parents first) with generated labels.
 * Nested arabic ("1.1.") numbering: path = parent's path + own ordinal, where an arabic parent
 * contributes its ordinal, a nested parent its whole path, and any other parent (e.g. a roman
 * part directly holding "1.1." items) its own ordinal.
 */
export function walkNumbered(
  sections: readonly PlanSection[],
  visit: (n: NumberedSection) => void,
  parent: NumberedSection | null = null,
): void {
  const counters = new Map<LabelStyle, number>();
  for (const node of sections) {
    const ordinal = (counters.get(node.style) ?? 0) + 1;
    counters.set(node.style, ordinal);
    let parentPath: number[] = [];
    if (parent) {
      if (parent.node.style === 'arabic-nested' || parent.node.style === 'arabic' || parent.node.style === 'arabic-paren')
        parentPath = parent.path;
      else parentPath = [parent.ordinal];
    }
    const path = node.style === 'arabic-nested' ? [...parentPath, ordinal] : [ordinal];
    const numbered: NumberedSection = {
      node,
      label: formatLabel(node.style, ordinal, parentPath),
      depth: parent ? parent.depth + 1 : 1,
      ordinal,
      path,
      parent,
    };
    visit(numbered);
    walkNumbered(node.children, visit, numbered);
  }
}

/** id → generated label for every node of the tree. */
export function sectionLabels(sections: readonly PlanSection[]): Map<string, string> {
  const out = new Map<string, string>();
  walkNumbered(sections, (n) => out.set(n.node.id, n.label));
  return out;
}
