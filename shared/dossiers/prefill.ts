// Pre-filled content from a nominee's records: the achievement report's sections (profile,
// ratings and initiatives, titles and awards received) and the one-line achievement summary of
// the danh sách. Pure: the core gathers the records, the user edits the result.
import { INITIATIVE_KIND_LABELS, recordedFormName, INITIATIVE_SCOPE_LABELS, RATINGS, type InitiativeKind, type InitiativeScope, type Rating } from '../awards';
import { formatDateVi } from '../text/vn';
import type { ReportContent, ReportSectionContent } from './model';
import type { ReportTemplate } from './templates';

export const RATING_TEXT: Readonly<Record<Rating, string>> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};

export interface PrefillAward {
  year: number;
  code: string | null;
  label: string;
  kind: 'title' | 'award' | 'other';
  decisionNo: string;
  decisionDate: string | null;
  issuer: string;
}

export interface PrefillInitiative {
  year: number;
  title: string;
  kind: InitiativeKind;
  scope: InitiativeScope;
  recognizingBody: string;
  decisionNo: string;
}

export interface PrefillYear {
  year: number;
  /** individuals */
  rating: Rating | null;
  /** collectives: members that year, their ratings and titles */
  members?: number;
  ratings?: Partial<Record<Rating, number>>;
  /** label: the short name; docName: the full name the report prints (label when absent) */
  titles?: { label: string; count: number; docName?: string }[];
}

export interface PrefillSubject {
  kind: 'person' | 'unit';
  name: string;
  birthDate: string | null;
  gender: 'nam' | 'nu' | null;
  position: string;
  unitName: string;
  officeName: string;
  years: PrefillYear[];
  awards: PrefillAward[];
  initiatives: PrefillInitiative[];
}

/** How many years of ratings the report recites, ending with the dossier's year. */
export const RATING_YEARS = 5;
/** How many years of titles and awards the tables list. */
export const AWARD_YEARS = 10;

const two = (n: number) => String(n).padStart(2, '0');

/** A form as the report prints it: in full, for the level of the decision's issuer. */
function awardName(a: PrefillAward): string {
  return recordedFormName(a.code, a.label, a.issuer);
}

function decisionText(a: PrefillAward): string {
  const parts = [a.decisionNo ? `Quyết định số ${a.decisionNo}` : 'Quyết định', a.decisionDate ? `ngày ${formatDateVi(a.decisionDate)}` : '', a.issuer ? `của ${a.issuer}` : ''];
  return parts.filter(Boolean).join(' ');
}

function initiativeLine(i: PrefillInitiative): string {
  const by = i.recognizingBody ? `được ${i.recognizingBody} công nhận` : 'được công nhận';
  const dec = i.decisionNo ? ` (Quyết định số ${i.decisionNo})` : '';
  return `- ${INITIATIVE_KIND_LABELS[i.kind]} "${i.title}", phạm vi ảnh hưởng ${INITIATIVE_SCOPE_LABELS[i.scope]}, ${by} năm ${i.year}${dec}.`;
}

function ratingLines(s: PrefillSubject, year: number): string[] {
  const years = s.years.filter((y) => y.year <= year && y.year > year - RATING_YEARS && y.rating).sort((a, b) => a.year - b.year);
  if (years.length === 0) return [];
  return ['Kết quả đánh giá, xếp loại chất lượng hằng năm:', ...years.map((y) => `- Năm ${y.year}: ${RATING_TEXT[y.rating!]}.`)];
}

function collectiveYearLines(s: PrefillSubject, year: number): string[] {
  const years = s.years.filter((y) => y.year <= year && y.year > year - RATING_YEARS && (y.members ?? 0) > 0).sort((a, b) => a.year - b.year);
  return years.map((y) => {
    const ratings = RATINGS.filter((r) => (y.ratings?.[r] ?? 0) > 0).map((r) => `${two(y.ratings![r]!)} ${RATING_TEXT[r].toLowerCase()}`);
    const titles = (y.titles ?? []).filter((t) => t.count > 0).map((t) => `${two(t.count)} ${t.docName ?? t.label}`);
    const detail = [...ratings, ...titles].join('; ');
    return `- Năm ${y.year}: ${two(y.members ?? 0)} cán bộ${detail ? `, trong đó ${detail}` : ''}.`;
  });
}

function tableRows(s: PrefillSubject, year: number, which: 'title' | 'award'): string[][] {
  return s.awards
    .filter((a) => a.year <= year && a.year > year - AWARD_YEARS && (which === 'title' ? a.kind === 'title' : a.kind !== 'title'))
    .sort((a, b) => a.year - b.year || a.label.localeCompare(b.label))
    .map((a) => [String(a.year), awardName(a), decisionText(a)]);
}

