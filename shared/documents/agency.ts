// Who heads an agency, as official documents name them: the heading's agency, the authority line
// ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "GIÁM ĐỐC SỞ …"), the signature's title and the document
// number's suffix, from the agency's name as users type it ("UBND tỉnh Lào Cai", "Sở Nội vụ",
// "Chủ tịch UBND tỉnh Lào Cai", "Thủ tướng Chính phủ").
import { authoritiesOn, isAwardCode } from '../awards';
import { foldVi } from '../text/vn';

export type AgencyKind =
  | 'chu_tich_nuoc'
  | 'thu_tuong'
  | 'ubnd'
  | 'bo'
  | 'so'
  | 'tong_cuc'
  | 'cuc'
  | 'chi_cuc'
  | 'ban'
  | 'van_phong'
  | 'thanh_tra'
  | 'truong_hoc'
  | 'vien'
  | 'giam_doc'
  | 'hoi'
  | 'phong'
  | 'toa_an'
  | 'chi_huy'
  | 'mat_tran'
  | 'dang';

export interface AgencyHead {
  kind: AgencyKind;
  /** the agency as a heading names it ("Ủy ban nhân dân tỉnh Lào Cai", "Thủ tướng Chính phủ") */
  agency: string;
  /** the head's title as the signature gives it ("Chủ tịch", "Thủ tướng", "Giám đốc") */
  title: string;
  /** who decides, in full ("Chủ tịch Ủy ban nhân dân tỉnh Lào Cai", "Thủ tướng Chính phủ") */
  authority: string;
  /** who runs the agency's office, for "… chịu trách nhiệm thi hành" */
  officeChief: string;
  /** the agency's part of a document number ("UBND", "TTg"), '' when its own abbreviation is not known */
  numberSuffix: string;
  /** where its documents are dated, for the central ones ("Hà Nội"); '' when the office's place will do */
  place: string;
}

const CAPITAL = 'Hà Nội';
const PRESIDENT = 'Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam';

/** Leading words that name the head rather than the agency ("Chủ tịch UBND …", "Giám đốc Sở …"). */
const HEAD_PREFIX = /^(chu tich|giam doc|bo truong|thu truong|cuc truong|tong cuc truong|chi cuc truong|hieu truong|vien truong|chanh van phong|chanh thanh tra) /;

/**
 * [folded start of the agency's name, kind, head's title, and where the title fuses with the name
 * the word before it: "Trưởng Ban Thi đua - Khen thưởng", "Chánh Thanh tra tỉnh"].
 */
const KINDS: ReadonlyArray<readonly [RegExp, AgencyKind, string, string?]> = [
  [/^(uy ban nhan dan|ubnd)\b/, 'ubnd', 'Chủ tịch'],
  // before "Bộ …" and "Ban …": a military command is headed by its Chỉ huy trưởng
  [/^(bo chi huy|ban chi huy|bo doi bien phong)\b/, 'chi_huy', 'Chỉ huy trưởng'],
  [/^(ban thuong vu|ban chap hanh|tinh uy|thanh uy|huyen uy|dang uy)\b/, 'dang', 'Bí thư'],
  [/^(uy ban mat tran|mat tran)\b/, 'mat_tran', 'Chủ tịch'],
  [/^toa an\b/, 'toa_an', 'Chánh án'],
  [/^bo\b/, 'bo', 'Bộ trưởng'],
  [/^so\b/, 'so', 'Giám đốc'],
  [/^tong cuc\b/, 'tong_cuc', 'Tổng cục trưởng'],
  [/^chi cuc\b/, 'chi_cuc', 'Chi cục trưởng'],
  [/^cuc\b/, 'cuc', 'Cục trưởng'],
  [/^ban\b/, 'ban', 'Trưởng ban', 'Trưởng'],
  [/^van phong\b/, 'van_phong', 'Chánh Văn phòng', 'Chánh'],
  [/^thanh tra\b/, 'thanh_tra', 'Chánh Thanh tra', 'Chánh'],
  [/^truong\b/, 'truong_hoc', 'Hiệu trưởng'],
  [/^vien\b/, 'vien', 'Viện trưởng'],
  [/^(trung tam|benh vien|dai phat thanh|cong an|bao hiem xa hoi|kho bac|ngan hang)\b/, 'giam_doc', 'Giám đốc'],
  [/^(hoi|lien doan|lien hiep)\b/, 'hoi', 'Chủ tịch'],
  [/^phong\b/, 'phong', 'Trưởng phòng', 'Trưởng'],
];

