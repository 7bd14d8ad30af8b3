// HTML print view of an OfficialDocument: a standalone page (inline CSS, no scripts, no
// external resources) laid out like the printed document. Used as the in-app live preview
// (in an iframe: A4 sheets on a grey background) and for PDF through Chromium's
// print-to-PDF (call printToPDF with preferCSSPageSize: true so @page sizes apply).
// Every piece of text is HTML-escaped: titles, names and recipients come from users.
import type { Block, DocAppendix, DocHeader, DocSigner, DocTable, OfficialDocument, Run } from './model';
import { QUOC_HIEU, TIEU_NGU } from './model';
import {
  CONTENT_WIDTH_LANDSCAPE,
  CONTENT_WIDTH_PORTRAIT,
  SIZE,
  caps,
  layoutRowCells,
  officialPrintCss,
  placeDateLine,
  recipientLines,
  signerTitleLines,
  tableColumnWidths,
  type PrintCssOptions,
} from './print-css';

export interface RenderHtmlOptions extends PrintCssOptions {
  /** <title> of the page; default: document type + trích yếu of the first document */
  title?: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Escaped text with line breaks ("\n") kept as <br>. */
function textHtml(s: string): string {
  return s
    .split(/\r?\n/)
    .map(escapeHtml)
    .join('<br>');
}

/** Runs as HTML; a run's own bold/italic/underline override the paragraph's. */
export function runsHtml(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      const style: string[] = [];
      if (r.bold !== undefined) style.push(`font-weight:${r.bold ? 'bold' : 'normal'}`);
      if (r.italic !== undefined) style.push(`font-style:${r.italic ? 'italic' : 'normal'}`);
      if (r.underline) style.push('text-decoration:underline');
      const text = textHtml(r.text);
      return style.length ? `<span style="${style.join(';')}">${text}</span>` : text;
    })
    .join('');
}

function labelled(label: string | undefined, runs: readonly Run[]): string {
  const l = label?.trim();
  return (l ? `${escapeHtml(l)} ` : '') + runsHtml(runs);
}

function headerHtml(h: DocHeader): string {
  const left: string[] = [];
  if (h.parentAgency?.trim()) left.push(`<p class="od-parent">${textHtml(caps(h.parentAgency.trim()))}</p>`);
  left.push(`<p class="od-agency"><span class="od-ruled">${textHtml(caps(h.agency.trim()))}</span></p>`);
  const right = [
    `<p class="od-qh">${escapeHtml(QUOC_HIEU)}</p>`,
    `<p class="od-tn"><span class="od-ruled full">${escapeHtml(TIEU_NGU)}</span></p>`,
  ];
  const date = placeDateLine(h);
  return [
    '<table class="od-hdr"><colgroup><col class="l"><col class="r"></colgroup>',
    `<tr><td>${left.join('')}</td><td>${right.join('')}</td></tr>`,
    `<tr><td><p class="od-number od-pre">${escapeHtml(h.numberLine)}</p></td>`,
    `<td><p class="od-date od-pre">${date ? escapeHtml(date) : ''}</p></td></tr>`,
    '</table>',
  ].join('');
}

function titleHtml(docType: string, title: readonly string[]): string {
  const out: string[] = [];
  if (docType.trim()) out.push(`<p class="od-doctype">${escapeHtml(caps(docType.trim()))}</p>`);
  const lines = title.map((t) => t.trim()).filter((t) => t.length > 0);
  if (lines.length) out.push(`<div class="od-title"><span class="od-ruled">${lines.map(textHtml).join('<br>')}</span></div>`);
  return out.join('');
}

function paragraphClass(base: string, align?: string, noIndent?: boolean): string {
  const cls = ['od-p'];
  if (base) cls.push(base);
  if (noIndent) cls.push('noindent');
  if (align && align !== 'justify') cls.push(`al-${align}`);
  return cls.join(' ');
}

/**
 * A data table: borders, bold centred header row (repeated on each printed page), bold group
 * rows; the columns of the DOCX (tableColumnWidths over the page's text width, in twips).
 */
