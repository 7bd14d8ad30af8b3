// DOCX rendering of an OfficialDocument, laid out per Nghị định 30/2020/NĐ-CP (Phụ lục I):
// A4 portrait, margins 20/20/30/15 mm, Times New Roman, black; header and footer as
// two-column borderless tables, as offices type them in Word; page numbers centred in the
// top margin from page 2 on; appendices on their own sections (landscape for wide tables).
//
// The layout numbers live in shared/documents/print-css.ts (shared with the HTML view).
// Besides renderDocx, the document parts are exported for other builders (tờ trình,
// biên bản, báo cáo, danh sách): build sections with officialSection() and the part
// functions, then pack them with createOfficialDocxFile() + packDocx().
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IBorderOptions,
  type ISectionOptions,
  type ITableBordersOptions,
} from 'docx';
import type { Align, Block, DocAppendix, DocHeader, DocSigner, DocTable, OfficialDocument, Run } from '../../../shared/documents/model';
import { QUOC_HIEU, TIEU_NGU } from '../../../shared/documents/model';
import {
  CONTENT_WIDTH_LANDSCAPE,
  CONTENT_WIDTH_PORTRAIT,
  FONT_FAMILY,
  CELL_MARGIN,
  FOOTER_COLUMNS,
  HEADER_CELL_MARGIN,
  HEADER_COLUMNS,
  HEADER_INDENT,
  PAGE,
  RULE_PT,
  SHORT_RULE_RATIO,
  SIZE,
  SPACING,
  caps,
  layoutRowCells,
  normaliseWidths,
  placeDateLine,
  recipientLines,
  signerTitleLines,
} from '../../../shared/documents/print-css';
import { textWidthTwips, wrappedWidthTwips } from './metrics';

export {
  CONTENT_WIDTH_LANDSCAPE,
  CONTENT_WIDTH_PORTRAIT,
  PAGE,
  SIZE,
  SPACING,
} from '../../../shared/documents/print-css';

/** Times New Roman for every script (ascii, hAnsi, eastAsia, cs). */
export const DOCX_FONT = {
  ascii: FONT_FAMILY,
  hAnsi: FONT_FAMILY,
  eastAsia: FONT_FAMILY,
  cs: FONT_FAMILY,
} as const;


const pt = (v: number) => Math.round(v * 20);
const halfPoints = (sizePt: number) => Math.round(sizePt * 2);

// ---------------------------------------------------------------------------------------
// Runs and paragraphs

export interface TextStyle {
  sizePt: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** Text as runs, "\n" as line breaks; explicit Times New Roman and size on every run. */
export function docxText(text: string, style: TextStyle): TextRun[] {
  return text.split(/\r?\n/).map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : undefined,
        font: DOCX_FONT,
        size: halfPoints(style.sizePt),
        bold: style.bold || undefined,
        italics: style.italic || undefined,
        underline: style.underline ? {} : undefined,
      }),
  );
}

/** Model runs on top of a base style: a run's own bold/italic/underline win. */
export function docxRuns(runs: readonly Run[], base: TextStyle): TextRun[] {
  return runs.flatMap((r) =>
    docxText(r.text, {
      sizePt: base.sizePt,
      bold: r.bold ?? base.bold,
      italic: r.italic ?? base.italic,
      underline: r.underline ?? base.underline,
    }),
  );
}

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

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
export function docxParagraph(children: readonly TextRun[], o: ParaOptions = {}): Paragraph {
  return new Paragraph({
    children: [...children],
    alignment: ALIGN[o.align ?? 'left'],
    indent: { left: o.left ?? 0, right: o.right ?? 0, firstLine: o.firstLine ?? 0 },
    spacing: {
      before: pt(o.beforePt ?? 0),
      after: pt(o.afterPt ?? 0),
      line: o.line ?? SPACING.singleLineAuto,
      lineRule: LineRuleType.AUTO,
    },
    keepNext: o.keepNext || undefined,
    keepLines: o.keepLines || undefined,
    pageBreakBefore: o.pageBreakBefore || undefined,
    run: { font: DOCX_FONT, size: halfPoints(o.markSizePt ?? SIZE.body) },
  });
}

