// The pre-export checklist of a nomination dossier: pure, no I/O. Blocks stop generating,
// exporting and submitting; warnings are shown but never stop anything. Every message is
// Vietnamese, names the nominee concerned and says what to fix.
import { AUTHORITY_LABELS, AWARD_CATALOG, authoritiesOn, ruleSetFor, womenPriorityNote, type Authority, type AwardCode, type IsoDate, type Verdict } from '../awards';
import { formatDateVi } from '../text/vn';
import { yearlyDeadlineIso } from '../plans/campaign-dates';
import { formatPercent, votePercent } from './model';

export type ChecklistLevel = 'block' | 'warning';

export type ChecklistCode =
  | 'no_nominees'
  | 'no_meeting'
  | 'meeting_incomplete'
  | 'missing_vote'
  | 'vote_invalid'
  | 'vote_below'
  | 'missing_report'
  | 'not_eligible'
  | 'not_checked'
  | 'wrong_subject'
  | 'mixed_authority'
  | 'missing_evidence'
  | 'quota_exceeded'
  | 'deadline_passed'
  | 'template_outdated'
  | 'duplicate_nomination'
  | 'already_awarded';

export interface ChecklistItem {
  level: ChecklistLevel;
  code: ChecklistCode;
  message: string;
  nomineeId?: string;
}

export interface ChecklistNominee {
  id: string;
  name: string;
  kind: 'person' | 'unit';
  awardCode: AwardCode;
  votesAgree: number | null;
  votesTotal: number | null;
  /** a report exists and at least one of its text sections is filled in */
  hasReport: boolean;
  /** a person's gender, when known: the quota warning counts the women (RuleSet.womenPriority) */
  gender?: 'nam' | 'nu' | null;
  /** the report's template is not the one in force for the dossier's date and sector */
  reportTemplateOutdated?: boolean;
  /**
   * The eligibility checker's verdict for this award and year; null when the checker does not
   * judge this award (catalogue-only forms, collectives without rules).
   */
  verdict: Verdict | null;
  /** messages of the checker's failed items (what is missing) */
  failed: readonly string[];
  /** recognised initiatives in the window the award looks at */
  hasInitiative: boolean;
  evidenceCount: number;
  /** titles of the office's other live dossiers proposing the same award for the same year (not those it was consolidated from or into) */
  otherDossiers?: readonly string[];
  /** decisions already awarding it for the year ("số 12/QĐ-UBND ngày 20/01/2025"), other than this dossier's answer */
  awardedBy?: readonly string[];
}

export interface ChecklistMeeting {
  date: IsoDate | null;
  place: string;
  chair: string;
  secretary: string;
  membersPresent: readonly string[];
  /** members of the council (when known) */
  membersTotal: number | null;
}

export interface ChecklistInput {
  /** today's date on this computer */
  today: IsoDate;
  /** the date the deciding authority is judged on (tờ trình date, else today) */
  decisionDate: IsoDate;
  year: number;
  awardCode: AwardCode;
  meeting: ChecklistMeeting;
  nominees: readonly ChecklistNominee[];
  /** CSTĐCS quota: percent of the LĐTT count (provincial setting) */
  quota: { percent: number; ldttCount: number } | null;
  /** recurring deadlines (campaign's, else the provincial settings'): day/month in the dossier's year */
  deadlines: readonly { label: string; day: number; month: number }[];
  /** lowest share of agreeing votes that passes (default 50) */
  minVotePercent?: number;
}

export interface ChecklistResult {
  items: ChecklistItem[];
  blocks: number;
  warnings: number;
  /** true when nothing blocks */
  ok: boolean;
}

/** Awards whose criteria always need a recognised initiative (evidence expected). */
const INITIATIVE_REQUIRED: ReadonlySet<AwardCode> = new Set<AwardCode>(['CSTD_TINH', 'CSTD_TOAN_QUOC']);
/** Awards where an initiative is one way to qualify: evidence expected when the person has one. */
const INITIATIVE_OPTIONAL: ReadonlySet<AwardCode> = new Set<AwardCode>(['CSTDCS', 'BK_TINH']);

export function needsInitiativeEvidence(code: AwardCode, hasInitiative: boolean): boolean {
  return INITIATIVE_REQUIRED.has(code) || (INITIATIVE_OPTIONAL.has(code) && hasInitiative);
}

const who = (n: ChecklistNominee) => (n.kind === 'person' ? `Ông/bà ${n.name}` : `Tập thể ${n.name}`);

