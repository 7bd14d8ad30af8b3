// Plain text of a .docx body, in body order: one line per paragraph; a table as one line per
// row with a tab between cells. For tests and round-trip checks (not a general converter).
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface DocxPlainTextOptions {
  /** joins the paragraphs of one table cell (default " ") */
  cellParagraphSeparator?: string;
  /** keep empty paragraphs as empty lines (default false: dropped) */
  keepEmpty?: boolean;
}

const ELEMENT_NODE = 1;

function elementChildren(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE) out.push(c as Element);
  }
  return out;
}

const isW = (el: Element, local: string) => el.namespaceURI === W_NS && el.localName === local;

/** Text of a paragraph: w:t, w:tab as "\t", w:br/w:cr as "\n"; skips field codes and deleted text. */
function paragraphText(p: Element): string {
  let out = '';
  const walk = (node: Element) => {
    for (const el of elementChildren(node)) {
      if (el.namespaceURI !== W_NS) {
        walk(el);
        continue;
      }
      switch (el.localName) {
        case 't':
          out += el.textContent ?? '';
          break;
        case 'tab':
          if (node.localName === 'r') out += '\t';
          break;
        case 'br':
        case 'cr':
          out += '\n';
          break;
        case 'noBreakHyphen':
          out += '\u2011';
          break;
        case 'pPr':
        case 'rPr':
        case 'instrText':
        case 'delText':
        case 'del':
          break;
        default:
          walk(el);
      }
    }
  };
  walk(p);
  return out;
}

function blockLines(container: Element, opts: Required<DocxPlainTextOptions>): string[] {
  const lines: string[] = [];
  for (const el of elementChildren(container)) {
    if (isW(el, 'p')) {
      const t = paragraphText(el);
      if (t.length > 0 || opts.keepEmpty) lines.push(t);
    } else if (isW(el, 'tbl')) {
      for (const tr of elementChildren(el).filter((e) => isW(e, 'tr'))) {
        const cells = elementChildren(tr)
          .filter((e) => isW(e, 'tc'))
          .map((tc) => blockLines(tc, opts).join(opts.cellParagraphSeparator));
        lines.push(cells.join('\t'));
      }
    } else if (el.namespaceURI === W_NS && (el.localName === 'sdt' || el.localName === 'sdtContent' || el.localName === 'customXml')) {
      lines.push(...blockLines(el, opts));
    }
  }
  return lines;
}

/** Plain text of word/document.xml of a .docx (bytes of the zip). */
export function docxPlainText(bytes: Uint8Array, options: DocxPlainTextOptions = {}): string {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('not a .docx: word/document.xml is missing');
  return documentXmlPlainText(strFromU8(xml), options);
}

/** Plain text of a WordprocessingML document part (word/document.xml as text). */
export function documentXmlPlainText(xml: string, options: DocxPlainTextOptions = {}): string {
  const opts: Required<DocxPlainTextOptions> = {
    cellParagraphSeparator: options.cellParagraphSeparator ?? ' ',
    keepEmpty: options.keepEmpty ?? false,
  };
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const body = doc.getElementsByTagNameNS(W_NS, 'body')[0];
  if (!body) return '';
  return blockLines(body, opts).join('\n');
}
