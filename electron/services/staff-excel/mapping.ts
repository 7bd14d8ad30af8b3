// Column mapping: which spreadsheet column (0-based index into SheetRead.headers) feeds
// each staff field. proposeMapping guesses it from the header texts; the user may change
// it in the preview, so the validator accepts any mapping and checks it (checkMapping).
import type { z } from 'zod';
import { staffImportMapping } from '../../../shared/contract/staff';
import { FIELD_LABELS, STAFF_IMPORT_FIELDS, valueKey, type StaffImportField } from './labels';
import { columnLetter } from '../../../shared/excel/columns';

/** Zod schema of a mapping (shared with the API contract): partial, missing keys mean "not mapped". */
export const columnMappingSchema = staffImportMapping;
/** A mapping as it arrives from the preview (keys may be missing). */
export type ColumnMappingInput = z.infer<typeof staffImportMapping>;
/** A complete mapping: every field, null = not mapped. */
export type ColumnMapping = Record<StaffImportField, number | null>;

/** Highest column index a mapping may use (the contract's limit). */
export const MAX_MAPPED_COLUMN = 200;

interface HeaderRule {
  field: StaffImportField | 'ignore';
  /** whole-header matches, best first */
  exact: string[];
  /** phrases that may appear inside a longer header ("Họ và tên cán bộ") */
  contains?: string[];
  /** words that disqualify a "contains" match ("Ngày vào Đảng" is not the employment start) */
  exclude?: string[];
}

// Order matters on ties: "Chức vụ, đơn vị công tác" is a position column, "Chức vụ lãnh đạo" too.
const RULES: HeaderRule[] = [
  { field: 'ignore', exact: ['stt', 'tt', 'số tt', 'số thứ tự', 'thứ tự', 'no', 'số'] },
  {
    field: 'fullName',
    exact: [
      'họ và tên',
      'họ tên',
      'họ và tên cán bộ',
      'họ tên cán bộ',
      'họ và tên khai sinh',
      'họ và tên cán bộ công chức',
      'họ và tên cán bộ công chức viên chức',
      'tên cán bộ',
      'tên cán bộ công chức',
      'họ và tên người lao động',
      'họ và tên nhân viên',
      'tên nhân viên',
      'full name',
      'name',
      'tên',
    ],
    contains: ['họ và tên', 'họ tên', 'tên cán bộ'],
    exclude: ['cha', 'mẹ', 'vợ', 'chồng', 'con', 'đơn vị', 'người lập'],
  },
  {
    field: 'birthDate',
    exact: ['ngày sinh', 'ngày tháng năm sinh', 'năm sinh', 'sinh ngày', 'ngày sinh dd mm yyyy', 'date of birth', 'birth date', 'dob'],
    contains: ['ngày sinh', 'năm sinh', 'sinh ngày'],
  },
  {
    field: 'gender',
    exact: ['giới tính', 'giới', 'nam nữ', 'nam hoặc nữ', 'phái', 'gender', 'sex', 'nữ', 'nữ x', 'nữ đánh dấu x'],
    contains: ['giới tính'],
  },
  {
    field: 'position',
    exact: ['chức vụ', 'chức danh', 'chức vụ chức danh', 'chức vụ hiện tại', 'chức vụ hiện nay', 'chức vụ công tác', 'vị trí việc làm', 'position'],
    contains: ['chức vụ', 'chức danh'],
  },
  {
    field: 'unit',
    exact: [
      'đơn vị',
      'tên đơn vị',
      'phòng đơn vị',
      'đơn vị công tác',
      'đơn vị phòng ban',
      'phòng ban',
      'phòng ban đơn vị',
      'cơ quan đơn vị',
      'bộ phận',
      'phòng',
      'cơ quan',
      'nơi công tác',
      'unit',
      'mã đơn vị',
    ],
    contains: ['đơn vị', 'phòng ban'],
  },
  {
    field: 'category',
    exact: ['đối tượng', 'phân loại', 'loại', 'ngạch', 'loại cán bộ', 'đối tượng cán bộ', 'cb cc vc nlđ', 'cb cc vc', 'cbccvc', 'category'],
    contains: ['đối tượng', 'phân loại'],
  },
  {
    field: 'isLeader',
    exact: ['lãnh đạo', 'là lãnh đạo', 'lãnh đạo x', 'cán bộ lãnh đạo', 'lãnh đạo quản lý', 'lđ'],
    contains: ['lãnh đạo'],
  },
  {
    field: 'employmentStart',
    exact: [
      'ngày bắt đầu',
      'ngày bắt đầu công tác',
      'bắt đầu công tác',
      'ngày vào',
      'ngày tuyển dụng',
      'ngày vào cơ quan',
      'ngày vào làm',
      'ngày vào ngành',
      'ngày nhận công tác',
      'ngày vào biên chế',
      'thời gian bắt đầu công tác',
      'từ ngày',
    ],
    contains: ['bắt đầu', 'tuyển dụng', 'ngày vào', 'nhận công tác'],
    exclude: ['đảng', 'đoàn', 'hội'],
  },
  {
    field: 'employmentEnd',
    exact: [
      'ngày kết thúc',
      'ngày kết thúc công tác',
      'kết thúc',
      'kết thúc công tác',
      'ngày nghỉ',
      'ngày nghỉ hưu',
      'ngày nghỉ việc',
      'ngày thôi việc',
      'ngày chuyển công tác',
      'ngày chuyển đi',
      'đến ngày',
    ],
    contains: ['kết thúc', 'ngày nghỉ', 'ngày chuyển', 'thôi việc'],
    exclude: ['đảng', 'đoàn', 'hội', 'phép'],
  },
  {
    field: 'status',
    exact: ['trạng thái', 'tình trạng', 'trạng thái công tác', 'tình trạng công tác', 'status'],
    contains: ['trạng thái', 'tình trạng'],
  },
  {
    field: 'note',
    exact: ['ghi chú', 'ghi chú khác', 'note', 'notes'],
    contains: ['ghi chú'],
  },
];

