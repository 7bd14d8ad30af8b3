// Copying a year's tasks to another year: dates move by whole years (29/02 → 28/02), the years
// written in titles move with them ("năm 2026" → "năm 2027"; document numbers and far years
// stay, see shared/plans/years.ts), status starts again at "chưa thực hiện".
import { shiftYearsInText } from '../plans/years';
import { shiftIsoYears, type Quarter } from './status';

export interface CopyableTask {
  year: number;
  quarter: Quarter | null;
  dueDate: string | null;
  title: string;
}

export function copyTaskToYear<T extends CopyableTask>(t: T, toYear: number): CopyableTask & { status: 'chua_thuc_hien' } {
  const delta = toYear - t.year;
  return {
    year: toYear,
    quarter: t.quarter,
    dueDate: t.dueDate ? shiftIsoYears(t.dueDate, delta) : null,
    title: shiftYearsInText(t.title, t.year, delta).text,
    status: 'chua_thuc_hien',
  };
}
