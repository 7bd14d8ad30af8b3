// A recorded award decision drafted as the QUYẾT ĐỊNH its head signs (NĐ 30/2020 layout, rendered
// by services/documents): the authority, the legal bases in force on its date, "QUYẾT ĐỊNH:",
// Điều 1 (the title recognised or the form given, to whom), Điều 2 (the reward), Điều 3 (who
// carries it out), Nơi nhận, the signer, and the list of recipients as its appendix.
import { AWARD_CATALOG, isAwardCode, recordedFormName } from '../../../shared/awards';
import type { AwardDecision } from '../../../shared/contract/records';
import type { Office } from '../../../shared/contract/office';
import type { Block, DocTableRow, OfficialDocument, Run } from '../../../shared/documents/model';
import { fileSlug } from '../../../shared/dossiers/documents';
import { legalBasesOn } from '../../../shared/dossiers/templates';
import { compareVi, compareViPersonName, foldVi, formatDateVi, formatDocNumber, isoToPartialDate } from '../../../shared/text/vn';
import type BetterSqlite3 from 'better-sqlite3';
import { agencyHead, councilOf, impliedIssuer, officeHeadTitle, type AgencyKind } from '../../../shared/documents/agency';
import { organisationBasis } from '../../../shared/documents/legal';
import { getStaffLite, unitsLite, type UnitLite } from '../../../db/repositories/records';
import { officeNameOf } from '../../../db/repositories/exchange';
import { officeUnitLabels, parentPath } from '../../../shared/units/tree';
import { renderDocx } from '../documents/docx';

export type DecisionDocOffice = Pick<Office, 'name' | 'parentAgency' | 'placeName' | 'abbreviation' | 'headTitle' | 'headName'>;

const caps = (s: string) => s.toLocaleUpperCase('vi');
const num = (n: number) => n.toLocaleString('vi-VN');
const para = (runs: Run[], extra: Partial<Extract<Block, { kind: 'paragraph' }>> = {}): Block => ({ kind: 'paragraph', runs, ...extra });

/** The form as the decision names it: a catalogue form in full for its issuer's level ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"), any other as recorded. */
export function formName(d: AwardDecision): string {
  return recordedFormName(d.awardCode, d.otherForm, d.issuer) || d.formLabel;
}

/** Who a decision is issued by, as its documents name them. */
export interface DecisionAuthority {
  /** the agency the decision is issued in the name of (its heading) */
  agency: string;
  /** the agency above it on the heading ('' when not known) */
  parentAgency: string;
  /** the head who signs ("Giám đốc", "Chủ tịch", "Thủ tướng") */
  headTitle: string;
  /** who decides, in full ("Chủ tịch Ủy ban nhân dân tỉnh Lào Cai", "Thủ tướng Chính phủ") */
  authority: string;
  /** who runs the issuer's office, for Điều 3 */
  officeChief: string;
  /** the issuer's part of a document number ('' when not known) */
  numberSuffix: string;
  /** where the decision is dated: the central agencies' Hà Nội, else the office's place */
  place: string;
  /** who signs when the decision records no signer ('' when not known) */
  defaultSigner: string;
  /** the office's own decision, or a superior's the office drafts (a Sở drafting the Chủ tịch UBND tỉnh's) */
  own: boolean;
  /** the issuer's kind of agency, when its name tells (the legal bases its decisions cite first) */
  kind: AgencyKind | null;
}

/**
 * The office itself when the decision records no issuer or names the office; else the issuer it
 * records, "UBND" written out, headed as its kind of agency is (agencyHead: Chủ tịch of an Ủy ban
 * nhân dân, Giám đốc of a Sở, Thủ tướng Chính phủ …; "Thủ trưởng" when the name does not tell).
 */
