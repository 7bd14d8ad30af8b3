// DOCX rendering of an OfficialDocument, laid out per Nghị định 30/2020/NĐ-CP (Phụ lục I):
// A4 portrait, margins 20/20/30/15 mm, Times New Roman, black; header and footer as
// two-column borderless tables, as offices type them in Word; page numbers centred in the
// top margin from page 2 on; appendices on their own sections (landscape for wide tables).
//
// The layout numbers live in shared/documents/print-css.ts (shared with the HTML view). The
// functions here lay a document out as plain data (docx-spec.ts); renderDocx writes the body
// XML directly and takes every other part of the package from the `docx` package
// (docx-xml.ts), because the `docx` object model costs ≈20 ms for a two-page report
// (500 reports in a dossier); renderDocxViaModel builds it through `docx` end to end and is
// the reference the tests compare renderDocx with.
import type { Align, Block, DocAppendix, DocHeader, DocSigner, DocTable, OfficialDocument, Run } from '../../../shared/documents/model';
import { QUOC_HIEU, TIEU_NGU } from '../../../shared/documents/model';
import {
  CONTENT_WIDTH_LANDSCAPE,
  CONTENT_WIDTH_PORTRAIT,
  CELL_MARGIN,
  FOOTER_COLUMNS,
  HEADER_CELL_MARGIN,
  HEADER_COLUMNS,
  HEADER_INDENT,
  RULE_PT,
  SHORT_RULE_RATIO,
  SIZE,
  SPACING,
  caps,
  layoutRowCells,
  tableColumnWidths,
  placeDateLine,
  recipientLines,
  signerTitleLines,
} from '../../../shared/documents/print-css';
import { textWidthTwips, wrappedWidthTwips } from '../../../shared/documents/metrics';
import { docxDocument, packDocx } from './docx-model';
import type { BlockSpec, OfficialSectionOptions, ParaSpec, RenderDocxOptions, RunSpec, SectionSpec, TableSpec, TextStyle } from './docx-spec';
import { packOfficialDocx } from './docx-xml';


export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export { DOCX_FONT } from './docx-spec';
export type { BlockSpec, OfficialSectionOptions, ParaSpec, RenderDocxOptions, RunSpec, SectionSpec, TableSpec, TextStyle } from './docx-spec';

export {
  CONTENT_WIDTH_LANDSCAPE,
  CONTENT_WIDTH_PORTRAIT,
  PAGE,
  SIZE,
  SPACING,
} from '../../../shared/documents/print-css';

const pt = (v: number) => Math.round(v * 20);
const halfPoints = (sizePt: number) => Math.round(sizePt * 2);

// ---------------------------------------------------------------------------------------
// Runs and paragraphs

/** Text as runs, "\n" as line breaks; explicit Times New Roman and size on every run. */
export function docxText(text: string, style: TextStyle): RunSpec[] {
  return text.split(/\r?\n/).map((line, i) => ({
    text: line,
    size: halfPoints(style.sizePt),
    bold: !!style.bold,
    italic: !!style.italic,
    underline: !!style.underline,
    lineBreak: i > 0,
  }));
}

/** Model runs on top of a base style: a run's own bold/italic/underline win. */
export function docxRuns(runs: readonly Run[], base: TextStyle): RunSpec[] {
  return runs.flatMap((r) =>
    docxText(r.text, {
      sizePt: base.sizePt,
      bold: r.bold ?? base.bold,
      italic: r.italic ?? base.italic,
      underline: r.underline ?? base.underline,
    }),
  );
}

export interface ParaOptions {
  align?: Align;
  /** first-line indent, twips (default 0) */
  firstLine?: number;
  left?: number;
  right?: number;
  /** spacing before/after in points (default 0) */
  beforePt?: number;
  afterPt?: number;
  /** w:line: 240 = single (default), 276 = 1.15 lines */
  line?: number;
  keepNext?: boolean;
  keepLines?: boolean;
  /** size of the paragraph mark (matters for empty paragraphs); default 14 pt */
  markSizePt?: number;
  pageBreakBefore?: boolean;
}

/** A paragraph with every property written out (no reliance on styles). */
export function docxParagraph(children: readonly RunSpec[], o: ParaOptions = {}): ParaSpec {
  return {
    kind: 'paragraph',
    runs: [...children],
    align: o.align ?? 'left',
    left: o.left ?? 0,
    right: o.right ?? 0,
    firstLine: o.firstLine ?? 0,
    before: pt(o.beforePt ?? 0),
    after: pt(o.afterPt ?? 0),
    line: o.line ?? SPACING.singleLineAuto,
    exact: false,
    keepNext: !!o.keepNext,
    keepLines: !!o.keepLines,
    pageBreakBefore: !!o.pageBreakBefore,
    ruleSize: null,
    markSize: halfPoints(o.markSizePt ?? SIZE.body),
  };
}

