// At the province, a dossier of its own to send up from the dossiers received from offices
// (dossiers.consolidate): one award and year, every nominee once, the summary and report each
// office wrote carried along, the office councils' votes not; mixed awards or years, and the
// province's own dossiers, refused with what to do, nothing written.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { OFFICE_A, OFFICE_B, buildDossier, exportBytes, importBundle, makeOffice, makeProvince } from './helpers';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

const count = (core: Core, table: string) => (core.ctx.conn.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;

async function province() {
  const a = await makeOffice(OFFICE_A);
  const b = await makeOffice(OFFICE_B);
  const p = await makeProvince();
  cores.push(a.core, b.core, p);
  const da = await buildDossier(a, OFFICE_A, { docNumber: 5 });
  // the office edits what it says of its nominee: the province keeps the office's words
  await a.core.invoke('dossiers.reopen', { id: da.id });
  const n0 = da.nominees[0]!;
  await a.core.invoke('dossiers.updateNominee', {
    id: n0.id,
    data: { awardCode: 'BK_TINH', position: n0.position, unitName: n0.unitName, summary: 'Hoàn thành xuất sắc nhiệm vụ 2 năm liền; sáng kiến cấp cơ sở.', votesAgree: 5, votesTotal: 5 },
  });
  await a.core.invoke('dossiers.submit', { id: da.id });
  await buildDossier(b, OFFICE_B, { docNumber: 12 });
  await importBundle(p, await exportBytes(a.core));
  await importBundle(p, await exportBytes(b.core));
  return { a, b, p };
}

describe('a dossier sent up from the dossiers received', () => {
  it('gathers their nominees once each with the offices\' summaries and reports, in a draft of the province\'s own', async () => {
    const { p } = await province();
    const received = await p.invoke('dossiers.list', { scope: 'received' });
    // a dossier named twice counts once
    const d = await p.invoke('dossiers.consolidate', { ids: [...received.map((r) => r.id), received[0]!.id] });
    expect(d.own).toBe(true);
    expect(d.status).toBe('draft');
    expect(d.awardCode).toBe('BK_TINH');
    expect(d.year).toBe(2025);
    expect(d.nominees.map((n) => n.name).sort()).toEqual(['Hoàng Văn Đức', 'Nguyễn Văn An', 'Phạm Thị Hoa']);
    const an = d.nominees.find((n) => n.name === 'Nguyễn Văn An')!;
    expect(an.summary).toBe('Hoàn thành xuất sắc nhiệm vụ 2 năm liền; sáng kiến cấp cơ sở.');
    // each unit named with its office: both offices have a "Văn phòng"
    expect(d.nominees.map((n) => `${n.name}: ${n.unitName}`).sort()).toEqual([
      `Hoàng Văn Đức: Văn phòng, ${OFFICE_B.name}`,
      `Nguyễn Văn An: Văn phòng, ${OFFICE_A.name}`,
      `Phạm Thị Hoa: Văn phòng, ${OFFICE_B.name}`,
    ]);
    // the province's council votes anew
    expect(d.nominees.every((n) => n.votesAgree === null)).toBe(true);
    // each report as the office wrote it
    const sources = new Map<string, string>();
    for (const r of received) for (const n of (await p.invoke('dossiers.get', { id: r.id })).nominees) sources.set(n.name, n.id);
    for (const n of d.nominees) {
      const report = await p.invoke('dossiers.getReport', { nomineeId: n.id });
      const source = await p.invoke('dossiers.getReport', { nomineeId: sources.get(n.name)! });
      expect(report.saved, n.name).toBe(true);
      expect(report.content, n.name).toEqual(source.content);
    }
    // the received dossiers are unchanged, and the list of own dossiers has the new one
    expect((await p.invoke('dossiers.list', { scope: 'received' })).map((r) => r.nomineeCount).sort()).toEqual([1, 2]);
    expect((await p.invoke('dossiers.list', { scope: 'own' })).map((r) => r.id)).toEqual([d.id]);
    // its tờ trình cites the offices' (the order the received list gave)
    // (the last of the bases ends with a full stop: no meeting yet)
    const cited = d.coverDefaults.bases.filter((b) => b.startsWith('Căn cứ Tờ trình')).map((b) => b.replace(/[;.]$/, ''));
    expect(cited.sort()).toEqual([
      `Căn cứ Tờ trình số 05/TTr-PNVBT ngày 20/11/2025 của ${OFFICE_A.name}`,
      `Căn cứ Tờ trình số 12/TTr-PNVSP ngày 20/11/2025 của ${OFFICE_B.name}`,
    ]);
    // it names what it was made from, and each received dossier names it
    expect(d.sources.map((x) => [x.officeName, x.nomineeCount, x.status, x.resubmitted]).sort()).toEqual([
      [OFFICE_A.name, 1, 'submitted', false],
      [OFFICE_B.name, 2, 'submitted', false],
    ]);
    for (const r of received) expect((await p.invoke('dossiers.get', { id: r.id })).consolidatedInto).toEqual([{ id: d.id, title: d.title }]);
    expect((await p.invoke('dossiers.list', { scope: 'received' })).map((r) => r.consolidatedInto)).toEqual([[{ id: d.id, title: d.title }], [{ id: d.id, title: d.title }]]);
    // a received dossier goes into one dossier sent up: again is refused, nothing written …
    const nominees = count(p, 'dossier_nominee');
    const again = await p.call('dossiers.consolidate', { ids: [received[0]!.id] });
    expect(!again.ok && again.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`đã được đưa vào hồ sơ trình cấp trên “${d.title}”`) });
    expect(count(p, 'dossier_nominee')).toBe(nominees);
    // … until that draft is deleted
    await p.invoke('dossiers.delete', { id: d.id });
    expect((await p.invoke('dossiers.get', { id: received[0]!.id })).consolidatedInto).toEqual([]);
    const anew = await p.invoke('dossiers.consolidate', { ids: [received[0]!.id] });
    expect(anew.nominees).toHaveLength(received[0]!.nomineeCount);
  });

  it('refuses mixed awards or years, the province\'s own dossier, unknown ids, a nominee gone and a dossier answered, writing nothing', async () => {
    const { p } = await province();
    const received = await p.invoke('dossiers.list', { scope: 'received' });
    const ids = received.map((r) => r.id);
    const before = () => [count(p, 'dossier'), count(p, 'dossier_nominee'), count(p, 'dossier_report')];
    const was = before();
    // one office's dossier for another award (as if it had sent one)
    const setAward = p.ctx.conn.sqlite.prepare('UPDATE dossier SET award_code = ?, year = ? WHERE id = ?');
    setAward.run('CSTD_TINH', 2025, ids[1]);
    const mixed = await p.call('dossiers.consolidate', { ids });
    expect(!mixed.ok && mixed.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Một hồ sơ trình cấp trên chỉ gồm một hình thức') });
    setAward.run('BK_TINH', 2024, ids[1]);
    const years = await p.call('dossiers.consolidate', { ids });
    expect(!years.ok && years.error.message).toContain('thuộc 2 năm khác nhau (2024, 2025)');
    setAward.run('BK_TINH', 2025, ids[1]);
    const own = await p.invoke('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    const withOwn = await p.call('dossiers.consolidate', { ids: [ids[0]!, own.id] });
    expect(!withOwn.ok && withOwn.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Hãy tải lại danh sách hồ sơ nhận') });
    const unknown = await p.call('dossiers.consolidate', { ids: ['khong-co'] });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    // a nominee no longer among the staff: refused after the new dossier was begun, which goes too
    p.ctx.conn.sqlite.prepare("UPDATE staff SET deleted_at = '2025-12-01T00:00:00.000Z' WHERE full_name = 'Phạm Thị Hoa'").run();
    const gone = await p.call('dossiers.consolidate', { ids });
    expect(!gone.ok && gone.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('không còn trong danh sách cán bộ') });
    // a dossier the province has answered (returned) is not sent up
    await p.invoke('dossiers.recordOutcome', { id: ids[1]!, outcome: 'returned', reason: 'Thiếu báo cáo có xác nhận.' } as never);
    const answered = await p.call('dossiers.consolidate', { ids });
    expect(!answered.ok && answered.error.message).toContain('1 hồ sơ đang hiện đã có kết quả');
    // nothing written but the province's own empty dossier made above
    expect(before()).toEqual([was[0]! + 1, was[1], was[2]]);
  });
});
