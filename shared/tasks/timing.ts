// Reading the "Thời gian" text of a plan's task ("Tháng 3/2026", "Trước ngày 15/6",
// "Quý II", "Tháng 11 - 12/2026", "15/01/2027", "6 tháng đầu năm") into a quarter and a due
// date. Pure; unknown wording ("Thường xuyên", "Cả năm") gives nothing, never a guess.
import { foldVi, isRealDate } from '../text/vn';
import { addDaysIso, isoDate, monthEndIso, quarterEndIso, quarterOfIso, type Quarter } from './status';

export interface ParsedTiming {
  /** a quarter named in the text, else the quarter of the due date (in the given year) */
  quarter: Quarter | null;
  /** the latest date the text names (a month means its last day); null when none */
  dueDate: string | null;
}

const QUARTER_WORDS: Record<string, Quarter> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * Parse a timing text. `year` is the task's year, used where the text gives no year.
 * "trước ngày 01/12" means the day before (30/11): the deadline is the last day allowed.
 */
export function parseTiming(text: string | null | undefined, year: number): ParsedTiming {
  const f = foldVi(text ?? '');
  if (!f) return { quarter: null, dueDate: null };
  const dates: string[] = [];
  const push = (y: number, m: number, d: number | null, before: boolean) => {
    if (d === null) {
      if (m >= 1 && m <= 12 && y >= 1900 && y <= 2200) dates.push(monthEndIso(y, m));
      return;
    }
    if (!isRealDate(y, m, d)) return;
    const iso = isoDate(y, m, d);
    dates.push(before ? addDaysIso(iso, -1) : iso);
  };
  let rest = f;
  const cut = (m: RegExpExecArray) => {
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  };
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    for (const m of [...rest.matchAll(re)]) {
      fn(m as RegExpExecArray);
      cut(m as RegExpExecArray);
    }
  };
  const beforeAt = (idx: number) => /truoc\s*(ngay\s*)?$/.test(f.slice(Math.max(0, idx - 12), idx));

  // "Quý II", "quý 3/2026", "Quý IV năm 2026" (cut first: "3/2026" here is not a month)
  let quarter: Quarter | null = null;
  each(/(?<![a-z\d])quy\s+(iv|i{1,3}|[1-4])(?![a-z\d])(?:\s*(?:\/|nam)\s*\d{4})?/g, (m) => {
    quarter ??= QUARTER_WORDS[m[1]!] ?? null;
  });
  // "ngày 15 tháng 6 năm 2026", "ngày 15 tháng 6"
  each(/ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?/g, (m) =>
    push(m[3] ? +m[3] : year, +m[2]!, +m[1]!, beforeAt(m.index!)),
  );
  // dd/mm/yyyy
  each(/(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])/g, (m) => push(+m[3]!, +m[2]!, +m[1]!, beforeAt(m.index!)));
  // "tháng 11 - 12/2026", "tháng 3, 4 năm 2026", "tháng 3/2026", "tháng 3"
  each(/thang\s+((?:\d{1,2}\s*(?:-|–|,|va|den)\s*)*\d{1,2})(?:\s*(?:\/|nam)\s*(\d{4}))?/g, (m) => {
    const y = m[2] ? +m[2] : year;
    const months = m[1]!.match(/\d{1,2}/g)!.map(Number);
    for (const mo of months) push(y, mo, null, false);
  });
  // dd/mm without a year ("trước 15/6"), but not mm/yyyy
  each(/(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/g, (m) => push(year, +m[2]!, +m[1]!, beforeAt(m.index!)));
  // mm/yyyy
  each(/(?<![\d/])(\d{1,2})\/(\d{4})(?![\d/])/g, (m) => push(+m[2]!, +m[1]!, null, false));

  if (quarter === null && /6 thang dau nam/.test(f)) quarter = 2;
  else if (quarter === null && /6 thang cuoi nam/.test(f)) quarter = 4;

  const dueDate = dates.length ? dates.reduce((a, b) => (b > a ? b : a)) : null;
  if (!dueDate && quarter && /6 thang (dau|cuoi) nam/.test(f)) return { quarter, dueDate: quarterEndIso(year, quarter) };
  if (quarter === null && dueDate && Number(dueDate.slice(0, 4)) === year) quarter = quarterOfIso(dueDate);
  return { quarter, dueDate };
}