export function decisionAuthority(d: Pick<AwardDecision, 'issuer'>, office: DecisionDocOffice): DecisionAuthority {
  const issuer = d.issuer.trim().replace(/\s+/g, ' ');
  if (!issuer || foldVi(issuer) === foldVi(office.name)) {
    const headTitle = officeHeadTitle(office);
    return {
      agency: office.name,
      parentAgency: office.parentAgency,
      headTitle,
      authority: `${headTitle} ${office.name}`,
      officeChief: `Chánh Văn phòng ${office.name}`,
      numberSuffix: office.abbreviation,
      place: office.placeName,
      defaultSigner: office.headName,
      own: true,
      kind: agencyHead(office.name)?.kind ?? null,
    };
  }
  const head = agencyHead(issuer);
  if (head) return { agency: head.agency, parentAgency: '', headTitle: head.title, authority: head.authority, officeChief: head.officeChief, numberSuffix: head.numberSuffix, place: head.place || office.placeName, defaultSigner: '', own: false, kind: head.kind };
  return { agency: issuer, parentAgency: '', headTitle: 'Thủ trưởng', authority: `Thủ trưởng ${issuer}`, officeChief: `Chánh Văn phòng ${issuer}`, numberSuffix: '', place: office.placeName, defaultSigner: '', own: false, kind: null };
}

/** The decision with the issuer it stands for when it records none (impliedIssuer: the office, unless only a superior gives its form). */
export function withImpliedIssuer(d: AwardDecision, office: DecisionDocOffice): AwardDecision {
  if (d.issuer.trim()) return d;
  const issuer = impliedIssuer(d.awardCode, d.decisionDate ?? `${d.year}-12-31`, office.parentAgency);
  return issuer ? { ...d, issuer } : d;
}

export function isTitle(d: AwardDecision): boolean {
  return !!d.awardCode && isAwardCode(d.awardCode) && AWARD_CATALOG[d.awardCode].kind === 'title';
}

/** "Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2025" / "Về việc tặng Giấy khen" */
export function decisionTitle(d: AwardDecision): string {
  return isTitle(d) ? `Về việc công nhận danh hiệu “${formName(d)}” năm ${d.year}` : `Về việc tặng ${formName(d)}`;
}

/** "3 cá nhân và 1 tập thể" */
function whom(d: AwardDecision): string {
  const persons = d.recipients.filter((r) => r.kind === 'person').length;
  const units = d.recipients.length - persons;
  return [persons && `${num(persons)} cá nhân`, units && `${num(units)} tập thể`].filter(Boolean).join(' và ') || '… cá nhân, tập thể';
}

/** "đã có thành tích xuất sắc …": what a form was given for. */
export function achievement(d: AwardDecision): string {
  if (d.basis === 'chuyen_de') return `đã có thành tích xuất sắc trong phong trào thi đua${d.campaignName ? ` “${d.campaignName}”` : ' chuyên đề'}`;
  if (d.basis === 'dot_xuat') return 'đã có thành tích xuất sắc đột xuất';
  return `đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm ${d.year}`;
}

/** The list's order: people by unit and name, then collectives by name. */
export function recipientsInListOrder(d: AwardDecision): AwardDecision['recipients'] {
  return [...d.recipients].sort(
    (a, b) =>
      Number(a.kind !== 'person') - Number(b.kind !== 'person') ||
      compareVi(a.unitName, b.unitName) ||
      (a.kind === 'person' ? compareViPersonName(a.name, b.name) : compareVi(a.name, b.name)),
  );
}

/**
 * The căn cứ lines and the proposal: an Ủy ban nhân dân, the Thủ tướng and the Chủ tịch nước cite
 * the law they are organised by first (the Chủ tịch nước then only the Luật Thi đua, khen
 * thưởng), other agencies their functions; the office's own decision follows its council's
 * proposal, a superior's the office's, the Thủ tướng's that of the office's parent (the UBND tỉnh
 * or the Bộ, which proposes to the Thủ tướng) and the Chủ tịch nước's the Thủ tướng's.
 */
