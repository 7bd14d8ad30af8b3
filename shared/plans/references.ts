// Extraction of document references ("Kế hoạch số 05/KH-UBND ngày 29/01/2022 của UBND tỉnh
// Lào Cai …") from free text: the number, its type code and kind, the date and the issuer.
import { isRealDate } from '../text/vn';
import type { DocReference } from './model';

/** Type codes of Vietnamese document numbers → kind in words. */
export const TYPE_CODE_KINDS: Record<string, string> = {
  QH: 'Luật',
  'NĐ': 'Nghị định',
  TT: 'Thông tư',
  TTLT: 'Thông tư liên tịch',
  'QĐ': 'Quyết định',
  CT: 'Chỉ thị',
  KH: 'Kế hoạch',
  HD: 'Hướng dẫn',
  NQ: 'Nghị quyết',
  TB: 'Thông báo',
  CTr: 'Chương trình',
  BC: 'Báo cáo',
  TTr: 'Tờ trình',
  BB: 'Biên bản',
  KL: 'Kết luận',
  QC: 'Quy chế',
  QyĐ: 'Quy định',
  'PL': 'Pháp lệnh',
  CV: 'Công văn',
};

// Kind words, longest first so "Thông tư liên tịch" wins over "Thông tư".
const KIND_WORDS = [
  'Thông tư liên tịch',
  'Nghị quyết liên tịch',
  'Nghị định',
  'Nghị quyết',
  'Thông tư',
  'Quyết định',
  'Chỉ thị',
  'Kế hoạch',
  'Hướng dẫn',
  'Công văn',
  'Văn bản',
  'Thông báo',
  'Chương trình',
  'Kết luận',
  'Quy chế',
  'Quy định',
  'Pháp lệnh',
  'Luật',
  'Báo cáo',
  'Tờ trình',
  'Đề án',
];

// A document number: "05/KH-UBND", "91/2017/NĐ-CP", "06/2022/QH15", "1956/QĐ-TTg",
// "08/2019/TT-BLĐTBXH", "2007/HD-SNV", "34-CT/TW". The part after the last slash starts with
// an upper-case letter (so dates like 28/8/1945 never match).
const UPPER = 'A-ZĐÂĂÊÔƠƯ';
const NUMBER_RE = new RegExp(
  `(?<![\\p{L}\\d/])(\\d{1,5}(?:-[${UPPER}]{1,6})?(?:\\/\\d{4})?\\/[${UPPER}][${UPPER}a-zđ0-9&]*(?:-[${UPPER}a-zđ0-9&]+)*)(?![\\p{L}\\d])`,
  'gu',
);

const DATE_NUMERIC_RE = /^\s*,?\s*ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u;
const DATE_WORDS_RE = /^\s*,?\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;

// Words that end an issuer phrase ("của UBND tỉnh Lào Cai triển khai …").
const ISSUER_STOP =
  /\s(?:về|v\/v|triển khai|hướng dẫn|quy định|ban hành|thực hiện|tổ chức|phát động|sửa đổi|bổ sung|tiếp tục|đẩy mạnh|tăng cường|phê duyệt|chỉ đạo|quy chế|thi hành|năm\s+\d{4}|giai đoạn|nhằm|và\s+(?:các|Kế hoạch|Quyết định|Công văn|Hướng dẫn|Nghị)|trong|đối với|cho)(?![\p{L}\d])/u;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function typeCodeOf(number: string): string | null {
  // "91/2017/NĐ-CP" → NĐ ; "05/KH-UBND" → KH ; "06/2022/QH15" → QH ; "34-CT/TW" → CT
  const last = number.split('/').pop() ?? '';
  const head = last.split('-')[0] ?? '';
  const candidates = [head, head.replace(/\d+$/, '')];
  const dashCode = /^\d+-([^/]+)\//.exec(number)?.[1];
  if (dashCode) candidates.push(dashCode);
  for (const c of candidates) if (c && c in TYPE_CODE_KINDS) return c;
  return null;
}

/**
 * Find references to documents in a text. For each document number found: the kind word
 * just before it ("Kế hoạch số", "Nghị định", else derived from the type code), the date right
 * after it ("ngày 29/01/2022" or "ngày 29 tháng 01 năm 2022") and the issuer after "của"
 * (up to a verb such as "về", "triển khai", "hướng dẫn", or punctuation).
 */
export function extractDocReferences(text: string): DocReference[] {
  const out: DocReference[] = [];
  const src = text.normalize('NFC');
  for (const m of src.matchAll(NUMBER_RE)) {
    const number = m[1]!;
    const start = m.index;
    let end = start + m[0].length;
    const typeCode = typeCodeOf(number);

    // kind: the closest kind word in the 80 characters before the number
    const before = src.slice(Math.max(0, start - 80), start);
    let best: { i: number; w: string } | null = null;
    for (const w of KIND_WORDS) {
      const i = before.lastIndexOf(w);
      if (i < 0) continue;
      // only if nothing but "số", a law's name, commas or spaces separates it from the number
      const gap = before.slice(i + w.length);
      if (!/^[\s\p{L},-]{0,60}$/u.test(gap)) continue;
      if (!best || i > best.i || (i === best.i && w.length > best.w.length)) best = { i, w };
    }
    let kind: string | null = best?.w ?? null;
    const kindPos = best?.i ?? -1;
    if (kind === null && typeCode) kind = TYPE_CODE_KINDS[typeCode] ?? null;
    const rawStart = kindPos >= 0 ? Math.max(0, start - 80) + kindPos : start;

    // date right after the number
    let date: string | null = null;
    const after = src.slice(end);
    const dm = DATE_NUMERIC_RE.exec(after) ?? DATE_WORDS_RE.exec(after);
    if (dm) {
      const d = +dm[1]!, mo = +dm[2]!, y = +dm[3]!;
      if (isRealDate(y, mo, d)) date = `${y}-${pad2(mo)}-${pad2(d)}`;
      end += dm[0].length;
    }

    // issuer after "của"
    let issuer: string | null = null;
    const rest = src.slice(end);
    const im = /^\s*,?\s*của\s+/u.exec(rest);
    if (im) {
      let phrase = rest.slice(im[0].length);
      const stop = /[;,.:()“”"\n]/u.exec(phrase);
      if (stop) phrase = phrase.slice(0, stop.index);
      const verb = ISSUER_STOP.exec(phrase);
      if (verb) phrase = phrase.slice(0, verb.index);
      phrase = phrase.trim();
      // keep it short: issuers are a few words ("Bộ Lao động - Thương binh và Xã hội")
      const words = phrase.split(/\s+/);
      if (phrase && words.length <= 12) {
        issuer = phrase;
        end += im[0].length + rest.slice(im[0].length).indexOf(phrase) + phrase.length;
      }
    }

    out.push({ number, typeCode, kind, date, issuer, raw: src.slice(rawStart, end).trim() });
  }
  return out;
}
