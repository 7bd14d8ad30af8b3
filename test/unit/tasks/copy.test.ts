// Copying a year's tasks: dates and the years in titles move by one year, status resets.
import { describe, expect, it } from 'vitest';
import { copyTaskToYear } from '../../../shared/tasks/copy';

describe('copyTaskToYear', () => {
  it('shifts the due date and the year in the title', () => {
    const c = copyTaskToYear({ year: 2022, quarter: 1, dueDate: '2022-03-15', title: 'Kế hoạch công tác TĐKT năm 2022' }, 2023);
    expect(c).toEqual({ year: 2023, quarter: 1, dueDate: '2023-03-15', title: 'Kế hoạch công tác TĐKT năm 2023', status: 'chua_thuc_hien' });
  });
  it('keeps a quarter-only task quarter-only, moves 29/02 to 28/02, leaves document numbers', () => {
    expect(copyTaskToYear({ year: 2024, quarter: 2, dueDate: null, title: 'Sơ kết 6 tháng' }, 2025).dueDate).toBeNull();
    expect(copyTaskToYear({ year: 2024, quarter: 1, dueDate: '2024-02-29', title: 'X' }, 2025).dueDate).toBe('2025-02-28');
    const t = copyTaskToYear({ year: 2022, quarter: 1, dueDate: null, title: 'Triển khai Nghị định 91/2017/NĐ-CP năm 2022' }, 2023).title;
    expect(t).toBe('Triển khai Nghị định 91/2017/NĐ-CP năm 2023');
  });
  it('copies across several years', () => {
    expect(copyTaskToYear({ year: 2024, quarter: 4, dueDate: '2024-11-30', title: 'Hồ sơ khen thưởng năm 2024' }, 2026)).toMatchObject({
      dueDate: '2026-11-30',
      year: 2026,
    });
  });
});
