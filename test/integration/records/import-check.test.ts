// Past records from an Excel workbook (built here with exceljs) → import → the checker's
// verdicts for 2024; bad workbooks are refused with row/column messages and write nothing.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { CompactCandidate, EligibilityView } from '../../../shared/contract/records';
import { GOOD_ROWS, FIRST_ROW, historyWorkbook, type HistoryRow } from '../../fixtures/records/office-history';
import { b64, count, historyOffice } from './helpers';

function candidate(view: EligibilityView, id: string, code: string): CompactCandidate & { texts: { message: string; basis: string; missing?: string; passed: boolean }[] } {
  const s = [...view.people, ...view.units].find((x) => x.id === id);
  if (!s) throw new Error(`no subject ${id}`);
  const c = s.candidates.map((i) => view.candidates[i]!).find((x) => x.code === code);
  if (!c) throw new Error(`no candidate ${code} for ${id}`);
  return { ...c, texts: c.items.map((i) => view.items[i]!) };
}

async function importGood(core: Core) {
  const file = { fileName: 'lich-su.xlsx', fileBase64: b64(await historyWorkbook(GOOD_ROWS)) };
  const preview = await core.invoke('records.importPreview', file);
  expect(preview.errors).toEqual([]);
  const applied = await core.invoke('records.importApply', { ...file, mapping: preview.mapping });
  return { file, preview, applied };
}

const TABLES = ['person_year', 'award_decision', 'award_recipient', 'initiative'] as const;

