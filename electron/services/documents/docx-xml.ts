// The fast .docx writer: the body (word/document.xml) written directly from the laid-out
// document, every other part of the package taken from a file the `docx` package builds once
// per page structure (the "skeleton": same sections, no content), zipped with the fixed parts
// compressed once. The XML is exactly what the `docx` package writes for the same layout
// (test/integration/documents/docx-fast.test.ts compares the two byte for byte), so this
// file must follow docx-model.ts: change both together.
import zlib from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { docxDocument, packDocx } from './docx-model';
import { DOCX_FONT, type BlockSpec, type OfficialSectionOptions, type ParaSpec, type RenderDocxOptions, type RunSpec, type SectionSpec, type TableSpec } from './docx-spec';

// ---------------------------------------------------------------------------------------
// WordprocessingML

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Escaped as the `docx` package does: the five entities, C0 controls other than tab/LF/CR dropped. */
export function escapeXml(s: string): string {
  return s.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
}

const FONTS = `<w:rFonts w:ascii="${escapeXml(DOCX_FONT.ascii)}" w:cs="${escapeXml(DOCX_FONT.cs)}" w:eastAsia="${escapeXml(DOCX_FONT.eastAsia)}" w:hAnsi="${escapeXml(DOCX_FONT.hAnsi)}"/>`;
const JC = { left: 'left', center: 'center', right: 'right', justify: 'both' } as const;

function runXml(r: RunSpec): string {
  return (
    `<w:r><w:rPr>${FONTS}${r.bold ? '<w:b/><w:bCs/>' : ''}${r.italic ? '<w:i/><w:iCs/>' : ''}<w:sz w:val="${r.size}"/><w:szCs w:val="${r.size}"/>` +
    `${r.underline ? '<w:u w:val="single"/>' : ''}</w:rPr>${r.lineBreak ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r>`
  );
}

/** `sectPr`: the properties of the section this paragraph ends (written into its w:pPr). */
function paragraphXml(p: ParaSpec, sectPr = ''): string {
  let x = '<w:p><w:pPr>';
  if (p.keepNext) x += '<w:keepNext/>';
  if (p.keepLines) x += '<w:keepLines/>';
  if (p.pageBreakBefore) x += '<w:pageBreakBefore/>';
  if (p.ruleSize !== null) x += `<w:pBdr><w:bottom w:val="single" w:color="000000" w:sz="${p.ruleSize}" w:space="1"/></w:pBdr>`;
  x += `<w:spacing w:after="${p.after}" w:before="${p.before}" w:line="${p.line}" w:lineRule="${p.exact ? 'exact' : 'auto'}"/>`;
  x += `<w:ind w:left="${p.left}" w:right="${p.right}" w:firstLine="${p.firstLine}"/>`;
  if (p.align) x += `<w:jc w:val="${JC[p.align]}"/>`;
  x += `<w:rPr>${FONTS}<w:sz w:val="${p.markSize}"/><w:szCs w:val="${p.markSize}"/></w:rPr>${sectPr}</w:pPr>`;
  for (const r of p.runs) x += runXml(r);
  return `${x}</w:p>`;
}

const SIDES = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'] as const;
const BORDERS = {
  none: SIDES.map((s) => `<w:${s} w:val="none" w:color="auto" w:sz="0"/>`).join(''),
  single: SIDES.map((s) => `<w:${s} w:val="single" w:color="000000" w:sz="4"/>`).join(''),
};

function tableXml(t: TableSpec): string {
  let x = `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${t.width}"/>`;
  if (t.indent) x += `<w:tblInd w:type="dxa" w:w="${t.indent}"/>`;
  x += `<w:tblBorders>${BORDERS[t.borders]}</w:tblBorders><w:tblLayout w:type="fixed"/>`;
  if (t.cellMargin !== null) {
    const m = t.cellMargin;
    x += `<w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="${m}"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="${m}"/></w:tblCellMar>`;
  }
  x += `</w:tblPr><w:tblGrid>${t.columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  for (const row of t.rows) {
    x += `<w:tr><w:trPr><w:cantSplit/>${row.header ? '<w:tblHeader/>' : ''}</w:trPr>`;
    for (const c of row.cells) {
      x += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${c.width}"/>${c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ''}<w:vAlign w:val="${c.vAlign}"/></w:tcPr>`;
      x += blocksXml(c.children);
      x += '</w:tc>';
    }
    x += '</w:tr>';
  }
  return `${x}</w:tbl>`;
}

/** Body blocks as WordprocessingML (what the `docx` package writes for the same blocks). */
export function blocksXml(blocks: readonly BlockSpec[]): string {
  let x = '';
  for (const b of blocks) x += b.kind === 'paragraph' ? paragraphXml(b) : tableXml(b);
  return x;
}

// ---------------------------------------------------------------------------------------
// The package: skeletons made by `docx`, cached per page structure

interface ZipPart {
  name: Buffer;
  crc: number;
  size: number;
  deflated: Buffer;
}

interface Skeleton {
  /** document.xml up to and including <w:body> */
  head: string;
  /** each section's w:sectPr */
  sectPrs: string[];
  /** </w:body></w:document> */
  tail: string;
  /** core.xml with TITLE_MARK as the title and STAMP_MARK as the times */
  core: string;
  /** the package's parts in the order `docx` zips them; document.xml and core.xml are written per file */
  parts: (ZipPart | 'document' | 'core')[];
}

