// Excel import of past records: one row per person and year (họ tên + ngày sinh or mã cán bộ
// to identify, đơn vị, năm, xếp loại, danh hiệu, hình thức khen thưởng, số/ngày quyết định,
// sáng kiến …). The sheet is read with the staff import's reader (header row detection under a
// title, group rows, signature block); the columns are mapped here. validate → a plan (what
// would be written) plus row-level Vietnamese errors; apply re-validates and writes the plan
// in one SQLite transaction, or nothing.
//
// Rules: several rows may name the same person and year (e.g. a title and an award with
// different decisions) as long as their ratings agree; a rating that differs from one already
// recorded is an error (change it in the grid); titles/awards/initiatives already recorded are
// skipped, so importing the same file twice adds nothing. The row's "Loại khen thưởng"
// (thường xuyên by default) applies to its titles and award. Rows with the same decision
// number, date, form, year and basis share one decision (an existing one is reused).
import type BetterSqlite3 from 'better-sqlite3';
import { AWARD_CATALOG, type AwardBasis, type AwardCode, type InitiativeKind, type InitiativeScope, type Rating } from '../../../shared/awards';
import { decisionDateProblem } from '../../../shared/records/dates';
import {
  RATING_LABELS,
  RECORDS_FIELD_LABELS,
  RECORDS_IMPORT_FIELDS,
  awardFormLabel,
  parseAwardList,
  parseBasisWord,
  parseMarkWord,
  parseRatingWord,
  parseScopeWord,
  wordKey,
  type RecordsImportField,
  type RecordsImportPreview,
} from '../../../shared/contract/records';
import { cleanText, foldVi, formatDateVi, parseDateVi } from '../../../shared/text/vn';
import {
  allPersonYearFacts,
  findDecision,
  findInitiative,
  insertDecision,
  insertInitiative,
  insertRecipient,
  personTitleKeys,
  staffLite,
  unitsLite,
  upsertPersonYear,
  type StaffLite,
  type UnitLite,
} from '../../../db/repositories/records';
import { nowIso } from '../../../db/ids';
import {
  CHUNK_ROWS,
  columnLetter,
  displayCell,
  excelSerialToIso,
  isEmptyCell,
  readStaffWorkbook,
  sectionTitle,
  yieldToEventLoop,
  type ProgressFn,
  type RawCell,
  type SheetRead,
} from '../staff-excel';
import { numberKey } from './grid';
import { UnitMatcher } from '../../../shared/units/match';

export type RecordsMapping = Record<RecordsImportField, number | null>;

interface HeaderRule {
  field: RecordsImportField | 'ignore';
  exact: string[];
  contains?: string[];
  exclude?: string[];
}

