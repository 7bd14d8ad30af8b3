// The year's TĐKT statistics in the forms of TT 02/2023/TT-BNV (records.periodicStats), read back
// from the workbook: 0601.N counts the office's issued campaigns launched in the year by length
// and kind; 0602.N and 0603.N the year's State-level and provincial awards by subject — people by
// the category their position puts them in — and by kind; blanks where the app records nothing;
// the detail sheet names everyone counted; the form's header and signatures.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import type { Core } from '../../../electron/core/core';
import { personCategory } from '../../../shared/periodic/tt02';
import { OFFICE, testCore } from '../../support/core';
import { readBook, sheetRows } from '../../support/xlsx';
import { cliOn } from '../../support/cli';
import { tempDir } from '../../support/tmp';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

/** A sheet's data rows by their mã số (or label for a part's heading): [total, …values]. */
function byCode(ws: ExcelJS.Worksheet): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const rows = sheetRows(ws);
  const start = rows.findIndex((r) => r[0] === 'Tổng số');
  for (const r of rows.slice(start)) {
    if (!r.length || typeof r[0] !== 'string' || !r[0]) continue;
    const code = r[1] ? String(r[1]) : r[0];
    out.set(code, r.slice(ws.name.startsWith('0601') ? 2 : 3));
  }
  return out;
}

async function office() {
  const core = await testCore({ today: '2026-01-10' });
  cores.push(core);
  const board = (await core.invoke('units.create', { name: 'Ban Giám đốc' })).id;
  const room = (await core.invoke('units.create', { name: 'Phòng Lao động - Việc làm' })).id;
  const centre = (await core.invoke('units.create', { name: 'Trung tâm Dịch vụ việc làm' })).id;
  const person = async (fullName: string, unitId: string, position: string) => (await core.invoke('staff.create', { fullName, unitId, position } as never)).id;
  const people = {
    director: await person('Nguyễn Văn Bình', board, 'Giám đốc'),
    head: await person('Trần Thị Hà', room, 'Phó Trưởng phòng'),
    centreHead: await person('Lê Văn Cường', centre, 'Giám đốc'),
    clerk: await person('Phạm Thị Dung', room, 'Chuyên viên'),
    driver: await person('Hoàng Văn Em', board, ''),
  };
  const decide = (data: Record<string, unknown>) => core.invoke('records.saveDecision', { data: { year: 2025, decisionDate: '20/12/2025', ...data } as never });
  // provincial: a Bằng khen to a room, the director, the centre's head and the clerk (one đột xuất)
  await decide({ number: '10/QĐ-UBND', awardCode: 'BK_TINH', recipients: [{ kind: 'unit', unitId: room }, { kind: 'person', staffId: people.director }, { kind: 'person', staffId: people.centreHead }] });
  await decide({ number: '11/QĐ-UBND', awardCode: 'BK_TINH', basis: 'dot_xuat', recipients: [{ kind: 'person', staffId: people.clerk }] });
  await decide({ number: '12/QĐ-UBND', awardCode: 'CSTD_TINH', recipients: [{ kind: 'person', staffId: people.head }] });
  await decide({ number: '13/QĐ-UBND', awardCode: 'CO_THI_DUA_TINH', recipients: [{ kind: 'unit', unitId: centre }] });
  // State level: the Thủ tướng's Bằng khen (a person and a collective), a Huân chương, and another medal recorded by name
  await decide({ number: '1500/QĐ-TTg', awardCode: 'BK_TTG', basis: 'chuyen_de', recipients: [{ kind: 'person', staffId: people.driver }, { kind: 'unit', unitId: centre }] });
  await decide({ number: '20/QĐ-CTN', awardCode: 'HCLD_HANG_BA', recipients: [{ kind: 'person', staffId: people.director }] });
  await decide({ number: '21/QĐ-CTN', awardCode: null, otherForm: 'Huân chương Lao động hạng Nhì', recipients: [{ kind: 'unit', unitId: room }] });
  // a Kỷ niệm chương recorded by its name as another form: 0603's last column
  await decide({ number: '30/QĐ-BNV', awardCode: null, otherForm: 'Kỷ niệm chương Vì sự nghiệp Nội vụ', recipients: [{ kind: 'person', staffId: people.clerk }] });
  // cơ sở level and another year: not in these forms
  await decide({ number: '5/QĐ-SLĐTBXH', awardCode: 'GIAY_KHEN', recipients: [{ kind: 'person', staffId: people.clerk }] });
  await core.invoke('records.saveDecision', { data: { number: '9/QĐ-UBND', year: 2024, decisionDate: '20/12/2024', awardCode: 'BK_TINH', recipients: [{ kind: 'person', staffId: people.clerk }] } as never });
  // campaigns: yearly 2021–2025, a themed one starting 2025 (two years), one of a few months, one started 2024, a draft
  const campaign = (c: Record<string, unknown>) => core.invoke('campaigns.create', { status: 'da_ban_hanh', ...c } as never);
  await campaign({ name: 'Thi đua thường xuyên', kind: 'thuong_xuyen', yearFrom: 2021, yearTo: 2025 });
  await campaign({ name: 'Chung tay vì người nghèo', kind: 'chuyen_de', yearFrom: 2025, yearTo: 2026 });
  await campaign({ name: 'Đợt thi đua 100 ngày', kind: 'theo_dot', yearFrom: 2025, yearTo: 2025, startDate: '01/06/2025', endDate: '08/09/2025' });
  await campaign({ name: 'Chuyển đổi số', kind: 'chuyen_de', yearFrom: 2024, yearTo: 2025 });
  await campaign({ name: 'Nháp', kind: 'chuyen_de', yearFrom: 2025, yearTo: 2025, status: 'nhap' });
  return core;
}

