// The certificates of a recorded award decision, one A4 landscape page per recipient, to print
// and sign after the decision: a form given (Giấy khen …) as "<AUTHORITY> / TẶNG / GIẤY KHEN /
// Ông Nguyễn Văn An / <position, unit> / Đã có thành tích …", a title recognised as "<AUTHORITY> /
// CHỨNG NHẬN / Ông … / Đạt danh hiệu / CHIẾN SĨ THI ĐUA CƠ SỞ / Năm 2025"; at the foot, the
// decision's number and date and a line for the register number (số sổ vàng) on the left, the
// place and date and the signature on the right. The text is Word's own, so an office that
// prints on pre-printed forms moves or deletes lines there.
import type BetterSqlite3 from 'better-sqlite3';
import type { AwardDecision, AwardRecipient } from '../../../shared/contract/records';
import { unitChain } from '../../../shared/units/tree';
import { QUOC_HIEU, TIEU_NGU } from '../../../shared/documents/model';
import { textWidthTwips } from '../../../shared/documents/metrics';
import { formatDateVi, formatPlaceDate, isoToPartialDate, upperFirst } from '../../../shared/text/vn';
import { fileSlug } from '../../../shared/dossiers/documents';
import {
  CONTENT_WIDTH_LANDSCAPE,
  docxLayoutTable,
  docxParagraph,
  docxRule,
  docxText,
  officialSection,
  type BlockSpec,
  type ParaOptions,
  type TextStyle,
} from '../documents/docx';
import { packOfficialDocx } from '../documents/docx-xml';
import { achievement, decisionAuthority, formName, isTitle, recipientsInListOrder, relabelRecipientUnits, withImpliedIssuer, type DecisionDocOffice } from './decision-document';

/** What the certificate says of a person beyond the decision's snapshot. */
export interface CertificatePerson {
  gender: 'nam' | 'nu' | null;
  position: string;
}

const caps = (s: string) => s.toLocaleUpperCase('vi');

/** "Ông", "Bà", or "Ông/Bà" when the record does not say. */
export function honorific(gender: CertificatePerson['gender']): string {
  return gender === 'nam' ? 'Ông' : gender === 'nu' ? 'Bà' : 'Ông/Bà';
}

function line(text: string, style: TextStyle, o: ParaOptions = {}) {
  return docxParagraph(docxText(text, style), { align: 'center', markSizePt: style.sizePt, ...o });
}

/**
 * The units as a certificate names them, from the unit up, as it reads on its own: a person's
 * "Phòng Tư vấn, Trung tâm Dịch vụ việc làm" (while the person is still in the unit the
 * decision recorded), a collective's units above it.
 */
export function withCertificateUnits(sqlite: BetterSqlite3.Database, d: AwardDecision): AwardDecision {
  const upward = (names: string[]) => [...names].reverse().join(', ');
  return relabelRecipientUnits(sqlite, d, {
    person: (unitId, byId) => upward(unitChain(byId, unitId)),
    collective: (unitId, byId) => upward(unitChain(byId, unitId).slice(0, -1)),
  });
}

