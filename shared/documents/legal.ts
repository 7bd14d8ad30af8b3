// Legal texts documents cite by name: the decree on thi đua, khen thưởng in force since
// 01/7/2025, and the law an agency's own decisions rest on first — an Ủy ban nhân dân's the Luật
// Tổ chức chính quyền địa phương, the Thủ tướng's the Luật Tổ chức Chính phủ, the Chủ tịch nước's
// the Constitution — each as in force on the decision's date.
import type { AgencyKind } from './agency';

/** NĐ 152/2025/NĐ-CP as a căn cứ line (its date and full title, as the Bộ Nội vụ and the provinces cite it). */
export const ND152_2025_BASIS =
  'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;';

export interface OrganisationBasis {
  lines: readonly string[];
  /** false: the law's date was not confirmed from a published text */
  verified: boolean;
}

interface Period {
  /** first day in force (inclusive) */
  from: string;
  basis: OrganisationBasis;
}

// Luật 47/2019/QH14 (22/11/2019, in force 01/7/2020) amended both laws of 19/6/2015.
const AMENDED_2019 = 'Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019';

const LOCAL_GOVERNMENT: readonly Period[] = [
  { from: '', basis: { lines: ['Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;'], verified: true } },
  { from: '2020-07-01', basis: { lines: [`Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; ${AMENDED_2019};`], verified: true } },
  // Luật 65/2025/QH15, in force 01/3/2025: its date not confirmed here
  { from: '2025-03-01', basis: { lines: ['Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;'], verified: false } },
  // Luật 72/2025/QH15 (the two-level local government), in force 01/7/2025
  { from: '2025-07-01', basis: { lines: ['Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;'], verified: true } },
];

const GOVERNMENT: readonly Period[] = [
  { from: '', basis: { lines: ['Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;'], verified: true } },
  { from: '2020-07-01', basis: { lines: [`Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; ${AMENDED_2019};`], verified: true } },
  // Luật 63/2025/QH15, in force 01/3/2025: its date not confirmed here
  { from: '2025-03-01', basis: { lines: ['Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;'], verified: false } },
];

const PRESIDENT: readonly Period[] = [
  { from: '', basis: { lines: ['Căn cứ Điều 88 và Điều 91 của Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;'], verified: false } },
];

const BY_KIND: Partial<Record<AgencyKind, readonly Period[]>> = {
  ubnd: LOCAL_GOVERNMENT,
  thu_tuong: GOVERNMENT,
  chu_tich_nuoc: PRESIDENT,
};

/**
 * The law an agency of this kind cites first in its decisions on `date` (yyyy-mm-dd), or null for
 * the kinds whose decisions cite their functions instead ("Căn cứ chức năng, nhiệm vụ, quyền hạn
 * của Sở …": each rests on its own founding decision, which the app does not know).
 */
export function organisationBasis(kind: AgencyKind | null, date: string): OrganisationBasis | null {
  const periods = kind ? BY_KIND[kind] : undefined;
  if (!periods) return null;
  let found = periods[0]!;
  for (const p of periods) if (p.from <= date) found = p;
  return found.basis;
}