// Pre-folded rules
const FOLDED = RULES.map((r, order) => ({
  field: r.field,
  order,
  exact: r.exact.map(valueKey),
  contains: (r.contains ?? []).map(valueKey),
  exclude: (r.exclude ?? []).map(valueKey),
}));

export interface HeaderMatch {
  field: StaffImportField | 'ignore';
  /** higher is better: whole-header matches beat "contains" matches */
  score: number;
}

const hasPhrase = (key: string, phrase: string) => ` ${key} `.includes(` ${phrase} `);

/** Which field a header names, or null. "Ngày, tháng, năm sinh" → birthDate, "STT" → ignore. */
export function matchHeader(header: string): HeaderMatch | null {
  const key = valueKey(header);
  if (!key) return null;
  let best: (HeaderMatch & { order: number }) | null = null;
  for (const r of FOLDED) {
    let score = 0;
    const i = r.exact.indexOf(key);
    if (i >= 0) score = 1000 - i;
    else if (!r.exclude.some((w) => hasPhrase(key, w))) {
      const j = r.contains.findIndex((p) => hasPhrase(key, p));
      if (j >= 0) score = 500 - j;
    }
    if (score > 0 && (!best || score > best.score)) best = { field: r.field, score, order: r.order };
  }
  return best && { field: best.field, score: best.score };
}

/** An empty mapping (every field null). */
export function emptyMapping(): ColumnMapping {
  const m = {} as ColumnMapping;
  for (const f of STAFF_IMPORT_FIELDS) m[f] = null;
  return m;
}

/** Fill in missing keys with null. */
export function completeMapping(m: ColumnMappingInput | ColumnMapping): ColumnMapping {
  const out = emptyMapping();
  for (const f of STAFF_IMPORT_FIELDS) {
    const v = m[f];
    out[f] = typeof v === 'number' ? v : null;
  }
  return out;
}

/** Guess the mapping from header texts (index = 0-based column). Each column feeds at most one field. */
export function proposeMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  const bestScore = new Map<StaffImportField, number>();
  const limit = Math.min(headers.length, MAX_MAPPED_COLUMN + 1);
  for (let col = 0; col < limit; col++) {
    const m = matchHeader(headers[col] ?? '');
    if (!m || m.field === 'ignore') continue;
    const prev = bestScore.get(m.field);
    // leftmost column wins ties
    if (prev === undefined || m.score > prev) {
      bestScore.set(m.field, m.score);
      mapping[m.field] = col;
    }
  }
  return mapping;
}

/** Excel column letter of a 0-based column index: 0 → "A", 26 → "AA". */
export { columnLetter };

/** A mapping problem (reported with row 0, before any row is read). */
export interface MappingError {
  row: 0;
  column: string | null;
  header: string | null;
  field: StaffImportField | null;
  value: null;
  message: string;
}

/** Check a (user-edited) mapping against the headers; empty array = usable. */
export function checkMapping(input: unknown, headers: readonly string[]): MappingError[] {
  const errors: MappingError[] = [];
  const parsed = columnMappingSchema.safeParse(input);
  if (!parsed.success) {
    errors.push({
      row: 0,
      column: null,
      header: null,
      field: null,
      value: null,
      message: 'Cách ghép cột không hợp lệ — hãy chọn lại cột cho từng thông tin.',
    });
    return errors;
  }
  const mapping = completeMapping(parsed.data);
  const headerText = (col: number) => {
    const h = headers[col]?.trim();
    return h ? ` ("${h}")` : '';
  };
  if (mapping.fullName === null) {
    errors.push({
      row: 0,
      column: null,
      header: null,
      field: 'fullName',
      value: null,
      message: `Chưa chọn cột "${FIELD_LABELS.fullName}" — hãy chọn cột chứa họ tên cán bộ.`,
    });
  }
  const usedBy = new Map<number, StaffImportField>();
  for (const f of STAFF_IMPORT_FIELDS) {
    const col = mapping[f];
    if (col === null) continue;
    if (col >= headers.length) {
      errors.push({
        row: 0,
        column: columnLetter(col),
        header: null,
        field: f,
        value: null,
        message: `Cột ${columnLetter(col)} chọn cho "${FIELD_LABELS[f]}" không có trong trang tính — hãy chọn một cột có dữ liệu.`,
      });
      continue;
    }
    const other = usedBy.get(col);
    if (other) {
      errors.push({
        row: 0,
        column: columnLetter(col),
        header: headers[col] ?? null,
        field: f,
        value: null,
        message: `Cột ${columnLetter(col)}${headerText(col)} đang được chọn cho cả "${FIELD_LABELS[other]}" và "${FIELD_LABELS[f]}" — mỗi cột chỉ dùng cho một thông tin.`,
      });
    } else usedBy.set(col, f);
  }
  return errors;
}
