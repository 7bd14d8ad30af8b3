// Progress reports: the BÁO CÁO (DOCX, NĐ 30/2020 layout) and the .xlsx, opened and read back.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testCore, OFFICE } from '../../support/core';
import { docxPlainText } from '../../../electron/services/documents/docx-text';
import { all, attr, openDocx } from '../../support/docx-xml';
import { importReferencePlan } from './helpers';
import { readBook, sheetRows } from '../../support/xlsx';
import { OFFICE_A, OFFICE_B, provinceWithAwards } from '../exchange/helpers';

async function setup() {
  const core = await testCore({ today: '2022-05-10' });
  const plan = await importReferencePlan(core);
  await core.invoke('tasks.fromPlan', { planId: plan.id });
  const rows = (await core.invoke('tasks.list', { year: 2022 })).rows;
  const [a, b, c] = rows.filter((t) => t.quarter === 1);
  await core.invoke('tasks.setStatus', { id: a!.id, status: 'hoan_thanh', note: 'Đã ban hành Kế hoạch số 25/KH-SLĐTBXH ngày 25/01/2022.', date: '25/01/2022' });
  await core.invoke('tasks.setStatus', { id: b!.id, status: 'dang_thuc_hien', note: 'Đã tổng hợp 12/15 đơn vị.' });
  await core.invoke('tasks.setStatus', { id: c!.id, status: 'hoan_thanh', note: 'Đã phát động.', date: '05/04/2022' }); // late
  return { core, plan, rows, a: a!, b: b!, c: c! };
}

const workbook = async (core: Awaited<ReturnType<typeof testCore>>, period: 'Y' | 'H1' | 'Q2') => readBook(await core.invoke('tasks.report', { year: 2022, period, format: 'xlsx' }));

