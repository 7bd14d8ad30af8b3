// A recorded award decision drafted as the QUYẾT ĐỊNH its head signs (NĐ 30/2020 layout, rendered
// by services/documents): the authority, the legal bases in force on its date, "QUYẾT ĐỊNH:",
// Điều 1 (the title recognised or the form given, to whom), Điều 2 (the reward), Điều 3 (who
// carries it out), Nơi nhận, the signer, and the list of recipients as its appendix.
import { AWARD_CATALOG, isAwardCode } from '../../../shared/awards';
import type { AwardDecision } from '../../../shared/contract/records';
import type { Office } from '../../../shared/contract/office';
import type { Block, DocTableRow, OfficialDocument, Run } from '../../../shared/documents/model';
import { fileSlug } from '../../../shared/dossiers/documents';
import { legalBasesOn } from '../../../shared/dossiers/templates';
import { compareVi, compareViPersonName, formatDateVi, formatDocNumber, isoToPartialDate } from '../../../shared/text/vn';
import type BetterSqlite3 from 'better-sqlite3';
import { getStaffLite, unitsLite } from '../../../db/repositories/records';
import { officeNameOf } from '../../../db/repositories/exchange';
import { officeUnitLabels, parentPath } from '../../../shared/units/tree';
import { renderDocx } from '../documents/docx';

export type DecisionDocOffice = Pick<Office, 'name' | 'parentAgency' | 'placeName' | 'abbreviation' | 'headTitle' | 'headName'>;

const caps = (s: string) => s.toLocaleUpperCase('vi');
const num = (n: number) => n.toLocaleString('vi-VN');
const para = (runs: Run[], extra: Partial<Extract<Block, { kind: 'paragraph' }>> = {}): Block => ({ kind: 'paragraph', runs, ...extra });

/** The form as the decision names it: a catalogue form in full, any other as recorded. */
function formName(d: AwardDecision): string {
  return d.awardCode && isAwardCode(d.awardCode) ? AWARD_CATALOG[d.awardCode].name : d.otherForm || d.formLabel;
}

function isTitle(d: AwardDecision): boolean {
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

function achievement(d: AwardDecision): string {
  if (d.basis === 'chuyen_de') return `đã có thành tích xuất sắc trong phong trào thi đua${d.campaignName ? ` “${d.campaignName}”` : ' chuyên đề'}`;
  if (d.basis === 'dot_xuat') return 'đã có thành tích xuất sắc đột xuất';
  return `đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm ${d.year}`;
}

export function buildDecisionDocument(d: AwardDecision, office: DecisionDocOffice, today: string): OfficialDocument {
  const head = office.headTitle.trim() || 'Thủ trưởng cơ quan';
  const authority = `${caps(head)} ${caps(office.name)}`;
  const date = d.decisionDate ?? today;
  const numberLine = d.number.trim() ? `Số: ${d.number.trim()}` : formatDocNumber(null, 'QĐ', office.abbreviation);
  const cash = d.recipients.some((r) => r.cashAmount) || !!d.cashAmount;
  const article = (n: number, text: string) => para([{ text: `Điều ${n}. `, bold: true }, { text }]);
  const body: Block[] = [
    para([{ text: authority, bold: true }], { align: 'center', noIndent: true }),
    ...[...legalBasesOn(date).lines, `Căn cứ chức năng, nhiệm vụ, quyền hạn của ${office.name};`, `Theo đề nghị của Hội đồng Thi đua - Khen thưởng ${office.name}.`].map((line) =>
      para([{ text: line, italic: true }]),
    ),
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
    article(3, `Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Trưởng các phòng, đơn vị có liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`),
  ];

  // people by unit and name, then collectives by name
  const sorted = [...d.recipients].sort(
    (a, b) =>
      Number(a.kind !== 'person') - Number(b.kind !== 'person') ||
      compareVi(a.unitName, b.unitName) ||
      (a.kind === 'person' ? compareViPersonName(a.name, b.name) : compareVi(a.name, b.name)),
  );
  const rows: DocTableRow[] = sorted.map((r, i) => ({
    cells: [[{ text: String(i + 1) }], [{ text: r.name }], [{ text: r.kind === 'person' ? r.unitName : r.unitName ? `Tập thể thuộc ${r.unitName}` : 'Tập thể' }], ...(cash ? [[{ text: r.cashAmount ? num(r.cashAmount) : '' }]] : [])],
  }));
  const numberText = d.number.trim() || '……';
  const dated = d.decisionDate ? ` ngày ${formatDateVi(d.decisionDate)}` : ' ngày …';
  return {
    header: {
      parentAgency: office.parentAgency ? caps(office.parentAgency) : undefined,
      agency: caps(office.name),
      numberLine,
      place: office.placeName,
      date: d.decisionDate ? isoToPartialDate(d.decisionDate) : { year: d.year },
    },
    docType: 'QUYẾT ĐỊNH',
    title: [decisionTitle(d)],
    bases: [],
    preamble: [],
    body,
    closing: [],
    recipients: ['Như Điều 3', `Lưu: VT, ${office.abbreviation || 'TĐKT'}.`],
    signer: { prefix: '', position: caps(head), name: d.signer.trim() || office.headName },
    appendices: [
      {
        heading: 'DANH SÁCH',
        subtitle: [
          isTitle(d) ? `Cá nhân, tập thể được công nhận danh hiệu “${formName(d)}” năm ${d.year}` : `Cá nhân, tập thể được tặng ${formName(d)}`,
          `(Kèm theo Quyết định số ${numberText}${dated} của ${head} ${office.name})`,
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
 * The recipients' units as a signed list names them: a person's unit with its parents where
 * another unit has its name ("Phòng số 1 (Trung tâm Dịch vụ)") — while the person is still in
 * the unit the decision recorded — and a collective's parents ("Trung tâm Dịch vụ").
 */
export function withUnitLabels(sqlite: BetterSqlite3.Database, d: AwardDecision): AwardDecision {
  const units = unitsLite(sqlite);
  const byId = new Map(units.map((u) => [u.id, u]));
  const labels = officeUnitLabels(units, officeNameOf(sqlite));
  return {
    ...d,
    recipients: d.recipients.map((r) => {
      if (r.kind !== 'person') return { ...r, unitName: r.unitId ? parentPath(byId, r.unitId) : '' };
      const unitId = r.staffId ? getStaffLite(sqlite, r.staffId)?.unitId : null;
      return unitId && byId.get(unitId)?.name === r.unitName ? { ...r, unitName: labels.get(unitId) ?? r.unitName } : r;
    }),
  };
}

export function renderDecisionDocx(d: AwardDecision, office: DecisionDocOffice, today: string): Promise<Uint8Array> {
  return renderDocx(buildDecisionDocument(d, office, today), { title: `QUYẾT ĐỊNH ${decisionTitle(d)}` });
}

/** "quyet-dinh-15-QD-SNV.docx"; without a number, "quyet-dinh-khen-thuong-2025.docx" */
export function decisionFileName(d: Pick<AwardDecision, 'number' | 'year'>): string {
  return d.number.trim() ? `quyet-dinh-${fileSlug(d.number)}.docx` : `quyet-dinh-khen-thuong-${d.year}.docx`;
}
