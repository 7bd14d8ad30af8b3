// A campaign's dates to watch: its yearly deadlines ("gửi hồ sơ đề nghị khen thưởng trước ngày
// 01/12 hằng năm") in each year it runs, and its phases' sơ kết / tổng kết dates. The home
// screen lists those coming up, beside the tasks due.
import { addDaysIso, isoDate } from '../tasks/status';

export interface CampaignLike {
  id: string;
  name: string;
  yearFrom: number;
  yearTo: number;
  status: 'nhap' | 'da_ban_hanh' | 'da_ket_thuc';
  phases: ReadonlyArray<{ name: string; review: 'so_ket' | 'tong_ket'; reviewDate: string | null }>;
  deadlines: ReadonlyArray<{ label: string; day: number; month: number }>;
}

export interface CampaignDate {
  campaignId: string;
  campaignName: string;
  kind: 'deadline' | 'so_ket' | 'tong_ket';
  /** the deadline's text, or the phase's name */
  label: string;
  /** ISO date */
  date: string;
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A yearly deadline's date in a year; a day its month lacks (31/4, 29/2) falls on the month's last day. */
export function yearlyDeadlineIso(year: number, month: number, day: number): string {
  return isoDate(year, month, Math.min(day, lastDay(year, month)));
}

/**
 * The dates of a campaign from `from` to `to` (ISO, both included), in date order. A campaign
 * that has ended (đã kết thúc) has none. A deadline on a day its month lacks (31/4) falls on
 * the month's last day.
 */
export function campaignDatesBetween(c: CampaignLike, from: string, to: string): CampaignDate[] {
  if (c.status === 'da_ket_thuc') return [];
  const out: CampaignDate[] = [];
  const add = (kind: CampaignDate['kind'], label: string, date: string) => {
    if (date >= from && date <= to) out.push({ campaignId: c.id, campaignName: c.name, kind, label, date });
  };
  for (let y = Math.max(c.yearFrom, Number(from.slice(0, 4))); y <= Math.min(c.yearTo, Number(to.slice(0, 4))); y++) {
    for (const d of c.deadlines) add('deadline', d.label, yearlyDeadlineIso(y, d.month, d.day));
  }
  for (const p of c.phases) if (p.reviewDate) add(p.review, p.name, p.reviewDate);
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));
}

/** Every campaign's dates within `days` days from today (today included), in date order. */
export function upcomingCampaignDates(campaigns: readonly CampaignLike[], today: string, days: number): CampaignDate[] {
  const to = addDaysIso(today, days);
  return campaigns.flatMap((c) => campaignDatesBetween(c, today, to)).sort((a, b) => a.date.localeCompare(b.date) || a.campaignName.localeCompare(b.campaignName));
}