const RULES: HeaderRule[] = [
  { field: 'ignore', exact: ['stt', 'tt', 'số tt', 'số thứ tự', 'thứ tự'] },
  {
    field: 'fullName',
    exact: ['họ và tên', 'họ tên', 'họ và tên cán bộ', 'họ tên cán bộ', 'tên cán bộ', 'họ và tên cá nhân', 'cá nhân'],
    contains: ['họ và tên', 'họ tên'],
    exclude: ['người lập'],
  },
  { field: 'staffCode', exact: ['mã cán bộ', 'mã cb', 'mã số cán bộ', 'mã nhân viên', 'mã định danh', 'mã'], contains: ['mã cán bộ'] },
  { field: 'birthDate', exact: ['ngày sinh', 'ngày tháng năm sinh', 'năm sinh', 'sinh ngày'], contains: ['ngày sinh', 'năm sinh'] },
  {
    field: 'unit',
    exact: ['đơn vị', 'đơn vị công tác', 'tên đơn vị', 'phòng ban', 'phòng', 'bộ phận', 'phòng đơn vị', 'cơ quan đơn vị'],
    contains: ['đơn vị', 'phòng ban'],
  },
  {
    field: 'year',
    exact: ['năm', 'năm đánh giá', 'năm xếp loại', 'năm thành tích', 'năm xét', 'năm khen thưởng', 'năm đạt'],
    contains: ['năm đánh giá', 'năm xếp loại', 'năm thành tích'],
  },
  {
    field: 'rating',
    exact: ['xếp loại', 'xếp loại chất lượng', 'kết quả xếp loại', 'kết quả đánh giá', 'đánh giá xếp loại', 'mức xếp loại', 'xếp loại cuối năm'],
    contains: ['xếp loại'],
  },
  { field: 'maternityLeave', exact: ['nghỉ thai sản', 'thai sản'], contains: ['thai sản'] },
  { field: 'titles', exact: ['danh hiệu', 'danh hiệu thi đua', 'danh hiệu đạt được', 'danh hiệu đạt'], contains: ['danh hiệu'] },
  {
    field: 'awardForm',
    exact: ['hình thức khen thưởng', 'hình thức khen', 'khen thưởng', 'hình thức'],
    contains: ['hình thức khen'],
    exclude: ['số', 'ngày', 'loại'],
  },
  { field: 'basis', exact: ['loại khen thưởng', 'loại khen', 'khen thường xuyên đột xuất'], contains: ['loại khen'] },
  {
    field: 'decisionNo',
    exact: ['số quyết định', 'số qđ', 'quyết định số', 'số hiệu quyết định', 'số qđ khen thưởng', 'quyết định'],
    contains: ['số quyết định', 'số qđ'],
  },
  { field: 'decisionDate', exact: ['ngày quyết định', 'ngày qđ', 'ngày ký', 'ngày ban hành', 'ngày ký quyết định'], contains: ['ngày quyết định', 'ngày qđ'] },
  { field: 'issuer', exact: ['cơ quan ban hành', 'cấp khen', 'cơ quan quyết định', 'cấp quyết định', 'người ký'], contains: ['ban hành', 'cấp khen'] },
  {
    field: 'initiative',
    exact: ['sáng kiến', 'sáng kiến đề tài', 'tên sáng kiến', 'đề tài', 'sáng kiến kinh nghiệm', 'tên sáng kiến đề tài'],
    contains: ['sáng kiến', 'đề tài'],
    exclude: ['cấp', 'phạm vi'],
  },
  {
    field: 'initiativeScope',
    exact: ['cấp công nhận sáng kiến', 'phạm vi ảnh hưởng', 'cấp sáng kiến', 'phạm vi sáng kiến', 'cấp công nhận', 'phạm vi'],
    contains: ['phạm vi', 'cấp công nhận'],
  },
];

const FOLDED = RULES.map((r) => ({
  field: r.field,
  exact: r.exact.map(wordKey),
  contains: (r.contains ?? []).map(wordKey),
  exclude: (r.exclude ?? []).map(wordKey),
}));

const hasPhrase = (key: string, phrase: string) => ` ${key} `.includes(` ${phrase} `);

function matchRecordsHeader(header: string): { field: RecordsImportField | 'ignore'; score: number } | null {
  const key = wordKey(header);
  if (!key) return null;
  let best: { field: RecordsImportField | 'ignore'; score: number } | null = null;
  for (const r of FOLDED) {
    let score = 0;
    const i = r.exact.indexOf(key);
    if (i >= 0) score = 1000 - i;
    else if (!r.exclude.some((w) => hasPhrase(key, w))) {
      const j = r.contains.findIndex((p) => hasPhrase(key, p));
      if (j >= 0) score = 500 - j;
    }
    if (score > 0 && (!best || score > best.score)) best = { field: r.field, score };
  }
  return best;
}

export function emptyRecordsMapping(): RecordsMapping {
  const m = {} as RecordsMapping;
  for (const f of RECORDS_IMPORT_FIELDS) m[f] = null;
  return m;
}

export function proposeRecordsMapping(headers: readonly string[]): RecordsMapping {
  const mapping = emptyRecordsMapping();
  const best = new Map<RecordsImportField, number>();
  headers.forEach((h, col) => {
    const m = matchRecordsHeader(h);
    if (!m || m.field === 'ignore') return;
    const prev = best.get(m.field);
    if (prev === undefined || m.score > prev) {
      best.set(m.field, m.score);
      mapping[m.field] = col;
    }
  });
  return mapping;
}

