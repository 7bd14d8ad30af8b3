// A campaign's dates to watch: yearly deadlines in each of its years, its phases' reviews.
import { describe, expect, it } from 'vitest';
import { campaignDatesBetween, upcomingCampaignDates, yearlyDeadlineIso, type CampaignLike } from '../../../shared/plans/campaign-dates';

const base: CampaignLike = {
  id: 'c1',
  name: 'Phong trào thi đua "Dân vận khéo"',
  yearFrom: 2025,
  yearTo: 2026,
  status: 'da_ban_hanh',
  phases: [
    { name: 'Giai đoạn 1', review: 'so_ket', reviewDate: '2025-12-10' },
    { name: 'Giai đoạn 2', review: 'tong_ket', reviewDate: null },
  ],
  deadlines: [
    { label: 'Gửi hồ sơ đề nghị khen thưởng', day: 1, month: 12 },
    { label: 'Báo cáo 6 tháng', day: 31, month: 6 },
  ],
};

describe('campaign dates', () => {
  it('a yearly deadline falls in each year the campaign runs, and only then', () => {
    const dates = campaignDatesBetween(base, '2024-01-01', '2027-12-31');
    expect(dates.map((d) => [d.kind, d.date])).toEqual([
      ['deadline', '2025-06-30'], // 31/6 does not exist: the month's last day
      ['deadline', '2025-12-01'],
      ['so_ket', '2025-12-10'],
      ['deadline', '2026-06-30'],
      ['deadline', '2026-12-01'],
    ]);
    expect(dates[2]).toMatchObject({ label: 'Giai đoạn 1', campaignId: 'c1', campaignName: base.name });
  });

  it("a yearly deadline on a day its month lacks falls on the month's last day", () => {
    expect(yearlyDeadlineIso(2024, 2, 29)).toBe('2024-02-29');
    expect(yearlyDeadlineIso(2025, 2, 29)).toBe('2025-02-28');
    expect(yearlyDeadlineIso(2025, 4, 31)).toBe('2025-04-30');
    expect(yearlyDeadlineIso(2025, 12, 1)).toBe('2025-12-01');
  });

  it('both ends of the window count; an ended campaign has no dates', () => {
    expect(campaignDatesBetween(base, '2025-12-01', '2025-12-10').map((d) => d.date)).toEqual(['2025-12-01', '2025-12-10']);
    expect(campaignDatesBetween(base, '2025-12-02', '2025-12-09')).toEqual([]);
    expect(campaignDatesBetween({ ...base, status: 'da_ket_thuc' }, '2024-01-01', '2027-12-31')).toEqual([]);
  });

  it('upcoming: every campaign within N days from today, in date order', () => {
    const other: CampaignLike = { ...base, id: 'c2', name: 'Phong trào B', phases: [], deadlines: [{ label: 'Đăng ký thi đua', day: 25, month: 11 }] };
    expect(upcomingCampaignDates([base, other], '2025-11-23', 10).map((d) => [d.campaignId, d.date])).toEqual([
      ['c2', '2025-11-25'],
      ['c1', '2025-12-01'],
    ]);
    expect(upcomingCampaignDates([base, other], '2025-11-23', 0)).toEqual([]);
  });
});
