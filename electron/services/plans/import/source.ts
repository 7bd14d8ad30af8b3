// The intermediate form both readers (docx-reader, text-reader) produce and the one shared
// classifier (classify.ts) consumes: the body in order as paragraphs (runs with bold/italic,
// alignment when known) and tables (rows of cells of paragraphs).
import type { Align } from '../../../../shared/documents/model';
import type { PlanRun } from '../../../../shared/plans/model';

export interface SrcParagraph {
  kind: 'p';
  /** runs as read; text may contain '\t' (tab) and '\n' (line break inside the paragraph) */
  runs: PlanRun[];
  /** known for docx only */
  align?: Align;
  /** label text produced by Word's automatic numbering (already prefixed to runs) */
  autoLabel?: string;
}

export interface SrcCell {
  paragraphs: SrcParagraph[];
  /** number of grid columns the cell spans (docx gridSpan) */
  span: number;
  /** docx vMerge continuation: the cell continues the one above */
  mergedUp?: boolean;
}

export interface SrcTable {
  kind: 'table';
  rows: SrcCell[][];
}

export type SrcBlock = SrcParagraph | SrcTable;

export interface SrcDocument {
  source: 'docx' | 'text';
  /** true when bold/alignment are reliable (docx) */
  formatted: boolean;
  blocks: SrcBlock[];
}

const SPACE_RE = /[ \u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

/**
 * Normalise runs: NFC, exotic spaces → ' ', whitespace-only runs take the format of the run
 * before them, adjacent runs of the same format merged, inner whitespace collapsed, trimmed.
 * `keepBreaks` keeps '\t' and '\n' (as single characters) instead of turning them into spaces.
 */
export function normalizeRuns(runs: readonly PlanRun[], keepBreaks = false): PlanRun[] {
  const out: PlanRun[] = [];
  for (const r of runs) {
    let text = r.text.normalize('NFC').replace(SPACE_RE, ' ');
    text = keepBreaks ? text.replace(/ *([\t\n]) */g, '$1').replace(/\t+/g, '\t') : text.replace(/\s+/g, ' ');
    if (text === '') continue;
    const prev = out[out.length - 1];
    const blank = text.trim() === '';
    if (prev && (blank || sameFormat(prev, r))) {
      prev.text += text;
      continue;
    }
    const run: PlanRun = { text };
    if (r.bold) run.bold = true;
    if (r.italic) run.italic = true;
    if (r.underline) run.underline = true;
    out.push(run);
  }
  // collapse whitespace across run boundaries and trim the ends
  for (let i = 0; i < out.length; i++) {
    const r = out[i]!;
    r.text = r.text.replace(keepBreaks ? / {2,}/g : /\s{2,}/g, ' ');
    const prev = out[i - 1];
    if (prev && /\s$/.test(prev.text) && /^ /.test(r.text)) r.text = r.text.slice(1);
  }
  if (out.length) {
    out[0]!.text = out[0]!.text.replace(/^\s+/, '');
    const last = out[out.length - 1]!;
    last.text = last.text.replace(/\s+$/, '');
  }
  const clean = out.filter((r) => r.text !== '');
  // merging may now be possible again after dropping empty runs
  const merged: PlanRun[] = [];
  for (const r of clean) {
    const prev = merged[merged.length - 1];
    if (prev && sameFormat(prev, r)) prev.text += r.text;
    else merged.push(r);
  }
  return merged;
}

function sameFormat(a: PlanRun, b: PlanRun): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.underline === !!b.underline;
}

export function runsText(runs: readonly PlanRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** The paragraph as one line: breaks and tabs become spaces. */
export function paraText(p: SrcParagraph): string {
  return runsText(p.runs).replace(/\s+/g, ' ').trim();
}

/** The paragraph split at tabs and line breaks (header/footer cells, title lines). */
export function paraLines(p: SrcParagraph): { text: string; bold: boolean }[] {
  const out: { text: string; bold: boolean }[] = [];
  let cur = '';
  let boldChars = 0;
  let chars = 0;
  const flush = () => {
    const text = cur.replace(/\s+/g, ' ').trim();
    if (text) out.push({ text, bold: chars > 0 && boldChars / chars > 0.5 });
    cur = '';
    boldChars = 0;
    chars = 0;
  };
  for (const r of p.runs) {
    for (const ch of r.text) {
      if (ch === '\t' || ch === '\n') {
        flush();
        continue;
      }
      cur += ch;
      if (ch.trim()) {
        chars++;
        if (r.bold) boldChars++;
      }
    }
  }
  flush();
  return out;
}

/** Runs with breaks and tabs turned into spaces, normalised. */
export function flatRuns(p: SrcParagraph): PlanRun[] {
  return normalizeRuns(p.runs, false);
}

/** Remove the first `n` characters (a label) and the spaces after them from runs. */
export function dropPrefix(runs: readonly PlanRun[], n: number): PlanRun[] {
  const out: PlanRun[] = [];
  let left = n;
  let trimming = true;
  for (const r of runs) {
    let text = r.text;
    if (left > 0) {
      const take = Math.min(left, text.length);
      text = text.slice(take);
      left -= take;
    }
    if (left === 0 && trimming) {
      text = text.replace(/^\s+/, '');
      if (text) trimming = false;
    }
    if (text) out.push({ ...r, text });
  }
  return out;
}

export function tableCellText(c: SrcCell): string {
  return c.paragraphs
    .map(paraText)
    .filter((t) => t !== '')
    .join('\n');
}
