// At the province, the nominees of the dossiers received from offices in one signed list (danh
// sách tổng hợp đề nghị khen thưởng) for its council to consider: a group per dossier — the award,
// the office, its tờ trình's number and date, the dossier's state — in catalogue order of the
// awards, then by office; each nominee with position, unit, achievement summary and the office
// council's vote.
import { AWARD_CATALOG, AWARD_CODES, isAwardCode } from '../../../shared/awards';
import { AppError } from '../../../shared/contract/errors';
import { RECEIVED_STATUS_LABELS, type DossierStatus, type NomineeInfo } from '../../../shared/dossiers/model';
import { compareVi, formatDateVi, formatDocNumber } from '../../../shared/text/vn';
import { groupedListWorkbook } from '../xlsx/list';
import { XLSX_MIME } from '../xlsx/style';
import { dossierNominees, listDossierSummaries, type DossierEnv } from './service';
import type { SheetOffice } from '../xlsx/report';
import { dossierOrigins, dossierPapers } from '../../../db/repositories/dossiers';

/** A received dossier as the list needs it: its sender, tờ trình and state. */
export interface ReceivedDossierHead {
  id: string;
  awardCode: string;
  year: number;
  officeName: string;
  officeAbbreviation: string;
  docNumber: number | null;
  docDate: string | null;
  status: DossierStatus;
}

/**
 * Each dossier's nominees in its order; refuses an id that is not a dossier received from
 * another office.
 */
export function readReceivedNominees(env: DossierEnv, ids: readonly string[]): Map<string, NomineeInfo[]> {
  const wanted = [...new Set(ids)];
  const found = dossierOrigins(env.sqlite, wanted);
  if (found.length !== wanted.length || found.some((d) => d.origin_office_id === env.officeId))
    throw new AppError('NOT_FOUND', 'Có hồ sơ trong danh sách không còn hoặc không phải hồ sơ nhận từ cơ quan khác. Hãy tải lại danh sách hồ sơ nhận rồi tổng hợp lại.');
  return new Map(wanted.map((id) => [id, dossierNominees(env, id)]));
}

const awardName = (code: string) => (isAwardCode(code) ? AWARD_CATALOG[code].name : code);
const ORDER = new Map<string, number>(AWARD_CODES.map((c, i) => [c, i]));

/** "Bằng khen … — Phòng Nội vụ xã A (Tờ trình số 05/TTr-PNVA ngày 20/11/2025; Đã nhận)" */
export function receivedGroupTitle(d: ReceivedDossierHead): string {
  const number = d.docNumber !== null ? formatDocNumber(d.docNumber, 'TTr', d.officeAbbreviation).replace(/^Số:\s*/, '') : '';
  const paper = number ? `Tờ trình số ${number}${d.docDate ? ` ngày ${formatDateVi(d.docDate)}` : ''}` : 'Tờ trình chưa có số';
  return `${awardName(d.awardCode)} năm ${d.year} — ${d.officeName} (${paper}; ${RECEIVED_STATUS_LABELS[d.status]})`;
}

export async function receivedListWorkbook(input: {
  office: SheetOffice;
  dossiers: readonly ReceivedDossierHead[];
  nominees: ReadonlyMap<string, readonly NomineeInfo[]>;
  today: string;
}): Promise<Uint8Array> {
  const dossiers = [...input.dossiers].sort(
    (a, b) => (ORDER.get(a.awardCode) ?? Infinity) - (ORDER.get(b.awardCode) ?? Infinity) || compareVi(a.officeName, b.officeName) || (a.docNumber ?? 0) - (b.docNumber ?? 0),
  );
  const all = [...input.nominees.values()].flat();
  const people = all.filter((n) => n.kind === 'person').length;
  const units = all.length - people;
  const offices = new Set(input.dossiers.map((d) => d.officeName)).size;
  const years = [...new Set(input.dossiers.map((d) => d.year))].sort();
  return groupedListWorkbook({
    office: input.office,
    sheetName: 'Tổng hợp đề nghị',
    title: `DANH SÁCH TỔNG HỢP ĐỀ NGHỊ KHEN THƯỞNG${years.length === 1 ? ` NĂM ${years[0]}` : ''}`,
    lines: [
      `${input.dossiers.length} hồ sơ của ${offices} cơ quan, đơn vị gửi lên; ${[people && `${people} cá nhân`, units && `${units} tập thể`].filter(Boolean).join(', ') || 'chưa có ai'} được đề nghị`,
    ],
    columns: [
      { header: 'Họ và tên / Tên tập thể', width: 26 },
      { header: 'Chức vụ', width: 18 },
      { header: 'Đơn vị', width: 28 },
      { header: 'Tóm tắt thành tích', width: 46 },
      { header: 'Hội đồng cơ quan đồng ý', width: 14, centred: true },
    ],
    groups: dossiers.map((d) => ({
      title: receivedGroupTitle(d),
      rows: (input.nominees.get(d.id) ?? []).map((n) => [
        n.kind === 'unit' ? `Tập thể ${n.name}` : n.name,
        n.position,
        n.unitName,
        n.summary,
        n.votesAgree !== null && n.votesTotal ? `${n.votesAgree}/${n.votesTotal} phiếu` : '',
      ]),
    })),
    empty: 'Không có hồ sơ nào.',
    today: input.today,
  });
}

/** "tong-hop-de-nghi-khen-thuong-2025.xlsx" (without a year when several are listed) */
export function receivedListFileName(years: readonly number[]): string {
  const one = new Set(years).size === 1 ? `-${years[0]}` : '';
  return `tong-hop-de-nghi-khen-thuong${one}.xlsx`;
}

/**
 * The list of the received dossiers `ids` (those the province's screen shows) as a file; the
 * office heading from `office`.
 */
export async function exportReceivedList(env: DossierEnv, ids: readonly string[], office: SheetOffice): Promise<{ fileName: string; mimeType: string; base64: string }> {
  const nominees = readReceivedNominees(env, ids);
  const wanted = new Set(ids);
  const summaries = listDossierSummaries(env, { scope: 'received', year: null }).filter((d) => wanted.has(d.id));
  const papers = new Map(dossierPapers(env.sqlite, [...wanted]).map((r) => [r.id, r]));
  const dossiers: ReceivedDossierHead[] = summaries.map((d) => ({
    id: d.id,
    awardCode: d.awardCode,
    year: d.year,
    officeName: d.originOfficeName,
    officeAbbreviation: papers.get(d.id)?.abbreviation ?? '',
    docNumber: papers.get(d.id)?.doc_number ?? null,
    docDate: papers.get(d.id)?.doc_date ?? null,
    status: d.status,
  }));
  const bytes = await receivedListWorkbook({ office, dossiers, nominees, today: env.today });
  return { fileName: receivedListFileName(dossiers.map((d) => d.year)), mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
}
