// The statistics of awards as a workbook ("Bảng thống kê kết quả khen thưởng"), read back with
// exceljs: forms grouped by level in catalogue order, people and collectives counted apart, by
// year or by unit, totals, the office's place and date and its head; and the counts' split in
// records.stats itself.
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { cliOn } from '../../support/cli';
import { testCore } from '../../support/core';
import { readBook } from '../../support/xlsx';
import { OFFICE_A, OFFICE_B, provinceWithAwards } from '../exchange/helpers';
import { tempDir } from '../../support/tmp';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function office() {
  const core = await testCore({ today: '2026-02-10' });
  cores.push(core);
  const vp = (await core.invoke('units.create', { name: 'Văn phòng Sở' })).id;
  const ncc = (await core.invoke('units.create', { name: 'Phòng Người có công' })).id;
  const person = async (fullName: string, unitId: string) => (await core.invoke('staff.create', { fullName, unitId })).id;
  const an = await person('Nguyễn Văn An', vp);
  const binh = await person('Trần Thị Bình', vp);
  const cuong = await person('Lê Văn Cường', ncc);
  const decision = (year: number, number: string, form: { awardCode: string } | { otherForm: string }, recipients: Array<{ kind: 'person'; staffId: string } | { kind: 'unit'; unitId: string }>) =>
    core.invoke('records.saveDecision', { data: { number, year, decisionDate: `20/12/${year}`, ...form, recipients } as never });
  await decision(2024, '10/QĐ-SNV', { awardCode: 'LDTT' }, [
    { kind: 'person', staffId: an },
    { kind: 'person', staffId: binh },
    { kind: 'person', staffId: cuong },
  ]);
  await decision(2024, '11/QĐ-SNV', { awardCode: 'TT_LDTT' }, [{ kind: 'unit', unitId: vp }]);
  await decision(2025, '12/QĐ-UBND', { awardCode: 'BK_TINH' }, [
    { kind: 'person', staffId: an },
    { kind: 'unit', unitId: ncc },
  ]);
  await decision(2025, '13/QĐ-SNV', { otherForm: 'Kỷ niệm chương Vì sự nghiệp Nội vụ' }, [{ kind: 'person', staffId: cuong }]);
  await decision(2025, '14/QĐ-CTN', { awardCode: 'HCLD_HANG_BA' }, [{ kind: 'person', staffId: binh }]);
  return { core, vp, ncc };
}


/** The sheet's rows as arrays of text ('' for an empty cell or one merged into another), from the first column. */
function rowsOf(ws: ExcelJS.Worksheet, from: number, to: number, width: number): string[][] {
  const out: string[][] = [];
  for (let r = from; r <= to; r++) {
    const row: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      const v = cell.isMerged && cell.master !== cell ? null : cell.value;
      row.push(v === null || v === undefined ? '' : String(v));
    }
    out.push(row);
  }
  return out;
}

