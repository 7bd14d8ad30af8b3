// Plans whose appendix is shaped differently from the reference plans also yield tasks:
// months instead of quarters (a .txt and a Word file), and a quarter column.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { MONTHS_DOCX_EXPECTED, MONTHS_PLAN_TXT, MONTHS_TXT_EXPECTED, buildMonthsPlanDocx } from '../../fixtures/tasks/make-plans';

describe('tasks from differently shaped appendices', () => {
  it('a .txt plan timed by month and date: quarters and due dates from the "Thời gian thực hiện" column', async () => {
    const core = await testCore({ today: '2026-02-01' });
    const { record } = await core.invoke('plans.import', { fileName: 'months-plan-2026.txt', fileBase64: fs.readFileSync(MONTHS_PLAN_TXT).toString('base64') });
    // the importer keeps this table as a generic table (no quarters in it): the tracker reads its columns
    const blocks = record.plan.appendices.flatMap((a) => a.blocks);
    expect(blocks.some((b) => b.kind === 'quarterly')).toBe(false);
    expect(blocks.some((b) => b.kind === 'table')).toBe(true);

    const preview = await core.invoke('tasks.planPreview', { planId: record.id });
    expect(preview.source).toBe('table');
    expect(preview.year).toBe(2026);
    const r = await core.invoke('tasks.fromPlan', { planId: record.id });
    expect(r.created).toBe(6);
    const { rows } = await core.invoke('tasks.list', { year: 2026 });
    expect(Object.fromEntries(rows.map((t) => [t.title, [t.quarter, t.dueDate, t.lead.map((u) => u.name), t.coordinating.map((u) => u.name)]]))).toEqual(
      MONTHS_TXT_EXPECTED,
    );
    const note = rows.find((t) => t.title === 'Xét công nhận sáng kiến cấp cơ sở đợt I')!;
    expect(note.description).toBe('Theo Quyết định số 05/QĐ-SNV');
    expect(note.timing).toBe('Tháng 5 - 6/2026');
    // re-sync: still six
    expect((await core.invoke('tasks.fromPlan', { planId: record.id })).unchanged).toBe(6);
    expect((await core.invoke('tasks.list', { year: 2026 })).total).toBe(6);
    core.close();
  });

  it('a Word plan with a "Tháng" column merged over its rows', async () => {
    const core = await testCore({ today: '2025-03-01' });
    const bytes = await buildMonthsPlanDocx();
    const { record } = await core.invoke('plans.import', { fileName: 'bao-ha-2025.docx', fileBase64: Buffer.from(bytes).toString('base64') });
    expect(record.year).toBe(2025);
    const r = await core.invoke('tasks.fromPlan', { planId: record.id });
    expect(r.created).toBe(4);
    const { rows } = await core.invoke('tasks.list', { year: 2025 });
    expect(Object.fromEntries(rows.map((t) => [t.title, [t.quarter, t.dueDate, t.lead.map((u) => u.name)]]))).toEqual(MONTHS_DOCX_EXPECTED);
    expect(rows.find((t) => t.title === 'Tổ chức đăng ký thi đua với các thôn')!.coordinating.map((u) => u.name)).toEqual(['Các thôn', 'Mặt trận Tổ quốc xã']);
    // on 01/03/2025 the two February tasks are overdue
    expect(rows.filter((t) => t.overdue).map((t) => t.quarter)).toEqual([1, 1]);
    core.close();
  });

  it('a "Quý | Nội dung | Chủ trì | Phối hợp | Thời gian" table: quarter column and month due dates', async () => {
    const core = await testCore({ today: '2026-04-01' });
    const file = path.resolve(__dirname, '../../fixtures/plans/tan-phong-2026.txt');
    const { record } = await core.invoke('plans.import', { fileName: 'tan-phong-2026.txt', fileBase64: fs.readFileSync(file).toString('base64') });
    await core.invoke('tasks.fromPlan', { planId: record.id });
    const { rows } = await core.invoke('tasks.list', { year: 2026 });
    expect(rows.map((t) => [t.quarter, t.dueDate])).toEqual([
      [1, '2026-03-31'],
      [2, '2026-05-31'],
      [2, '2026-06-30'],
      [3, '2026-09-30'],
      [4, '2026-12-31'],
    ]);
    core.close();
  });
});
