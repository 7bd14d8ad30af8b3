// Rendering the dossier's documents: DOCX files through the NĐ 30/2020 renderer (tờ trình
// with its danh sách, biên bản, one báo cáo thành tích per nominee) and the danh sách as .xlsx.
import crypto from 'node:crypto';
import type ExcelJS from 'exceljs';
import type { DossierDocumentKind, NomineeInfo, ReportContent } from '../../../shared/dossiers/model';
import { formatPercent, votePercent } from '../../../shared/dossiers/model';
import {
  awardPhrase,
  ballotDocument,
  baoCaoDocument,
  bienBanDocument,
  coverNumber,
  fileSlug,
  toTrinhDocument,
  type DossierDocInput,
} from '../../../shared/dossiers/documents';
import { REPORT_TEMPLATES, type ReportTemplate } from '../../../shared/dossiers/templates';
import { prefillReport } from '../../../shared/dossiers/prefill';
import { caps } from '../../../shared/documents/print-css';
import { formatDateVi } from '../../../shared/text/vn';
import type { OfficialDocument } from '../../../shared/documents/model';
import { DOCX_MIME, renderDocx } from '../documents/docx';
import { listSheet, sheetLine } from '../xlsx/report';
import { fitWrappedRows } from '../xlsx/row-heights';
import { FONT, XLSX_MIME, newWorkbook, workbookBytes } from '../xlsx/style';

export { DOCX_MIME };

export interface RenderedDocument {
  kind: DossierDocumentKind;
  nomineeId: string | null;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  sortOrder: number;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The danh sách as a workbook: office, title, reference to the tờ trình, then one row per nominee. */
export async function danhSachWorkbook(input: DossierDocInput, created?: Date): Promise<Uint8Array> {
  const wb = newWorkbook(created);
  const columns = [
    { header: 'STT', width: 6, align: 'center' as const },
    { header: 'Họ và tên (tên tập thể)', width: 28, align: 'left' as const },
    { header: 'Chức vụ', width: 22, align: 'left' as const },
    { header: 'Đơn vị', width: 28, align: 'left' as const },
    { header: 'Tóm tắt thành tích', width: 60, align: 'left' as const },
    { header: 'Số phiếu đồng ý / tổng số phiếu', width: 14, align: 'center' as const },
    { header: 'Tỷ lệ', width: 10, align: 'center' as const },
  ];
  const HEADER_ROW = 5;
  const ws = listSheet(wb, 'Danh sách', HEADER_ROW, columns.map((c) => c.width));
  const line = (row: number, text: string, font: Partial<ExcelJS.Font>, align: 'left' | 'center') => sheetLine(ws, row, text, font, align, 1, columns.length);
  line(1, caps(input.office.name), { size: 12, bold: true }, 'left');
  line(2, 'DANH SÁCH', { size: 14, bold: true }, 'center');
  line(3, `Đề nghị ${awardPhrase(input.awardCode, input.addressee)} năm ${input.year}`, { size: 13, bold: true }, 'center');
  line(
    4,
    `(Kèm theo Tờ trình số ${coverNumber(input)}${input.docDate ? ` ngày ${formatDateVi(input.docDate)}` : ''} của ${input.office.name})`,
    { size: 12, italic: true },
    'center',
  );
  const header = ws.getRow(HEADER_ROW);
  header.height = 34;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  input.nominees.forEach((n, i) => {
    const values: ExcelJS.CellValue[] = [
      i + 1,
      n.name,
      n.position || null,
      n.unitName || null,
      n.summary || null,
      n.votesAgree !== null && n.votesTotal !== null ? `${n.votesAgree}/${n.votesTotal}` : null,
      formatPercent(votePercent(n.votesAgree, n.votesTotal)) || null,
    ];
    const row = ws.getRow(HEADER_ROW + 1 + i);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.font = { name: FONT, size: 12 };
      cell.alignment = { horizontal: columns[c]!.align, vertical: 'top', wrapText: true };
      cell.border = BORDER;
    });
  });
  fitWrappedRows(ws, HEADER_ROW + 1, HEADER_ROW + input.nominees.length);
  return workbookBytes(wb);
}

