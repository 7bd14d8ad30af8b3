// The quick search (search.all) through the core: each kind found by its own list's rule, typed
// without diacritics; the first few of each kind with their total; what tells hits apart; this
// year's and last year's tasks only; bad input refused.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { SearchGroup } from '../../../shared/contract/search';
import { testCore } from '../../support/core';
import { OFFICE_A, PROVINCE, exportBytes, makeOffice, makeProvince, src } from '../exchange/helpers';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function office(): Promise<{ core: Core; ids: Record<string, string> }> {
  const core = await testCore({ today: '2026-02-10' });
  cores.push(core);
  const ids: Record<string, string> = {};
  const unit = async (key: string, name: string, parentId: string | null = null) => (ids[key] = (await core.invoke('units.create', { name, parentId })).id);
  await unit('stc', 'Sở Tài chính');
  await unit('vpTc', 'Văn phòng', ids.stc);
  await unit('stp', 'Sở Tư pháp');
  await unit('vpTp', 'Văn phòng', ids.stp);
  const person = async (key: string, fullName: string, unitId: string, extra: Record<string, unknown> = {}) =>
    (ids[key] = (await core.invoke('staff.create', { fullName, unitId, position: 'Chuyên viên', birthDate: '05/03/1980', ...extra })).id);
  await person('hoa1', 'Trần Thị Hoa', ids.vpTc!);
  await person('hoa2', 'Trần Thị Hoa', ids.vpTp!, { birthDate: '20/11/1985' });
  await person('hung', 'Lê Văn Hùng', ids.vpTc!, { status: 'nghi_huu' });
  for (let i = 1; i <= 6; i++) await person(`nv${i}`, `Nguyễn Văn Nam ${i}`, ids.vpTp!);

  const campaign = await core.invoke('campaigns.create', { name: 'Phong trào thi đua "Chuyển đổi số"', kind: 'chuyen_de', yearFrom: 2025, yearTo: 2026 });
  ids.campaign = campaign.id;
  ids.plan = (await core.invoke('plans.createFromTemplate', { templateId: 'annual-campaign', year: 2026, campaignId: campaign.id })).id;
  for (const [key, year] of [
    ['task2026', 2026],
    ['task2025', 2025],
    ['task2024', 2024],
  ] as const) {
    ids[key] = (await core.invoke('tasks.create', { year, dueDate: `31/03/${year}`, title: `Báo cáo sơ kết chuyển đổi số quý 1 năm ${year}` })).id;
  }
  ids.decision = (
    await core.invoke('records.saveDecision', {
      data: { number: '215/QĐ-UBND', decisionDate: '20/12/2025', issuer: 'UBND tỉnh Lào Cai', awardCode: 'BK_TINH', year: 2025, recipients: [{ kind: 'person', staffId: ids.hoa1 }] },
    })
  ).id;
  const dossier = await core.invoke('dossiers.create', { year: 2025, awardCode: 'CSTDCS' });
  await core.invoke('dossiers.addNominees', { id: dossier.id, nominees: [{ kind: 'person', staffId: ids.hoa2 }] });
  ids.dossier = dossier.id;
  return { core, ids };
}

const byKind = (groups: SearchGroup[]) => Object.fromEntries(groups.map((g) => [g.kind, g]));