/** Body paragraph: 14 pt, justified, first-line indent 1.27 cm, 6 pt after, 1.15 lines. */
export function docxBodyParagraph(
  children: readonly RunSpec[],
  o: { align?: Align; noIndent?: boolean; keepNext?: boolean } = {},
): ParaSpec {
  return docxParagraph(children, {
    align: o.align ?? 'justify',
    firstLine: o.noIndent ? 0 : SPACING.firstLineIndentTwips,
    afterPt: SPACING.afterPt,
    line: SPACING.lineAuto,
    keepNext: o.keepNext,
  });
}

/**
 * A horizontal rule `width` twips long, centred in `available` twips: an empty paragraph
 * 2 pt high with a 0.75 pt bottom border, narrowed by equal left/right indents. Word and
 * LibreOffice both draw paragraph borders between the indents.
 */
export function docxRule(width: number, available: number, o: { afterPt?: number } = {}): ParaSpec {
  const w = Math.max(200, Math.min(Math.round(width), available));
  const side = Math.max(0, Math.floor((available - w) / 2));
  return {
    ...docxParagraph([], { align: 'center', left: side, right: side, afterPt: o.afterPt, markSizePt: 1 }),
    line: 40,
    exact: true,
    ruleSize: Math.round(RULE_PT * 8),
  };
}

/** An empty paragraph `heightPt` high: separates a table from what follows (and carries section breaks). */
export function docxSpacer(heightPt: number = SPACING.afterPt): ParaSpec {
  return { ...docxParagraph([], { markSizePt: 1 }), align: null, line: pt(heightPt), exact: true };
}

// ---------------------------------------------------------------------------------------
// Tables

function cell(children: readonly BlockSpec[], width: number, o: { span?: number; vAlign?: 'top' | 'center' } = {}) {
  return {
    children: children.length ? [...children] : [docxParagraph([])],
    width,
    span: o.span && o.span > 1 ? o.span : 1,
    vAlign: o.vAlign === 'center' ? ('center' as const) : ('top' as const),
  };
}

export interface LayoutTableOptions {
  /** table indent from the left margin, twips (negative: into the margin) */
  indent?: number;
  /** left/right cell padding, twips (default: Word's 108) */
  cellMargin?: number;
}

/** A borderless layout table (header, signature block) with fixed column widths. */
export function docxLayoutTable(
  rows: readonly (readonly (readonly BlockSpec[])[])[],
  widths: readonly number[],
  o: LayoutTableOptions = {},
): TableSpec {
  return {
    kind: 'table',
    rows: rows.map((cells) => ({ header: false, cells: cells.map((content, i) => cell(content, widths[i] ?? 0)) })),
    width: widths.reduce((a, b) => a + b, 0),
    columnWidths: [...widths],
    indent: o.indent ? o.indent : null,
    cellMargin: o.cellMargin ?? null,
    borders: 'none',
  };
}

/**
 * A data table: single 0.5 pt borders, 13 pt text, a bold centred header row repeated on
 * every page, bold group rows (the last non-empty cell of a group row spans the empty ones),
 * column widths normalised to `contentWidth`, each at least as wide as its widest word.
 */
export function docxTable(t: DocTable, contentWidth: number, o: { sizePt?: number } = {}): TableSpec {
  const sizePt = o.sizePt ?? SIZE.table;
  const n = t.columns.length;
  const widths = tableColumnWidths(t, contentWidth, sizePt);
  const pad = SPACING.tableCellPaddingPt;
  const cellPara = (runs: RunSpec[], align: Align) => docxParagraph(runs, { align, beforePt: pad, afterPt: pad, markSizePt: sizePt });
  const header = {
    header: true,
    cells: t.columns.map((c, i) => cell([cellPara(docxText(c.header, { sizePt, bold: true }), 'center')], widths[i] ?? 0, { vAlign: 'center' })),
  };
  const body = t.rows.map((row) => ({
    header: false,
    cells: layoutRowCells(row, n).map((c) => {
      const width = widths.slice(c.col, c.col + c.span).reduce((a, b) => a + b, 0);
      const align = t.columns[c.col]?.align ?? 'left';
      return cell([cellPara(docxRuns(c.runs, { sizePt, bold: row.group }), align)], width, { span: c.span });
    }),
  }));
  return { kind: 'table', rows: [header, ...body], width: contentWidth, columnWidths: widths, indent: null, cellMargin: null, borders: 'single' };
}

