// A province-sized data set, deterministic (seeded): ≈150 units in a tree and 30,000 staff
// with realistic Vietnamese names (họ by frequency, tên đệm and tên by gender), birth
// dates, categories, positions and statuses; then 10 years of award records (ratings,
// initiatives, disciplines, titles, registrations), 2,000 tasks and 50 dossier plans
// (generateRecords, its own random stream: the staff and queries stay what they were).
import type { StaffFields } from '../db/repositories/staff';
import type { DisciplineForm, InitiativeKind, InitiativeScope, Rating } from '../shared/awards';
import type { UnitFields } from '../db/repositories/units';
import { foldVi } from '../shared/text/vn';

/** mulberry32: small, fast, good enough for test data */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted = [string, number][];

function picker(list: Weighted) {
  const total = list.reduce((s, [, w]) => s + w, 0);
  return (r: () => number) => {
    let x = r() * total;
    for (const [v, w] of list) {
      x -= w;
      if (x < 0) return v;
    }
    return list[list.length - 1]![0];
  };
}

const uniform = (xs: string[]) => (r: () => number) => xs[Math.floor(r() * xs.length)]!;

// Họ: rough national frequencies (%)
const HO = picker([
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4.5], ['Huỳnh', 1.5], ['Phan', 4.5], ['Vũ', 3.9],
  ['Võ', 2], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
  ['Đinh', 0.8], ['Trương', 0.8], ['Lương', 0.6], ['Đào', 0.6], ['Tạ', 0.3], ['Mai', 0.4], ['Hà', 0.5], ['Cao', 0.4],
  ['Lò', 0.3], ['Sùng', 0.2], ['Vàng', 0.2], ['Lục', 0.2], ['Nông', 0.3], ['Triệu', 0.3], ['Chu', 0.3], ['Quách', 0.2],
]);
const DEM_NAM = picker([
  ['Văn', 30], ['Đức', 8], ['Minh', 8], ['Quang', 6], ['Hữu', 6], ['Công', 5], ['Thành', 4], ['Xuân', 4], ['Thanh', 4],
  ['Ngọc', 3], ['Hoàng', 3], ['Anh', 3], ['Tuấn', 2], ['Mạnh', 2], ['Trọng', 3], ['Đình', 4], ['Bá', 2], ['Tiến', 2],
]);
const DEM_NU = picker([
  ['Thị', 40], ['Ngọc', 6], ['Thu', 6], ['Thanh', 5], ['Minh', 3], ['Phương', 3], ['Bích', 3], ['Hồng', 4], ['Kim', 3],
  ['Mai', 2], ['Thùy', 4], ['Hoài', 2], ['Diệu', 2], ['Khánh', 2], ['Thảo', 1], ['Lan', 1], ['Hải', 2],
]);
const DEM2_NU = uniform(['Thu', 'Minh', 'Ngọc', 'Thanh', 'Bích', 'Hồng', 'Kim', 'Hải', 'Phương', 'Diệu']);
const DEM2_NAM = uniform(['Minh', 'Quốc', 'Thanh', 'Hải', 'Anh', 'Tuấn', 'Ngọc', 'Trung']);
const TEN_NAM = uniform([
  'An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Huy', 'Khánh', 'Long', 'Minh', 'Nam', 'Phong', 'Quân', 'Sơn',
  'Thắng', 'Thành', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Hiếu', 'Hoàng', 'Kiên', 'Lâm', 'Lộc', 'Nghĩa', 'Phúc', 'Quang',
  'Tài', 'Thịnh', 'Toàn', 'Trí', 'Tùng', 'Đạt', 'Duy', 'Hưng', 'Khoa', 'Linh', 'Mạnh', 'Nhân', 'Quý', 'Tâm', 'Thông',
  'Tiến', 'Trường', 'Tú', 'Vũ', 'Bảo', 'Chiến', 'Công', 'Định', 'Giang', 'Hậu', 'Hòa', 'Khải', 'Luân', 'Sang', 'Thuận',
]);
const TEN_NU = uniform([
  'Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Hương', 'Huyền', 'Lan', 'Linh', 'Loan',
  'Mai', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Tâm', 'Thảo', 'Thủy', 'Trang', 'Uyên', 'Vân', 'Yến', 'Nga', 'Ngân',
  'Thư', 'Trinh', 'Dương', 'Hậu', 'Hiên', 'Huệ', 'Liên', 'Lý', 'My', 'Nguyệt', 'Nhàn', 'Như', 'Phượng', 'Quỳnh', 'Sen',
  'Thanh', 'Thoa', 'Thúy', 'Tuyết', 'Vy', 'Xuân', 'Ánh', 'Bích', 'Diệp', 'Đào', 'Gấm', 'Khuê', 'Lành', 'Lụa', 'Mến',
]);