describe('the year\'s statistics in the forms of TT 02/2023/TT-BNV', () => {
  it('counts campaigns, State-level and provincial awards by subject and kind, and names everyone counted', async () => {
    const core = await office();
    const file = await core.invoke('records.periodicStats', { year: 2025 });
    expect(file.fileName).toBe('bao-cao-thong-ke-tdkt-tt02-2025.xlsx');
    const wb = await readBook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['0601.N', '0602.N', '0603.N', 'Chi tiết', 'Ghi chú']);

    // 0601: 3 launched in 2025 (the yearly one, the themed one, the 100 days), by the office (a Sở: column 4)
    const c = wb.getWorksheet('0601.N')!;
    const head = sheetRows(c).slice(0, 6).flat();
    expect(head).toEqual(expect.arrayContaining(['Biểu số: 0601.N/BNV-TĐKT', `Đơn vị báo cáo: ${OFFICE.name}`, `Đơn vị nhận báo cáo: ${OFFICE.superiorName}`, 'SỐ PHONG TRÀO THI ĐUA', 'Năm 2025', 'Đơn vị tính: Phong trào']));
    const cr = byCode(c);
    expect(cr.get('01')).toEqual([3, 0, 0, 3]);
    expect(cr.get('02')).toEqual([0, 0, 0, 0]);
    expect(cr.get('04')).toEqual([]); // cụm, khối: not recorded, blank
    expect(cr.get('05')).toEqual([3, 0, 0, 3]);
    expect([cr.get('06')![0], cr.get('07')![0], cr.get('08')![0], cr.get('09')![0], cr.get('10')![0]]).toEqual([1, 0, 1, 0, 1]);
    expect([cr.get('11')![0], cr.get('12')![0]]).toEqual([2, 1]);

    // 0602: columns Huân chương Lao động hạng Ba | hạng Nhì (TT, CN each), …, BK TTg (TT, CN)
    const s = wb.getWorksheet('0602.N')!;
    const srows = sheetRows(s);
    const header = srows.slice(6, 11).flat();
    expect(header).toEqual(expect.arrayContaining(['Chia ra', 'Các loại huân chương, huy chương', 'Huân chương Lao động hạng Ba', 'Huân chương Lao động hạng Nhì', 'Bằng khen của Thủ tướng Chính phủ', 'Tập thể', 'Cá nhân']));
    const sr = byCode(s);
    // total 4: HCLĐ III (director), HCLĐ II (room), BK TTg (driver, centre); values: [HC3 TT, HC3 CN, HC2 TT, HC2 CN, GT HCM, GT NN, vinh dự TT, CN, Cờ CP, BK TTg TT, CN, CSTĐ TQ]
    expect(sr.get('01')).toEqual([4, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0]);
    expect(sr.get('03')![0]).toBe(4); // through the province
    expect(sr.get('02')![0]).toBe(0);
    expect(sr.get('06')![0]).toBe(2); // collectives
    expect(sr.get('07')).toEqual([]); // enterprises: blank
    expect(sr.get('09')![0]).toBe(2); // people
    expect([sr.get('10')![0], sr.get('11')![0], sr.get('13')![0], sr.get('14')![0]]).toEqual([0, 1, 0, 1]); // the director (vụ, sở), the driver (trực tiếp)
    expect([sr.get('15')![0], sr.get('16')![0], sr.get('17')![0]]).toEqual([2, 2, 0]);
    expect(sr.get('18')).toEqual([]);

    // 0603: Bằng khen 4 (room, director, centre head, clerk), CSTĐ tỉnh 1, Cờ 1, KNC 1 (the clerk)
    const p = byCode(wb.getWorksheet('0603.N')!);
    expect(p.get('01')).toEqual([7, 4, 1, 1, 1]);
    expect(p.get('02')).toEqual([2, 1, 0, 1, 0]);
    expect(p.get('05')).toEqual([5, 3, 1, 0, 1]);
    expect([p.get('06')![0], p.get('07')![0], p.get('09')![0], p.get('10')![0]]).toEqual([0, 1, 2, 2]); // director; head and centre head; clerk twice
    expect(p.get('08')).toEqual([]);
    expect([p.get('11')![0], p.get('12')![0], p.get('13')![0]]).toEqual([6, 0, 1]);
    // signed
    const tail = sheetRows(wb.getWorksheet('0603.N')!).flat();
    expect(tail).toEqual(expect.arrayContaining(['NGƯỜI LẬP BIỂU', 'GIÁM ĐỐC', OFFICE.headName]));
    expect(tail.some((v) => typeof v === 'string' && v.includes('chưa đối chiếu văn bản gốc'))).toBe(true);

    // who was counted, and as what
    const detail = sheetRows(wb.getWorksheet('Chi tiết')!).slice(5);
    expect(detail).toHaveLength(11);
    const row = (name: string, form: string) => detail.find((r) => r[1] === name && r[4] === form);
    expect(row('Nguyễn Văn Bình', 'Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng')?.slice(5)).toEqual(['0603', 'Lãnh đạo cấp vụ, sở, ngành và tương đương', 'Thường xuyên']);
    expect(row('Lê Văn Cường', 'Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng')?.[6]).toBe('Các cấp lãnh đạo khác từ phó phòng trở lên');
    expect(row('Phạm Thị Dung', 'Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng')?.slice(6)).toEqual([expect.stringContaining('Người trực tiếp'), 'Đột xuất']);
    expect(row('Trung tâm Dịch vụ việc làm', 'Bằng khen của Thủ tướng Chính phủ')?.slice(5, 7)).toEqual(['0602', 'Tập thể']);
    expect(detail.some((r) => r[4] === 'Giấy khen')).toBe(false);
  });

  it('a year with nothing recorded: zeros where the app records, blanks where it does not, and the detail says so', async () => {
    const core = await testCore({ today: '2026-01-10' });
    cores.push(core);
    const wb = await readBook(await core.invoke('records.periodicStats', { year: 2020 }));
    expect(byCode(wb.getWorksheet('0603.N')!).get('01')).toEqual([0, 0, 0, 0, 0]);
    expect(byCode(wb.getWorksheet('0601.N')!).get('01')).toEqual([0, 0, 0, 0]);
    expect(sheetRows(wb.getWorksheet('Chi tiết')!).flat()).toContain('Năm 2020 chưa có quyết định khen thưởng cấp Nhà nước hoặc cấp bộ, ngành, tỉnh nào được ghi.');
    const bad = await core.call('records.periodicStats', { year: 1800 } as never);
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });
});

