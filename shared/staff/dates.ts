// What makes a person's dates implausible — one rule for the staff form and the Excel import.
import { formatDateVi } from '../text/vn';

/** Working ages a birth date must give as of today. */
export const MIN_AGE = 15;
export const MAX_AGE = 100;

/** Whole years from a birth date (ISO) to a day (ISO). */
export function ageOn(birthIso: string, todayIso: string): number {
  const [by, bm, bd] = birthIso.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = todayIso.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** What is wrong with a birth date as of today, as the end of "Ngày sinh …: …" (null: nothing). */
export function birthDateProblem(birthIso: string, todayIso: string): string | null {
  if (birthIso > todayIso) return 'là ngày trong tương lai — kiểm tra lại ngày sinh.';
  const age = ageOn(birthIso, todayIso);
  if (age < MIN_AGE || age > MAX_AGE) {
    return `không hợp lý: đến ngày ${formatDateVi(todayIso)} người này ${age} tuổi — tuổi phải từ ${MIN_AGE} đến ${MAX_AGE}, hãy kiểm tra lại năm sinh.`;
  }
  return null;
}

/** A start of work before the birth date (null: none). */
export function startBeforeBirthProblem(startIso: string, birthIso: string): string | null {
  return startIso < birthIso ? `ngày bắt đầu công tác ${formatDateVi(startIso)} trước ngày sinh ${formatDateVi(birthIso)} — kiểm tra lại hai ngày này.` : null;
}
