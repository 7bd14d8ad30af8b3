// The yearly statistics of TĐKT work the Nội vụ sector collects (TT 02/2023/TT-BNV, biểu
// 0601.N, 0602.N and 0603.N/BNV-TĐKT): the number of emulation campaigns, and the State-level
// and ministry/province-level awards by subject and by kind of award. The forms' rows and
// columns are rebuilt from the circular's structure as published copies show it and are marked
// unverified (PERIODIC_UNVERIFIED); what the app does not record (enterprises, households,
// business people, awards đối ngoại / cống hiến / niên hạn / kháng chiến, cluster campaigns)
// is left blank for the office to fill in, never counted as 0.
import { AWARD_CATALOG, type AwardBasis, type AwardCode } from '../awards';
import { compareVi, foldVi } from '../text/vn';

export const PERIODIC_CIRCULAR = 'Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ trưởng Bộ Nội vụ';
export const PERIODIC_UNVERIFIED =
  'Mẫu biểu dựng lại theo cấu trúc biểu 0601–0603.N/BNV-TĐKT, chưa đối chiếu văn bản gốc: kiểm tra tên dòng, mã số trước khi ký gửi.';

// ---------------------------------------------------------------------------------------
// Who an individual is, for "Chia theo đối tượng khen thưởng"

export type PersonCategory = 'lanh_dao_bo_tinh' | 'lanh_dao_vu_so' | 'lanh_dao_khac' | 'truc_tiep';

export const PERSON_CATEGORY_LABELS: Record<PersonCategory, string> = {
  lanh_dao_bo_tinh: 'Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên',
  lanh_dao_vu_so: 'Lãnh đạo cấp vụ, sở, ngành và tương đương',
  lanh_dao_khac: 'Các cấp lãnh đạo khác từ phó phòng trở lên',
  truc_tiep: 'Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân, …)',
};

const PEOPLES_COMMITTEE = '(?:ubnd|uy ban nhan dan)';
const BO_TINH = new RegExp(
  `(?:^|[^a-z])(?:pho )?(?:bo truong|thu truong|tong cuc truong|chu tich ${PEOPLES_COMMITTEE} tinh|bi thu tinh uy|chu tich (?:hdnd|hoi dong nhan dan) tinh)(?:$|[^a-z])`,
);
const VU_SO = new RegExp(
  `(?:^|[^a-z])(?:pho )?(?:vu truong|cuc truong|giam doc so|chanh van phong ${PEOPLES_COMMITTEE} tinh|chanh thanh tra tinh|truong ban [a-z ]*tinh uy)(?:$|[^a-z])`,
);
/** from phó phòng up: heads and deputies of rooms, boards, centres, schools, communes … ("tổ trưởng" is not) */
const OTHER_LEADER = new RegExp(
  `(?:^|[^a-z])(?:pho )?(?:truong phong|pho phong|truong ban|truong khoa|truong tram|truong dai|chanh van phong|chanh thanh tra|chanh an|giam doc|chu tich|hieu truong|chi cuc truong|bi thu|chu nhiem|vien truong|tong bien tap)(?:$|[^a-z])`,
);
/** a unit whose "Giám đốc" leads the department itself (Sở), not one of its centres */
const DEPARTMENT_LEADERSHIP = /(?:^|[^a-z])(?:ban giam doc|lanh dao so)(?:$|[^a-z])/;

/**
 * An individual's category from the position recorded (and the unit: a "Giám đốc" in the
 * department's leadership board leads the Sở). A reading of the words, shown on the detail
 * sheet so the office can check it.
 */
export function personCategory(position: string, unitName = ''): PersonCategory {
  const p = foldVi(position);
  if (!p.trim()) return 'truc_tiep';
  if (BO_TINH.test(p)) return 'lanh_dao_bo_tinh';
  if (VU_SO.test(p)) return 'lanh_dao_vu_so';
  if (/^(?:pho )?giam doc$/.test(p.trim()) && DEPARTMENT_LEADERSHIP.test(foldVi(unitName))) return 'lanh_dao_vu_so';
  if (OTHER_LEADER.test(p)) return 'lanh_dao_khac';
  return 'truc_tiep';
}

// ---------------------------------------------------------------------------------------
// The forms as tables

/** a row's figure: a count, or null where the app records nothing (left blank) */
export type Cell = number | null;