export interface ReportToRender {
  nominee: NomineeInfo;
  template: ReportTemplate;
  content: ReportContent;
}

// Files rendered with a fixed `created` time, by a hash of everything they are made of (the
// document model, or the danh sách's input, and the time): rendering is a pure function of
// that, so a regenerate renders only what changed. Kept in the core's memory, oldest out first.
const rendered = new Map<string, Uint8Array>();
let renderedBytes = 0;
const RENDERED_LIMIT = 64 * 1024 * 1024;

async function cached(what: unknown, created: Date | undefined, render: () => Promise<Uint8Array>): Promise<Uint8Array> {
  if (!created) return render();
  const key = crypto.createHash('sha256').update(JSON.stringify([what, created.toISOString()])).digest('base64');
  const hit = rendered.get(key);
  if (hit) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const bytes = await render();
  rendered.set(key, bytes);
  renderedBytes += bytes.length;
  for (const [k, b] of rendered) {
    if (renderedBytes <= RENDERED_LIMIT) break;
    rendered.delete(k);
    renderedBytes -= b.length;
  }
  return bytes;
}

function docx(doc: OfficialDocument, title: string, created: Date | undefined): Promise<Uint8Array> {
  return cached(['docx', doc, title], created, () => renderDocx(doc, { title, created }));
}

/** The council's ballot (not part of the hồ sơ sent: used at the meeting, before the votes are entered). */
export async function renderBallot(input: DossierDocInput): Promise<{ fileName: string; mimeType: string; bytes: Uint8Array }> {
  return {
    fileName: `Phieu-bieu-quyet_${fileSlug(input.office.abbreviation, 20)}_${input.year}_${fileSlug(input.awardCode, 20)}.docx`,
    mimeType: DOCX_MIME,
    bytes: await renderDocx(ballotDocument(input), { title: 'Phiếu biểu quyết của Hội đồng Thi đua - Khen thưởng' }),
  };
}

/**
 * Every document of the dossier, in the order of the hồ sơ (tờ trình, danh sách, biên bản,
 * báo cáo). With `created` (the files' time in their properties) the same content gives the
 * same bytes: a regenerated document that did not change is neither rendered nor stored again.
 */
export async function renderDossierDocuments(
  input: DossierDocInput,
  reports: readonly ReportToRender[],
  o: { created?: Date; onDocument?: (d: RenderedDocument) => void } = {},
): Promise<RenderedDocument[]> {
  const abbr = fileSlug(input.office.abbreviation, 20);
  const created = o.created;
  const out: RenderedDocument[] = [];
  const add = (d: RenderedDocument) => {
    out.push(d);
    o.onDocument?.(d);
  };
  add({
    kind: 'to_trinh',
    nomineeId: null,
    fileName: `01_To-trinh_${abbr}_${input.year}.docx`,
    mimeType: DOCX_MIME,
    bytes: await docx(toTrinhDocument(input), 'Tờ trình đề nghị khen thưởng', created),
    sortOrder: 1,
  });
  add({
    kind: 'danh_sach',
    nomineeId: null,
    fileName: `02_Danh-sach_${abbr}_${input.year}.xlsx`,
    mimeType: XLSX_MIME,
    bytes: await cached(['xlsx', input], created, () => danhSachWorkbook(input, created)),
    sortOrder: 2,
  });
  add({
    kind: 'bien_ban',
    nomineeId: null,
    fileName: `03_Bien-ban-hop-HDTDKT_${abbr}_${input.year}.docx`,
    mimeType: DOCX_MIME,
    bytes: await docx(bienBanDocument(input), 'Biên bản họp Hội đồng Thi đua - Khen thưởng', created),
    sortOrder: 3,
  });
  let i = 0;
  for (const r of reports) {
    i++;
    // let the event loop run between reports: the files handed to onDocument are written meanwhile
    if (o.onDocument) await new Promise((resolve) => setImmediate(resolve));
    add({
      kind: 'bao_cao',
      nomineeId: r.nominee.id,
      fileName: `04_Bao-cao-thanh-tich_${String(i).padStart(2, '0')}_${fileSlug(r.nominee.name)}.docx`,
      mimeType: DOCX_MIME,
      bytes: await docx(baoCaoDocument(input, r.nominee, r.template, r.content), `Báo cáo thành tích — ${r.nominee.name}`, created),
      sortOrder: 10 + i,
    });
  }
  return out;
}