function completeMapping(m: Partial<Record<RecordsImportField, number | null>>): RecordsMapping {
  const out = emptyRecordsMapping();
  for (const f of RECORDS_IMPORT_FIELDS) {
    const v = m[f];
    out[f] = typeof v === 'number' ? v : null;
  }
  return out;
}

// ---------------------------------------------------------------------------------------

export interface ImportError {
  row: number;
  column: string | null;
  field: string | null;
  value: string | null;
  message: string;
}

interface TitleWrite {
  code: AwardCode | null;
  otherForm: string;
  basis: AwardBasis;
  decisionNo: string;
  decisionDate: string | null;
  issuer: string;
}

/** What one valid row writes. */
export interface PlannedRow {
  row: number;
  staffId: string;
  fullName: string;
  unitId: string | null;
  unitName: string;
  year: number;
  rating: Rating | null;
  maternityLeave: boolean;
  awards: TitleWrite[];
  initiative: { title: string; scope: InitiativeScope; kind: InitiativeKind } | null;
}

export interface RecordsValidation {
  mapping: RecordsMapping;
  rows: PlannedRow[];
  errors: ImportError[];
  dataRows: number;
  summary: RecordsImportPreview['summary'];
}

export interface RecordsImportOptions {
  /** today (ISO): years after this one are refused */
  today: string;
  onProgress?: ProgressFn;
}

const quote = (s: string) => `"${s.length > 80 ? `${s.slice(0, 77)}…` : s}"`;

function cellText(c: RawCell | undefined): string {
  return cleanText(displayCell(c ?? null));
}

function parseDateCell(c: RawCell, date1904: boolean): string | null | 'bad' {
  if (c === null || isEmptyCell(c)) return null;
  if (typeof c === 'object') return 'date' in c ? c.date : 'bad';
  if (typeof c === 'number') return Number.isInteger(c) && c >= 1900 && c <= 2200 ? 'bad' : excelSerialToIso(c, date1904) ?? 'bad';
  if (typeof c === 'boolean') return 'bad';
  return parseDateVi(c.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '')) ?? 'bad';
}

function parseYearCell(c: RawCell): number | null | 'bad' {
  if (c === null || isEmptyCell(c)) return null;
  if (typeof c === 'number') return Number.isInteger(c) ? c : 'bad';
  if (typeof c === 'string') {
    const m = /^\s*(?:năm\s*)?(\d{4})\s*$/i.exec(c);
    return m ? Number(m[1]) : 'bad';
  }
  return 'bad';
}

