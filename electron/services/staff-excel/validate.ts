// Turn raw rows into staff records: every cell is checked and every problem is reported
// with its Excel row number and column letter, in Vietnamese, saying what to fix.
import { cleanText, foldVi, formatDateVi, parseDateVi } from '../../../shared/text/vn';
import { UnitMatcher } from '../../../shared/units/match';
import { birthDateProblem, startBeforeBirthProblem } from '../../../shared/staff/dates';
import {
  CATEGORY_LABELS,
  CATEGORY_SHORT,
  FIELD_LABELS,
  GENDER_LABELS,
  STAFF_CATEGORIES,
  STAFF_IMPORT_FIELDS,
  STAFF_STATUSES,
  STATUS_LABELS,
  parseBooleanWord,
  parseCategoryWord,
  parseGenderWord,
  parseStatusWord,
  valueKey,
  type Gender,
  type StaffCategory,
  type StaffImportField,
  type StaffStatus,
} from './labels';
import { checkMapping, columnLetter, completeMapping, type ColumnMapping, type ColumnMappingInput } from './mapping';
import {
  CHUNK_ROWS,
  displayCell,
  excelSerialToIso,
  isEmptyCell,
  sectionTitle,
  yieldToEventLoop,
  type ProgressFn,
  type RawCell,
  type SheetRead,
} from './parse';

export interface UnitRef {
  id: string;
  name: string;
  code: string | null;
  /** the parent unit (a path "Sở Tài chính › Văn phòng" names a unit by its parents) */
  parentId: string | null;
}

export interface ExistingStaff {
  id?: string;
  fullName: string;
  birthDate: string | null;
  unitId: string | null;
}

/** A staff record as the import writes it (same shape as the contract's parsed staffInput). */
export interface StaffRecord {
  fullName: string;
  gender: Gender | null;
  /** ISO yyyy-mm-dd */
  birthDate: string | null;
  unitId: string | null;
  position: string;
  category: StaffCategory | null;
  isLeader: boolean;
  employmentStart: string | null;
  employmentEnd: string | null;
  status: StaffStatus;
  note: string;
}

export interface ValidStaffRow extends StaffRecord {
  /** 1-based Excel row number */
  row: number;
  /** name of the matched unit (for the preview) */
  unitName: string | null;
}

/**
 * One problem. row 0 = a mapping problem (no row read). column = Excel column letter,
 * header = that column's header text in the file. Compatible with the contract's importRowError.
 */
export interface RowError {
  row: number;
  column: string | null;
  header: string | null;
  field: StaffImportField | null;
  value: string | null;
  message: string;
}

export type DuplicateInfo =
  | {
      kind: 'in_file';
      /** every row with the same person, first occurrence first */
      rows: number[];
      fullName: string;
      birthDate: string | null;
      unitId: string | null;
    }
  | {
      kind: 'existing';
      row: number;
      /** index in the existingStaff argument */
      existingIndex: number;
      existingId: string | null;
      fullName: string;
      birthDate: string | null;
      unitId: string | null;
    };

export interface ValidationStats {
  /** rows that hold a person (not empty, not a group title) */
  dataRows: number;
  validRows: number;
  errorRows: number;
  errorCount: number;
  /** empty rows skipped silently */
  emptyRows: number;
  /** group rows ("I. Văn phòng Sở") skipped */
  sectionRows: number;
  /** rows whose unit came from the group row above them */
  unitsFromSection: number;
  /** rows that repeat an earlier row or a person already in the database */
  duplicateRows: number;
}

export interface ValidationResult {
  /** the mapping used, every field present */
  mapping: ColumnMapping;
  /** rows without any error (duplicates are errors unless duplicatesAreErrors is false) */
  rows: ValidStaffRow[];
  /** row 0 = mapping problems; otherwise sorted by row, then column */
  errors: RowError[];
  duplicates: DuplicateInfo[];
  stats: ValidationStats;
}

export interface ValidateOptions {
  /** import date, ISO yyyy-mm-dd: ages and "future" are computed against it */
  today: string;
  /** report duplicates as errors too (default true); they are listed in `duplicates` either way */
  duplicatesAreErrors?: boolean;
  /** a row without a unit is an error (default false: unitId null) */
  requireUnit?: boolean;
  /** use a group row ("I. Văn phòng Sở") as the unit of the rows below it when their unit cell is empty (default true) */
  unitFromSections?: boolean;
  /** called every 2,000 rows; may throw to cancel */
  onProgress?: ProgressFn;
}