function sectionText(id: string, s: PrefillSubject, year: number): string {
  const person = s.kind === 'person';
  switch (id) {
    case 'ly_lich':
      return [
        `Họ và tên: ${s.name}`,
        `Sinh ngày, tháng, năm: ${formatDateVi(s.birthDate) || '…'}`,
        `Giới tính: ${s.gender === 'nam' ? 'Nam' : s.gender === 'nu' ? 'Nữ' : '…'}`,
        'Quê quán: …',
        'Nơi thường trú: …',
        `Đơn vị công tác: ${[s.unitName, s.officeName].filter(Boolean).join(', ') || '…'}`,
        `Chức vụ (Đảng, chính quyền, đoàn thể): ${s.position || '…'}`,
        'Trình độ chuyên môn, nghiệp vụ: …',
        'Học hàm, học vị, danh hiệu, giải thưởng: …',
      ].join('\n');
    case 'nhiem_vu':
      return s.position ? `${s.position}${s.unitName ? `, ${s.unitName}` : ''}: …` : '…';
    case 'dac_diem':
      return [
        `Tên đơn vị: ${s.name}${s.officeName ? ` (${s.officeName})` : ''}.`,
        'Quá trình thành lập, phát triển: …',
        `Tổng số cán bộ, công chức, viên chức, người lao động: ${s.years.find((y) => y.year === year)?.members ?? '…'} người.`,
        'Chức năng, nhiệm vụ được giao: …',
      ].join('\n');
    case 'thanh_tich': {
      const lines = person ? ratingLines(s, year) : collectiveYearLines(s, year).length ? ['Kết quả thực hiện nhiệm vụ, phong trào thi đua:', ...collectiveYearLines(s, year)] : [];
      const inits = s.initiatives.filter((i) => i.year <= year && i.year > year - RATING_YEARS).sort((a, b) => a.year - b.year);
      if (inits.length) lines.push('Sáng kiến, đề tài, giải pháp được công nhận:', ...inits.map(initiativeLine));
      return lines.join('\n');
    }
    case 'thong_tin':
      return person
        ? [`Họ và tên: ${s.name}`, `Chức vụ: ${s.position || '…'}`, `Đơn vị công tác: ${[s.unitName, s.officeName].filter(Boolean).join(', ') || '…'}`].join('\n')
        : [`Tên tập thể: ${s.name}`, `Cơ quan: ${s.officeName || '…'}`].join('\n');
    case 'tom_tat':
      return [achievementSummary(s, year), ...s.initiatives.filter((i) => i.year <= year && i.year > year - RATING_YEARS).map(initiativeLine)].filter(Boolean).join('\n');
    default:
      return '';
  }
}

/** The report content of a template, filled from the records. */
export function prefillReport(t: ReportTemplate, s: PrefillSubject, year: number): ReportContent {
  const sections: ReportSectionContent[] = t.sections.map((spec) => ({
    id: spec.id,
    text: spec.kind === 'text' ? sectionText(spec.id, s, year) : '',
    rows: spec.kind === 'table' ? tableRows(s, year, spec.id === 'danh_hieu' ? 'title' : 'award') : [],
  }));
  return { templateId: t.id, sections };
}

/** Consecutive years up to `year` in which `test` holds. */
function runUpTo(years: readonly number[], year: number): number {
  const set = new Set(years);
  let n = 0;
  while (set.has(year - n)) n++;
  return n;
}

/**
 * One line for the danh sách: "02 năm liền hoàn thành xuất sắc nhiệm vụ (2024–2025); Chiến sĩ thi
 * đua cơ sở năm 2024, 2025; 01 sáng kiến cấp cơ sở".
 */
export function achievementSummary(s: PrefillSubject, year: number): string {
  const parts: string[] = [];
  if (s.kind === 'person') {
    const xs = runUpTo(
      s.years.filter((y) => y.rating === 'HTXSNV').map((y) => y.year),
      year,
    );
    const good = runUpTo(
      s.years.filter((y) => y.rating === 'HTXSNV' || y.rating === 'HTTNV').map((y) => y.year),
      year,
    );
    if (xs >= 2) parts.push(`${two(xs)} năm liên tục hoàn thành xuất sắc nhiệm vụ (${year - xs + 1}–${year})`);
    else if (xs === 1) parts.push(`Năm ${year} hoàn thành xuất sắc nhiệm vụ`);
    else if (good >= 2) parts.push(`${two(good)} năm liên tục hoàn thành tốt nhiệm vụ trở lên (${year - good + 1}–${year})`);
    else {
      const r = s.years.find((y) => y.year === year)?.rating;
      if (r) parts.push(`Năm ${year} ${RATING_TEXT[r].toLowerCase()}`);
    }
  } else {
    const y = s.years.find((x) => x.year === year);
    if (y?.titles?.length) parts.push(`Năm ${year}: ${y.titles.filter((t) => t.count > 0).map((t) => `${two(t.count)} ${t.docName ?? t.label}`).join(', ')}`);
  }
  const byTitle = new Map<string, number[]>();
  for (const a of s.awards) {
    if (a.year > year || a.year <= year - RATING_YEARS) continue;
    const label = awardName(a);
    byTitle.set(label, [...(byTitle.get(label) ?? []), a.year]);
  }
  for (const [label, years] of byTitle) parts.push(`${label} năm ${[...new Set(years)].sort((a, b) => a - b).join(', ')}`);
  const inits = s.initiatives.filter((i) => i.year <= year && i.year > year - RATING_YEARS);
  if (inits.length) {
    const byScope = new Map<InitiativeScope, number>();
    for (const i of inits) byScope.set(i.scope, (byScope.get(i.scope) ?? 0) + 1);
    parts.push([...byScope].map(([scope, n]) => `${two(n)} sáng kiến, đề tài ${INITIATIVE_SCOPE_LABELS[scope]}`).join(', '));
  }
  return parts.join('; ');
}

/** At least one text section has content besides placeholders ("…"). */
export function reportHasContent(c: ReportContent | null): boolean {
  if (!c) return false;
  return c.sections.some((s) => s.text.replace(/[…\s.:]/g, '').length > 0 || s.rows.length > 0);
}
