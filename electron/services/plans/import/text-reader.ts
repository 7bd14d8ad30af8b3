// Plain text → SrcDocument. One non-blank line is one paragraph. Markdown-style emphasis that
// text exports carry ("**bold**", "*italic*") becomes run formatting; an emphasis may span
// consecutive lines ("**KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC**") and is closed at a blank line. An
// asterisk counts as a marker only where emphasis can open (next char not a space or ')') or
// close (previous char not a space or '('), so "(*)" stays literal.
// Lines with at least two non-empty tab-separated cells are table rows (a leading tab is an empty
// first cell): consecutive ones (blank lines between them allowed) form one table when there are
// at least two; a lone tab line stays a paragraph (the classifier splits header/footer lines at
// tabs). A line indented with a tab ("\t- Nội dung") is a paragraph.
import type { PlanRun } from '../../../../shared/plans/model';
import { normalizeRuns, type SrcBlock, type SrcCell, type SrcDocument, type SrcParagraph } from './source';

interface EmphasisState {
  bold: boolean;
  italic: boolean;
}

function parseEmphasis(line: string, state: EmphasisState): PlanRun[] {
  const runs: PlanRun[] = [];
  let cur = '';
  const flush = () => {
    if (!cur) return;
    const r: PlanRun = { text: cur };
    if (state.bold) r.bold = true;
    if (state.italic) r.italic = true;
    runs.push(r);
    cur = '';
  };
  for (let i = 0; i < line.length; ) {
    if (line[i] !== '*') {
      cur += line[i];
      i++;
      continue;
    }
    let n = 0;
    while (line[i + n] === '*') n++;
    const prev = i > 0 ? line[i - 1]! : ' ';
    const next = line[i + n] ?? ' ';
    const canOpen = next.trim() !== '' && next !== ')';
    const canClose = prev.trim() !== '' && prev !== '(';
    if (n > 3 || (!canOpen && !canClose)) {
      cur += '*'.repeat(n);
      i += n;
      continue;
    }
    flush();
    const toggleBold = n >= 2;
    const toggleItalic = n === 1 || n === 3;
    if (toggleBold) state.bold = !state.bold;
    if (toggleItalic) state.italic = !state.italic;
    i += n;
  }
  flush();
  return runs;
}

/** A table row: at least two non-empty cells between tabs (leading tabs = empty first cells). */
function isTabRow(line: string): boolean {
  if (!line.includes('\t')) return false;
  return line.split('\t').filter((c) => c.trim() !== '').length >= 2;
}

function rowCells(line: string, state: EmphasisState): SrcCell[] {
  const parts = line.replace(/^ +/, '').replace(/[ \t]+$/, '').split('\t');
  return parts.map((part) => {
    const runs = normalizeRuns(parseEmphasis(part, state));
    const paragraphs: SrcParagraph[] = runs.length ? [{ kind: 'p', runs }] : [];
    return { paragraphs, span: 1 };
  });
}

export function readPlanText(text: string): SrcDocument {
  const lines = text
    .replace(/^\ufeff/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const blocks: SrcBlock[] = [];
  const state: EmphasisState = { bold: false, italic: false };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      state.bold = false;
      state.italic = false;
      i++;
      continue;
    }
    if (isTabRow(line)) {
      // gather consecutive tab rows, blank lines between them allowed
      const rowLines: number[] = [i];
      let j = i + 1;
      while (j < lines.length) {
        if (lines[j]!.trim() === '') {
          j++;
          continue;
        }
        if (!isTabRow(lines[j]!)) break;
        rowLines.push(j);
        j++;
      }
      if (rowLines.length >= 2) {
        const rows = rowLines.map((k) => rowCells(lines[k]!, state));
        blocks.push({ kind: 'table', rows });
        state.bold = false;
        state.italic = false;
        i = rowLines[rowLines.length - 1]! + 1;
        continue;
      }
    }
    const runs = normalizeRuns(parseEmphasis(line.replace(/^[ \t]+/, ''), state), true);
    if (runs.length) blocks.push({ kind: 'p', runs });
    i++;
  }
  return { source: 'text', formatted: false, blocks };
}