export function personName(r: () => number, gender: 'nam' | 'nu'): string {
  const ho = HO(r);
  if (gender === 'nam') {
    const dem = DEM_NAM(r);
    return r() < 0.12 ? `${ho} ${dem} ${DEM2_NAM(r)} ${TEN_NAM(r)}` : `${ho} ${dem} ${TEN_NAM(r)}`;
  }
  const dem = DEM_NU(r);
  return r() < 0.25 ? `${ho} ${dem} ${DEM2_NU(r)} ${TEN_NU(r)}` : `${ho} ${dem} ${TEN_NU(r)}`;
}

const SO = [
  'Sở Nội vụ', 'Sở Tài chính', 'Sở Tư pháp', 'Sở Xây dựng', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Công Thương',
  'Sở Nông nghiệp và Môi trường', 'Sở Khoa học và Công nghệ', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Dân tộc và Tôn giáo',
  'Sở Ngoại vụ', 'Thanh tra tỉnh', 'Văn phòng UBND tỉnh', 'Ban Quản lý các khu công nghiệp',
];
const PHONG = ['Văn phòng', 'Phòng Tổ chức cán bộ', 'Phòng Kế hoạch - Tài chính', 'Phòng Thanh tra', 'Phòng Nghiệp vụ 1', 'Phòng Nghiệp vụ 2', 'Phòng Pháp chế'];
const XA = ['Phường Cam Đường', 'Phường Lào Cai', 'Xã Bát Xát', 'Xã Mường Khương', 'Xã Bắc Hà', 'Xã Si Ma Cai', 'Xã Sa Pa', 'Xã Văn Bàn', 'Xã Bảo Yên', 'Xã Bảo Thắng'];
const POSITIONS: Weighted = [
  ['Chuyên viên', 40], ['Chuyên viên chính', 12], ['Cán sự', 6], ['Nhân viên', 10], ['Trưởng phòng', 4], ['Phó Trưởng phòng', 6],
  ['Giáo viên', 12], ['Bác sĩ', 4], ['Điều dưỡng', 4], ['Kế toán', 3], ['Thanh tra viên', 2],
];
const pickPosition = picker(POSITIONS);
const CATEGORIES = picker([['CC', 45], ['VC', 40], ['NLD', 10], ['CB', 5]]);
const STATUSES = picker([['dang_cong_tac', 92], ['nghi_huu', 5], ['chuyen_cong_tac', 2], ['nghi_viec', 1]]);

export interface UnitSpec {
  key: string;
  parentKey: string | null;
  fields: Omit<UnitFields, 'parentId'>;
}

export interface Dataset {
  units: UnitSpec[];
  /** staff rows; unitId holds a unit *key* until the units are inserted (see resolveUnits) */
  staff: StaffFields[];
  /** search queries: short fragments and names, typed with or without diacritics */
  queries: string[];
  records: RecordsSpec;
  tasks: TaskSpec[];
  dossiers: DossierSpec[];
}

/** The records span these years; the eligibility and dossier cases use the last one. */
export const RECORD_YEARS = { from: 2016, to: 2025 } as const;

