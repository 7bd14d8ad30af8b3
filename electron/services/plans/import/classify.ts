// The one classifier both import paths use: SrcDocument (from docx-reader or text-reader) →
// Plan. It reads the document as zones, in order:
//
//   header   everything before the document type line: agency lines, "Số: …/KH-…" (blank
//            number allowed), quốc hiệu, tiêu ngữ, "<place>, ngày … tháng … năm …" (blank day /
//            month allowed). Tables are read column by column, paragraphs split at tabs/breaks.
//   docType  "KẾ HOẠCH" (or another document type name, with a warning)
//   title    lines after it (centred ones in a docx) until a basis, preamble, section label …
//   front    "Căn cứ …" lines (bases), then other paragraphs (preamble, e.g. "Thực hiện …")
//            until the first section label
//   body     section tree from labels: roman "I.", arabic "1.", nested "1.1.", "1)", letter
//            "a)"/"a.", dash "-", plus "+" (bullets "•" count as dashes). A label style already
//            open on the path from the root closes back to that level (sibling); an unseen one
//            nests under the current node unless its rank (roman < arabic < nested < letter <
//            "1)" < dash < plus) says it cannot, in which case deeper nodes are closed first.
//            Unlabelled paragraphs and tables belong to the deepest open node. A paragraph that
//            starts in lower case after one that does not end a sentence is a continuation
//            (a paragraph broken by a page) and is joined to it.
//   closing  from "Trên đây là …" to the footer
//   footer   "Nơi nhận:" and its "- …" lines; the signer block (prefix line "KT. GIÁM ĐỐC",
//            position, name), read from the footer table (any column order) or plain lines
//   appendix each "PHỤ LỤC …" line starts one: subtitle lines, then tables (quarterly task
//            table or generic, see tables.ts) and paragraphs
//
// Nothing is dropped except blank lines and decorative rules ("-----", "___"): a line that fits
// no zone's patterns is kept as a plain paragraph where it stood (header leftovers go to the
// preamble, footer leftovers to the closing) with flag 'review' and a warning.
import {
  createIdGenerator,
  DEFAULT_DOC_TYPE,
  type DocNumber,
  type GenericTable,
  type IdGenerator,
  type LabelStyle,
  type Plan,
  type PlanAppendix,
  type PlanHeader,
  type PlanImportResult,
  type PlanParagraph,
  type PlanRun,
  type PlanSection,
  type PlanSigner,
  type SignPrefix,
  PLAN_SCHEMA_VERSION,
} from '../../../../shared/plans/model';
import { walkNumbered, viLetterIndex } from '../../../../shared/plans/numbering';
import { extractDocReferences } from '../../../../shared/plans/references';
import type { PartialDate } from '../../../../shared/text/vn';
import { foldVi, toRoman } from '../../../../shared/text/vn';
import { dropPrefix, flatRuns, paraLines, runsText, type SrcDocument, type SrcParagraph, type SrcTable } from './source';
import { tableToBlock } from './tables';

export interface ClassifyOptions {
  newId?: IdGenerator;
}

// ---------------------------------------------------------------------------------------------
// Patterns