/** Made-up reports rendered by the warm-up: enough for V8 to compile the hot paths. */
const WARM_UP_REPORTS = 24;

/**
 * Run every renderer on a small made-up dossier and discard the files (no `created`: nothing
 * is cached). The hosts call this when the core is idle a few seconds after start, so the
 * first real generate finds exceljs loaded, the DOCX skeletons of each page structure built
 * and the hot code compiled — cold, those cost ≈0.3 s before the first document and slowed
 * the first few hundred reports by half.
 */
export async function warmUpRenderers(): Promise<void> {
  const nominee = (i: number, kind: 'person' | 'unit'): NomineeInfo => ({
    id: `warm-${i}`,
    kind,
    subjectId: `warm-${i}`,
    awardCode: 'CSTDCS',
    name: kind === 'person' ? `Nguyễn Văn Ấm ${i}` : `Phòng Ấm ${i}`,
    position: kind === 'person' ? 'Chuyên viên' : '',
    unitName: 'Văn phòng',
    summary: 'Hoàn thành xuất sắc nhiệm vụ được giao.',
    votesAgree: 5,
    votesTotal: 7,
    birthDate: kind === 'person' ? '1980-03-05' : null,
    gender: kind === 'person' ? 'nam' : null,
  });
  const nominees = Array.from({ length: WARM_UP_REPORTS }, (_, i) => nominee(i, i % 4 === 3 ? 'unit' : 'person'));
  const input: DossierDocInput = {
    office: { name: 'Cơ quan', parentAgency: 'UBND tỉnh', abbreviation: 'CQ', placeName: 'Hà Nội', headTitle: 'Giám đốc', headName: 'Nguyễn Văn A', superiorName: '' },
    today: '2025-12-10',
    year: 2025,
    awardCode: 'CSTDCS',
    campaignName: '',
    docNumber: 1,
    docDate: '2025-12-10',
    addressee: 'Giám đốc',
    signer: { prefix: '', authorityTitle: 'GIÁM ĐỐC', position: 'GIÁM ĐỐC', name: 'Nguyễn Văn A' },
    cover: { bases: [], intro: '', closing: '' },
    meeting: { date: '2025-11-18', time: '14 giờ 00', place: 'Phòng họp', chair: 'Nguyễn Văn A', chairTitle: 'Giám đốc', secretary: 'Trần B', membersPresent: ['Nguyễn Văn A'], membersTotal: 7, number: 1 },
    nominees,
    minVotePercent: 50,
  };
  const reports: ReportToRender[] = nominees.map((n, i) => {
    const forKind = REPORT_TEMPLATES.filter((t) => t.subject === (n.kind === 'person' ? 'individual' : 'collective'));
    const template = forKind[i % forKind.length]!;
    const years = [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, rating: 'HTXSNV' as const, members: 10 }));
    const awards = [2023, 2024].map((year) => ({ year, code: 'LDTT', label: 'Lao động tiên tiến', kind: 'title' as const, decisionNo: `${i}/QĐ`, decisionDate: `${year}-12-20`, issuer: 'Cơ quan' }));
    const content = prefillReport(template, { kind: n.kind, name: n.name, birthDate: n.birthDate, gender: n.gender, position: n.position, unitName: n.unitName, officeName: input.office.name, years, awards, initiatives: [] }, 2025);
    return { nominee: n, template, content };
  });
  // with onDocument the loop yields to the event loop between reports: calls are not held up
  await renderDossierDocuments(input, reports, { onDocument: () => undefined });
}
