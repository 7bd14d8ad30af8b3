// "Tải tệp mẫu": the blank workbooks of the staff and records imports. Filled in as a clerk
// would (the dropdowns' own values, dates as dates), each imports as it is; their dropdowns
// hold the office's units (a shared name as its path) and the coded values, on a hidden sheet.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { testCore } from '../../support/core';

async function workbookOf(file: { base64: string }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

/** The header row's texts (the first row holding `first`), and its number. */
function headerOf(ws: ExcelJS.Worksheet, first: string): { row: number; headers: string[] } {
  for (let r = 1; r <= 10; r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
    if (values.includes(first)) return { row: r, headers: values };
  }
  throw new Error(`no header row with ${first}`);
}

/** A hidden list's values, by the validation formula of a column ('DanhMuc'!$B$1:$B$3). */
function listValues(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, cell: string): string[] {
  const v = ws.getCell(cell).dataValidation;
  const m = /^'(.+)'!\$([A-Z])\$1:\$[A-Z]\$(\d+)$/.exec(String(v.formulae[0]));
  expect(m, `${cell}: ${String(v.formulae[0])}`).not.toBeNull();
  const sheet = wb.getWorksheet(m![1]!)!;
  expect(sheet.state).toBe('veryHidden');
  return Array.from({ length: Number(m![3]) }, (_, i) => String(sheet.getCell(`${m![2]}${i + 1}`).value));
}

describe('import templates', () => {
  it('the staff template: headers the import maps, dropdowns of units and codes, and it imports once filled', async () => {
    const core = await testCore();
    const so = await core.invoke('units.create', { name: 'Sở Tài chính' });
    const vp1 = await core.invoke('units.create', { name: 'Văn phòng', parentId: so.id });
    const other = await core.invoke('units.create', { name: 'Sở Y tế' });
    await core.invoke('units.create', { name: 'Văn phòng', parentId: other.id });
    const old = await core.invoke('units.create', { name: 'Phòng đã giải thể' });
    await core.invoke('units.setActive', { id: old.id, active: false }); // not offered

    const file = await core.invoke('staff.importTemplate');
    expect(file.fileName).toBe('mau-nhap-danh-sach-can-bo.xlsx');
    const wb = await workbookOf(file);
    // the list first (the import reads the first sheet with a header row), then the guide
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['Danh sách cán bộ', 'Hướng dẫn']);
    const ws = wb.worksheets[0]!;
    const { row, headers } = headerOf(ws, 'Họ và tên');
    const at = (h: string) => headers.indexOf(h) + 1;
    const cellOf = (h: string, r = row + 1) => ws.getCell(r, at(h)).address;
    expect(listValues(wb, ws, cellOf('Đơn vị'))).toEqual(['Sở Tài chính', 'Sở Tài chính › Văn phòng', 'Sở Y tế', 'Sở Y tế › Văn phòng']);
    expect(listValues(wb, ws, cellOf('Giới tính', row + 500))).toEqual(['Nam', 'Nữ']);
    expect(ws.getCell(cellOf('Ngày sinh')).dataValidation.type).toBe('date');

    // filled in with the dropdowns' values
    const people = [
      { name: 'Nguyễn Văn An', gender: 'Nam', birth: new Date(Date.UTC(1980, 2, 5)), unit: 'Sở Tài chính › Văn phòng' },
      { name: 'Lê Thị Bình', gender: 'Nữ', birth: new Date(Date.UTC(1985, 10, 20)), unit: 'Sở Y tế' },
    ];
    people.forEach((p, i) => {
      const r = ws.getRow(row + 1 + i);
      r.getCell(at('Họ và tên')).value = p.name;
      r.getCell(at('Giới tính')).value = p.gender;
      r.getCell(at('Ngày sinh')).value = p.birth;
      r.getCell(at('Đơn vị')).value = p.unit;
    });
    const filled = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const preview = await core.invoke('staff.importPreview', { fileName: 'mau.xlsx', fileBase64: filled });
    expect(preview.errors).toEqual([]);
    expect(preview.validRows).toBe(2);
    await core.invoke('staff.importApply', { fileName: 'mau.xlsx', fileBase64: filled });
    const rows = (await core.invoke('staff.list', {})).rows;
    expect(rows.map((s) => [s.fullName, s.gender, s.birthDate, s.unitId])).toEqual([
      ['Nguyễn Văn An', 'nam', '1980-03-05', vp1.id],
      ['Lê Thị Bình', 'nu', '1985-11-20', other.id],
    ]);
    core.close();
  });

  it('the records template: one row per person and year, dropdowns of ratings, titles and units, and it imports once filled', async () => {
    const core = await testCore();
    const vp = await core.invoke('units.create', { name: 'Văn phòng Sở' });
    const an = await core.invoke('staff.create', { fullName: 'Nguyễn Văn An', birthDate: '1980-03-05', unitId: vp.id });

    const file = await core.invoke('records.importTemplate');
    expect(file.fileName).toBe('mau-nhap-ho-so-thi-dua-khen-thuong.xlsx');
    const wb = await workbookOf(file);
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['Hồ sơ các năm', 'Hướng dẫn']);
    const ws = wb.worksheets[0]!;
    const { row, headers } = headerOf(ws, 'Họ và tên');
    const at = (h: string) => headers.indexOf(h) + 1;
    const cellOf = (h: string) => ws.getCell(row + 1, at(h)).address;
    expect(listValues(wb, ws, cellOf('Xếp loại'))).toEqual(['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ']);
    expect(listValues(wb, ws, cellOf('Danh hiệu'))).toEqual(expect.arrayContaining(['Lao động tiên tiến', 'Chiến sĩ thi đua cơ sở']));
    expect(listValues(wb, ws, cellOf('Danh hiệu'))).not.toContain('Tập thể lao động tiên tiến');
    expect(listValues(wb, ws, cellOf('Đơn vị'))).toEqual(['Văn phòng Sở']);
    expect(ws.getCell(cellOf('Năm')).dataValidation).toMatchObject({ type: 'whole', formulae: [1990, 2100] });

    const years = [
      { year: 2023, rating: 'Hoàn thành tốt nhiệm vụ', titles: 'Lao động tiên tiến' },
      { year: 2024, rating: 'Hoàn thành xuất sắc nhiệm vụ', titles: 'Lao động tiên tiến; Chiến sĩ thi đua cơ sở' },
    ];
    years.forEach((y, i) => {
      const r = ws.getRow(row + 1 + i);
      r.getCell(at('Họ và tên')).value = 'Nguyễn Văn An';
      r.getCell(at('Ngày sinh')).value = new Date(Date.UTC(1980, 2, 5));
      r.getCell(at('Đơn vị')).value = 'Văn phòng Sở';
      r.getCell(at('Năm')).value = y.year;
      r.getCell(at('Xếp loại')).value = y.rating;
      r.getCell(at('Danh hiệu')).value = y.titles;
      r.getCell(at('Số quyết định')).value = `${10 + i}/QĐ-SNV`;
      r.getCell(at('Ngày quyết định')).value = new Date(Date.UTC(y.year, 11, 20));
    });
    const filled = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const preview = await core.invoke('records.importPreview', { fileName: 'mau.xlsx', fileBase64: filled });
    expect(preview.errors).toEqual([]);
    expect(preview.validRows).toBe(2);
    // every column of the template is recognised
    expect(Object.values(preview.mapping).filter((v) => v !== null)).toHaveLength(headers.filter(Boolean).length);
    await core.invoke('records.importApply', { fileName: 'mau.xlsx', fileBase64: filled });
    const timeline = await core.invoke('records.timeline', { kind: 'person', id: an.id });
    expect(timeline.years.map((y) => [y.year, y.rating, y.awards.map((x) => x.code)])).toEqual([
      [2024, 'HTXSNV', ['LDTT', 'CSTDCS']],
      [2023, 'HTTNV', ['LDTT']],
    ]);
    const grid = await core.invoke('records.yearGrid', { unitId: vp.id, year: 2024 });
    expect(grid.rows.map((r) => [r.staffId, r.rating])).toEqual([[an.id, 'HTXSNV']]);
    core.close();
  });

  it('the templates carry their validations in the file as Excel reads them', async () => {
    const core = await testCore();
    await core.invoke('units.create', { name: 'Văn phòng Sở' });
    for (const proc of ['staff.importTemplate', 'records.importTemplate'] as const) {
      const file = await core.invoke(proc);
      const files = unzipSync(new Uint8Array(Buffer.from(file.base64, 'base64')));
      const sheet1 = strFromU8(files['xl/worksheets/sheet1.xml']!);
      expect(sheet1, proc).toMatch(/<dataValidation type="list"[^>]*sqref="[A-Z]+5:[A-Z]+1004"><formula1>&apos;DanhMuc&apos;!\$[A-Z]\$1:\$[A-Z]\$\d+<\/formula1>/);
      expect(strFromU8(files['xl/workbook.xml']!), proc).toMatch(/name="DanhMuc" state="veryHidden"/);
    }
    core.close();
  });
});
