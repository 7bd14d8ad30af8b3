// The laid-out document between the NĐ 30/2020 layout (docx.ts) and its two writers: the
// `docx` package's object model (docx-model.ts: the package parts, and the reference) and the
// direct WordprocessingML writer (docx-xml.ts: the body, fast). Plain data, every property
// spelled out, so both writers emit the same document.
import type { Align } from '../../../shared/documents/model';
import { FONT_FAMILY } from '../../../shared/documents/print-css';

/** Times New Roman for every script (ascii, hAnsi, eastAsia, cs). */
export const DOCX_FONT = {
  ascii: FONT_FAMILY,
  hAnsi: FONT_FAMILY,
  eastAsia: FONT_FAMILY,
  cs: FONT_FAMILY,
} as const;

export interface TextStyle {
  sizePt: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** One run of text in one style; `lineBreak`: a line break before the text. */
export interface RunSpec {
  text: string;
  /** half-points */
  size: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  lineBreak: boolean;
}

export interface ParaSpec {
  kind: 'paragraph';
  runs: RunSpec[];
  /** null: no alignment written */
  align: Align | null;
  /** twips */
  left: number;
  right: number;
  firstLine: number;
  before: number;
  after: number;
  /** w:line, with lineRule exact (twips) or auto (240ths of a line) */
  line: number;
  exact: boolean;
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
  /** a bottom border (the short rules under headings), eighths of a point */
  ruleSize: number | null;
  /** size of the paragraph mark, half-points */
  markSize: number;
}

export interface CellSpec {
  children: BlockSpec[];
  width: number;
  /** 1: no gridSpan */
  span: number;
  vAlign: 'top' | 'center';
}

export interface RowSpec {
  /** repeated on every page */
  header: boolean;
  cells: CellSpec[];
}

export interface TableSpec {
  kind: 'table';
  rows: RowSpec[];
  width: number;
  columnWidths: number[];
  /** twips from the left margin; null: none */
  indent: number | null;
  /** left/right cell padding, twips; null: Word's default */
  cellMargin: number | null;
  borders: 'none' | 'single';
}

export type BlockSpec = ParaSpec | TableSpec;

export interface OfficialSectionOptions {
  /** A4 landscape (w 16838, h 11906, orient landscape) for wide tables */
  landscape?: boolean;
  /** page numbers in the header (default true) */
  pageNumbers?: boolean;
  /** no page number on this section's first page (titlePg + empty first header); default false */
  unnumberedFirstPage?: boolean;
  /** restart page numbering at 1 with this section (the start of a document) */
  restartNumbering?: boolean;
  /** start on a new page (default); false: continuous */
  newPage?: boolean;
}

export interface SectionSpec {
  children: BlockSpec[];
  options: OfficialSectionOptions;
}

export interface RenderDocxOptions {
  /** page numbers from page 2 on (default true) */
  pageNumbers?: boolean;
  /** document properties */
  title?: string;
  creator?: string;
  description?: string;
  /** the created/modified time in the document properties (default: now) */
  created?: Date;
}