const MAX_LEN: Partial<Record<StaffImportField, number>> = { fullName: 100, position: 200, note: 2000 };
const EXAMPLE_DATE = '05/03/1980';
const DATE_HINT = `nhập theo dạng dd/mm/yyyy, ví dụ ${EXAMPLE_DATE}`;

const quote = (s: string) => `"${s.length > 80 ? `${s.slice(0, 77)}…` : s}"`;

// ---------------------------------------------------------------------------------------
// Units

// the matcher is shared with the award records' import (shared/units/match.ts)

// ---------------------------------------------------------------------------------------
// Cell interpretation

type DateParse = { iso: string } | { problem: 'invalid' | 'year_only' | 'no_day' | 'formula' } | null;

function parseDateCell(c: RawCell, date1904: boolean): DateParse {
  if (c === null || isEmptyCell(c)) return null;
  if (typeof c === 'object' && c !== null) {
    if ('date' in c) return { iso: c.date };
    return { problem: 'formula' };
  }
  if (typeof c === 'boolean') return { problem: 'invalid' };
  if (typeof c === 'number') {
    if (Number.isInteger(c) && c >= 1900 && c <= 2200) return { problem: 'year_only' };
    const iso = excelSerialToIso(c, date1904);
    return iso ? { iso } : { problem: 'invalid' };
  }
  const s = c.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?(\s*(AM|PM|SA|CH))?$/i, '');
  const iso = parseDateVi(s);
  if (iso) return { iso };
  if (/^\d{4}$/.test(s)) return { problem: 'year_only' };
  if (/^\d{1,2}\s*[/.-]\s*\d{4}$/.test(s)) return { problem: 'no_day' };
  // "ngày 05 tháng 3 năm 1980"
  const long = /^ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$/.exec(valueKey(s));
  if (long) {
    const v = parseDateVi(`${long[1]}/${long[2]}/${long[3]}`);
    return v ? { iso: v } : { problem: 'invalid' };
  }
  // a serial number typed as text ("29285")
  if (/^\d{5}$/.test(s)) {
    const v = excelSerialToIso(Number(s), date1904);
    if (v) return { iso: v };
  }
  return { problem: 'invalid' };
}


function cellText(c: RawCell): string {
  return cleanText(displayCell(c));
}

/** The unit column's texts (rows of people, not group rows): what planMissingUnits looks up. */
export function unitColumnTexts(read: Pick<SheetRead, 'rows'>, column: number): string[] {
  const out: string[] = [];
  for (const r of read.rows) if (!r.section) out.push(cellText(r.cells[column] ?? null));
  return out;
}

const isFormulaError = (c: RawCell): c is { error: string } => typeof c === 'object' && c !== null && 'error' in c;

// ---------------------------------------------------------------------------------------

/**
 * Validate the rows of a sheet with a (possibly user-edited) mapping.
 * Completely empty rows are skipped; a mapping problem returns no rows and row-0 errors.
 */