/** One recipient's page. */
function certificatePage(d: AwardDecision, r: AwardRecipient, person: CertificatePerson | undefined, office: DecisionDocOffice, first: boolean): BlockSpec[] {
  const by = decisionAuthority(d, office);
  const title = isTitle(d);
  const out: BlockSpec[] = [
    line(QUOC_HIEU, { sizePt: 13, bold: true }, { pageBreakBefore: !first, keepNext: true }),
    line(TIEU_NGU, { sizePt: 14, bold: true }, { keepNext: true }),
    docxRule(textWidthTwips(TIEU_NGU, 14, { bold: true }), CONTENT_WIDTH_LANDSCAPE, { afterPt: 36 }),
    line(caps(by.authority), { sizePt: 16, bold: true }, { afterPt: 6, keepNext: true }),
    line(title ? 'CHỨNG NHẬN' : 'TẶNG', { sizePt: 15, bold: true }, { afterPt: title ? 24 : 12, keepNext: true }),
  ];
  // the page names the giver above it: "BẰNG KHEN", not "Bằng khen của Chủ tịch …"
  if (!title) out.push(line(caps(formName(d).split(/\s+của\s+/)[0]!), { sizePt: 36, bold: true }, { afterPt: 24, keepNext: true }));
  const name = r.kind === 'person' ? `${honorific(person?.gender ?? null)} ${r.name}` : `Tập thể ${r.name}`;
  out.push(line(name, { sizePt: 22, bold: true }, { afterPt: 8, keepNext: true }));
  const where =
    r.kind === 'person'
      ? [person?.position.trim(), r.unitName].filter(Boolean).join(', ')
      : r.unitName
        ? r.unitName
        : '';
  if (where) out.push(line(where, { sizePt: 15 }, { afterPt: 16, keepNext: true }));
  if (title) {
    out.push(
      line('Đạt danh hiệu', { sizePt: 15, italic: true }, { afterPt: 4, keepNext: true }),
      line(caps(formName(d)), { sizePt: 28, bold: true }, { afterPt: 4, keepNext: true }),
      line(`Năm ${d.year}`, { sizePt: 16, bold: true }, { afterPt: 36, keepNext: true }),
    );
  } else {
    const said = achievement(d);
    out.push(line(`${upperFirst(said)}.`, { sizePt: 16, bold: true, italic: true }, { afterPt: 36, keepNext: true }));
  }

  const half = Math.floor(CONTENT_WIDTH_LANDSCAPE / 2);
  const left = [
    line(`Quyết định số: ${d.number.trim() || '……'}`, { sizePt: 14 }),
    line(d.decisionDate ? `ngày ${formatDateVi(d.decisionDate)}` : 'ngày …/…/……', { sizePt: 14 }),
    line('Số sổ vàng: ……', { sizePt: 14 }),
  ];
  const place = formatPlaceDate(by.place || '……', d.decisionDate ? isoToPartialDate(d.decisionDate) : { year: d.year });
  const signer = d.signer.trim() || by.defaultSigner;
  const right = [
    line(place, { sizePt: 14, italic: true }),
    line(caps(by.headTitle), { sizePt: 14, bold: true }, { afterPt: signer ? 64 : 0 }),
    ...(signer ? [line(signer, { sizePt: 14, bold: true })] : []),
  ];
  out.push(docxLayoutTable([[left, right]], [half, CONTENT_WIDTH_LANDSCAPE - half]));
  return out;
}

/**
 * The decision's certificates in the order of its list (people by unit and name, then
 * collectives), as a .docx; `people`: gender and position by staff id.
 */
export async function renderCertificatesDocx(
  recorded: AwardDecision,
  people: ReadonlyMap<string, CertificatePerson>,
  office: DecisionDocOffice,
  created?: Date,
): Promise<Uint8Array> {
  const d = withImpliedIssuer(recorded, office);
  const pages = recipientsInListOrder(d).flatMap((r, i) => certificatePage(d, r, r.staffId ? people.get(r.staffId) : undefined, office, i === 0));
  return packOfficialDocx([officialSection(pages, { landscape: true, pageNumbers: false })], {
    pageNumbers: false,
    title: isTitle(d) ? `Giấy chứng nhận ${formName(d)} năm ${d.year}` : `${formName(d)} — ${d.number || d.year}`,
    ...(created ? { created } : {}),
  });
}

/** "giay-khen-15-QD-SNV.docx"; without a number, "giay-khen-2025.docx" */
export function certificatesFileName(d: Pick<AwardDecision, 'number' | 'year'>): string {
  return d.number.trim() ? `giay-khen-${fileSlug(d.number)}.docx` : `giay-khen-${d.year}.docx`;
}
