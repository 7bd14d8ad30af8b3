// Reading a plan's appendix into task items: quarterly tables, and tables timed by month.
import { describe, expect, it } from 'vitest';
import { planTaskItems, splitUnitNames } from '../../../shared/tasks/from-plan';
import type { Plan } from '../../../shared/plans/model';

function plan(appendixBlocks: Plan['appendices'][number]['blocks']): Plan {
  return {
    schemaVersion: 1,
    id: 'p',
    header: { parentAgency: '', agency: 'X', docNumber: null, place: 'Y', date: { year: 2026 } },
    docType: 'KẾ HOẠCH',
    title: ['Kế hoạch năm 2026'],
    bases: [],
    preamble: [],
    sections: [],
    closing: [],
    recipients: [],
    signer: null,
    appendices: [{ id: 'a', heading: 'PHỤ LỤC', subtitle: [], blocks: appendixBlocks }],
  };
}

describe('planTaskItems', () => {
  it('quarterly groups; a non-quarter group takes the quarter from the timing text', () => {
    const p = plan([
      {
        kind: 'quarterly',
        id: 't',
        groups: [
          { id: 'g1', quarter: 2, label: null, tasks: [{ id: 'k1', title: ' Sơ kết  6 tháng ', lead: ['Văn phòng'], coordinating: [] }] },
          {
            id: 'g2',
            quarter: null,
            label: 'Nhiệm vụ thường xuyên',
            tasks: [
              { id: 'k2', title: 'Kiểm tra', lead: [], coordinating: ['Thanh tra'], timing: 'Tháng 8/2026' },
              { id: 'k3', title: 'Tuyên truyền', lead: [], coordinating: [], timing: 'Thường xuyên' },
            ],
          },
        ],
      },
    ]);
    const r = planTaskItems(p, 2026);
    expect(r.source).toBe('quarterly');
    expect(r.items.map((i) => [i.key, i.title, i.quarter, i.dueDate])).toEqual([
      ['k1', 'Sơ kết 6 tháng', 2, null],
      ['k2', 'Kiểm tra', 3, '2026-08-31'],
      ['k3', 'Tuyên truyền', null, null],
    ]);
  });

  it('a table with a "Tháng" column, merged (blank) cells and month group rows', () => {
    const p = plan([
      {
        kind: 'table',
        id: 'tb',
        header: ['TT', 'Tháng', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp'],
        rows: [
          { cells: ['1', '3', 'Phát động thi đua', 'Văn phòng', 'Công đoàn; Đoàn Thanh niên'] },
          { cells: ['2', '', 'Đăng ký thi đua', 'Văn phòng', ''] },
          { cells: ['Tháng 11 - 12', '', '', '', ''], group: true },
          { cells: ['3', '', 'Tổng kết năm', 'Văn phòng\nThanh tra', 'Các phòng, đơn vị.'] },
        ],
      },
    ]);
    const r = planTaskItems(p, 2026);
    expect(r.source).toBe('table');
    expect(r.items.map((i) => [i.key, i.title, i.quarter, i.dueDate, i.lead, i.coordinating])).toEqual([
      ['tb#0', 'Phát động thi đua', 1, '2026-03-31', ['Văn phòng'], ['Công đoàn', 'Đoàn Thanh niên']],
      ['tb#1', 'Đăng ký thi đua', 1, '2026-03-31', ['Văn phòng'], []],
      ['tb#3', 'Tổng kết năm', 4, '2026-12-31', ['Văn phòng', 'Thanh tra'], ['Các phòng, đơn vị']],
    ]);
  });

  it('a table without task and unit columns gives nothing', () => {
    const p = plan([{ kind: 'table', id: 'x', header: ['Danh hiệu', 'Số lượng'], rows: [{ cells: ['LĐTT', '10'] }] }]);
    expect(planTaskItems(p, 2026)).toEqual({ items: [], source: 'none' });
  });

  it('splits unit cells at ; and line breaks only', () => {
    expect(splitUnitNames('Các phòng, đơn vị trực thuộc Sở; Phòng LĐ-TBXH các huyện.\nThanh tra Sở;')).toEqual([
      'Các phòng, đơn vị trực thuộc Sở',
      'Phòng LĐ-TBXH các huyện',
      'Thanh tra Sở',
    ]);
  });
});