/**
 * The head of an agency named as users type it, or null when its head cannot be told from the
 * name (the caller then says "Thủ trưởng"). "UBND" is written out; a leading head's title
 * ("Chủ tịch UBND tỉnh …") is taken off the agency.
 */
export function agencyHead(name: string): AgencyHead | null {
  const typed = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  const folded = foldVi(typed);
  if (/^chu tich nuoc\b/.test(folded)) return { kind: 'chu_tich_nuoc', agency: PRESIDENT, title: 'Chủ tịch nước', authority: PRESIDENT, officeChief: 'Chủ nhiệm Văn phòng Chủ tịch nước', numberSuffix: 'CTN', place: CAPITAL };
  if (/^thu tuong\b/.test(folded)) {
    const agency = 'Thủ tướng Chính phủ';
    return { kind: 'thu_tuong', agency, title: 'Thủ tướng', authority: agency, officeChief: 'Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ', numberSuffix: 'TTg', place: CAPITAL };
  }
  const head = HEAD_PREFIX.exec(folded);
  // the folded form keeps the typed one's length only word for word: cut by words
  const rest = head ? typed.split(' ').slice(head[1]!.split(' ').length).join(' ') : typed;
  const restFolded = head ? folded.slice(head[0].length) : folded;
  for (const [start, kind, title, fused] of KINDS) {
    if (!start.test(restFolded)) continue;
    const agency = kind === 'ubnd' ? rest.replace(/^UBND(?=\s|$)/i, 'Ủy ban nhân dân') : rest;
    return {
      kind,
      agency,
      title,
      authority: `${fused ?? title} ${agency}`,
      officeChief: `Chánh Văn phòng ${agency}`,
      numberSuffix: kind === 'ubnd' ? 'UBND' : '',
      place: kind === 'bo' ? CAPITAL : '',
    };
  }
  return null;
}

/**
 * Whose Hội đồng Thi đua - Khen thưởng an office's is: an Ủy ban nhân dân's is named for its
 * place ("Hội đồng Thi đua - Khen thưởng xã Tả Phìn"), any other office's for the office.
 */
export function councilOf(officeName: string): string {
  const name = officeName.normalize('NFC').trim().replace(/\s+/g, ' ');
  return agencyHead(name)?.kind === 'ubnd' ? name.replace(/^(Ủy ban nhân dân|UBND)\s+/iu, '') : name;
}

/**
 * The office's head as its documents sign: the profile's title, else the one its name tells
 * ("Sở …" → "Giám đốc"), else "Thủ trưởng cơ quan".
 */
export function officeHeadTitle(office: { readonly name: string; readonly headTitle: string }): string {
  return office.headTitle.trim() || agencyHead(office.name)?.title || 'Thủ trưởng cơ quan';
}

/**
 * Who gave a decision that records no issuer: '' (the office) unless only a superior may give
 * its form on that date — the Chủ tịch nước, the Thủ tướng Chính phủ, else the office's parent
 * (a Sở's UBND tỉnh) — so that a Bằng khen Thủ tướng recorded without its issuer is not drafted
 * as the office head's.
 */
export function impliedIssuer(awardCode: string | null, date: string, parentAgency: string): string {
  if (!awardCode || !isAwardCode(awardCode)) return '';
  const auth = authoritiesOn(awardCode, date).map((a) => a.authority);
  if (auth.length === 0 || auth.some((a) => a === 'thu_truong_co_quan' || a === 'chu_tich_xa' || a === 'chu_tich_huyen')) return '';
  if (auth.includes('chu_tich_nuoc')) return 'Chủ tịch nước';
  if (auth.includes('thu_tuong')) return 'Thủ tướng Chính phủ';
  const parent = agencyHead(parentAgency);
  if (parent && (parent.kind === 'ubnd' || parent.kind === 'bo')) return parent.agency;
  return auth.includes('chu_tich_tinh') ? 'Ủy ban nhân dân tỉnh ……' : '';
}
