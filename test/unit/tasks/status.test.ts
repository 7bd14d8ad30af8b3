// Status and deadlines of tasks, judged against a controllable "today".
import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  daysUntilDue,
  displayStatus,
  effectiveDueDate,
  effectiveQuarter,
  isDueWithin,
  isOverdue,
  periodPhrase,
  periodQuarters,
  quarterEndIso,
  quarterOfIso,
  shiftIsoYears,
  type TaskStatusFields,
} from '../../../shared/tasks/status';
import { countStatuses, completionByUnitQuarter, percentDone, NO_LEAD_UNIT } from '../../../shared/tasks/stats';
import { unitDisplayLabels } from '../../../shared/units/tree';

/** A clock the test moves. */
function clock(start: string) {
  let today = start;
  return { today: () => today, set: (d: string) => (today = d), advance: (n: number) => (today = addDaysIso(today, n)) };
}

const task = (over: Partial<TaskStatusFields> = {}): TaskStatusFields => ({ year: 2026, quarter: 1, dueDate: null, status: 'chua_thuc_hien', ...over });

describe('quarter due dates', () => {
  it('a quarter without a due date is due at the quarter end', () => {
    expect(quarterEndIso(2026, 1)).toBe('2026-03-31');
    expect(quarterEndIso(2026, 2)).toBe('2026-06-30');
    expect(quarterEndIso(2026, 3)).toBe('2026-09-30');
    expect(quarterEndIso(2026, 4)).toBe('2026-12-31');
    expect(effectiveDueDate(task({ quarter: 2 }))).toBe('2026-06-30');
  });
  it('an explicit due date wins; neither means the end of the year', () => {
    expect(effectiveDueDate(task({ quarter: 2, dueDate: '2026-05-15' }))).toBe('2026-05-15');
    expect(effectiveDueDate(task({ quarter: null }))).toBe('2026-12-31');
  });
  it('the quarter shown: its own, else from the due date in its year, else Q4', () => {
    expect(effectiveQuarter(task({ quarter: 3, dueDate: '2026-01-10' }))).toBe(3);
    expect(effectiveQuarter(task({ quarter: null, dueDate: '2026-05-10' }))).toBe(2);
    expect(effectiveQuarter(task({ quarter: null, dueDate: '2027-01-15' }))).toBe(4);
    expect(effectiveQuarter(task({ quarter: null }))).toBe(4);
    expect(quarterOfIso('2026-10-01')).toBe(4);
  });
});

describe('overdue is computed from today', () => {
  it('moves from not overdue to overdue the day after the due date', () => {
    const c = clock('2026-03-30');
    const t = task({ quarter: 1 });
    expect(isOverdue(t, c.today())).toBe(false);
    c.advance(1); // 31/03: due today, not overdue yet
    expect(isOverdue(t, c.today())).toBe(false);
    expect(displayStatus(t, c.today())).toBe('chua_thuc_hien');
    c.advance(1); // 01/04
    expect(isOverdue(t, c.today())).toBe(true);
    expect(displayStatus(t, c.today())).toBe('qua_han');
    expect(daysUntilDue(t, c.today())).toBe(-1);
  });
  it('a task in progress can be overdue; a done task never is', () => {
    const today = '2026-05-10';
    expect(displayStatus(task({ status: 'dang_thuc_hien' }), today)).toBe('qua_han');
    expect(displayStatus(task({ status: 'hoan_thanh' }), today)).toBe('hoan_thanh');
    expect(isOverdue(task({ status: 'hoan_thanh', dueDate: '2020-01-01' }), today)).toBe(false);
  });
  it('due within N days counts today and the Nth day, not overdue or done tasks', () => {
    const today = '2026-06-16';
    const q2 = task({ quarter: 2 }); // due 30/06: 14 days away
    expect(isDueWithin(q2, today, 14)).toBe(true);
    expect(isDueWithin(q2, today, 13)).toBe(false);
    expect(isDueWithin(task({ quarter: 2, dueDate: '2026-06-16' }), today, 0)).toBe(true);
    expect(isDueWithin(task({ quarter: 1 }), today, 14)).toBe(false); // overdue
    expect(isDueWithin(task({ quarter: 2, status: 'hoan_thanh' }), today, 14)).toBe(false);
  });
});