const TITLE_MARK = 'TDKT-SKELETON-TITLE';
const STAMP_MARK = 'TDKT-SKELETON-STAMP';
const skeletons = new Map<string, Promise<Skeleton>>();
const MAX_SKELETONS = 32;

// the fixed parts are compressed once (best), the body per file (level 3: ≈3× faster than the
// default 6 on a report's document.xml, ≈10 % larger)
const FIXED_LEVEL = 9;
const BODY_LEVEL = 3;

let CRC_TABLE: Uint32Array | null = null;
/** CRC-32 (zip's) for Node versions without zlib.crc32 (before 20.15) */
export function tableCrc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
const crc32: (data: Uint8Array) => number = (zlib as { crc32?: (data: Uint8Array) => number }).crc32 ?? tableCrc32;

function zipPart(name: string, data: Uint8Array, level: number): ZipPart {
  return { name: Buffer.from(name, 'utf8'), crc: crc32(data), size: data.length, deflated: zlib.deflateRawSync(data, { level }) };
}

async function buildSkeleton(options: readonly OfficialSectionOptions[], meta: { creator?: string; description?: string; title: boolean }): Promise<Skeleton> {
  const doc = docxDocument(
    options.map((o) => ({ children: [], options: o })),
    { creator: meta.creator, description: meta.description, title: meta.title ? TITLE_MARK : undefined },
  );
  const files = unzipSync(await packDocx(doc));
  const documentXml = strFromU8(files['word/document.xml']!);
  const open = documentXml.indexOf('<w:body>') + '<w:body>'.length;
  const close = documentXml.lastIndexOf('</w:body>');
  const body = documentXml.slice(open, close);
  // empty sections: every break but the last is an empty paragraph holding the w:sectPr
  const sectPrs = body.match(/<w:sectPr>.*?<\/w:sectPr>/g) ?? [];
  const expected = sectPrs.map((x, i) => (i < sectPrs.length - 1 ? `<w:p><w:pPr>${x}</w:pPr></w:p>` : x)).join('');
  if (sectPrs.length !== options.length || expected !== body) {
    throw new Error(`docx skeleton: unexpected body for ${options.length} sections`);
  }
  const core = strFromU8(files['docProps/core.xml']!).replace(
    /(<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:\2>)/g,
    `$1${STAMP_MARK}$3`,
  );
  return {
    head: documentXml.slice(0, open),
    sectPrs,
    tail: documentXml.slice(close),
    core,
    parts: Object.entries(files).map(([name, data]) =>
      name === 'word/document.xml' ? 'document' : name === 'docProps/core.xml' ? 'core' : zipPart(name, data, FIXED_LEVEL),
    ),
  };
}

function skeletonFor(sections: readonly SectionSpec[], opts: RenderDocxOptions): Promise<Skeleton> {
  const options = sections.map((s) => s.options);
  const meta = { creator: opts.creator, description: opts.description, title: opts.title !== undefined };
  const key = JSON.stringify([options, meta]);
  let s = skeletons.get(key);
  if (!s) {
    if (skeletons.size >= MAX_SKELETONS) skeletons.clear();
    s = buildSkeleton(options, meta);
    skeletons.set(key, s);
    // a failed build is not kept
    s.catch(() => skeletons.delete(key));
  }
  return s;
}

// ---------------------------------------------------------------------------------------
// Zip (stored names, deflated data, no extra fields)

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, d.getFullYear()));
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

function zip(parts: readonly ZipPart[], when: Date): Uint8Array {
  const { time, date } = dosDateTime(when);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(p.name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt16LE(time, 12);
    cd.writeUInt16LE(date, 14);
    cd.writeUInt32LE(p.crc >>> 0, 16);
    cd.writeUInt32LE(p.deflated.length, 20);
    cd.writeUInt32LE(p.size, 24);
    cd.writeUInt16LE(p.name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, p.name, p.deflated);
    central.push(cd, p.name);
    offset += local.length + p.name.length + p.deflated.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...chunks, ...central, end]);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** The .docx file of laid-out sections: body written here, the rest of the package from the skeleton. */
export async function packOfficialDocx(sections: readonly SectionSpec[], opts: RenderDocxOptions = {}): Promise<Uint8Array> {
  const sk = await skeletonFor(sections, opts);
  // as the `docx` package does: a section's properties go into its last paragraph (the
  // paragraph holding a section break), into an empty paragraph when it has none, and the
  // last section's straight into the body
  let documentXml = sk.head;
  sections.forEach((s, i) => {
    const sectPr = sk.sectPrs[i]!;
    const last = s.children[s.children.length - 1];
    if (i === sections.length - 1) documentXml += blocksXml(s.children) + sectPr;
    else if (last?.kind === 'paragraph') documentXml += blocksXml(s.children.slice(0, -1)) + paragraphXml(last, sectPr);
    else documentXml += `${blocksXml(s.children)}<w:p><w:pPr>${sectPr}</w:pPr></w:p>`;
  });
  documentXml += sk.tail;
  const when = opts.created ?? new Date();
  const stamp = when.toISOString();
  let core = sk.core.split(STAMP_MARK).join(stamp);
  if (opts.title !== undefined) core = core.replace(`<dc:title>${TITLE_MARK}</dc:title>`, `<dc:title>${escapeXml(opts.title)}</dc:title>`);
  const parts = sk.parts.map((p) =>
    p === 'document' ? zipPart('word/document.xml', Buffer.from(documentXml, 'utf8'), BODY_LEVEL) : p === 'core' ? zipPart('docProps/core.xml', Buffer.from(core, 'utf8'), BODY_LEVEL) : p,
  );
  return zip(parts, when);
}