export interface PeriodicColumn {
  /** the heading over a group of columns ("Các loại huân chương, huy chương"); '' for none */
  group: string;
  title: string;
  /** "Tập thể" / "Cá nhân" under a form that has both */
  sub: string;
  /** the column's number in the form's numbering row (1 is the total) */
  number: string;
}

export interface PeriodicRow {
  /** the form's mã số ('' for a part's heading) */
  code: string;
  label: string;
  /** đơn vị tính, where the form has the column */
  unit: string;
  kind: 'total' | 'part' | 'row' | 'of-which';
  total: Cell;
  values: Cell[];
}

export interface PeriodicTable {
  form: string;
  title: string;
  /** "Đơn vị tính: …" over the table, when the form says it there */
  measure: string;
  hasUnitColumn: boolean;
  columns: PeriodicColumn[];
  rows: PeriodicRow[];
}

export interface PeriodicAward {
  /** a catalogue code, or "khac:<the form as recorded>" */
  form: string;
  formLabel: string;
  subject: 'person' | 'unit';
  /** the person or collective, as the decision names them */
  name: string;
  basis: AwardBasis;
  position: string;
  unitName: string;
}

export interface PeriodicCampaign {
  kind: 'thuong_xuyen' | 'theo_dot' | 'chuyen_de' | 'dac_biet';
  yearFrom: number;
  yearTo: number;
  startDate: string | null;
  endDate: string | null;
}

/** The office level that launches its own campaigns and sends its tờ trình (office.level_code). */
export type OfficeLevel = 'trung_uong' | 'tinh' | 'so_nganh' | 'huyen' | 'xa' | 'co_so' | string;

const nameOf = (a: PeriodicAward) => (a.form.startsWith('khac:') ? a.formLabel : AWARD_CATALOG[a.form as AwardCode]?.name ?? a.formLabel);
const isCode = (a: PeriodicAward, code: AwardCode) => a.form === code;
const named = (re: RegExp) => (a: PeriodicAward) => a.form.startsWith('khac:') && re.test(foldVi(a.formLabel));

/** State-level forms (biểu 0602): groups of columns, each form with its subjects. */
interface FormColumn {
  group: string;
  title: string;
  subjects: ReadonlyArray<'unit' | 'person'>;
  match(a: PeriodicAward): boolean;
}

const MEDAL = named(/^(?:huan chuong|huy chuong)/);
const HCM_PRIZE = named(/^giai thuong ho chi minh/);
const STATE_PRIZE = named(/^giai thuong nha nuoc/);
/** a catalogue form, or one recorded by name that is the same kind ("Kỷ niệm chương Vì sự nghiệp …") */
const codeOrNamed = (code: AwardCode, re: RegExp) => (a: PeriodicAward) => isCode(a, code) || named(re)(a);
const HONOUR = named(/^(?:danh hieu )?(?:anh hung|nha giao (?:nhan dan|uu tu)|thay thuoc (?:nhan dan|uu tu)|nghe si (?:nhan dan|uu tu)|nghe nhan (?:nhan dan|uu tu)|ba me viet nam anh hung)/);

function stateColumns(awards: readonly PeriodicAward[]): FormColumn[] {
  const byName = (match: (a: PeriodicAward) => boolean) =>
    [...new Set(awards.filter(match).map(nameOf))].sort(compareVi).map((title) => ({ title, match: (a: PeriodicAward) => match(a) && nameOf(a) === title }));
  const medals = byName((a) => isCode(a, 'HCLD_HANG_BA') || MEDAL(a));
  const honours = byName(HONOUR);
  const both = ['unit', 'person'] as const;
  return [
    ...(medals.length ? medals : [{ title: '', match: () => false }]).map((m) => ({ group: 'Các loại huân chương, huy chương', ...m, subjects: both })),
    { group: '', title: 'Giải thưởng Hồ Chí Minh', subjects: ['person'], match: HCM_PRIZE },
    { group: '', title: 'Giải thưởng Nhà nước', subjects: ['person'], match: STATE_PRIZE },
    ...(honours.length ? honours : [{ title: '', match: () => false }]).map((m) => ({ group: 'Danh hiệu vinh dự nhà nước', ...m, subjects: both })),
    { group: '', title: 'Cờ thi đua của Chính phủ', subjects: ['unit'], match: codeOrNamed('CO_THI_DUA_CP', /^co thi dua (?:cua )?chinh phu/) },
    { group: '', title: 'Bằng khen của Thủ tướng Chính phủ', subjects: both, match: codeOrNamed('BK_TTG', /^bang khen (?:cua )?thu tuong/) },
    { group: '', title: 'Chiến sĩ thi đua toàn quốc', subjects: ['person'], match: codeOrNamed('CSTD_TOAN_QUOC', /^chien si thi dua toan quoc/) },
  ];
}

