// The cash that goes with a form or title as the rules set it: the catalogue's multiple of the
// lương cơ sở in force on the decision's date, rounded up to tens of thousands of đồng, twice
// that for a collective given a form a person may also receive. Outside awards/ so that the
// eligibility fingerprint does not move.
import { AWARD_CATALOG, cashMultipleOn, isAwardCode, type CashRule } from '../awards';

export interface BaseSalaryPeriod {
  from: string;
  amount: number;
  basis: string;
  /** entered by the office (a decree newer than this build), not shipped with the app */
  added?: boolean;
}

/** Mức lương cơ sở as shipped, newest last; an office adds later ones in its settings (baseSalaryTable). */
export const BASE_SALARY: readonly BaseSalaryPeriod[] = [
  { from: '2017-07-01', amount: 1_300_000, basis: 'NĐ 47/2017/NĐ-CP' },
  { from: '2018-07-01', amount: 1_390_000, basis: 'NĐ 72/2018/NĐ-CP' },
  { from: '2019-07-01', amount: 1_490_000, basis: 'NĐ 38/2019/NĐ-CP' },
  { from: '2023-07-01', amount: 1_800_000, basis: 'NĐ 24/2023/NĐ-CP' },
  { from: '2024-07-01', amount: 2_340_000, basis: 'NĐ 73/2024/NĐ-CP' },
];

/**
 * The shipped periods with those the office entered, oldest first: an office's period starting
 * on the same day as a shipped one replaces it (a correction), any other is added in its place.
 */
export function baseSalaryTable(added: readonly Pick<BaseSalaryPeriod, 'from' | 'amount' | 'basis'>[]): BaseSalaryPeriod[] {
  const byDay = new Map<string, BaseSalaryPeriod>(BASE_SALARY.map((p) => [p.from, p]));
  for (const p of added) byDay.set(p.from, { from: p.from, amount: p.amount, basis: p.basis, added: true });
  return [...byDay.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The lương cơ sở in force on an ISO date (undefined before the first period known), from a table oldest first. */
export function baseSalaryOn(date: string, table: readonly BaseSalaryPeriod[] = BASE_SALARY): BaseSalaryPeriod | undefined {
  let found: BaseSalaryPeriod | undefined;
  for (const p of table) if (p.from <= date) found = p;
  return found;
}

/**
 * Whether the lương cơ sở a table gives for a date may be out of date: it is the newest the table
 * knows and began more than two years before (it has changed every one to two years), so a
 * decree newer than the app may have replaced it.
 */
export function baseSalaryMayBeOutdated(date: string, table: readonly BaseSalaryPeriod[] = BASE_SALARY): boolean {
  const base = baseSalaryOn(date, table);
  if (!base || base !== table[table.length - 1]) return false;
  return base.from <= `${Number(date.slice(0, 4)) - 2}${date.slice(4)}`;
}

export const ROUNDING_BASIS = 'NĐ 91/2017/NĐ-CP, Điều 68 khoản 2 (làm tròn lên hàng chục nghìn đồng)';
export const COLLECTIVE_BASIS = 'tập thể được thưởng gấp hai lần mức của cá nhân (NĐ 91/2017/NĐ-CP, Điều 72)';

export interface CashSuggestion {
  /** for each person (null when the form is not given to people) */
  person: number | null;
  /** for each collective (null when the form is not given to collectives) */
  collective: number | null;
  base: BaseSalaryPeriod;
  rule: CashRule;
  /** the collective's amount is twice the person's */
  doubled: boolean;
}

/** Up to the next 10,000 đồng. */
export function roundUpTenThousand(amount: number): number {
  return Math.ceil(amount / 10_000) * 10_000;
}

/**
 * What a form or title carries on an ISO date (the lương cơ sở from `table`: baseSalaryTable of
 * the office's settings), or null when the catalogue records no multiple
 * for that date (or no lương cơ sở is known). Multiples have one decimal at most: computed in
 * hundredths so 0.3 × 2,340,000 is exactly 702,000 (then 710,000 rounded up).
 */
export function suggestedCash(awardCode: string | null, date: string, table: readonly BaseSalaryPeriod[] = BASE_SALARY): CashSuggestion | null {
  if (!awardCode || !isAwardCode(awardCode)) return null;
  const rule = cashMultipleOn(awardCode, date);
  const base = baseSalaryOn(date, table);
  if (!rule || !base) return null;
  const entry = AWARD_CATALOG[awardCode];
  const one = roundUpTenThousand((Math.round(rule.multiple * 100) * base.amount) / 100);
  const forPeople = entry.subjects.includes('individual');
  const forUnits = entry.subjects.includes('collective');
  // a collective title has its own multiple; a form given to both is worth twice to a collective
  const doubled = forPeople && forUnits && entry.kind === 'award';
  return {
    person: forPeople ? one : null,
    collective: forUnits ? (doubled ? 2 * one : one) : null,
    base,
    rule,
    doubled,
  };
}

/** What a suggestion gives one recipient: a collective its amount, a person theirs (each the other's when the form has only one). */
export function cashFor(s: Pick<CashSuggestion, 'person' | 'collective'>, collective: boolean): number | null {
  return collective ? s.collective ?? s.person : s.person ?? s.collective;
}

/** "710.000 đ/người; 1.420.000 đ/tập thể": what a suggestion gives each kind of recipient. */
export function cashText(s: Pick<CashSuggestion, 'person' | 'collective'>): string {
  const dong = (n: number) => `${n.toLocaleString('vi-VN')} đ`;
  return [s.person !== null && `${dong(s.person)}/người`, s.collective !== null && `${dong(s.collective)}/tập thể`].filter(Boolean).join('; ');
}