describe('periods', () => {
  it('names and quarters of report periods', () => {
    expect(periodQuarters('H1')).toEqual([1, 2]);
    expect(periodQuarters('Y')).toEqual([1, 2, 3, 4]);
    expect(periodPhrase('Q1', 2026)).toBe('quý I năm 2026');
    expect(periodPhrase('Q4', 2026)).toBe('quý IV năm 2026');
    expect(periodPhrase('H1', 2026)).toBe('6 tháng đầu năm 2026');
    expect(periodPhrase('Y', 2026)).toBe('năm 2026');
  });
});

describe('dates shifted by years', () => {
  it('keeps day and month, 29/02 becomes 28/02', () => {
    expect(shiftIsoYears('2026-03-31', 1)).toBe('2027-03-31');
    expect(shiftIsoYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftIsoYears('2023-02-28', 1)).toBe('2024-02-28');
    expect(shiftIsoYears('2026-12-31', -4)).toBe('2022-12-31');
  });
});

describe('counts', () => {
  it('each task counts once by its displayed status; by lead unit and quarter', () => {
    const today = '2026-05-10';
    const vp = { unitId: 'u1', name: 'Văn phòng Sở' };
    const tt = { unitId: null, name: 'Thanh tra Sở' };
    const tasks = [
      { ...task({ quarter: 1, status: 'hoan_thanh' }), lead: [vp] },
      { ...task({ quarter: 1 }), lead: [vp, tt] }, // overdue
      { ...task({ quarter: 2, status: 'dang_thuc_hien' }), lead: [vp] },
      { ...task({ quarter: 2 }), lead: [] },
    ];
    const c = countStatuses(tasks, today);
    expect(c).toEqual({ total: 4, done: 1, inProgress: 1, notStarted: 1, overdue: 1 });
    expect(percentDone(c)).toBe(25);
    const rows = completionByUnitQuarter(tasks, today);
    expect(rows.map((r) => r.name)).toEqual(['Thanh tra Sở', 'Văn phòng Sở', NO_LEAD_UNIT]);
    const vpRow = rows.find((r) => r.unitId === 'u1')!;
    expect(vpRow.quarters[1]).toEqual({ total: 2, done: 1, inProgress: 0, notStarted: 0, overdue: 1 });
    expect(vpRow.quarters[2].inProgress).toBe(1);
    expect(vpRow.total.total).toBe(3);
  });

  it('names the chart rows of units that share a name with their parents', () => {
    const today = '2026-05-10';
    const units = [
      { id: 's1', name: 'Sở Tài chính', parentId: null },
      { id: 's2', name: 'Sở Nội vụ', parentId: null },
      { id: 'k1', name: 'Phòng Kế hoạch - Tài chính', parentId: 's1' },
      { id: 'k2', name: 'Phòng Kế hoạch - Tài chính', parentId: 's2' },
      { id: 't2', name: 'Phòng Thanh tra', parentId: 's2' },
    ];
    const labels = unitDisplayLabels(units);
    const lead = (id: string) => [{ unitId: id, name: units.find((u) => u.id === id)!.name }];
    const tasks = [
      { ...task({ quarter: 1 }), lead: lead('k1') },
      { ...task({ quarter: 1 }), lead: lead('k2') },
      { ...task({ quarter: 1 }), lead: lead('t2') },
    ];
    expect(completionByUnitQuarter(tasks, today, (id) => labels.get(id)).map((r) => r.name)).toEqual([
      'Phòng Kế hoạch - Tài chính (Sở Nội vụ)',
      'Phòng Kế hoạch - Tài chính (Sở Tài chính)',
      'Phòng Thanh tra',
    ]);
    // without the labels, two rows read the same
    expect(new Set(completionByUnitQuarter(tasks, today).map((r) => r.name)).size).toBe(2);
  });
});
