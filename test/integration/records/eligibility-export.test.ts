// The checker's result as a workbook for the council's meeting, read back with exceljs: the
// summary's counts are the check's, each award's sheet lists exactly those đủ and gần đủ điều
// kiện (đủ first) with what they lack and its basis, the screen's filters narrow it, and the
// CLI writes it.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { AWARD_CATALOG, type AwardCode } from '../../../shared/awards';
import type { EligibilityView } from '../../../shared/contract/records';
import type { Core } from '../../../electron/core/core';
import { cliOn } from '../../support/cli';
import { GOOD_ROWS, historyWorkbook } from '../../fixtures/records/office-history';
import { tempDir } from '../../support/tmp';
import { readBook } from '../../support/xlsx';
import { b64, historyOffice } from './helpers';

const YEAR = 2024;
const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function importedOffice() {
  const office = await historyOffice('2025-03-01');
  cores.push(office.core);
  await office.core.invoke('office.save', {
    name: 'Sở Nội vụ',
    abbreviation: 'SNV',
    levelCode: 'so_nganh',
    parentAgency: 'UBND tỉnh Lào Cai',
    placeName: 'Lào Cai',
    headTitle: 'Giám đốc',
    headName: 'Nguyễn Văn Bình',
  });
  await office.core.invoke('records.importApply', { fileName: 'x.xlsx', fileBase64: b64(await historyWorkbook(GOOD_ROWS)) });
  return office;
}


/** Text of a cell ('' when empty or merged into another). */
function text(ws: ExcelJS.Worksheet, r: number, c: number): string {
  const cell = ws.getCell(r, c);
  const v = cell.isMerged && cell.master !== cell ? null : cell.value;
  return v === null || v === undefined ? '' : String(v);
}

/** A list sheet's rows under its header (row 6), as objects keyed by the header's titles. */
function listRows(ws: ExcelJS.Worksheet): Array<Record<string, string>> {
  const head: string[] = [];
  for (let c = 1; text(ws, 6, c); c++) head.push(text(ws, 6, c));
  const out: Array<Record<string, string>> = [];
  for (let r = 7; text(ws, r, 1); r++) out.push(Object.fromEntries(head.map((h, k) => [h, text(ws, r, k + 1)])));
  return out;
}

/** Per award: the subjects' names with each verdict, from the check's answer. */
function expected(view: EligibilityView, code: AwardCode) {
  const out = { du_dieu_kien: [] as string[], gan_du: [] as string[], missing: new Map<string, string[]>() };
  for (const s of [...view.people, ...view.units]) {
    for (const i of s.candidates) {
      const c = view.candidates[i]!;
      if (c.code !== code || c.verdict === 'chua_du') continue;
      out[c.verdict].push(s.name);
      if (c.verdict === 'gan_du') out.missing.set(s.name, c.items.map((k) => view.items[k]!).filter((it) => !it.passed).map((it) => it.missing ?? it.message));
    }
  }
  return out;
}

