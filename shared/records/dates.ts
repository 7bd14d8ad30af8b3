// What makes an award record's date implausible — one rule for the forms, the CLI and the Excel
// import of past records: a decision dated before the year it rewards, or a date whose year is a
// slip of the keyboard (more than a year after today: 2099, 2052 for 2025).
import { formatDateVi } from '../text/vn';

/** A date more than a year after today (its year mistyped), as the end of "Ngày … : …"; null: fine. */
export function farFutureProblem(dateIso: string, todayIso: string): string | null {
  const limit = `${Number(todayIso.slice(0, 4)) + 1}${todayIso.slice(4)}`;
  return dateIso > limit ? `ở quá xa trong tương lai (hôm nay là ${formatDateVi(todayIso)}) — kiểm tra lại năm.` : null;
}

/** What is wrong with an award decision's date for the year it rewards (null: nothing). */
export function decisionDateProblem(dateIso: string, year: number, todayIso: string): string | null {
  if (dateIso < `${year}-01-01`) return `trước năm thành tích ${year} — quyết định khen thành tích năm ${year} không thể ký trước năm đó; kiểm tra lại ngày hoặc năm.`;
  return farFutureProblem(dateIso, todayIso);
}
