// Templates of the dossier's documents as DATA, chosen by date and sector: the achievement
// report forms (NĐ 91/2017 until 31/12/2023, NĐ 98/2023 from 01/01/2024, TT 20/2025/TT-BNV for
// the Nội vụ sector from its effective date) and the legal bases a tờ trình cites. Anything
// whose text or date the project could not confirm is marked unverified ("chưa xác minh").
import { AWARD_CATALOG, type AwardBasis, type AwardCode, type IsoDate } from '../awards';
import type { DossierProcedure, DossierSector } from './model';
import { ND152_2025_BASIS } from '../documents/legal';

/** heading: a part heading with no content of its own ("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG") */
export type SectionKind = 'heading' | 'text' | 'table';

export interface ReportSectionSpec {
  id: string;
  /** 1: part ("I."), 2: item ("1.") */
  level: 1 | 2;
  label: string;
  heading: string;
  kind: SectionKind;
  /** table sections */
  columns?: { header: string; width: number }[];
  /** what to write here (shown in the editor) */
  hint: string;
}

export interface ReportSigner {
  /** CAPS title, e.g. "NGƯỜI BÁO CÁO THÀNH TÍCH" */
  title: string;
  /** e.g. "(Ký, ghi rõ họ và tên)" */
  note: string;
  /** whose name goes under it */
  who: 'office_head' | 'nominee' | 'blank';
}

export interface ReportTemplate {
  id: string;
  /** "Mẫu số 03" */
  form: string;
  /** "Nghị định số 98/2023/NĐ-CP, Phụ lục I" */
  document: string;
  name: string;
  subject: 'individual' | 'collective';
  procedure: DossierProcedure;
  /** which sector's offices use it ('chung' applies to every sector without its own form) */
  sector: DossierSector;
  /** restrict to award kinds (TT 20/2025 has one form for collective titles, another for Bằng khen/Giấy khen) */
  awardKinds?: readonly ('title' | 'award')[];
  /** restrict to award bases (TT 20/2025 mẫu 1.5 is for đột xuất/chuyên đề) */
  bases?: readonly AwardBasis[];
  from: IsoDate;
  to?: IsoDate;
  /** the form's number and structure were confirmed */
  verified: boolean;
  /** the effective dates were confirmed */
  dateVerified: boolean;
  docType: string;
  sections: readonly ReportSectionSpec[];
  signers: { left: ReportSigner; right: ReportSigner };
}

const TITLES_TABLE = [
  { header: 'Năm', width: 12 },
  { header: 'Danh hiệu thi đua', width: 38 },
  { header: 'Số, ngày, tháng, năm của quyết định công nhận danh hiệu thi đua; cơ quan ban hành quyết định', width: 50 },
];
const AWARDS_TABLE = [
  { header: 'Năm', width: 12 },
  { header: 'Hình thức khen thưởng', width: 38 },
  { header: 'Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành quyết định', width: 50 },
];

const INDIVIDUAL_SECTIONS: readonly ReportSectionSpec[] = [
  { id: 'ly_lich', level: 1, label: 'I.', heading: 'SƠ LƯỢC LÝ LỊCH', kind: 'text', hint: 'Họ tên, ngày sinh, giới tính, quê quán, đơn vị công tác, chức vụ, trình độ chuyên môn.' },
  { id: 'phan_2', level: 1, label: 'II.', heading: 'THÀNH TÍCH ĐẠT ĐƯỢC', kind: 'heading', hint: '' },
  { id: 'nhiem_vu', level: 2, label: '1.', heading: 'Quyền hạn, nhiệm vụ được giao hoặc đảm nhận', kind: 'text', hint: 'Chức trách, nhiệm vụ được giao trong thời gian đề nghị khen thưởng.' },
  { id: 'thanh_tich', level: 2, label: '2.', heading: 'Thành tích đạt được của cá nhân', kind: 'text', hint: 'Kết quả thực hiện nhiệm vụ; biện pháp, giải pháp công tác; sáng kiến, đề tài được công nhận.' },
  { id: 'phan_3', level: 1, label: 'III.', heading: 'CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG', kind: 'heading', hint: '' },
  { id: 'danh_hieu', level: 2, label: '1.', heading: 'Danh hiệu thi đua', kind: 'table', columns: TITLES_TABLE, hint: 'Danh hiệu thi đua đã được công nhận.' },
  { id: 'hinh_thuc', level: 2, label: '2.', heading: 'Hình thức khen thưởng', kind: 'table', columns: AWARDS_TABLE, hint: 'Bằng khen, Giấy khen, Huân chương … đã nhận.' },
];