/** Ministry/province-level forms (biểu 0603): one column each, people and collectives together. */
const PROVINCE_COLUMNS: FormColumn[] = [
  { group: '', title: 'Bằng khen', subjects: ['unit', 'person'], match: codeOrNamed('BK_TINH', /^bang khen (?:cua )?(?:bo truong|chu tich (?:ubnd|uy ban nhan dan) (?:tinh|thanh pho)|(?:ubnd|uy ban nhan dan) (?:tinh|thanh pho))/) },
  { group: '', title: 'Chiến sĩ thi đua cấp bộ, cấp tỉnh', subjects: ['person'], match: codeOrNamed('CSTD_TINH', /^chien si thi dua cap (?:bo|nganh|tinh)/) },
  { group: '', title: 'Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương', subjects: ['unit'], match: codeOrNamed('CO_THI_DUA_TINH', /^co thi dua (?:cua )?(?:bo|nganh|ubnd|uy ban nhan dan|cap (?:bo|nganh|tinh))/) },
  { group: '', title: 'Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương', subjects: ['unit', 'person'], match: codeOrNamed('KY_NIEM_CHUONG', /^(?:ky niem chuong|huy hieu)/) },
];

/** the awards a table counts: those some column takes */
function counted(columns: readonly FormColumn[], awards: readonly PeriodicAward[]) {
  return awards.filter((a) => columns.some((c) => c.match(a) && c.subjects.includes(a.subject)));
}

type Filter = ((a: PeriodicAward) => boolean) | null;

/** A row's figures: per column (and subject where split), null throughout for what the app does not record. */
function figures(columns: readonly FormColumn[], split: boolean, awards: readonly PeriodicAward[], f: Filter): { total: Cell; values: Cell[] } {
  if (!f) return { total: null, values: columns.flatMap((c) => (split ? c.subjects.map(() => null) : [null])) };
  const mine = counted(columns, awards).filter(f);
  const values = columns.flatMap((c) =>
    split ? c.subjects.map((s) => mine.filter((a) => a.subject === s && c.match(a)).length) : [mine.filter((a) => c.subjects.includes(a.subject) && c.match(a)).length],
  );
  return { total: mine.length, values };
}

interface RowSpec {
  code: string;
  label: string;
  unit: string;
  kind: PeriodicRow['kind'];
  filter: Filter;
}

const byCategory = (cat: PersonCategory) => (a: PeriodicAward) => a.subject === 'person' && personCategory(a.position, a.unitName) === cat;
const byBasis = (b: AwardBasis) => (a: PeriodicAward) => a.basis === b;
const all = () => true;

/** "Chia theo đối tượng" and "Chia theo phương thức", numbered from `first` (06 in 0602, 02 in 0603). */
function subjectAndMethodRows(first: number, pad: (n: number) => string, partNo: [string, string]): RowSpec[] {
  let n = first;
  const row = (label: string, unit: string, filter: Filter, kind: PeriodicRow['kind'] = 'row'): RowSpec => ({ code: pad(n++), label, unit, kind, filter });
  return [
    { code: '', label: `${partNo[0]}. Chia theo đối tượng khen thưởng`, unit: '', kind: 'part', filter: null },
    row('- Tập thể', 'Tập thể', (a) => a.subject === 'unit'),
    row('Trong đó: Doanh nghiệp', 'Doanh nghiệp', null, 'of-which'),
    row('- Hộ gia đình', 'Hộ', null),
    row('- Cá nhân', 'Người', (a) => a.subject === 'person'),
    row(`+ ${PERSON_CATEGORY_LABELS.lanh_dao_bo_tinh}`, 'Người', byCategory('lanh_dao_bo_tinh')),
    row(`+ ${PERSON_CATEGORY_LABELS.lanh_dao_vu_so}`, 'Người', byCategory('lanh_dao_vu_so')),
    row('+ Doanh nhân', 'Người', null),
    row(`+ ${PERSON_CATEGORY_LABELS.lanh_dao_khac}`, 'Người', byCategory('lanh_dao_khac')),
    row(`+ ${PERSON_CATEGORY_LABELS.truc_tiep}`, 'Người', byCategory('truc_tiep')),
    { code: '', label: `${partNo[1]}. Chia theo phương thức khen thưởng`, unit: '', kind: 'part', filter: null },
    row('- Thường xuyên', '', byBasis('thuong_xuyen')),
    row('- Chuyên đề', '', byBasis('chuyen_de')),
    row('- Đột xuất', '', byBasis('dot_xuat')),
    row('- Đối ngoại', '', null),
    row('- Cống hiến', '', null),
    row('- Niên hạn', '', null),
    row('- Kháng chiến', '', null),
  ];
}