describe('records import → eligibility check', () => {
  it('imports the history and the checker gives the expected 2024 verdicts', async () => {
    const { core, ids, units } = await historyOffice();
    const { preview, applied } = await importGood(core);
    expect(preview.headerRow).toBe(3);
    expect(preview.mapping).toMatchObject({ fullName: 1, birthDate: 2, unit: 3, year: 4, rating: 5, titles: 6, awardForm: 7, basis: 8, decisionNo: 9, decisionDate: 10, initiative: 11, initiativeScope: 12 });
    expect(preview.validRows).toBe(GOOD_ROWS.length);
    expect(preview.summary).toEqual({ people: 6, personYears: 14, titles: 12, awards: 2, newDecisions: 10, initiatives: 2 });
    expect(applied).toEqual({ personYears: 14, recipients: 14, decisions: 10, initiatives: 2 });

    // the rows naming the same decision share it; the đột xuất CSTĐCS has its own
    const decisions = await core.invoke('records.listDecisions', { year: 2023 });
    expect(decisions.map((d) => [d.number, d.formLabel, d.basis, d.recipientCount]).sort()).toEqual(
      [
        ['20/QĐ-SLĐTBXH', 'LĐTT', 'thuong_xuyen', 3],
        ['20/QĐ-SLĐTBXH', 'CSTĐCS', 'thuong_xuyen', 2],
        ['35/QĐ-SLĐTBXH', 'CSTĐCS', 'dot_xuat', 1],
        ['40/QĐ-SLĐTBXH', 'LĐTT', 'thuong_xuyen', 1],
        ['40/QĐ-SLĐTBXH', 'Giấy khen', 'thuong_xuyen', 1],
        ['55/QĐ-BLĐTBXH', 'Kỷ niệm chương Vì sự nghiệp Lao động - Thương binh và Xã hội', 'thuong_xuyen', 1],
      ].sort(),
    );

    // a reprimand in force during 2024 for D
    await core.invoke('records.saveDiscipline', {
      data: { staffId: ids.D, form: 'khien_trach', fromDate: '01/03/2024', toDate: '31/08/2024', decisionNo: '05/QĐ-SLĐTBXH' },
    });

    const view = await core.invoke('eligibility.check', { year: 2024 });
    expect(view.ruleSet.id).toBe('luat2022_nd98_2023');

    // A: three regular CSTĐCS years and a province-wide initiative
    for (const code of ['LDTT', 'CSTDCS', 'CSTD_TINH', 'BK_TINH']) expect(candidate(view, ids.A, code).verdict, code).toBe('du_dieu_kien');
    expect(candidate(view, ids.A, 'CSTD_TINH').texts.map((t) => t.message)).toContain(
      'CSTĐCS 3 năm liên tục 2022–2024: 2022 và 2023 đã ghi nhận; 2024 đủ điều kiện năm nay',
    );

    // B: the gap year 2022 is named
    const bTinh = candidate(view, ids.B, 'CSTD_TINH');
    expect(bTinh.verdict).toBe('gan_du');
    expect(bTinh.texts.filter((t) => !t.passed)).toEqual([
      expect.objectContaining({ basis: 'Luật TĐKT 2022, Điều 22', missing: 'thiếu 1 năm CSTĐCS liên tục: 2022 chưa có' }),
    ]);
    expect(candidate(view, ids.B, 'BK_TINH').verdict).toBe('du_dieu_kien');

    // C: the ad-hoc CSTĐCS of 2023 does not count toward Bằng khen tỉnh
    const cBk = candidate(view, ids.C, 'BK_TINH');
    expect(cBk.verdict).toBe('gan_du');
    expect(cBk.texts.find((t) => !t.passed)?.missing).toBe('thiếu 1 năm CSTĐCS liên tục: 2023 chỉ có khen đột xuất, không tính vào chuỗi');

    // D: the reprimand blocks LĐTT (and so CSTĐCS)
    const dLdtt = candidate(view, ids.D, 'LDTT');
    expect(dLdtt.verdict).not.toBe('du_dieu_kien');
    expect(dLdtt.texts.find((t) => !t.passed)?.message).toBe(
      'Kỷ luật khiển trách từ 01/03/2024 đến 31/08/2024 (QĐ số 05/QĐ-SLĐTBXH): còn hiệu lực trong năm 2024',
    );
    expect(candidate(view, ids.D, 'CSTDCS').verdict).toBe('chua_du');

    // E: LĐTT only; F: CSTĐCS by HTXSNV
    expect(candidate(view, ids.E, 'LDTT').verdict).toBe('du_dieu_kien');
    expect(candidate(view, ids.E, 'CSTDCS').verdict).toBe('gan_du');
    expect(candidate(view, ids.F, 'CSTDCS').verdict).toBe('du_dieu_kien');

    // quota: C and F qualify for CSTĐCS against 3 LĐTT in Phòng Người có công (15%)
    const quota = view.warnings.find((w) => w.code === 'cstdcs_quota' && w.unitId === units.ncc);
    expect(quota?.message).toBe(
      'Phòng Người có công: 2 người đủ điều kiện CSTĐCS trên 3 người đủ điều kiện LĐTT (66,7%), vượt tỷ lệ 15% (tối đa 0 người); Hội đồng TĐKT cần bình xét chọn' +
        // Vũ Thị Phương, of the two
        '; trong số này có 1 nữ, ưu tiên khi thành tích ngang nhau (NĐ 98/2023/NĐ-CP, Điều 4)',
    );
    expect(quota?.verified).toBe(false);
    expect(new Set(quota?.personIds)).toEqual(new Set([ids.C, ids.F]));

    // a unit's check covers its subtree only, with names for display
    const ncc = await core.invoke('eligibility.check', { year: 2024, unitId: units.ncc });
    expect(ncc.unitName).toBe('Phòng Người có công');
    expect(ncc.people.map((p) => p.name)).toEqual(['Nguyễn Văn An', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Phương']);
    expect(ncc.people.every((p) => p.unitName === 'Phòng Người có công')).toBe(true);
    expect(ncc.units.map((u) => u.name)).toEqual(['Phòng Người có công']);
    core.close();
  });

  it('importing the same file again adds nothing', async () => {
    const { core } = await historyOffice();
    const { file } = await importGood(core);
    const before = TABLES.map((t) => count(core, t));
    const again = await core.invoke('records.importPreview', file);
    expect(again.errors).toEqual([]);
    expect(again.summary).toMatchObject({ titles: 0, awards: 0, newDecisions: 0, initiatives: 0 });
    const r = await core.invoke('records.importApply', file);
    expect(r).toEqual({ personYears: 0, recipients: 0, decisions: 0, initiatives: 0 });
    expect(TABLES.map((t) => count(core, t))).toEqual(before);
    core.close();
  });
});

describe('bad workbooks', () => {
  const row = (over: Partial<Record<number, string | number>>): HistoryRow => {
    const base: HistoryRow = ['Hoàng Văn Em', '04/04/1988', 'Phòng Người có công', 2024, 'HTTNV', '', '', '', '', '', '', ''];
    for (const [k, v] of Object.entries(over)) (base as unknown as (string | number)[])[Number(k)] = v!;
    return base;
  };

  it('reports unknown and ambiguous people, bad ratings, years, titles and dates by row and column, and writes nothing', async () => {
    const { core } = await historyOffice();
    const rows: HistoryRow[] = [
      row({}), // fine
      row({ 0: 'Đỗ Văn Không Có' }), // unknown person
      row({ 0: 'Nguyễn Văn An', 1: '', 2: '' }), // two people share the name
      row({ 4: 'Giỏi' }), // bad rating
      row({ 3: 20233 }), // bad year
      row({ 3: 2027 }), // a future year
      row({ 5: 'LĐTT, Anh hùng' }), // unknown title
      row({ 5: 'LĐTT', 8: '15/QĐ', 9: '31/02/2024' }), // bad decision date
      row({ 2: 'Phòng Không Tồn Tại' }), // unknown unit
      row({ 0: 'Nguyễn Văn An', 1: '05/03/1981', 2: '' }), // no one of that name born that day
      row({ 5: 'LĐTT', 8: '16/QĐ', 9: '20/12/2023' }), // a decision dated before the year it rewards
    ];
    const file = { fileName: 'loi.xlsx', fileBase64: b64(await historyWorkbook(rows)) };
    const p = await core.invoke('records.importPreview', file);
    const r = (i: number) => FIRST_ROW + i;
    expect(p.validRows).toBe(1);
    expect(p.errors.map((e) => [e.row, e.column])).toEqual([
      [r(1), 'B'],
      [r(2), 'B'],
      [r(3), 'F'],
      [r(4), 'E'],
      [r(5), 'E'],
      [r(6), 'G'],
      [r(7), 'K'],
      [r(8), 'D'],
      [r(9), 'B'],
      [r(10), 'K'],
    ]);
    const msg = p.errors.map((e) => e.message);
    expect(msg[0]).toBe(
      `Dòng ${r(1)}, cột B (Họ và tên): "Đỗ Văn Không Có" chưa có trong danh sách cán bộ — thêm cán bộ trước (thẻ Cán bộ hoặc nhập danh sách cán bộ) hoặc sửa họ tên cho khớp.`,
    );
    expect(msg[1]).toBe(
      `Dòng ${r(2)}, cột B (Họ và tên): "Nguyễn Văn An" khớp với 2 cán bộ cùng họ tên (sinh 05/03/1980, Văn phòng Sở; sinh 02/02/1991, Phòng Người có công) — thêm cột "Ngày sinh" hoặc "Mã cán bộ" để phân biệt.`,
    );
    expect(msg[2]).toMatch(new RegExp(`^Dòng ${r(3)}, cột F \\(Xếp loại\\): "Giỏi" không phải xếp loại hợp lệ — nhập một trong: HTXSNV \\(Hoàn thành xuất sắc nhiệm vụ\\)`));
    expect(msg[3]).toBe(`Dòng ${r(4)}, cột E (Năm): "20233" không phải năm hợp lệ — nhập năm có 4 chữ số, từ 1990 đến 2025.`);
    expect(msg[4]).toBe(`Dòng ${r(5)}, cột E (Năm): "2027" không phải năm hợp lệ — nhập năm có 4 chữ số, từ 1990 đến 2025.`);
    expect(msg[5]).toContain('có danh hiệu "Anh hùng" không có trong danh mục');
    expect(msg[6]).toBe(`Dòng ${r(7)}, cột K (Ngày quyết định): "31/02/2024" không phải ngày hợp lệ — nhập theo dạng dd/mm/yyyy, ví dụ 15/12/2023.`);
    expect(msg[7]).toContain('"Phòng Không Tồn Tại" chưa có trong danh sách đơn vị');
    expect(msg[8]).toContain('không có cán bộ nào tên này sinh ngày 05/03/1981');
    expect(msg[9]).toBe(
      `Dòng ${r(10)}, cột K (Ngày quyết định): "20/12/2023" trước năm thành tích 2024 — quyết định khen thành tích năm 2024 không thể ký trước năm đó; kiểm tra lại ngày hoặc năm.`,
    );

    const before = TABLES.map((t) => count(core, t));
    await expect(core.invoke('records.importApply', file)).rejects.toMatchObject({ code: 'IMPORT_REJECTED' });
    await expect(core.invoke('records.importApply', file)).rejects.toThrow(/^Tệp có 10 lỗi nên chưa nhập gì/);
    expect(TABLES.map((t) => count(core, t))).toEqual(before);
    expect(before).toEqual([0, 0, 0, 0]);
    core.close();
  });

  it('a unit whose name other units share is written with its parents ("Trung tâm A › Tổ Hành chính")', async () => {
    const { core } = await historyOffice();
    const a = await core.invoke('units.create', { name: 'Trung tâm A' });
    const b = await core.invoke('units.create', { name: 'Trung tâm B' });
    const toA = await core.invoke('units.create', { name: 'Tổ Hành chính', parentId: a.id });
    await core.invoke('units.create', { name: 'Tổ Hành chính', parentId: b.id });
    const giang = await core.invoke('staff.create', { fullName: 'Đinh Thị Giang', birthDate: '1990-07-07', unitId: toA.id, employmentStart: '2015-01-01' });
    const rows: HistoryRow[] = [row({ 0: 'Đinh Thị Giang', 1: '07/07/1990', 2: 'Tổ Hành chính' }), row({ 0: 'Đinh Thị Giang', 1: '07/07/1990', 2: 'trung tam a > to hanh chinh', 3: 2023 })];
    const file = { fileName: 'to.xlsx', fileBase64: b64(await historyWorkbook(rows)) };
    const p = await core.invoke('records.importPreview', file);
    expect(p.errors.map((e) => e.message)).toEqual([
      `Dòng ${FIRST_ROW}, cột D (Đơn vị): "Tổ Hành chính" khớp với 2 đơn vị cùng tên: Trung tâm A › Tổ Hành chính; Trung tâm B › Tổ Hành chính — hãy ghi đơn vị kèm đơn vị cấp trên như trên (ví dụ "Trung tâm A › Tổ Hành chính").`,
    ]);
    // the path alone is enough: the other row is valid, and its year is recorded in that unit
    expect(p.validRows).toBe(1);
    await core.invoke('records.importApply', { fileName: 'to.xlsx', fileBase64: b64(await historyWorkbook([rows[1]!])) });
    const unitOf2023 = core.ctx.conn.sqlite.prepare('SELECT unit_id FROM person_year WHERE staff_id = ? AND year = 2023 AND deleted_at IS NULL').pluck().get(giang.id);
    expect(unitOf2023).toBe(toA.id);
    core.close();
  });

  it('a rating that contradicts the recorded one, or another row of the file, is an error', async () => {
    const { core } = await historyOffice();
    await importGood(core);
    const rows: HistoryRow[] = [
      row({ 3: 2023, 4: 'HTXSNV' }), // recorded HTTNV for 2023
      row({ 3: 2022, 4: 'HTTNV' }),
      row({ 3: 2022, 4: 'HTNV' }), // the row above says HTTNV
    ];
    const p = await core.invoke('records.importPreview', { fileName: 'x.xlsx', fileBase64: b64(await historyWorkbook(rows)) });
    expect(p.errors.map((e) => e.message)).toEqual([
      `Dòng ${FIRST_ROW}, cột F (Xếp loại): "HTXSNV" khác xếp loại HTTNV đã có năm 2023 của Hoàng Văn Em — sửa tệp, hoặc sửa trong bảng nhập cuối năm trước khi nhập.`,
      `Dòng ${FIRST_ROW + 2}, cột F (Xếp loại): "HTNV" khác xếp loại HTTNV của cùng người, cùng năm 2022 ở dòng ${FIRST_ROW + 1} — giữ một xếp loại.`,
    ]);
    core.close();
  });

  it('a workbook without a year column or that is not a spreadsheet is refused before any row', async () => {
    const { core } = await historyOffice();
    const noYear = await historyWorkbook([row({})], { headers: ['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị', 'Ghi chú năm', 'Xếp loại'] });
    const p = await core.invoke('records.importPreview', { fileName: 'x.xlsx', fileBase64: b64(noYear) });
    expect(p.errors.map((e) => e.message)).toEqual(['Chưa chọn cột "Năm" — mỗi dòng phải ghi năm của xếp loại, danh hiệu.']);
    await expect(core.invoke('records.importPreview', { fileName: 'x.xlsx', fileBase64: b64(Buffer.from('Họ tên,Năm\nA,2024\n')) })).rejects.toMatchObject({
      code: 'FILE_INVALID',
      message: expect.stringContaining('văn bản thuần (CSV hoặc TXT)'),
    });
    core.close();
  });
});
