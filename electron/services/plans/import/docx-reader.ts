// .docx → SrcDocument. Unzips with fflate, parses the main part with @xmldom/xmldom and walks
// the body in order:
// - paragraphs: runs with bold/italic/underline resolved from direct formatting, the character
//   style, the paragraph style and the document defaults (adjacent same-format runs are merged
//   later by normalizeRuns, since Word splits runs arbitrarily); w:tab → '\t', w:br → '\n'
//   (page/column breaks ignored); tracked insertions kept, deletions dropped; hyperlinks,
//   content controls, smart tags and simple fields read through; text boxes read as
//   paragraphs placed before the paragraph that anchors them;
// - alignment from w:jc (direct or from the paragraph style);
// - automatic numbering (w:numPr, direct or through the paragraph style): the label Word would
//   draw is computed from numbering.xml (format, level text, start, overrides; counters per
//   list instance, deeper levels reset) and prefixed to the paragraph text, so the classifier
//   sees "I. MỤC ĐÍCH" exactly as a typed label; bullets become "-", "+" or "•";
// - tables: rows of cells (gridSpan, vMerge continuation); nested tables are flattened into the
//   cell's paragraphs.
import { unzipSync } from 'fflate';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import type { Align } from '../../../../shared/documents/model';
import { toRoman } from '../../../../shared/text/vn';
import type { PlanImportErrorCode, PlanRun } from '../../../../shared/plans/model';
import type { SrcBlock, SrcCell, SrcDocument, SrcParagraph } from './source';

const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const MAX_PART_BYTES = 64 * 1024 * 1024;

/**
 * An integer attribute within Word's own limits, else `fallback`. Values come from the file
 * and are used as counters, array indexes and repeat counts: "1e999" or "99999999999" must
 * not become a loop that never ends or an array of billions of cells.
 */
function intIn(v: string | null | undefined, min: number, max: number, fallback: number): number {
  const n = Number(v);
  return v != null && v !== '' && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}
/** w:ilvl: Word has nine list levels, 0–8. */
const readIlvl = (v: string | null | undefined) => intIn(v, 0, 8, 0);
/** w:start / w:startOverride: Word accepts 0–32767. */
const readStart = (v: string | null | undefined) => intIn(v, 0, 32767, 1);
/** w:gridSpan: a Word table has at most 63 columns. */
const readSpan = (v: string | null | undefined) => intIn(v, 1, 63, 1);

