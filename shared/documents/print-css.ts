// The printed layout of an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I), shared
// by the DOCX renderer (electron/services/documents/docx.ts) and the HTML print view
// (shared/documents/html.ts): page geometry, type sizes, spacing, the header/footer table
// split, the CSS of the print view, and the small text rules both renderers apply
// (recipient punctuation, signer title lines). Pure: no DOM, no Node APIs.
import { longestWordTwips } from './metrics';
import type { DocHeader, DocSigner, DocTable, DocTableColumn, DocTableRow, Run } from './model';
import { formatPlaceDate } from '../text/vn';

/** 1 mm in twips (1/1440 inch). */
export const TWIPS_PER_MM = 1440 / 25.4;
export const TWIPS_PER_PT = 20;

export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);

/**
 * Page geometry. A4 portrait 210 × 297 mm; margins top 20, bottom 20, left 30, right 15 mm
 * (the low end of NĐ 30: top/bottom 20–25, left 30–35, right 15–20). Landscape appendix
 * pages keep the same four margin values on the turned page.
 */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  widthTwips: 11906,
  heightTwips: 16838,
  margin: {
    topMm: 20,
    bottomMm: 20,
    leftMm: 30,
    rightMm: 15,
    top: 1134,
    bottom: 1134,
    left: 1701,
    right: 851,
    /** distance from the page edge to the header (page number) and to the footer: 10 mm */
    header: 567,
    footer: 567,
  },
} as const;

/** Text width of a portrait page: 11906 − 1701 − 851 = 9354 twips (165 mm). */
export const CONTENT_WIDTH_PORTRAIT = PAGE.widthTwips - PAGE.margin.left - PAGE.margin.right;
/** Text width of a landscape page: 16838 − 1701 − 851 = 14286 twips (252 mm). */
export const CONTENT_WIDTH_LANDSCAPE = PAGE.heightTwips - PAGE.margin.left - PAGE.margin.right;

export const FONT_FAMILY = 'Times New Roman';
/** CSS stack: Liberation Serif and Tinos are metric-compatible with Times New Roman. */
export const CSS_FONT_STACK = "'Times New Roman', 'Liberation Serif', 'Tinos', serif";

/** Type sizes in points (DOCX uses half-points: pt × 2). */
export const SIZE = {
  parentAgency: 13,
  agency: 13,
  number: 13,
  quocHieu: 13,
  tieuNgu: 14,
  placeDate: 14,
  docType: 14,
  title: 14,
  body: 14,
  table: 13,
  recipientsTitle: 12,
  recipients: 11,
  signerTitle: 14,
  signerName: 14,
  pageNumber: 14,
  appendixHeading: 14,
} as const;

/**
 * Spacing. Body: justified, first-line indent 1.27 cm (720 twips), 6 pt after, line spacing
 * "multiple 1.15" (w:line=276 auto). Word's single line of Times New Roman is 1.15 em, so
 * 1.15 lines ≈ 1.32 em: the CSS line-height that matches it.
 */
export const SPACING = {
  firstLineIndentTwips: 720,
  firstLineIndentCm: 1.27,
  afterPt: 6,
  lineAuto: 276,
  cssLineHeight: 1.32,
  /** single spacing (header/footer tables, table cells) */
  singleLineAuto: 240,
  cssSingleLineHeight: 1.15,
  /** space above the document type line */
  docTypeBeforePt: 12,
  /** space under the trích yếu rule, before the bases/body */
  titleAfterPt: 12,
  /** room for the signature and seal above the signer's name (≈ 3 cm) */
  signatureSpacePt: 84,
  /** padding above/below text in data table cells */
  tableCellPaddingPt: 2,
} as const;

