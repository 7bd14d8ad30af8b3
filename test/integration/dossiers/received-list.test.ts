// At the province, the nominees of the dossiers received from offices in one signed list
// (dossiers.receivedList): a group per dossier with its award, office, tờ trình and state, each
// nominee with position, unit, summary and the office council's vote; only received dossiers.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { readBook, sheetRows } from '../../support/xlsx';
import { OFFICE_A, OFFICE_B, PROVINCE, buildDossier, exportBytes, importBundle, makeOffice, makeProvince } from './helpers';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

describe('the province\'s consolidated list of received nominees', () => {
  it('a group per dossier, awards in catalogue order then offices by name, each nominee with the office council\'s vote', async () => {
    const a = await makeOffice(OFFICE_A);
    const b = await makeOffice(OFFICE_B);
    const p = await makeProvince();
    cores.push(a.core, b.core, p);
    await buildDossier(a, OFFICE_A, { docNumber: 5 });
    await buildDossier(b, OFFICE_B, { docNumber: 12 });
    await importBundle(p, await exportBytes(a.core));
    await importBundle(p, await exportBytes(b.core));
    const received = await p.invoke('dossiers.list', { scope: 'received' });
    // Sa Pa's dossier returned: the state shows in its group
    const sapa = received.find((d) => d.originOfficeName === OFFICE_B.name)!;
    await p.invoke('dossiers.recordOutcome', { id: sapa.id, outcome: 'returned', reason: 'Thiếu báo cáo thành tích có xác nhận.' } as never);

    const file = await p.invoke('dossiers.receivedList', { ids: received.map((d) => d.id) });
    expect(file.fileName).toBe('tong-hop-de-nghi-khen-thuong-2025.xlsx');
    const rows = sheetRows((await readBook(file)).worksheets[0]!);
    expect(rows[1]).toEqual([PROVINCE.name.toLocaleUpperCase('vi')]);
    expect(rows[3]).toEqual(['DANH SÁCH TỔNG HỢP ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025']);
    expect(rows[4]).toEqual(['2 hồ sơ của 2 cơ quan, đơn vị gửi lên; 3 cá nhân được đề nghị']);
    const head = rows.findIndex((r) => r[0] === 'STT');
    expect(rows[head]).toEqual(['STT', 'Họ và tên / Tên tập thể', 'Chức vụ', 'Đơn vị', 'Tóm tắt thành tích', 'Hội đồng cơ quan đồng ý']);
    const body = rows.slice(head + 1, head + 6);
    expect(body[0]).toEqual(['I', `Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng năm 2025 — ${OFFICE_A.name} (Tờ trình số 05/TTr-PNVBT ngày 20/11/2025; Đã nhận)`]);
    expect(body[1]!.slice(0, 4)).toEqual([1, 'Nguyễn Văn An', 'Chánh văn phòng', 'Văn phòng']);
    expect(body[1]![5]).toBe('5/5 phiếu');
    expect(body[2]).toEqual(['II', `Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng năm 2025 — ${OFFICE_B.name} (Tờ trình số 12/TTr-PNVSP ngày 20/11/2025; Đã trả lại)`]);
    expect(body.slice(3).map((r) => r[1]).sort()).toEqual(['Hoàng Văn Đức', 'Phạm Thị Hoa']);
    expect(rows.flat()).toContain('NGƯỜI LẬP BIỂU');

    // only the dossiers asked for
    const one = sheetRows((await readBook(await p.invoke('dossiers.receivedList', { ids: [sapa.id] }))).worksheets[0]!);
    expect(one[4]).toEqual(['1 hồ sơ của 1 cơ quan, đơn vị gửi lên; 2 cá nhân được đề nghị']);
  });

  it('refuses the province\'s own dossier, an unknown id and an empty list, saying what to do', async () => {
    const p = await makeProvince();
    cores.push(p);
    const own = await p.invoke('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    for (const ids of [[own.id], ['khong-co']]) {
      const r = await p.call('dossiers.receivedList', { ids });
      expect(!r.ok && r.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Hãy tải lại danh sách hồ sơ nhận') });
    }
    const none = await p.call('dossiers.receivedList', { ids: [] });
    expect(!none.ok && none.error.message).toContain('Không có hồ sơ nào đang hiện để tổng hợp.');
  });
});