/** Deadlines that concern nomination dossiers ("hồ sơ", "đề nghị", "khen thưởng"); all of them if none says so. */
function dossierDeadlines(list: ChecklistInput['deadlines']): ChecklistInput['deadlines'] {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase();
  const relevant = list.filter((d) => /ho so|de nghi|khen thuong/.test(fold(d.label)));
  return relevant.length ? relevant : list;
}

export function runChecklist(input: ChecklistInput): ChecklistResult {
  const items: ChecklistItem[] = [];
  const block = (code: ChecklistCode, message: string, nomineeId?: string) => items.push({ level: 'block', code, message, ...(nomineeId ? { nomineeId } : {}) });
  const warn = (code: ChecklistCode, message: string, nomineeId?: string) => items.push({ level: 'warning', code, message, ...(nomineeId ? { nomineeId } : {}) });
  const minPct = input.minVotePercent ?? 50;
  const m = input.meeting;

  if (input.nominees.length === 0) block('no_nominees', 'Hồ sơ chưa có người hoặc tập thể nào được đề nghị. Hãy thêm từ danh sách đề xuất hoặc chọn trong danh sách cán bộ, đơn vị.');

  // the council meeting
  if (!m.date || m.membersPresent.length === 0) {
    block(
      'no_meeting',
      'Chưa có thông tin cuộc họp Hội đồng Thi đua - Khen thưởng (ngày họp, thành viên dự họp). Hãy nhập ở mục "Họp Hội đồng" — biên bản họp là thành phần bắt buộc của hồ sơ.',
    );
  } else {
    const missing = [!m.place.trim() && 'địa điểm', !m.chair.trim() && 'người chủ trì', !m.secretary.trim() && 'thư ký'].filter(Boolean);
    if (missing.length) block('meeting_incomplete', `Biên bản họp Hội đồng còn thiếu ${missing.join(', ')}. Hãy bổ sung ở mục "Họp Hội đồng".`);
    if (m.membersTotal !== null && m.membersPresent.length > m.membersTotal) {
      block('meeting_incomplete', `Số thành viên dự họp (${m.membersPresent.length}) nhiều hơn tổng số thành viên Hội đồng (${m.membersTotal}). Hãy sửa lại ở mục "Họp Hội đồng".`);
    }
  }

  // per nominee: votes, report, eligibility, subject, evidence
  for (const n of input.nominees) {
    const entry = AWARD_CATALOG[n.awardCode];
    const subject = n.kind === 'person' ? 'individual' : 'collective';
    if (!entry.subjects.includes(subject)) {
      block(
        'wrong_subject',
        `${who(n)}: ${entry.name} không xét cho ${n.kind === 'person' ? 'cá nhân' : 'tập thể'}. Hãy bỏ khỏi hồ sơ hoặc chọn hình thức khác.`,
        n.id,
      );
    }
    if (m.date && m.membersPresent.length > 0) {
      if (n.votesAgree === null || n.votesTotal === null) {
        block('missing_vote', `${who(n)}: chưa nhập kết quả biểu quyết của Hội đồng (số phiếu đồng ý / tổng số phiếu).`, n.id);
      } else if (n.votesTotal <= 0 || n.votesAgree < 0 || n.votesAgree > n.votesTotal) {
        block('vote_invalid', `${who(n)}: kết quả biểu quyết ${n.votesAgree}/${n.votesTotal} không hợp lệ — số phiếu đồng ý phải từ 0 đến tổng số phiếu.`, n.id);
      } else if (n.votesTotal > m.membersPresent.length) {
        block('vote_invalid', `${who(n)}: tổng số phiếu (${n.votesTotal}) nhiều hơn số thành viên dự họp (${m.membersPresent.length}). Hãy sửa lại kết quả biểu quyết.`, n.id);
      } else {
        const pct = votePercent(n.votesAgree, n.votesTotal)!;
        if (pct < minPct) {
          block(
            'vote_below',
            `${who(n)}: chỉ đạt ${n.votesAgree}/${n.votesTotal} phiếu đồng ý (${formatPercent(pct)}), dưới ${minPct}% — không đủ để đề nghị. Hãy bỏ khỏi hồ sơ hoặc kiểm tra lại kết quả biểu quyết.`,
            n.id,
          );
        }
      }
    }
    if (!n.hasReport) block('missing_report', `${who(n)}: chưa có báo cáo thành tích. Hãy mở "Báo cáo thành tích" của người này, kiểm tra nội dung rồi lưu.`, n.id);
    else if (n.reportTemplateOutdated) warn('template_outdated', `${who(n)}: báo cáo thành tích đang theo mẫu khác với mẫu áp dụng cho ngày của hồ sơ. Hãy bấm "Lấy lại nội dung" để chuyển sang mẫu đúng.`, n.id);
    if (n.verdict === null) {
      warn('not_checked', `${who(n)}: phần mềm không tự kiểm tra tiêu chuẩn ${entry.shortName} — hãy đối chiếu tiêu chuẩn theo quy định của tỉnh, ngành.`, n.id);
    } else if (n.verdict !== 'du_dieu_kien') {
      const why = n.failed.length ? ` Lý do: ${n.failed.join('; ')}.` : '';
      block(
        'not_eligible',
        `${who(n)}: chưa đủ điều kiện ${entry.shortName} năm ${input.year} theo kiểm tra điều kiện khen thưởng.${why} Hãy bổ sung hồ sơ (xếp loại, danh hiệu, sáng kiến) hoặc bỏ khỏi hồ sơ.`,
        n.id,
      );
    }
    for (const title of n.otherDossiers ?? []) {
      warn(
        'duplicate_nomination',
        `${who(n)}: cũng được đề nghị ${entry.shortName} năm ${input.year} trong hồ sơ "${title}" — một thành tích chỉ đề nghị một lần. Hãy bỏ khỏi một trong hai hồ sơ.`,
        n.id,
      );
    }
    if (n.awardedBy?.length) {
      warn('already_awarded', `${who(n)}: đã có ${entry.shortName} năm ${input.year} (quyết định ${n.awardedBy.join('; ')}). Hãy kiểm tra lại trước khi đề nghị.`, n.id);
    }
    if (needsInitiativeEvidence(n.awardCode, n.hasInitiative) && n.evidenceCount === 0) {
      warn(
        'missing_evidence',
        `${who(n)}: ${entry.shortName} cần sáng kiến, đề tài được công nhận nhưng hồ sơ chưa có minh chứng (quyết định công nhận sáng kiến …). Hãy đính kèm ở mục "Minh chứng".`,
        n.id,
      );
    }
  }

  // one deciding authority per dossier
  if (input.nominees.length > 0) {
    const codes = [...new Set(input.nominees.map((n) => n.awardCode))];
    const sets = codes.map((c) => new Set<Authority>(authoritiesOn(c, input.decisionDate).map((a) => a.authority)));
    const common = [...sets[0]!].filter((a) => sets.every((s) => s.has(a)));
    if (common.length === 0) {
      const groups = codes.map((c) => {
        const names = input.nominees.filter((n) => n.awardCode === c).map((n) => n.name);
        const auth = authoritiesOn(c, input.decisionDate).map((a) => AUTHORITY_LABELS[a.authority]);
        return `${AWARD_CATALOG[c].shortName} (${auth.join(', ') || 'không rõ cấp quyết định'}): ${names.join(', ')}`;
      });
      block(
        'mixed_authority',
        `Hồ sơ gộp các hình thức do các cấp khác nhau quyết định — mỗi hồ sơ chỉ đề nghị một cấp quyết định. Hãy tách thành các hồ sơ riêng: ${groups.join('; ')}.`,
      );
    }
  }

  // CSTĐCS quota (a provincial setting: warning only)
  const cstdcs = input.nominees.filter((n) => n.awardCode === 'CSTDCS');
  if (input.quota && cstdcs.length > 0) {
    const max = Math.floor((input.quota.ldttCount * input.quota.percent) / 100 + 1e-9);
    if (cstdcs.length > max) {
      // as the checker's quota warning: among people who qualify alike, women first
      const note = womenPriorityNote(cstdcs.filter((n) => n.gender === 'nu').length, ruleSetFor(input.year).womenPriority);
      warn(
        'quota_exceeded',
        `Số đề nghị Chiến sĩ thi đua cơ sở (${cstdcs.length}: ${cstdcs.map((n) => n.name).join(', ')}) vượt tỷ lệ ${input.quota.percent}% của ${input.quota.ldttCount} người đạt Lao động tiên tiến (tối đa ${max} người). Hội đồng cần bình xét chọn lại.` +
          (note && ` Trong số này ${note}.`),
      );
    }
  }

  // deadlines
  for (const d of dossierDeadlines(input.deadlines)) {
    const due = yearlyDeadlineIso(input.year, d.month, d.day);
    if (input.today > due) {
      warn('deadline_passed', `Đã quá hạn "${d.label}" (${formatDateVi(due)}). Hồ sơ gửi muộn có thể không được xét — hãy liên hệ cơ quan nhận để thống nhất.`);
    }
  }

  const blocks = items.filter((i) => i.level === 'block').length;
  return { items, blocks, warnings: items.length - blocks, ok: blocks === 0 };
}