describe('quick search', () => {
  it('finds each kind by its list rule, typed without diacritics, and says what tells hits apart', async () => {
    const { core, ids } = await office();
    const search = async (query: string) => byKind((await core.invoke('search.all', { query })).groups);

    // two namesakes: told apart by their unit path and birth date; both in the dossier's search too
    const hoa = await search('tran thi hoa');
    expect(hoa.staff!.hits.map((h) => [h.id, h.detail])).toEqual([
      [ids.hoa1, 'Văn phòng (Sở Tài chính) · Chuyên viên · sinh 05/03/1980'],
      [ids.hoa2, 'Văn phòng (Sở Tư pháp) · Chuyên viên · sinh 20/11/1985'],
    ]);
    expect(hoa.staff!.hits[0]!.unitId).toBe(ids.vpTc);
    expect(hoa.dossier!.hits.map((h) => [h.id, h.detail])).toEqual([[ids.dossier, 'năm 2025 · 1 đề nghị · có Trần Thị Hoa']]);
    expect(Object.keys(hoa).sort()).toEqual(['dossier', 'staff']);

    // the retired are found, and said to be retired
    expect((await search('hung')).staff!.hits[0]!.detail).toBe('Văn phòng (Sở Tài chính) · Chuyên viên · sinh 05/03/1980 · Nghỉ hưu');

    // units: words may name a parent ("van phong tai chinh"); a Sở counts its sub-units' people at work (Hùng retired)
    expect((await search('van phong tai chinh')).unit!.hits.map((h) => [h.id, h.title, h.detail])).toEqual([[ids.vpTc, 'Văn phòng', 'Sở Tài chính · 1 người']]);
    expect((await search('so tu phap')).unit!.hits.map((h) => [h.title, h.detail])).toEqual([['Sở Tư pháp', '7 người']]);

    // the first five of a kind, with the total
    const nam = (await search('nguyen van nam')).staff!;
    expect(nam.total).toBe(6);
    expect(nam.hits).toHaveLength(5);
    const three = byKind((await core.invoke('search.all', { query: 'nguyen van nam', limit: 3 })).groups).staff!;
    expect([three.total, three.hits.length]).toEqual([6, 3]);

    // campaigns, plans by their title, tasks of this year and last year only (2024's is left out)
    const cds = await search('chuyen doi so');
    expect(cds.campaign!.hits.map((h) => [h.id, h.detail])).toEqual([[ids.campaign, '2025–2026 · 1 kế hoạch']]);
    expect(cds.task!.hits.map((h) => [h.id, h.year, h.quarter])).toEqual([
      [ids.task2026, 2026, 1],
      [ids.task2025, 2025, 1],
    ]);
    expect(cds.task!.hits[0]!.detail).toBe('hạn 31/03/2026 · quý 1/2026 · Chưa thực hiện');
    const plan = await core.invoke('plans.get', { id: ids.plan });
    const plans = (await search(plan.title)).plan!;
    expect(plans.hits.map((h) => [h.id, h.year])).toEqual([[ids.plan, 2026]]);

    // a decision by its number, with its date, year and recipients
    const d = (await search('215/qd')).decision!;
    expect(d.hits.map((h) => [h.id, h.title, h.detail, h.year])).toEqual([
      [ids.decision, '215/QĐ-UBND · Bằng khen tỉnh', '20/12/2025 · năm 2025 · UBND tỉnh Lào Cai · 1 người, tập thể', 2025],
    ]);

    // the lists a search keeps are read again after any write: this program's …
    await core.invoke('tasks.create', { year: 2026, dueDate: '30/06/2026', title: 'Kiểm tra chuyển đổi số giữa năm' });
    expect((await search('chuyen doi so')).task!.hits.map((h) => h.title)).toContain('Kiểm tra chuyển đổi số giữa năm');
    await core.invoke('units.create', { name: 'Phòng Chuyển đổi số', parentId: ids.stc });
    expect((await search('chuyen doi so')).unit!.hits.map((h) => h.detail)).toEqual(['Sở Tài chính · 0 người']);
    // … and another program's (a second connection to the file)
    const other = new Database(core.ctx.conn.sqlite.name);
    other.prepare("UPDATE award_decision SET number = '216/QĐ-UBND' WHERE id = ?").run(ids.decision);
    other.close();
    expect((await search('216/qd')).decision!.hits.map((h) => h.id)).toEqual([ids.decision]);
    expect((await search('215/qd')).decision).toBeUndefined();

    // nothing typed, nothing found
    expect((await core.invoke('search.all', { query: '   ' })).groups).toEqual([]);
    expect((await core.invoke('search.all', { query: 'khong co gi nhu the nay' })).groups).toEqual([]);
  });

  it('at the province, names the office of what it finds from the offices\' bundles', async () => {
    const office = await makeOffice(OFFICE_A);
    const province = await makeProvince();
    cores.push(office, province);
    await province.invoke('exchange.apply', src(await exportBytes(office)));
    await province.invoke('units.create', { name: 'Văn phòng' });
    const found = async (query: string) => Object.fromEntries((await province.invoke('search.all', { query })).groups.map((g) => [g.kind, g]));
    // two top-level "Văn phòng": each unit found says whose it is …
    const offices = (await found('van phong')).unit!.hits.filter((h) => h.title === 'Văn phòng').map((h) => h.detail);
    expect(offices.sort()).toEqual([`${OFFICE_A.name} · 2 người`, `${PROVINCE.name} · 0 người`].sort());
    // … and a person's unit is named with its office
    expect((await found('nguyen van an')).staff!.hits[0]!.detail).toContain(`Văn phòng — ${OFFICE_A.name}`);
  });

  it('refuses a query too long, in Vietnamese', async () => {
    const core = await testCore();
    cores.push(core);
    const r = await core.call('search.all', { query: 'a'.repeat(201) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('tối đa 200 ký tự');
  });
});
