// Vietnamese text helpers: pure, used by every layer.

/** NFC-normalise and trim; every string is stored in this form. */
export function nfc(s: string): string {
  return s.normalize('NFC').trim();
}

/** Collapse inner whitespace as well (names, titles). */
export function cleanText(s: string): string {
  return nfc(s).replace(/\s+/g, ' ');
}

/** Search key: lower-case, no diacritics, đ→d, single spaces. "Nguyễn Văn Á" → "nguyen van a". */
export function foldVi(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A search as typed, folded: the whole text and its words. */
export interface FoldedQuery {
  whole: string;
  words: string[];
}

export function foldQuery(typed: string): FoldedQuery {
  const whole = foldVi(typed);
  return { whole, words: whole.split(' ').filter(Boolean) };
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

/** `word` occurs in `text` at the start of a word ("an" in "nguyen van an", not in "thanh"). */
export function startsAWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !isWordChar(text.charCodeAt(at - 1))) return true;
  }
  return false;
}

/**
 * The search rule of lists and pickers, on folded text: the query as typed anywhere ("uyen van"
 * in "nguyen van an"), or each of its words at the start of a word in any order ("nguyen an" and
 * "an nguyen" find Nguyễn Văn An, not Nguyễn Văn Thanh; "van phong tai chinh" finds "Văn phòng
 * (Sở Tài chính)"). An empty query matches everything.
 */
export function matchesQuery(text: string, q: FoldedQuery): boolean {
  if (q.words.length === 0 || text.includes(q.whole)) return true;
  return q.words.length > 1 && q.words.every((w) => startsAWord(text, w));
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese collation order (a, ă, â, b, c, d, đ, e, ê …). */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * Vietnamese people are sorted by given name (the last word), then the rest:
 * "Trần Văn An" comes before "Nguyễn Thị Bình".
 */
export function compareViPersonName(a: string, b: string): number {
  const ga = givenName(a);
  const gb = givenName(b);
  return collator.compare(ga, gb) || collator.compare(a, b);
}

export function givenName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts[parts.length - 1] ?? '';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** ISO date (yyyy-mm-dd) → dd/mm/yyyy; empty for empty input. */
export function formatDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * A stored instant (ISO with its zone, as the records' timestamps: UTC) as this computer's local
 * date and time — sliced as text, 05:30 in Hà Nội (22:30Z) read as the day before.
 * `date` dd/mm/yyyy, `time` hh:mm, `seconds` hh:mm:ss; null when it is not an instant.
 */
export function localInstantVi(iso: string): { date: string; time: string; seconds: string } | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
  return { date: `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()}`, time, seconds: `${time}:${pad2(d.getSeconds())}` };
}

/** A stored instant as "dd/mm/yyyy hh:mm" in local time (the text itself when it is not one). */
export function formatDateTimeVi(iso: string): string {
  const t = localInstantVi(iso);
  return t ? `${t.date} ${t.time}` : iso;
}

/** A stored instant's local date, dd/mm/yyyy (empty for none). */
export function formatInstantDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  return localInstantVi(iso)?.date ?? iso;
}

/** dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) → ISO yyyy-mm-dd, or null if not a real date. */
export function parseDateVi(s: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(s);
  if (!m) {
    const iso = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(s);
    if (!iso) return null;
    return isRealDate(+iso[1]!, +iso[2]!, +iso[3]!) ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
  }
  const d = +m[1]!, mo = +m[2]!, y = +m[3]!;
  return isRealDate(y, mo, d) ? `${y}-${pad2(mo)}-${pad2(d)}` : null;
}

export function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** A date whose day and/or month may still be blank (filled in at signing). */
export interface PartialDate {
  day?: number | null;
  month?: number | null;
  year: number;
}

/**
 * NĐ 30/2020 date line: day < 10 and months 1–2 take a leading zero.
 * Blank parts are left as spaces for the signer to fill in by hand.
 */
export function formatLongDateVi(date: PartialDate): string {
  const day = date.day ? pad2(date.day) : '     ';
  const month = date.month ? (date.month <= 2 ? pad2(date.month) : String(date.month)) : '     ';
  return `ngày ${day} tháng ${month} năm ${date.year}`;
}

/** "Lào Cai, ngày 05 tháng 3 năm 2020". */
export function formatPlaceDate(place: string, date: PartialDate): string {
  return `${place}, ${formatLongDateVi(date)}`;
}

/** ISO date → PartialDate. */
export function isoToPartialDate(iso: string): PartialDate {
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y!, month: m!, day: d! };
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** Points in legal documents follow the Vietnamese alphabet: a, b, c, d, đ, e, g, h … (no f, j, w, z). */
export function toLetter(n: number): string {
  const letters = 'abcdđeghiklmnopqrstuvxy';
  return letters[(n - 1) % letters.length] ?? 'a';
}

/** Document number "Số: 05/KH-SLĐTBXH"; numbers under 10 get a leading zero; blank number leaves room to fill in. */
export function formatDocNumber(num: number | null | undefined, typeCode: string, agencyAbbr: string): string {
  const code = typeCode ? `${typeCode}-${agencyAbbr}` : agencyAbbr;
  if (num == null) return `Số:        /${code}`;
  return `Số: ${pad2(num)}/${code}`;
}

const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const GROUP_WORDS = ['', ' nghìn', ' triệu', ' tỷ'];

/** A group of three digits as read after a higher group ("không trăm lẻ năm") or first ("năm"). */
function readTriple(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const out: string[] = [];
  if (full || h > 0) out.push(`${DIGIT_WORDS[h]} trăm`);
  if (t === 0) {
    if (u > 0 && out.length) out.push('lẻ');
  } else if (t === 1) out.push('mười');
  else out.push(`${DIGIT_WORDS[t]} mươi`);
  if (u > 0) {
    // "hai mươi mốt", "mười lăm", "hai mươi lăm"; "mười một", "lẻ năm"
    if (u === 1 && t > 1) out.push('mốt');
    else if (u === 5 && t > 0) out.push('lăm');
    else out.push(DIGIT_WORDS[u]!);
  }
  return out.join(' ');
}

/**
 * A sum of money in words as accounting documents write it (Bằng chữ): "Hai triệu ba trăm bốn
 * mươi nghìn đồng", "Một triệu không trăm lẻ năm đồng"; beyond a thousand billion the groups go
 * on as "nghìn tỷ". Whole đồng, not negative.
 */
export function amountInWords(amount: number): string {
  const n = Math.round(Math.abs(amount));
  if (n === 0) return 'Không đồng';
  // groups of three digits, lowest first; the tỷ group carries everything above it
  const parts: string[] = [];
  const billions = Math.floor(n / 1e9);
  let rest = n % 1e9;
  const groups: number[] = [];
  for (let i = 0; i < 3; i++) {
    groups.push(rest % 1000);
    rest = Math.floor(rest / 1000);
  }
  const highest = billions > 0 ? 3 : groups[2] ? 2 : groups[1] ? 1 : 0;
  if (billions > 0) {
    const above = amountInWords(billions).replace(/ đồng$/, '');
    parts.push(`${above.charAt(0).toLocaleLowerCase('vi')}${above.slice(1)} tỷ`);
  }
  for (let g = Math.min(highest, 2); g >= 0; g--) {
    const v = groups[g]!;
    if (v === 0) continue;
    parts.push(`${readTriple(v, g < highest)}${GROUP_WORDS[g]}`);
  }
  return `${upperFirst(parts.join(' '))} đồng`;
}

/** The text with its first letter upper case ("thường xuyên" → "Thường xuyên"). */
export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
