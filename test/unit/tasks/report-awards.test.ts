// The yearly report's part on awards built from plain counts: every dossier status named once,
// the statistics' rows of several units summed per form.
import { describe, expect, it } from 'vitest';
import { buildReportDocument, reportAwards, type ReportInput } from '../../../electron/services/tasks/report';
import type { AwardStatsRow } from '../../../shared/contract/records';

const row = (unitId: string, form: string, persons: number, collectives: number): AwardStatsRow => ({
  year: 2025,
  unitId,
  unitName: unitId,
  form,
  formLabel: form.replace(/^khac:/, ''),
  count: persons + collectives,
  persons,
  collectives,
});

const input = (awards: ReportInput['awards'], period: ReportInput['period'] = 'Y'): ReportInput => ({
  year: 2025,
  period,
  today: '2025-12-20',
  office: { name: 'Sở Nội vụ', parentAgency: 'UBND tỉnh Lào Cai', placeName: 'Lào Cai', abbreviation: 'SNV', headTitle: 'Giám đốc', headName: 'Lê Văn A', superiorName: '' },
  tasks: [],
  planRefs: [],
  awards,
});

const text = (i: ReportInput) =>
  buildReportDocument(i)
    .body.map((b) => ('runs' in b ? `${'label' in b && b.label ? `${b.label} ` : ''}${b.runs.map((r) => r.text).join('')}` : ''))
    .join('\n');

describe('the yearly report on awards', () => {
  it('sums each form over units and names each dossier status with its count', () => {
    const a = reportAwards(
      [row('u1', 'LDTT', 120, 0), row('u2', 'LDTT', 1_380, 0), row('u1', 'CSTDCS', 15, 0), row('u2', 'khac:Huy hiệu Vì sự nghiệp', 3, 0)],
      [
        { status: 'approved', nomineeCount: 10 },
        { status: 'approved', nomineeCount: 4 },
        { status: 'returned', nomineeCount: 2 },
        { status: 'submitted', nomineeCount: 30 },
        { status: 'draft', nomineeCount: 0 },
      ],
      [
        { kind: 'unit', awardCode: 'TT_LDTT', achieved: false },
        { kind: 'person', awardCode: 'CSTDCS', achieved: true },
        { kind: 'person', awardCode: 'LDTT', achieved: true },
        { kind: 'person', awardCode: 'LDTT', achieved: false },
      ],
    );
    // in catalogue order, whatever order they were registered in
    expect(a.registrations.map((r) => [r.name, r.registered, r.achieved])).toEqual([
      ['Lao động tiên tiến', 2, 1],
      ['Chiến sĩ thi đua cơ sở', 1, 1],
      ['Tập thể lao động tiên tiến', 1, 0],
    ]);
    expect(a.dossiers).toEqual({ total: 5, nominees: 46, draft: 1, submitted: 1, approved: 2, returned: 1 });
    const t = text(input(a));
    expect(t).toContain('Sở Nội vụ có 1.518 lượt cá nhân được khen thưởng, cụ thể:');
    expect(t).toContain('- Danh hiệu, khen thưởng cấp cơ sở: Lao động tiên tiến (1.500 cá nhân); Chiến sĩ thi đua cơ sở (15 cá nhân).');
    expect(t).toContain('- Hình thức khác: Huy hiệu Vì sự nghiệp (3 cá nhân).');
    expect(t).toContain(
      'Hồ sơ đề nghị cấp trên khen thưởng năm 2025: 5 hồ sơ với 46 lượt đề nghị; trong đó đã được duyệt 2 hồ sơ, bị trả lại 1 hồ sơ, đã gửi, đang chờ kết quả 1 hồ sơ, đang soạn 1 hồ sơ.',
    );
  });

  it('is left out of the quarter reports and when no counts are given; H1 has the registrations', () => {
    const a = reportAwards([row('u1', 'LDTT', 1, 0)], [], []);
    expect(text(input(a, 'Q4'))).not.toContain('KẾT QUẢ CÔNG TÁC KHEN THƯỞNG');
    expect(text(input(null))).not.toContain('KẾT QUẢ CÔNG TÁC KHEN THƯỞNG');
    expect(text(input(a))).toContain('KẾT QUẢ CÔNG TÁC KHEN THƯỞNG');
    expect(text(input(a, 'H1'))).toContain('Chưa có đăng ký thi đua năm 2025 được cập nhật vào phần mềm.');
  });
});