export function tableHtml(t: DocTable, contentWidth: number = CONTENT_WIDTH_PORTRAIT): string {
  const n = t.columns.length;
  if (n === 0) return '';
  const widths = tableColumnWidths(t, contentWidth, SIZE.table);
  const cols = widths.map((w) => `<col style="width:${((w / contentWidth) * 100).toFixed(2)}%">`).join('');
  const head = t.columns.map((c) => `<th>${textHtml(c.header)}</th>`).join('');
  const body = t.rows
    .map((row) => {
      const cells = layoutRowCells(row, n)
        .map((c) => {
          const align = t.columns[c.col]?.align;
          const attrs = [
            c.span > 1 ? ` colspan="${c.span}"` : '',
            align && align !== 'left' ? ` class="al-${align}"` : '',
          ].join('');
          return `<td${attrs}>${runsHtml(c.runs)}</td>`;
        })
        .join('');
      return `<tr${row.group ? ' class="group"' : ''}>${cells}</tr>`;
    })
    .join('');
  return `<table class="od-grid"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Body blocks: headings (1, 2 bold; 3 italic), paragraphs with labels, tables (over `contentWidth` twips). */
export function blocksHtml(blocks: readonly Block[], contentWidth: number = CONTENT_WIDTH_PORTRAIT): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `<p class="od-p od-h od-h${b.level}">${labelled(b.label, b.runs)}</p>`;
        case 'paragraph':
          return `<p class="${paragraphClass('', b.align, b.noIndent)}">${labelled(b.label, b.runs)}</p>`;
        case 'table':
          return tableHtml(b.table, contentWidth);
      }
    })
    .join('\n');
}

function signerHtml(signer: DocSigner): string {
  const note = signer.note?.trim();
  return (
    signerTitleLines(signer)
      .map((l) => `<p class="od-sign-title">${escapeHtml(l)}</p>`)
      .join('') +
    (note ? `<p class="od-sign-note">${escapeHtml(note)}</p>` : '') +
    `<p class="od-sign-name">${textHtml(signer.name.trim())}</p>`
  );
}

function signatureHtml(recipients: readonly string[], signer: DocSigner | null, coSigner: DocSigner | null = null): string {
  const lines = coSigner ? [] : recipientLines(recipients);
  if (!lines.length && !signer && !coSigner) return '';
  const left = coSigner
    ? signerHtml(coSigner)
    : lines.length
      ? `<p class="od-rcpt-title">Nơi nhận:</p>${lines.map((l) => `<p class="od-rcpt">${escapeHtml(l)}</p>`).join('')}`
      : '';
  const right = signer ? signerHtml(signer) : '';
  return `<table class="od-ftr"><colgroup><col class="l"><col class="r"></colgroup><tr><td class="${coSigner ? 'l co' : 'l'}">${left}</td><td class="r">${right}</td></tr></table>`;
}

/** "Kính gửi:" under the title: one addressee centred on one line, several as a list. */
function addresseesHtml(addressees: readonly string[]): string {
  const list = addressees.map((a) => a.trim()).filter((a) => a.length > 0);
  if (list.length === 0) return '';
  if (list.length === 1) return `<p class="od-kg">Kính gửi: ${escapeHtml(list[0]!)}</p>`;
  return `<div class="od-kg-list"><p>Kính gửi:</p>${recipientLines(list)
    .map((l) => `<p class="od-kg-item">${escapeHtml(l)}</p>`)
    .join('')}</div>`;
}

function appendixHtml(a: DocAppendix): string {
  const subs = a.subtitle.map((s) => s.trim()).filter((s) => s.length > 0);
  const parts = [`<p class="od-appx-heading${subs.length ? '' : ' od-appx-last'}">${textHtml(caps(a.heading.trim()))}</p>`];
  subs.forEach((s, i) => parts.push(`<p class="od-appx-sub${i === subs.length - 1 ? ' od-appx-last' : ''}">${textHtml(s)}</p>`));
  parts.push(blocksHtml(a.blocks, a.landscape ? CONTENT_WIDTH_LANDSCAPE : CONTENT_WIDTH_PORTRAIT));
  return `<section class="sheet${a.landscape ? ' landscape' : ''}">${parts.join('\n')}</section>`;
}

/** The sheets of one document (main text, then one sheet per appendix), for embedding in a page that has the print CSS. */
export function renderHtmlBody(doc: OfficialDocument): string {
  const main = [
    headerHtml(doc.header),
    titleHtml(doc.docType, doc.title),
    addresseesHtml(doc.addressees ?? []),
    ...doc.bases
      .filter((b) => b.trim())
      .map((b) => `<p class="od-p od-basis">${textHtml(b.trim())}</p>`),
    ...doc.preamble.map((runs) => `<p class="od-p">${runsHtml(runs)}</p>`),
    blocksHtml(doc.body),
    ...doc.closing.map((runs) => `<p class="od-p">${runsHtml(runs)}</p>`),
    signatureHtml(doc.recipients, doc.signer, doc.coSigner ?? null),
  ].filter((s) => s.length > 0);
  return [`<section class="sheet">${main.join('\n')}</section>`, ...doc.appendices.map(appendixHtml)].join('\n');
}

/** The complete standalone HTML page of one or several documents (each starts on a new page). */
export function renderHtml(docs: OfficialDocument | readonly OfficialDocument[], opts: RenderHtmlOptions = {}): string {
  const list: readonly OfficialDocument[] = Array.isArray(docs) ? docs : [docs as OfficialDocument];
  const first = list[0];
  const title =
    opts.title ?? (first ? [caps(first.docType.trim()), ...first.title.map((t) => t.trim())].filter(Boolean).join(' ') : '');
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${officialPrintCss(opts)}\n</style>`,
    '</head>',
    '<body>',
    ...list.map(renderHtmlBody),
    '</body>',
    '</html>',
  ].join('\n');
}
