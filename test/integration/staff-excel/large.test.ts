import { describe, expect, it } from 'vitest';
import { exportStaffWorkbook, type StaffExportRow } from '../../../electron/services/staff-excel/export';
import { readStaffWorkbook } from '../../../electron/services/staff-excel/parse';
import { proposeMapping } from '../../../electron/services/staff-excel/mapping';
import { validateStaffRows } from '../../../electron/services/staff-excel/validate';
import { TODAY, UNITS, expectRead } from './helpers';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Xuân', 'Thu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Ngọc', 'Phong', 'Phương', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn'];
const N = 30_000;

function generate(): StaffExportRow[] {
  const base = Date.UTC(1965, 0, 1);
  const rows: StaffExportRow[] = [];
  for (let i = 0; i < N; i++) {
    const combo = i % 3000;
    const name = `${SURNAMES[combo % 10]} ${MIDDLE[Math.floor(combo / 10) % 10]} ${GIVEN[Math.floor(combo / 100)]}`;
    // (name, birth date) is unique: the date changes every 3,000 rows
    const birth = new Date(base + (Math.floor(i / 3000) * 400 + (combo % 7)) * 86_400_000).toISOString().slice(0, 10);
    rows.push({
      fullName: name,
      gender: combo % 2 ? 'nu' : 'nam',
      birthDate: birth,
      unitId: UNITS[i % UNITS.length]!.id,
      position: i % 50 === 0 ? 'Trưởng phòng' : 'Chuyên viên',
      category: (['CB', 'CC', 'VC', 'NLD'] as const)[i % 4]!,
      isLeader: i % 50 === 0,
      employmentStart: '2010-01-01',
      employmentEnd: null,
      status: 'dang_cong_tac',
      note: '',
    });
  }
  return rows;
}

describe('a 30,000-row staff list', () => {
  it('exports, parses and validates', { timeout: 240_000 }, async () => {
    const rows = generate();
    const bytes = await exportStaffWorkbook(rows, { title: 'DANH SÁCH', officeName: 'SỞ NỘI VỤ', units: new Map(UNITS.map((u) => [u.id, u.name])) });

    let parseCalls = 0;
    const read = expectRead(await readStaffWorkbook(bytes, () => parseCalls++));
    expect(read.rows).toHaveLength(N);
    expect(parseCalls).toBeGreaterThanOrEqual(15);

    const existing = [{ fullName: rows[123]!.fullName, birthDate: rows[123]!.birthDate, unitId: rows[123]!.unitId }];
    const progress: number[] = [];
    const result = await validateStaffRows(read, proposeMapping(read.headers), UNITS, existing, {
      today: TODAY,
      onProgress: (done) => progress.push(done),
    });
    expect(result.errors.map((e) => e.row)).toEqual([5 + 123]);
    expect(result.rows).toHaveLength(N - 1);
    expect(result.stats).toMatchObject({ dataRows: N, validRows: N - 1, errorRows: 1, duplicateRows: 1 });
    expect(progress.length).toBeGreaterThanOrEqual(15);
    expect(progress.at(-1)).toBe(N);
    expect(result.rows[0]).toMatchObject({ fullName: rows[0]!.fullName, birthDate: rows[0]!.birthDate, category: 'CB', isLeader: true });
  });
});
