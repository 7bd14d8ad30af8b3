// The dossier's documents: tờ trình with its danh sách, biên bản, one báo cáo per nominee
// (DOCX, NĐ 30/2020 layout), the danh sách as .xlsx, the export to a folder / as a .zip, the CLI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { runCli } from '../../../electron/cli/tdkt';
import type { DossierDetail } from '../../../shared/contract/dossiers';
import { all, attr, child, children, first, isOn, openDocx, paragraphsContaining, wText, type DocxParts } from '../../support/docx-xml';
import { tempDir } from '../../support/tmp';
import { OFFICE_B, buildDossier, makeOffice, type Office } from './helpers';

const TNR = 'Times New Roman';

function runProps(root: DocxParts['document'] | Element, needle: string): Element {
  const run = all(root, 'w:r').find((r) => wText(r).includes(needle));
  if (!run) throw new Error(`no run with "${needle}"`);
  return child(run, 'w:rPr')!;
}
const sz = (rPr: Element) => attr(child(rPr, 'w:sz'), 'w:val');
const font = (rPr: Element) => attr(child(rPr, 'w:rFonts'), 'w:ascii');
const bodyTables = (parts: DocxParts) => children(first(parts.document, 'w:body')!, 'w:tbl');
const allText = (parts: DocxParts) => all(parts.document, 'w:p').map((p) => wText(p));

let office: Office;
let dossier: DossierDetail;
const docBytes = async (kind: string, nth = 0) => {
  const d = dossier.documents.filter((x) => x.kind === kind)[nth]!;
  const f = await office.core.invoke('dossiers.downloadDocument', { id: d.id });
  return Buffer.from(f.base64, 'base64');
};

