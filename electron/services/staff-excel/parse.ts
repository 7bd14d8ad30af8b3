// Read a staff list from an .xlsx file: find the sheet and its header row (offices put a
// title such as "DANH SÁCH CÁN BỘ…" above it), return the header texts and every data row
// as raw cell values with its Excel row number. No field is interpreted here (validate.ts).
import type ExcelJS from 'exceljs';
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { formatDateVi, foldVi } from '../../../shared/text/vn';
import { matchHeader, MAX_MAPPED_COLUMN } from './mapping';
import { valueKey } from './labels';
import { exceljs } from '../xlsx/style';

/**
 * A raw cell: text (NFC, trimmed), number, boolean, a date the cell holds as an Excel date
 * ({ date: ISO }), or a formula error ({ error: "#N/A" }). Empty cells are null.
 */
export type RawCell = string | number | boolean | null | { date: string } | { error: string };

export interface RawRow {
  /** 1-based Excel row number */
  row: number;
  /** index = 0-based column (same as SheetRead.headers) */
  cells: RawCell[];
  /**
   * Set for a group row inside the table ("I. Văn phòng Sở", a row merged across): not a
   * person; the validator may use it as the unit of the rows below it.
   */
  section?: string;
}

export interface SheetRead {
  ok: true;
  sheetName: string;
  /** 1-based Excel row number of the header row */
  headerRow: number;
  /** header text of each column, index = 0-based column ('' for a column without a header) */
  headers: string[];
  rows: RawRow[];
  /** the workbook counts dates from 1904 (old Mac Excel): serial numbers convert differently */
  date1904: boolean;
  /** things the user should know (skipped signature block, legacy font …), Vietnamese */
  warnings: string[];
}

export type FailureReason =
  | 'empty_file'
  | 'xls_or_encrypted'
  | 'not_spreadsheet'
  | 'corrupt'
  | 'other_office_file'
  | 'no_data'
  | 'no_header'
  | 'no_rows'
  | 'legacy_encoding'
  | 'too_large';

/** Why a file cannot be read; code is the contract's error code, message is for the user. */
export interface Failure {
  ok: false;
  code: 'FILE_INVALID';
  reason: FailureReason;
  message: string;
}

export type ProgressFn = (done: number, total: number) => void;

/** Rows scanned for the header row. */
export const HEADER_SCAN_ROWS = 10;
/** Rows between progress reports / cooperative pauses. */
export const CHUNK_ROWS = 2000;

/** Give the event loop a turn (a worker thread can answer other messages). */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function invalid(reason: FailureReason, detail: string): Failure {
  return {
    ok: false,
    code: 'FILE_INVALID',
    reason,
    message: `Tệp không phải tệp Excel (.xlsx) hợp lệ: ${detail} Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx.`,
  };
}

function failure(reason: FailureReason, message: string): Failure {
  return { ok: false, code: 'FILE_INVALID', reason, message };
}

// ---------------------------------------------------------------------------------------
// Cell values

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

function cleanCellText(s: string): string | null {
  const t = s.replace(ZERO_WIDTH, '').replace(/\r\n?/g, '\n').normalize('NFC').trim();
  return t === '' ? null : t;
}

const DAY_MS = 86_400_000;

/**
 * ISO date of a JS Date as exceljs builds it (UTC midnight of the Excel day). The time of
 * day is rounded to the nearest day: dates written by tools that stored local midnight in
 * UTC+7 arrive as 17:00 of the day before.
 */