const COLLECTIVE_SECTIONS: readonly ReportSectionSpec[] = [
  { id: 'dac_diem', level: 1, label: 'I.', heading: 'SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH', kind: 'text', hint: 'Tên đơn vị, quá trình thành lập, tổng số cán bộ, cơ cấu tổ chức; chức năng, nhiệm vụ được giao.' },
  { id: 'thanh_tich', level: 1, label: 'II.', heading: 'THÀNH TÍCH ĐẠT ĐƯỢC', kind: 'text', hint: 'Kết quả thực hiện nhiệm vụ; các biện pháp, giải pháp; phong trào thi đua; công tác xây dựng Đảng, đoàn thể.' },
  { id: 'phan_3', level: 1, label: 'III.', heading: 'CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG', kind: 'heading', hint: '' },
  { id: 'danh_hieu', level: 2, label: '1.', heading: 'Danh hiệu thi đua', kind: 'table', columns: TITLES_TABLE, hint: 'Danh hiệu thi đua đã được công nhận.' },
  { id: 'hinh_thuc', level: 2, label: '2.', heading: 'Hình thức khen thưởng', kind: 'table', columns: AWARDS_TABLE, hint: 'Bằng khen, Cờ thi đua … đã nhận.' },
];

const SUMMARY_SECTIONS: readonly ReportSectionSpec[] = [
  { id: 'thong_tin', level: 1, label: 'I.', heading: 'THÔNG TIN CHUNG', kind: 'text', hint: 'Họ tên (tên tập thể), chức vụ, đơn vị công tác.' },
  { id: 'tom_tat', level: 1, label: 'II.', heading: 'TÓM TẮT THÀNH TÍCH', kind: 'text', hint: 'Tóm tắt thành tích, kết quả đạt được làm căn cứ đề nghị khen thưởng.' },
];

const INDIVIDUAL_SIGNERS = {
  left: { title: 'THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ', note: '(Ký, đóng dấu)', who: 'office_head' },
  right: { title: 'NGƯỜI BÁO CÁO THÀNH TÍCH', note: '(Ký, ghi rõ họ và tên)', who: 'nominee' },
} as const;
const COLLECTIVE_SIGNERS = {
  left: { title: 'THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP NHẬN XÉT, XÁC NHẬN', note: '(Ký, đóng dấu)', who: 'office_head' },
  right: { title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, đóng dấu)', who: 'blank' },
} as const;

const ND91_TO = '2023-12-31';
const ND98_FROM = '2024-01-01';
/** TT 20/2025/TT-BNV was signed on 11/10/2025; the effective date below is assumed (chưa xác minh). */
const TT20_FROM = '2025-11-25';

