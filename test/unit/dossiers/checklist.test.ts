import { describe, expect, it } from 'vitest';
import { needsInitiativeEvidence, runChecklist, type ChecklistInput, type ChecklistNominee } from '../../../shared/dossiers/checklist';

const nominee = (over: Partial<ChecklistNominee> = {}): ChecklistNominee => ({
  id: 'n1',
  name: 'Nguyễn Văn An',
  kind: 'person',
  awardCode: 'BK_TINH',
  votesAgree: 5,
  votesTotal: 5,
  hasReport: true,
  verdict: 'du_dieu_kien',
  failed: [],
  hasInitiative: false,
  evidenceCount: 0,
  ...over,
});

const base = (over: Partial<ChecklistInput> = {}): ChecklistInput => ({
  today: '2025-11-20',
  decisionDate: '2025-11-20',
  year: 2025,
  awardCode: 'BK_TINH',
  meeting: {
    date: '2025-11-18',
    place: 'Phòng họp tầng 2',
    chair: 'Nguyễn Văn Bình',
    secretary: 'Lê Thị Cúc',
    membersPresent: ['Nguyễn Văn Bình', 'Lê Thị Cúc', 'Trần Văn Dũng', 'Phạm Thị Én', 'Hoàng Văn Giang'],
    membersTotal: 7,
  },
  nominees: [nominee()],
  quota: null,
  deadlines: [{ label: 'Gửi hồ sơ đề nghị khen thưởng', day: 1, month: 12 }],
  ...over,
});

const codes = (input: ChecklistInput) => runChecklist(input).items.map((i) => `${i.level}:${i.code}`);

