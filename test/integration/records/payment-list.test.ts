// The list the accountant pays a decision's cash awards from (records.paymentList), read back
// from the workbook: the decision it goes with, the recipients in the decision's order with
// their amounts (their own, else the decision's for each), the total as a formula and in words,
// and three signatures.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { OFFICE } from '../../support/core';
import { decisionOffice } from './helpers';
import { readBook, sheetRows } from '../../support/xlsx';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

const sheetOf = async (file: { base64: string }) => (await readBook(file)).worksheets[0]!;
const rowsOf = sheetRows;

const office = () => decisionOffice(cores);

describe('payment list of a decision', () => {
  it('amounts by recipient in the decision\'s order, the total as a formula and in words, three signatures', async () => {
    const { core, an, binh, ncc } = await office();
    const d = await core.invoke('records.saveDecision', {
      data: {
        number: '15/QĐ-SLĐTBXH',
        year: 2025,
        decisionDate: '20/12/2025',
        awardCode: 'GIAY_KHEN',
        cashAmount: 702000,
        recipients: [{ kind: 'unit', unitId: ncc, cashAmount: 1404000 }, { kind: 'person', staffId: an }, { kind: 'person', staffId: binh, cashAmount: 936000 }],
      } as never,
    });
    const file = await core.invoke('records.paymentList', { id: d.id });
    expect(file.fileName).toBe('chi-thuong-15-QD-SLDTBXH.xlsx');
    const ws = await sheetOf(file);
    const rows = rowsOf(ws);
    expect(rows[1]).toEqual([OFFICE.name.toLocaleUpperCase('vi')]);
    expect(rows[3]).toEqual(['DANH SÁCH CHI TIỀN THƯỞNG']);
    expect(rows[4]).toEqual([`(Kèm theo Quyết định số 15/QĐ-SLĐTBXH ngày 20/12/2025 của Giám đốc ${OFFICE.name} về việc tặng Giấy khen)`]);
    expect(rows.slice(6, 10)).toEqual([
      ['STT', 'Họ và tên / Tên tập thể', 'Đơn vị', 'Số tiền (đồng)', 'Ký nhận', 'Ghi chú'],
      // people by unit ("Phòng Người có công" first), then collectives
      [1, 'Trần Thị Bình', 'Phòng Người có công', 936000],
      [2, 'Nguyễn Văn An', 'Văn phòng Sở', 702000],
      [3, 'Tập thể Phòng Người có công', '', 1404000],
    ]);
    const total = ws.getRow(11);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect(total.getCell(4).value).toEqual({ formula: 'SUM(D8:D10)', result: 3042000 });
    expect(ws.getRow(8).getCell(4).numFmt).toBe('#,##0');
    const flat = rows.flat();
    expect(flat).toContain('Số tiền bằng chữ: Ba triệu không trăm bốn mươi hai nghìn đồng.');
    expect(flat).toEqual(expect.arrayContaining(['NGƯỜI LẬP BIỂU', 'KẾ TOÁN TRƯỞNG', 'GIÁM ĐỐC', OFFICE.headName, `${OFFICE.placeName}, ngày 05 tháng 01 năm 2026`]));
    // the sheet prints on A4 with its header row on every page
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe('7:7');
  });

  it('says what to record when there is nothing to pay; someone without an amount is marked', async () => {
    const { core, an, binh } = await office();
    const none = await core.invoke('records.saveDecision', { data: { number: '1/QĐ', year: 2025, awardCode: 'LDTT', recipients: [{ kind: 'person', staffId: an }] } as never });
    const r = await core.call('records.paymentList', { id: none.id });
    expect(!r.ok && r.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Quyết định chưa ghi tiền thưởng. Nhập “Tiền thưởng mỗi người”') });
    // the rules' amount on its date (no date: the year's end), where the catalogue records one
    expect(!r.ok && r.error.message).toContain('Mức theo quy định ở ngày quyết định: 710.000 đ/người — trong quyết định bấm “Điền mức này”.');
    const older = await core.invoke('records.saveDecision', { data: { number: '4/QĐ', year: 2024, decisionDate: '20/12/2024', awardCode: 'LDTT', recipients: [{ kind: 'person', staffId: an }] } as never });
    const o = await core.call('records.paymentList', { id: older.id });
    expect(!o.ok && o.error.message).not.toContain('Mức theo quy định');
    const empty = await core.invoke('records.saveDecision', { data: { number: '2/QĐ', year: 2025, awardCode: 'LDTT', recipients: [] } as never });
    const e = await core.call('records.paymentList', { id: empty.id });
    expect(!e.ok && e.error.message).toContain('chưa có cá nhân, tập thể nào được khen');

    const part = await core.invoke('records.saveDecision', {
      data: { number: '3/QĐ', year: 2025, awardCode: 'LDTT', recipients: [{ kind: 'person', staffId: an, cashAmount: 500000 }, { kind: 'person', staffId: binh }] } as never,
    });
    const rows = rowsOf(await sheetOf(await core.invoke('records.paymentList', { id: part.id })));
    expect(rows.slice(7, 9)).toEqual([
      [1, 'Trần Thị Bình', 'Phòng Người có công', '', '', 'Chưa ghi mức thưởng'],
      [2, 'Nguyễn Văn An', 'Văn phòng Sở', 500000],
    ]);
    expect(rows.flat()).toContain('Số tiền bằng chữ: Năm trăm nghìn đồng.');
  });

  it('a lương cơ sở the office entered: validated, kept with the settings, and what the refusal names from its day', async () => {
    const { core, an } = await office();
    const s = await core.invoke('awards.getSettings');
    expect(s.baseSalaries).toEqual([]);
    const refuse = async (baseSalaries: unknown) => {
      const r = await core.call('awards.saveSettings', { ...s, baseSalaries } as never);
      return !r.ok && r.error.message;
    };
    // what to fix, in Vietnamese; nothing stored meanwhile
    expect(await refuse([{ from: '01/07/2026', amount: 0, basis: 'NĐ 1/2026/NĐ-CP' }])).toContain('Mức lương cơ sở: nhập số đồng một tháng, từ 1.000.000 đến 50.000.000');
    expect(await refuse([{ from: '31/02/2026', amount: 2530000, basis: 'NĐ 1/2026/NĐ-CP' }])).toContain('Ngày áp dụng mức lương cơ sở: "31/02/2026" không phải ngày hợp lệ');
    expect(await refuse([{ from: '', amount: 2530000, basis: 'NĐ 1/2026/NĐ-CP' }])).toContain('Ngày áp dụng mức lương cơ sở: cần nhập ngày (dd/mm/yyyy).');
    expect(await refuse([{ from: '01/07/2026', amount: 2530000, basis: '  ' }])).toContain('Văn bản quy định mức lương cơ sở');
    expect(
      await refuse([
        { from: '01/07/2026', amount: 2530000, basis: 'NĐ 1/2026/NĐ-CP' },
        { from: '2026-07-01', amount: 2600000, basis: 'NĐ 2/2026/NĐ-CP' },
      ]),
    ).toContain('Có hai mức lương cơ sở cùng áp dụng từ 01/07/2026: hãy giữ một mức.');
    expect((await core.invoke('awards.getSettings')).baseSalaries).toEqual([]);

    const saved = await core.invoke('awards.saveSettings', { ...s, baseSalaries: [{ from: '01/07/2026', amount: 2530000, basis: ' Nghị định số 1/2026/NĐ-CP ' }] });
    expect(saved.baseSalaries).toEqual([{ from: '2026-07-01', amount: 2530000, basis: 'Nghị định số 1/2026/NĐ-CP' }]);
    expect((await core.invoke('awards.getSettings')).baseSalaries).toEqual(saved.baseSalaries);
    // the eligibility parameters are untouched by it
    expect((await core.invoke('awards.getSettings')).provincial).toEqual(s.provincial);

    // a decision from that day without amounts: the refusal names the rules' amount on the new lương cơ sở
    const after = await core.invoke('records.saveDecision', { data: { number: '9/QĐ', year: 2026, decisionDate: '15/12/2026', awardCode: 'LDTT', recipients: [{ kind: 'person', staffId: an }] } as never });
    const r = await core.call('records.paymentList', { id: after.id });
    expect(!r.ok && r.error.message).toContain('Mức theo quy định ở ngày quyết định: 760.000 đ/người');
    const before = await core.invoke('records.saveDecision', { data: { number: '8/QĐ', year: 2026, decisionDate: '30/06/2026', awardCode: 'LDTT', recipients: [{ kind: 'person', staffId: an }] } as never });
    const b = await core.call('records.paymentList', { id: before.id });
    expect(!b.ok && b.error.message).toContain('Mức theo quy định ở ngày quyết định: 710.000 đ/người');

    // a damaged list in the file (written by hand): dropped alone, the deadlines and parameters kept
    const stored = JSON.parse(core.ctx.conn.sqlite.prepare("SELECT value FROM setting WHERE key = 'awards.settings'").pluck().get() as string) as Record<string, unknown>;
    core.ctx.conn.sqlite.prepare("UPDATE setting SET value = ? WHERE key = 'awards.settings'").run(JSON.stringify({ ...stored, baseSalaries: [{ from: 'hôm qua', amount: -1 }] }));
    const read = await core.invoke('awards.getSettings');
    expect(read.baseSalaries).toEqual([]);
    expect(read.deadlines).toEqual(s.deadlines);
  });
});