// ---------------------------------------------------------------------------------------
// Document parts

/**
 * The header table (2 × 2, borderless; columns 7.2 cm | 10.0 cm, reaching 7 mm into the left margin):
 * parent agency (CAPS 13) + issuing agency (CAPS 13 bold, rule 40 % of its longest line) |
 * quốc hiệu (CAPS 13 bold) + tiêu ngữ (14 bold, rule as long as the line);
 * second row "Số: …" (13) | place and date (14 italic), so both sit on the same line.
 */
export function docxHeaderTable(h: DocHeader): TableSpec {
  const [lw, rw] = HEADER_COLUMNS;
  const lContent = lw - 2 * HEADER_CELL_MARGIN;
  const rContent = rw - 2 * HEADER_CELL_MARGIN;
  const center = (runs: RunSpec[], o: ParaOptions = {}) => docxParagraph(runs, { align: 'center', ...o });

  const left: ParaSpec[] = [];
  const parent = h.parentAgency?.trim();
  if (parent) left.push(center(docxText(caps(parent), { sizePt: SIZE.parentAgency }), { markSizePt: SIZE.parentAgency }));
  const agency = caps(h.agency.trim());
  left.push(center(docxText(agency, { sizePt: SIZE.agency, bold: true }), { markSizePt: SIZE.agency }));
  const agencyWidth = wrappedWidthTwips(agency, SIZE.agency, lContent, { bold: true });
  left.push(docxRule(agencyWidth * SHORT_RULE_RATIO, lContent));

  const right: ParaSpec[] = [
    center(docxText(QUOC_HIEU, { sizePt: SIZE.quocHieu, bold: true }), { markSizePt: SIZE.quocHieu }),
    center(docxText(TIEU_NGU, { sizePt: SIZE.tieuNgu, bold: true }), { markSizePt: SIZE.tieuNgu }),
    docxRule(textWidthTwips(TIEU_NGU, SIZE.tieuNgu, { bold: true }), rContent),
  ];

  const date = placeDateLine(h);
  const numberCell = [
    center(docxText(h.numberLine, { sizePt: SIZE.number }), { beforePt: SPACING.afterPt, markSizePt: SIZE.number }),
  ];
  const dateCell = [
    center(date ? docxText(date, { sizePt: SIZE.placeDate, italic: true }) : [], {
      beforePt: SPACING.afterPt,
      markSizePt: SIZE.placeDate,
    }),
  ];
  return docxLayoutTable(
    [
      [left, right],
      [numberCell, dateCell],
    ],
    HEADER_COLUMNS,
    { indent: HEADER_INDENT, cellMargin: HEADER_CELL_MARGIN },
  );
}

/** Document type (CAPS 14 bold, centred) and trích yếu lines (14 bold, centred) with a short rule under them. */
export function docxDocTypeAndTitle(docType: string, title: readonly string[], contentWidth = CONTENT_WIDTH_PORTRAIT): ParaSpec[] {
  const out: ParaSpec[] = [];
  const lines = title.map((t) => t.trim()).filter((t) => t.length > 0);
  if (docType.trim()) {
    out.push(
      docxParagraph(docxText(caps(docType.trim()), { sizePt: SIZE.docType, bold: true }), {
        align: 'center',
        beforePt: SPACING.docTypeBeforePt,
        afterPt: lines.length ? 0 : SPACING.titleAfterPt,
        keepNext: true,
      }),
    );
  }
  if (lines.length) {
    for (const line of lines) {
      out.push(docxParagraph(docxText(line, { sizePt: SIZE.title, bold: true }), { align: 'center', keepNext: true }));
    }
    const longest = Math.max(...lines.map((l) => wrappedWidthTwips(l, SIZE.title, contentWidth, { bold: true })));
    out.push(docxRule(Math.max(567, longest * SHORT_RULE_RATIO), contentWidth, { afterPt: SPACING.titleAfterPt }));
  }
  return out;
}

/** Label ("I.", "1.", "a)", "-", "+") followed by a space, in the paragraph's base style. */
function labelRuns(label: string | undefined, base: TextStyle): RunSpec[] {
  const l = label?.trim();
  return l ? docxText(`${l} `, base) : [];
}

/**
 * Body blocks. Headings: level 1 (part, "I.") and level 2 (item, "1.") bold; level 3 (point,
 * "a)") italic; all justified with the body's first-line indent and kept with the next
 * paragraph. Paragraphs: justified with first-line indent unless `align`/`noIndent` say
 * otherwise. Tables: bordered, followed by a 6 pt spacer (two tables never touch).
 */