// Records refer to staff by their index in Dataset.staff and to units by key.
export interface PersonYearSpec {
  staff: number;
  year: number;
  rating: Rating | null;
  maternity: boolean;
}
export type PersonTitleCode = 'LDTT' | 'CSTDCS' | 'BK_TINH' | 'CSTD_TINH';
export interface PersonTitleSpec {
  staff: number;
  year: number;
  code: PersonTitleCode;
}
export interface InitiativeSpec {
  staff: number;
  year: number;
  title: string;
  kind: InitiativeKind;
  scope: InitiativeScope;
  recognizedOn: string;
  decisionNo: string;
}
export interface DisciplineSpec {
  staff: number;
  form: DisciplineForm;
  from: string;
  to: string;
  decisionNo: string;
}
export interface UnitTitleSpec {
  unit: string;
  year: number;
  code: 'TT_LDTT' | 'TT_LDXS';
}
export interface RegistrationSpec {
  year: number;
  kind: 'person' | 'unit';
  staff: number | null;
  unit: string | null;
  code: string;
}
export interface RecordsSpec {
  personYears: PersonYearSpec[];
  titles: PersonTitleSpec[];
  initiatives: InitiativeSpec[];
  disciplines: DisciplineSpec[];
  unitTitles: UnitTitleSpec[];
  registrations: RegistrationSpec[];
}
export interface TaskSpec {
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
  dueDate: string | null;
  title: string;
  description: string;
  lead: string;
  coordinating: string[];
  responsible: number | null;
  status: 'chua_thuc_hien' | 'dang_thuc_hien' | 'hoan_thanh';
}
/** A dossier to build: its nominees are taken from the eligibility checker's proposals, as the builder does. */
export interface DossierSpec {
  year: number;
  awardCode: 'CSTDCS' | 'BK_TINH' | 'CSTD_TINH' | 'TT_LDTT' | 'TT_LDXS';
  nominees: number;
  /** submitted (documents generated, state da_gui) */
  submit: boolean;
  /** evidence files attached (to the first nominees) */
  attachments: number;
}