/** Validate the rows against the database: a plan of writes and every problem found. */
export async function validateRecordsRows(
  sqlite: BetterSqlite3.Database,
  read: Pick<SheetRead, 'headers' | 'rows' | 'date1904'>,
  mappingInput: Partial<Record<RecordsImportField, number | null>>,
  opts: RecordsImportOptions,
): Promise<RecordsValidation> {
  const mapping = completeMapping(mappingInput);
  const errors: ImportError[] = [];
  const summary = { people: 0, personYears: 0, titles: 0, awards: 0, newDecisions: 0, initiatives: 0 };
  const thisYear = Number(opts.today.slice(0, 4));

  // mapping problems first (row 0)
  const mapErr = (field: RecordsImportField | null, message: string) =>
    errors.push({ row: 0, column: field && mapping[field] !== null ? columnLetter(mapping[field]!) : null, field, value: null, message });
  if (mapping.fullName === null && mapping.staffCode === null) {
    mapErr('fullName', `Chưa chọn cột "${RECORDS_FIELD_LABELS.fullName}" hoặc "${RECORDS_FIELD_LABELS.staffCode}" — cần ít nhất một cột để nhận ra cán bộ.`);
  }
  if (mapping.year === null) mapErr('year', `Chưa chọn cột "${RECORDS_FIELD_LABELS.year}" — mỗi dòng phải ghi năm của xếp loại, danh hiệu.`);
  const used = new Map<number, RecordsImportField>();
  for (const f of RECORDS_IMPORT_FIELDS) {
    const col = mapping[f];
    if (col === null) continue;
    if (col >= read.headers.length) {
      mapErr(f, `Cột ${columnLetter(col)} chọn cho "${RECORDS_FIELD_LABELS[f]}" không có trong trang tính — hãy chọn một cột có dữ liệu.`);
      continue;
    }
    const other = used.get(col);
    if (other) mapErr(f, `Cột ${columnLetter(col)} đang được chọn cho cả "${RECORDS_FIELD_LABELS[other]}" và "${RECORDS_FIELD_LABELS[f]}" — mỗi cột chỉ dùng cho một thông tin.`);
    else used.set(col, f);
  }
  if (errors.length) return { mapping, rows: [], errors, dataRows: 0, summary };

  const staff = staffLite(sqlite);
  const byId = new Map(staff.map((s) => [s.id.toLowerCase(), s]));
  const byName = new Map<string, StaffLite[]>();
  for (const s of staff) {
    const k = foldVi(s.fullName);
    const list = byName.get(k);
    if (list) list.push(s);
    else byName.set(k, [s]);
  }
  const units = unitsLite(sqlite);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const unitIndex = new UnitMatcher(units);
  const recordedYears = allPersonYearFacts(sqlite);
  const heldKeys = personTitleKeys(sqlite);
  const plannedKeys = new Set<string>();
  const fileRatings = new Map<string, { rating: Rating; row: number }>();
  const decisionKeys = new Set<string>();
  const people = new Set<string>();
  const initiativesSeen = new Set<string>();
  const mappedCols = RECORDS_IMPORT_FIELDS.map((f) => mapping[f]).filter((c): c is number => c !== null);

  const rows: PlannedRow[] = [];
  let sectionUnit: UnitLite | null = null;
  let dataRows = 0;
  const total = read.rows.length;
  for (let i = 0; i < total; i++) {
    if (i > 0 && i % CHUNK_ROWS === 0) {
      opts.onProgress?.(i, total);
      await yieldToEventLoop();
    }
    const raw = read.rows[i]!;
    const r = raw.row;
    const cell = (f: RecordsImportField): RawCell => (mapping[f] === null ? null : raw.cells[mapping[f]!] ?? null);
    const text = (f: RecordsImportField) => cellText(cell(f));
    if (raw.section !== undefined) {
      const m = unitIndex.find(sectionTitle(raw.section));
      sectionUnit = m && 'unit' in m ? m.unit : null;
      continue;
    }
    if (mappedCols.every((c) => isEmptyCell(raw.cells[c] ?? null))) continue;
    dataRows++;
    const rowErrors: ImportError[] = [];
    const fail = (f: RecordsImportField, detail: string, withValue = true) => {
      const col = mapping[f]!;
      const header = read.headers[col]?.trim() || RECORDS_FIELD_LABELS[f];
      const value = displayCell(raw.cells[col] ?? null);
      rowErrors.push({
        row: r,
        column: columnLetter(col),
        field: f,
        value: value || null,
        message: `Dòng ${r}, cột ${columnLetter(col)} (${header}): ${withValue && value ? `${quote(value)} ` : ''}${detail}`,
      });
    };
    for (const f of RECORDS_IMPORT_FIELDS) {
      const c = cell(f);
      if (c && typeof c === 'object' && 'error' in c) fail(f, 'là lỗi công thức trong Excel — sửa công thức hoặc nhập giá trị trực tiếp.');
    }
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }

    // unit (identifies, and is the person's unit that year)
    let unit: UnitLite | null = null;
    const unitText = text('unit');
    if (unitText) {
      const m = unitIndex.find(unitText);
      if (!m) fail('unit', 'chưa có trong danh sách đơn vị — thêm đơn vị trước (thẻ Đơn vị) hoặc sửa tên cho khớp.');
      else if ('ambiguous' in m)
        fail(
          'unit',
          `khớp với ${m.ambiguous.length} đơn vị cùng tên: ${m.ambiguous.map((u) => unitIndex.label(u)).join('; ')} — hãy ghi đơn vị kèm đơn vị cấp trên như trên (ví dụ "${unitIndex.example(m.ambiguous)}").`,
        );
      else unit = m.unit;
    } else unit = sectionUnit;

    // birth date
    let birth: string | null = null;
    if (mapping.birthDate !== null) {
      const d = parseDateCell(cell('birthDate'), read.date1904);
      if (d === 'bad') fail('birthDate', 'không phải ngày sinh hợp lệ — nhập theo dạng dd/mm/yyyy, ví dụ 05/03/1980.');
      else birth = d;
    }

    // person
    let person: StaffLite | null = null;
    const name = text('fullName');
    const code = text('staffCode');
    if (code) {
      person = byId.get(code.toLowerCase()) ?? null;
      if (!person) fail('staffCode', 'không có trong danh sách cán bộ — kiểm tra lại mã (xem trong thẻ Cán bộ) hoặc để trống để nhận theo họ tên, ngày sinh.');
      else if (name && foldVi(name) !== foldVi(person.fullName)) {
        fail('staffCode', `là mã của ${person.fullName}, không phải ${quote(name)} — sửa mã hoặc họ tên cho khớp.`);
        person = null;
      }
    } else if (!name) {
      if (mapping.fullName !== null) fail('fullName', 'thiếu họ tên — nhập họ và tên cán bộ (hoặc mã cán bộ).', false);
    } else if (!rowErrors.some((e) => e.field === 'birthDate' || e.field === 'unit')) {
      let cands = byName.get(foldVi(name)) ?? [];
      if (cands.length === 0) {
        fail('fullName', 'chưa có trong danh sách cán bộ — thêm cán bộ trước (thẻ Cán bộ hoặc nhập danh sách cán bộ) hoặc sửa họ tên cho khớp.');
      } else {
        if (birth) {
          const b = birth;
          cands = cands.filter((s) => s.birthDate === b);
          if (cands.length === 0) fail('fullName', `không có cán bộ nào tên này sinh ngày ${formatDateVi(b)} — kiểm tra lại ngày sinh.`);
        }
        if (cands.length > 1 && unit) {
          const u = unit;
          const inUnit = cands.filter((s) => s.unitId === u.id);
          if (inUnit.length > 0) cands = inUnit;
        }
        if (cands.length > 1) {
          const who = cands
            .slice(0, 4)
            .map((s) => [s.birthDate ? `sinh ${formatDateVi(s.birthDate)}` : 'chưa có ngày sinh', (s.unitId && unitNames.get(s.unitId)) || ''].filter(Boolean).join(', '))
            .join('; ');
          fail(
            'fullName',
            `khớp với ${cands.length} cán bộ cùng họ tên (${who}) — thêm cột "Ngày sinh" hoặc "Mã cán bộ" để phân biệt.`,
          );
        } else if (cands.length === 1) person = cands[0]!;
      }
    }

    // year
    let year: number | null = null;
    if (mapping.year !== null) {
      const y = parseYearCell(cell('year'));
      if (y === null) fail('year', 'thiếu năm — nhập năm của xếp loại, danh hiệu (ví dụ 2023).', false);
      else if (y === 'bad' || y < 1990 || y > thisYear) fail('year', `không phải năm hợp lệ — nhập năm có 4 chữ số, từ 1990 đến ${thisYear}.`);
      else year = y;
    }

    // rating, maternity leave
    let rating: Rating | null = null;
    const ratingText = text('rating');
    if (ratingText) {
      rating = parseRatingWord(ratingText);
      if (!rating) {
        fail(
          'rating',
          `không phải xếp loại hợp lệ — nhập một trong: ${(Object.keys(RATING_LABELS) as Rating[]).map((k) => `${k} (${RATING_LABELS[k]})`).join(', ')}.`,
        );
      }
    }
    let maternityLeave = false;
    if (mapping.maternityLeave !== null) {
      const c = cell('maternityLeave');
      const v = typeof c === 'boolean' ? c : parseMarkWord(cellText(c), ['thai sản', 'nghỉ thai sản']);
      if (v === undefined) fail('maternityLeave', 'không hợp lệ — đánh "x" nếu nghỉ thai sản trong năm, để trống nếu không.');
      else maternityLeave = v;
    }

    // basis, decision
    let basis: AwardBasis = 'thuong_xuyen';
    const basisText = text('basis');
    if (basisText) {
      const b = parseBasisWord(basisText);
      if (!b) fail('basis', 'không hợp lệ — nhập "thường xuyên", "chuyên đề" hoặc "đột xuất" (để trống là thường xuyên).');
      else basis = b;
    }
    const decisionNo = text('decisionNo');
    let decisionDate: string | null = null;
    if (mapping.decisionDate !== null) {
      const d = parseDateCell(cell('decisionDate'), read.date1904);
      const problem = d && d !== 'bad' && year !== null ? decisionDateProblem(d, year, opts.today) : null;
      if (d === 'bad') fail('decisionDate', 'không phải ngày hợp lệ — nhập theo dạng dd/mm/yyyy, ví dụ 15/12/2023.');
      else if (problem) fail('decisionDate', problem);
      else decisionDate = d;
    }
    const issuer = text('issuer');

    // titles and award forms
    const awards: TitleWrite[] = [];
    const titlesText = text('titles');
    for (const { code: c, text: part } of parseAwardList(titlesText, false)) {
      if (!c) {
        fail('titles', `có danh hiệu ${quote(part)} không có trong danh mục — dùng LĐTT, CSTĐCS, CSTĐ cấp tỉnh, CSTĐ toàn quốc (hoặc tên đầy đủ).`, false);
      } else if (!AWARD_CATALOG[c].subjects.includes('individual')) {
        fail('titles', `"${AWARD_CATALOG[c].name}" là danh hiệu tập thể — không ghi cho cá nhân; nhập ở thẻ Quyết định cho tập thể.`, false);
      } else awards.push({ code: c, otherForm: '', basis, decisionNo, decisionDate, issuer });
    }
    const formText = text('awardForm');
    for (const { code: c, text: part } of parseAwardList(formText, true)) {
      if (c && !AWARD_CATALOG[c].subjects.includes('individual')) {
        fail('awardForm', `"${AWARD_CATALOG[c].name}" chỉ dành cho tập thể — không ghi cho cá nhân.`, false);
      } else if (part.length > 300) {
        fail('awardForm', 'dài quá 300 ký tự — hãy rút gọn.', false);
      } else awards.push({ code: c, otherForm: c ? '' : part, basis, decisionNo, decisionDate, issuer });
    }
    if ((decisionNo || decisionDate) && awards.length === 0) {
      fail(mapping.decisionNo !== null && decisionNo ? 'decisionNo' : 'decisionDate', 'có quyết định nhưng dòng này không ghi danh hiệu hay hình thức khen thưởng nào — thêm danh hiệu hoặc xóa số, ngày quyết định.', false);
    }

    // initiative
    let initiative: PlannedRow['initiative'] = null;
    const initTitle = text('initiative');
    const scopeText = text('initiativeScope');
    let scope: InitiativeScope = 'co_so';
    if (scopeText) {
      const sc = parseScopeWord(scopeText);
      if (!sc) fail('initiativeScope', 'không hợp lệ — nhập "cơ sở", "tỉnh" (hoặc bộ, ngành) hoặc "toàn quốc".');
      else scope = sc;
    }
    if (initTitle) {
      if (initTitle.length > 1000) fail('initiative', 'dài quá 1.000 ký tự — hãy rút gọn.', false);
      const kind: InitiativeKind = /^(đề tài|đề án|công trình)/i.test(initTitle) ? 'de_tai' : /^giải pháp/i.test(initTitle) ? 'giai_phap' : 'sang_kien';
      initiative = { title: initTitle, scope, kind };
    } else if (scopeText) {
      fail('initiativeScope', 'có cấp công nhận nhưng không có tên sáng kiến, đề tài — nhập tên hoặc xóa ô này.', false);
    }

    if (rowErrors.length === 0 && person && year !== null) {
      const ky = `${person.id}|${year}`;
      if (rating) {
        const prior = fileRatings.get(ky);
        const stored = recordedYears.get(ky)?.rating;
        if (prior && prior.rating !== rating) {
          fail('rating', `khác xếp loại ${prior.rating} của cùng người, cùng năm ${year} ở dòng ${prior.row} — giữ một xếp loại.`, true);
        } else if (stored && stored !== rating) {
          fail('rating', `khác xếp loại ${stored} đã có năm ${year} của ${person.fullName} — sửa tệp, hoặc sửa trong bảng nhập cuối năm trước khi nhập.`, true);
        } else fileRatings.set(ky, { rating, row: r });
      }
    }
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    if (!person || year === null) continue; // reported above as a mapping-level problem

    const yearUnit = unit?.id ?? person.unitId;
    const planned: PlannedRow = {
      row: r,
      staffId: person.id,
      fullName: person.fullName,
      unitId: yearUnit,
      unitName: (yearUnit && unitNames.get(yearUnit)) || '',
      year,
      rating,
      maternityLeave,
      awards: [],
      initiative: null,
    };
    people.add(person.id);
    if (rating || maternityLeave) summary.personYears++;
    for (const a of awards) {
      const key = `${person.id}|${year}|${a.code ?? `khac:${a.otherForm}`}`;
      if (heldKeys.has(key) || plannedKeys.has(key)) continue; // already recorded: nothing to add
      plannedKeys.add(key);
      planned.awards.push(a);
      if (a.code && AWARD_CATALOG[a.code].kind === 'title') summary.titles++;
      else summary.awards++;
      const dk = decisionGroupKey(a, year);
      if (!decisionKeys.has(dk)) {
        decisionKeys.add(dk);
        if (!findDecision(sqlite, { numberKey: numberKey(a.decisionNo), decisionDate: a.decisionDate, awardCode: a.code, otherForm: a.otherForm, year, basis: a.basis })) {
          summary.newDecisions++;
        }
      }
    }
    if (initiative) {
      const ik = `${person.id}|${year}|${foldVi(initiative.title)}`;
      if (!initiativesSeen.has(ik) && !findInitiative(sqlite, person.id, year, foldVi(initiative.title))) {
        initiativesSeen.add(ik);
        planned.initiative = initiative;
        summary.initiatives++;
      }
    }
    rows.push(planned);
  }
  opts.onProgress?.(total, total);
  summary.people = people.size;
  errors.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
  return { mapping, rows, errors, dataRows, summary };
}