/** Body paragraph: 14 pt, justified, first-line indent 1.27 cm, 6 pt after, 1.15 lines. */
export function docxBodyParagraph(
  children: readonly TextRun[],
  o: { align?: Align; noIndent?: boolean; keepNext?: boolean } = {},
): Paragraph {
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
export function docxRule(width: number, available: number, o: { afterPt?: number } = {}): Paragraph {
  const w = Math.max(200, Math.min(Math.round(width), available));
  const side = Math.max(0, Math.floor((available - w) / 2));
  return new Paragraph({
    children: [],
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side, firstLine: 0 },
    spacing: { before: 0, after: pt(o.afterPt ?? 0), line: 40, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: Math.round(RULE_PT * 8), color: '000000', space: 1 } },
    run: { font: DOCX_FONT, size: 2 },
  });
}

/** An empty paragraph `heightPt` high: separates a table from what follows (and carries section breaks). */
export function docxSpacer(heightPt: number = SPACING.afterPt): Paragraph {
  return new Paragraph({
    children: [],
    indent: { left: 0, right: 0, firstLine: 0 },
    spacing: { before: 0, after: 0, line: pt(heightPt), lineRule: LineRuleType.EXACT },
    run: { font: DOCX_FONT, size: 2 },
  });
}

// ---------------------------------------------------------------------------------------
// Tables

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const LINE_BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const allBorders = (b: IBorderOptions): ITableBordersOptions => ({
  top: b,
  bottom: b,
  left: b,
  right: b,
  insideHorizontal: b,
  insideVertical: b,
});

function cell(children: readonly (Paragraph | Table)[], width: number, o: { span?: number; vAlign?: 'top' | 'center' } = {}) {
  return new TableCell({
    children: children.length ? [...children] : [docxParagraph([])],
    width: { size: width, type: WidthType.DXA },
    columnSpan: o.span && o.span > 1 ? o.span : undefined,
    verticalAlign: o.vAlign === 'center' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
  });
}

export interface LayoutTableOptions {
  /** table indent from the left margin, twips (negative: into the margin) */
  indent?: number;
  /** left/right cell padding, twips (default: Word's 108) */
  cellMargin?: number;
}

/** A borderless layout table (header, signature block) with fixed column widths. */
export function docxLayoutTable(
  rows: readonly (readonly (readonly (Paragraph | Table)[])[])[],
  widths: readonly number[],
  o: LayoutTableOptions = {},
): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    indent: o.indent ? { size: o.indent, type: WidthType.DXA } : undefined,
    margins:
      o.cellMargin !== undefined ? { left: o.cellMargin, right: o.cellMargin, top: 0, bottom: 0 } : undefined,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map((content, i) => cell(content, widths[i] ?? 0)),
        }),
    ),
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: allBorders(NO_BORDER),
  });
}

/**
 * A data table: single 0.5 pt borders, 13 pt text, a bold centred header row repeated on
 * every page, bold group rows (the last non-empty cell of a group row spans the empty ones),
 * column widths normalised to `contentWidth`.
 */
export function docxTable(t: DocTable, contentWidth: number, o: { sizePt?: number } = {}): Table {
  const sizePt = o.sizePt ?? SIZE.table;
  const n = t.columns.length;
  const widths = normaliseWidths(t.columns, contentWidth);
  const pad = SPACING.tableCellPaddingPt;
  const cellPara = (runs: TextRun[], align: Align) =>
    docxParagraph(runs, { align, beforePt: pad, afterPt: pad, markSizePt: sizePt });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) =>
      cell([cellPara(docxText(c.header, { sizePt, bold: true }), 'center')], widths[i] ?? 0, { vAlign: 'center' }),
    ),
  });
  const body = t.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: layoutRowCells(row, n).map((c) => {
          const width = widths.slice(c.col, c.col + c.span).reduce((a, b) => a + b, 0);
          const align = t.columns[c.col]?.align ?? 'left';
          return cell([cellPara(docxRuns(c.runs, { sizePt, bold: row.group }), align)], width, { span: c.span });
        }),
      }),
  );
  return new Table({
    rows: [header, ...body],
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: allBorders(LINE_BORDER),
  });
}