export const REPORT_TEMPLATES: readonly ReportTemplate[] = [
  // NĐ 91/2017/NĐ-CP (to 31/12/2023). The form numbers are from memory of its appendix: unverified.
  {
    id: 'nd91_2017.mau01',
    form: 'Mẫu số 01',
    document: 'Nghị định số 91/2017/NĐ-CP, Phụ lục',
    name: 'Báo cáo thành tích đề nghị khen thưởng cho tập thể',
    subject: 'collective',
    procedure: 'thuong',
    sector: 'chung',
    from: '2017-09-15',
    to: ND91_TO,
    verified: false,
    dateVerified: true,
    docType: 'BÁO CÁO THÀNH TÍCH',
    sections: COLLECTIVE_SECTIONS,
    signers: COLLECTIVE_SIGNERS,
  },
  {
    id: 'nd91_2017.mau02',
    form: 'Mẫu số 02',
    document: 'Nghị định số 91/2017/NĐ-CP, Phụ lục',
    name: 'Báo cáo thành tích đề nghị khen thưởng cho cá nhân',
    subject: 'individual',
    procedure: 'thuong',
    sector: 'chung',
    from: '2017-09-15',
    to: ND91_TO,
    verified: false,
    dateVerified: true,
    docType: 'BÁO CÁO THÀNH TÍCH',
    sections: INDIVIDUAL_SECTIONS,
    signers: INDIVIDUAL_SIGNERS,
  },
  {
    id: 'nd91_2017.tom_tat',
    form: 'Báo cáo tóm tắt',
    document: 'Nghị định số 91/2017/NĐ-CP (thủ tục đơn giản)',
    name: 'Báo cáo tóm tắt thành tích (thủ tục đơn giản)',
    subject: 'individual',
    procedure: 'don_gian',
    sector: 'chung',
    from: '2017-09-15',
    to: ND91_TO,
    verified: false,
    dateVerified: true,
    docType: 'BÁO CÁO TÓM TẮT THÀNH TÍCH',
    sections: SUMMARY_SECTIONS,
    signers: INDIVIDUAL_SIGNERS,
  },
  // Luật TĐKT 2022 + NĐ 98/2023/NĐ-CP, Phụ lục I (from 01/01/2024): Mẫu 02 tập thể, Mẫu 03 cá nhân.
  {
    id: 'nd98_2023.mau02',
    form: 'Mẫu số 02',
    document: 'Nghị định số 98/2023/NĐ-CP, Phụ lục I',
    name: 'Báo cáo thành tích đề nghị khen thưởng cho tập thể',
    subject: 'collective',
    procedure: 'thuong',
    sector: 'chung',
    from: ND98_FROM,
    verified: true,
    dateVerified: true,
    docType: 'BÁO CÁO THÀNH TÍCH',
    sections: COLLECTIVE_SECTIONS,
    signers: COLLECTIVE_SIGNERS,
  },
  {
    id: 'nd98_2023.mau03',
    form: 'Mẫu số 03',
    document: 'Nghị định số 98/2023/NĐ-CP, Phụ lục I',
    name: 'Báo cáo thành tích đề nghị khen thưởng cho cá nhân',
    subject: 'individual',
    procedure: 'thuong',
    sector: 'chung',
    from: ND98_FROM,
    verified: true,
    dateVerified: true,
    docType: 'BÁO CÁO THÀNH TÍCH',
    sections: INDIVIDUAL_SECTIONS,
    signers: INDIVIDUAL_SIGNERS,
  },
  {
    id: 'nd98_2023.tom_tat',
    form: 'Báo cáo tóm tắt',
    document: 'Nghị định số 98/2023/NĐ-CP (thủ tục đơn giản)',
    name: 'Báo cáo tóm tắt thành tích (thủ tục đơn giản)',
    subject: 'individual',
    procedure: 'don_gian',
    sector: 'chung',
    from: ND98_FROM,
    verified: false,
    dateVerified: true,
    docType: 'BÁO CÁO TÓM TẮT THÀNH TÍCH',
    sections: SUMMARY_SECTIONS,
    signers: INDIVIDUAL_SIGNERS,
  },
  // TT 20/2025/TT-BNV, Phụ lục I (ngành Nội vụ): 1.2 tập thể (danh hiệu), 1.3 cá nhân,
  // 1.4 tập thể (Bằng khen, Giấy khen), 1.5 đột xuất / chuyên đề.
  {
    id: 'tt20_2025.mau1_2',
    form: 'Mẫu số 1.2',
    document: 'Thông tư số 20/2025/TT-BNV, Phụ lục I',
    name: 'Báo cáo thành tích đề nghị khen thưởng danh hiệu thi đua đối với tập thể',
    subject: 'collective',
    procedure: 'thuong',
    sector: 'noi_vu',
    awardKinds: ['title'],
    bases: ['thuong_xuyen'],
    from: TT20_FROM,
    verified: true,
    dateVerified: false,
    docType: 'BÁO CÁO THÀNH TÍCH',
    sections: COLLECTIVE_SECTIONS,
    signers: COLLECTIVE_SIGNERS,
  },
  {
    id: 'tt20_2025.mau1_3',
    form: 'Mẫu số 1.3',
    document: 'Thông tư số 20/2025/TT-BNV, Phụ lục I',
    name: 'Báo cáo thành tích đề nghị khen thưởng danh hiệu thi đua, hình thức khen thưởng đối với cá nhân (khen thưởng công trạng)',
    subject: 'individual',
    procedure: 'thuong',
    sector: 'noi_vu',
    bases: ['thuong_xuyen'],
    from: TT20_FROM,
    verified: true,
    dateVerified: false,
    docType: 'BÁO CÁO THÀNH TÍCH',
    sections: INDIVIDUAL_SECTIONS,
    signers: INDIVIDUAL_SIGNERS,
  },
  {
    id: 'tt20_2025.mau1_4',
    form: 'Mẫu số 1.4',
    document: 'Thông tư số 20/2025/TT-BNV, Phụ lục I',
    name: 'Báo cáo thành tích đề nghị khen thưởng Bằng khen, Giấy khen cho tập thể (khen thưởng công trạng)',
    subject: 'collective',
    procedure: 'thuong',
    sector: 'noi_vu',
    awardKinds: ['award'],
    bases: ['thuong_xuyen'],
    from: TT20_FROM,
    verified: true,
    dateVerified: false,
    docType: 'BÁO CÁO THÀNH TÍCH',
    sections: COLLECTIVE_SECTIONS,
    signers: COLLECTIVE_SIGNERS,
  },
  {
    id: 'tt20_2025.mau1_5',
    form: 'Mẫu số 1.5',
    document: 'Thông tư số 20/2025/TT-BNV, Phụ lục I',
    name: 'Báo cáo thành tích đề nghị khen thưởng (thành tích xuất sắc đột xuất, khen thưởng chuyên đề) cho cá nhân, tập thể',
    subject: 'individual',
    procedure: 'thuong',
    sector: 'noi_vu',
    bases: ['dot_xuat', 'chuyen_de'],
    from: TT20_FROM,
    verified: true,
    dateVerified: false,
    docType: 'BÁO CÁO THÀNH TÍCH',
    sections: SUMMARY_SECTIONS,
    signers: INDIVIDUAL_SIGNERS,
  },
  {
    id: 'tt20_2025.mau1_5_tt',
    form: 'Mẫu số 1.5',
    document: 'Thông tư số 20/2025/TT-BNV, Phụ lục I',
    name: 'Báo cáo thành tích đề nghị khen thưởng (thành tích xuất sắc đột xuất, khen thưởng chuyên đề) cho cá nhân, tập thể',
    subject: 'collective',
    procedure: 'thuong',
    sector: 'noi_vu',
    bases: ['dot_xuat', 'chuyen_de'],
    from: TT20_FROM,
    verified: true,
    dateVerified: false,
    docType: 'BÁO CÁO THÀNH TÍCH',
    sections: SUMMARY_SECTIONS,
    signers: COLLECTIVE_SIGNERS,
  },
];

