// Reading a plan's "Thời gian" text into a quarter and a due date.
import { describe, expect, it } from 'vitest';
import { parseTiming } from '../../../shared/tasks/timing';

describe('parseTiming', () => {
  it.each([
    ['Tháng 3/2026', 1, '2026-03-31'],
    ['tháng 5', 2, '2026-05-31'],
    ['Tháng 11 - 12/2026', 4, '2026-12-31'],
    ['Tháng 3 năm 2026', 1, '2026-03-31'],
    ['Từ tháng 3 đến tháng 5', 2, '2026-05-31'],
    ['15/6/2026', 2, '2026-06-15'],
    ['Trước ngày 15/6', 2, '2026-06-14'],
    ['trước ngày 01/12 hằng năm', 4, '2026-11-30'],
    ['ngày 20 tháng 7 năm 2026', 3, '2026-07-20'],
    ['Quý II', 2, null],
    ['Quý 3/2026', 3, null],
    ['6 tháng đầu năm', 2, '2026-06-30'],
    ['Thường xuyên', null, null],
    ['', null, null],
  ])('%s', (text, quarter, due) => {
    expect(parseTiming(text, 2026)).toEqual({ quarter, dueDate: due });
  });
  it('a date in another year gives no quarter of this year', () => {
    expect(parseTiming('Tháng 01/2027', 2026)).toEqual({ quarter: null, dueDate: '2027-01-31' });
  });
});
