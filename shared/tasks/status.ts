// Task status and deadlines: pure functions of the task and "today" (ISO yyyy-mm-dd).
//
// - A task has a year, and a quarter and/or an explicit due date.
// - Its effective due date: the explicit due date; else the end of its quarter; else the end
//   of its year (a task "for the whole year").
// - "Quá hạn" (overdue) is never stored: a task that is not done and whose effective due date
//   is before today is overdue. Today comes from the core (ctx.today(), the computer's date;
//   injectable in tests) or from the caller.

export const TASK_STATUSES = ['chua_thuc_hien', 'dang_thuc_hien', 'hoan_thanh'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The status shown to the user: the stored status, or "qua_han" when overdue. */
export const TASK_DISPLAY_STATUSES = ['chua_thuc_hien', 'dang_thuc_hien', 'hoan_thanh', 'qua_han'] as const;
export type TaskDisplayStatus = (typeof TASK_DISPLAY_STATUSES)[number];

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** The fields status and deadline depend on. */
export interface TaskTiming {
  year: number;
  quarter: Quarter | null;
  dueDate: string | null;
}

export interface TaskStatusFields extends TaskTiming {
  status: TaskStatus;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function isQuarter(n: unknown): n is Quarter {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Last day of a month, ISO. */
export function monthEndIso(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month));
}

/** First day of a quarter: Q1 → yyyy-01-01. */
export function quarterStartIso(year: number, q: Quarter): string {
  return isoDate(year, (q - 1) * 3 + 1, 1);
}

/** Last day of a quarter: Q1 → yyyy-03-31, Q2 → yyyy-06-30, Q3 → yyyy-09-30, Q4 → yyyy-12-31. */
export function quarterEndIso(year: number, q: Quarter): string {
  return monthEndIso(year, q * 3);
}

export function quarterOfMonth(month: number): Quarter {
  return Math.min(4, Math.max(1, Math.ceil(month / 3))) as Quarter;
}

/** Quarter of an ISO date. */
export function quarterOfIso(iso: string): Quarter {
  return quarterOfMonth(Number(iso.slice(5, 7)));
}

export function yearOfIso(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** The effective due date: explicit, else the quarter's end, else the year's end. */
export function effectiveDueDate(t: TaskTiming): string {
  if (t.dueDate) return t.dueDate;
  if (t.quarter) return quarterEndIso(t.year, t.quarter);
  return isoDate(t.year, 12, 31);
}

/**
 * The quarter a task belongs to in views and reports: its quarter; else the quarter of its due
 * date when that date falls in the task's year; else Q4 (a task for the whole year is judged at
 * the year's end; a task of year Y due early next year still belongs to Y's Q4).
 */
export function effectiveQuarter(t: TaskTiming): Quarter {
  if (t.quarter) return t.quarter;
  if (t.dueDate && yearOfIso(t.dueDate) === t.year) return quarterOfIso(t.dueDate);
  if (t.dueDate && yearOfIso(t.dueDate) < t.year) return 1;
  return 4;
}

export function isOverdue(t: TaskStatusFields, today: string): boolean {
  return t.status !== 'hoan_thanh' && effectiveDueDate(t) < today;
}

export function displayStatus(t: TaskStatusFields, today: string): TaskDisplayStatus {
  return isOverdue(t, today) ? 'qua_han' : t.status;
}

/** Whole days from a to b (ISO dates); negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  const ta = Date.UTC(yearOfIso(a), Number(a.slice(5, 7)) - 1, Number(a.slice(8, 10)));
  const tb = Date.UTC(yearOfIso(b), Number(b.slice(5, 7)) - 1, Number(b.slice(8, 10)));
  return Math.round((tb - ta) / 86_400_000);
}

export function addDaysIso(iso: string, days: number): string {
  const d = new Date(Date.UTC(yearOfIso(iso), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Not done, not overdue, and due within `days` days from today (today included). */
export function isDueWithin(t: TaskStatusFields, today: string, days: number): boolean {
  if (t.status === 'hoan_thanh') return false;
  const due = effectiveDueDate(t);
  return due >= today && due <= addDaysIso(today, days);
}

/** Days until the due date (negative: days overdue). */
export function daysUntilDue(t: TaskTiming, today: string): number {
  return daysBetween(today, effectiveDueDate(t));
}

export function currentYearQuarter(today: string): { year: number; quarter: Quarter } {
  return { year: yearOfIso(today), quarter: quarterOfIso(today) };
}

/** Shift an ISO date by whole years; 29/02 becomes 28/02 in a non-leap year. */
export function shiftIsoYears(iso: string, delta: number): string {
  const y = yearOfIso(iso) + delta;
  const m = Number(iso.slice(5, 7));
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m));
  return isoDate(y, m, d);
}

// ---------------------------------------------------------------------------------------------
// Report periods

export const REPORT_PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'Y'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export function periodQuarters(p: ReportPeriod): Quarter[] {
  switch (p) {
    case 'Q1':
      return [1];
    case 'Q2':
      return [2];
    case 'Q3':
      return [3];
    case 'Q4':
      return [4];
    case 'H1':
      return [1, 2];
    case 'Y':
      return [1, 2, 3, 4];
  }
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function quarterRoman(q: Quarter): string {
  return ROMAN[q - 1]!;
}

/** "quý I năm 2026", "6 tháng đầu năm 2026", "năm 2026". */
export function periodPhrase(p: ReportPeriod, year: number): string {
  if (p === 'H1') return `6 tháng đầu năm ${year}`;
  if (p === 'Y') return `năm ${year}`;
  return `quý ${quarterRoman(periodQuarters(p)[0]!)} năm ${year}`;
}

/** The last day of a period: the date reports judge "overdue" against when it is past. */
export function periodEndIso(p: ReportPeriod, year: number): string {
  const qs = periodQuarters(p);
  return quarterEndIso(year, qs[qs.length - 1]!);
}
