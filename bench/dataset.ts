// A province-sized data set, deterministic (seeded): ≈150 units in a tree and 30,000 staff
// with realistic Vietnamese names (họ by frequency, tên đệm and tên by gender), birth
// dates, categories, positions and statuses.
import type { StaffFields } from '../db/repositories/staff';
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
  return { units, staff, queries };
}

/** Staff rows with unit keys replaced by the inserted unit ids. */
export function resolveUnits(staff: StaffFields[], ids: Map<string, string>): StaffFields[] {
  return staff.map((s) => ({ ...s, unitId: s.unitId ? (ids.get(s.unitId) ?? null) : null }));
}
