// The record lists' workbooks, read back with exceljs. "Danh sách đăng ký thi đua"
// (records.registrationsExport): a group per title in catalogue order, people in Vietnamese name
// order with their units, the result of each registration, the screen's filters, and the office's
// place, date and head. "Danh sách sáng kiến, đề tài" (records.initiativesExport): a group per
// reach, widest first, with the decision and its date.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { runCli } from '../../../electron/cli/tdkt';
import { cliOn } from '../../support/cli';
import { testCore } from '../../support/core';
import { tempDir } from '../../support/tmp';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function office() {
  const core = await testCore({ today: '2026-03-10' });
  cores.push(core);
  const vp = (await core.invoke('units.create', { name: 'Văn phòng Sở' })).id;
  const ncc = (await core.invoke('units.create', { name: 'Phòng Người có công' })).id;
  const person = async (fullName: string, unitId: string) => (await core.invoke('staff.create', { fullName, unitId })).id;
  const an = await person('Nguyễn Văn An', vp);
  const binh = await person('Trần Thị Bình', ncc);
  const cuong = await person('Lê Văn Cường', vp);
  const register = (data: Record<string, unknown>) => core.invoke('records.saveRegistration', { data: { year: 2025, ...data } as never });
  await register({ kind: 'person', staffId: an, awardCode: 'CSTDCS', note: 'Có sáng kiến' });
  await register({ kind: 'person', staffId: binh, awardCode: 'LDTT' });
  await register({ kind: 'person', staffId: cuong, awardCode: 'LDTT' });
  await register({ kind: 'person', staffId: an, awardCode: 'LDTT' });
  await register({ kind: 'unit', unitId: ncc, awardCode: 'TT_LDTT' });
  await register({ kind: 'person', staffId: an, awardCode: 'LDTT', year: 2024 });
  // Bình's LĐTT of 2025 is decided: that registration is earned
  await core.invoke('records.saveDecision', {
    data: { number: '15/QĐ-SNV', year: 2025, decisionDate: '20/12/2025', awardCode: 'LDTT', recipients: [{ kind: 'person', staffId: binh }] } as never,
  });
  return { core, vp, ncc, an, binh };
}

async function sheetOf(file: { base64: string }, name = 'Đăng ký thi đua') {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name)!;
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  // a merged range gives its text in each of its cells: once is enough
  return { ws, rows, text: rows.map((r) => r.filter((v, i) => v && v !== r[i - 1]).join(' | ')) };
}