beforeAll(async () => {
  office = await makeOffice(OFFICE_B, path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-dossier-docs-')), 'office.sqlite'));
  dossier = await buildDossier(office, OFFICE_B, { docNumber: 5 });
});
afterAll(() => {
  const dir = path.dirname(office.core.ctx.conn.path);
  office.core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('dossier documents', () => {
  it('generates the tờ trình, danh sách, biên bản and one báo cáo per nominee', () => {
    expect(dossier.documents.map((d) => [d.kind, d.fileName])).toEqual([
      ['to_trinh', '01_To-trinh_PNVSP_2025.docx'],
      ['danh_sach', '02_Danh-sach_PNVSP_2025.xlsx'],
      ['bien_ban', '03_Bien-ban-hop-HDTDKT_PNVSP_2025.docx'],
      ['bao_cao', '04_Bao-cao-thanh-tich_01_Hoang-Van-Duc.docx'],
      ['bao_cao', '04_Bao-cao-thanh-tich_02_Pham-Thi-Hoa.docx'],
    ]);
  });

  it('tờ trình: NĐ 30 header with "Số: 05/TTr-PNVSP", TỜ TRÌNH, Kính gửi, bases, the danh sách table with one row per nominee, the signer', async () => {
    const parts = openDocx(await docBytes('to_trinh'));
    const texts = allText(parts);
    const num = runProps(parts.document, 'Số: 05/TTr-PNVSP');
    expect(sz(num)).toBe('26');
    expect(font(num)).toBe(TNR);
    const type = runProps(parts.document, 'TỜ TRÌNH');
    expect(sz(type)).toBe('28');
    expect(isOn(type, 'w:b')).toBe(true);
    expect(texts).toContain('Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2025');
    expect(texts).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lào Cai');
    expect(texts).toContain('Lào Cai, ngày 20 tháng 11 năm 2025');
    expect(texts.some((t) => t.startsWith('Căn cứ Nghị định số 152/2025/NĐ-CP'))).toBe(true);
    expect(texts).toContain('Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng Phòng Nội vụ xã Sa Pa ngày 18/11/2025.');
    const basis = runProps(parts.document, 'Căn cứ Luật Thi đua');
    expect(isOn(basis, 'w:i')).toBe(true);
    expect(texts.some((t) => t.includes('tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 cá nhân (có danh sách kèm theo)'))).toBe(true);
    // every run in Times New Roman with a size
    for (const r of all(parts.document, 'w:r')) {
      expect(attr(child(child(r, 'w:rPr'), 'w:rFonts'), 'w:ascii')).toBe(TNR);
      expect(child(child(r, 'w:rPr'), 'w:sz')).toBeDefined();
    }
    // signature table: Nơi nhận + TRƯỞNG PHÒNG / name
    const tables = bodyTables(parts);
    const sig = tables.find((t) => wText(t).includes('Nơi nhận:'))!;
    const [left, right] = children(children(sig, 'w:tr')[0]!, 'w:tc');
    expect(all(left!, 'w:p').map((p) => wText(p))).toEqual(['Nơi nhận:', '- Như trên;', '- Lưu: VT, PNVSP.']);
    expect(all(right!, 'w:p').map((p) => wText(p))).toEqual(['TRƯỞNG PHÒNG', 'Vũ Thị Lan']);
    // the danh sách: landscape appendix, header row + one row per nominee
    expect(parts.sections).toHaveLength(2);
    expect(attr(child(parts.sections[1]!, 'w:pgSz'), 'w:orient')).toBe('landscape');
    expect(texts).toContain('DANH SÁCH');
    expect(texts).toContain('(Kèm theo Tờ trình số 05/TTr-PNVSP ngày 20/11/2025 của Phòng Nội vụ xã Sa Pa)');
    const list = tables.find((t) => wText(children(t, 'w:tr')[0]!).includes('Tóm tắt thành tích'))!;
    const rows = children(list, 'w:tr');
    expect(children(rows[0]!, 'w:tc').map((c) => wText(c))).toEqual(['STT', 'Họ và tên (tên tập thể)', 'Chức vụ', 'Đơn vị', 'Tóm tắt thành tích']);
    expect(rows.length - 1).toBe(dossier.nominees.length);
    expect(rows.slice(1).map((r) => children(r, 'w:tc').slice(0, 4).map((c) => wText(c)))).toEqual([
      ['1', 'Hoàng Văn Đức', 'Phó Chủ tịch', 'Văn phòng'],
      ['2', 'Phạm Thị Hoa', 'Phó Chánh văn phòng', 'Văn phòng'],
    ]);
    expect(wText(rows[2]!)).toContain('02 năm liên tục hoàn thành xuất sắc nhiệm vụ (2024–2025)');
    const cellRun = runProps(list, 'Phạm Thị Hoa');
    expect(sz(cellRun)).toBe('26');
  });

  it('biên bản: BIÊN BẢN, meeting details, results per nominee, thư ký and chủ tọa side by side', async () => {
    const parts = openDocx(await docBytes('bien_ban'));
    const texts = allText(parts);
    expect(wText(parts.document)).toContain('Số:        /BB-HĐTĐKT');
    expect(isOn(runProps(parts.document, 'BIÊN BẢN'), 'w:b')).toBe(true);
    expect(texts).toContain('Thời gian: 14 giờ 00, ngày 18 tháng 11 năm 2025.');
    expect(texts).toContain('Địa điểm: Phòng họp Phòng Nội vụ xã Sa Pa.');
    expect(texts.some((t) => t.startsWith('Thành phần: 5 thành viên Hội đồng Thi đua - Khen thưởng Phòng Nội vụ xã Sa Pa (có mặt 5/7 thành viên)'))).toBe(true);
    expect(texts).toContain('- Lý Thị Mai;');
    expect(texts).toContain('- Bùi Văn Phúc.');
    const votes = bodyTables(parts).find((t) => wText(t).includes('Số phiếu đồng ý'))!;
    const rows = children(votes, 'w:tr').slice(1);
    expect(rows.map((r) => children(r, 'w:tc').map((c) => wText(c)))).toEqual([
      ['1', 'Hoàng Văn Đức', 'Phó Chủ tịch, Văn phòng', '5/5', '100%'],
      ['2', 'Phạm Thị Hoa', 'Phó Chánh văn phòng, Văn phòng', '5/5', '100%'],
    ]);
    const sig = bodyTables(parts).at(-1)!;
    const [left, right] = children(children(sig, 'w:tr')[0]!, 'w:tc');
    expect(all(left!, 'w:p').map((p) => wText(p))).toEqual(['THƯ KÝ', 'Lý Thị Mai']);
    expect(all(right!, 'w:p').map((p) => wText(p))).toEqual(['CHỦ TỌA', 'Vũ Thị Lan']);
    expect(wText(parts.document)).not.toContain('Nơi nhận');
  });

  it('phiếu biểu quyết: the council, PHIẾU BIỂU QUYẾT, the meeting, how to mark it, a row per nominee in the results order with empty boxes, unsigned; none for a dossier without nominees', async () => {
    const f = await office.core.invoke('dossiers.ballot', { id: dossier.id });
    expect(f.fileName).toBe('Phieu-bieu-quyet_PNVSP_2025_BK-TINH.docx');
    const parts = openDocx(Buffer.from(f.base64, 'base64'));
    const texts = allText(parts);
    expect(texts).toContain('PHÒNG NỘI VỤ XÃ SA PA');
    expect(texts).toContain('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG');
    expect(isOn(runProps(parts.document, 'PHIẾU BIỂU QUYẾT'), 'w:b')).toBe(true);
    expect(texts).toContain('Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2025');
    expect(texts).toContain('(Phiên họp Hội đồng Thi đua - Khen thưởng ngày 18/11/2025)');
    expect(isOn(runProps(parts.document, 'Cách ghi phiếu'), 'w:i')).toBe(true);
    const ballot = bodyTables(parts).find((t) => wText(t).includes('Không đồng ý'))!;
    const [head, ...rows] = children(ballot, 'w:tr');
    expect(children(head!, 'w:tc').map((c) => wText(c))).toEqual(['STT', 'Họ và tên (tên tập thể)', 'Chức vụ, đơn vị', 'Đồng ý', 'Không đồng ý']);
    // the biên bản's numbering, the boxes left to mark (the votes already entered are not printed)
    expect(rows.map((r) => children(r, 'w:tc').map((c) => wText(c)))).toEqual([
      ['1', 'Hoàng Văn Đức', 'Phó Chủ tịch, Văn phòng', '', ''],
      ['2', 'Phạm Thị Hoa', 'Phó Chánh văn phòng, Văn phòng', '', ''],
    ]);
    // a secret ballot: no Nơi nhận, no signature, no number
    const text = wText(parts.document);
    expect(text).not.toContain('Nơi nhận');
    expect(text).not.toContain('Số:');
    expect(text).not.toContain('Vũ Thị Lan');

    const empty = await office.core.invoke('dossiers.create', { year: 2025, awardCode: 'CSTDCS' });
    await expect(office.core.invoke('dossiers.ballot', { id: empty.id })).rejects.toThrow('Hồ sơ chưa có cá nhân, tập thể nào được đề nghị');
    await office.core.invoke('dossiers.delete', { id: empty.id });
  });

  it('báo cáo thành tích: the template in force on 20/11/2025 (NĐ 98/2023 Mẫu 03: TT 20/2025 is not yet in force), prefilled sections and tables, two signers', async () => {
    const parts = openDocx(await docBytes('bao_cao', 1));
    const texts = allText(parts);
    expect(isOn(runProps(parts.document, 'BÁO CÁO THÀNH TÍCH'), 'w:b')).toBe(true);
    expect(texts).toContain('Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2025');
    expect(texts).toContain('Phạm Thị Hoa, Phó Chánh văn phòng, Văn phòng');
    for (const h of ['I. SƠ LƯỢC LÝ LỊCH', 'II. THÀNH TÍCH ĐẠT ĐƯỢC', '1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận', 'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG']) {
      const p = paragraphsContaining(parts.document, h)[0]!;
      expect(isOn(child(first(p, 'w:r')!, 'w:rPr'), 'w:b')).toBe(true);
    }
    expect(texts).toContain('Họ và tên: Phạm Thị Hoa');
    expect(texts).toContain('Sinh ngày, tháng, năm: 12/12/1990');
    expect(texts).toContain('- Năm 2025: Hoàn thành xuất sắc nhiệm vụ.');
    const titles = bodyTables(parts).find((t) => wText(t).includes('Danh hiệu thi đua'))!;
    const titleRows = children(titles, 'w:tr').slice(1).map((r) => children(r, 'w:tc').map((c) => wText(c)));
    expect(titleRows).toContainEqual(['2024', 'Chiến sĩ thi đua cơ sở', 'Quyết định số 34/QĐ-PNVSP ngày 20/12/2024 của Phòng Nội vụ xã Sa Pa']);
    const sig = bodyTables(parts).at(-1)!;
    const [left, right] = children(children(sig, 'w:tr')[0]!, 'w:tc');
    expect(all(left!, 'w:p').map((p) => wText(p))).toEqual(['THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ', '(Ký, đóng dấu)', 'Vũ Thị Lan']);
    expect(all(right!, 'w:p').map((p) => wText(p))).toEqual(['NGƯỜI BÁO CÁO THÀNH TÍCH', '(Ký, ghi rõ họ và tên)', 'Phạm Thị Hoa']);
    const report = await office.core.invoke('dossiers.getReport', { nomineeId: dossier.nominees[1]!.id });
    expect(report.template).toMatchObject({ id: 'nd98_2023.mau03', form: 'Mẫu số 03', caveats: [] });
    expect(report.inForce.id).toBe('nd98_2023.mau03');
  });

  it('danh sách .xlsx: title, reference to the tờ trình, one row per nominee', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await docBytes('danh_sach')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Danh sách')!;
    expect(ws.getCell(2, 1).value).toBe('DANH SÁCH');
    expect(String(ws.getCell(4, 1).value)).toContain('Tờ trình số 05/TTr-PNVSP ngày 20/11/2025');
    expect(ws.getRow(5).getCell(2).value).toBe('Họ và tên (tên tập thể)');
    expect([ws.getRow(6).getCell(2).value, ws.getRow(7).getCell(2).value]).toEqual(['Hoàng Văn Đức', 'Phạm Thị Hoa']);
    expect(ws.getRow(6).getCell(6).value).toBe('5/5');
    expect(ws.getRow(8).getCell(2).value ?? null).toBeNull();
    expect(ws.getCell(6, 2).font?.name).toBe(TNR);
    // printed on A4 across, the header row on every page, numbered pages
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' });
    expect(ws.headerFooter.oddFooter).toBe('&C&"Times New Roman"&10Trang &P/&N');
  });

  it('exports into a folder (documents + evidence) and as a .zip download', async () => {
    const dir = tempDir('tdkt-dossier-export-');
    const r = await office.core.invoke('dossiers.export', { id: dossier.id, folder: dir });
    expect(r.folder).toBe(dir);
    expect(r.files).toEqual([...dossier.documents.map((d) => d.fileName), 'Minh-chung/01_Hoang-Van-Duc_QD-cong-nhan-sang-kien.pdf']);
    for (const f of r.files) expect(fs.existsSync(path.join(dir, f))).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'Minh-chung/01_Hoang-Van-Duc_QD-cong-nhan-sang-kien.pdf')).toString('utf8')).toContain('%PDF-1.4');
    const zip = await office.core.invoke('dossiers.export', { id: dossier.id });
    expect(zip.zip!.fileName).toBe('Ho-so_PNVSP_2025_De-nghi-tang-Bang-khen-cua-Chu-tich-Uy.zip');
    const entries = unzipSync(Buffer.from(zip.zip!.base64, 'base64'));
    expect(Object.keys(entries)).toEqual(r.files);
    expect(Buffer.from(entries['01_To-trinh_PNVSP_2025.docx']!).equals(await docBytes('to_trinh'))).toBe(true);
  });

  it('HTML preview of each document', async () => {
    const t = await office.core.invoke('dossiers.previewHtml', { id: dossier.id, kind: 'to_trinh' });
    expect(t.html).toContain('<p class="od-kg">Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lào Cai</p>');
    const b = await office.core.invoke('dossiers.previewHtml', { id: dossier.id, kind: 'bao_cao', nomineeId: dossier.nominees[0]!.id });
    expect(b.title).toBe('Báo cáo thành tích — Hoàng Văn Đức');
    expect(b.html).toContain('NGƯỜI BÁO CÁO THÀNH TÍCH');
  });

  it('CLI: dossier list --json, dossier export ID --out DIR', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    const db = office.core.ctx.conn.path;
    expect(await runCli(['--db', db, 'dossier', 'list', '--json'], io)).toBe(0);
    const list = JSON.parse(out.join('\n')) as { id: string; status: string; nomineeCount: number }[];
    expect(list).toEqual([expect.objectContaining({ id: dossier.id, status: 'submitted', nomineeCount: 2 })]);
    out.length = 0;
    expect(await runCli(['--db', db, 'dossier', 'list'], io)).toBe(0);
    expect(out[0]).toContain('Đã gửi');
    out.length = 0;
    const dir = path.join(tempDir('tdkt-dossier-cli-'), 'ho-so');
    expect(await runCli(['--db', db, 'dossier', 'export', dossier.id, '--out', dir], io)).toBe(0);
    expect(out[0]).toBe(`Đã xuất 6 tệp vào ${dir}:`);
    expect(fs.readdirSync(dir).sort()).toEqual([...dossier.documents.map((d) => d.fileName), 'Minh-chung'].sort());
    expect(await runCli(['--db', db, 'dossier', 'export', dossier.id], io)).toBe(2);
    expect(err.join('\n')).toContain('Thiếu --out');
    expect(await runCli(['--db', db, 'dossier', 'export', 'khong-co', '--out', dir], io)).toBe(1);
    expect(err.join('\n')).toContain('Không tìm thấy hồ sơ đề nghị');
    // the ballot, into a folder under its own name
    out.length = 0;
    const ballots = tempDir('tdkt-dossier-ballot-');
    expect(await runCli(['--db', db, 'dossier', 'ballot', dossier.id, '--out', ballots], io)).toBe(0);
    const written = path.join(ballots, 'Phieu-bieu-quyet_PNVSP_2025_BK-TINH.docx');
    expect(out).toEqual([`Đã xuất phiếu biểu quyết: ${written}`]);
    expect(wText(openDocx(fs.readFileSync(written)).document)).toContain('Hoàng Văn Đức');
    expect(await runCli(['--db', db, 'dossier', 'ballot', dossier.id], io)).toBe(2);
  });
});
