// Vietnamese wording for explanations. Kept apart so the rules read as logic and the
// UI can reuse the labels.
import { formatDateVi } from '../text/vn';
import type {
  AwardBasis,
  DisciplineForm,
  DisciplinePeriod,
  Initiative,
  InitiativeKind,
  InitiativeScope,
} from './types';

export const DISCIPLINE_LABELS: Readonly<Record<DisciplineForm, string>> = {
  khien_trach: 'khiển trách',
  canh_cao: 'cảnh cáo',
  ha_bac_luong: 'hạ bậc lương',
  giang_chuc: 'giáng chức',
  cach_chuc: 'cách chức',
  buoc_thoi_viec: 'buộc thôi việc',
};

export const AWARD_BASIS_LABELS: Readonly<Record<AwardBasis, string>> = {
  thuong_xuyen: 'thường xuyên',
  chuyen_de: 'chuyên đề',
  dot_xuat: 'đột xuất',
};

export const INITIATIVE_SCOPE_LABELS: Readonly<Record<InitiativeScope, string>> = {
  co_so: 'cấp cơ sở',
  tinh: 'cấp tỉnh',
  toan_quoc: 'cấp toàn quốc',
};

export const INITIATIVE_KIND_LABELS: Readonly<Record<InitiativeKind, string>> = {
  sang_kien: 'Sáng kiến',
  de_tai: 'Đề tài',
  giai_phap: 'Giải pháp',
};

/** "2022", "2022 và 2023", "2021, 2022 và 2023"; long runs as "2019–2024". */
export function yearsText(years: readonly number[]): string {
  if (years.length === 0) return '';
  if (years.length === 1) return String(years[0]);
  let sorted = years;
  for (let i = 1; i < years.length; i++) {
    if (years[i]! < years[i - 1]!) {
      sorted = [...years].sort((a, b) => a - b);
      break;
    }
  }
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (sorted.length > 3 && last - first === sorted.length - 1) return `${first}–${last}`;
  return listText(sorted.map(String));
}

/** "a", "a và b", "a, b và c". */
export function listText(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}`;
}

export function rangeText(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/** `Sáng kiến “…” công nhận cấp cơ sở ngày 12/10/2024` (or `năm 2024` without a date). */
export function initiativeText(i: Initiative): string {
  const when = i.date ? `ngày ${formatDateVi(i.date)}` : `năm ${i.year}`;
  return `${INITIATIVE_KIND_LABELS[i.kind ?? 'sang_kien']} “${i.title}” công nhận ${INITIATIVE_SCOPE_LABELS[i.scope]} ${when}`;
}

/** `kỷ luật khiển trách từ 01/03/2024 đến 31/08/2024 (QĐ số …)`. */
export function disciplineText(d: DisciplinePeriod): string {
  const period = d.to
    ? `từ ${formatDateVi(d.from)} đến ${formatDateVi(d.to)}`
    : `từ ${formatDateVi(d.from)} (chưa ghi ngày hết hiệu lực)`;
  const decision = d.decisionNo ? ` (QĐ số ${d.decisionNo})` : '';
  return `kỷ luật ${DISCIPLINE_LABELS[d.form]} ${period}${decision}`;
}

/** Upper-case the first letter (messages start with a record phrase). */
export function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** Names in a list, at most `max` of them, then "và N người khác". */
export function namesText(names: readonly string[], max = 5): string {
  if (names.length <= max) return listText(names);
  return `${names.slice(0, max).join(', ')} và ${names.length - max} người khác`;
}

/**
 * The CSTĐCS quota's note where the rules put women first among people who qualify alike:
 * "có 2 nữ, ưu tiên khi thành tích ngang nhau (NĐ 98/2023/NĐ-CP, Điều 4)"; '' when no woman is
 * among them or the rules say nothing of it (RuleSet.womenPriority).
 */
export function womenPriorityNote(women: number, rule: { basis: string } | undefined): string {
  return rule && women > 0 ? `có ${women} nữ, ưu tiên khi thành tích ngang nhau (${rule.basis})` : '';
}