export function reportTemplate(id: string): ReportTemplate | undefined {
  return REPORT_TEMPLATES.find((t) => t.id === id);
}

const inRange = (date: IsoDate, from: IsoDate, to?: IsoDate) => date >= from && (to === undefined || date <= to);

export interface TemplateQuery {
  /** the dossier's date (tờ trình date, or today) */
  date: IsoDate;
  sector: DossierSector;
  subject: 'individual' | 'collective';
  procedure: DossierProcedure;
  awardCode: AwardCode;
  basis: AwardBasis;
}

/**
 * The report form in force on a date: the sector's own form when it has one for this case,
 * else the general form. A simplified-procedure dossier takes the short summary where one
 * exists. Outside every period the nearest form is used (the earliest before 2017, the latest after).
 */
export function chooseReportTemplate(q: TemplateQuery): ReportTemplate {
  const kind = AWARD_CATALOG[q.awardCode].kind;
  const fits = (t: ReportTemplate, procedure: DossierProcedure, subject: 'individual' | 'collective') =>
    t.subject === subject &&
    t.procedure === procedure &&
    (!t.awardKinds || t.awardKinds.includes(kind)) &&
    (!t.bases || t.bases.includes(q.basis));
  const pick = (procedure: DossierProcedure, subject: 'individual' | 'collective'): ReportTemplate | undefined => {
    const candidates = REPORT_TEMPLATES.filter((t) => fits(t, procedure, subject));
    const sectorFirst = [...candidates.filter((t) => t.sector === q.sector && t.sector !== 'chung'), ...candidates.filter((t) => t.sector === 'chung')];
    const now = sectorFirst.find((t) => inRange(q.date, t.from, t.to));
    if (now) return now;
    const general = candidates.filter((t) => t.sector === 'chung').sort((a, b) => a.from.localeCompare(b.from));
    if (general.length === 0) return undefined;
    return q.date < general[0]!.from ? general[0] : general[general.length - 1];
  };
  // the short summary exists for individuals; a collective on the simplified procedure uses the
  // collective short form of its sector if any, else the same summary sections
  return (
    pick(q.procedure, q.subject) ??
    (q.procedure === 'don_gian' ? pick('don_gian', 'individual') : undefined) ??
    pick('thuong', q.subject) ??
    REPORT_TEMPLATES[0]!
  );
}

