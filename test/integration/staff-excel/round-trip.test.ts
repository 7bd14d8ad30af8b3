// The staff list exported to Excel imports again where unit names repeat (every sở of a
// province has a "Văn phòng"): the export writes such a unit as its path, the import reads it.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { testCore } from '../../support/core';

async function tree(core: Core): Promise<Record<string, string>> {
  const unit = async (name: string, parentId: string | null = null) => (await core.invoke('units.create', { name, parentId })).id;
  const tc = await unit('Sở Tài chính');
  const nv = await unit('Sở Nội vụ');
  return {
    tc,
    nv,
    vpTc: await unit('Văn phòng', tc),
    vpNv: await unit('Văn phòng', nv),
    tt: await unit('Phòng Thanh tra', nv),
  };
}

describe('staff export → import', () => {
  it('names a unit that shares its name by its path, and the import puts each person back in it', async () => {
    const a = await testCore();
    const ua = await tree(a);
    const people = [
      { fullName: 'Nguyễn Văn An', unitId: ua.vpTc },
      { fullName: 'Trần Thị Bình', unitId: ua.vpNv },
      { fullName: 'Lê Văn Cường', unitId: ua.tt },
    ];
    for (const p of people) await a.invoke('staff.create', { ...p, employmentStart: '2020-01-01' });
    const file = await a.invoke('staff.export', undefined);
    a.close();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(4).values as unknown[]).indexOf('Đơn vị');
    const written = [5, 6, 7].map((r) => [ws.getCell(r, 2).value, ws.getCell(r, header).value]);
    // in Vietnamese order of the given name; a unique name stays a name
    expect(written).toEqual([
      ['Nguyễn Văn An', 'Sở Tài chính › Văn phòng'],
      ['Trần Thị Bình', 'Sở Nội vụ › Văn phòng'],
      ['Lê Văn Cường', 'Phòng Thanh tra'],
    ]);

    // another office's copy of the app with the same units, none of these people
    const b = await testCore();
    const ub = await tree(b);
    const input = { fileName: file.fileName, fileBase64: file.base64 };
    const preview = await b.invoke('staff.importPreview', input);
    expect(preview.errors).toEqual([]);
    expect(preview.validRows).toBe(3);
    await b.invoke('staff.importApply', input);
    const rows = (await b.invoke('staff.list', { search: '', unitId: null, includeSubunits: true, status: 'all', officeId: null })).rows;
    expect(Object.fromEntries(rows.map((r) => [r.fullName, r.unitId]))).toEqual({
      'Nguyễn Văn An': ub.vpTc,
      'Trần Thị Bình': ub.vpNv,
      'Lê Văn Cường': ub.tt,
    });
    b.close();
  });
});