describe('task reports', () => {
  it('Q1 DOCX: BÁO CÁO with header, title, summary counts, the task table with latest notes, signer', async () => {
    const { core, a } = await setup();
    const file = await core.invoke('tasks.report', { year: 2022, period: 'Q1', format: 'docx' });
    expect(file.fileName).toBe('bao-cao-nhiem-vu-tdkt-2022-q1.docx');
    const bytes = Buffer.from(file.base64, 'base64');
    const text = docxPlainText(bytes);
    expect(text).toContain('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');
    expect(text).toContain('UBND TỈNH LÀO CAI');
    expect(text).toContain('/BC-SLĐTBXH');
    expect(text).toContain('Lào Cai, ngày 10 tháng 5 năm 2022');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả thực hiện nhiệm vụ công tác thi đua, khen thưởng quý I năm 2022');
    expect(text).toContain('Thực hiện Kế hoạch công tác thi đua, khen thưởng của Sở Lao động - Thương binh và Xã hội tỉnh Lào Cai năm 2022');
    expect(text).toContain(
      'Quý I năm 2022, Sở Lao động - Thương binh và Xã hội có 4 nhiệm vụ công tác thi đua, khen thưởng; trong đó: đã hoàn thành 2 nhiệm vụ (đạt 50%), đang thực hiện 0 nhiệm vụ, chưa thực hiện 0 nhiệm vụ, quá hạn chưa hoàn thành 2 nhiệm vụ.',
    );
    expect(text).toContain('hoàn thành chậm so với thời hạn');
    expect(text).toMatch(/STT\tNội dung\tChủ trì\tPhối hợp\tThời hạn\tTrạng thái\tGhi chú\/kết quả/);
    expect(text).toContain('I\tNhiệm vụ quý I (4 nhiệm vụ, hoàn thành 2)');
    const row = text.split('\n').find((l) => l.startsWith(`1\t${a.title}`))!;
    expect(row.split('\t')).toEqual([
      '1',
      a.title,
      'Văn phòng Sở',
      'Các phòng, đơn vị trực thuộc Sở; Phòng Lao động - TBXH các huyện, thị xã, thành phố',
      '31/03/2022',
      'Hoàn thành',
      'Đã ban hành Kế hoạch số 25/KH-SLĐTBXH ngày 25/01/2022.',
    ]);
    expect(text).toMatch(/\tQuá hạn\tĐã tổng hợp 12\/15 đơn vị\./);
    expect(text).toContain('Hoàn thành (chậm hạn)');
    // next period's tasks, closing, recipients, signer
    expect(text).toContain('NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2022');
    expect(text).toContain('Trên đây là báo cáo kết quả thực hiện nhiệm vụ công tác thi đua, khen thưởng quý I năm 2022');
    expect(text).toContain(`${OFFICE.superiorName} (b/c)`);
    expect(text).toContain('GIÁM ĐỐC');
    expect(text).toContain(OFFICE.headName);
    // Q2 tasks are not in the Q1 table
    expect(text).not.toContain('II\tNhiệm vụ quý II');

    // layout: A4 portrait body, the wide table on a landscape appendix, Times New Roman
    const d = openDocx(bytes);
    const sizes = all(d.document, 'w:pgSz');
    expect(attr(sizes[0]!, 'w:w')).toBe('11906');
    expect(sizes.some((s) => attr(s, 'w:orient') === 'landscape')).toBe(true);
    expect(all(d.styles, 'w:rFonts').some((f) => attr(f, 'w:ascii') === 'Times New Roman')).toBe(true);
    core.close();
  });

  it('H1 (sơ kết) and Y (tổng kết) group rows per quarter', async () => {
    const { core } = await setup();
    const h1 = docxPlainText(Buffer.from((await core.invoke('tasks.report', { year: 2022, period: 'H1', format: 'docx' })).base64, 'base64'));
    expect(h1).toContain('Kết quả thực hiện nhiệm vụ công tác thi đua, khen thưởng 6 tháng đầu năm 2022');
    expect(h1).toContain('I\tNhiệm vụ quý I (4 nhiệm vụ, hoàn thành 2)');
    expect(h1).toContain('II\tNhiệm vụ quý II (5 nhiệm vụ, hoàn thành 0)');
    expect(h1).not.toContain('III\tNhiệm vụ quý III');
    expect(h1).toContain('có 9 nhiệm vụ');
    expect(h1).toContain('NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2022');
    const y = docxPlainText(Buffer.from((await core.invoke('tasks.report', { year: 2022, period: 'Y', format: 'docx' })).base64, 'base64'));
    expect(y).toContain('Kết quả thực hiện nhiệm vụ công tác thi đua, khen thưởng năm 2022');
    for (const q of ['I', 'II', 'III', 'IV']) expect(y).toContain(`${q}\tNhiệm vụ quý ${q} (`);
    expect(y).toContain('có 15 nhiệm vụ');
    core.close();
  });

  it('Y (tổng kết) reports the registrations, the year\'s awards by level and form and the dossiers; H1 the registrations', async () => {
    const { core } = await setup();
    const vp = (await core.invoke('units.create', { name: 'Văn phòng Sở' })).id;
    const person = async (fullName: string) => (await core.invoke('staff.create', { fullName, unitId: vp })).id;
    const an = await person('Nguyễn Văn An');
    const binh = await person('Trần Thị Bình');
    const decision = (year: number, number: string, form: { awardCode: string } | { otherForm: string }, recipients: unknown[]) =>
      core.invoke('records.saveDecision', { data: { number, year, decisionDate: `20/12/${year}`, ...form, recipients } as never });
    const yearText = async () => docxPlainText(Buffer.from((await core.invoke('tasks.report', { year: 2022, period: 'Y', format: 'docx' })).base64, 'base64'));

    // nothing recorded yet: the part says so
    let y = await yearText();
    expect(y).toContain('II. KẾT QUẢ CÔNG TÁC KHEN THƯỞNG');
    expect(y).toContain('Chưa có quyết định khen thưởng nào của năm 2022 được cập nhật vào phần mềm.');
    expect(y).toContain('Chưa lập hồ sơ đề nghị cấp trên khen thưởng năm 2022.');
    expect(y).toContain('Chưa có đăng ký thi đua năm 2022 được cập nhật vào phần mềm.');
    expect(y).toContain('III. NHIỆM VỤ CHƯA HOÀN THÀNH');
    const empty = sheetRows((await workbook(core, 'Y')).getWorksheet('Khen thưởng')!).flat();
    expect(empty).toContain('Chưa có đăng ký thi đua năm 2022 được cập nhật vào phần mềm.');
    expect(empty).toContain('Chưa có quyết định khen thưởng nào của năm 2022 được cập nhật vào phần mềm.');
    expect(empty).toContain('Chưa lập hồ sơ đề nghị cấp trên khen thưởng năm 2022.');

    await decision(2022, '10/QĐ-SLĐTBXH', { awardCode: 'LDTT' }, [{ kind: 'person', staffId: an }, { kind: 'person', staffId: binh }]);
    await decision(2022, '11/QĐ-SLĐTBXH', { awardCode: 'TT_LDTT' }, [{ kind: 'unit', unitId: vp }]);
    await decision(2022, '12/QĐ-UBND', { awardCode: 'BK_TINH' }, [{ kind: 'person', staffId: an }, { kind: 'unit', unitId: vp }]);
    await decision(2022, '13/QĐ-SLĐTBXH', { otherForm: 'Kỷ niệm chương Vì sự nghiệp Lao động' }, [{ kind: 'person', staffId: binh }]);
    await decision(2021, '9/QĐ-SLĐTBXH', { awardCode: 'CSTDCS' }, [{ kind: 'person', staffId: an }]); // another year: not counted
    const register = (data: Record<string, unknown>) => core.invoke('records.saveRegistration', { data: { year: 2022, ...data } as never });
    await register({ kind: 'person', staffId: an, awardCode: 'LDTT' });
    await register({ kind: 'person', staffId: binh, awardCode: 'LDTT' });
    await register({ kind: 'person', staffId: binh, awardCode: 'CSTDCS' });
    await register({ kind: 'unit', unitId: vp, awardCode: 'TT_LDTT' });
    await register({ kind: 'person', staffId: an, awardCode: 'CSTDCS', year: 2021 }); // another year
    const d1 = await core.invoke('dossiers.create', { year: 2022, awardCode: 'BK_TINH' });
    await core.invoke('dossiers.addNominees', { id: d1.id, nominees: [{ kind: 'person', staffId: an }, { kind: 'person', staffId: binh }] });
    await core.invoke('dossiers.create', { year: 2022, awardCode: 'CSTD_TINH' });
    await core.invoke('dossiers.create', { year: 2021, awardCode: 'BK_TINH' });

    y = await yearText();
    const para = (start: string) => y.split('\n').find((l) => l.includes(start));
    expect(para('theo các quyết định khen thưởng đã cập nhật')).toContain('có 4 lượt cá nhân và 2 lượt tập thể được khen thưởng, cụ thể:');
    const lines = y.split('\n');
    const at = lines.findIndex((l) => l.includes('lượt cá nhân'));
    // levels in the statistics table's order, forms in catalogue order, people and collectives apart
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '- Danh hiệu, khen thưởng cấp bộ, ngành, tỉnh: Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng (1 cá nhân, 1 tập thể).',
      '- Danh hiệu, khen thưởng cấp cơ sở: Lao động tiên tiến (2 cá nhân); Tập thể lao động tiên tiến (1 tập thể).',
      '- Hình thức khác: Kỷ niệm chương Vì sự nghiệp Lao động (1 cá nhân).',
    ]);
    expect(y).toContain('Hồ sơ đề nghị cấp trên khen thưởng năm 2022: 2 hồ sơ với 2 lượt đề nghị; trong đó đang soạn 2 hồ sơ.');
    // registered, and how many earned the title (a decision of the year)
    expect(y).toContain(
      'Đăng ký thi đua năm 2022: Lao động tiên tiến (2 cá nhân đăng ký, 2 đạt); Chiến sĩ thi đua cơ sở (1 cá nhân đăng ký, 0 đạt); Tập thể lao động tiên tiến (1 tập thể đăng ký, 1 đạt).',
    );
    expect(y).not.toContain('Chiến sĩ thi đua cơ sở (1 cá nhân)');

    // the workbook carries the same counts on a sheet of its own
    const yearBook = await workbook(core, 'Y');
    expect(yearBook.worksheets.map((w) => w.name)).toEqual(['Báo cáo nhiệm vụ', 'Khen thưởng']);
    const sheet = sheetRows(yearBook.getWorksheet('Khen thưởng')!);
    expect(sheet[1]).toEqual(['KẾT QUẢ CÔNG TÁC KHEN THƯỞNG NĂM 2022']);
    const from = (first: string, n: number) => {
      const i = sheet.findIndex((r) => r[0] === first || r[1] === first);
      expect(i, first).toBeGreaterThanOrEqual(0);
      return sheet.slice(i, i + n);
    };
    expect(from('I. ĐĂNG KÝ THI ĐUA VÀ KẾT QUẢ', 5)).toEqual([
      ['I. ĐĂNG KÝ THI ĐUA VÀ KẾT QUẢ'],
      ['STT', 'Danh hiệu', 'Đối tượng', 'Số đăng ký', 'Số đạt'],
      [1, 'Lao động tiên tiến', 'Cá nhân', 2, 2],
      [2, 'Chiến sĩ thi đua cơ sở', 'Cá nhân', 1, 0],
      [3, 'Tập thể lao động tiên tiến', 'Tập thể', 1, 1],
    ]);
    expect(from('II. KHEN THƯỞNG TRONG NĂM', 10)).toEqual([
      ['II. KHEN THƯỞNG TRONG NĂM'],
      ['STT', 'Hình thức khen thưởng', 'Cá nhân', 'Tập thể', 'Cộng'],
      ['I', 'Danh hiệu, khen thưởng cấp bộ, ngành, tỉnh', 1, 1, 2],
      [1, 'Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng', 1, 1, 2],
      ['II', 'Danh hiệu, khen thưởng cấp cơ sở', 2, 1, 3],
      [1, 'Lao động tiên tiến', 2, 0, 2],
      [2, 'Tập thể lao động tiên tiến', 0, 1, 1],
      ['III', 'Hình thức khác', 1, 0, 1],
      [1, 'Kỷ niệm chương Vì sự nghiệp Lao động', 1, 0, 1],
      ['', 'Tổng cộng', 4, 2, 6],
    ]);
    expect(from('III. HỒ SƠ ĐỀ NGHỊ CẤP TRÊN KHEN THƯỞNG', 8)).toEqual([
      ['III. HỒ SƠ ĐỀ NGHỊ CẤP TRÊN KHEN THƯỞNG'],
      ['STT', 'Tình trạng hồ sơ', 'Số hồ sơ'],
      [1, 'Đang soạn', 2],
      [2, 'Đã gửi, đang chờ kết quả', 0],
      [3, 'Đã được duyệt', 0],
      [4, 'Bị trả lại', 0],
      ['', 'Tổng cộng', 2],
      ['Số lượt cá nhân, tập thể được đề nghị: 2.'],
    ]);
    expect(sheet.flat()).toContain(OFFICE.headName);
    // counts are numbers Excel can sum, shown with thousands separators
    const ltt = sheet.findIndex((r) => r[1] === 'Lao động tiên tiến') + 1;
    expect(yearBook.getWorksheet('Khen thưởng')!.getCell(ltt, 4).numFmt).toBe('#,##0');

    // a lead unit whose name another unit shares is named with its parent
    const soA = (await core.invoke('units.create', { name: 'Sở Tài chính' })).id;
    const soB = (await core.invoke('units.create', { name: 'Sở Y tế' })).id;
    const vpA = (await core.invoke('units.create', { name: 'Văn phòng', parentId: soA })).id;
    await core.invoke('units.create', { name: 'Văn phòng', parentId: soB });
    await core.invoke('tasks.create', { year: 2022, quarter: 4, title: 'Rà soát hồ sơ khen thưởng', lead: [{ unitId: vpA, name: 'Văn phòng' }] });
    y = await yearText();
    expect(y).toContain('- Rà soát hồ sơ khen thưởng (chủ trì: Văn phòng (Sở Tài chính)): chưa thực hiện');
    expect(y).toMatch(/\tRà soát hồ sơ khen thưởng\tVăn phòng \(Sở Tài chính\)\t/);

    // the 6-month report gives the registrations, nothing of awards; a quarter's keeps to the tasks
    const report = async (period: 'H1' | 'Q2') => docxPlainText(Buffer.from((await core.invoke('tasks.report', { year: 2022, period, format: 'docx' })).base64, 'base64'));
    const h1 = await report('H1');
    expect(h1).toContain('II. CÔNG TÁC ĐĂNG KÝ THI ĐUA');
    expect(h1).toContain('Đăng ký thi đua năm 2022: Lao động tiên tiến (2 cá nhân); Chiến sĩ thi đua cơ sở (1 cá nhân); Tập thể lao động tiên tiến (1 tập thể).');
    expect(h1).not.toContain('KẾT QUẢ CÔNG TÁC KHEN THƯỞNG');
    expect(h1).toContain('III. NHIỆM VỤ CHƯA HOÀN THÀNH');
    const q2 = await report('Q2');
    expect(q2).not.toContain('ĐĂNG KÝ THI ĐUA');
    expect(q2).toContain('II. NHIỆM VỤ CHƯA HOÀN THÀNH');
    const h1Book = await workbook(core, 'H1');
    expect(h1Book.worksheets.map((w) => w.name)).toEqual(['Báo cáo nhiệm vụ', 'Đăng ký thi đua']);
    const h1Sheet = sheetRows(h1Book.getWorksheet('Đăng ký thi đua')!);
    expect(h1Sheet.slice(4, 8)).toEqual([
      ['I. ĐĂNG KÝ THI ĐUA'],
      ['STT', 'Danh hiệu', 'Đối tượng', 'Số đăng ký'],
      [1, 'Lao động tiên tiến', 'Cá nhân', 2],
      [2, 'Chiến sĩ thi đua cơ sở', 'Cá nhân', 1],
    ]);
    expect(h1Sheet.flat()).not.toContain('II. KHEN THƯỞNG TRONG NĂM');
    expect((await workbook(core, 'Q2')).worksheets).toHaveLength(1);
    core.close();
  });

  it('XLSX: title rows, header, rows with Vietnamese status, overdue highlighted', async () => {
    const { core, a, b } = await setup();
    const file = await core.invoke('tasks.report', { year: 2022, period: 'Q1', format: 'xlsx' });
    expect(file.fileName).toBe('bao-cao-nhiem-vu-tdkt-2022-q1.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');
    expect(ws.getCell('A2').value).toBe('BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ CÔNG TÁC THI ĐUA, KHEN THƯỞNG QUÝ I NĂM 2022');
    expect(String(ws.getCell('A3').value)).toContain('Tổng số 4 nhiệm vụ: hoàn thành 2 (50%)');
    expect(ws.getRow(5).values).toEqual([undefined, 'STT', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời hạn', 'Trạng thái', 'Ghi chú/kết quả', 'Người phụ trách', 'Ngày hoàn thành']);
    expect(ws.getCell('B6').value).toBe('Nhiệm vụ quý I (4 nhiệm vụ, hoàn thành 2)');
    const rows = new Map<string, ExcelJS.Row>();
    for (let r = 7; r <= 10; r++) rows.set(String(ws.getCell(r, 2).value), ws.getRow(r));
    expect(rows.size).toBe(4);
    const done = rows.get(a.title)!;
    expect(done.getCell(6).value).toBe('Hoàn thành');
    expect((done.getCell(5).value as Date).toISOString().slice(0, 10)).toBe('2022-03-31');
    expect((done.getCell(9).value as Date).toISOString().slice(0, 10)).toBe('2022-01-25');
    expect(done.getCell(7).value).toBe('Đã ban hành Kế hoạch số 25/KH-SLĐTBXH ngày 25/01/2022.');
    const late = rows.get(b.title)!;
    expect(late.getCell(6).value).toBe('Quá hạn');
    const fill = late.getCell(2).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe('FFFDE2E2');
    expect(late.getCell(6).font?.color?.argb).toBe('FFC00000');
    expect((done.getCell(2).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe('FFFDE2E2');
    // "Phối hợp" wraps onto 3 lines of 12 pt in its 30-wide column: the row shows them all
    // (Calc keeps a row with no height one line high)
    expect(done.height).toBeGreaterThanOrEqual(3 * 12 * 1.2);
    core.close();
  });

  it('at the province, the year\'s awards of every office it holds, and by office', async () => {
    const province = await provinceWithAwards();
    const text = docxPlainText(Buffer.from((await province.invoke('tasks.report', { year: 2025, period: 'Y', format: 'docx' })).base64, 'base64'));
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('tổng hợp số liệu của 2 cơ quan, đơn vị, có 3 lượt cá nhân được khen thưởng, cụ thể:'));
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 5)).toEqual([
      '- Danh hiệu, khen thưởng cấp cơ sở: Giấy khen (3 cá nhân).',
      'Theo cơ quan, đơn vị:',
      `- ${OFFICE_A.name}: 2 lượt cá nhân.`,
      `- ${OFFICE_B.name}: 1 lượt cá nhân.`,
    ]);
    const sheet = sheetRows((await readBook(await province.invoke('tasks.report', { year: 2025, period: 'Y', format: 'xlsx' }))).getWorksheet('Khen thưởng')!);
    const i = sheet.findIndex((r) => r[1] === 'Cơ quan, đơn vị');
    expect(sheet.slice(i, i + 3)).toEqual([
      ['STT', 'Cơ quan, đơn vị', 'Cá nhân', 'Tập thể', 'Cộng'],
      [1, OFFICE_A.name, 2, 0, 2],
      [2, OFFICE_B.name, 1, 0, 1],
    ]);
    province.close();
  });

  it('needs the office profile', async () => {
    const core = await testCore({ office: false });
    await expect(core.invoke('tasks.report', { year: 2026, period: 'Q1', format: 'docx' })).rejects.toThrow(/Chưa thiết lập thông tin cơ quan/);
    core.close();
  });
});
