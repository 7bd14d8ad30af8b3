import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readStaffWorkbook } from '../../../electron/services/staff-excel/parse';
import { proposeMapping } from '../../../electron/services/staff-excel/mapping';
import { validateStaffRows } from '../../../electron/services/staff-excel/validate';
import {
  BAD_ROW,
  FIXTURE_FIRST_ROW,
  FIXTURE_HEADER_ROW,
  FIXTURE_PEOPLE,
  FIXTURE_UNITS,
  STAFF_BAD_ROW_PATH,
  STAFF_GOOD_PATH,
  buildStaffBadRowWorkbook,
  buildStaffGoodWorkbook,
  writeStaffFixtures,
} from '../../fixtures/staff/make-fixtures';
import { TODAY, expectRead } from './helpers';

const units = FIXTURE_UNITS.map((name, i) => ({ id: `unit-${i}`, name, code: null, parentId: null }));
const unitId = (name: string) => units.find((u) => u.name === name)!.id;

async function importBytes(bytes: Uint8Array) {
  const read = expectRead(await readStaffWorkbook(bytes));
  expect(read.headerRow).toBe(FIXTURE_HEADER_ROW);
  return validateStaffRows(read, proposeMapping(read.headers), units, [], { today: TODAY });
}

describe('staff fixtures', () => {
  it('are written when missing or when UPDATE_STAFF_FIXTURES=1', async () => {
    if (process.env.UPDATE_STAFF_FIXTURES === '1' || !existsSync(STAFF_GOOD_PATH) || !existsSync(STAFF_BAD_ROW_PATH)) {
      await writeStaffFixtures();
    }
    for (const p of [STAFF_GOOD_PATH, STAFF_BAD_ROW_PATH]) {
      expect(existsSync(p)).toBe(true);
      expect(readFileSync(p).length).toBeLessThan(20_000);
    }
  });

  for (const [name, load] of [
    ['generated', () => buildStaffGoodWorkbook()],
    ['committed', async () => new Uint8Array(readFileSync(STAFF_GOOD_PATH))],
  ] as const) {
    it(`staff-good.xlsx (${name}) imports 5 people`, async () => {
      const result = await importBytes(await load());
      expect(result.errors).toEqual([]);
      expect(result.rows).toEqual(
        FIXTURE_PEOPLE.map((p, i) => ({
          row: FIXTURE_FIRST_ROW + i,
          fullName: p.fullName,
          gender: p.gender,
          birthDate: p.birthDate,
          unitId: unitId(p.unit),
          unitName: p.unit,
          position: p.position,
          category: p.category,
          isLeader: p.isLeader,
          employmentStart: null,
          employmentEnd: null,
          status: 'dang_cong_tac',
          note: p.note,
        })),
      );
    });
  }

  for (const [name, load] of [
    ['generated', () => buildStaffBadRowWorkbook()],
    ['committed', async () => new Uint8Array(readFileSync(STAFF_BAD_ROW_PATH))],
  ] as const) {
    it(`staff-bad-row.xlsx (${name}) reports the one bad birth date`, async () => {
      const result = await importBytes(await load());
      expect(result.errors).toEqual([
        { row: BAD_ROW.row, column: BAD_ROW.column, header: 'Ngày sinh', field: 'birthDate', value: BAD_ROW.value, message: BAD_ROW.message },
      ]);
      expect(result.rows.map((r) => r.row)).toEqual([4, 5, 7, 8]);
    });
  }
});