export function docxBlocks(blocks: readonly Block[], contentWidth = CONTENT_WIDTH_PORTRAIT): BlockSpec[] {
  const out: BlockSpec[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading': {
        const base: TextStyle = { sizePt: SIZE.body, bold: b.level !== 3, italic: b.level === 3 };
        out.push(docxBodyParagraph([...labelRuns(b.label, base), ...docxRuns(b.runs, base)], { keepNext: true }));
        break;
      }
      case 'paragraph': {
        const base: TextStyle = { sizePt: SIZE.body };
        out.push(
          docxBodyParagraph([...labelRuns(b.label, base), ...docxRuns(b.runs, base)], {
            align: b.align,
            noIndent: b.noIndent,
          }),
        );
        break;
      }
      case 'table':
        out.push(docxTable(b.table, contentWidth), docxSpacer());
        break;
    }
  }
  return out;
}

/** Body paragraphs from plain run lists (preamble, closing), optionally in italic (bases). */
export function docxRunParagraphs(paragraphs: readonly (readonly Run[])[], base: Partial<TextStyle> = {}): ParaSpec[] {
  return paragraphs.map((runs) => docxBodyParagraph(docxRuns(runs, { sizePt: SIZE.body, ...base })));
}

/**
 * A signer's block, centred: title lines (CAPS 14 bold), an optional note "(Ký, đóng dấu)"
 * (14 italic), ≈ 3 cm for the signature and seal, then the name (14 bold).
 */
export function docxSignerParagraphs(signer: DocSigner): ParaSpec[] {
  const out: ParaSpec[] = [];
  signerTitleLines(signer).forEach((l, i) =>
    out.push(
      docxParagraph(docxText(l, { sizePt: SIZE.signerTitle, bold: true }), {
        align: 'center',
        beforePt: i === 0 ? SPACING.afterPt : 0,
        keepNext: true,
      }),
    ),
  );
  const note = signer.note?.trim();
  if (note) out.push(docxParagraph(docxText(note, { sizePt: SIZE.signerTitle, italic: true }), { align: 'center', keepNext: true }));
  out.push(
    docxParagraph(docxText(signer.name.trim(), { sizePt: SIZE.signerName, bold: true }), {
      align: 'center',
      beforePt: SPACING.signatureSpacePt,
    }),
  );
  return out;
}

/**
 * The signature table (borderless, two halves): "Nơi nhận:" (12 bold italic) and the
 * recipients (11, "- …;" / last "- …."), level with the signer's title lines (CAPS 14 bold),
 * ≈ 3 cm for the signature and seal, then the signer's name (14 bold). With a co-signer
 * (biên bản, báo cáo thành tích) the left half holds the co-signer's block instead of Nơi nhận.
 */
export function docxSignatureTable(recipients: readonly string[], signer: DocSigner | null, coSigner: DocSigner | null = null): TableSpec {
  const lines = coSigner ? [] : recipientLines(recipients);
  const left: ParaSpec[] = [];
  if (coSigner) left.push(...docxSignerParagraphs(coSigner));
  if (lines.length) {
    left.push(
      docxParagraph(docxText('Nơi nhận:', { sizePt: SIZE.recipientsTitle, bold: true, italic: true }), {
        beforePt: SPACING.afterPt,
        markSizePt: SIZE.recipientsTitle,
        keepNext: true,
      }),
    );
    for (const l of lines) left.push(docxParagraph(docxText(l, { sizePt: SIZE.recipients }), { markSizePt: SIZE.recipients }));
  }
  const right: ParaSpec[] = signer ? docxSignerParagraphs(signer) : [];
  return docxLayoutTable([[left, right]], FOOTER_COLUMNS, { cellMargin: CELL_MARGIN });
}

/**
 * "Kính gửi:" under the title: one addressee on one centred line (14), several as "- …;"
 * lines under "Kính gửi:", indented to the middle of the page.
 */
export function docxAddressees(addressees: readonly string[]): ParaSpec[] {
  const list = addressees.map((a) => a.trim()).filter((a) => a.length > 0);
  if (list.length === 0) return [];
  if (list.length === 1) {
    return [docxParagraph(docxText(`Kính gửi: ${list[0]}`, { sizePt: SIZE.body }), { align: 'center', afterPt: SPACING.titleAfterPt })];
  }
  const indent = Math.round(CONTENT_WIDTH_PORTRAIT * 0.25);
  const lines = recipientLines(list);
  return [
    docxParagraph(docxText('Kính gửi:', { sizePt: SIZE.body }), { left: indent, keepNext: true }),
    ...lines.map((l, i) =>
      docxParagraph(docxText(l, { sizePt: SIZE.body }), { left: indent + 1134, afterPt: i === lines.length - 1 ? SPACING.titleAfterPt : 0 }),
    ),
  ];
}

