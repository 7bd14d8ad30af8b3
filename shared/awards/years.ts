// Which year the award screens open on. Offices close a year's ratings and titles in its last
// weeks and the first quarter of the next, so until the end of March the year being closed is
// the previous one. The checker screen opens on it, and the hosts' warm-up computes its run.

/** The year most offices are closing on a date (month 1–12): the previous year until the end of March, then this one. */
export function closingYear(year: number, month: number): number {
  return month <= 3 ? year - 1 : year;
}

/** closingYear of an ISO date (yyyy-mm-dd). */
export function closingYearOf(isoDate: string): number {
  return closingYear(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)));
}