describe('dossier checklist', () => {
  it('a complete dossier passes with nothing to report', () => {
    const r = runChecklist(base());
    expect(r).toMatchObject({ ok: true, blocks: 0, warnings: 0, items: [] });
  });

  it('warns of a nominee proposed in another dossier for the same award, or already awarded it', () => {
    const r = runChecklist(base({ nominees: [nominee({ otherDossiers: ['Đề nghị tặng Bằng khen (đợt 2)'], awardedBy: ['số 12/QĐ-UBND ngày 20/01/2025'] })] }));
    expect(r.ok).toBe(true);
    expect(r.items.map((i) => [i.level, i.code, i.message, i.nomineeId])).toEqual([
      [
        'warning',
        'duplicate_nomination',
        'Ông/bà Nguyễn Văn An: cũng được đề nghị Bằng khen tỉnh năm 2025 trong hồ sơ "Đề nghị tặng Bằng khen (đợt 2)" — một thành tích chỉ đề nghị một lần. Hãy bỏ khỏi một trong hai hồ sơ.',
        'n1',
      ],
      ['warning', 'already_awarded', 'Ông/bà Nguyễn Văn An: đã có Bằng khen tỉnh năm 2025 (quyết định số 12/QĐ-UBND ngày 20/01/2025). Hãy kiểm tra lại trước khi đề nghị.', 'n1'],
    ]);
    expect(codes(base({ nominees: [nominee({ otherDossiers: [], awardedBy: [] })] }))).toEqual([]);
  });

  it('blocks an empty dossier and a dossier without the council meeting', () => {
    expect(codes(base({ nominees: [] }))).toContain('block:no_nominees');
    const noMeeting = runChecklist(base({ meeting: { date: null, place: '', chair: '', secretary: '', membersPresent: [], membersTotal: null } }));
    expect(noMeeting.ok).toBe(false);
    expect(noMeeting.items.map((i) => i.code)).toEqual(['no_meeting']);
    expect(noMeeting.items[0]!.message).toContain('Hội đồng Thi đua - Khen thưởng');
    // votes are not asked for before there is a meeting
    expect(noMeeting.items.some((i) => i.code === 'missing_vote')).toBe(false);
  });

  it('blocks an incomplete meeting: missing chair/secretary/place, more present than members', () => {
    const r = runChecklist(base({ meeting: { ...base().meeting, chair: '', secretary: ' ', membersTotal: 3 } }));
    const msgs = r.items.filter((i) => i.code === 'meeting_incomplete').map((i) => i.message);
    expect(msgs[0]).toContain('người chủ trì, thư ký');
    expect(msgs[1]).toContain('(5) nhiều hơn tổng số thành viên Hội đồng (3)');
  });

  it('votes: missing, invalid, more than present, below 50% — each names the nominee', () => {
    const r = runChecklist(
      base({
        nominees: [
          nominee({ id: 'a', name: 'Nguyễn Văn An', votesAgree: null, votesTotal: null }),
          nominee({ id: 'b', name: 'Trần Thị Bích', votesAgree: 6, votesTotal: 5 }),
          nominee({ id: 'c', name: 'Lê Văn Cường', votesAgree: 3, votesTotal: 6 }),
          nominee({ id: 'd', name: 'Phạm Thị Dung', votesAgree: 2, votesTotal: 5 }),
          nominee({ id: 'e', name: 'Hoàng Văn Em', votesAgree: 3, votesTotal: 5 }),
        ],
      }),
    );
    const by = (id: string) => r.items.filter((i) => i.nomineeId === id);
    expect(by('a')).toEqual([expect.objectContaining({ level: 'block', code: 'missing_vote', message: expect.stringContaining('Ông/bà Nguyễn Văn An') })]);
    expect(by('b')[0]).toMatchObject({ code: 'vote_invalid', message: expect.stringContaining('6/5') });
    expect(by('c')[0]).toMatchObject({ code: 'vote_invalid', message: expect.stringContaining('nhiều hơn số thành viên dự họp (5)') });
    expect(by('d')[0]).toMatchObject({ code: 'vote_below', message: expect.stringContaining('2/5 phiếu đồng ý (40%), dưới 50%') });
    expect(by('e')).toEqual([]);
    expect(r.blocks).toBe(4);
  });

  it('exactly half passes; the threshold is a parameter', () => {
    const half = base({ nominees: [nominee({ votesAgree: 2, votesTotal: 4 })] });
    expect(runChecklist(half).ok).toBe(true);
    expect(codes({ ...half, minVotePercent: 66.7 })).toEqual(['block:vote_below']);
  });

  it('blocks a nominee without a report and one the eligibility checker does not pass, with the reasons', () => {
    const r = runChecklist(
      base({
        nominees: [
          nominee({ id: 'a', hasReport: false }),
          nominee({ id: 'b', name: 'Trần Thị Bích', verdict: 'gan_du', failed: ['thiếu 1 năm CSTĐCS liên tục: 2024 chưa có'] }),
        ],
      }),
    );
    expect(r.items.find((i) => i.nomineeId === 'a')).toMatchObject({ level: 'block', code: 'missing_report' });
    const b = r.items.find((i) => i.nomineeId === 'b')!;
    expect(b).toMatchObject({ level: 'block', code: 'not_eligible' });
    expect(b.message).toContain('Ông/bà Trần Thị Bích: chưa đủ điều kiện Bằng khen tỉnh năm 2025');
    expect(b.message).toContain('thiếu 1 năm CSTĐCS liên tục: 2024 chưa có');
  });

  it('an award the checker does not judge is a warning, not a block', () => {
    const r = runChecklist(base({ awardCode: 'GIAY_KHEN', nominees: [nominee({ awardCode: 'GIAY_KHEN', verdict: null })] }));
    expect(r.ok).toBe(true);
    expect(r.items).toEqual([expect.objectContaining({ level: 'warning', code: 'not_checked' })]);
  });

  it('blocks awards decided by different authorities in one dossier, naming the groups', () => {
    const r = runChecklist(
      base({
        nominees: [nominee({ id: 'a', name: 'Nguyễn Văn An', awardCode: 'CSTDCS' }), nominee({ id: 'b', name: 'Trần Thị Bích', awardCode: 'BK_TINH' })],
      }),
    );
    const mixed = r.items.find((i) => i.code === 'mixed_authority')!;
    expect(mixed.level).toBe('block');
    expect(mixed.message).toContain('CSTĐCS');
    expect(mixed.message).toContain('Nguyễn Văn An');
    expect(mixed.message).toContain('Bằng khen tỉnh (Chủ tịch UBND tỉnh');
    expect(mixed.message).toContain('Trần Thị Bích');
  });

  it('LĐTT and CSTĐCS share the head of the unit: not mixed, before and after 01/7/2025', () => {
    for (const d of ['2024-12-01', '2025-12-01']) {
      const r = runChecklist(
        base({
          decisionDate: d,
          awardCode: 'CSTDCS',
          nominees: [nominee({ id: 'a', awardCode: 'LDTT' }), nominee({ id: 'b', awardCode: 'CSTDCS', hasInitiative: true, evidenceCount: 1 })],
        }),
      );
      expect(r.items.map((i) => i.code)).not.toContain('mixed_authority');
    }
  });

  it('blocks a collective nominated for an individual-only title', () => {
    const r = runChecklist(base({ awardCode: 'CSTDCS', nominees: [nominee({ kind: 'unit', name: 'Văn phòng', awardCode: 'CSTDCS' })] }));
    expect(r.items[0]).toMatchObject({ code: 'wrong_subject', message: expect.stringContaining('Tập thể Văn phòng') });
  });

  it('warns about missing evidence where the award needs an initiative', () => {
    expect(needsInitiativeEvidence('CSTD_TINH', false)).toBe(true);
    expect(needsInitiativeEvidence('CSTDCS', false)).toBe(false);
    expect(needsInitiativeEvidence('CSTDCS', true)).toBe(true);
    expect(needsInitiativeEvidence('LDTT', true)).toBe(false);
    const r = runChecklist(base({ awardCode: 'CSTD_TINH', nominees: [nominee({ awardCode: 'CSTD_TINH' })] }));
    expect(r.ok).toBe(true);
    expect(r.items).toEqual([expect.objectContaining({ level: 'warning', code: 'missing_evidence', message: expect.stringContaining('Nguyễn Văn An') })]);
    expect(runChecklist(base({ awardCode: 'CSTD_TINH', nominees: [nominee({ awardCode: 'CSTD_TINH', evidenceCount: 2 })] })).items).toEqual([]);
  });

  it('warns when CSTĐCS nominations exceed the quota of the LĐTT count', () => {
    const cs = (id: string, name: string) => nominee({ id, name, awardCode: 'CSTDCS' });
    const input = base({ awardCode: 'CSTDCS', nominees: [cs('a', 'An'), cs('b', 'Bích'), cs('c', 'Cường')], quota: { percent: 15, ldttCount: 14 } });
    const r = runChecklist(input);
    expect(r.ok).toBe(true);
    const q = r.items.find((i) => i.code === 'quota_exceeded')!;
    expect(q.level).toBe('warning');
    expect(q.message).toContain('(3: An, Bích, Cường) vượt tỷ lệ 15% của 14 người đạt Lao động tiên tiến (tối đa 2 người)');
    expect(runChecklist({ ...input, quota: { percent: 15, ldttCount: 20 } }).items.some((i) => i.code === 'quota_exceeded')).toBe(false);
  });

  it('over the quota, says how many of the CSTĐCS nominees are women (from 2024), as the checker does', () => {
    const cs = (id: string, name: string, gender: 'nam' | 'nu') => nominee({ id, name, awardCode: 'CSTDCS', gender });
    const nominees = [cs('a', 'An', 'nam'), cs('b', 'Bích', 'nu'), cs('c', 'Cúc', 'nu')];
    const quota = (year: number) =>
      runChecklist(base({ year, awardCode: 'CSTDCS', nominees, quota: { percent: 15, ldttCount: 14 } })).items.find((i) => i.code === 'quota_exceeded')!.message;
    expect(quota(2025)).toMatch(/Hội đồng cần bình xét chọn lại\. Trong số này có 2 nữ, ưu tiên khi thành tích ngang nhau \(NĐ 98\/2023\/NĐ-CP, Điều 4\)\.$/);
    // the 2017–2023 rules here say nothing of it
    expect(quota(2023)).toMatch(/Hội đồng cần bình xét chọn lại\.$/);
  });

  it('warns when the dossier deadline has passed (campaign deadlines about dossiers only)', () => {
    const deadlines = [
      { label: 'Đăng ký thi đua đầu năm', day: 15, month: 3 },
      { label: 'Gửi hồ sơ đề nghị khen thưởng tổng kết', day: 1, month: 12 },
    ];
    expect(runChecklist(base({ today: '2025-11-30', deadlines })).items).toEqual([]);
    const late = runChecklist(base({ today: '2025-12-02', deadlines }));
    expect(late.ok).toBe(true);
    expect(late.items).toEqual([expect.objectContaining({ level: 'warning', code: 'deadline_passed', message: expect.stringContaining('(01/12/2025)') })]);
    // a day past the month's end is the month's last day
    const feb = runChecklist(base({ today: '2025-03-01', deadlines: [{ label: 'Nộp hồ sơ', day: 31, month: 2 }] }));
    expect(feb.items[0]!.message).toContain('28/02/2025');
  });
});