describe('tdkt records periodic', () => {
  it('writes the workbook; usage errors say what to fix', async () => {
    const core = await office();
    cores.length = 0;
    const { run, out, err } = cliOn(core, 'records', 'periodic');
    const dir = tempDir();
    expect(await run(['--year', '2025', '--out', dir])).toBe(0);
    const target = path.join(dir, 'bao-cao-thong-ke-tdkt-tt02-2025.xlsx');
    expect(out).toEqual([`Đã xuất biểu thống kê (TT 02/2023/TT-BNV): ${target}`]);
    const wb = await readBook({ base64: fs.readFileSync(target).toString('base64') });
    expect(byCode(wb.getWorksheet('0603.N')!).get('01')![0]).toBe(7);
    expect(await run(['--out', dir])).toBe(2);
    expect(await run(['--year', '2025'])).toBe(2);
    expect(await run(['--year', 'hai', '--out', dir])).toBe(2);
    expect(err.join('\n')).toContain('Thiếu --year NĂM');
    expect(err.join('\n')).toContain('Thiếu --out ĐƯỜNG_DẪN');
    expect(err.join('\n')).toContain('--year "hai" không phải năm hợp lệ');
  });
});

describe('an individual\'s category by the position recorded', () => {
  it.each([
    ['Bộ trưởng', '', 'lanh_dao_bo_tinh'],
    ['Phó Chủ tịch UBND tỉnh', '', 'lanh_dao_bo_tinh'],
    ['Giám đốc Sở', '', 'lanh_dao_vu_so'],
    ['Phó Giám đốc', 'Ban Giám đốc', 'lanh_dao_vu_so'],
    ['Phó Vụ trưởng', '', 'lanh_dao_vu_so'],
    ['Giám đốc', 'Trung tâm Dịch vụ việc làm', 'lanh_dao_khac'],
    ['Phó Trưởng phòng', '', 'lanh_dao_khac'],
    ['Chánh Văn phòng', '', 'lanh_dao_khac'],
    ['Chủ tịch UBND xã', '', 'lanh_dao_khac'],
    ['Hiệu trưởng', '', 'lanh_dao_khac'],
    ['Kế toán trưởng', '', 'truc_tiep'],
    ['Tổ trưởng tổ văn thư', '', 'truc_tiep'],
    ['Chuyên viên chính', '', 'truc_tiep'],
    ['Trưởng thôn', '', 'truc_tiep'],
    ['', '', 'truc_tiep'],
  ])('%s (%s) → %s', (position, unit, expected) => {
    expect(personCategory(position, unit)).toBe(expected);
  });
});
