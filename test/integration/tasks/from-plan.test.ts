// Tasks from the Lào Cai reference plan: 15 tasks in the right quarters with the right units,
// linked to the plan; re-sync never duplicates; plan edits update open tasks, leave done ones,
// and remove vanished ones only when confirmed.
import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { importReferencePlan, ALL_UNITS, DISTRICTS, TT, VP } from './helpers';
import type { Plan } from '../../../shared/plans/model';

describe('tasks from the reference plan', () => {
  it('creates exactly 15 tasks in quarters 4/5/2/4 with lead and coordinating units', async () => {
    const core = await testCore({ today: '2022-05-10' });
    const vp = await core.invoke('units.create', { name: 'Văn phòng Sở' });
    const plan = await importReferencePlan(core);
    expect(plan.year).toBe(2022);

    const preview = await core.invoke('tasks.planPreview', { planId: plan.id });
    expect(preview).toMatchObject({ year: 2022, source: 'quarterly', unchanged: 0, update: [], vanished: [] });
    expect(preview.add).toHaveLength(15);
    // names that match no unit are listed (they are kept as text)
    expect(preview.unmatchedUnits).toEqual(expect.arrayContaining([TT, ALL_UNITS, DISTRICTS]));
    expect(preview.unmatchedUnits).not.toContain(VP);
    // the preview wrote nothing
    expect((await core.invoke('tasks.list', { year: 2022 })).total).toBe(0);

    const r = await core.invoke('tasks.fromPlan', { planId: plan.id });
    expect(r).toMatchObject({ created: 15, updated: 0, unchanged: 0, removed: 0, year: 2022 });

    const { rows } = await core.invoke('tasks.list', { year: 2022 });
    expect(rows).toHaveLength(15);
    const perQuarter = [1, 2, 3, 4].map((q) => rows.filter((t) => t.quarter === q).length);
    expect(perQuarter).toEqual([4, 5, 2, 4]);
    expect(rows.every((t) => t.planId === plan.id && t.planTaskId && t.source === 'plan')).toBe(true);
    expect(new Set(rows.map((t) => t.planTaskId)).size).toBe(15);

    // lead: "Văn phòng Sở" everywhere, matched to the unit; one task "Văn phòng Sở; Thanh tra Sở"
    const twoLeads = rows.filter((t) => t.lead.length === 2);
    expect(twoLeads).toHaveLength(1);
    expect(twoLeads[0]!.title).toBe('Kiểm tra công tác thi đua, khen thưởng năm 2022');
    expect(twoLeads[0]!.quarter).toBe(3);
    expect(twoLeads[0]!.lead).toEqual([
      { unitId: vp.id, name: VP },
      { unitId: null, name: TT },
    ]);
    expect(rows.every((t) => t.lead[0]!.unitId === vp.id && t.lead[0]!.name === VP)).toBe(true);

    // coordinating units as written, split at ';' only
    const first = rows.find((t) => t.title === 'Kế hoạch công tác TĐKT năm 2022')!;
    expect(first.quarter).toBe(1);
    expect(first.coordinating.map((u) => u.name)).toEqual([ALL_UNITS, DISTRICTS]);
    const q4 = rows.filter((t) => t.quarter === 4);
    expect(q4.every((t) => t.coordinating.length === 1 && t.coordinating[0]!.name === ALL_UNITS)).toBe(true);
    const withDistricts = rows.filter((t) => t.coordinating.some((u) => u.name === DISTRICTS));
    expect(withDistricts.map((t) => t.quarter)).toEqual([1, 1, 1, 3]);

    // a quarter without a due date is due at the quarter's end
    expect(first.dueDate).toBeNull();
    expect(first.effectiveDue).toBe('2022-03-31');
    expect(first.overdue).toBe(true); // today is 10/05/2022
    const q2 = rows.filter((t) => t.quarter === 2);
    expect(q2.every((t) => t.effectiveDue === '2022-06-30' && !t.overdue)).toBe(true);

    // by unit: "Văn phòng Sở" leads all 15; a unit created later is found by its name
    const byVp = await core.invoke('tasks.list', { year: 2022, unitId: vp.id });
    expect(byVp.total).toBe(15);
    expect((await core.invoke('tasks.list', { year: 2022, unitId: vp.id, unitRole: 'coordinating' })).total).toBe(0);
    const tt = await core.invoke('units.create', { name: 'Thanh tra Sở' });
    const byTt = await core.invoke('tasks.list', { year: 2022, unitId: tt.id });
    expect(byTt.rows.map((t) => t.title)).toEqual(['Kiểm tra công tác thi đua, khen thưởng năm 2022']);
    const all = await core.invoke('units.create', { name: 'Các phòng, đơn vị trực thuộc Sở' });
    expect((await core.invoke('tasks.list', { year: 2022, unitId: all.id, unitRole: 'coordinating' })).total).toBe(15);
    expect((await core.invoke('tasks.list', { year: 2022, quarter: 3, unitId: all.id })).total).toBe(2);
    core.close();
  });

  it('re-sync creates no duplicates; plan edits update open tasks only; vanished removed only when confirmed', async () => {
    const core = await testCore({ today: '2022-05-10' });
    const plan = await importReferencePlan(core);
    await core.invoke('tasks.fromPlan', { planId: plan.id });
    const again = await core.invoke('tasks.fromPlan', { planId: plan.id });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 15, vanished: 0 });
    expect((await core.invoke('tasks.list', { year: 2022 })).total).toBe(15);

    // a unit created after the first sync: re-sync links the open tasks to it
    const vp = await core.invoke('units.create', { name: 'VĂN PHÒNG SỞ' });
    const relinked = await core.invoke('tasks.fromPlan', { planId: plan.id });
    expect(relinked).toMatchObject({ created: 0, updated: 15 });
    expect((await core.invoke('tasks.list', { year: 2022 })).rows.every((t) => t.lead[0]!.unitId === vp.id)).toBe(true);

    // finish one task; then edit the plan: rename it and another, drop one, add one
    const before = (await core.invoke('tasks.list', { year: 2022 })).rows;
    const done = before.find((t) => t.title.startsWith('Trình khen thưởng cho các tập thể'))!;
    await core.invoke('tasks.setStatus', { id: done.id, status: 'hoan_thanh', note: 'Đã trình 02 tập thể.' });

    const rec = await core.invoke('plans.get', { id: plan.id });
    const edited: Plan = structuredClone(rec.plan);
    const table = edited.appendices.flatMap((a) => a.blocks).find((b) => b.kind === 'quarterly');
    if (!table || table.kind !== 'quarterly') throw new Error('no quarterly table');
    const [g1, g2, g3] = table.groups;
    g1!.tasks.find((t) => t.title.startsWith('Trình khen thưởng cho các tập thể'))!.title += ' (bổ sung)';
    g2!.tasks[0]!.title = 'Tiếp tục thực hiện phong trào thi đua toàn diện năm 2022';
    g2!.tasks[0]!.lead = ['Văn phòng Sở', 'Công đoàn Sở'];
    const dropped = g3!.tasks.pop()!;
    g3!.tasks.push({ id: 'new-task-1', title: 'Tổ chức hội nghị điển hình tiên tiến', lead: ['Văn phòng Sở'], coordinating: [], timing: 'Tháng 9/2022' });
    await core.invoke('plans.save', { id: plan.id, plan: edited });

    const preview = await core.invoke('tasks.planPreview', { planId: plan.id });
    expect(preview.add.map((a) => [a.title, a.quarter, a.dueDate])).toEqual([['Tổ chức hội nghị điển hình tiên tiến', 3, '2022-09-30']]);
    expect(preview.update.map((u) => [u.title, u.changes])).toEqual([
      ['Tiếp tục thực hiện phong trào thi đua toàn diện năm 2022', ['Nội dung', 'Đơn vị chủ trì']],
    ]);
    expect(preview.skippedDone.map((u) => u.taskId)).toEqual([done.id]);
    expect(preview.vanished.map((v) => v.title)).toEqual([dropped.title]);
    expect(preview.unchanged).toBe(12);

    // without confirmation the vanished task stays
    const r1 = await core.invoke('tasks.fromPlan', { planId: plan.id });
    expect(r1).toMatchObject({ created: 1, updated: 1, skippedDone: 1, vanished: 1, removed: 0 });
    let rows = (await core.invoke('tasks.list', { year: 2022 })).rows;
    expect(rows).toHaveLength(16);
    const renamed = rows.find((t) => t.title === 'Tiếp tục thực hiện phong trào thi đua toàn diện năm 2022')!;
    expect(renamed.lead.map((u) => u.name)).toEqual(['VĂN PHÒNG SỞ', 'Công đoàn Sở']); // the unit's own name
    // the done task keeps its title, status and note
    const kept = rows.find((t) => t.id === done.id)!;
    expect(kept).toMatchObject({ title: done.title, status: 'hoan_thanh', latestNote: { text: 'Đã trình 02 tập thể.' } });

    // confirmed: removed (soft delete), and nothing else changes
    const r2 = await core.invoke('tasks.fromPlan', { planId: plan.id, removeVanished: true });
    expect(r2).toMatchObject({ created: 0, updated: 0, removed: 1 });
    rows = (await core.invoke('tasks.list', { year: 2022 })).rows;
    expect(rows).toHaveLength(15);
    expect(rows.some((t) => t.title === dropped.title)).toBe(false);
    expect((await core.invoke('tasks.fromPlan', { planId: plan.id })).created).toBe(0);
    core.close();
  });

  it('refuses a plan without a task table, with a message saying what to do', async () => {
    const core = await testCore();
    const rec = await core.invoke('plans.createFromTemplate', { templateId: 'annual-campaign', year: 2026 });
    const stripped = { ...rec.plan, appendices: [] };
    await core.invoke('plans.save', { id: rec.id, plan: stripped });
    await expect(core.invoke('tasks.fromPlan', { planId: rec.id })).rejects.toThrow(/không có bảng nhiệm vụ ở phụ lục/);
    await expect(core.invoke('tasks.fromPlan', { planId: 'no-such-plan' })).rejects.toThrow(/Không tìm thấy kế hoạch/);
    core.close();
  });
});