// ---------------------------------------------------------------------------------------
// Legal bases cited by the tờ trình, by date

export interface LegalBasisSet {
  id: string;
  from: IsoDate;
  to?: IsoDate;
  lines: readonly string[];
  verified: boolean;
}

export const LEGAL_BASES: readonly LegalBasisSet[] = [
  {
    id: 'luat2003_nd91_2017',
    from: '2017-09-15',
    to: ND91_TO,
    lines: [
      'Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;',
      'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
    ],
    verified: true,
  },
  {
    id: 'luat2022_nd98_2023',
    from: ND98_FROM,
    to: '2025-06-30',
    lines: [
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
    ],
    verified: true,
  },
  {
    id: 'luat2022_nd152_2025',
    from: '2025-07-01',
    lines: [
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      ND152_2025_BASIS,
    ],
    verified: true,
  },
];

/** The legal bases in force on a date (the earliest set before 2017, the latest after). */
export function legalBasesOn(date: IsoDate): LegalBasisSet {
  return LEGAL_BASES.find((b) => inRange(date, b.from, b.to)) ?? (date < LEGAL_BASES[0]!.from ? LEGAL_BASES[0]! : LEGAL_BASES[LEGAL_BASES.length - 1]!);
}

/** Name of the tờ trình form in force (shown in the builder). */
export function coverFormOn(date: IsoDate, sector: DossierSector): { form: string; document: string; verified: boolean } {
  if (sector === 'noi_vu' && date >= TT20_FROM) return { form: 'Mẫu số 1.1', document: 'Thông tư số 20/2025/TT-BNV, Phụ lục I', verified: true };
  if (date >= ND98_FROM) return { form: 'Mẫu số 01', document: 'Nghị định số 98/2023/NĐ-CP, Phụ lục I', verified: false };
  return { form: 'Tờ trình', document: 'Nghị định số 91/2017/NĐ-CP', verified: false };
}

/** "chưa xác minh" tags of a template (form text, dates). */
export function templateCaveats(t: ReportTemplate): string[] {
  const out: string[] = [];
  if (!t.verified) out.push('số mẫu, nội dung mẫu chưa xác minh');
  if (!t.dateVerified) out.push('ngày hiệu lực chưa xác minh');
  return out;
}
