// The laid-out document (docx-spec.ts) as the `docx` package's object model: the whole .docx
// package (styles, settings, numbering, headers with the page number, properties) comes from
// here. renderDocx writes only the body itself (docx-xml.ts); renderDocxViaModel packs this
// model end to end and is the reference the fast writer is tested against.
import type * as Docx from 'docx';
import type { Align } from '../../../shared/documents/model';
import { PAGE, SIZE, SPACING } from '../../../shared/documents/print-css';
import { DOCX_FONT, type BlockSpec, type ParaSpec, type RenderDocxOptions, type RunSpec, type SectionSpec, type TableSpec } from './docx-spec';

let lib: typeof Docx | undefined;

/**
 * The `docx` package, loaded the first time a document is packed: initialising it took
 * ≈0.1–0.15 s of every start of the CLI and of the core (a `require` esbuild bundles is run
 * when called; an `import` runs as the bundle starts).
 */
function docx(): typeof Docx {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when first needed (above)
  return (lib ??= require('docx') as typeof Docx);
}

const pt = (v: number) => Math.round(v * 20);
const halfPoints = (sizePt: number) => Math.round(sizePt * 2);

function alignment(a: Align): (typeof Docx.AlignmentType)[keyof typeof Docx.AlignmentType] {
  const { AlignmentType } = docx();
  return { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED }[a];
}

const noBorder = (): Docx.IBorderOptions => ({ style: docx().BorderStyle.NONE, size: 0, color: 'auto' });
const lineBorder = (): Docx.IBorderOptions => ({ style: docx().BorderStyle.SINGLE, size: 4, color: '000000' });

const allBorders = (b: Docx.IBorderOptions): Docx.ITableBordersOptions => ({
  top: b,
  bottom: b,
  left: b,
  right: b,
  insideHorizontal: b,
  insideVertical: b,
});

function textRun(r: RunSpec): Docx.TextRun {
  return new (docx().TextRun)({
    text: r.text,
    break: r.lineBreak ? 1 : undefined,
    font: DOCX_FONT,
    size: r.size,
    bold: r.bold || undefined,
    italics: r.italic || undefined,
    underline: r.underline ? {} : undefined,
  });
}

function paragraph(p: ParaSpec): Docx.Paragraph {
  const { Paragraph, LineRuleType, BorderStyle } = docx();
  return new Paragraph({
    children: p.runs.map(textRun),
    alignment: p.align ? alignment(p.align) : undefined,
    indent: { left: p.left, right: p.right, firstLine: p.firstLine },
    spacing: { before: p.before, after: p.after, line: p.line, lineRule: p.exact ? LineRuleType.EXACT : LineRuleType.AUTO },
    keepNext: p.keepNext || undefined,
    keepLines: p.keepLines || undefined,
    pageBreakBefore: p.pageBreakBefore || undefined,
    border: p.ruleSize !== null ? { bottom: { style: BorderStyle.SINGLE, size: p.ruleSize, color: '000000', space: 1 } } : undefined,
    run: { font: DOCX_FONT, size: p.markSize },
  });
}

function table(t: TableSpec): Docx.Table {
  const { Table, TableRow, TableCell, WidthType, VerticalAlignTable, TableLayoutType } = docx();
  return new Table({
    indent: t.indent ? { size: t.indent, type: WidthType.DXA } : undefined,
    margins: t.cellMargin !== null ? { left: t.cellMargin, right: t.cellMargin, top: 0, bottom: 0 } : undefined,
    rows: t.rows.map(
      (r) =>
        new TableRow({
          tableHeader: r.header || undefined,
          cantSplit: true,
          children: r.cells.map(
            (c) =>
              new TableCell({
                children: c.children.map(block),
                width: { size: c.width, type: WidthType.DXA },
                columnSpan: c.span > 1 ? c.span : undefined,
                verticalAlign: c.vAlign === 'center' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
              }),
          ),
        }),
    ),
    width: { size: t.width, type: WidthType.DXA },
    columnWidths: [...t.columnWidths],
    layout: TableLayoutType.FIXED,
    borders: allBorders(t.borders === 'single' ? lineBorder() : noBorder()),
  });
}

function block(b: BlockSpec): Docx.Paragraph | Docx.Table {
  return b.kind === 'paragraph' ? paragraph(b) : table(b);
}

/** The header with the page number: a PAGE field, centred, 14 pt, in the top margin. */
function pageNumberHeader(): Docx.Header {
  const { Header, Paragraph, AlignmentType, LineRuleType, TextRun, PageNumber } = docx();
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

function emptyHeader(): Docx.Header {
  const { Header, Paragraph } = docx();
  return new Header({ children: [new Paragraph({ children: [] })] });
}

/**
 * One section with the NĐ 30 page: A4, margins 20/20/30/15 mm, header 10 mm from the edge.
 * Every section carries its own header references, so nothing depends on inheritance.
 */
function section(s: SectionSpec): Docx.ISectionOptions {
  const { SectionType, PageOrientation } = docx();
  const o = s.options;
  const pageNumbers = o.pageNumbers ?? true;
  const titlePage = pageNumbers && (o.unnumberedFirstPage ?? false);
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
      ? { default: pageNumberHeader(), ...(titlePage ? { first: emptyHeader() } : {}) }
      : { default: emptyHeader() },
    children: s.children.map(block) as Docx.FileChild[],
  };
}

/** A Document with the official defaults: Times New Roman 14 pt black (all scripts), Vietnamese, body spacing. */
export function docxDocument(sections: readonly SectionSpec[], meta: Omit<RenderDocxOptions, 'pageNumbers' | 'created'> = {}): Docx.Document {
  const { Document, LineRuleType } = docx();
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
    sections: sections.map(section),
  });
}

export async function packDocx(file: Docx.Document): Promise<Uint8Array> {
  return docx().Packer.pack(file, 'uint8array');
}
