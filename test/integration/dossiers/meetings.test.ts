// One council meeting usually weighs every award of the year: a dossier offers the meetings its
// office recorded on its other dossiers of that year (dossiers.otherMeetings), to copy into its own.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OFFICE_A, OFFICE_B, buildDossier, exportBytes, importBundle, makeOffice, makeProvince, type Office } from './helpers';
import type { Core } from '../../../electron/core/core';

const opened: Core[] = [];
afterAll(() => {
  for (const c of opened) {
    const dir = path.dirname(c.ctx.conn.path);
    c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const keep = (o: Office) => (opened.push(o.core), o);

describe('dossiers.otherMeetings', () => {
  it('lists the office’s other dossiers of the same year with a meeting recorded, newest change first; not itself, other years, empty meetings, deleted or received dossiers', async () => {
    const office = keep(await makeOffice(OFFICE_B));
    const core = office.core;
    const withMeeting = await buildDossier(office, OFFICE_B, { docNumber: 5, submit: false });
    const target = await core.invoke('dossiers.create', { year: 2025, awardCode: 'CSTDCS' });
    // no meeting recorded: not offered
    await core.invoke('dossiers.create', { year: 2025, awardCode: 'LDTT' });
    // another year's meeting: not offered
    const older = await core.invoke('dossiers.create', { year: 2024, awardCode: 'LDTT' });
    await core.invoke('dossiers.saveMeeting', { id: older.id, meeting: { date: '15/12/2024', chair: 'Vũ Thị Lan', membersPresent: ['Vũ Thị Lan'] } });
    // a deleted dossier's meeting: not offered
    const gone = await core.invoke('dossiers.create', { year: 2025, awardCode: 'TT_LDTT' });
    await core.invoke('dossiers.saveMeeting', { id: gone.id, meeting: { date: '01/12/2025', chair: 'Vũ Thị Lan', membersPresent: [] } });
    await core.invoke('dossiers.delete', { id: gone.id });
    // a chair alone counts as a meeting recorded (typed before the date is fixed)
    const chairOnly = await core.invoke('dossiers.create', { year: 2025, awardCode: 'TT_LDXS' });
    await core.invoke('dossiers.saveMeeting', { id: chairOnly.id, meeting: { chair: 'Vũ Thị Lan' } });

    const list = await core.invoke('dossiers.otherMeetings', { id: target.id });
    expect(list.map((o) => o.id)).toEqual([chairOnly.id, withMeeting.id]);
    const full = list[1]!;
    expect(full.title).toBe(withMeeting.title);
    expect(full.awardName).toBe('Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng');
    expect(full.meeting).toEqual({
      date: '2025-11-18',
      time: '14 giờ 00',
      place: 'Phòng họp Phòng Nội vụ xã Sa Pa',
      chair: 'Vũ Thị Lan',
      chairTitle: 'Trưởng phòng, Chủ tịch Hội đồng',
      secretary: 'Lý Thị Mai',
      membersPresent: ['Đỗ Văn Hải', 'Lý Thị Mai', 'Tạ Văn Nam', 'Cao Thị Oanh', 'Bùi Văn Phúc'],
      membersTotal: 7,
      number: null,
    });
    // the dossier itself is never offered; the one with the meeting sees the other
    expect((await core.invoke('dossiers.otherMeetings', { id: withMeeting.id })).map((o) => o.id)).toEqual([chairOnly.id]);
    await expect(core.invoke('dossiers.otherMeetings', { id: 'khong-co' })).rejects.toThrow('Không tìm thấy hồ sơ đề nghị');
  });

  it('at the province, the dossiers received from offices are not offered: their meetings are the offices’ councils', async () => {
    const a = keep(await makeOffice(OFFICE_A));
    await buildDossier(a, OFFICE_A, { docNumber: 3 });
    const province = await makeProvince();
    opened.push(province);
    await importBundle(province, await exportBytes(a.core));
    const own = await province.invoke('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    expect((await province.invoke('dossiers.list', { scope: 'received' })).length).toBe(1);
    expect(await province.invoke('dossiers.otherMeetings', { id: own.id })).toEqual([]);
  });
});
