// Runs ⇄ the DOM of a contentEditable element. Text always goes through escaping (runs → HTML)
// or textContent (DOM → runs); user text is never injected as markup.
import { escapeHtml } from '../../../../shared/documents/html';
import type { PlanRun } from '../../../../shared/plans/model';
import { normaliseRuns } from '../tree';

/** Runs as the inner HTML of an editable: <b>, <i>, <u> around escaped text; "\n" as <br>. */
export function runsToHtml(runs: readonly PlanRun[]): string {
  return runs
    .map((r) => {
      let html = r.text.split('\n').map(escapeHtml).join('<br>');
      if (r.underline) html = `<u>${html}</u>`;
      if (r.italic) html = `<i>${html}</i>`;
      if (r.bold) html = `<b>${html}</b>`;
      return html;
    })
    .join('');
}

interface Fmt {
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

function fmtOf(el: HTMLElement, inherited: Fmt): Fmt {
  const f = { ...inherited };
  const tag = el.tagName;
  if (tag === 'B' || tag === 'STRONG') f.bold = true;
  if (tag === 'I' || tag === 'EM') f.italic = true;
  if (tag === 'U') f.underline = true;
  const st = el.style;
  if (st) {
    const w = st.fontWeight;
    if (w === 'bold' || w === 'bolder' || (/^\d+$/.test(w) && Number(w) >= 600)) f.bold = true;
    else if (w === 'normal' || w === 'lighter' || (/^\d+$/.test(w) && Number(w) < 600)) f.bold = false;
    if (st.fontStyle === 'italic' || st.fontStyle === 'oblique') f.italic = true;
    else if (st.fontStyle === 'normal') f.italic = false;
    if (st.textDecoration.includes('underline') || st.textDecorationLine?.includes('underline')) f.underline = true;
  }
  return f;
}

/** The runs an editable element shows (single paragraph: blocks and <br> become "\n"). */
export function domToRuns(root: Node, multiline = false): PlanRun[] {
  const out: PlanRun[] = [];
  const push = (text: string, f: Fmt) => {
    if (!text) return;
    const run: PlanRun = { text };
    if (f.bold) run.bold = true;
    if (f.italic) run.italic = true;
    if (f.underline) run.underline = true;
    out.push(run);
  };
  const walk = (node: Node, f: Fmt, isRoot: boolean) => {
    if (node.nodeType === Node.TEXT_NODE) {
      // non-breaking spaces typed at the end of a contentEditable line are ordinary spaces
      push((node.textContent ?? '').replace(/\u00a0/g, ' '), f);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    if (el.tagName === 'BR') {
      push(multiline ? '\n' : ' ', f);
      return;
    }
    const block = !isRoot && (el.tagName === 'DIV' || el.tagName === 'P');
    if (block && out.length > 0) push(multiline ? '\n' : ' ', f);
    const inner = isRoot ? f : fmtOf(el, f);
    el.childNodes.forEach((c) => walk(c, inner, false));
  };
  walk(root, { bold: false, italic: false, underline: false }, true);
  // Chromium keeps a trailing <br> in an editable that ends with a line break
  const runs = normaliseRuns(out);
  const last = runs[runs.length - 1];
  if (last && /[\n ]$/.test(last.text) && root.lastChild && (root.lastChild as HTMLElement).tagName === 'BR') {
    last.text = last.text.slice(0, -1);
    if (!last.text) runs.pop();
  }
  return runs;
}

/** Caret position as a character offset in the element's text (null when the selection is elsewhere). */
export function caretOffset(el: HTMLElement): number | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0);
  if (!el.contains(r.endContainer)) return null;
  const pre = document.createRange();
  pre.selectNodeContents(el);
  pre.setEnd(r.endContainer, r.endOffset);
  return pre.toString().length;
}

/** Put the caret at a character offset (clamped; end of text when null). */
export function setCaret(el: HTMLElement, offset: number | null): void {
  const sel = window.getSelection();
  if (!sel) return;
  const range = document.createRange();
  let remaining = offset ?? Number.MAX_SAFE_INTEGER;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  let placed = false;
  while (node) {
    const len = node.textContent?.length ?? 0;
    if (remaining <= len) {
      range.setStart(node, remaining);
      placed = true;
      break;
    }
    remaining -= len;
    const next = walker.nextNode();
    if (!next) {
      range.setStart(node, len);
      placed = true;
      break;
    }
    node = next;
  }
  if (!placed) range.selectNodeContents(el);
  range.collapse(placed);
  sel.removeAllRanges();
  sel.addRange(range);
}