const DOC_TYPES = [
  'KẾ HOẠCH',
  'CHƯƠNG TRÌNH',
  'BÁO CÁO',
  'TỜ TRÌNH',
  'QUYẾT ĐỊNH',
  'HƯỚNG DẪN',
  'THÔNG BÁO',
  'BIÊN BẢN',
  'ĐỀ ÁN',
  'PHƯƠNG ÁN',
  'CHỈ THỊ',
  'NGHỊ QUYẾT',
];
const QUOC_HIEU_FOLD = 'cong hoa xa hoi chu nghia viet nam';
const TIEU_NGU_RE = /^doc lap\s*[-–—]\s*tu do\s*[-–—]\s*hanh phuc$/;
const RULE_RE = /^[\s\-_=.*…~·•–—]{3,}$/u;
const NUMBER_LINE_RE = /^Số\s*[:.]?\s*(\d+)?[\s._…-]*\/\s*(.*)$/u;
const NUMBER_ONLY_RE = /^Số\s*[:.]?\s*(\d+)?\s*$/u;
const DATE_LINE_RE = /^(.*?)[\s,]*ngày\s*([\d.…_\s]*?)\s*tháng\s*([\d.…_\s]*?)\s*năm\s*(\d{4})\s*\.?$/u;
const BASIS_RE = /^(?:[-–+•]\s*)?Căn\s+cứ(?![\p{L}\d])/u;
const PREAMBLE_START_RE = /^(?:[-–+•]\s*)?(?:Căn\s+cứ|Thực\s+hiện|Nhằm|Để|Trên\s+cơ\s+sở|Hưởng\s+ứng|Theo)(?![\p{L}\d])/u;
const CLOSING_RE = /^Trên\s+đây\s+là(?![\p{L}\d])/u;
const RECIPIENTS_RE = /^Nơi\s+nhận\s*[:.]?\s*(.*)$/iu;
const SIGN_PREFIX_RE = /^(TM|KT|Q|TL|TUQ)\s*\.\s*(.+)$/u;
const APPENDIX_RE = /^(PHỤ\s+LỤC(?:\s+(?:SỐ\s+)?(?:[IVXLC]+|\d+)(?=$|[\s.:\-–]))?)\s*[.:\-–]?\s*(.*)$/u;
const APPENDIX_LOWER_RE = /^(Phụ\s+lục(?:\s+(?:số\s+)?(?:[IVXLC]+|\d+))?)\s*[.:\-–]?\s*$/iu;
const POSITION_WORDS =
  /GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG|PHÓ|THỦ TRƯỞNG|CHÁNH|BÍ THƯ|ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|TỔNG|VIỆN|HIỆU|SỞ|PHÒNG|BAN(?![\p{L}\d])|CỤC|VỤ|BỘ|THƯỜNG TRỰC|QUYỀN/u;
const ORGAN_ONLY_RE = /^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)$/u;
const LOCALITY_RE = /^(?:XÃ|PHƯỜNG|THỊ TRẤN|THỊ XÃ|HUYỆN|QUẬN|THÀNH PHỐ|TỈNH|ĐẶC KHU|TP\.?)\s/u;
const ORGAN_START_RE =
  /^(?:UBND|ỦY BAN|UỶ BAN|HĐND|HỘI|SỞ|BỘ|PHÒNG|BAN|CỤC|TỔNG CỤC|CHI CỤC|VỤ|VĂN PHÒNG|TRUNG TÂM|TRƯỜNG|HỌC VIỆN|ĐẠI HỌC|VIỆN|BỆNH VIỆN|CÔNG TY|TỔNG CÔNG TY|ĐẢNG|TỈNH ỦY|TỈNH UỶ|HUYỆN ỦY|THÀNH ỦY|ĐOÀN|LIÊN ĐOÀN|CÔNG ĐOÀN|MẶT TRẬN|QUỸ|BẢO HIỂM|KHO BẠC|THANH TRA|TÒA ÁN|VIỆN KIỂM SÁT|CÔNG AN|BỘ CHỈ HUY|BAN CHỈ HUY|KHỐI|CỤM|CƠ SỞ|NHÀ|ĐÀI|BÁO|TRẠI|LÀNG|XÃ|PHƯỜNG|THỊ TRẤN|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TỈNH|ĐẶC KHU|TP)(?![\p{L}])/u;
const NAME_RE = /^\p{Lu}[\p{L}'’]*(?:\s+\p{Lu}[\p{L}'’]*){1,6}$/u;

const TYPE_CODES = new Set(['KH', 'TTr', 'BC', 'BB', 'QĐ', 'TB', 'HD', 'CTr', 'CT', 'NQ', 'ĐA', 'PA', 'GM', 'CV', 'TTg']);

function isUpperLine(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toLocaleUpperCase('vi');
}