/**
 * Header table (twips). The quốc hiệu (13 pt bold) is ≈ 9.6 cm long and "SỞ LAO ĐỘNG -
 * THƯƠNG BINH" (13 pt bold) ≈ 6.9 cm, together more than the 16.5 cm text width, so — as in
 * the usual office templates — the table reaches 7 mm into the left margin
 * (tblInd −396) and its cells have 0.05 cm side padding: columns 4100 (7.2 cm) | 5650
 * (10.0 cm) = 9750 = text width + 396. Footer (signature) table: two equal halves of the
 * text width with Word's default 0.19 cm cell padding.
 */
export const HEADER_COLUMNS: readonly [number, number] = [4100, 5650];
export const HEADER_INDENT = CONTENT_WIDTH_PORTRAIT - (HEADER_COLUMNS[0] + HEADER_COLUMNS[1]);
export const HEADER_CELL_MARGIN = 28;
/** Word's default cell padding left/right (TableNormal): 0.19 cm. */
export const CELL_MARGIN = 108;
export const FOOTER_COLUMNS: readonly [number, number] = [
  Math.floor(CONTENT_WIDTH_PORTRAIT / 2),
  CONTENT_WIDTH_PORTRAIT - Math.floor(CONTENT_WIDTH_PORTRAIT / 2),
];

/** The short rules under the issuing agency and the trích yếu: this share of the text's length (NĐ 30: 1/3–1/2). */
export const SHORT_RULE_RATIO = 0.4;
/** Rule thickness: 0.75 pt (DOCX border size is in eighths of a point: 6). */
export const RULE_PT = 0.75;

// ---------------------------------------------------------------------------------------
// Text rules shared by both renderers

/** Upper-case with Vietnamese rules (agency names, document type, signer titles). */
export function caps(s: string): string {
  return s.toLocaleUpperCase('vi');
}

/**
 * Nơi nhận lines as printed: "- …;" for each, "- …." for the last. The model stores lines
 * without the dash; a dash typed by the user is not doubled. Trailing ";", ".", "," and ":"
 * are replaced by the required mark; blank lines are dropped.
 */
export function recipientLines(recipients: readonly string[]): string[] {
  const lines = recipients
    .map((r) => r.replace(/^\s*[-–—•]\s*/, '').trim())
    .map((r) => r.replace(/[\s;.,:]+$/u, ''))
    .filter((r) => r.length > 0);
  return lines.map((r, i) => `- ${r}${i === lines.length - 1 ? '.' : ';'}`);
}

/**
 * The signer's title lines, CAPS bold:
 * - prefix + authorityTitle, then the position when it differs ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC",
 *   "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", "Q. GIÁM ĐỐC");
 * - without authorityTitle: prefix + position ("GIÁM ĐỐC").
 */
export function signerTitleLines(signer: DocSigner): string[] {
  const prefix = (signer.prefix ?? '').trim();
  const authority = caps((signer.authorityTitle ?? '').trim());
  const position = caps(signer.position.trim());
  const join = (a: string, b: string) => [a, b].filter((x) => x.length > 0).join(' ');
  if (authority) {
    const lines = [join(prefix, authority)];
    if (position && position !== authority) lines.push(position);
    return lines;
  }
  const only = join(prefix, position);
  return only ? [only] : [];
}

/** "Lào Cai, ngày 05 tháng 3 năm 2020", or null when the header has no date line. */
export function placeDateLine(header: DocHeader): string | null {
  if (!header.date) return null;
  return formatPlaceDate(header.place.trim(), header.date);
}

// ---------------------------------------------------------------------------------------
// CSS of the HTML print view

export interface PrintCssOptions {
  /** page numbers centred in the top margin from page 2 on (Chromium @page margin boxes); default true */
  pageNumbers?: boolean;
}

const mm = (v: number) => `${v}mm`;
const marginCss = `${mm(PAGE.margin.topMm)} ${mm(PAGE.margin.rightMm)} ${mm(PAGE.margin.bottomMm)} ${mm(PAGE.margin.leftMm)}`;
/**
 * Printing clips whatever lies outside the page area, and the header table reaches into the
 * left margin (HEADER_INDENT): a long agency name lost its first word ("SỞ") in the PDF. So
 * the printed page area starts that strip earlier and each sheet is padded by it; the text
 * stays 30 mm from the edge and the page number is shifted back to the text's centre.
 */
