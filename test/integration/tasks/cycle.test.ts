// The yearly cycle: copy a year's tasks to the next year; the recurring TĐKT calendar.
import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { importReferencePlan } from './helpers';

describe('copying a year', () => {
  it('copies with dates and titles shifted, status reset, no notes; twice creates nothing; links to the new plan', async () => {
    const core = await testCore({ today: '2022-12-20' });
    const plan = await importReferencePlan(core);
    await core.invoke('tasks.fromPlan', { planId: plan.id });
    const src = (await core.invoke('tasks.list', { year: 2022 })).rows;
    await core.invoke('tasks.setStatus', { id: src[0]!.id, status: 'hoan_thanh', note: 'Xong' });
    const dated = await core.invoke('tasks.create', { year: 2022, quarter: 1, dueDate: '2022-02-28', title: 'Tập huấn nghiệp vụ TĐKT năm 2022' });
    await core.invoke('tasks.addNote', { taskId: dated.id, text: 'ghi chú' });

    // next year's plan: the duplicate of 2022's (titles shifted, new ids)
    const plan23 = await core.invoke('plans.duplicate', { id: plan.id, yearDelta: 1 });
    const r = await core.invoke('tasks.copyYear', { fromYear: 2022, planId: plan23.id });
    expect(r).toEqual({ created: 16, skipped: 0, linked: 15, toYear: 2023 });
    const copies = (await core.invoke('tasks.list', { year: 2023 })).rows;
    expect(copies).toHaveLength(16);
    expect(copies.every((t) => t.status === 'chua_thuc_hien' && t.noteCount === 0 && t.attachmentCount === 0 && t.completedOn === null)).toBe(true);
    expect(copies.map((t) => t.title)).toContain('Kế hoạch công tác TĐKT năm 2023');
    expect(copies.some((t) => /2022/.test(t.title))).toBe(false);
    const d = copies.find((t) => t.title === 'Tập huấn nghiệp vụ TĐKT năm 2023')!;
    expect(d).toMatchObject({ dueDate: '2023-02-28', quarter: 1, planId: null, source: 'manual' });
    expect(copies.filter((t) => t.planId === plan23.id)).toHaveLength(15);
    expect([1, 2, 3, 4].map((q) => copies.filter((t) => t.quarter === q).length)).toEqual([5, 5, 2, 4]);
    const twoLeads = copies.find((t) => t.lead.length === 2)!;
    expect(twoLeads.lead.map((u) => u.name)).toEqual(['Văn phòng Sở', 'Thanh tra Sở']);

    // the linked copies are the new plan's tasks: syncing that plan adds nothing
    expect(await core.invoke('tasks.fromPlan', { planId: plan23.id })).toMatchObject({ created: 0, unchanged: 15 });
    // copying again: nothing new
    expect(await core.invoke('tasks.copyYear', { fromYear: 2022 })).toEqual({ created: 0, skipped: 16, linked: 0, toYear: 2023 });
    // the source year is untouched
    expect((await core.invoke('tasks.list', { year: 2022 })).rows.filter((t) => t.status === 'hoan_thanh')).toHaveLength(1);
    await expect(core.invoke('tasks.copyYear', { fromYear: 2019 })).rejects.toThrow(/chưa có nhiệm vụ/);
    core.close();
  });
});

describe('the recurring TĐKT calendar', () => {
  it('generates the yearly items once, with editable default due dates remembered', async () => {
    const core = await testCore({ today: '2026-01-05' });
    const items = await core.invoke('tasks.calendar', { year: 2026 });
    expect(items.map((i) => [i.quarter, i.dueDate, i.exists])).toEqual([
      [1, '2026-01-31', false],
      [1, '2026-03-15', false],
      [2, '2026-06-30', false],
      [4, '2026-11-30', false],
      [4, '2026-12-20', false],
    ]);
    expect(items.map((i) => i.title)).toEqual([
      'Xây dựng, ban hành Kế hoạch công tác thi đua, khen thưởng năm 2026',
      'Phát động phong trào thi đua và tổ chức đăng ký thi đua năm 2026',
      'Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026',
      'Hạn nộp hồ sơ đề nghị khen thưởng tổng kết năm 2026',
      'Tổng kết công tác thi đua, khen thưởng năm 2026',
    ]);
    const r = await core.invoke('tasks.generateCalendar', {
      year: 2026,
      items: items.map((i) => ({ key: i.key, dueDate: i.key === 'so_ket_6_thang' ? '15/06/2026' : i.dueDate })),
    });
    expect(r).toEqual({ created: 5, skipped: 0 });
    const rows = (await core.invoke('tasks.list', { year: 2026 })).rows;
    expect(rows.map((t) => [t.effectiveQuarter, t.dueDate, t.source])).toEqual([
      [1, '2026-01-31', 'calendar'],
      [1, '2026-03-15', 'calendar'],
      [2, '2026-06-15', 'calendar'],
      [4, '2026-11-30', 'calendar'],
      [4, '2026-12-20', 'calendar'],
    ]);
    // twice: nothing new
    expect(await core.invoke('tasks.generateCalendar', { year: 2026 })).toEqual({ created: 0, skipped: 5 });
    expect((await core.invoke('tasks.calendar', { year: 2026 })).every((i) => i.exists)).toBe(true);
    // the edited due date is next year's default
    const next = await core.invoke('tasks.calendar', { year: 2027 });
    expect(next.find((i) => i.key === 'so_ket_6_thang')!.dueDate).toBe('2027-06-15');
    // only some items
    expect(await core.invoke('tasks.generateCalendar', { year: 2027, items: [{ key: 'tong_ket_nam', dueDate: null }] })).toEqual({ created: 1, skipped: 0 });
    // copying 2026 to 2027 skips the calendar item 2027 already has
    expect(await core.invoke('tasks.copyYear', { fromYear: 2026 })).toMatchObject({ created: 4, skipped: 1 });
    core.close();
  });
});