// ---------------------------------------------------------------------------------------
// Document parts

/**
 * The header table (2 × 2, borderless; columns 7.2 cm | 10.0 cm, reaching 7 mm into the left margin):
 * parent agency (CAPS 13) + issuing agency (CAPS 13 bold, rule 40 % of its longest line) |
 * quốc hiệu (CAPS 13 bold) + tiêu ngữ (14 bold, rule as long as the line);
 * second row "Số: …" (13) | place and date (14 italic), so both sit on the same line.
 */
export function docxHeaderTable(h: DocHeader): Table {
  const [lw, rw] = HEADER_COLUMNS;
  const lContent = lw - 2 * HEADER_CELL_MARGIN;
  const rContent = rw - 2 * HEADER_CELL_MARGIN;
  const center = (runs: TextRun[], o: ParaOptions = {}) => docxParagraph(runs, { align: 'center', ...o });

  const left: Paragraph[] = [];
  const parent = h.parentAgency?.trim();
  if (parent) left.push(center(docxText(caps(parent), { sizePt: SIZE.parentAgency }), { markSizePt: SIZE.parentAgency }));
  const agency = caps(h.agency.trim());
  left.push(center(docxText(agency, { sizePt: SIZE.agency, bold: true }), { markSizePt: SIZE.agency }));
  const agencyWidth = wrappedWidthTwips(agency, SIZE.agency, lContent, { bold: true });
  left.push(docxRule(agencyWidth * SHORT_RULE_RATIO, lContent));

  const right: Paragraph[] = [
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
export function docxDocTypeAndTitle(docType: string, title: readonly string[], contentWidth = CONTENT_WIDTH_PORTRAIT): Paragraph[] {
  const out: Paragraph[] = [];
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
function labelRuns(label: string | undefined, base: TextStyle): TextRun[] {
  const l = label?.trim();
  return l ? docxText(`${l} `, base) : [];
}

/**
 * Body blocks. Headings: level 1 (part, "I.") and level 2 (item, "1.") bold; level 3 (point,
 * "a)") italic; all justified with the body's first-line indent and kept with the next
 * paragraph. Paragraphs: justified with first-line indent unless `align`/`noIndent` say
 * otherwise. Tables: bordered, followed by a 6 pt spacer (two tables never touch).
 */
export function docxBlocks(blocks: readonly Block[], contentWidth = CONTENT_WIDTH_PORTRAIT): FileChild[] {
  const out: FileChild[] = [];
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
export function docxRunParagraphs(paragraphs: readonly (readonly Run[])[], base: Partial<TextStyle> = {}): Paragraph[] {
  return paragraphs.map((runs) => docxBodyParagraph(docxRuns(runs, { sizePt: SIZE.body, ...base })));
}

/**
 * A signer's block, centred: title lines (CAPS 14 bold), an optional note "(Ký, đóng dấu)"
 * (14 italic), ≈ 3 cm for the signature and seal, then the name (14 bold).
 */
export function docxSignerParagraphs(signer: DocSigner): Paragraph[] {
  const out: Paragraph[] = [];
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
export function docxSignatureTable(recipients: readonly string[], signer: DocSigner | null, coSigner: DocSigner | null = null): Table {
  const lines = coSigner ? [] : recipientLines(recipients);
  const left: Paragraph[] = [];
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
  const right: Paragraph[] = signer ? docxSignerParagraphs(signer) : [];
  return docxLayoutTable([[left, right]], FOOTER_COLUMNS, { cellMargin: CELL_MARGIN });
}

/**
 * "Kính gửi:" under the title: one addressee on one centred line (14), several as "- …;"
 * lines under "Kính gửi:", indented to the middle of the page.
 */
export function docxAddressees(addressees: readonly string[]): Paragraph[] {
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
export function docxAppendixChildren(a: DocAppendix): FileChild[] {
  const width = a.landscape ? CONTENT_WIDTH_LANDSCAPE : CONTENT_WIDTH_PORTRAIT;
  const subs = a.subtitle.map((s) => s.trim()).filter((s) => s.length > 0);
  const out: FileChild[] = [
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

/** The header with the page number: a PAGE field, centred, 14 pt, in the top margin. */
export function docxPageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        indent: { left: 0, right: 0, firstLine: 0 },
        spacing: { before: 0, after: 0, line: SPACING.singleLineAuto, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ children: [PageNumber.CURRENT], font: DOCX_FONT, size: halfPoints(SIZE.pageNumber) })],
      }),
    ],
  });
}