const PRINT_STRIP_MM = Number((-HEADER_INDENT / TWIPS_PER_MM).toFixed(2));
const printMarginCss = `${mm(PAGE.margin.topMm)} ${mm(PAGE.margin.rightMm)} ${mm(PAGE.margin.bottomMm)} ${mm(PAGE.margin.leftMm - PRINT_STRIP_MM)}`;
const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(3)}%`;
const twipsToMm = (t: number) => (t / TWIPS_PER_MM).toFixed(2);
const twipsToCm = (t: number) => (t / TWIPS_PER_MM / 10).toFixed(3);

/**
 * The style sheet of the print view. Classes:
 * `.sheet` one page flow (the document, each appendix), `.sheet.landscape` a landscape appendix
 * (`@page landscape`); `.od-*` the parts of the document.
 */
export function officialPrintCss(opts: PrintCssOptions = {}): string {
  const pageNumbers = opts.pageNumbers ?? true;
  const pageNumberCss = pageNumbers
    ? `
@page { @top-center { content: counter(page); font-family: ${CSS_FONT_STACK}; font-size: ${SIZE.pageNumber}pt; color: #000; vertical-align: middle; padding-left: ${mm(PRINT_STRIP_MM)}; } }
@page :first { @top-center { content: none; } }`
    : '';
  return `
@page { size: A4 portrait; margin: ${printMarginCss}; }
@page landscape { size: A4 landscape; margin: ${printMarginCss}; }${pageNumberCss}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; font-family: ${CSS_FONT_STACK}; font-size: ${SIZE.body}pt; line-height: ${SPACING.cssLineHeight}; }
.sheet { box-sizing: border-box; background: #fff; }
.sheet.landscape { page: landscape; }
.sheet + .sheet { break-before: page; }
p { margin: 0; }
table { border-collapse: collapse; }
.od-pre { white-space: pre-wrap; }

.od-hdr, .od-ftr { width: 100%; table-layout: fixed; border: none; line-height: ${SPACING.cssSingleLineHeight}; }
.od-hdr td, .od-ftr td { border: none; padding: 0 ${twipsToCm(CELL_MARGIN)}cm; vertical-align: top; }
.od-hdr { width: calc(100% + ${twipsToMm(-HEADER_INDENT)}mm); margin-left: ${twipsToMm(HEADER_INDENT)}mm; }
.od-hdr td { padding: 0 ${twipsToCm(HEADER_CELL_MARGIN)}cm; }
.od-hdr col.l { width: ${pct(HEADER_COLUMNS[0], HEADER_COLUMNS[0] + HEADER_COLUMNS[1])}; }
.od-hdr col.r { width: ${pct(HEADER_COLUMNS[1], HEADER_COLUMNS[0] + HEADER_COLUMNS[1])}; }
.od-ftr col.l { width: ${pct(FOOTER_COLUMNS[0], CONTENT_WIDTH_PORTRAIT)}; }
.od-ftr col.r { width: ${pct(FOOTER_COLUMNS[1], CONTENT_WIDTH_PORTRAIT)}; }
.od-hdr td { text-align: center; }
.od-parent { font-size: ${SIZE.parentAgency}pt; }
.od-agency { font-size: ${SIZE.agency}pt; font-weight: bold; }
.od-number { font-size: ${SIZE.number}pt; padding-top: ${SPACING.afterPt}pt; }
.od-qh { font-size: ${SIZE.quocHieu}pt; font-weight: bold; white-space: nowrap; }
.od-tn { font-size: ${SIZE.tieuNgu}pt; font-weight: bold; white-space: nowrap; }
.od-date { font-size: ${SIZE.placeDate}pt; font-style: italic; padding-top: ${SPACING.afterPt}pt; }
.od-ruled { display: inline-block; }
.od-ruled::after { content: ''; display: block; width: ${SHORT_RULE_RATIO * 100}%; margin: 1pt auto 0; border-top: ${RULE_PT}pt solid #000; }
.od-ruled.full::after { width: 100%; }

.od-doctype { text-align: center; font-weight: bold; font-size: ${SIZE.docType}pt; margin-top: ${SPACING.docTypeBeforePt}pt; break-after: avoid; }
.od-title { text-align: center; font-weight: bold; font-size: ${SIZE.title}pt; margin-bottom: ${SPACING.titleAfterPt}pt; break-after: avoid; }
.od-p { text-align: justify; text-indent: ${SPACING.firstLineIndentCm}cm; margin: 0 0 ${SPACING.afterPt}pt; }
.od-p.noindent { text-indent: 0; }
.od-p.al-left { text-align: left; } .od-p.al-center { text-align: center; } .od-p.al-right { text-align: right; }
.od-basis { font-style: italic; }
.od-h { font-weight: bold; break-after: avoid; }
.od-h3 { font-weight: normal; font-style: italic; }

.od-grid { width: 100%; table-layout: fixed; margin: 0 0 ${SPACING.afterPt}pt; font-size: ${SIZE.table}pt; line-height: ${SPACING.cssSingleLineHeight}; }
.od-grid th, .od-grid td { border: 0.5pt solid #000; padding: ${SPACING.tableCellPaddingPt}pt ${twipsToCm(CELL_MARGIN)}cm; vertical-align: top; text-align: left; }
.od-grid th { font-weight: bold; text-align: center; vertical-align: middle; }
.od-grid thead { display: table-header-group; }
.od-grid tr { break-inside: avoid; }
.od-grid tr.group td { font-weight: bold; }
.od-grid .al-center { text-align: center; } .od-grid .al-right { text-align: right; } .od-grid .al-justify { text-align: justify; }

.od-ftr { margin-top: ${SPACING.afterPt}pt; break-inside: avoid; }
.od-ftr td.r { text-align: center; }
.od-rcpt-title { font-size: ${SIZE.recipientsTitle}pt; font-weight: bold; font-style: italic; }
.od-rcpt { font-size: ${SIZE.recipients}pt; }
.od-sign-title { font-size: ${SIZE.signerTitle}pt; font-weight: bold; }
.od-sign-name { font-size: ${SIZE.signerName}pt; font-weight: bold; margin-top: ${SPACING.signatureSpacePt}pt; }
.od-sign-note { font-size: ${SIZE.signerTitle}pt; font-style: italic; }
.od-ftr td.l.co { text-align: center; }
.od-kg { text-align: center; margin: 0 0 ${SPACING.titleAfterPt}pt; }
.od-kg-list { margin: 0 0 ${SPACING.titleAfterPt}pt 25%; }
.od-kg-item { padding-left: 2cm; }

.od-appx-heading { text-align: center; font-weight: bold; font-size: ${SIZE.appendixHeading}pt; }
.od-appx-sub { text-align: center; font-style: italic; }
.od-appx-last { margin-bottom: ${SPACING.titleAfterPt}pt; }

@media screen {
  html { background: #8a8f96; }
  body { padding: 24px 0; }
  .sheet { width: ${mm(PAGE.widthMm)}; min-height: ${mm(PAGE.heightMm)}; padding: ${marginCss}; margin: 0 auto 24px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.35); }
  .sheet.landscape { width: ${mm(PAGE.heightMm)}; min-height: ${mm(PAGE.widthMm)}; }
}
@media print {
  html, body { background: none; }
  .sheet { width: auto; min-height: 0; padding: 0 0 0 ${mm(PRINT_STRIP_MM)}; margin: 0; box-shadow: none; }
}
`.trim();
}

// ---------------------------------------------------------------------------------------
// Tables

export interface LaidOutCell {
  runs: Run[];
  /** first column index */
  col: number;
  /** number of columns spanned (≥ 1) */
  span: number;
}

/**
 * The cells of a row as drawn: missing cells are blank, extra cells are dropped, and in a
 * group row the last non-empty cell spans the empty cells after it
 * ("I | Công việc thực hiện trong Quý I" across the remaining columns).
 */
export function layoutRowCells(row: DocTableRow, columnCount: number): LaidOutCell[] {
  const cells: Run[][] = [];
  for (let i = 0; i < columnCount; i++) cells.push(row.cells[i] ?? []);
  const isEmpty = (runs: Run[]) => runs.every((r) => r.text.trim() === '');
  if (!row.group) return cells.map((runs, col) => ({ runs, col, span: 1 }));
  let last = cells.length - 1;
  while (last > 0 && isEmpty(cells[last] ?? [])) last--;
  const out: LaidOutCell[] = [];
  for (let col = 0; col <= last; col++) {
    out.push({ runs: cells[col] ?? [], col, span: col === last ? columnCount - last : 1 });
  }
  return out;
}

/** Column widths normalised to `total` (integers summing exactly to it); non-positive widths count as 1. */
export function normaliseWidths(columns: readonly DocTableColumn[], total: number): number[] {
  if (columns.length === 0) return [];
  const raw = columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 1));
  const sum = raw.reduce((a, b) => a + b, 0);
  const widths = raw.map((w) => Math.floor((w / sum) * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

/** A column never claims more than this share of the table for one long word (a URL …): it breaks. */
const MAX_WORD_SHARE = 0.4;
/** Measuring is an estimate (kerning, rounding): a little room on top of the widest word. */
const WORD_SLACK_TWIPS = 30;

/**
 * Column widths (twips, summing exactly to `total`) for a table drawn at `sizePt`: the relative
 * widths, except that no column is narrower than its widest word (the header in bold, the
 * cells as drawn) plus the cell padding, so that Word and the browser never break "STT" or
 * "30/06/2025" inside the word. What a column needs is taken from the columns with room to
 * spare, in proportion to that room; when the words cannot all fit, the widths follow them.
 * Both renderers use it, so DOCX and the print view keep the same columns.
 */
export function tableColumnWidths(t: DocTable, total: number, sizePt: number): number[] {
  const n = t.columns.length;
  const base = normaliseWidths(t.columns, total);
  if (n === 0) return base;
  const cap = total * MAX_WORD_SHARE;
  const need = t.columns.map((c) => longestWordTwips(c.header, sizePt, { bold: true }));
  for (const row of t.rows) {
    for (const c of layoutRowCells(row, n)) {
      // a cell spanning several columns lends its words to none of them
      if (c.span !== 1) continue;
      for (const r of c.runs) {
        const w = longestWordTwips(r.text, sizePt, { bold: row.group || r.bold, italic: r.italic });
        if (w > need[c.col]!) need[c.col] = w;
      }
    }
  }
  const min = need.map((w) => Math.min(cap, Math.ceil(w + 2 * CELL_MARGIN + WORD_SLACK_TWIPS)));
  const deficit = base.reduce((sum, w, i) => sum + Math.max(0, min[i]! - w), 0);
  if (deficit === 0) return base;
  const minSum = min.reduce((a, b) => a + b, 0);
  if (minSum >= total) return normaliseWidths(min.map((w, i) => ({ header: t.columns[i]!.header, width: w })), total);
  const room = base.map((w, i) => Math.max(0, w - min[i]!));
  const roomSum = room.reduce((a, b) => a + b, 0);
  const out = base.map((w, i) => (w < min[i]! ? min[i]! : Math.floor(w - (room[i]! * deficit) / roomSum)));
  // rounding: the last column with room takes the difference
  const rest = total - out.reduce((a, b) => a + b, 0);
  const last = room.map((r, i) => (r > 0 ? i : -1)).filter((i) => i >= 0).pop() ?? n - 1;
  out[last]! += rest;
  return out;
}