export class DocxReadError extends Error {
  constructor(
    readonly code: PlanImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// XML helpers

function isW(n: Node, local?: string): boolean {
  if (n.nodeType !== 1) return false;
  const e = n as Element;
  return W_NS.has(e.namespaceURI ?? '') && (local === undefined || e.localName === local);
}

function elements(n: Node): Element[] {
  const out: Element[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

function wChild(n: Node, local: string): Element | null {
  for (let c = n.firstChild; c; c = c.nextSibling) if (isW(c, local)) return c as Element;
  return null;
}

function wAttr(e: Element | null, local: string): string | null {
  if (!e) return null;
  for (const ns of W_NS) {
    const v = e.getAttributeNS(ns, local);
    if (v !== null && v !== '') return v;
  }
  const v = e.getAttribute(`w:${local}`);
  return v === '' ? null : v;
}

function descendants(n: Node, pred: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (let c = n.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const e = c as Element;
    if (pred(e)) out.push(e);
    else descendants(e, pred, out);
  }
  return out;
}

/** w:b / w:i style toggles: present without val = on; "0"/"false"/"off" = off. */
function toggle(e: Element | null): boolean | undefined {
  if (!e) return undefined;
  const v = wAttr(e, 'val');
  return !(v === '0' || v === 'false' || v === 'off');
}

function parseXml(text: string, part: string): Element {
  let failed: string | null = null;
  const parser = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning' && failed === null) failed = msg;
    },
  });
  let doc;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (e) {
    throw new DocxReadError('CORRUPT_XML', `Tệp Word bị hỏng: phần ${part} không đọc được (${(e as Error).message}).`);
  }
  const root = doc.documentElement;
  if (failed !== null || !root)
    throw new DocxReadError('CORRUPT_XML', `Tệp Word bị hỏng: phần ${part} không đọc được.`);
  return root;
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

// ---------------------------------------------------------------------------------------------
// Styles

interface RunProps {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

interface StyleDef extends RunProps {
  basedOn?: string;
  align?: Align;
  numId?: string;
  ilvl?: number;
}

function readRunProps(rPr: Element | null): RunProps {
  const out: RunProps = {};
  if (!rPr) return out;
  const b = toggle(wChild(rPr, 'b'));
  const i = toggle(wChild(rPr, 'i'));
  const u = wChild(rPr, 'u');
  if (b !== undefined) out.bold = b;
  if (i !== undefined) out.italic = i;
  if (u) out.underline = (wAttr(u, 'val') ?? 'single') !== 'none';
  return out;
}

function readAlign(pPr: Element | null): Align | undefined {
  const v = pPr ? wAttr(wChild(pPr, 'jc'), 'val') : null;
  switch (v) {
    case 'center':
      return 'center';
    case 'both':
    case 'distribute':
    case 'lowKashida':
    case 'mediumKashida':
    case 'highKashida':
    case 'thaiDistribute':
      return 'justify';
    case 'right':
    case 'end':
      return 'right';
    case 'left':
    case 'start':
      return 'left';
    default:
      return undefined;
  }
}

class Styles {
  private defs = new Map<string, StyleDef>();
  private defaults: RunProps = {};
  private defaultParagraphStyle: string | null = null;

  constructor(root: Element | null) {
    if (!root) return;
    const docDefaults = wChild(root, 'docDefaults');
    const rPrDefault = docDefaults && wChild(docDefaults, 'rPrDefault');
    if (rPrDefault) this.defaults = readRunProps(wChild(rPrDefault, 'rPr'));
    for (const s of elements(root)) {
      if (!isW(s, 'style')) continue;
      const id = wAttr(s, 'styleId');
      if (!id) continue;
      const def: StyleDef = { ...readRunProps(wChild(s, 'rPr')) };
      const basedOn = wAttr(wChild(s, 'basedOn'), 'val');
      if (basedOn) def.basedOn = basedOn;
      const pPr = wChild(s, 'pPr');
      if (pPr) {
        const a = readAlign(pPr);
        if (a) def.align = a;
        const numPr = wChild(pPr, 'numPr');
        if (numPr) {
          const numId = wAttr(wChild(numPr, 'numId'), 'val');
          if (numId) def.numId = numId;
          const ilvl = wAttr(wChild(numPr, 'ilvl'), 'val');
          if (ilvl) def.ilvl = readIlvl(ilvl);
        }
      }
      this.defs.set(id, def);
      if (wAttr(s, 'type') === 'paragraph' && (wAttr(s, 'default') === '1' || wAttr(s, 'default') === 'true'))
        this.defaultParagraphStyle = id;
    }
  }

  /** Resolved properties of a style (basedOn chain), direct ones winning. */
  private cache = new Map<string, StyleDef>();

  resolve(id: string | null | undefined): StyleDef {
    const key = id ?? '\u0000default';
    const hit = this.cache.get(key);
    if (hit) return hit;
    const resolved = this.resolveUncached(id);
    this.cache.set(key, resolved);
    return resolved;
  }

  private resolveUncached(id: string | null | undefined): StyleDef {
    const chain: StyleDef[] = [];
    const seen = new Set<string>();
    let cur = id ?? this.defaultParagraphStyle;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      const d = this.defs.get(cur);
      if (!d) break;
      chain.push(d);
      cur = d.basedOn ?? null;
    }
    const out: StyleDef = { ...this.defaults };
    for (const d of chain.reverse()) {
      for (const k of ['bold', 'italic', 'underline', 'align', 'numId', 'ilvl'] as const) {
        if (d[k] !== undefined) (out as Record<string, unknown>)[k] = d[k];
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Numbering

interface LevelDef {
  fmt: string;
  text: string;
  start: number;
}

const LATIN = 'abcdefghijklmnopqrstuvwxyz';

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman':
      return toRoman(n);
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperLetter':
      return (LATIN[(n - 1) % 26] ?? 'a').toUpperCase().repeat(Math.floor((n - 1) / 26) + 1);
    case 'lowerLetter':
      return (LATIN[(n - 1) % 26] ?? 'a').repeat(Math.floor((n - 1) / 26) + 1);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'none':
      return '';
    default:
      return String(n);
  }
}

class Numbering {
  private abstracts = new Map<string, Map<number, LevelDef>>();
  private nums = new Map<string, { abstractId: string; overrides: Map<number, { start?: number; lvl?: LevelDef }> }>();
  private counters = new Map<string, (number | undefined)[]>();

  constructor(root: Element | null) {
    if (!root) return;
    for (const e of elements(root)) {
      if (isW(e, 'abstractNum')) {
        const id = wAttr(e, 'abstractNumId');
        if (!id) continue;
        const levels = new Map<number, LevelDef>();
        for (const lvl of elements(e)) if (isW(lvl, 'lvl')) levels.set(readIlvl(wAttr(lvl, 'ilvl')), readLevel(lvl));
        this.abstracts.set(id, levels);
      } else if (isW(e, 'num')) {
        const id = wAttr(e, 'numId');
        const abstractId = wAttr(wChild(e, 'abstractNumId'), 'val');
        if (!id || !abstractId) continue;
        const overrides = new Map<number, { start?: number; lvl?: LevelDef }>();
        for (const o of elements(e)) {
          if (!isW(o, 'lvlOverride')) continue;
          const ilvl = readIlvl(wAttr(o, 'ilvl'));
          const so = wAttr(wChild(o, 'startOverride'), 'val');
          const lvl = wChild(o, 'lvl');
          const entry: { start?: number; lvl?: LevelDef } = {};
          if (so) entry.start = readStart(so);
          if (lvl) entry.lvl = readLevel(lvl);
          overrides.set(ilvl, entry);
        }
        this.nums.set(id, { abstractId, overrides });
      }
    }
  }

  private level(numId: string, ilvl: number): LevelDef | null {
    const num = this.nums.get(numId);
    if (!num) return null;
    const o = num.overrides.get(ilvl);
    const base = o?.lvl ?? this.abstracts.get(num.abstractId)?.get(ilvl);
    if (!base) return null;
    return o?.start !== undefined ? { ...base, start: o.start } : base;
  }

  /** The label Word draws for the next paragraph of this list level, or null. */
  next(numId: string, ilvl: number): string | null {
    if (numId === '0') return null;
    const def = this.level(numId, ilvl);
    if (!def) return null;
    const counts = this.counters.get(numId) ?? [];
    counts[ilvl] = counts[ilvl] === undefined ? def.start : counts[ilvl]! + 1;
    counts.length = ilvl + 1; // deeper levels restart
    this.counters.set(numId, counts);
    if (def.fmt === 'bullet') {
      const ch = def.text.trim();
      if (ch === '-' || ch === '–' || ch === '—') return '-';
      if (ch === '+') return '+';
      return '•';
    }
    const label = def.text.replace(/%(\d)/g, (_, d: string) => {
      const k = Number(d) - 1;
      const kd = this.level(numId, k);
      const value = counts[k] ?? kd?.start ?? 1;
      return formatNumber(value, k === ilvl ? def.fmt : (kd?.fmt ?? 'decimal'));
    });
    return label.trim() || null;
  }
}

function readLevel(lvl: Element): LevelDef {
  return {
    fmt: wAttr(wChild(lvl, 'numFmt'), 'val') ?? 'decimal',
    text: wAttr(wChild(lvl, 'lvlText'), 'val') ?? '',
    start: readStart(wAttr(wChild(lvl, 'start'), 'val')),
  };
}

// ---------------------------------------------------------------------------------------------
// Body walk

class BodyReader {
  constructor(
    private styles: Styles,
    private numbering: Numbering,
  ) {}

  blocks(container: Node): SrcBlock[] {
    const out: SrcBlock[] = [];
    for (const e of elements(container)) {
      if (isW(e, 'p')) out.push(...this.paragraph(e));
      else if (isW(e, 'tbl')) out.push(this.table(e));
      else if (isW(e, 'sdt')) {
        const content = wChild(e, 'sdtContent');
        if (content) out.push(...this.blocks(content));
      } else if (isW(e, 'customXml') || isW(e, 'ins') || isW(e, 'moveTo')) out.push(...this.blocks(e));
      else if (e.namespaceURI === MC_NS && e.localName === 'AlternateContent') {
        const choice = elements(e).find((c) => c.localName === 'Choice') ?? elements(e)[0];
        if (choice) out.push(...this.blocks(choice));
      }
    }
    return out;
  }

  private paragraph(p: Element): SrcBlock[] {
    const pPr = wChild(p, 'pPr');
    const styleId = wAttr(wChild(pPr ?? p, 'pStyle'), 'val');
    const style = this.styles.resolve(styleId);
    const align = (pPr && readAlign(pPr)) ?? style.align;
    const runs: PlanRun[] = [];
    const boxes: SrcBlock[] = [];
    this.collect(p, style, runs, boxes);

    let numId = style.numId;
    let ilvl = style.ilvl ?? 0;
    const numPr = pPr && wChild(pPr, 'numPr');
    if (numPr) {
      const n = wAttr(wChild(numPr, 'numId'), 'val');
      if (n) numId = n;
      const l = wAttr(wChild(numPr, 'ilvl'), 'val');
      if (l) ilvl = readIlvl(l);
    }
    const para: SrcParagraph = { kind: 'p', runs };
    if (align) para.align = align;
    const hasText = runs.some((r) => r.text.trim() !== '');
    if (numId && hasText) {
      const label = this.numbering.next(numId, ilvl);
      if (label) {
        para.autoLabel = label;
        const first = runs[0];
        // the label takes the format of the paragraph's first run, like Word draws it
        runs.unshift({ text: `${label} `, ...(first?.bold ? { bold: true } : {}), ...(first?.italic ? { italic: true } : {}) });
      }
    }
    return [...boxes, para];
  }

  private collect(node: Element, pStyle: StyleDef, runs: PlanRun[], boxes: SrcBlock[]): void {
    for (const e of elements(node)) {
      if (isW(e, 'r')) this.run(e, pStyle, runs, boxes);
      else if (
        isW(e, 'hyperlink') ||
        isW(e, 'ins') ||
        isW(e, 'moveTo') ||
        isW(e, 'smartTag') ||
        isW(e, 'customXml') ||
        isW(e, 'fldSimple') ||
        isW(e, 'bdo') ||
        isW(e, 'dir')
      )
        this.collect(e, pStyle, runs, boxes);
      else if (isW(e, 'sdt')) {
        const content = wChild(e, 'sdtContent');
        if (content) this.collect(content, pStyle, runs, boxes);
      }
      // w:del, w:moveFrom, w:pPr, bookmarks, proofing marks: nothing to read
    }
  }

  private run(r: Element, pStyle: StyleDef, runs: PlanRun[], boxes: SrcBlock[]): void {
    const rPr = wChild(r, 'rPr');
    const charStyle = this.styles.resolve(wAttr(wChild(rPr ?? r, 'rStyle'), 'val') ?? '\u0000none');
    const direct = readRunProps(rPr);
    const pick = (k: keyof RunProps) => direct[k] ?? (rPr && wChild(rPr, 'rStyle') ? charStyle[k] : undefined) ?? pStyle[k];
    const bold = pick('bold');
    const italic = pick('italic');
    const underline = pick('underline');
    let text = '';
    for (const c of elements(r)) {
      if (!W_NS.has(c.namespaceURI ?? '')) {
        if (c.namespaceURI === MC_NS && c.localName === 'AlternateContent') this.textboxes(c, boxes);
        continue;
      }
      switch (c.localName) {
        case 't':
          text += c.textContent ?? '';
          break;
        case 'tab':
        case 'ptab':
          text += '\t';
          break;
        case 'br': {
          const type = wAttr(c, 'type');
          if (type !== 'page' && type !== 'column') text += '\n';
          break;
        }
        case 'cr':
          text += '\n';
          break;
        case 'noBreakHyphen':
          text += '-';
          break;
        case 'drawing':
        case 'pict':
        case 'object':
          this.textboxes(c, boxes);
          break;
        default:
          break;
      }
    }
    if (!text) return;
    const run: PlanRun = { text };
    if (bold) run.bold = true;
    if (italic) run.italic = true;
    if (underline) run.underline = true;
    runs.push(run);
  }

  private textboxes(e: Element, boxes: SrcBlock[]): void {
    if (e.namespaceURI === MC_NS && e.localName === 'AlternateContent') {
      const choice = elements(e).find((c) => c.localName === 'Choice') ?? elements(e)[0];
      if (choice) this.textboxes(choice, boxes);
      return;
    }
    for (const box of descendants(e, (d) => isW(d, 'txbxContent'))) boxes.push(...this.blocks(box));
  }

  private table(tbl: Element): SrcBlock {
    const rows: SrcCell[][] = [];
    const rowEls = descendants(tbl, (d) => isW(d, 'tr') || isW(d, 'tbl')).filter((d) => isW(d, 'tr'));
    for (const tr of rowEls) {
      const cells: SrcCell[] = [];
      const cellEls = descendants(tr, (d) => isW(d, 'tc') || isW(d, 'tbl')).filter((d) => isW(d, 'tc'));
      for (const tc of cellEls) {
        const tcPr = wChild(tc, 'tcPr');
        const span = readSpan(wAttr(tcPr && wChild(tcPr, 'gridSpan'), 'val'));
        const vMerge = tcPr && wChild(tcPr, 'vMerge');
        const paragraphs: SrcParagraph[] = [];
        for (const b of this.blocks(tc)) {
          if (b.kind === 'p') paragraphs.push(b);
          else for (const row of b.rows) for (const c of row) paragraphs.push(...c.paragraphs);
        }
        const cell: SrcCell = { paragraphs, span };
        if (vMerge && (wAttr(vMerge, 'val') ?? 'continue') === 'continue') cell.mergedUp = true;
        cells.push(cell);
      }
      rows.push(cells);
    }
    return { kind: 'table', rows };
  }
}

// ---------------------------------------------------------------------------------------------
// Entry

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7) && (b[3] === 4 || b[3] === 6 || b[3] === 8);
}

function isOle(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

/** A Word 97–2003 file, whether named .doc or renamed .docx: one message for both. */
export const LEGACY_DOC_MESSAGE = 'Tệp Word 97–2003 (.doc) chưa đọc được: hãy mở tệp bằng Word, lưu lại dưới dạng .docx rồi nhập lại.';

/** Throws DocxReadError with a Vietnamese message. */
export function readDocx(bytes: Uint8Array): SrcDocument {
  if (bytes.length === 0) throw new DocxReadError('EMPTY_FILE', 'Tệp trống (0 byte): hãy chọn lại tệp kế hoạch.');
  if (isOle(bytes))
    throw new DocxReadError('LEGACY_DOC', LEGACY_DOC_MESSAGE);
  if (!isZip(bytes))
    throw new DocxReadError('NOT_DOCX', 'Tệp không phải văn bản Word (.docx): hãy chọn tệp .docx hoặc tệp văn bản .txt.');

  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => (f.name.endsWith('.xml') || f.name.endsWith('.rels')) && f.originalSize <= MAX_PART_BYTES,
    });
  } catch {
    throw new DocxReadError(
      'CORRUPT_ZIP',
      'Tệp .docx bị hỏng (không giải nén được): hãy mở tệp bằng Word, lưu lại rồi nhập lại.',
    );
  }