export async function validateStaffRows(
  read: Pick<SheetRead, 'headers' | 'rows' | 'date1904'>,
  mappingInput: ColumnMappingInput | ColumnMapping,
  units: readonly UnitRef[],
  existingStaff: readonly ExistingStaff[],
  options: ValidateOptions,
): Promise<ValidationResult> {
  const { today, duplicatesAreErrors = true, requireUnit = false, unitFromSections = true, onProgress } = options;
  const stats: ValidationStats = {
    dataRows: 0,
    validRows: 0,
    errorRows: 0,
    errorCount: 0,
    emptyRows: 0,
    sectionRows: 0,
    unitsFromSection: 0,
    duplicateRows: 0,
  };

  const mappingErrors = checkMapping(mappingInput, read.headers);
  const mapping = completeMapping(isMappingShape(mappingInput) ? mappingInput : {});
  if (mappingErrors.length) {
    stats.errorCount = mappingErrors.length;
    return { mapping, rows: [], errors: mappingErrors, duplicates: [], stats };
  }

  const mappedCols = STAFF_IMPORT_FIELDS.map((f) => mapping[f]).filter((c): c is number => c !== null);
  const nameCol = mapping.fullName!;
  const headerOf = (col: number) => read.headers[col]?.trim() || '';
  const genderMarker = (() => {
    if (mapping.gender === null) return null;
    const k = valueKey(headerOf(mapping.gender));
    if (k === 'nu' || k.startsWith('nu ')) return 'nu' as const;
    if (k === 'nam' || k.startsWith('nam ')) return 'nam' as const;
    return null;
  })();

  const unitIndex = new UnitMatcher(units);
  const existingByKey = new Map<string, number>();
  existingStaff.forEach((s, i) => {
    const k = personKey(s.fullName, s.birthDate, s.unitId);
    if (!existingByKey.has(k)) existingByKey.set(k, i);
  });
  const seen = new Map<string, { rows: number[]; fullName: string }>();

  const rows: ValidStaffRow[] = [];
  const errors: RowError[] = [];
  const duplicates: DuplicateInfo[] = [];
  let sectionUnit: UnitRef | null = null;
  const total = read.rows.length;

  for (let i = 0; i < total; i++) {
    if (i > 0 && i % CHUNK_ROWS === 0) {
      onProgress?.(i, total);
      await yieldToEventLoop();
    }
    const raw = read.rows[i]!;
    const excelRow = raw.row;
    const cell = (col: number): RawCell => raw.cells[col] ?? null;

    if (raw.section !== undefined) {
      stats.sectionRows++;
      const m = unitIndex.find(sectionTitle(raw.section));
      sectionUnit = m && 'unit' in m ? m.unit : null;
      continue;
    }
    if (mappedCols.every((c) => isEmptyCell(cell(c)))) {
      stats.emptyRows++;
      continue;
    }
    // a lone group title in the name column ("Phòng Người có công") that names a unit
    if (mappedCols.every((c) => c === nameCol || isEmptyCell(cell(c))) && typeof cell(nameCol) === 'string') {
      const m = unitIndex.find(sectionTitle(cell(nameCol) as string));
      if (m && 'unit' in m) {
        stats.sectionRows++;
        sectionUnit = m.unit;
        continue;
      }
    }

    stats.dataRows++;
    const rowErrors: RowError[] = [];
    const fail = (field: StaffImportField, detail: string, withValue = true) => {
      const col = mapping[field]!;
      const c = cell(col);
      const header = headerOf(col) || FIELD_LABELS[field];
      const value = displayCell(c);
      rowErrors.push({
        row: excelRow,
        column: columnLetter(col),
        header,
        field,
        value: value === '' ? null : value,
        message: `Dòng ${excelRow}, cột ${columnLetter(col)} (${header}): ${withValue ? `${quote(value)} ` : ''}${detail}`,
      });
    };
    const formulaCheck = (field: StaffImportField): boolean => {
      const c = cell(mapping[field]!);
      if (!isFormulaError(c)) return false;
      fail(field, 'là lỗi công thức trong Excel — sửa công thức hoặc nhập giá trị trực tiếp.');
      return true;
    };
    const text = (field: StaffImportField): string => {
      const col = mapping[field];
      if (col === null || formulaCheck(field)) return '';
      const t = cellText(cell(col));
      const max = MAX_LEN[field];
      if (max !== undefined && t.length > max) {
        fail(field, `dài quá ${max} ký tự (hiện có ${t.length}) — hãy rút gọn.`);
        return '';
      }
      return t;
    };
    const date = (field: StaffImportField): { iso: string | null; ok: boolean } => {
      const col = mapping[field];
      if (col === null) return { iso: null, ok: true };
      const p = parseDateCell(cell(col), read.date1904);
      if (p === null) return { iso: null, ok: true };
      if ('iso' in p) return { iso: p.iso, ok: true };
      if (p.problem === 'formula') formulaCheck(field);
      else if (p.problem === 'year_only') fail(field, `mới có năm — nhập đủ ngày, tháng, năm theo dạng dd/mm/yyyy, ví dụ ${EXAMPLE_DATE}.`);
      else if (p.problem === 'no_day') fail(field, `thiếu ngày — nhập đủ ngày, tháng, năm theo dạng dd/mm/yyyy, ví dụ ${EXAMPLE_DATE}.`);
      else fail(field, `không phải ngày hợp lệ — ${DATE_HINT}.`);
      return { iso: null, ok: false };
    };

    // full name
    const fullName = text('fullName');
    let nameOk = fullName !== '';
    if (!fullName && !rowErrors.length) {
      fail('fullName', 'thiếu họ tên — nhập họ và tên đầy đủ, ví dụ Nguyễn Văn An.', false);
    } else if (/\d/.test(fullName)) {
      fail('fullName', 'có chữ số — họ tên chỉ gồm chữ cái, hãy kiểm tra lại (có thể nhập nhầm cột).');
      nameOk = false;
    }

    // gender
    let gender: Gender | null = null;
    if (mapping.gender !== null && !formulaCheck('gender')) {
      const c = cell(mapping.gender);
      const t = cellText(c);
      if (genderMarker) {
        const word = t ? parseGenderWord(t) : null;
        const mark = typeof c === 'boolean' ? c : word ? undefined : parseBooleanWord(t);
        const other: Gender = genderMarker === 'nu' ? 'nam' : 'nu';
        if (word) gender = word;
        else if (mark === true) gender = genderMarker;
        else if (mark === false) gender = other;
        else fail('gender', `không hợp lệ — đánh "x" nếu là ${GENDER_LABELS[genderMarker].toLowerCase()}, để trống nếu là ${GENDER_LABELS[other].toLowerCase()}.`);
      } else if (t) {
        gender = parseGenderWord(t);
        if (!gender) fail('gender', `không phải giới tính hợp lệ — nhập "${GENDER_LABELS.nam}" hoặc "${GENDER_LABELS.nu}".`);
      }
    }

    // birth date
    const birth = date('birthDate');
    let birthDate = birth.iso;
    if (birthDate) {
      const problem = birthDateProblem(birthDate, today);
      if (problem) {
        fail('birthDate', problem);
        birthDate = null;
        birth.ok = false;
      }
    }

    // unit
    let unit: UnitRef | null = null;
    let unitOk = true;
    const unitText = mapping.unit === null ? '' : text('unit');
    if (mapping.unit !== null && isFormulaError(cell(mapping.unit))) unitOk = false;
    else if (unitText) {
      const m = unitIndex.find(unitText);
      if (m && 'unit' in m) unit = m.unit;
      else if (m) {
        unitOk = false;
        const names = m.ambiguous.map((u) => unitIndex.label(u)).join('; ');
        fail(
          'unit',
          `đơn vị ${quote(unitText)} khớp với nhiều đơn vị: ${names} — hãy ghi đơn vị kèm đơn vị cấp trên như trên (ví dụ ${quote(unitIndex.example(m.ambiguous))}) hoặc ghi mã đơn vị.`,
          false,
        );
      } else {
        unitOk = false;
        fail('unit', `đơn vị ${quote(unitText)} chưa có trong danh sách đơn vị — thêm đơn vị trước hoặc sửa tên cho khớp.`, false);
      }
    } else if (unitFromSections && sectionUnit) {
      unit = sectionUnit;
      stats.unitsFromSection++;
    }
    if (!unit && unitOk && requireUnit) {
      unitOk = false;
      if (mapping.unit !== null) fail('unit', 'thiếu đơn vị — nhập tên hoặc mã một đơn vị có trong danh sách đơn vị.', false);
      else
        rowErrors.push({
          row: excelRow,
          column: null,
          header: null,
          field: 'unit',
          value: null,
          message: `Dòng ${excelRow}: thiếu đơn vị — hãy chọn cột "Đơn vị" khi ghép cột.`,
        });
    }

    // position, note
    const position = text('position');
    const note = text('note');

    // category
    let category: StaffCategory | null = null;
    const catText = mapping.category === null ? '' : text('category');
    if (catText) {
      category = parseCategoryWord(catText);
      if (!category) {
        fail(
          'category',
          `không phải đối tượng hợp lệ — nhập một trong: ${STAFF_CATEGORIES.map((c) => CATEGORY_LABELS[c]).join(', ')} (hoặc viết tắt ${STAFF_CATEGORIES.map((c) => CATEGORY_SHORT[c]).join(', ')}).`,
        );
      }
    }

    // leader
    let isLeader = false;
    if (mapping.isLeader !== null && !formulaCheck('isLeader')) {
      const c = cell(mapping.isLeader);
      const v = typeof c === 'boolean' ? c : parseBooleanWord(cellText(c));
      if (v === undefined) fail('isLeader', 'không hợp lệ — đánh "x" nếu là lãnh đạo, để trống nếu không.');
      else isLeader = v;
    }

    // employment dates
    const start = date('employmentStart');
    const end = date('employmentEnd');
    if (start.iso && end.iso && end.iso < start.iso) {
      fail(
        'employmentEnd',
        `ngày kết thúc ${formatDateVi(end.iso)} trước ngày bắt đầu ${formatDateVi(start.iso)} — sửa lại một trong hai ngày.`,
        false,
      );
    }
    const beforeBirth = start.iso && birthDate ? startBeforeBirthProblem(start.iso, birthDate) : null;
    if (beforeBirth) fail('employmentStart', beforeBirth, false);

    // status
    let status: StaffStatus = 'dang_cong_tac';
    const statusText = mapping.status === null ? '' : text('status');
    if (statusText) {
      const s = parseStatusWord(statusText);
      if (s) status = s;
      else fail('status', `không phải trạng thái hợp lệ — nhập một trong: ${STAFF_STATUSES.map((x) => STATUS_LABELS[x]).join(', ')}.`);
    }

    // duplicates (only when the three key fields were read without problems)
    let duplicate = false;
    if (nameOk && birth.ok && unitOk) {
      const unitId = unit?.id ?? null;
      const key = personKey(fullName, birthDate, unitId);
      const existingIndex = existingByKey.get(key);
      const prior = seen.get(key);
      if (prior) {
        prior.rows.push(excelRow);
        // one entry per group; its rows array grows with later repeats
        if (prior.rows.length === 2) duplicates.push({ kind: 'in_file', rows: prior.rows, fullName: prior.fullName, birthDate, unitId });
      } else seen.set(key, { rows: [excelRow], fullName });

      if (existingIndex !== undefined) {
        duplicate = true;
        const ex = existingStaff[existingIndex]!;
        duplicates.push({ kind: 'existing', row: excelRow, existingIndex, existingId: ex.id ?? null, fullName, birthDate, unitId });
        if (duplicatesAreErrors) {
          const details = [birthDate ? `sinh ngày ${formatDateVi(birthDate)}` : null, unit ? `đơn vị ${unit.name}` : null].filter(Boolean);
          rowErrors.push({
            row: excelRow,
            column: columnLetter(nameCol),
            header: headerOf(nameCol) || FIELD_LABELS.fullName,
            field: 'fullName',
            value: fullName,
            message: `Dòng ${excelRow}: cán bộ ${quote(fullName)}${details.length ? ` (${details.join(', ')})` : ''} đã có trong cơ sở dữ liệu — bỏ dòng này, hoặc sửa lại nếu là người khác.`,
          });
        }
      } else if (prior) {
        duplicate = true;
        if (duplicatesAreErrors) {
          rowErrors.push({
            row: excelRow,
            column: columnLetter(nameCol),
            header: headerOf(nameCol) || FIELD_LABELS.fullName,
            field: 'fullName',
            value: fullName,
            message: `Dòng ${excelRow} trùng với dòng ${prior.rows[0]} (cùng họ tên, ngày sinh, đơn vị) — xóa dòng trùng, hoặc sửa lại nếu là người khác.`,
          });
        }
      }
    }
    if (duplicate) stats.duplicateRows++;

    if (rowErrors.length) {
      stats.errorRows++;
      stats.errorCount += rowErrors.length;
      for (const e of rowErrors) errors.push(e);
      continue;
    }
    rows.push({
      row: excelRow,
      fullName,
      gender,
      birthDate,
      unitId: unit?.id ?? null,
      unitName: unit?.name ?? null,
      position,
      category,
      isLeader,
      employmentStart: start.iso,
      employmentEnd: end.iso,
      status,
      note,
    });
  }
  onProgress?.(total, total);
  stats.validRows = rows.length;
  // errors within a row follow the column order
  errors.sort((a, b) => a.row - b.row || colOrder(a.column) - colOrder(b.column));
  return { mapping, rows, errors, duplicates, stats };
}

function colOrder(letter: string | null): number {
  if (!letter) return Number.MAX_SAFE_INTEGER;
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function isMappingShape(m: unknown): m is ColumnMappingInput {
  return typeof m === 'object' && m !== null;
}

/** Duplicate key: folded full name + birth date + unit. */
export function personKey(fullName: string, birthDate: string | null, unitId: string | null): string {
  return `${foldVi(cleanText(fullName))}|${birthDate ?? ''}|${unitId ?? ''}`;
}

/** StaffRecord of a validated row (drops the row number and unit name). */
export function toStaffRecord(r: ValidStaffRow): StaffRecord {
  const { row: _row, unitName: _unitName, ...rec } = r;
  return rec;
}
