// Vietnamese labels for staff codes, and the words accepted for them in spreadsheets.
// One place for the export (code → label) and the import (typed word → code).
import { foldVi } from '../../../shared/text/vn';
import {
  GENDERS,
  STAFF_CATEGORIES,
  STAFF_IMPORT_FIELDS,
  STAFF_STATUSES,
  type StaffCategory,
  type StaffImportField,
  type StaffStatus,
} from '../../../shared/contract/staff';
import { CATEGORY_LABELS, FIELD_LABELS, GENDER_LABELS, STATUS_LABELS } from '../../../shared/staff/labels';

export { GENDERS, STAFF_CATEGORIES, STAFF_IMPORT_FIELDS, STAFF_STATUSES };
export type { StaffCategory, StaffImportField, StaffStatus };
export type Gender = (typeof GENDERS)[number];

// code → label lives in shared/ so the renderer and the CLI use the same words
export { CATEGORY_LABELS, FIELD_LABELS, GENDER_LABELS, STATUS_LABELS };

/** Short forms shown in hints ("CB, CC, VC, NLĐ"). */
export const CATEGORY_SHORT: Record<StaffCategory, string> = {
  CB: 'CB',
  CC: 'CC',
  VC: 'VC',
  NLD: 'NLĐ',
};


/** The mark written in boolean columns ("Lãnh đạo"). */
export const YES_MARK = 'x';

/**
 * Key for comparing a typed value with a list of words: folded (no diacritics, lower case),
 * punctuation and underscores turned into spaces. "Công-chức" → "cong chuc", "dang_cong_tac" → "dang cong tac".
 */
export function valueKey(s: string): string {
  return foldVi(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function table<T extends string>(entries: Record<T, readonly string[]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [code, words] of Object.entries(entries) as [T, readonly string[]][]) {
    for (const w of words) m.set(valueKey(w), code);
  }
  return m;
}

const GENDER_WORDS = table<Gender>({
  nam: ['nam', 'm', 'male', 'trai', 'ông', 'ong'],
  nu: ['nữ', 'nu', 'f', 'female', 'gái', 'bà', 'ba'],
});

const CATEGORY_WORDS = table<StaffCategory>({
  CB: ['cb', 'cán bộ', 'can bo', 'cán bộ chuyên trách'],
  CC: ['cc', 'công chức', 'cong chuc', 'cc cấp xã', 'công chức cấp xã'],
  VC: ['vc', 'viên chức', 'vien chuc'],
  NLD: [
    'nld',
    'nlđ',
    'người lao động',
    'lao động',
    'lao động hợp đồng',
    'hợp đồng',
    'hợp đồng lao động',
    'hđlđ',
    'hđ',
    'nhân viên hợp đồng',
    'hợp đồng 68',
    'hợp đồng 111',
  ],
});

const STATUS_WORDS = table<StaffStatus>({
  dang_cong_tac: ['đang công tác', 'dang_cong_tac', 'công tác', 'đang làm việc', 'đang làm', 'làm việc', 'đương chức', 'tại chức'],
  nghi_huu: ['nghỉ hưu', 'nghi_huu', 'hưu', 'đã nghỉ hưu', 'nghỉ chế độ', 'hưu trí'],
  chuyen_cong_tac: ['chuyển công tác', 'chuyen_cong_tac', 'đã chuyển công tác', 'chuyển đi', 'chuyển'],
  nghi_viec: ['nghỉ việc', 'nghi_viec', 'thôi việc', 'đã nghỉ việc', 'đã thôi việc', 'nghỉ'],
});

const TRUE_WORDS = new Set(['x', 'có', 'co', '1', 'true', 'yes', 'y', 'đúng', 'dung', 'v', 'lãnh đạo', 'là lãnh đạo'].map(valueKey));
const FALSE_WORDS = new Set(['0', 'không', 'khong', 'k', 'false', 'no', 'n', 'sai'].map(valueKey));
const TRUE_SYMBOLS = new Set(['✓', '✔', '☑', '√']);
const FALSE_SYMBOLS = new Set(['-', '—', '–', '☐']);

export function parseGenderWord(s: string): Gender | null {
  return GENDER_WORDS.get(valueKey(s)) ?? null;
}

export function parseCategoryWord(s: string): StaffCategory | null {
  return CATEGORY_WORDS.get(valueKey(s)) ?? null;
}

export function parseStatusWord(s: string): StaffStatus | null {
  return STATUS_WORDS.get(valueKey(s)) ?? null;
}

/** true / false for a recognised word; undefined if the word means neither. Empty → false. */
export function parseBooleanWord(s: string): boolean | undefined {
  const raw = s.trim();
  if (raw === '') return false;
  // symbols fold to nothing: look at the raw text
  if (TRUE_SYMBOLS.has(raw)) return true;
  if (FALSE_SYMBOLS.has(raw)) return false;
  const k = valueKey(raw);
  if (TRUE_WORDS.has(k)) return true;
  if (FALSE_WORDS.has(k)) return false;
  return undefined;
}