/** Appendix heading (CAPS 14 bold, centred), subtitle lines (14 italic, centred), then its blocks. */
export function docxAppendixChildren(a: DocAppendix): BlockSpec[] {
  const width = a.landscape ? CONTENT_WIDTH_LANDSCAPE : CONTENT_WIDTH_PORTRAIT;
  const subs = a.subtitle.map((s) => s.trim()).filter((s) => s.length > 0);
  const out: BlockSpec[] = [
    docxParagraph(docxText(caps(a.heading.trim()), { sizePt: SIZE.appendixHeading, bold: true }), {
      align: 'center',
      afterPt: subs.length ? 0 : SPACING.titleAfterPt,
      keepNext: true,
    }),
  ];
  subs.forEach((s, i) =>
    out.push(
      docxParagraph(docxText(s, { sizePt: SIZE.body, italic: true }), {
        align: 'center',
        afterPt: i === subs.length - 1 ? SPACING.titleAfterPt : 0,
        keepNext: true,
      }),
    ),
  );
  out.push(...docxBlocks(a.blocks, width));
  return out;
}

// ---------------------------------------------------------------------------------------
// Sections and the file

/**
 * One section with the NĐ 30 page (A4, margins 20/20/30/15 mm, header 10 mm from the edge;
 * docx-model.ts writes the page and the header references).
 */
export function officialSection(children: readonly BlockSpec[], o: OfficialSectionOptions = {}): SectionSpec {
  const last = children[children.length - 1];
  // a section must not end in a table: the section break is carried by a paragraph
  return { children: last?.kind === 'table' ? [...children, docxSpacer(1)] : [...children], options: { ...o } };
}

/** The sections of one document: the main text (numbering restarts, page 1 unnumbered), then one section per appendix. */
export function officialDocumentSections(doc: OfficialDocument, opts: RenderDocxOptions = {}): SectionSpec[] {
  const pageNumbers = opts.pageNumbers ?? true;
  const main: BlockSpec[] = [
    docxHeaderTable(doc.header),
    ...docxDocTypeAndTitle(doc.docType, doc.title),
    ...docxAddressees(doc.addressees ?? []),
    ...docxRunParagraphs(
      doc.bases.filter((b) => b.trim()).map((b) => [{ text: b.trim() }]),
      { italic: true },
    ),
    ...docxRunParagraphs(doc.preamble),
    ...docxBlocks(doc.body),
  ];
  const coSigner = doc.coSigner ?? null;
  const signature = doc.recipients.length > 0 || doc.signer !== null || coSigner !== null;
  // the closing sentence stays on the page of the signature block
  doc.closing.forEach((runs, i) =>
    main.push(
      docxBodyParagraph(docxRuns(runs, { sizePt: SIZE.body }), {
        keepNext: signature && i === doc.closing.length - 1,
      }),
    ),
  );
  if (signature) main.push(docxSignatureTable(doc.recipients, doc.signer, coSigner));
  return [
    officialSection(main, { pageNumbers, unnumberedFirstPage: true, restartNumbering: true }),
    ...doc.appendices.map((a) => officialSection(docxAppendixChildren(a), { pageNumbers, landscape: a.landscape })),
  ];
}

function laidOut(docs: OfficialDocument | readonly OfficialDocument[], opts: RenderDocxOptions): { sections: SectionSpec[]; title: string | undefined } {
  const list: readonly OfficialDocument[] = Array.isArray(docs) ? docs : [docs as OfficialDocument];
  const first = list[0];
  return {
    sections: list.flatMap((d) => officialDocumentSections(d, opts)),
    title: opts.title ?? (first ? [caps(first.docType.trim()), ...first.title.map((t) => t.trim())].filter(Boolean).join(' ') : undefined),
  };
}

/**
 * Render one document, or several one after another (each starts on a new page with its
 * numbering restarted), as a .docx file.
 */
export async function renderDocx(docs: OfficialDocument | readonly OfficialDocument[], opts: RenderDocxOptions = {}): Promise<Uint8Array> {
  const { sections, title } = laidOut(docs, opts);
  return packOfficialDocx(sections, { ...opts, title });
}

/** The same file built through the `docx` object model end to end (the reference for renderDocx; ≈10× slower). */
export async function renderDocxViaModel(docs: OfficialDocument | readonly OfficialDocument[], opts: RenderDocxOptions = {}): Promise<Uint8Array> {
  const { sections, title } = laidOut(docs, opts);
  return packDocx(docxDocument(sections, { ...opts, title }));
}