  let mainPath = 'word/document.xml';
  const rels = files['_rels/.rels'];
  if (rels) {
    try {
      const root = parseXml(decode(rels), '_rels/.rels');
      for (const rel of descendants(root, (e) => e.localName === 'Relationship')) {
        if ((rel.getAttribute('Type') ?? '').endsWith('/officeDocument')) {
          const target = (rel.getAttribute('Target') ?? '').replace(/^\//, '');
          if (target) mainPath = target;
        }
      }
    } catch {
      // fall back to the usual name
    }
  }
  const main = files[mainPath];
  if (!main)
    throw new DocxReadError(
      'NOT_DOCX',
      'Tệp nén không phải văn bản Word (.docx): không có phần nội dung văn bản (word/document.xml).',
    );
  const dir = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/') + 1) : '';
  const optional = (name: string): Element | null => {
    const f = files[dir + name];
    if (!f) return null;
    try {
      return parseXml(decode(f), dir + name);
    } catch {
      return null; // styles/numbering are helpful, not required
    }
  };

  const root = parseXml(decode(main), mainPath);
  const body = elements(root).find((e) => isW(e, 'body'));
  if (!body)
    throw new DocxReadError('NO_BODY', 'Tệp Word không có phần thân văn bản (w:body): không có nội dung để nhập.');
  const reader = new BodyReader(new Styles(optional('styles.xml')), new Numbering(optional('numbering.xml')));
  return { source: 'docx', formatted: true, blocks: reader.blocks(body) };
}