function decisionGroupKey(a: TitleWrite, year: number): string {
  return [numberKey(a.decisionNo), a.decisionDate ?? '', a.code ?? `khac:${foldVi(a.otherForm)}`, year, a.basis].join('|');
}

export interface RecordsImportResult {
  personYears: number;
  recipients: number;
  decisions: number;
  initiatives: number;
}

/** Write a validated plan in one transaction. */
export function applyRecordsPlan(sqlite: BetterSqlite3.Database, origin: string, rows: readonly PlannedRow[]): RecordsImportResult {
  const tx = sqlite.transaction((): RecordsImportResult => {
    const now = nowIso();
    const result: RecordsImportResult = { personYears: 0, recipients: 0, decisions: 0, initiatives: 0 };
    const decisions = new Map<string, string>();
    const order = new Map<string, number>();
    const merged = new Map<string, { staffId: string; year: number; unitId: string | null; rating: Rating | null; maternity: boolean }>();
    for (const r of rows) {
      const k = `${r.staffId}|${r.year}`;
      const m = merged.get(k);
      if (m) {
        m.rating ??= r.rating;
        m.maternity ||= r.maternityLeave;
      } else merged.set(k, { staffId: r.staffId, year: r.year, unitId: r.unitId, rating: r.rating, maternity: r.maternityLeave });
    }
    const existingFacts = allPersonYearFacts(sqlite);
    for (const [k, m] of merged) {
      if (!m.rating && !m.maternity) continue;
      const cur = existingFacts.get(k);
      const changed = upsertPersonYear(
        sqlite,
        origin,
        {
          staffId: m.staffId,
          year: m.year,
          unitId: m.unitId,
          rating: m.rating ?? cur?.rating ?? null,
          maternityLeave: m.maternity || cur?.maternity_leave === 1,
          underReview: cur?.under_review === 1,
        },
        now,
      );
      if (changed) result.personYears++;
    }
    for (const r of rows) {
      for (const a of r.awards) {
        const gk = decisionGroupKey(a, r.year);
        let decisionId = decisions.get(gk);
        if (!decisionId) {
          const fields = {
            number: a.decisionNo,
            numberKey: numberKey(a.decisionNo),
            decisionDate: a.decisionDate,
            issuer: a.issuer,
            signer: '',
            awardCode: a.code,
            otherForm: a.otherForm,
            basis: a.basis,
            year: r.year,
            campaignId: null,
            cashAmount: null,
            source: 'import' as const,
            batchKey: null,
            note: '',
          };
          decisionId = findDecision(sqlite, { numberKey: fields.numberKey, decisionDate: fields.decisionDate, awardCode: fields.awardCode, otherForm: fields.otherForm, year: r.year, basis: a.basis })?.id;
          if (!decisionId) {
            decisionId = insertDecision(sqlite, origin, fields, now);
            result.decisions++;
          }
          decisions.set(gk, decisionId);
        }
        const n = order.get(decisionId) ?? 0;
        order.set(decisionId, n + 1);
        insertRecipient(
          sqlite,
          origin,
          { decisionId, kind: 'person', staffId: r.staffId, unitId: null, name: r.fullName, unitName: r.unitName, cashAmount: null, sortOrder: n },
          now,
        );
        result.recipients++;
      }
      if (r.initiative) {
        insertInitiative(
          sqlite,
          origin,
          {
            staffId: r.staffId,
            year: r.year,
            title: r.initiative.title,
            titleKey: foldVi(r.initiative.title),
            kind: r.initiative.kind,
            recognizingBody: '',
            scope: r.initiative.scope,
            recognizedOn: null,
            decisionNo: '',
            note: '',
          },
          now,
        );
        result.initiatives++;
      }
    }
    return result;
  });
  return tx();
}

