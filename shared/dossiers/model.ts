// Nomination dossiers (hồ sơ đề nghị khen thưởng): statuses, labels and the achievement
// report's content. Pure data shared by the core, the renderer and the CLI.
import type { AwardBasis, AwardCode } from '../awards';

/** Stored status of a dossier at the office that builds it: being edited, or submitted (locked). */
export const DOSSIER_STATES = ['nhap', 'da_gui'] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

/** thủ tục thông thường / thủ tục đơn giản (short summary report). */
export const DOSSIER_PROCEDURES = ['thuong', 'don_gian'] as const;
export type DossierProcedure = (typeof DOSSIER_PROCEDURES)[number];

/** Sector whose forms apply: general (NĐ of the Government) or the Nội vụ sector (TT 20/2025/TT-BNV). */
export const DOSSIER_SECTORS = ['chung', 'noi_vu'] as const;
export type DossierSector = (typeof DOSSIER_SECTORS)[number];

/** What the province decided about one submission. */
export const OUTCOMES = ['approved', 'returned'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The status everyone sees: draft (being edited, never sent or reopened), submitted (sent,
 * no outcome yet — "received" at the province), approved, returned (for this submission).
 */
export const DOSSIER_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DOSSIER_STATUS_LABELS: Readonly<Record<DossierStatus, string>> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  approved: 'Đã duyệt',
  returned: 'Bị trả lại',
};

/** The province's words for the same statuses. */
export const RECEIVED_STATUS_LABELS: Readonly<Record<DossierStatus, string>> = {
  draft: 'Cơ quan đang sửa lại',
  submitted: 'Đã nhận',
  approved: 'Đã duyệt',
  returned: 'Đã trả lại',
};

export const PROCEDURE_LABELS: Readonly<Record<DossierProcedure, string>> = {
  thuong: 'Thủ tục thông thường',
  don_gian: 'Thủ tục đơn giản',
};

export const SECTOR_LABELS: Readonly<Record<DossierSector, string>> = {
  chung: 'Chung (mẫu của Chính phủ)',
  noi_vu: 'Ngành Nội vụ (TT 20/2025/TT-BNV)',
};

export const DOCUMENT_KINDS = ['to_trinh', 'danh_sach', 'bien_ban', 'bao_cao'] as const;
export type DossierDocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Readonly<Record<DossierDocumentKind, string>> = {
  to_trinh: 'Tờ trình kèm danh sách',
  danh_sach: 'Danh sách (Excel)',
  bien_ban: 'Biên bản họp Hội đồng TĐKT',
  bao_cao: 'Báo cáo thành tích',
};

/** The status a submission has, given the stored state and the outcomes recorded for it. */
export function dossierStatus(
  state: DossierState,
  submissionNo: number,
  outcomes: readonly { submissionNo: number; outcome: Outcome; decidedAt: string }[],
): { status: DossierStatus; outcome: Outcome | null } {
  const mine = outcomes.filter((o) => o.submissionNo === submissionNo && submissionNo > 0).sort((a, b) => b.decidedAt.localeCompare(a.decidedAt))[0];
  if (mine) return { status: mine.outcome, outcome: mine.outcome };
  return { status: state === 'da_gui' ? 'submitted' : 'draft', outcome: null };
}

// ---------------------------------------------------------------------------------------
// The achievement report (báo cáo thành tích): the template gives the sections; the content
// keeps the text (plain paragraphs, one per line) and the table rows of each section.

export interface ReportSectionContent {
  /** section id of the template */
  id: string;
  /** paragraphs separated by "\n" */
  text: string;
  /** rows of a table section (cells as plain text) */
  rows: string[][];
}

export interface ReportContent {
  templateId: string;
  sections: ReportSectionContent[];
}

/** A nominee as the documents need it. */
export interface NomineeInfo {
  id: string;
  kind: 'person' | 'unit';
  /** staff id or unit id */
  subjectId: string;
  awardCode: AwardCode;
  name: string;
  position: string;
  unitName: string;
  summary: string;
  votesAgree: number | null;
  votesTotal: number | null;
  birthDate: string | null;
  gender: 'nam' | 'nu' | null;
}

/** Percentage of agreeing votes, one decimal ("66,7"), or null when not entered. */
export function votePercent(agree: number | null, total: number | null): number | null {
  if (agree === null || total === null || total <= 0) return null;
  return Math.round((agree * 1000) / total) / 10;
}

export function formatPercent(p: number | null): string {
  return p === null ? '' : `${String(p).replace('.', ',')}%`;
}

export interface DossierBasics {
  year: number;
  awardCode: AwardCode;
  basis: AwardBasis;
  procedure: DossierProcedure;
  sector: DossierSector;
}