describe('registrations list as a workbook', () => {
  it('groups the year\'s registrations by title, people by name, with unit, result and note, and signs it', async () => {
    const { core } = await office();
    const file = await core.invoke('records.registrationsExport', { year: 2025 });
    expect(file.fileName).toBe('dang-ky-thi-dua-2025.xlsx');
    const { ws, text } = await sheetOf(file);
    expect(text).toContain('DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2025');
    expect(text).toContain('Tổng số 5 lượt đăng ký; đã đạt 1 (có quyết định công nhận, khen thưởng của năm đăng ký).');
    expect(text).toContain('STT | Họ và tên / Tên tập thể | Đơn vị | Năm | Kết quả | Ghi chú');
    const body = text.slice(text.indexOf('STT | Họ và tên / Tên tập thể | Đơn vị | Năm | Kết quả | Ghi chú') + 1);
    expect(body.slice(0, 9)).toEqual([
      'I | Lao động tiên tiến (3 cá nhân)',
      '1 | Trần Thị Bình | Phòng Người có công | 2025 | Đã đạt',
      '2 | Nguyễn Văn An | Văn phòng Sở | 2025 | Chưa có quyết định',
      '3 | Lê Văn Cường | Văn phòng Sở | 2025 | Chưa có quyết định',
      'II | Chiến sĩ thi đua cơ sở (1 cá nhân)',
      '1 | Nguyễn Văn An | Văn phòng Sở | 2025 | Chưa có quyết định | Có sáng kiến',
      'III | Tập thể lao động tiên tiến (1 tập thể)',
      '1 | Phòng Người có công | 2025 | Chưa có quyết định',
      expect.stringMatching(/^Lào Cai, ngày 10 tháng 3 năm 2026/),
    ]);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '7:7' });
    expect(text.some((t) => t.includes('NGƯỜI LẬP BIỂU'))).toBe(true);
  });

  it('follows the screen\'s filters: a unit, a name, every year', async () => {
    const { core, vp } = await office();
    const inVp = await sheetOf(await core.invoke('records.registrationsExport', { year: 2025, unitId: vp }));
    expect(inVp.text).toContain('Văn phòng Sở');
    expect(inVp.text.filter((t) => /^\d+ \| /.test(t)).map((t) => t.split(' | ')[1])).toEqual(['Nguyễn Văn An', 'Lê Văn Cường', 'Nguyễn Văn An']);

    const named = await sheetOf(await core.invoke('records.registrationsExport', { year: 2025, search: 'binh' }));
    expect(named.text.some((t) => t.includes('tên có “binh”'))).toBe(true);
    expect(named.text.filter((t) => /^\d+ \| /.test(t))).toEqual(['1 | Trần Thị Bình | Phòng Người có công | 2025 | Đã đạt']);

    const every = await core.invoke('records.registrationsExport', { year: null });
    expect(every.fileName).toBe('dang-ky-thi-dua.xlsx');
    const all = await sheetOf(every);
    expect(all.text).toContain('DANH SÁCH ĐĂNG KÝ THI ĐUA');
    // several years: each group names its year, the latest first
    expect(all.text.filter((t) => /^[IVX]+ \| /.test(t))).toEqual([
      'I | Lao động tiên tiến — năm 2025 (3 cá nhân)',
      'II | Chiến sĩ thi đua cơ sở — năm 2025 (1 cá nhân)',
      'III | Tập thể lao động tiên tiến — năm 2025 (1 tập thể)',
      'IV | Lao động tiên tiến — năm 2024 (1 cá nhân)',
    ]);

    const none = await sheetOf(await core.invoke('records.registrationsExport', { year: 2019 }));
    expect(none.text).toContain('Không có đăng ký thi đua nào khớp bộ lọc đã chọn.');
  });

  it('the CLI writes it: tdkt records registrations', async () => {
    const { core } = await office();
    cores.length = 0;
    const { run, out, err, dbPath } = cliOn(core, 'records', 'registrations');
    const dir = tempDir();
    expect(await run(['--year', '2025', '--out', dir])).toBe(0);
    const target = path.join(dir, 'dang-ky-thi-dua-2025.xlsx');
    expect(out).toEqual([`Đã xuất danh sách đăng ký thi đua: ${target}`]);
    const { text } = await sheetOf({ base64: fs.readFileSync(target).toString('base64') });
    expect(text).toContain('I | Lao động tiên tiến (3 cá nhân)');
    // the initiatives the same way (none recorded here: the list says so)
    expect(await runCli(['--db', dbPath, 'records', 'initiatives', '--out', dir], { out: (s) => out.push(s), err: (s) => err.push(s) })).toBe(0);
    expect(out[1]).toBe(`Đã xuất danh sách sáng kiến, đề tài: ${path.join(dir, 'sang-kien-de-tai.xlsx')}`);
    expect((await sheetOf({ base64: fs.readFileSync(path.join(dir, 'sang-kien-de-tai.xlsx')).toString('base64') }, 'Sáng kiến, đề tài')).text).toContain(
      'Không có sáng kiến, đề tài nào khớp bộ lọc đã chọn.',
    );
    // usage errors say what to fix
    expect(await run(['--year', '20x5', '--out', dir])).toBe(2);
    expect(await run(['--year', '2025'])).toBe(2);
    expect(err.join('\n')).toContain('--year "20x5" không phải năm hợp lệ');
    expect(err.join('\n')).toContain('Thiếu --out ĐƯỜNG_DẪN');
  });

  it('lists the initiatives recognised, widest reach first, with the decision and its date', async () => {
    const { core, an, binh } = await office();
    const save = (data: Record<string, unknown>) => core.invoke('records.saveInitiative', { id: null, data: { year: 2025, ...data } as never });
    await save({ staffId: an, title: 'Số hóa hồ sơ người có công', scope: 'co_so', recognizingBody: 'Sở Nội vụ', decisionNo: '45/QĐ-SNV', recognizedOn: '15/12/2025' });
    await save({ staffId: binh, title: 'Quy trình một cửa liên thông', scope: 'tinh', kind: 'giai_phap', recognizingBody: 'UBND tỉnh Lào Cai', decisionNo: '1200/QĐ-UBND', recognizedOn: '20/11/2025' });
    await save({ staffId: binh, title: 'Đề tài cũ', scope: 'co_so', kind: 'de_tai', year: 2023 });
    const file = await core.invoke('records.initiativesExport', { year: 2025 });
    expect(file.fileName).toBe('sang-kien-de-tai-2025.xlsx');
    const { ws, text } = await sheetOf(file, 'Sáng kiến, đề tài');
    expect(text).toContain('DANH SÁCH SÁNG KIẾN, ĐỀ TÀI ĐƯỢC CÔNG NHẬN NĂM 2025');
    expect(text).toContain('Tổng số 2 sáng kiến, đề tài: 1 cấp tỉnh, 1 cấp cơ sở.');
    const groups = text.filter((t) => /^[IVX]+ \| /.test(t));
    expect(groups).toEqual(['I | Phạm vi ảnh hưởng cấp tỉnh (1)', 'II | Phạm vi ảnh hưởng cấp cơ sở (1)']);
    const first = text.indexOf(groups[0]!) + 1;
    expect(text[first]).toMatch(/^1 \| Trần Thị Bình \| Phòng Người có công \| Quy trình một cửa liên thông \| Giải pháp \| UBND tỉnh Lào Cai \| 1200\/QĐ-UBND \| .+ \| 2025$/);
    // the date is a date, shown dd/mm/yyyy
    const row = ws.getRow(ws.getColumn(2).values.indexOf('Trần Thị Bình'));
    const date = row.getCell(8);
    expect(date.value).toEqual(new Date(Date.UTC(2025, 10, 20)));
    expect(date.numFmt).toBe('dd/mm/yyyy');
    // the centred cells beside it share a style object that the date's format must not reach
    expect([row.getCell(1).numFmt ?? '', row.getCell(9).numFmt ?? '']).not.toContain('dd/mm/yyyy');
    expect(text.some((t) => t.includes('NGƯỜI LẬP BIỂU'))).toBe(true);
  });
});