function table(form: string, title: string, columns: readonly FormColumn[], split: boolean, specs: readonly RowSpec[], awards: readonly PeriodicAward[]): PeriodicTable {
  let k = 2;
  const cols: PeriodicColumn[] = columns.flatMap((c) => {
    const number = String(k++);
    return split ? c.subjects.map((s) => ({ group: c.group, title: c.title, sub: s === 'unit' ? 'Tập thể' : 'Cá nhân', number })) : [{ group: c.group, title: c.title, sub: '', number }];
  });
  return {
    form,
    title,
    measure: '',
    hasUnitColumn: true,
    columns: cols,
    rows: specs.map((s) => ({ code: s.code, label: s.label, unit: s.unit, kind: s.kind, ...figures(columns, split, awards, s.filter) })),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** Biểu 0602.N: State-level awards (Nhà nước and Thủ tướng Chính phủ) given in the year. */
export function stateAwardsTable(awards: readonly PeriodicAward[], level: OfficeLevel): PeriodicTable {
  const columns = stateColumns(awards);
  const central = level === 'trung_uong';
  return table(
    '0602.N/BNV-TĐKT',
    'SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC',
    columns,
    true,
    [
      { code: '01', label: 'Tổng số', unit: '', kind: 'total', filter: all },
      { code: '', label: '1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng', unit: '', kind: 'part', filter: null },
      // the tờ trình of an office's nominations goes up through its province, or its ministry
      { code: '02', label: '- Bộ, ban, ngành, đoàn thể Trung ương', unit: 'Bộ, ngành', kind: 'row', filter: central ? all : () => false },
      { code: '03', label: '- Tỉnh, thành phố trực thuộc Trung ương', unit: 'Tỉnh, TP', kind: 'row', filter: central ? () => false : all },
      ...subjectAndMethodRows(6, two, ['2', '3']),
    ],
    awards,
  );
}

/** Biểu 0603.N: ministry/province-level awards given in the year. */
export function provinceAwardsTable(awards: readonly PeriodicAward[]): PeriodicTable {
  return table(
    '0603.N/BNV-TĐKT',
    'SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG',
    PROVINCE_COLUMNS,
    false,
    [{ code: '01', label: 'Tổng số', unit: '', kind: 'total', filter: all }, ...subjectAndMethodRows(2, two, ['1', '2'])],
    awards,
  );
}

/** Which form counts an award among `awards` (0602, 0603 or neither): the detail sheet lists them. */
export function periodicFormOf(awards: readonly PeriodicAward[]): (a: PeriodicAward) => '0602' | '0603' | null {
  const state = stateColumns(awards);
  return (a) => (counted(state, [a]).length ? '0602' : counted(PROVINCE_COLUMNS, [a]).length ? '0603' : null);
}

// ---------------------------------------------------------------------------------------
// Biểu 0601.N: campaigns

type Duration = 'lt1' | 'eq1' | '1to3' | '3to5' | 'ge5';

/**
 * How long a campaign runs: by its dates when both are set (a year give or take a few days is
 * "1 năm"), else by its years (2025–2025 is 1 năm, 2021–2025 five).
 */
export function campaignDuration(c: PeriodicCampaign): Duration {
  let years = c.yearTo - c.yearFrom + 1;
  if (c.startDate && c.endDate) {
    const days = (Date.parse(c.endDate) - Date.parse(c.startDate)) / 86_400_000 + 1;
    years = days / 365.25;
    if (years < 0.95) return 'lt1';
    if (years <= 1.05) return 'eq1';
  } else if (years <= 1) return 'eq1';
  if (years < 3 - 0.05) return '1to3';
  if (years < 5 - 0.05) return '3to5';
  return 'ge5';
}

/**
 * The campaigns launched in `year`: a yearly (thường xuyên) campaign is launched every year it
 * runs; any other in the year it starts (its start date, else its first year).
 */
export function campaignsLaunchedIn(campaigns: readonly PeriodicCampaign[], year: number): PeriodicCampaign[] {
  return campaigns.filter((c) =>
    c.kind === 'thuong_xuyen' ? c.yearFrom <= year && year <= c.yearTo : (c.startDate ? Number(c.startDate.slice(0, 4)) : c.yearFrom) === year,
  );
}

/** The launching level's column (2 central, 3 ministry/province, 4 agency) of the office's own campaigns. */
function launchingColumn(level: OfficeLevel): 0 | 1 | 2 {
  return level === 'trung_uong' || level === 'tinh' ? 1 : 2;
}

export function campaignsTable(campaigns: readonly PeriodicCampaign[], year: number, level: OfficeLevel): PeriodicTable {
  const launched = campaignsLaunchedIn(campaigns, year);
  const col = launchingColumn(level);
  type CampaignFilter = ((c: PeriodicCampaign) => boolean) | null;
  const spread = (f: CampaignFilter): { total: Cell; values: Cell[] } => {
    if (!f) return { total: null, values: [null, null, null] };
    const n = launched.filter(f).length;
    return { total: n, values: [0, 1, 2].map((k) => (k === col ? n : 0)) };
  };
  const length = (d: Duration) => (c: PeriodicCampaign) => campaignDuration(c) === d;
  const scope = (mine: 0 | 1 | 2 | null): CampaignFilter => (mine === null ? null : mine === col ? () => true : () => false);
  const rows: Array<Omit<PeriodicRow, 'total' | 'values'> & { filter: CampaignFilter }> = [
    { code: '01', label: 'Tổng số', unit: '', kind: 'total', filter: () => true },
    { code: '', label: '1. Chia theo phạm vi tổ chức thi đua', unit: '', kind: 'part', filter: () => true },
    { code: '02', label: '- Toàn quốc', unit: '', kind: 'row', filter: scope(0) },
    { code: '03', label: '- Bộ, ban, ngành đoàn thể, địa phương', unit: '', kind: 'row', filter: scope(1) },
    { code: '04', label: '- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức', unit: '', kind: 'row', filter: null },
    { code: '05', label: '- Cơ quan, tổ chức, đơn vị', unit: '', kind: 'row', filter: scope(2) },
    { code: '', label: '2. Chia theo thời hạn thi đua', unit: '', kind: 'part', filter: () => true },
    { code: '06', label: '- Dưới 1 năm', unit: '', kind: 'row', filter: length('lt1') },
    { code: '07', label: '- 1 năm', unit: '', kind: 'row', filter: length('eq1') },
    { code: '08', label: '- Từ 1 năm đến dưới 3 năm', unit: '', kind: 'row', filter: length('1to3') },
    { code: '09', label: '- Từ 3 năm đến dưới 5 năm', unit: '', kind: 'row', filter: length('3to5') },
    { code: '10', label: '- Từ 5 năm trở lên', unit: '', kind: 'row', filter: length('ge5') },
    { code: '', label: '3. Chia theo phương thức tổ chức phong trào thi đua', unit: '', kind: 'part', filter: () => true },
    { code: '11', label: '- Thi đua theo chuyên đề', unit: '', kind: 'row', filter: (c) => c.kind !== 'thuong_xuyen' },
    { code: '12', label: '- Thi đua thường xuyên hàng năm', unit: '', kind: 'row', filter: (c) => c.kind === 'thuong_xuyen' },
  ];
  return {
    form: '0601.N/BNV-TĐKT',
    title: 'SỐ PHONG TRÀO THI ĐUA',
    measure: 'Đơn vị tính: Phong trào',
    hasUnitColumn: false,
    columns: [
      { group: 'Số phong trào thi đua chia theo cấp chủ trì phát động thi đua', title: 'Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)', sub: '', number: '2' },
      { group: 'Số phong trào thi đua chia theo cấp chủ trì phát động thi đua', title: 'Cấp bộ, ban, ngành đoàn thể trung ương, tỉnh, thành phố trực thuộc Trung ương', sub: '', number: '3' },
      { group: 'Số phong trào thi đua chia theo cấp chủ trì phát động thi đua', title: 'Cơ quan, tổ chức, đơn vị', sub: '', number: '4' },
    ],
    rows: rows.map(({ filter, ...r }) => ({ ...r, ...(r.kind === 'part' ? { total: null, values: [null, null, null] } : spread(filter)) })),
  };
}