function emptyHeader(): Header {
  return new Header({ children: [new Paragraph({ children: [] })] });
}

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

/**
 * One section with the NĐ 30 page: A4, margins 20/20/30/15 mm, header 10 mm from the edge.
 * Every section carries its own header references, so nothing depends on inheritance.
 */
export function officialSection(children: readonly FileChild[], o: OfficialSectionOptions = {}): ISectionOptions {
  const pageNumbers = o.pageNumbers ?? true;
  const titlePage = pageNumbers && (o.unnumberedFirstPage ?? false);
  const last = children[children.length - 1];
  // a section must not end in a table: the section break is carried by a paragraph
  const safeChildren = last instanceof Table ? [...children, docxSpacer(1)] : [...children];
  return {
    properties: {
      type: o.newPage === false ? SectionType.CONTINUOUS : SectionType.NEXT_PAGE,
      titlePage: titlePage || undefined,
      page: {
        size: {
          width: PAGE.widthTwips,
          height: PAGE.heightTwips,
          orientation: o.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { ...PAGE.margin },
        pageNumbers: o.restartNumbering ? { start: 1 } : undefined,
      },
    },
    headers: pageNumbers
      ? { default: docxPageNumberHeader(), ...(titlePage ? { first: emptyHeader() } : {}) }
      : { default: emptyHeader() },
    children: safeChildren,
  };
}

export interface RenderDocxOptions {
  /** page numbers from page 2 on (default true) */
  pageNumbers?: boolean;
  /** document properties */
  title?: string;
  creator?: string;
  description?: string;
}

/** The sections of one document: the main text (numbering restarts, page 1 unnumbered), then one section per appendix. */
export function officialDocumentSections(doc: OfficialDocument, opts: RenderDocxOptions = {}): ISectionOptions[] {
  const pageNumbers = opts.pageNumbers ?? true;
  const main: FileChild[] = [
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

/** A Document with the official defaults: Times New Roman 14 pt black (all scripts), Vietnamese, body spacing. */
export function createOfficialDocxFile(sections: readonly ISectionOptions[], meta: Omit<RenderDocxOptions, 'pageNumbers'> = {}): Document {
  return new Document({
    creator: meta.creator ?? 'TĐKT Desktop',
    title: meta.title,
    description: meta.description,
    styles: {
      default: {
        document: {
          run: {
            font: DOCX_FONT,
            size: halfPoints(SIZE.body),
            color: '000000',
            language: { value: 'vi-VN', eastAsia: 'vi-VN' },
          },
          paragraph: {
            spacing: { before: 0, after: pt(SPACING.afterPt), line: SPACING.lineAuto, lineRule: LineRuleType.AUTO },
          },
        },
      },
    },
    sections: [...sections],
  });
}

export async function packDocx(file: Document): Promise<Uint8Array> {
  return Packer.pack(file, 'uint8array');
}

/**
 * Render one document, or several one after another (each starts on a new page with its
 * numbering restarted), as a .docx file.
 */
export async function renderDocx(
  docs: OfficialDocument | readonly OfficialDocument[],
  opts: RenderDocxOptions = {},
): Promise<Uint8Array> {
  const list: readonly OfficialDocument[] = Array.isArray(docs) ? docs : [docs as OfficialDocument];
  const sections = list.flatMap((d) => officialDocumentSections(d, opts));
  const first = list[0];
  const title =
    opts.title ?? (first ? [caps(first.docType.trim()), ...first.title.map((t) => t.trim())].filter(Boolean).join(' ') : undefined);
  return packDocx(createOfficialDocxFile(sections, { ...opts, title }));
}
