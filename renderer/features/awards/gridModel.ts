// The year-end grid's editable model, keyboard type-ahead and paste from Excel — pure
// functions, so the behaviour is testable without a browser.
import type { Rating } from '../../../shared/awards';
import { parseMarkWord, parseRatingWord, ratingsForPrefix, type YearGridRow } from '../../../shared/contract/records';
import { foldVi } from '../../../shared/text/vn';

export const GRID_COLS = ['rating', 'maternity', 'review', 'LDTT', 'CSTDCS'] as const;
export type GridCol = (typeof GRID_COLS)[number];

export interface RowDraft {
  rating: Rating | null;
  maternity: boolean;
  review: boolean;
  LDTT: boolean;
  CSTDCS: boolean;
}

export function draftOf(r: YearGridRow): RowDraft {
  return { rating: r.rating, maternity: r.maternityLeave, review: r.underReview, LDTT: r.titles.LDTT.held, CSTDCS: r.titles.CSTDCS.held };
}

export function sameDraft(a: RowDraft, b: RowDraft): boolean {
  return a.rating === b.rating && a.maternity === b.maternity && a.review === b.review && a.LDTT === b.LDTT && a.CSTDCS === b.CSTDCS;
}

/** A title ticked by a decision entered elsewhere cannot be changed in the grid. */
export function isLocked(r: YearGridRow, col: GridCol): boolean {
  return (col === 'LDTT' || col === 'CSTDCS') && r.titles[col].locked;
}

/** Words that mean "yes" in a column besides x/có/1/✓ (its own name). */
export const COL_MARK_WORDS: Record<Exclude<GridCol, 'rating'>, readonly string[]> = {
  maternity: ['thai sản', 'nghỉ thai sản', 'TS'],
  review: ['đang xem xét', 'xem xét', 'đang bị xem xét', 'thanh tra', 'kiểm tra'],
  LDTT: ['LĐTT', 'Lao động tiên tiến', 'đạt LĐTT'],
  CSTDCS: ['CSTĐCS', 'Chiến sĩ thi đua cơ sở', 'CSTĐ cơ sở', 'đạt CSTĐCS'],
};

// ---- type-ahead ------------------------------------------------------------------------

/** The rating typed so far ("HT" → undecided, "HTX" → HTXSNV); null when the text means none. */
export function typeAhead(buffer: string): { rating: Rating | null; complete: boolean } {
  const matches = ratingsForPrefix(buffer);
  if (matches.length === 1) return { rating: matches[0]!, complete: true };
  if (matches.length > 1) return { rating: null, complete: false };
  return { rating: null, complete: true };
}

// ---- clipboard -------------------------------------------------------------------------

/**
 * Excel's text/plain clipboard: rows by newline, cells by tab; a cell holding a tab, a newline
 * or a quote is quoted with doubled quotes inside. A trailing newline is not an extra row.
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => c.trim()));
}

export interface PasteProblem {
  /** 0-based grid row */
  row: number;
  col: GridCol | 'name';
  value: string;
  kind: 'rating' | 'mark' | 'readonly' | 'locked' | 'name';
}

export interface PasteOutcome {
  drafts: RowDraft[];
  applied: number;
  problems: PasteProblem[];
  extraRows: number;
  extraCols: number;
  /** the block's first column named the people (rows matched by name) */
  byName: boolean;
}

const HEADER_WORDS = new Set(['ho va ten', 'ho ten', 'ten', 'stt', 'tt', 'xep loai', 'ho va ten can bo']);

/**
 * Paste `block` at (row, col). Recognised cells overwrite the draft; unrecognised ones are
 * reported and left as they were. When the block's first column holds names of the grid's
 * people (copied with the names from another sheet), rows are matched by name, not position;
 * a header row ("Họ và tên | Xếp loại") is skipped.
 */
export function applyPaste(rows: readonly YearGridRow[], drafts: readonly RowDraft[], block: string[][], at: { row: number; col: number }): PasteOutcome {
  const out = drafts.map((d) => ({ ...d }));
  const problems: PasteProblem[] = [];
  let applied = 0;
  let extraRows = 0;
  let extraCols = 0;
  let body = block.filter((r) => r.some((c) => c !== ''));
  if (body.length && HEADER_WORDS.has(foldVi(body[0]![0] ?? ''))) body = body.slice(1);

  // names in the first column?
  const nameIndex = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const k = foldVi(r.fullName);
    nameIndex.set(k, [...(nameIndex.get(k) ?? []), i]);
  });
  const firstCells = body.map((r) => foldVi(r[0] ?? '')).filter(Boolean);
  const byName = firstCells.length > 0 && firstCells.every((k) => nameIndex.has(k)) && body.every((r) => r.length >= 2 || (r[0] ?? '') === '');

  body.forEach((cells, bi) => {
    let target: number;
    let values = cells;
    if (byName) {
      const hits = nameIndex.get(foldVi(cells[0] ?? '')) ?? [];
      values = cells.slice(1);
      if (hits.length !== 1) {
        if (cells[0]) problems.push({ row: hits[0] ?? -1, col: 'name', value: cells[0], kind: 'name' });
        return;
      }
      target = hits[0]!;
    } else {
      target = at.row + bi;
      if (target >= rows.length) {
        extraRows++;
        return;
      }
    }
    values.forEach((raw, ci) => {
      const c = at.col + ci;
      if (c >= GRID_COLS.length) {
        if (raw !== '') extraCols = Math.max(extraCols, c - GRID_COLS.length + 1);
        return;
      }
      const col = GRID_COLS[c]!;
      const row = rows[target]!;
      if (col === 'rating') {
        if (raw === '') {
          out[target]!.rating = null;
          applied++;
          return;
        }
        const r = parseRatingWord(raw);
        if (r) {
          out[target]!.rating = r;
          applied++;
        } else problems.push({ row: target, col, value: raw, kind: 'rating' });
        return;
      }
      const mark = parseMarkWord(raw, COL_MARK_WORDS[col]);
      if (mark === undefined) {
        problems.push({ row: target, col, value: raw, kind: 'mark' });
        return;
      }
      if (isLocked(row, col)) {
        if (mark !== out[target]![col]) problems.push({ row: target, col, value: raw, kind: 'locked' });
        return;
      }
      out[target]![col] = mark;
      applied++;
    });
  });
  return { drafts: out, applied, problems, extraRows, extraCols, byName };
}
