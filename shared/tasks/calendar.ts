// The recurring TĐKT calendar: the items every office does each year, generated as tasks on
// request (each with a key so generating twice never duplicates). Due dates are defaults the
// user edits before generating (and the office's last choice is remembered by the core).
import { isRealDate } from '../text/vn';
import { isoDate, monthEndIso, type Quarter } from './status';

export interface CalendarItemDef {
  key: string;
  quarter: Quarter;
  /** default due day and month */
  month: number;
  day: number;
  title(year: number): string;
}

export const TDKT_CALENDAR: readonly CalendarItemDef[] = [
  {
    key: 'ke_hoach_tdkt',
    quarter: 1,
    month: 1,
    day: 31,
    title: (y) => `Xây dựng, ban hành Kế hoạch công tác thi đua, khen thưởng năm ${y}`,
  },
  {
    key: 'phat_dong_dang_ky',
    quarter: 1,
    month: 3,
    day: 15,
    title: (y) => `Phát động phong trào thi đua và tổ chức đăng ký thi đua năm ${y}`,
  },
  {
    key: 'so_ket_6_thang',
    quarter: 2,
    month: 6,
    day: 30,
    title: (y) => `Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm ${y}`,
  },
  {
    key: 'han_nop_ho_so',
    quarter: 4,
    month: 11,
    day: 30,
    title: (y) => `Hạn nộp hồ sơ đề nghị khen thưởng tổng kết năm ${y}`,
  },
  {
    key: 'tong_ket_nam',
    quarter: 4,
    month: 12,
    day: 20,
    title: (y) => `Tổng kết công tác thi đua, khen thưởng năm ${y}`,
  },
];

export const CALENDAR_KEYS = TDKT_CALENDAR.map((d) => d.key);

export function calendarDef(key: string): CalendarItemDef | undefined {
  return TDKT_CALENDAR.find((d) => d.key === key);
}

/** The due date of a calendar item in a year (a day past the month's end becomes its last day). */
export function calendarDueDate(year: number, month: number, day: number): string {
  return isRealDate(year, month, day) ? isoDate(year, month, day) : monthEndIso(year, month);
}
