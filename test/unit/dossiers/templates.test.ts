import { describe, expect, it } from 'vitest';
import {
  REPORT_TEMPLATES,
  chooseReportTemplate,
  coverFormOn,
  legalBasesOn,
  reportTemplate,
  templateCaveats,
  type TemplateQuery,
} from '../../../shared/dossiers/templates';
import { dossierStatus, votePercent, formatPercent } from '../../../shared/dossiers/model';

const q = (over: Partial<TemplateQuery>): TemplateQuery => ({
  date: '2025-03-01',
  sector: 'chung',
  subject: 'individual',
  procedure: 'thuong',
  awardCode: 'BK_TINH',
  basis: 'thuong_xuyen',
  ...over,
});

describe('report templates chosen by date and sector', () => {
  it('NĐ 91/2017 forms until 31/12/2023, NĐ 98/2023 forms from 01/01/2024', () => {
    expect(chooseReportTemplate(q({ date: '2023-12-31' })).id).toBe('nd91_2017.mau02');
    expect(chooseReportTemplate(q({ date: '2024-01-01' })).id).toBe('nd98_2023.mau03');
    expect(chooseReportTemplate(q({ date: '2023-06-30', subject: 'collective' })).id).toBe('nd91_2017.mau01');
    expect(chooseReportTemplate(q({ date: '2024-06-30', subject: 'collective' })).id).toBe('nd98_2023.mau02');
  });

  it('the Nội vụ sector takes TT 20/2025/TT-BNV from its effective date, the general forms before it', () => {
    expect(chooseReportTemplate(q({ date: '2025-06-30', sector: 'noi_vu' })).id).toBe('nd98_2023.mau03');
    expect(chooseReportTemplate(q({ date: '2026-01-15', sector: 'noi_vu' })).id).toBe('tt20_2025.mau1_3');
    // collectives: 1.2 for titles, 1.4 for Bằng khen / Giấy khen
    expect(chooseReportTemplate(q({ date: '2026-01-15', sector: 'noi_vu', subject: 'collective', awardCode: 'TT_LDXS' })).id).toBe('tt20_2025.mau1_2');
    expect(chooseReportTemplate(q({ date: '2026-01-15', sector: 'noi_vu', subject: 'collective', awardCode: 'BK_TINH' })).id).toBe('tt20_2025.mau1_4');
    // đột xuất / chuyên đề: 1.5
    expect(chooseReportTemplate(q({ date: '2026-01-15', sector: 'noi_vu', basis: 'dot_xuat' })).id).toBe('tt20_2025.mau1_5');
    // other sectors keep the general form after that date
    expect(chooseReportTemplate(q({ date: '2026-01-15', sector: 'chung' })).id).toBe('nd98_2023.mau03');
  });

  it('the simplified procedure uses the short summary', () => {
    expect(chooseReportTemplate(q({ procedure: 'don_gian', date: '2023-05-01' })).id).toBe('nd91_2017.tom_tat');
    expect(chooseReportTemplate(q({ procedure: 'don_gian', date: '2025-05-01' })).id).toBe('nd98_2023.tom_tat');
    const collective = chooseReportTemplate(q({ procedure: 'don_gian', subject: 'collective' }));
    expect(collective.sections.map((s) => s.id)).toEqual(['thong_tin', 'tom_tat']);
  });

  it('outside every period: the earliest form before, the latest after', () => {
    expect(chooseReportTemplate(q({ date: '2015-01-01' })).id).toBe('nd91_2017.mau02');
    expect(chooseReportTemplate(q({ date: '2099-01-01' })).id).toBe('nd98_2023.mau03');
  });

  it('marks what could not be confirmed as unverified', () => {
    expect(templateCaveats(reportTemplate('nd98_2023.mau03')!)).toEqual([]);
    expect(templateCaveats(reportTemplate('nd91_2017.mau02')!)).toEqual(['số mẫu, nội dung mẫu chưa xác minh']);
    expect(templateCaveats(reportTemplate('tt20_2025.mau1_3')!)).toEqual(['ngày hiệu lực chưa xác minh']);
    for (const t of REPORT_TEMPLATES) {
      expect(t.sections.length).toBeGreaterThan(0);
      for (const s of t.sections) if (s.kind === 'table') expect(s.columns?.length).toBe(3);
    }
    // individual forms have the three parts of NĐ 98/2023 Mẫu 03
    expect(reportTemplate('nd98_2023.mau03')!.sections.filter((s) => s.level === 1).map((s) => s.heading)).toEqual([
      'SƠ LƯỢC LÝ LỊCH',
      'THÀNH TÍCH ĐẠT ĐƯỢC',
      'CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG',
    ]);
  });

  it('legal bases and the tờ trình form follow the date', () => {
    expect(legalBasesOn('2023-05-01').id).toBe('luat2003_nd91_2017');
    expect(legalBasesOn('2024-05-01').lines[1]).toContain('98/2023/NĐ-CP');
    expect(legalBasesOn('2025-07-01')).toMatchObject({ id: 'luat2022_nd152_2025', verified: true });
    expect(legalBasesOn('2025-07-01').lines[1]).toContain('ngày 14 tháng 6 năm 2025');
    expect(coverFormOn('2026-01-15', 'noi_vu')).toMatchObject({ form: 'Mẫu số 1.1', verified: true });
    expect(coverFormOn('2026-01-15', 'chung').document).toContain('98/2023');
  });
});

describe('dossier status and votes', () => {
  it('status follows the outcome of the current submission only', () => {
    expect(dossierStatus('nhap', 0, [])).toEqual({ status: 'draft', outcome: null });
    expect(dossierStatus('da_gui', 1, [])).toEqual({ status: 'submitted', outcome: null });
    const returned = [{ submissionNo: 1, outcome: 'returned' as const, decidedAt: '2025-12-01T00:00:00.000Z' }];
    expect(dossierStatus('da_gui', 1, returned).status).toBe('returned');
    // reopened after being returned: still "returned" until sent again
    expect(dossierStatus('nhap', 1, returned).status).toBe('returned');
    // sent again: a fresh submission
    expect(dossierStatus('da_gui', 2, returned).status).toBe('submitted');
    expect(dossierStatus('da_gui', 2, [...returned, { submissionNo: 2, outcome: 'approved', decidedAt: '2025-12-10T00:00:00.000Z' }]).status).toBe('approved');
  });

  it('vote percentages', () => {
    expect(votePercent(2, 3)).toBe(66.7);
    expect(votePercent(null, 3)).toBeNull();
    expect(votePercent(1, 0)).toBeNull();
    expect(formatPercent(66.7)).toBe('66,7%');
    expect(formatPercent(100)).toBe('100%');
  });
});