function validRoman(s: string): number | null {
  const map: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = map[s[i]!]!;
    const next = map[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  // canonical form only (rejects "IIII", "VX" …)
  return total > 0 && toRoman(total) === s ? total : null;
}

interface LabelMatch {
  style: LabelStyle;
  /** stack key: the style, plus the depth for nested arabic */
  key: string;
  rank: number;
  /** characters of the label including following spaces */
  length: number;
  /** the number the source printed (for renumbering warnings) */
  value: number | null;
  text: string;
}

/** Recognise a section label at the start of a paragraph. */
export function matchLabel(text: string): LabelMatch | null {
  let m: RegExpExecArray | null;
  if ((m = /^([IVXLC]{1,7})(?:\s*\.|\s*[/)]\s|\s+[-–]\s)\s*(?=\S)/u.exec(text))) {
    const v = validRoman(m[1]!);
    if (v !== null) return { style: 'roman', key: 'roman', rank: 0, length: m[0].length, value: v, text: m[0].trim() };
  }
  if ((m = /^(\d{1,2}(?:\.\d{1,2})+)\.?(?:\s+|(?=\p{L}))(?=\S)/u.exec(text))) {
    const parts = m[1]!.split('.');
    return {
      style: 'arabic-nested',
      key: `arabic-nested:${parts.length}`,
      rank: 1 + parts.length / 10,
      length: m[0].length,
      value: Number(parts[parts.length - 1]),
      text: m[0].trim(),
    };
  }
  if ((m = /^(\d{1,2})(?:\.(?!\d)|\/\s)\s*(?=\S)/u.exec(text)))
    return { style: 'arabic', key: 'arabic', rank: 1, length: m[0].length, value: Number(m[1]), text: m[0].trim() };
  if ((m = /^(\d{1,2})\)\s*(?=\S)/u.exec(text)))
    return { style: 'arabic-paren', key: 'arabic-paren', rank: 2.5, length: m[0].length, value: Number(m[1]), text: m[0].trim() };
  if ((m = /^([a-zđ])\)\s*(?=\S)/u.exec(text)))
    return { style: 'letter-paren', key: 'letter', rank: 2, length: m[0].length, value: viLetterIndex(m[1]!), text: m[0].trim() };
  if ((m = /^([a-zđ])\.\s+(?=\S)/u.exec(text)))
    return { style: 'letter-dot', key: 'letter', rank: 2, length: m[0].length, value: viLetterIndex(m[1]!), text: m[0].trim() };
  if ((m = /^[-–—](?![-–—])\s*(?=\S)/u.exec(text)))
    return { style: 'dash', key: 'dash', rank: 3, length: m[0].length, value: null, text: '-' };
  if ((m = /^[•●▪◦∙·]\s*(?=\S)/u.exec(text)))
    return { style: 'dash', key: 'dash', rank: 3, length: m[0].length, value: null, text: '-' };
  if ((m = /^\+\s*(?=\S)/u.exec(text)))
    return { style: 'plus', key: 'plus', rank: 4, length: m[0].length, value: null, text: '+' };
  return null;
}

/** Labels that open the body (bullets do not: a preamble may list documents with dashes). */
function isStructuralLabel(l: LabelMatch | null): boolean {
  return !!l && l.style !== 'dash' && l.style !== 'plus';
}

// ---------------------------------------------------------------------------------------------
// Items

interface PItem {
  kind: 'p';
  src: SrcParagraph;
  runs: PlanRun[];
  text: string;
  bold: boolean;
}
interface TItem {
  kind: 'table';
  src: SrcTable;
  text: string;
}
type Item = PItem | TItem;

function toItems(doc: SrcDocument): Item[] {
  const items: Item[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'p') {
      const runs = flatRuns(b);
      const text = runsText(runs);
      if (!text || RULE_RE.test(text)) continue;
      const visible = runs.filter((r) => r.text.trim() !== '');
      items.push({ kind: 'p', src: b, runs, text, bold: visible.length > 0 && visible.every((r) => r.bold) });
    } else {
      const text = b.rows
        .flat()
        .flatMap((c) => c.paragraphs.map((p) => runsText(flatRuns(p))))
        .join(' ')
        .trim();
      if (text) items.push({ kind: 'table', src: b, text });
    }
  }
  return items;
}

interface Line {
  text: string;
  bold: boolean;
}

/** Lines of a header/footer item: tables column by column, paragraphs split at tabs/breaks. */
function itemLines(item: Item): Line[] {
  if (item.kind === 'p') return paraLines(item.src).filter((l) => !RULE_RE.test(l.text));
  const out: Line[] = [];
  const width = Math.max(0, ...item.src.rows.map((r) => r.length));
  for (let c = 0; c < width; c++)
    for (const row of item.src.rows) for (const p of row[c]?.paragraphs ?? []) out.push(...paraLines(p));
  return out.filter((l) => !RULE_RE.test(l.text));
}

