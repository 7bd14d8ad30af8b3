// Which year a new plan or campaign is for. Next year's plans (kế hoạch công tác thi đua, khen
// thưởng năm, the yearly campaign launched in January) are drafted in the last two months of the
// year, so from November a new one is for next year; the user can change it.

/** The year a plan or campaign made on a date (month 1–12) is most likely for. */
export function planningYear(year: number, month: number): number {
  return month >= 11 ? year + 1 : year;
}