export function decisionBases(by: DecisionAuthority, office: DecisionDocOffice, date: string): string[] {
  const organisation = organisationBasis(by.kind, date);
  const award = legalBasesOn(date).lines;
  const bases = [
    ...(organisation?.lines ?? []),
    ...(by.kind === 'chu_tich_nuoc' ? award.slice(0, 1) : award),
    ...(organisation ? [] : [`Căn cứ chức năng, nhiệm vụ, quyền hạn của ${by.agency};`]),
  ];
  if (by.own) return [...bases, `Theo đề nghị của Hội đồng Thi đua - Khen thưởng ${councilOf(office.name)}.`];
  if (by.kind === 'chu_tich_nuoc') return [...bases, 'Xét đề nghị của Thủ tướng Chính phủ.'];
  const proposer = `${officeHeadTitle(office)} ${office.name}`;
  if (by.kind === 'thu_tuong') {
    const parent = agencyHead(office.parentAgency);
    return [...bases, `Xét đề nghị của ${parent && (parent.kind === 'ubnd' || parent.kind === 'bo') ? parent.authority : proposer}.`];
  }
  return [...bases, `Theo đề nghị của ${proposer}.`];
}

export function buildDecisionDocument(recorded: AwardDecision, office: DecisionDocOffice, today: string): OfficialDocument {
  const d = withImpliedIssuer(recorded, office);
  const by = decisionAuthority(d, office);
  const authority = caps(by.authority);
  const date = d.decisionDate ?? today;
  const numberLine = d.number.trim() ? `Số: ${d.number.trim()}` : formatDocNumber(null, 'QĐ', by.numberSuffix);
  const cash = d.recipients.some((r) => r.cashAmount) || !!d.cashAmount;
  const article = (n: number, text: string) => para([{ text: `Điều ${n}. `, bold: true }, { text }]);
  const body: Block[] = [
    para([{ text: authority, bold: true }], { align: 'center', noIndent: true }),
    ...decisionBases(by, office, date).map((line) => para([{ text: line, italic: true }])),
    para([{ text: 'QUYẾT ĐỊNH:', bold: true }], { align: 'center', noIndent: true }),
    article(
      1,
      isTitle(d)
        ? `Công nhận danh hiệu “${formName(d)}” năm ${d.year} cho ${whom(d)} (có danh sách kèm theo).`
        : `Tặng ${formName(d)} cho ${whom(d)} (có danh sách kèm theo) ${achievement(d)}.`,
    ),
    article(
      2,
      cash
        ? `Tiền thưởng kèm theo${d.cashAmount ? `: ${num(d.cashAmount)} đồng` : ''} (mức cụ thể theo danh sách kèm theo), chi từ Quỹ thi đua, khen thưởng theo quy định hiện hành.`
        : 'Tiền thưởng kèm theo thực hiện theo quy định hiện hành, chi từ Quỹ thi đua, khen thưởng.',
    ),
    article(
      3,
      by.own
        ? 'Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Trưởng các phòng, đơn vị có liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.'
        : `Quyết định này có hiệu lực kể từ ngày ký. ${by.officeChief}, ${officeHeadTitle(office)} ${office.name}, Thủ trưởng các cơ quan, đơn vị có liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
    ),
  ];

  const rows: DocTableRow[] = recipientsInListOrder(d).map((r, i) => ({
    cells: [[{ text: String(i + 1) }], [{ text: r.name }], [{ text: r.kind === 'person' ? r.unitName : r.unitName ? `Tập thể thuộc ${r.unitName}` : 'Tập thể' }], ...(cash ? [[{ text: r.cashAmount ? num(r.cashAmount) : '' }]] : [])],
  }));
  const numberText = d.number.trim() || '……';
  const dated = d.decisionDate ? ` ngày ${formatDateVi(d.decisionDate)}` : ' ngày …';
  return {
    header: {
      parentAgency: by.parentAgency ? caps(by.parentAgency) : undefined,
      agency: caps(by.agency),
      numberLine,
      place: by.place,
      date: d.decisionDate ? isoToPartialDate(d.decisionDate) : { year: d.year },
    },
    docType: 'QUYẾT ĐỊNH',
    title: [decisionTitle(d)],
    bases: [],
    preamble: [],
    body,
    closing: [],
    recipients: ['Như Điều 3', by.own ? `Lưu: VT, ${office.abbreviation || 'TĐKT'}.` : 'Lưu: VT.'],
    signer: { prefix: '', position: caps(by.headTitle), name: d.signer.trim() || by.defaultSigner },
    appendices: [
      {
        heading: 'DANH SÁCH',
        subtitle: [
          isTitle(d) ? `Cá nhân, tập thể được công nhận danh hiệu “${formName(d)}” năm ${d.year}` : `Cá nhân, tập thể được tặng ${formName(d)}`,
          `(Kèm theo Quyết định số ${numberText}${dated} của ${by.authority})`,
        ],
        blocks: [
          {
            kind: 'table',
            table: {
              columns: [
                { header: 'STT', width: 6, align: 'center' },
                { header: 'Họ và tên / Tên tập thể', width: 36 },
                { header: 'Đơn vị', width: 40 },
                ...(cash ? [{ header: 'Tiền thưởng (đồng)', width: 18, align: 'right' as const }] : []),
              ],
              rows,
            },
          },
        ],
      },
    ],
  };
}

/**
 * The recipients with their units named anew from the units as they are: `person` names a
 * person's unit — while the person is still in the unit the decision recorded (a snapshot
 * otherwise stays) — and `collective` the units above a collective.
 */
export function relabelRecipientUnits(
  sqlite: BetterSqlite3.Database,
  d: AwardDecision,
  label: {
    person: (unitId: string, byId: ReadonlyMap<string, UnitLite>) => string;
    collective: (unitId: string, byId: ReadonlyMap<string, UnitLite>) => string;
  },
): AwardDecision {
  const byId = new Map(unitsLite(sqlite).map((u) => [u.id, u]));
  return {
    ...d,
    recipients: d.recipients.map((r) => {
      if (r.kind !== 'person') return { ...r, unitName: r.unitId ? label.collective(r.unitId, byId) : '' };
      const unitId = r.staffId ? getStaffLite(sqlite, r.staffId)?.unitId : null;
      return unitId && byId.get(unitId)?.name === r.unitName ? { ...r, unitName: label.person(unitId, byId) } : r;
    }),
  };
}

/**
 * The recipients' units as a signed list names them: a person's unit with its parents where
 * another unit has its name ("Phòng số 1 (Trung tâm Dịch vụ)"), and a collective's parents
 * ("Trung tâm Dịch vụ").
 */
export function withUnitLabels(sqlite: BetterSqlite3.Database, d: AwardDecision): AwardDecision {
  const labels = officeUnitLabels(unitsLite(sqlite), officeNameOf(sqlite));
  return relabelRecipientUnits(sqlite, d, {
    person: (unitId, byId) => labels.get(unitId) ?? byId.get(unitId)!.name,
    collective: (unitId, byId) => parentPath(byId, unitId),
  });
}

export function renderDecisionDocx(d: AwardDecision, office: DecisionDocOffice, today: string): Promise<Uint8Array> {
  return renderDocx(buildDecisionDocument(d, office, today), { title: `QUYẾT ĐỊNH ${decisionTitle(withImpliedIssuer(d, office))}` });
}

/** "quyet-dinh-15-QD-SNV.docx"; without a number, "quyet-dinh-khen-thuong-2025.docx" */
export function decisionFileName(d: Pick<AwardDecision, 'number' | 'year'>): string {
  return d.number.trim() ? `quyet-dinh-${fileSlug(d.number)}.docx` : `quyet-dinh-khen-thuong-${d.year}.docx`;
}
