// Test helpers for .docx files: unzip the package, parse its XML parts with @xmldom/xmldom
// and query WordprocessingML elements by tag name ("w:p", "w:tbl" …) and attribute ("w:val").
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const NS: Record<string, string> = { w: W_NS, r: R_NS };

/** All parts of the package, as text (XML parts) keyed by path ("word/document.xml"). */
export function unzipDocx(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) out[name] = strFromU8(data);
  return out;
}

export function parseXml(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml');
}

function splitName(qname: string): { ns: string | null; local: string } {
  const i = qname.indexOf(':');
  if (i < 0) return { ns: null, local: qname };
  const prefix = qname.slice(0, i);
  const ns = NS[prefix];
  if (!ns) throw new Error(`unknown prefix ${prefix}`);
  return { ns, local: qname.slice(i + 1) };
}

/** All descendants with this qualified name ("w:p"), in document order. */
export function all(root: Document | Element, qname: string): Element[] {
  const { ns, local } = splitName(qname);
  const list = ns ? root.getElementsByTagNameNS(ns, local) : root.getElementsByTagName(local);
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) {
    const el = list.item(i);
    if (el) out.push(el);
  }
  return out;
}

/** The first descendant with this name, or undefined. */
export function first(root: Document | Element, qname: string): Element | undefined {
  return all(root, qname)[0];
}

/** Direct element children, optionally only those with this name. */
export function children(el: Document | Element | Node, qname?: string): Element[] {
  const want = qname ? splitName(qname) : null;
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const e = c as Element;
    if (!want || (e.localName === want.local && (want.ns === null || e.namespaceURI === want.ns))) out.push(e);
  }
  return out;
}

/** A direct child by path of names: child(tc, "w:tcPr", "w:tcW"). */
export function child(el: Element | undefined, ...path: string[]): Element | undefined {
  let cur: Element | undefined = el;
  for (const name of path) {
    if (!cur) return undefined;
    cur = children(cur, name)[0];
  }
  return cur;
}

/** Attribute by qualified name ("w:val"), or null. */
export function attr(el: Element | undefined, qname: string): string | null {
  if (!el) return null;
  const { ns, local } = splitName(qname);
  return ns ? el.getAttributeNS(ns, local) : el.getAttribute(local);
}

/** Text of the w:t elements under an element, concatenated. */
export function wText(el: Element | Document): string {
  return all(el, 'w:t')
    .map((t) => t.textContent ?? '')
    .join('');
}

/** On/off property (w:b, w:i …) of a w:rPr / w:pPr: present and not "false"/"0"/"off". */
export function isOn(props: Element | undefined, qname: string): boolean {
  const el = child(props, qname);
  if (!el) return false;
  const v = attr(el, 'w:val');
  return v === null || !['false', '0', 'off'].includes(v);
}

/** The w:r runs whose text contains `needle` (in document order). */
export function runsContaining(root: Document | Element, needle: string): Element[] {
  return all(root, 'w:r').filter((r) => wText(r).includes(needle));
}

/** The w:p paragraphs whose text contains `needle` (in document order). */
export function paragraphsContaining(root: Document | Element, needle: string): Element[] {
  return all(root, 'w:p').filter((p) => wText(p).includes(needle));
}

/** Relationship id → target ("rId7" → "header1.xml") of a part's .rels file. */
export function relationships(rels: string): Record<string, string> {
  const doc = parseXml(rels);
  const out: Record<string, string> = {};
  const list = doc.getElementsByTagNameNS(PKG_REL_NS, 'Relationship');
  for (let i = 0; i < list.length; i++) {
    const el = list.item(i);
    const id = el?.getAttribute('Id');
    const target = el?.getAttribute('Target');
    if (id && target) out[id] = target;
  }
  return out;
}

export interface DocxParts {
  files: Record<string, string>;
  document: Document;
  styles: Document;
  settings: Document | undefined;
  /** header/footer parts by path ("word/header1.xml") */
  part(path: string): Document;
  /** the section properties (w:sectPr) in body order */
  sections: Element[];
  /** header part path of a section's header reference of this type ("default", "first", "even") */
  headerPath(sectPr: Element, type: 'default' | 'first' | 'even'): string | undefined;
}

/** Unzip and parse the main parts of a .docx. */
export function openDocx(bytes: Uint8Array): DocxParts {
  const files = unzipDocx(bytes);
  const need = (p: string) => {
    const s = files[p];
    if (s === undefined) throw new Error(`missing part ${p}`);
    return s;
  };
  const document = parseXml(need('word/document.xml'));
  const rels = relationships(need('word/_rels/document.xml.rels'));
  return {
    files,
    document,
    styles: parseXml(need('word/styles.xml')),
    settings: files['word/settings.xml'] ? parseXml(files['word/settings.xml']) : undefined,
    part: (p) => parseXml(need(p)),
    sections: all(document, 'w:sectPr'),
    headerPath(sectPr, type) {
      const ref = children(sectPr, 'w:headerReference').find((h) => attr(h, 'w:type') === type);
      const id = attr(ref, 'r:id');
      const target = id ? rels[id] : undefined;
      return target ? `word/${target.replace(/^\/?word\//, '')}` : undefined;
    },
  };
}