function unitFields(name: string, kind: string, sortOrder: number): Omit<UnitFields, 'parentId'> {
  return { name, nameKey: foldVi(name), code: null, kind, sortOrder, note: '' };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function generateDataset(opts: { staff?: number; seed?: number } = {}): Dataset {
  const r = rng(opts.seed ?? 20250701);
  const units: UnitSpec[] = [];
  // ≈150 units: 15 departments × (4–7 rooms + 3 affiliated units), 10 communes × 1–2
  SO.forEach((so, i) => {
    const key = `so${i}`;
    units.push({ key, parentKey: null, fields: unitFields(so, 'don_vi_truc_thuoc', i) });
    const rooms = 4 + Math.floor(r() * 4);
    for (let j = 0; j < rooms; j++) units.push({ key: `${key}-p${j}`, parentKey: key, fields: unitFields(PHONG[j % PHONG.length]!, 'phong_chuyen_mon', j) });
    for (let j = 0; j < 3; j++) units.push({ key: `${key}-dv${j}`, parentKey: key, fields: unitFields(`Trung tâm ${j + 1} thuộc ${so}`, 'don_vi_truc_thuoc', 10 + j) });
  });
  XA.forEach((xa, i) => {
    const key = `xa${i}`;
    units.push({ key, parentKey: null, fields: unitFields(`UBND ${xa}`, 'cap_duoi', 100 + i) });
    if (i % 2 === 0) units.push({ key: `${key}-t`, parentKey: key, fields: unitFields(`Trường Tiểu học ${xa.replace(/^(Xã|Phường) /, '')}`, 'don_vi_truc_thuoc', 1) });
  });
  const leafKeys = units.filter((u) => u.parentKey !== null || u.key.startsWith('xa')).map((u) => u.key);

  const n = opts.staff ?? 30_000;
  const staff: StaffFields[] = [];
  for (let i = 0; i < n; i++) {
    const gender = r() < 0.52 ? 'nu' : 'nam';
    const fullName = personName(r, gender);
    const y = 1962 + Math.floor(r() * 41);
    const birthDate = `${y}-${pad2(1 + Math.floor(r() * 12))}-${pad2(1 + Math.floor(r() * 28))}`;
    const startY = Math.min(2024, y + 22 + Math.floor(r() * 10));
    const position = pickPosition(r);
    staff.push({
      fullName,
      nameKey: foldVi(fullName),
      gender,
      birthDate,
      unitId: leafKeys[Math.floor(r() * leafKeys.length)]!,
      position,
      category: CATEGORIES(r),
      isLeader: /Trưởng|Phó/.test(position),
      employmentStart: `${startY}-${pad2(1 + Math.floor(r() * 12))}-01`,
      employmentEnd: null,
      status: STATUSES(r),
      note: '',
    });
  }

  // 200 queries: 2–3 letter fragments of real names (half without diacritics) and names
  const queries: string[] = [];
  for (let i = 0; i < 200; i++) {
    const s = staff[Math.floor(r() * staff.length)]!;
    const words = s.fullName.split(' ');
    const kind = i % 4;
    let q: string;
    if (kind === 0 || kind === 1) {
      const w = words[Math.floor(r() * words.length)]!;
      const len = Math.min(w.length, 2 + Math.floor(r() * 2));
      q = w.slice(0, len);
    } else if (kind === 2) q = words[words.length - 1]!; // a given name
    else q = words.slice(0, 2 + Math.floor(r() * (words.length - 1))).join(' '); // họ + đệm (+ tên)
    queries.push(r() < 0.5 ? foldVi(q) : q.toLocaleLowerCase('vi'));
  }
  const more = generateRecords(units, staff, (opts.seed ?? 20250701) + 1);
  return { units, staff, queries, ...more };
}

const INITIATIVE_TOPICS = [
  'cải tiến quy trình tiếp nhận và trả kết quả hồ sơ', 'ứng dụng phần mềm quản lý văn bản', 'số hóa hồ sơ cán bộ, công chức',
  'nâng cao chất lượng thẩm định hồ sơ khen thưởng', 'rút ngắn thời gian giải quyết thủ tục hành chính', 'quản lý tài sản công bằng mã QR',
  'đổi mới phương pháp dạy học tích cực', 'nâng cao chất lượng chăm sóc người bệnh', 'tiết kiệm chi phí văn phòng phẩm',
  'tuyên truyền pháp luật qua mạng xã hội', 'chuẩn hóa biểu mẫu báo cáo thống kê', 'quản lý hồ sơ lưu trữ điện tử',
];
const TASK_TEMPLATES: ((y: number, q: number, unit: string) => string)[] = [
  (y) => `Xây dựng Kế hoạch tổ chức phong trào thi đua năm ${y}`,
  (y) => `Hướng dẫn đăng ký thi đua, bình xét khen thưởng năm ${y}`,
  (y) => `Tổng hợp đăng ký thi đua năm ${y} của các đơn vị`,
  (y, q) => `Báo cáo công tác thi đua, khen thưởng quý ${q} năm ${y}`,
  (y, q, u) => `Kiểm tra công tác thi đua, khen thưởng tại ${u} (quý ${q})`,
  (y, q, u) => `Thẩm định hồ sơ đề nghị khen thưởng của ${u}`,
  (y) => `Sơ kết 6 tháng phong trào thi đua năm ${y}`,
  (y) => `Tổng kết công tác thi đua, khen thưởng năm ${y}, phương hướng năm ${y + 1}`,
  (y, q, u) => `Phát hiện, bồi dưỡng điển hình tiên tiến tại ${u}`,
  (y, q) => `Cập nhật cơ sở dữ liệu khen thưởng quý ${q} năm ${y}`,
  (y, q, u) => `Tuyên truyền gương người tốt, việc tốt của ${u}`,
  (y) => `Tổ chức Hội nghị điển hình tiên tiến năm ${y}`,
];

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = y * 12 + (m - 1) + months;
  return `${Math.floor(t / 12)}-${pad2((t % 12) + 1)}-${pad2(Math.min(d, 28))}`;
}

/**
 * 10 years of records for every person while employed (people who left: up to a year before
 * 2025), with persistence (a person has a propensity for HTXSNV):
 * ratings ≈ 15 % HTXSNV, 76 % HTTNV, 7 % HTNV, 1–2 % KHTNV; maternity leave for some women
 * (half of them without a rating); a discipline for ≈0.25 % a year (that year HTNV/KHTNV, no
 * LĐTT); initiatives for 60 % of HTXSNV and 4 % of HTTNV years; LĐTT for 96 % of the
 * HTTNV-or-better years without a discipline; CSTĐCS for LĐTT + HTXSNV + initiative (≈10 % of
 * LĐTT); Bằng khen tỉnh for 40 % of two CSTĐCS years in a row and 0.3 % of other LĐTT years;
 * CSTĐ tỉnh for some three-in-a-row. Units: TT LĐXS ≈15 %, TT LĐTT ≈60 % a year.
 */