describe('eligibility.export', () => {
  it('lists, per award, those đủ and gần đủ điều kiện as the check judged them, with the summary, what is missing and the signatures', async () => {
    const { core } = await importedOffice();
    const view = await core.invoke('eligibility.check', { year: YEAR });
    const file = await core.invoke('eligibility.export', { year: YEAR });
    expect(file.fileName).toBe('kiem-tra-dieu-kien-khen-thuong-2024.xlsx');
    const wb = await readBook(file);

    const sum = wb.getWorksheet('Tổng hợp')!;
    expect(text(sum, 1, 1)).toBe('UBND TỈNH LÀO CAI');
    expect(text(sum, 2, 1)).toBe('SỞ NỘI VỤ');
    expect(text(sum, 4, 1)).toBe('KẾT QUẢ KIỂM TRA ĐIỀU KIỆN THI ĐUA, KHEN THƯỞNG NĂM 2024');
    const all: string[][] = [];
    for (let r = 1; r <= sum.rowCount; r++) all.push([1, 2, 3, 4, 5, 6, 7].map((c) => text(sum, r, c)));
    // each award's row: name, who, đủ, gần đủ, chưa đủ, total — the check's counts
    const codes = [...view.codes.individual, ...view.codes.collective];
    expect(codes.length).toBeGreaterThan(4);
    for (const code of codes) {
      const row = all.find((r) => r[1] === AWARD_CATALOG[code].name)!;
      const c = view.counts[code]!;
      expect(row.slice(3).map(Number)).toEqual([c.du_dieu_kien, c.gan_du, c.chua_du, c.du_dieu_kien + c.gan_du + c.chua_du]);
    }
    expect(all.some((r) => r[0]!.startsWith('Quy định áp dụng: ') && r[0]!.includes(view.ruleSet.name))).toBe(true);
    expect(all.some((r) => r.includes('NGƯỜI LẬP BIỂU') && r.includes('GIÁM ĐỐC'))).toBe(true);
    expect(all.some((r) => r.includes('Nguyễn Văn Bình'))).toBe(true);
    expect(all.some((r) => r.some((t) => t === 'Lào Cai, ngày 01 tháng 3 năm 2025'))).toBe(true);

    // a sheet for each award someone qualifies or nearly qualifies for, and for no other
    const listed = codes.filter((c) => view.counts[c]!.du_dieu_kien + view.counts[c]!.gan_du > 0);
    expect(listed.length).toBeGreaterThan(1);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', ...listed.map((c) => AWARD_CATALOG[c].shortName)]);
    let nearChecked = 0;
    for (const code of listed) {
      const ws = wb.getWorksheet(AWARD_CATALOG[code].shortName)!;
      expect(text(ws, 4, 1)).toContain(`${AWARD_CATALOG[code].name.toLocaleUpperCase('vi')}${AWARD_CATALOG[code].kind === 'title' ? '”' : ''} NĂM 2024`);
      const rows = listRows(ws);
      const want = expected(view, code);
      const name = view.codes.individual.includes(code) ? 'Họ và tên' : 'Tên tập thể';
      expect(rows.map((r) => r.STT)).toEqual(rows.map((_, i) => String(i + 1)));
      // đủ first, then gần đủ; the same people as the check
      const du = rows.filter((r) => r['Kết quả'] === 'Đủ điều kiện');
      const gan = rows.filter((r) => r['Kết quả'] === 'Gần đủ');
      expect(du.length + gan.length).toBe(rows.length);
      expect(rows.slice(0, du.length)).toEqual(du);
      expect(du.map((r) => r[name]).sort()).toEqual(want.du_dieu_kien.sort());
      expect(gan.map((r) => r[name]).sort()).toEqual(want.gan_du.sort());
      for (const r of du) expect(r['Còn thiếu']).toBe('');
      for (const r of gan) {
        expect(r['Còn thiếu']).toBe(want.missing.get(r[name]!)!.map((m) => `- ${m}`).join('\n'));
        expect(r['Căn cứ']).not.toBe('');
        nearChecked++;
      }
    }
    expect(nearChecked).toBeGreaterThan(0);
  });

  it('follows the screen filters: one kind, a unit, a verdict, an award, a name', async () => {
    const { core, units } = await importedOffice();
    const view = await core.invoke('eligibility.check', { year: YEAR });
    const people = view.people.filter((p) => p.unitId === units.vp);
    const ldtt = people.filter((p) => p.candidates.some((i) => view.candidates[i]!.code === 'LDTT' && view.candidates[i]!.verdict === 'du_dieu_kien'));
    expect(ldtt.length).toBeGreaterThan(0);
    expect(ldtt.length).toBeLessThan(view.people.filter((p) => p.candidates.some((i) => view.candidates[i]!.code === 'LDTT' && view.candidates[i]!.verdict === 'du_dieu_kien')).length);

    const wb = await readBook(await core.invoke('eligibility.export', { year: YEAR, kind: 'individual', inUnit: units.vp, verdict: 'du_dieu_kien', code: 'LDTT' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'LĐTT']);
    const ws = wb.getWorksheet('LĐTT')!;
    expect(text(ws, 4, 1)).toBe('DANH SÁCH CÁ NHÂN ĐỦ ĐIỀU KIỆN XÉT TẶNG DANH HIỆU “LAO ĐỘNG TIÊN TIẾN” NĂM 2024');
    expect(text(ws, 5, 1)).toContain('Lọc: đơn vị Văn phòng Sở');
    const rows = listRows(ws);
    expect(rows.map((r) => r['Họ và tên']).sort()).toEqual(ldtt.map((p) => p.name).sort());
    expect(new Set(rows.map((r) => r['Đơn vị']))).toEqual(new Set(['Văn phòng Sở']));
    // birth dates as dd/mm/yyyy
    expect(rows.every((r) => /^(\d\d\/\d\d\/\d{4})?$/.test(r['Ngày sinh']!))).toBe(true);
    expect(rows.some((r) => r['Ngày sinh'])).toBe(true);
    // the summary counts the people listed, for that award only
    const sum = wb.getWorksheet('Tổng hợp')!;
    const awards: string[] = [];
    for (let r = 1; r <= sum.rowCount; r++) if (/^\d+$/.test(text(sum, r, 1))) awards.push(text(sum, r, 2));
    expect(awards).toEqual(['Lao động tiên tiến']);

    // collectives only
    const units2 = await readBook(await core.invoke('eligibility.export', { year: YEAR, kind: 'collective' }));
    for (const w of units2.worksheets.slice(1)) expect(text(w, 6, 2)).toBe('Tên tập thể');

    // a name search that finds no one: the summary says so and lists no award
    const none = await readBook(await core.invoke('eligibility.export', { year: YEAR, search: 'khong ai co ten nay' }));
    expect(none.worksheets.map((w) => w.name)).toEqual(['Tổng hợp']);
    const lines: string[] = [];
    for (let r = 1; r <= none.getWorksheet('Tổng hợp')!.rowCount; r++) lines.push(text(none.getWorksheet('Tổng hợp')!, r, 1));
    expect(lines).toContain('Không có cá nhân, tập thể nào khớp bộ lọc đã chọn.');
    expect(lines).toContain('Lọc: tên có “khong ai co ten nay”');
  });

  it('names a quota warning’s unit by its path where another unit has its name', async () => {
    const { core, units } = await importedOffice();
    // the office's "Văn phòng Sở" moved under a new "Khối văn phòng", and another one at the top;
    // a quota of 1 % puts any unit with a CSTĐCS over it
    const block = (await core.invoke('units.create', { name: 'Khối văn phòng' })).id;
    await core.invoke('units.move', { id: units.vp, parentId: block });
    await core.invoke('units.create', { name: 'Văn phòng Sở' });
    const settings = await core.invoke('awards.getSettings');
    await core.invoke('awards.saveSettings', { ...settings, provincial: { ...settings.provincial, cstdcsQuotaPercent: 1 } });
    const view = await core.invoke('eligibility.check', { year: YEAR });
    const quota = view.warnings.filter((w) => w.code === 'cstdcs_quota');
    const vp = quota.find((w) => w.unitId === units.vp)!;
    expect(vp.message.startsWith('Văn phòng Sở: ')).toBe(true);
    const sum = (await readBook(await core.invoke('eligibility.export', { year: YEAR }))).getWorksheet('Tổng hợp')!;
    const lines: string[] = [];
    for (let r = 1; r <= sum.rowCount; r++) lines.push(text(sum, r, 1));
    const listed = lines.filter((l) => l.includes('đủ điều kiện CSTĐCS'));
    expect(listed.length).toBe(quota.length);
    expect(listed).toContain(`- Khối văn phòng › Văn phòng Sở${vp.message.slice('Văn phòng Sở'.length)} (${vp.basis}${vp.verified ? '' : ', chưa xác minh'})`);
  });

  it('tdkt eligibility --out writes the workbook; --award narrows it; wrong use says what to fix', async () => {
    const { core } = await importedOffice();
    cores.length = 0;
    const { run, out, err } = cliOn(core, 'eligibility');
    const dir = tempDir();
    expect(await run(['--year', '2024', '--out', dir])).toBe(0);
    const file = path.join(dir, 'kiem-tra-dieu-kien-khen-thuong-2024.xlsx');
    expect(out.join('\n')).toContain(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(2);

    const one = path.join(dir, 'cstdcs.xlsx');
    expect(await run(['--year', '2024', '--award', 'cstdcs', '--out', one])).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(fs.readFileSync(one) as unknown as ArrayBuffer);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'CSTĐCS']);

    expect(await run(['--year', '2024', '--award', 'XYZ', '--out', dir])).toBe(2);
    expect(err.join('\n')).toContain('--award "XYZ" không phải mã danh hiệu');
    expect(await run(['--year', '2024', '--award', 'LDTT'])).toBe(2);
    expect(err.join('\n')).toContain('--award chỉ dùng khi xuất tệp Excel');
  });
});
