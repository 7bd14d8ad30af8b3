// Plain text of an OfficialDocument, in reading order, one paragraph per line: header (agency
// column, then quốc hiệu column), document type, title, bases, preamble, body (labels
// included), closing, "Nơi nhận:" with "- " lines, signer, appendices (table rows with cells
// separated by tabs, header row first). Used for previews, search and import fidelity checks.
import { QUOC_HIEU, TIEU_NGU, runsText, type Block, type DocTable, type OfficialDocument } from '../documents/model';
import { formatPlaceDate } from '../text/vn';

function tableLines(t: DocTable): string[] {
  const out: string[] = [];
  if (t.columns.some((c) => c.header.trim() !== '')) out.push(t.columns.map((c) => c.header).join('\t'));
  for (const r of t.rows) out.push(r.cells.map(runsText).join('\t'));
  return out;
}

function blockLines(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
    case 'paragraph': {
      const text = runsText(b.runs);
      return [b.label ? `${b.label} ${text}` : text];
    }
    case 'table':
      return tableLines(b.table);
  }
}

export interface PlainTextOptions {
  /** print quốc hiệu and tiêu ngữ (default true) */
  nationalMotto?: boolean;
}

export function documentPlainText(doc: OfficialDocument, opts: PlainTextOptions = {}): string {
  const lines: string[] = [];
  const push = (s: string | undefined | null) => {
    if (s != null && s.trim() !== '') lines.push(s);
  };
  const h = doc.header;
  push(h.parentAgency);
  push(h.agency);
  push(h.numberLine);
  if (opts.nationalMotto !== false) {
    push(QUOC_HIEU);
    push(TIEU_NGU);
  }
  if (h.date) push(formatPlaceDate(h.place, h.date));
  push(doc.docType);
  for (const t of doc.title) push(t);
  for (const b of doc.bases) push(b);
  for (const p of doc.preamble) push(runsText(p));
  for (const b of doc.body) for (const l of blockLines(b)) push(l);
  for (const p of doc.closing) push(runsText(p));
  if (doc.recipients.length) {
    push('Nơi nhận:');
    for (const r of doc.recipients) push(`- ${r}`);
  }
  const s = doc.signer;
  if (s) {
    const authority = [s.prefix, s.authorityTitle].filter(Boolean).join(' ');
    for (const l of authority.split('\n')) push(l);
    push(s.position);
    push(s.name);
  }
  for (const a of doc.appendices) {
    push(a.heading);
    for (const l of a.subtitle) push(l);
    for (const b of a.blocks) for (const l of blockLines(b)) push(l);
  }
  return lines.join('\n');
}
