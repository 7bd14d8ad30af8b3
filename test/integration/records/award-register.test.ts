// The register of awards (records.decisionsExport): everyone named by the decisions the Quyết
// định tab shows, a group per form in level order, with position, unit, the decision and the
// cash amount; the year and the search filter it; signed.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { OFFICE, testCore } from '../../support/core';
import { REGISTER_MAX_ROWS, checkRegisterSize } from '../../../electron/services/records/award-register';
import { readBook, sheetRows } from '../../support/xlsx';
import { cliOn } from '../../support/cli';
import { tempDir } from '../../support/tmp';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function office() {
  const core = await testCore({ today: '2026-01-10' });
  cores.push(core);
  const room = (await core.invoke('units.create', { name: 'Phòng Lao động - Việc làm' })).id;
  const centre = (await core.invoke('units.create', { name: 'Trung tâm Dịch vụ việc làm' })).id;
  const person = async (fullName: string, position: string) => (await core.invoke('staff.create', { fullName, unitId: room, position } as never)).id;
  const an = await person('Nguyễn Văn An', 'Trưởng phòng');
  const binh = await person('Trần Thị Bình', 'Chuyên viên');
  const decide = (data: Record<string, unknown>) => core.invoke('records.saveDecision', { data: { year: 2025, ...data } as never });
  await decide({ number: '15/QĐ-SLĐTBXH', decisionDate: '05/01/2026', awardCode: 'GIAY_KHEN', cashAmount: 351000, recipients: [{ kind: 'person', staffId: binh }, { kind: 'unit', unitId: centre }, { kind: 'person', staffId: an, cashAmount: 500000 }] });
  await decide({ number: '200/QĐ-UBND', decisionDate: '20/12/2025', issuer: 'UBND tỉnh Lào Cai', awardCode: 'BK_TINH', basis: 'dot_xuat', recipients: [{ kind: 'person', staffId: an }] });
  await decide({ number: '7/QĐ-BNV', decisionDate: '10/11/2025', awardCode: null, otherForm: 'Kỷ niệm chương Vì sự nghiệp Nội vụ', recipients: [{ kind: 'person', staffId: binh }] });
  await core.invoke('records.saveDecision', { data: { number: '3/QĐ-SLĐTBXH', year: 2024, decisionDate: '05/01/2025', awardCode: 'GIAY_KHEN', recipients: [{ kind: 'person', staffId: an }] } as never });
  return core;
}

describe('the register of awards', () => {
  it('lists everyone the year\'s decisions award, a group per form by level, signed', async () => {
    const core = await office();
    const file = await core.invoke('records.decisionsExport', { year: 2025, search: '' });
    expect(file.fileName).toBe('danh-sach-khen-thuong-2025.xlsx');
    const ws = (await readBook(file)).getWorksheet('Danh sách khen thưởng')!;
    const rows = sheetRows(ws);
    expect(rows[3]).toEqual(['DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG NĂM 2025']);
    expect(rows[5]).toEqual(['Tổng số 5 lượt khen thưởng: 4 cá nhân, 1 tập thể, theo 3 quyết định.']);
    const body = rows.slice(7, 14);
    const date = (s: string) => new Date(`${s}T00:00:00.000Z`);
    expect(body).toEqual([
      ['I', 'Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng (1 cá nhân)'],
      [1, 'Nguyễn Văn An', 'Trưởng phòng', 'Phòng Lao động - Việc làm', '200/QĐ-UBND', date('2025-12-20'), 'UBND tỉnh Lào Cai', 'Đột xuất'],
      ['II', 'Giấy khen (2 cá nhân, 1 tập thể)'],
      [1, 'Trần Thị Bình', 'Chuyên viên', 'Phòng Lao động - Việc làm', '15/QĐ-SLĐTBXH', date('2026-01-05'), '', 'Thường xuyên', 351000],
      [2, 'Trung tâm Dịch vụ việc làm', 'Tập thể', '', '15/QĐ-SLĐTBXH', date('2026-01-05'), '', 'Thường xuyên', 351000],
      [3, 'Nguyễn Văn An', 'Trưởng phòng', 'Phòng Lao động - Việc làm', '15/QĐ-SLĐTBXH', date('2026-01-05'), '', 'Thường xuyên', 500000],
      ['III', 'Kỷ niệm chương Vì sự nghiệp Nội vụ (1 cá nhân)'],
    ]);
    expect([ws.getCell('I11').value, ws.getCell('I11').numFmt]).toEqual([351000, '#,##0']);
    const all = rows.flat();
    expect(all).toEqual(expect.arrayContaining(['NGƯỜI LẬP BIỂU', 'GIÁM ĐỐC', OFFICE.headName]));
  });

  it('follows the tab\'s filters: every year with a year column, a search by number; nothing found says so', async () => {
    const core = await office();
    const every = sheetRows((await readBook(await core.invoke('records.decisionsExport', { year: null, search: '' }))).getWorksheet('Danh sách khen thưởng')!);
    expect(every[3]).toEqual(['DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG']);
    expect(every[6]).toContain('Năm');
    expect(every.flat()).toContain('3/QĐ-SLĐTBXH');
    const one = sheetRows((await readBook(await core.invoke('records.decisionsExport', { year: 2025, search: '200' }))).getWorksheet('Danh sách khen thưởng')!);
    expect(one[4]).toEqual([`${OFFICE.name}; quyết định tìm theo “200”`]);
    expect(one[5]).toEqual(['Tổng số 1 lượt khen thưởng: 1 cá nhân, 0 tập thể, theo 1 quyết định.']);
    const none = sheetRows((await readBook(await core.invoke('records.decisionsExport', { year: 2019, search: '' }))).getWorksheet('Danh sách khen thưởng')!);
    expect(none.flat()).toContain('Không có quyết định khen thưởng nào khớp bộ lọc đã chọn.');
  });

  it('the CLI writes it: tdkt records decisions', async () => {
    const core = await office();
    cores.length = 0;
    const { run, out, err } = cliOn(core, 'records', 'decisions');
    const dir = tempDir();
    expect(await run(['--year', '2025', '--search', 'qd-ubnd', '--out', dir])).toBe(0);
    const target = path.join(dir, 'danh-sach-khen-thuong-2025.xlsx');
    expect(out).toEqual([`Đã xuất danh sách khen thưởng: ${target}`]);
    const rows = sheetRows((await readBook({ base64: fs.readFileSync(target).toString('base64') })).getWorksheet('Danh sách khen thưởng')!);
    expect(rows[5]).toEqual(['Tổng số 1 lượt khen thưởng: 1 cá nhân, 0 tập thể, theo 1 quyết định.']);
    expect(await run(['--year', '2025'])).toBe(2);
    expect(err.join('\n')).toContain('Thiếu --out ĐƯỜNG_DẪN');
  });

  it('refuses a register too long for one file, saying how to narrow it', () => {
    expect(() => checkRegisterSize(REGISTER_MAX_ROWS, null)).not.toThrow();
    expect(() => checkRegisterSize(231_994, null)).toThrow('Các quyết định đang hiện khen thưởng 231.994 lượt — quá dài cho một danh sách (tối đa 60.000 dòng). Hãy chọn một năm rồi xuất lại.');
    expect(() => checkRegisterSize(70_000, 2025)).toThrow('Hãy tìm theo số quyết định rồi xuất lại.');
  });
});
