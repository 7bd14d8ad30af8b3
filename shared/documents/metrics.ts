// Text width estimates for Times New Roman: the short rules under the issuing agency and the
// trích yếu in DOCX (HTML measures those in the browser), and the narrowest a table column may
// be in both renderers (tableColumnWidths).
// Advance widths (1/1000 em) of ASCII 32–126 from Liberation Serif, which is
// metric-compatible with Times New Roman; a Vietnamese letter takes the width of its
// base letter (Ộ → O, đ → d), which is how the font draws them.

const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500,
  500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
  611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500,
  556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];
const ITALIC = [
  250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 333, 333, 675, 675, 675, 500, 920, 611, 611, 667, 722, 611, 611, 722, 722, 333, 444, 667, 556, 833, 667, 722,
  611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556, 389, 278, 389, 422, 500, 333, 500, 500, 444, 500, 444, 278, 500,
  500, 278, 278, 444, 278, 722, 500, 500, 500, 500, 389, 389, 278, 500, 444, 667, 444, 444, 389, 400, 275, 400, 541,
];

export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
}

/** The ASCII letter a character is drawn on (Ộ → O, đ → d), remembered: NFD is slow. */
const folded = new Map<string, number>();

function advance(ch: string, table: readonly number[]): number {
  let code = ch.codePointAt(0) ?? 32;
  if (code < 32 || code > 126) {
    let base = folded.get(ch);
    if (base === undefined) {
      base = (ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : ch.normalize('NFD').charAt(0)).codePointAt(0) ?? 32;
      if (folded.size < 4096) folded.set(ch, base);
    }
    code = base;
  }
  // outside ASCII even after folding (quotes, dashes, symbols): an average letter
  return table[code - 32] ?? 500;
}

function tableFor(style: FontStyle): readonly number[] {
  return style.bold ? BOLD : style.italic ? ITALIC : REGULAR;
}

/** Width of a string in font units (1/1000 em). */
function unitsOf(text: string, table: readonly number[]): number {
  let units = 0;
  for (const ch of text) units += advance(ch, table);
  return units;
}

/** Estimated width of one line of text, in twips, at `sizePt`. */
export function textWidthTwips(text: string, sizePt: number, style: FontStyle = {}): number {
  return (unitsOf(text, tableFor(style)) / 1000) * sizePt * 20;
}

/**
 * Width (twips) of the longest line once `text` is wrapped greedily at word boundaries into
 * `maxWidth`; explicit "\n" breaks are kept. A single word longer than the line counts as the line.
 */
export function wrappedWidthTwips(text: string, sizePt: number, maxWidth: number, style: FontStyle = {}): number {
  const table = tableFor(style);
  const space = advance(' ', table);
  // widths summed in integer font units, word by word (the same figures as measuring each candidate line)
  const twips = (units: number) => (units / 1000) * sizePt * 20;
  let longest = 0;
  for (const para of text.split(/\r?\n/)) {
    const words = para.trim().split(/\s+/).filter((w) => w.length > 0);
    let line = -1;
    for (const w of words) {
      const units = unitsOf(w, table);
      const candidate = line < 0 ? units : line + space + units;
      if (line >= 0 && twips(candidate) > maxWidth) {
        longest = Math.max(longest, twips(line));
        line = units;
      } else {
        line = candidate;
      }
    }
    if (line >= 0) longest = Math.max(longest, twips(line));
  }
  return Math.min(longest, maxWidth);
}

/** Width (twips) of the widest word of `text` (a line may break between words, never inside one). */
export function longestWordTwips(text: string, sizePt: number, style: FontStyle = {}): number {
  const table = tableFor(style);
  let longest = 0;
  let units = 0;
  for (const ch of text) {
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r') {
      if (units > longest) longest = units;
      units = 0;
    } else {
      units += advance(ch, table);
    }
  }
  if (units > longest) longest = units;
  return (longest / 1000) * sizePt * 20;
}

/**
 * How many lines `text` takes once wrapped greedily at word boundaries into `maxWidth` twips;
 * explicit "\n" breaks are kept, and a word wider than the line takes as many lines as it fills.
 */
export function wrappedLineCount(text: string, sizePt: number, maxWidth: number, style: FontStyle = {}): number {
  const table = tableFor(style);
  const max = Math.max(1, (maxWidth / 20 / sizePt) * 1000);
  const space = advance(' ', table);
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    lines++;
    let line = -1;
    for (const w of para.trim().split(/\s+/)) {
      if (!w) continue;
      const units = unitsOf(w, table);
      if (line >= 0 && line + space + units <= max) {
        line += space + units;
        continue;
      }
      if (line >= 0) lines++;
      // a word wider than the line is broken across lines
      const extra = Math.max(0, Math.ceil(units / max) - 1);
      lines += extra;
      line = units - extra * max;
    }
  }
  return lines;
}