export function dateToIso(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const iso = new Date(Math.round(t / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : null;
}

/** Excel serial day number → ISO date (1900 or 1904 date system), rounded to the nearest day; null when out of range. */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  return dateToIso(new Date((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

type ExcelValue = ExcelJS.CellValue | undefined;

function richTextOf(v: { richText: ExcelJS.RichText[] }): string {
  return v.richText.map((r) => r.text ?? '').join('');
}

/** exceljs cell value → RawCell (rich text joined, formula → its cached result, hyperlink → its text). */
export function toRawCell(v: ExcelValue, depth = 0): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return cleanCellText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) {
    const iso = dateToIso(v);
    return iso ? { date: iso } : null;
  }
  if (depth > 3 || typeof v !== 'object') return null;
  if ('richText' in v && Array.isArray(v.richText)) return cleanCellText(richTextOf(v));
  if ('error' in v && typeof v.error === 'string') return { error: v.error };
  if ('formula' in v || 'sharedFormula' in v) {
    return toRawCell((v as { result?: ExcelValue }).result as ExcelValue, depth + 1);
  }
  if ('hyperlink' in v || 'text' in v) {
    const text = (v as { text?: unknown }).text;
    if (typeof text === 'string') return cleanCellText(text);
    if (text && typeof text === 'object' && 'richText' in text) return cleanCellText(richTextOf(text as { richText: ExcelJS.RichText[] }));
    return null;
  }
  return null;
}

/** What the user sees in the cell: dates as dd/mm/yyyy, numbers without float noise. */
export function displayCell(c: RawCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return Number.isInteger(c) ? String(c) : String(Number(c.toPrecision(12)));
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  if ('date' in c) return formatDateVi(c.date);
  return c.error;
}

export function isEmptyCell(c: RawCell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

// ---------------------------------------------------------------------------------------
// File sniffing: say clearly what the file is when it is not an .xlsx

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function sniff(bytes: Uint8Array): Failure | null {
  if (bytes.length === 0) return invalid('empty_file', 'tệp rỗng (0 byte).');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return invalid(
      'xls_or_encrypted',
      'tệp ở định dạng Excel 97–2003 (.xls) hoặc đã được đặt mật khẩu (nếu có mật khẩu, hãy gỡ mật khẩu trước).',
    );
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    let names: string[] = [];
    try {
      unzipSync(bytes, {
        filter: (f) => {
          names.push(f.name);
          return false;
        },
      });
    } catch {
      return invalid('corrupt', 'tệp bị hỏng hoặc chưa đầy đủ (có thể tải về hoặc sao chép chưa xong).');
    }
    names = names.map((n) => n.toLowerCase());
    if (names.includes('xl/workbook.xml')) return null;
    if (names.includes('word/document.xml')) return invalid('other_office_file', 'đây là tệp văn bản Word (.docx), không phải bảng tính.');
    if (names.includes('ppt/presentation.xml')) return invalid('other_office_file', 'đây là tệp trình chiếu PowerPoint (.pptx), không phải bảng tính.');
    if (names.includes('content.xml')) return invalid('other_office_file', 'đây là bảng tính OpenDocument (.ods) hoặc tệp LibreOffice khác.');
    return invalid('not_spreadsheet', 'tệp nén (.zip) không chứa bảng tính Excel.');
  }
  // text files: look at the first bytes
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return invalid('not_spreadsheet', 'tệp là trang web hoặc tệp XML (HTML) được đặt đuôi Excel.');
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  if (control === 0) return invalid('not_spreadsheet', 'tệp là văn bản thuần (CSV hoặc TXT), không phải bảng tính .xlsx.');
  return invalid('not_spreadsheet', 'nội dung tệp không phải bảng tính.');
}

// ---------------------------------------------------------------------------------------
// Package limits, checked before exceljs loads the file: exceljs inflates every part in
// memory and creates a cell object for every cell of a merged range, so a small crafted or
// damaged file (a zip bomb, a merge over whole columns) would take minutes and gigabytes.

/** Excel's last row. */
export const MAX_SHEET_ROWS = 1_048_576;
/** Inflated size of all parts together (a 30,000-row staff list is about 20 MB). */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/**
 * Cells of one merged range, and of all merged ranges of a sheet. Real lists merge a title
 * across a row, a unit down a few hundred rows, maybe two cells on every row; exceljs costs
 * about 5 µs and 500 bytes per merged cell.
 */
export const MAX_MERGE_RANGE_CELLS = 20_000;
export const MAX_MERGED_CELLS = 500_000;

const MERGE_RE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\sref="\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})"/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

class PackageTooLarge extends Error {}

/**
 * Inflate every part with a hard cap on the total (a part may lie about its size) and add
 * up the merged cells of each worksheet. Returns a Failure, or null when the package is
 * within limits — or when this reader cannot parse it (exceljs then says why).
 */
function checkPackageLimits(bytes: Uint8Array): Failure | null {
  let total = 0;
  let tooBigMerge: { ref: string; total: boolean } | null = null;
  const latin1 = new TextDecoder('latin1');
  const unzip = new Unzip((file) => {
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(file.name);
    let carry = '';
    let merged = 0;
    file.ondata = (err, chunk, final) => {
      if (err) throw err;
      total += chunk.length;
      if (total > MAX_UNZIPPED_BYTES) throw new PackageTooLarge();
      if (!sheet || tooBigMerge) return;
      // patterns are ASCII: latin1 keeps them intact; a match that ends inside the carried
      // tail of the previous chunk was counted then. Most chunks hold no merge at all.
      const head = carry + latin1.decode(chunk.subarray(0, 1024));
      if (head.includes('mergeCell') || Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).includes('mergeCell')) {
        const text = carry + latin1.decode(chunk);
        for (const m of text.matchAll(MERGE_RE)) {
          if (m.index + m[0].length <= carry.length) continue;
          const cells = (Math.abs(columnNumber(m[3]!) - columnNumber(m[1]!)) + 1) * (Math.abs(Number(m[4]) - Number(m[2])) + 1);
          merged += cells;
          if (cells > MAX_MERGE_RANGE_CELLS || merged > MAX_MERGED_CELLS) {
            tooBigMerge = { ref: `${m[1]}${m[2]}:${m[3]}${m[4]}`, total: cells <= MAX_MERGE_RANGE_CELLS };
            return;
          }
        }
      }
      carry = final ? '' : latin1.decode(chunk.subarray(Math.max(0, chunk.length - 1024)));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // small pushes: the inflater's output per push stays small even at a bomb's ratio
    const STEP = 16 * 1024;
    for (let off = 0; off < bytes.length && !tooBigMerge; off += STEP) unzip.push(bytes.subarray(off, off + STEP), off + STEP >= bytes.length);
  } catch (e) {
    if (e instanceof PackageTooLarge) {
      return failure(
        'too_large',
        `Tệp Excel quá lớn khi giải nén (hơn ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB dữ liệu): tệp có thể bị hỏng hoặc không phải bảng tính thật. Hãy mở tệp bằng Excel, xóa các trang tính, dòng, cột thừa rồi lưu lại.`,
      );
    }
    return null; // not readable here: exceljs decides
  }
  const big = tooBigMerge as { ref: string; total: boolean } | null; // (set inside the callback)
  if (big) {
    return failure(
      'too_large',
      big.total
        ? `Tệp Excel có quá nhiều ô gộp (hơn ${MAX_MERGED_CELLS.toLocaleString('vi-VN')} ô trong một trang tính). Hãy bỏ gộp ô (Merge & Center) ở các dòng dữ liệu, lưu lại rồi nhập lại.`
        : `Tệp Excel có vùng gộp ô quá lớn (${big.ref}) — có thể đã gộp cả cột hoặc cả dòng. Hãy bỏ gộp các ô đó (Merge & Center), lưu lại rồi nhập lại.`,
    );
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Sheet structure

/** Legacy Vietnamese fonts: text in them is not Unicode. */
const LEGACY_FONT = /^(\.?vn[a-z]|vni[- ])/i;
/** Characters TCVN3 text shows as when read as Unicode ("Hä vµ tªn" = "Họ và tên"). */
const TCVN3_CHARS = /[µ¸¶·¹¨»¾¼½ÆÇÊËÌÎÏÐÑ§®ª«¬©¦¥¤¢]/;
const VIETNAMESE_UNICODE = /[\u1EA0-\u1EF9ăđơưĂĐƠƯ]/;

function isSlave(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master.address !== cell.address;
}

interface ScannedCell {
  col: number; // 0-based
  value: RawCell;
  cell: ExcelJS.Cell;
}

function scanRow(row: ExcelJS.Row, maxCol: number): ScannedCell[] {
  const out: ScannedCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
    if (colNumber - 1 > maxCol) return;
    const value = toRawCell(cell.value);
    if (!isEmptyCell(value)) out.push({ col: colNumber - 1, value, cell });
  });
  return out;
}

/** Distinct known headers in a row; ≥2 (at least one a real field) makes it the header row. */
function headerScore(cells: ScannedCell[]): number {
  const fields = new Set<string>();
  for (const c of cells) {
    if (isSlave(c.cell) || typeof c.value !== 'string') continue;
    const m = matchHeader(c.value);
    if (m) fields.add(m.field);
  }
  const real = [...fields].filter((f) => f !== 'ignore').length;
  return real >= 1 ? fields.size : 0;
}

function looksLegacyEncoded(rows: ScannedCell[][]): boolean {
  let legacyFont = 0;
  let tcvnText = 0;
  let unicode = 0;
  for (const cells of rows) {
    for (const c of cells) {
      const font = c.cell.font?.name;
      if (font && LEGACY_FONT.test(font)) legacyFont++;
      if (typeof c.value === 'string') {
        if (VIETNAMESE_UNICODE.test(c.value)) unicode++;
        else if (TCVN3_CHARS.test(c.value)) tcvnText++;
      }
    }
  }
  return (legacyFont > 0 && unicode === 0) || (tcvnText >= 2 && unicode === 0);
}

const LEGACY_MESSAGE =
  'Tệp dùng phông chữ tiếng Việt cũ (TCVN3/.VnTime hoặc VNI) nên không đọc được chữ có dấu. Hãy chuyển mã sang Unicode (ví dụ Unikey: Công cụ → Chuyển mã, chọn "Unicode"), lưu lại tệp .xlsx rồi nhập lại.';

/** A row of column numbers under the header: "1 2 3 …" or "(1) (2) (3) …" or "A B C". */
function isColumnNumberRow(cells: ScannedCell[]): boolean {
  if (cells.length < 2) return false;
  return cells.every((c) => {
    const s = typeof c.value === 'number' ? String(c.value) : typeof c.value === 'string' ? c.value : '';
    return /^\(?(\d{1,2}|[A-Z])\)?$/.test(s.trim());
  });
}

const ROMAN = /^[IVXLC]{1,6}\s*[.)]?$/;
const SECTION_PREFIX = /^\s*(?:[IVXLC]{1,6}|[A-Z]|\d{1,2})\s*[.):-]\s+/;

/** Group title from a section row, without its numbering: "I. Văn phòng Sở" → "Văn phòng Sở". */
export function sectionTitle(s: string): string {
  return s.replace(SECTION_PREFIX, '').trim();
}

/** A group row: one merged range across the table, or "I | Văn phòng Sở". Returns its text. */
function sectionOf(cells: ScannedCell[]): string | undefined {
  if (cells.length === 0) return undefined;
  const masters = new Set(cells.map((c) => c.cell.master.address));
  if (masters.size === 1 && cells.length >= 2 && typeof cells[0]!.value === 'string') {
    return cells[0]!.value; // one text merged across several columns
  }
  const distinct = [...new Set(cells.map((c) => (typeof c.value === 'string' ? c.value : displayCell(c.value))))];
  if (distinct.length === 2 && ROMAN.test(distinct[0]!.trim()) && !/^\d/.test(distinct[1]!)) {
    return distinct[1];
  }
  return undefined;
}

const FOOTER_STOP = [
  /^nguoi lap( bieu| danh sach| bang)?$/,
  /^thu truong( don vi| co quan)?$/,
  /^(ky|ky ten|ky ghi ro ho ten|ky ho ten|ky ten dong dau|ky ghi ro ho ten dong dau)$/,
  /^xac nhan cua/,
];
/** The place and date line above the signatures: "Lào Cai, ngày 05 tháng 3 năm 2025", "……, ngày … tháng … năm …". */
const PLACE_DATE = /^[^,\d]{1,40},\s*ngày[\s\d.…]*tháng[\s\d.…]*năm[\s\d.…]*$/;
/** Total rows: "Tổng cộng: 30 người", "Cộng: 5" (compared with diacritics: "Công" is a surname). */
const FOOTER_SKIP = /^(tổng cộng|tổng số|cộng)(\s|:|$)/;

/** The signature block under the table ("Người lập biểu", "Hà Nội, ngày … tháng … năm …"). */
function footerKind(cells: ScannedCell[]): 'stop' | 'skip' | null {
  if (cells.length === 0 || cells.length > 3) return null;
  for (const c of cells) {
    if (typeof c.value !== 'string') continue;
    const k = valueKey(c.value);
    if (cells.length <= 2 && (FOOTER_STOP.some((re) => re.test(k)) || PLACE_DATE.test(c.value.toLowerCase()))) return 'stop';
    if (FOOTER_SKIP.test(c.value.toLowerCase())) return 'skip';
  }
  return null;
}

// ---------------------------------------------------------------------------------------

/**
 * Read the staff list from .xlsx bytes. Picks the first visible sheet whose first 10 rows
 * contain a header row (≥2 known column titles). onProgress(done, total) is called every
 * 2,000 rows (it may throw to cancel); the event loop gets a turn between chunks.
 */
export async function readStaffWorkbook(bytes: Uint8Array, onProgress?: ProgressFn): Promise<SheetRead | Failure> {
  const sniffed = sniff(bytes) ?? checkPackageLimits(bytes);
  if (sniffed) return sniffed;

  const wb = new (exceljs().Workbook)();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return invalid('corrupt', 'không đọc được nội dung bảng tính (tệp có thể bị hỏng hoặc do phần mềm khác tạo ra không đúng chuẩn).');
  }
  const date1904 = Boolean(wb.properties?.date1904);

  const sheets = [...wb.worksheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
  let sheetWithData: ExcelJS.Worksheet | null = null;
  let legacy = false;
  for (const ws of sheets) {
    // rows past Excel's last row: a damaged or crafted file (scanning up to row 2,000,000,000 takes minutes)
    if (ws.rowCount > MAX_SHEET_ROWS) {
      return invalid('corrupt', `trang tính "${ws.name}" có dòng số ${ws.rowCount}, vượt quá giới hạn ${MAX_SHEET_ROWS} dòng của Excel.`);
    }
    if (ws.actualRowCount === 0) continue;
    sheetWithData ??= ws;
    const top: ScannedCell[][] = [];
    let headerRow = 0;
    let headerCells: ScannedCell[] = [];
    for (let r = 1; r <= HEADER_SCAN_ROWS; r++) {
      const row = ws.findRow(r);
      const cells = row ? scanRow(row, MAX_MAPPED_COLUMN) : [];
      top.push(cells);
      if (headerScore(cells) >= 2) {
        headerRow = r;
        headerCells = cells;
        break;
      }
    }
    if (!headerRow) {
      if (looksLegacyEncoded(top)) legacy = true;
      continue;
    }
    return readTable(ws, headerRow, headerCells, date1904, onProgress);
  }
  if (legacy) return failure('legacy_encoding', LEGACY_MESSAGE);
  if (!sheetWithData) {
    return failure('no_data', 'Tệp Excel không có dữ liệu: các trang tính đều trống. Hãy kiểm tra lại, có thể đã chọn nhầm tệp.');
  }
  return failure(
    'no_header',
    `Không tìm thấy dòng tiêu đề cột trong ${HEADER_SCAN_ROWS} dòng đầu của trang tính "${sheetWithData.name}". ` +
      'Dòng tiêu đề cần có ít nhất hai cột như "Họ và tên", "Ngày sinh", "Đơn vị", "Chức vụ" — hãy thêm dòng tiêu đề ngay phía trên danh sách.',
  );
}

async function readTable(
  ws: ExcelJS.Worksheet,
  headerRow: number,
  headerCells: ScannedCell[],
  date1904: boolean,
  onProgress?: ProgressFn,
): Promise<SheetRead | Failure> {
  const warnings: string[] = [];
  const lastRow = ws.rowCount;
  const total = Math.max(0, lastRow - headerRow);

  const headerText = new Map<number, string>();
  for (const c of headerCells) headerText.set(c.col, displayCell(c.value).replace(/\s+/g, ' '));

  let firstData = headerRow + 1;
  // a second header row (cells merged down from the header row, e.g. "Ngày sinh" over "Nam | Nữ")
  const next = ws.findRow(firstData);
  if (next) {
    const cells = scanRow(next, MAX_MAPPED_COLUMN);
    const mergedFromHeader = cells.some((c) => isSlave(c.cell) && Number(c.cell.master.row) === headerRow);
    if (mergedFromHeader) {
      for (const c of cells) {
        if (isSlave(c.cell)) continue;
        const top = headerText.get(c.col);
        const sub = displayCell(c.value).replace(/\s+/g, ' ');
        headerText.set(c.col, top && top !== sub ? `${top} ${sub}` : sub);
      }
      firstData++;
    }
  }

  const rows: RawRow[] = [];
  let maxCol = Math.max(-1, ...headerText.keys());
  let stopAt = 0;
  const firstRows: ScannedCell[][] = [];
  for (let r = firstData; r <= lastRow; r++) {
    const done = r - headerRow;
    if (done % CHUNK_ROWS === 0) {
      onProgress?.(done, total);
      await yieldToEventLoop();
    }
    const row = ws.findRow(r);
    if (!row || !row.hasValues) continue;
    const cells = scanRow(row, MAX_MAPPED_COLUMN);
    if (cells.length === 0) continue;
    if (r <= firstData + 1 && rows.length === 0 && isColumnNumberRow(cells)) continue;
    const footer = footerKind(cells);
    if (footer === 'stop') {
      stopAt = r;
      break;
    }
    if (footer === 'skip') continue;
    if (firstRows.length < 20) firstRows.push(cells);
    const raw: RawCell[] = [];
    for (const c of cells) {
      raw[c.col] = c.value;
      if (c.col > maxCol) maxCol = c.col;
    }
    const section = sectionOf(cells);
    rows.push(section !== undefined ? { row: r, cells: raw, section } : { row: r, cells: raw });
  }
  onProgress?.(total, total);

  const width = maxCol + 1;
  const headers: string[] = [];
  for (let c = 0; c < width; c++) headers.push(headerText.get(c) ?? '');
  for (const row of rows) {
    for (let c = 0; c < width; c++) row.cells[c] ??= null;
  }

  if (rows.length === 0) {
    return failure(
      'no_rows',
      `Trang tính "${ws.name}" có dòng tiêu đề (dòng ${headerRow}) nhưng không có dòng dữ liệu nào bên dưới. Hãy nhập danh sách cán bộ từ dòng ${headerRow + 1}.`,
    );
  }
  if (stopAt) warnings.push(`Đã bỏ qua phần ký tên cuối bảng (từ dòng ${stopAt} trở xuống).`);
  if (looksLegacyEncoded([headerCells, ...firstRows])) warnings.push(LEGACY_MESSAGE);

  return { ok: true, sheetName: ws.name, headerRow, headers, rows, date1904, warnings };
}

/** Folded text of a cell, for comparisons. */
export function foldCell(c: RawCell | undefined): string {
  return foldVi(displayCell(c));
}