describe('award statistics as a workbook', () => {
  it('counts people and collectives apart', async () => {
    const { core } = await office();
    const stats = await core.invoke('records.stats', { yearFrom: 2024, yearTo: 2025 });
    const bk = stats.filter((r) => r.form === 'BK_TINH');
    expect(bk.map((r) => [r.unitName, r.persons, r.collectives, r.count]).sort()).toEqual([
      ['Phòng Người có công', 0, 1, 1],
      ['Văn phòng Sở', 1, 0, 1],
    ]);
    expect(stats.every((r) => r.count === r.persons + r.collectives)).toBe(true);
  });

  it('by year: levels in order, catalogue order within, people and collectives, totals, place, date and signatures', async () => {
    const { core } = await office();
    const file = await core.invoke('records.statsExport', { yearFrom: 2025, yearTo: 2024 });
    expect(file.fileName).toBe('thong-ke-khen-thuong-2024-2025.xlsx');
    const ws = (await readBook(file)).getWorksheet('Thống kê khen thưởng')!;
    expect(ws.getCell('A2').value).toBe('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');
    expect(ws.getCell('A4').value).toBe('BẢNG THỐNG KÊ KẾT QUẢ KHEN THƯỞNG');
    expect(ws.getCell('A5').value).toBe('Từ năm 2024 đến năm 2025');
    // STT | form | 2024: people, collectives | 2025: people, collectives | total: people, collectives, sum
    expect(rowsOf(ws, 7, 8, 9)).toEqual([
      ['STT', 'Hình thức khen thưởng', 'Năm 2024', '', 'Năm 2025', '', 'Tổng cộng', '', ''],
      ['', '', 'Cá nhân', 'Tập thể', 'Cá nhân', 'Tập thể', 'Cá nhân', 'Tập thể', 'Cộng'],
    ]);
    expect(rowsOf(ws, 9, 18, 9)).toEqual([
      ['I', 'Khen thưởng cấp Nhà nước', '', '', '1', '', '1', '', '1'],
      ['1', 'Huân chương Lao động hạng Ba', '', '', '1', '', '1', '', '1'],
      ['II', 'Danh hiệu, khen thưởng cấp bộ, ngành, tỉnh', '', '', '1', '1', '1', '1', '2'],
      ['1', 'Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng', '', '', '1', '1', '1', '1', '2'],
      ['III', 'Danh hiệu, khen thưởng cấp cơ sở', '3', '1', '', '', '3', '1', '4'],
      ['1', 'Lao động tiên tiến', '3', '', '', '', '3', '', '3'],
      ['2', 'Tập thể lao động tiên tiến', '', '1', '', '', '', '1', '1'],
      ['IV', 'Hình thức khác', '', '', '1', '', '1', '', '1'],
      ['1', 'Kỷ niệm chương Vì sự nghiệp Nội vụ', '', '', '1', '', '1', '', '1'],
      ['', 'Tổng cộng', '3', '1', '3', '1', '6', '2', '8'],
    ]);
    const text = rowsOf(ws, 19, 30, 9).flat().filter(Boolean);
    expect(text).toEqual(['Lào Cai, ngày 10 tháng 02 năm 2026', 'NGƯỜI LẬP BIỂU', 'GIÁM ĐỐC', '(Ký, ghi rõ họ tên)', '(Ký, ghi rõ họ tên, đóng dấu)', 'Nguyễn Văn Bình']);

    // the flat sheet: a row per year, unit and form
    const flat = (await readBook(file)).getWorksheet('Số liệu')!;
    expect(rowsOf(flat, 1, 1, 6)).toEqual([['Năm', 'Đơn vị', 'Hình thức khen thưởng', 'Cá nhân', 'Tập thể', 'Cộng']]);
    expect(flat.rowCount).toBe(1 + 7);
    expect(rowsOf(flat, 2, 8, 6)).toContainEqual(['2025', 'Phòng Người có công', 'Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng', '0', '1', '1']);
  });

  it('by unit, and for one unit with its sub-units', async () => {
    const { core, ncc } = await office();
    const byUnit = (await readBook(await core.invoke('records.statsExport', { yearFrom: 2024, yearTo: 2025, by: 'unit' }))).getWorksheet('Thống kê khen thưởng')!;
    expect(rowsOf(byUnit, 7, 7, 9)).toEqual([['STT', 'Hình thức khen thưởng', 'Phòng Người có công', '', 'Văn phòng Sở', '', 'Tổng cộng', '', '']]);
    expect(rowsOf(byUnit, 14, 14, 9)).toEqual([['1', 'Lao động tiên tiến', '1', '', '2', '', '3', '', '3']]);

    const one = (await readBook(await core.invoke('records.statsExport', { yearFrom: 2025, yearTo: 2025, unitId: ncc }))).getWorksheet('Thống kê khen thưởng')!;
    expect(one.getCell('A5').value).toBe('Năm 2025 — Phòng Người có công (gồm đơn vị cấp dưới)');
    expect(rowsOf(one, 9, 14, 5)).toEqual([
      ['I', 'Danh hiệu, khen thưởng cấp bộ, ngành, tỉnh', '', '1', ''],
      ['1', 'Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng', '', '1', ''],
      ['II', 'Hình thức khác', '1', '', '1'],
      ['1', 'Kỷ niệm chương Vì sự nghiệp Nội vụ', '1', '', '1'],
      ['', 'Tổng cộng', '1', '1', '1'],
      ['', '', '', '', ''],
    ]);
  });

  it('the CLI writes it: tdkt records stats', async () => {
    const { core } = await office();
    cores.length = 0;
    const { run, out, err } = cliOn(core, 'records', 'stats');
    const dir = tempDir();
    expect(await run(['--from', '2024', '--to', '2025', '--by', 'unit', '--out', dir])).toBe(0);
    const target = path.join(dir, 'thong-ke-khen-thuong-2024-2025.xlsx');
    expect(out).toEqual([`Đã xuất bảng thống kê: ${target}`]);
    const ws = (await readBook({ base64: fs.readFileSync(target).toString('base64') })).getWorksheet('Thống kê khen thưởng')!;
    expect(ws.getCell('C7').value).toBe('Phòng Người có công');
    // usage errors say what to fix
    expect(await run(['--from', '20x5', '--out', dir])).toBe(2);
    expect(await run(['--from', '2025', '--by', 'month', '--out', dir])).toBe(2);
    expect(await run(['--from', '2025'])).toBe(2);
    expect(err.join('\n')).toContain('--from "20x5" không phải năm hợp lệ');
    expect(err.join('\n')).toContain('--by phải là year (cột theo năm), unit (cột theo đơn vị) hoặc office (cột theo cơ quan, ở cấp tỉnh).');
    expect(err.join('\n')).toContain('Thiếu --out ĐƯỜNG_DẪN');
  });

  it('a period without decisions says so; bad input is refused in Vietnamese', async () => {
    const { core } = await office();
    const ws = (await readBook(await core.invoke('records.statsExport', { yearFrom: 2019, yearTo: 2019 }))).getWorksheet('Thống kê khen thưởng')!;
    expect(ws.getCell('A9').value).toBe('Không có quyết định khen thưởng nào trong thời gian và đơn vị đã chọn.');
    const bad = await core.call('records.statsExport', { yearFrom: 2024, yearTo: 2025, by: 'month' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('Cột của bảng: theo năm, theo đơn vị hoặc theo cơ quan.');
  });

  it('at the province: a column per office, or per unit with each office\'s "Văn phòng" named apart', async () => {
    const province = await provinceWithAwards();
    cores.push(province);
    const sheet = async (by: 'office' | 'unit') => (await readBook(await province.invoke('records.statsExport', { yearFrom: 2025, yearTo: 2025, by }))).getWorksheet('Thống kê khen thưởng')!;
    const byOffice = await sheet('office');
    expect(rowsOf(byOffice, 7, 7, 9).flat().filter(Boolean)).toEqual(['STT', 'Hình thức khen thưởng', OFFICE_A.name, OFFICE_B.name, 'Tổng cộng']);
    expect(rowsOf(byOffice, 10, 10, 9)).toEqual([['1', 'Giấy khen', '2', '', '1', '', '3', '', '3']]);
    const byUnit = await sheet('unit');
    expect(rowsOf(byUnit, 7, 7, 11).flat().filter(Boolean)).toEqual([
      'STT',
      'Hình thức khen thưởng',
      'Phòng Văn hóa - Xã hội',
      `Văn phòng — ${OFFICE_A.name}`,
      `Văn phòng — ${OFFICE_B.name}`,
      'Tổng cộng',
    ]);
    const flat = (await readBook(await province.invoke('records.statsExport', { yearFrom: 2025, yearTo: 2025, by: 'office' }))).getWorksheet('Số liệu')!;
    expect(flat.getCell('B1').value).toBe('Cơ quan');
  });
});