export function generateRecords(units: UnitSpec[], staff: StaffFields[], seed: number): Pick<Dataset, 'records' | 'tasks' | 'dossiers'> {
  const r = rng(seed);
  const { from, to } = RECORD_YEARS;
  const rec: RecordsSpec = { personYears: [], titles: [], initiatives: [], disciplines: [], unitTitles: [], registrations: [] };
  const counters = { initiative: 0, discipline: 0 };
  staff.forEach((s, i) => {
    const start = Number((s.employmentStart ?? `${from}`).slice(0, 4));
    const birth = Number((s.birthDate ?? '1980').slice(0, 4));
    const first = Math.max(from, start);
    const last = s.status === 'dang_cong_tac' ? to : first + Math.floor(r() * Math.max(0, to - first));
    if (first > last || (s.status !== 'dang_cong_tac' && first >= to)) return;
    const u = r();
    const pX = u < 0.6 ? 0.05 : u < 0.9 ? 0.25 : 0.5;
    let cstdcsRun = 0;
    for (let y = first; y <= last; y++) {
      const x = r();
      let rating: Rating | null = x < pX ? 'HTXSNV' : x < pX + 0.07 ? 'HTNV' : x < pX + 0.085 ? 'KHTNV' : 'HTTNV';
      let maternity = false;
      if (s.gender === 'nu' && y - birth >= 22 && y - birth <= 38 && r() < 0.04) {
        maternity = true;
        if (r() < 0.5) rating = null;
      }
      let disciplined = false;
      if (r() < 0.0025) {
        disciplined = true;
        rating = r() < 0.7 ? 'HTNV' : 'KHTNV';
        const f = r();
        const form: DisciplineForm = f < 0.7 ? 'khien_trach' : f < 0.95 ? 'canh_cao' : 'ha_bac_luong';
        const fromDate = `${y}-${pad2(1 + Math.floor(r() * 9))}-${pad2(1 + Math.floor(r() * 28))}`;
        rec.disciplines.push({ staff: i, form, from: fromDate, to: addMonths(fromDate, form === 'khien_trach' ? 6 : 12), decisionNo: `${++counters.discipline}/QĐ-KL` });
      }
      rec.personYears.push({ staff: i, year: y, rating, maternity });
      const initiative = (rating === 'HTXSNV' && r() < 0.6) || (rating === 'HTTNV' && r() < 0.04);
      if (initiative) {
        const topic = INITIATIVE_TOPICS[Math.floor(r() * INITIATIVE_TOPICS.length)]!;
        const k = r();
        rec.initiatives.push({
          staff: i,
          year: y,
          title: `Giải pháp ${topic} (${y})`,
          kind: k < 0.8 ? 'sang_kien' : k < 0.9 ? 'de_tai' : 'giai_phap',
          scope: r() < 0.9 ? 'co_so' : 'tinh',
          recognizedOn: `${y}-11-${pad2(10 + Math.floor(r() * 15))}`,
          decisionNo: `${++counters.initiative}/QĐ-HĐSK`,
        });
      }
      const good = rating === 'HTXSNV' || rating === 'HTTNV' || (rating === null && maternity);
      const ldtt = good && !disciplined && r() < 0.96;
      if (ldtt) rec.titles.push({ staff: i, year: y, code: 'LDTT' });
      const cstdcs = ldtt && rating === 'HTXSNV' && initiative && r() < 0.95;
      if (cstdcs) rec.titles.push({ staff: i, year: y, code: 'CSTDCS' });
      cstdcsRun = cstdcs ? cstdcsRun + 1 : 0;
      if (ldtt && ((cstdcsRun >= 2 && r() < 0.4) || r() < 0.003)) rec.titles.push({ staff: i, year: y, code: 'BK_TINH' });
      if (cstdcsRun >= 3 && r() < 0.3) rec.titles.push({ staff: i, year: y, code: 'CSTD_TINH' });
      // start-of-year registrations: CSTĐCS for the people likely to reach it
      if (s.status === 'dang_cong_tac' && pX >= 0.25 && r() < 0.3) rec.registrations.push({ year: y, kind: 'person', staff: i, unit: null, code: 'CSTDCS' });
    }
  });
  for (const u of units) {
    for (let y = from; y <= to; y++) {
      const x = r();
      if (x < 0.15) rec.unitTitles.push({ unit: u.key, year: y, code: 'TT_LDXS' });
      else if (x < 0.75) rec.unitTitles.push({ unit: u.key, year: y, code: 'TT_LDTT' });
      if (r() < 0.3) rec.registrations.push({ year: y, kind: 'unit', staff: null, unit: u.key, code: 'TT_LDXS' });
    }
  }

  // 2,000 tasks: 200 a year for 2017–2026, lead unit and up to 3 coordinating ones
  const tasks: TaskSpec[] = [];
  const unitKeys = units.map((u) => u.key);
  const unitName = new Map(units.map((u) => [u.key, u.fields.name]));
  const active = staff.map((s, i) => (s.status === 'dang_cong_tac' ? i : -1)).filter((i) => i >= 0);
  for (let y = 2017; y <= 2026; y++) {
    for (let k = 0; k < 200; k++) {
      const q = (1 + Math.floor((k * 4) / 200)) as 1 | 2 | 3 | 4;
      const lead = unitKeys[Math.floor(r() * unitKeys.length)]!;
      const coordinating = Array.from({ length: Math.floor(r() * 4) }, () => unitKeys[Math.floor(r() * unitKeys.length)]!).filter((c, j, a) => c !== lead && a.indexOf(c) === j);
      const title = TASK_TEMPLATES[k % TASK_TEMPLATES.length]!(y, q, unitName.get(lead)!);
      const done = y < 2026 ? r() < 0.93 : r() < 0.7;
      tasks.push({
        year: y,
        quarter: r() < 0.9 ? q : null,
        dueDate: r() < 0.6 ? `${y}-${pad2(q * 3)}-${pad2(15 + Math.floor(r() * 13))}` : null,
        title: `${title} (${k + 1})`,
        description: r() < 0.5 ? 'Theo kế hoạch thi đua, khen thưởng của cơ quan.' : '',
        lead,
        coordinating,
        responsible: r() < 0.7 ? active[Math.floor(r() * active.length)]! : null,
        status: done ? 'hoan_thanh' : r() < 0.5 ? 'dang_thuc_hien' : 'chua_thuc_hien',
      });
    }
  }

  // 50 dossiers, 10 a year for 2021–2025, about one in four of 2021–2024 submitted. Two
  // dossiers for collectives only (2 units each): pre-filling a unit's history costs seconds.
  const dossiers: DossierSpec[] = [];
  const plan: [DossierSpec['awardCode'], number, number][] = [
    ['CSTDCS', 5, 25], ['CSTDCS', 5, 20], ['CSTDCS', 5, 15], ['CSTDCS', 5, 15], ['BK_TINH', 3, 12], ['BK_TINH', 3, 10],
    ['BK_TINH', 2, 8], ['BK_TINH', 2, 6], ['CSTD_TINH', 1, 3], ['CSTDCS', 3, 10],
  ];
  let n = 0;
  for (let y = 2021; y <= 2025; y++) {
    plan.forEach(([code, lo, hi], k) => {
      const unitDossier = k === plan.length - 1 && y >= 2024;
      const submit = y < 2025 && n++ % 4 === 0;
      dossiers.push({
        year: y,
        awardCode: unitDossier ? (y === 2024 ? 'TT_LDXS' : 'TT_LDTT') : code,
        nominees: unitDossier ? 2 : lo + Math.floor(r() * (hi - lo + 1)),
        submit,
        attachments: submit ? Math.min(3, lo) : 0,
      });
    });
  }
  return { records: rec, tasks, dossiers };
}

/** Staff rows with unit keys replaced by the inserted unit ids. */
export function resolveUnits(staff: StaffFields[], ids: Map<string, string>): StaffFields[] {
  return staff.map((s) => ({ ...s, unitId: s.unitId ? (ids.get(s.unitId) ?? null) : null }));
}