function docTypeOf(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').trim();
  return DOC_TYPES.find((d) => d === t) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Header

interface HeaderResult {
  header: PlanHeader;
  leftovers: string[];
}

function parseNumber(rest: string, num: string | undefined): DocNumber {
  const code = rest.replace(/\s+/g, '').replace(/[.;,]+$/, '');
  const dash = code.indexOf('-');
  const head = dash >= 0 ? code.slice(0, dash) : code;
  const number = num ? Number(num) : null;
  if (TYPE_CODES.has(head) && dash >= 0) return { number, typeCode: head, agencyAbbr: code.slice(dash + 1) };
  return { number, typeCode: '', agencyAbbr: code };
}

function parseDateLine(text: string): { place: string; date: PartialDate } | null {
  const m = DATE_LINE_RE.exec(text);
  if (!m) return null;
  const num = (s: string | undefined) => {
    const d = (s ?? '').replace(/\D/g, '');
    return d ? Number(d) : null;
  };
  const day = num(m[2]);
  const month = num(m[3]);
  return {
    place: m[1]!.replace(/[,\s]+$/, '').trim(),
    date: {
      day: day && day >= 1 && day <= 31 ? day : null,
      month: month && month >= 1 && month <= 12 ? month : null,
      year: Number(m[4]),
    },
  };
}

function parseHeader(lines: Line[]): HeaderResult {
  const header: PlanHeader = { parentAgency: '', agency: '', docNumber: null, place: '', date: null };
  const leftovers: string[] = [];
  const agencyLines: Line[] = [];
  for (const l of lines) {
    const fold = foldVi(l.text);
    if (fold === QUOC_HIEU_FOLD || TIEU_NGU_RE.test(fold)) continue;
    let m: RegExpExecArray | null;
    if (!header.docNumber && (m = NUMBER_LINE_RE.exec(l.text))) {
      header.docNumber = parseNumber(m[2] ?? '', m[1]);
      continue;
    }
    if (!header.docNumber && (m = NUMBER_ONLY_RE.exec(l.text))) {
      header.docNumber = { number: m[1] ? Number(m[1]) : null, typeCode: '', agencyAbbr: '' };
      continue;
    }
    const d = !header.date ? parseDateLine(l.text) : null;
    if (d) {
      header.place = d.place;
      header.date = d.date;
      continue;
    }
    if (isUpperLine(l.text)) {
      agencyLines.push(l);
      continue;
    }
    leftovers.push(l.text);
  }
  // join wrapped agency lines ("SỞ LAO ĐỘNG - THƯƠNG BINH" + "VÀ XÃ HỘI")
  const joined: Line[] = [];
  for (const l of agencyLines) {
    const prev = joined[joined.length - 1];
    if (
      prev &&
      prev.bold === l.bold &&
      (/^(VÀ|&|-|–)\s/u.test(l.text) ||
        /(\s[-–&]|\sVÀ)$/u.test(prev.text) ||
        // "ỦY BAN NHÂN DÂN" + "XÃ TÂN PHONG": an organ name wrapped before its locality
        (ORGAN_ONLY_RE.test(prev.text) && LOCALITY_RE.test(l.text)) ||
        // "SỞ LAO ĐỘNG - THƯƠNG" + "BINH VÀ XÃ HỘI": a line no organ name starts like
        !ORGAN_START_RE.test(l.text))
    )
      prev.text = `${prev.text} ${l.text}`;
    else joined.push({ ...l });
  }
  if (joined.length === 1) header.agency = joined[0]!.text;
  else if (joined.length > 1) {
    const bold = joined.filter((l) => l.bold);
    const plain = joined.filter((l) => !l.bold);
    if (bold.length && plain.length) {
      header.parentAgency = plain.map((l) => l.text).join(' ');
      header.agency = bold.map((l) => l.text).join(' ');
    } else {
      header.parentAgency = joined
        .slice(0, -1)
        .map((l) => l.text)
        .join(' ');
      header.agency = joined[joined.length - 1]!.text;
    }
  }
  return { header, leftovers };
}

// ---------------------------------------------------------------------------------------------
// Footer

interface FooterResult {
  recipients: string[];
  signer: PlanSigner | null;
  leftovers: string[];
}

function parseFooter(lines: Line[]): FooterResult {
  const recipients: string[] = [];
  const titles: string[] = [];
  let name = '';
  const leftovers: string[] = [];
  let inRecipients = false;
  for (const l of lines) {
    let text = l.text;
    const rm = RECIPIENTS_RE.exec(text);
    if (rm) {
      inRecipients = true;
      text = rm[1]!.trim();
      if (!text) continue;
    }
    // in the footer a dash line is a recipient even when the signer block came in between
    // (two-column footers read as lines interleave the columns)
    const dm = /^[-–+•]\s*(.*)$/u.exec(text);
    if (dm) {
      recipients.push(dm[1]!.trim());
      inRecipients = true;
      continue;
    }
    if (inRecipients) {
      const prev = recipients[recipients.length - 1];
      if (prev !== undefined && /^\p{Ll}/u.test(text) && !/[;.]$/.test(prev)) {
        recipients[recipients.length - 1] = `${prev} ${text}`;
        continue;
      }
      if (!isUpperLine(text) && /[;.]$/.test(text) && !NAME_RE.test(text)) {
        recipients.push(text);
        continue;
      }
      inRecipients = false;
    }
    if (isUpperLine(text) && !name) {
      titles.push(text);
      continue;
    }
    if (!name && titles.length && NAME_RE.test(text)) {
      name = text;
      continue;
    }
    leftovers.push(text);
  }
  // an upper-case name ("NGUYỄN VĂN A") was read as a title line
  if (!name && titles.length > 1) {
    const last = titles[titles.length - 1]!;
    if (!POSITION_WORDS.test(last) && last.split(/\s+/).length <= 6) {
      name = last;
      titles.pop();
    }
  }
  let signer: PlanSigner | null = null;
  if (titles.length) {
    const first = titles[0]!;
    const pm = SIGN_PREFIX_RE.exec(first);
    if (pm) {
      const rest = titles.slice(1);
      const prefix = `${pm[1]}.` as SignPrefix;
      if (rest.length === 0) signer = { prefix, authorityTitle: pm[2]!.trim(), position: '', name };
      else
        signer = {
          prefix,
          authorityTitle: [pm[2]!.trim(), ...rest.slice(0, -1)].join('\n'),
          position: rest[rest.length - 1]!,
          name,
        };
    } else {
      signer = {
        prefix: '',
        authorityTitle: titles.slice(0, -1).join('\n'),
        position: titles[titles.length - 1]!,
        name,
      };
    }
  } else if (name) signer = { prefix: '', authorityTitle: '', position: '', name };
  return { recipients, signer, leftovers };
}

function isFooterStart(item: Item, afterClosing: boolean): boolean {
  if (item.kind === 'table') {
    const lines = itemLines(item);
    if (lines.some((l) => RECIPIENTS_RE.test(l.text))) return true;
    if (lines.some((l) => SIGN_PREFIX_RE.test(l.text) && isUpperLine(l.text))) return true;
    return afterClosing && item.src.rows.length <= 3 && lines.some((l) => isUpperLine(l.text) && POSITION_WORDS.test(l.text));
  }
  const first = paraLines(item.src)[0]?.text ?? item.text;
  if (RECIPIENTS_RE.test(first)) return true;
  if (isUpperLine(first) && SIGN_PREFIX_RE.test(first)) return true;
  // a bare position line ("GIÁM ĐỐC") after the closing or at the end of the body
  return isUpperLine(first) && POSITION_WORDS.test(first) && first.split(/\s+/).length <= 6 && (afterClosing || !matchLabel(first));
}

function appendixStart(item: Item, loose: boolean): { heading: string; rest: string[] } | null {
  if (item.kind !== 'p') return null;
  const lines = paraLines(item.src);
  const first = lines[0]?.text ?? '';
  const m = APPENDIX_RE.exec(first);
  if (m) {
    const rest = [m[2]!.trim(), ...lines.slice(1).map((l) => l.text)].filter((x) => x !== '');
    return { heading: m[1]!.replace(/\s+/g, ' '), rest };
  }
  if (loose) {
    const lm = APPENDIX_LOWER_RE.exec(first);
    if (lm) return { heading: lm[1]!.replace(/\s+/g, ' '), rest: lines.slice(1).map((l) => l.text) };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Classifier

function endsSentence(s: string): boolean {
  return /[.:;!?…)”"»]\s*$/u.test(s) || /\/\.\s*$/.test(s);
}

export function classifyPlan(src: SrcDocument, opts: ClassifyOptions = {}): PlanImportResult {
  const newId = opts.newId ?? createIdGenerator();
  const warnings: string[] = [];
  const items = toItems(src);
  if (items.length === 0)
    return { ok: false, error: { code: 'EMPTY_DOCUMENT', message: 'Văn bản không có nội dung chữ: không có gì để nhập.' } };

  const para = (runs: PlanRun[], flag = false): PlanParagraph => {
    const p: PlanParagraph = { kind: 'paragraph', id: newId(), runs };
    const refs = extractDocReferences(runsText(runs));
    if (refs.length) p.refs = refs;
    if (flag) p.flag = 'review';
    return p;
  };
  const flagged = (text: string): PlanParagraph => {
    warnings.push(`Chưa nhận dạng được, đã giữ nguyên là đoạn văn cần xem lại: “${text.length > 80 ? `${text.slice(0, 80)}…` : text}”`);
    return para([{ text }], true);
  };

  // --- document type
  let docTypeIdx = -1;
  let docType = '';
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind !== 'p') continue;
    const firstLine = paraLines(it.src)[0]?.text ?? '';
    const dt = docTypeOf(firstLine);
    if (dt) {
      docTypeIdx = i;
      docType = dt;
      break;
    }
    if (isStructuralLabel(matchLabel(it.text)) || CLOSING_RE.test(it.text)) break;
  }

  // --- header zone
  let headerEnd = docTypeIdx;
  if (docTypeIdx < 0) {
    headerEnd = 0;
    while (headerEnd < items.length) {
      const lines = itemLines(items[headerEnd]!);
      const headerish = lines.some((l) => {
        const f = foldVi(l.text);
        return f === QUOC_HIEU_FOLD || TIEU_NGU_RE.test(f) || NUMBER_LINE_RE.test(l.text) || !!parseDateLine(l.text);
      });
      if (!headerish) break;
      headerEnd++;
    }
  }
  const headerLines = items.slice(0, headerEnd).flatMap(itemLines);
  const { header, leftovers: headerLeftovers } = parseHeader(headerLines);

  const plan: Plan = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    id: newId(),
    header,
    docType: docType || DEFAULT_DOC_TYPE,
    title: [],
    bases: [],
    preamble: [],
    sections: [],
    closing: [],
    recipients: [],
    signer: null,
    appendices: [],
  };
  for (const t of headerLeftovers) plan.preamble.push(flagged(t));

  // --- title
  let i = headerEnd;
  if (docTypeIdx >= 0) {
    const dtItem = items[docTypeIdx] as PItem;
    for (const l of paraLines(dtItem.src).slice(1)) plan.title.push(l.text);
    i = docTypeIdx + 1;
    while (i < items.length) {
      const it = items[i]!;
      if (it.kind !== 'p') break;
      const t = it.text;
      if (BASIS_RE.test(t) || CLOSING_RE.test(t) || RECIPIENTS_RE.test(t) || APPENDIX_RE.test(t)) break;
      if (isStructuralLabel(matchLabel(t))) break;
      if (it.src.align !== undefined) {
        if (it.src.align !== 'center') break;
      } else {
        if (plan.title.length > 0 && PREAMBLE_START_RE.test(t)) break;
        if (t.length > 300 || /:$/.test(t)) break;
        if (plan.title.length >= 4) break;
      }
      for (const l of paraLines(it.src)) plan.title.push(l.text);
      i++;
    }
    if (plan.title.length === 0) warnings.push('Không thấy trích yếu (tên kế hoạch) dưới chữ KẾ HOẠCH.');
  }
  if (docType && docType !== DEFAULT_DOC_TYPE)
    warnings.push(`Văn bản là “${docType}”, không phải “${DEFAULT_DOC_TYPE}”: đã nhập theo bố cục kế hoạch.`);

  // --- front matter: bases, preamble
  const hasStructure = items.slice(i).some((it) => it.kind === 'p' && isStructuralLabel(matchLabel(it.text)));
  const front: { basis: boolean; runs: PlanRun[] }[] = [];
  while (i < items.length) {
    const it = items[i]!;
    if (it.kind === 'table') break;
    if (isStructuralLabel(matchLabel(it.text))) break;
    if (CLOSING_RE.test(it.text) || isFooterStart(it, false) || appendixStart(it, false)) break;
    const seenPreamble = front.some((f) => !f.basis);
    if (!hasStructure && seenPreamble && !PREAMBLE_START_RE.test(it.text)) break;
    const prev = front[front.length - 1];
    if (prev && /^\p{Ll}/u.test(it.text) && !endsSentence(runsText(prev.runs))) {
      appendRuns(prev.runs, it.runs);
    } else {
      front.push({ basis: BASIS_RE.test(it.text) && !seenPreamble, runs: it.runs.map((r) => ({ ...r })) });
    }
    i++;
  }
  for (const f of front) {
    if (f.basis) {
      const text = runsText(f.runs);
      plan.bases.push({ id: newId(), text, refs: extractDocReferences(text) });
    } else plan.preamble.push(para(f.runs));
  }

  // --- body, closing, footer, appendices
  type Zone = 'body' | 'closing' | 'footer' | 'appendix';
  let zone = 'body' as Zone;
  interface Open {
    key: string;
    rank: number;
    node: PlanSection;
  }
  const stack: Open[] = [];
  const sourceValues = new Map<string, { value: number; text: string }>();
  let lastBodyText: PlanRun[] | null = null;
  let rootLoose: PlanSection | null = null;
  const footerLines: Line[] = [];
  let appendix: PlanAppendix | null = null;
  let appendixHadTable = false;
  let merged = 0;

  const currentContainer = (): PlanSection => {
    const top = stack[stack.length - 1];
    if (top) return top.node;
    if (!rootLoose) {
      rootLoose = { id: newId(), style: 'none', heading: [], body: [], children: [] };
      plan.sections.push(rootLoose);
    }
    return rootLoose;
  };

  const addSection = (label: LabelMatch, runs: PlanRun[]) => {
    const node: PlanSection = { id: newId(), style: label.style, heading: dropPrefix(runs, label.length), body: [], children: [] };
    if (label.value !== null) sourceValues.set(node.id, { value: label.value, text: label.text });
    const found = stack.map((s) => s.key).lastIndexOf(label.key);
    if (found >= 0) stack.length = found;
    else while (stack.length && stack[stack.length - 1]!.rank >= label.rank) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.node.children.push(node);
    else plan.sections.push(node);
    rootLoose = null;
    stack.push({ key: label.key, rank: label.rank, node });
    lastBodyText = node.heading;
  };

  const startAppendix = (heading: string, rest: string[]) => {
    appendix = { id: newId(), heading, subtitle: [...rest], blocks: [] };
    plan.appendices.push(appendix);
    appendixHadTable = false;
    zone = 'appendix';
  };

  for (; i < items.length; i++) {
    const it = items[i]!;

    // appendix heading (anywhere after the front matter)
    const ap = appendixStart(it, zone === 'footer' || zone === 'appendix');
    if (ap) {
      startAppendix(ap.heading, ap.rest);
      continue;
    }

    if (zone === 'appendix' && appendix) {
      const a: PlanAppendix = appendix;
      if (it.kind === 'table') {
        a.blocks.push(tableToBlock(it.src, newId));
        appendixHadTable = true;
        continue;
      }
      const subtitleLike =
        !appendixHadTable &&
        a.blocks.length === 0 &&
        a.subtitle.length < 4 &&
        it.text.length < 250 &&
        (it.src.align === undefined || it.src.align === 'center');
      if (subtitleLike) for (const l of paraLines(it.src)) a.subtitle.push(l.text);
      else a.blocks.push(para(it.runs));
      continue;
    }

    if (zone !== 'footer' && isFooterStart(it, zone === 'closing')) zone = 'footer';
    if (zone === 'footer') {
      if (it.kind === 'table' || isFooterish(it)) footerLines.push(...itemLines(it));
      else plan.closing.push(flagged(it.text));
      continue;
    }

    if (it.kind === 'p' && CLOSING_RE.test(it.text)) zone = 'closing';
    if (zone === 'closing') {
      if (it.kind === 'table') {
        plan.closing.push(flagged(it.text));
        continue;
      }
      const prev = plan.closing[plan.closing.length - 1];
      if (prev && /^\p{Ll}/u.test(it.text) && !endsSentence(runsText(prev.runs))) {
        appendRuns(prev.runs, it.runs);
        merged++;
      } else plan.closing.push(para(it.runs));
      continue;
    }

    // body
    if (it.kind === 'table') {
      const block = tableToBlock(it.src, newId);
      const generic: GenericTable =
        block.kind === 'table'
          ? block
          : { kind: 'table', id: block.id, header: null, rows: tableRowsOf(it.src) };
      currentContainer().body.push(generic);
      lastBodyText = null;
      continue;
    }
    const label = matchLabel(it.text);
    if (label) {
      addSection(label, it.runs);
      continue;
    }
    if (lastBodyText && /^\p{Ll}/u.test(it.text) && !endsSentence(runsText(lastBodyText))) {
      appendRuns(lastBodyText, it.runs);
      merged++;
      continue;
    }
    const p = para(it.runs);
    currentContainer().body.push(p);
    lastBodyText = p.runs;
  }

  // footer
  if (footerLines.length) {
    const f = parseFooter(footerLines);
    plan.recipients = f.recipients;
    plan.signer = f.signer;
    for (const t of f.leftovers) plan.closing.push(flagged(t));
  }

  // --- checks and warnings
  const hasAnatomy = !!docType || plan.sections.filter((s) => s.style !== 'none').length >= 2;
  if (!hasAnatomy)
    return {
      ok: false,
      error: {
        code: 'NOT_A_PLAN',
        message:
          'Không nhận ra bố cục kế hoạch: không thấy chữ “KẾ HOẠCH” và các mục I., II. … Hãy kiểm tra lại tệp (đúng tệp kế hoạch, không phải ảnh chụp/bản quét).',
      },
    };
  if (merged > 0) warnings.push(`Đã nối ${merged} đoạn bị ngắt giữa câu (do ngắt trang) vào đoạn trước.`);
  if (!header.docNumber) warnings.push('Không thấy dòng số, ký hiệu (Số: …/KH-…).');
  if (!header.date) warnings.push('Không thấy dòng địa danh, ngày tháng năm.');
  if (!header.agency) warnings.push('Không thấy tên cơ quan ban hành.');
  if (plan.recipients.length === 0) warnings.push('Không thấy phần “Nơi nhận”.');
  if (!plan.signer) warnings.push('Không thấy phần chữ ký (chức vụ, họ tên người ký).');
  walkNumbered(plan.sections, (n) => {
    const src = sourceValues.get(n.node.id);
    if (src && src.value !== n.ordinal)
      warnings.push(`Số thứ tự “${src.text}” không liền mạch: đã đánh lại thành “${n.label}”.`);
  });
  return { ok: true, plan, warnings };
}

function appendRuns(target: PlanRun[], more: PlanRun[]): void {
  const add = more.map((r) => ({ ...r }));
  if (add[0]) add[0].text = ` ${add[0].text}`;
  for (const r of add) {
    const prev = target[target.length - 1];
    if (prev && !!prev.bold === !!r.bold && !!prev.italic === !!r.italic && !!prev.underline === !!r.underline)
      prev.text += r.text;
    else target.push(r);
  }
}

function isFooterish(it: Item): boolean {
  if (it.kind === 'table') return true;
  const lines = paraLines(it.src);
  return lines.every(
    (l) =>
      RECIPIENTS_RE.test(l.text) ||
      /^[-–+•]/u.test(l.text) ||
      isUpperLine(l.text) ||
      NAME_RE.test(l.text) ||
      (l.text.length < 120 && /[;.]$/.test(l.text)),
  );
}

function tableRowsOf(t: SrcTable): GenericTable['rows'] {
  return t.rows.map((r) => ({ cells: r.map((c) => c.paragraphs.map((p) => runsText(flatRuns(p))).join('\n')) }));
}