/** Read the sheet (staff import's reader) with wording fitted to records files. */
export async function readRecordsWorkbook(bytes: Uint8Array, onProgress?: ProgressFn) {
  const read = await readStaffWorkbook(bytes, onProgress);
  if (read.ok) return read;
  if (read.reason === 'no_header') {
    return {
      ...read,
      message:
        'Không tìm thấy dòng tiêu đề cột trong 10 dòng đầu của trang tính. Dòng tiêu đề cần có ít nhất hai cột như "STT", "Họ và tên", "Ngày sinh", "Đơn vị" ' +
        '(kèm "Năm", "Xếp loại", "Danh hiệu" …) — hãy thêm dòng tiêu đề ngay phía trên bảng.',
    };
  }
  if (read.reason === 'no_rows') return { ...read, message: read.message.replace('danh sách cán bộ', 'các dòng hồ sơ (mỗi dòng một người, một năm)') };
  return read;
}

export function sampleRow(p: PlannedRow) {
  const titles = p.awards.filter((a) => a.code && AWARD_CATALOG[a.code].kind === 'title').map((a) => AWARD_CATALOG[a.code!].shortName);
  const others = p.awards.filter((a) => !(a.code && AWARD_CATALOG[a.code].kind === 'title'));
  const first = p.awards[0];
  return {
    row: p.row,
    fullName: p.fullName,
    unitName: p.unitName,
    year: p.year,
    rating: p.rating,
    titles,
    award: others.map((a) => awardFormLabel(a.code, a.otherForm)).join(', '),
    decision: first ? [first.decisionNo ? `số ${first.decisionNo}` : '', first.decisionDate ? `ngày ${formatDateVi(first.decisionDate)}` : ''].filter(Boolean).join(' ') : '',
    initiative: p.initiative?.title ?? '',
  };
}
