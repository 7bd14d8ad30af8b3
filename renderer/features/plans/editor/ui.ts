// View state of the editor that is not part of the plan (collapsed nodes, drag and drop,
// the active tab, the item flashed after "jump to") and the focus helper.
import { create } from 'zustand';
import type { Plan } from '../../../../shared/plans/model';
import { sectionLabels } from '../../../../shared/plans/numbering';
import type { DropPosition, ReviewArea } from '../tree';
import { setCaret } from './runs-dom';

export type EditorTab = 'header' | 'content' | 'footer' | 'appendices';

export const AREA_TAB: Record<ReviewArea, EditorTab> = {
  bases: 'header',
  preamble: 'header',
  sections: 'content',
  closing: 'footer',
  appendices: 'appendices',
};

interface EditorUi {
  tab: EditorTab;
  collapsed: ReadonlySet<string>;
  dragging: string | null;
  drop: { id: string; pos: DropPosition } | null;
  flash: string | null;
  setTab(tab: EditorTab): void;
  toggle(id: string): void;
  expand(ids: readonly string[]): void;
  setDragging(id: string | null): void;
  setDrop(d: { id: string; pos: DropPosition } | null): void;
  setFlash(id: string | null): void;
  reset(): void;
}

export const useEditorUi = create<EditorUi>((set, get) => ({
  tab: 'content',
  collapsed: new Set(),
  dragging: null,
  drop: null,
  flash: null,
  setTab: (tab) => set({ tab }),
  toggle: (id) => {
    const next = new Set(get().collapsed);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    set({ collapsed: next });
  },
  expand: (ids) => {
    const cur = get().collapsed;
    if (!ids.some((id) => cur.has(id))) return;
    const next = new Set(cur);
    for (const id of ids) next.delete(id);
    set({ collapsed: next });
  },
  setDragging: (dragging) => set({ dragging, drop: null }),
  setDrop: (drop) => {
    const cur = get().drop;
    if (cur?.id === drop?.id && cur?.pos === drop?.pos) return;
    set({ drop });
  },
  setFlash: (flash) => set({ flash }),
  reset: () => set({ tab: 'content', collapsed: new Set(), dragging: null, drop: null, flash: null }),
}));

// Generated labels, computed once per version of the section tree.
const labelCache = new WeakMap<Plan['sections'], Map<string, string>>();

export function labelsOf(sections: Plan['sections']): Map<string, string> {
  let m = labelCache.get(sections);
  if (!m) {
    m = sectionLabels(sections);
    labelCache.set(sections, m);
  }
  return m;
}

function findEditable(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-edit-id="${CSS.escape(id)}"]`);
}

/**
 * Focus the editable of `id` once it is on screen; caret at `offset` (end when null).
 * The first try runs as a microtask — after React has committed the change made in the same
 * event handler, before the next keystroke is handled — so fast typing after Enter lands in
 * the new item; later tries wait for animation frames.
 */
export function focusEditable(id: string, offset: number | null = null): void {
  let tries = 0;
  const attempt = () => {
    const el = findEditable(id);
    if (el) {
      if (document.activeElement !== el) el.focus({ preventScroll: true });
      if (el.isContentEditable) setCaret(el, offset);
      el.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (++tries < 20) requestAnimationFrame(attempt);
  };
  queueMicrotask(attempt);
}

/** Scroll to the node `id` (any element carrying data-node-id), flash it and focus its editable. */
export function revealNode(id: string): void {
  let tries = 0;
  const attempt = () => {
    const el = document.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(id)}"]`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      const editable = el.querySelector<HTMLElement>('[contenteditable="true"], input, textarea');
      editable?.focus({ preventScroll: true });
      useEditorUi.getState().setFlash(id);
      setTimeout(() => {
        if (useEditorUi.getState().flash === id) useEditorUi.getState().setFlash(null);
      }, 1600);
      return;
    }
    if (++tries < 30) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
