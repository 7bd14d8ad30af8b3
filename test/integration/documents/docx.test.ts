import { beforeAll, describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { renderDocx } from '../../../electron/services/documents/docx';
import { docxPlainText, documentXmlPlainText } from '../../../electron/services/documents/docx-text';
import type { OfficialDocument } from '../../../shared/documents/model';
import { formatPlaceDate } from '../../../shared/text/vn';
import {
  all,
  attr,
  child,
  children,
  first,
  isOn,
  openDocx,
  paragraphsContaining,
  parseXml,
  wText,
  type DocxParts,
} from '../../support/docx-xml';
import { samplePlan } from './sample';

const TNR = 'Times New Roman';

/** The run properties of the first run whose text contains `needle`. */
function runProps(root: DocxParts['document'] | Element, needle: string): Element {
  const run = all(root, 'w:r').find((r) => wText(r).includes(needle));
  if (!run) throw new Error(`no run with "${needle}"`);
  const rPr = child(run, 'w:rPr');
  if (!rPr) throw new Error(`run "${needle}" has no rPr`);
  return rPr;
}

const sz = (rPr: Element) => attr(child(rPr, 'w:sz'), 'w:val');

function paragraph(root: DocxParts['document'], needle: string): Element {
  const p = paragraphsContaining(root, needle)[0];
  if (!p) throw new Error(`no paragraph with "${needle}"`);
  return p;
}

const pPr = (p: Element) => child(p, 'w:pPr');
const jc = (p: Element) => attr(child(p, 'w:pPr', 'w:jc'), 'w:val');
const firstLine = (p: Element) => attr(child(p, 'w:pPr', 'w:ind'), 'w:firstLine');

/** The w:p that follows `p` among its siblings. */
function nextParagraph(p: Element): Element | undefined {
  const parent = p.parentNode as Element | null;
  if (!parent) return undefined;
  const sibs = children(parent, 'w:p');
  return sibs[sibs.indexOf(p) + 1];
}

function tableBorders(tbl: Element): Record<string, string | null> {
  const b = child(tbl, 'w:tblPr', 'w:tblBorders');
  const out: Record<string, string | null> = {};
  for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) out[side] = attr(child(b, `w:${side}`), 'w:val');
  return out;
}

/** Top-level tables of the body, in order. */
function bodyTables(parts: DocxParts): Element[] {
  const body = first(parts.document, 'w:body');
  if (!body) throw new Error('no body');
  return children(body, 'w:tbl');
}

const gridWidths = (tbl: Element) => children(child(tbl, 'w:tblGrid')!, 'w:gridCol').map((g) => Number(attr(g, 'w:w')));

describe('renderDocx: NĐ 30/2020 layout of a plan', () => {
  let bytes: Uint8Array;
  let parts: DocxParts;

  beforeAll(async () => {
    bytes = await renderDocx(samplePlan());
    parts = openDocx(bytes);
  });

  it('is a zip package with the main parts', () => {
    expect(bytes[0]).toBe(0x50); // "PK"
    expect(bytes[1]).toBe(0x4b);
    expect(Object.keys(parts.files)).toEqual(
      expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/settings.xml', '[Content_Types].xml']),
    );
  });

  it('lays out the first section as A4 portrait with margins 20/20/30/15 mm and a titled first page', () => {
    expect(parts.sections).toHaveLength(2);
    const s = parts.sections[0]!;
    const pgSz = child(s, 'w:pgSz');
    expect(attr(pgSz, 'w:w')).toBe('11906');
    expect(attr(pgSz, 'w:h')).toBe('16838');
    expect(attr(pgSz, 'w:orient') ?? 'portrait').toBe('portrait');
    const m = child(s, 'w:pgMar');
    expect([attr(m, 'w:top'), attr(m, 'w:bottom'), attr(m, 'w:left'), attr(m, 'w:right')]).toEqual(['1134', '1134', '1701', '851']);
    expect(Number(attr(m, 'w:header'))).toBeLessThan(1134); // the page number sits inside the top margin
    expect(isOn(s, 'w:titlePg')).toBe(true);
    expect(attr(child(s, 'w:pgNumType'), 'w:start')).toBe('1');
  });

  it('puts a centred PAGE field in the default header and leaves the first-page header empty', () => {
    const s = parts.sections[0]!;
    const defPath = parts.headerPath(s, 'default');
    const firstPath = parts.headerPath(s, 'first');
    expect(defPath).toBeDefined();
    expect(firstPath).toBeDefined();
    expect(defPath).not.toBe(firstPath);

    const def = parts.part(defPath!);
    const instr = all(def, 'w:instrText').map((i) => (i.textContent ?? '').trim());
    const simple = all(def, 'w:fldSimple').map((f) => (attr(f, 'w:instr') ?? '').trim());
    expect([...instr, ...simple]).toContain('PAGE');
    expect(all(def, 'w:fldChar').map((f) => attr(f, 'w:fldCharType'))).toEqual(['begin', 'separate', 'end']);
    const p = first(def, 'w:p')!;
    expect(jc(p)).toBe('center');
    expect(attr(child(first(def, 'w:rPr'), 'w:rFonts'), 'w:ascii')).toBe(TNR);

    const firstHdr = parts.part(firstPath!);
    expect(wText(firstHdr)).toBe('');
    expect(all(firstHdr, 'w:fldChar')).toHaveLength(0);
    expect(all(firstHdr, 'w:instrText')).toHaveLength(0);
  });

  it('puts the appendix on a landscape A4 section that starts a new page and keeps page numbers', () => {
    const s = parts.sections[1]!;
    const pgSz = child(s, 'w:pgSz');
    expect(attr(pgSz, 'w:orient')).toBe('landscape');
    expect(attr(pgSz, 'w:w')).toBe('16838');
    expect(attr(pgSz, 'w:h')).toBe('11906');
    expect(attr(child(s, 'w:type'), 'w:val')).toBe('nextPage');
    expect(isOn(s, 'w:titlePg')).toBe(false);
    const def = parts.part(parts.headerPath(s, 'default')!);
    expect(all(def, 'w:instrText').map((i) => (i.textContent ?? '').trim())).toContain('PAGE');
    // the section break of the main text is carried by a paragraph, after the signature table
    const sectInP = parts.sections[0]!.parentNode as Element;
    expect(sectInP.localName).toBe('pPr');
  });

  it('sets Times New Roman 14 pt black as the document default, for every script', () => {
    const rPrDefault = first(parts.styles, 'w:rPrDefault')!;
    const fonts = first(rPrDefault, 'w:rFonts')!;
    for (const a of ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs']) expect(attr(fonts, a)).toBe(TNR);
    for (const a of ['w:asciiTheme', 'w:hAnsiTheme', 'w:eastAsiaTheme', 'w:cstheme']) expect(attr(fonts, a)).toBeNull();
    expect(attr(first(rPrDefault, 'w:sz'), 'w:val')).toBe('28');
    expect(attr(first(rPrDefault, 'w:color'), 'w:val')).toBe('000000');
    expect(attr(first(rPrDefault, 'w:lang'), 'w:val')).toBe('vi-VN');
  });

  it('writes Times New Roman and a size on every run of the body', () => {
    const runs = all(parts.document, 'w:r');
    expect(runs.length).toBeGreaterThan(50);
    for (const r of runs) {
      const rPr = child(r, 'w:rPr');
      expect(attr(child(rPr, 'w:rFonts'), 'w:ascii')).toBe(TNR);
      expect(attr(child(rPr, 'w:rFonts'), 'w:cs')).toBe(TNR);
      expect(child(rPr, 'w:sz')).toBeDefined();
      expect(attr(child(rPr, 'w:color'), 'w:val') ?? '000000').toBe('000000');
    }
    // no theme fonts anywhere in the body
    expect(parts.files['word/document.xml']).not.toMatch(/asciiTheme|hAnsiTheme/);
  });

  it('formats the header block: agencies, number, quốc hiệu, tiêu ngữ and date', () => {
    const parent = runProps(parts.document, 'UBND TỈNH LÀO CAI');
    expect(sz(parent)).toBe('26');
    expect(isOn(parent, 'w:b')).toBe(false);

    const agency = runProps(parts.document, 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');
    expect(sz(agency)).toBe('26');
    expect(isOn(agency, 'w:b')).toBe(true);

    const num = runProps(parts.document, 'Số: 05/KH-SLĐTBXH');
    expect(sz(num)).toBe('26');
    expect(isOn(num, 'w:b')).toBe(false);

    const qh = runProps(parts.document, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(sz(qh)).toBe('26');
    expect(isOn(qh, 'w:b')).toBe(true);

    const tn = runProps(parts.document, 'Độc lập - Tự do - Hạnh phúc');
    expect(sz(tn)).toBe('28');
    expect(isOn(tn, 'w:b')).toBe(true);

    const date = runProps(parts.document, 'Lào Cai, ngày 05 tháng 3 năm 2022');
    expect(sz(date)).toBe('28');
    expect(isOn(date, 'w:i')).toBe(true);
    expect(isOn(date, 'w:b')).toBe(false);
  });

  it('draws a borderless 2 × 2 header table with "Số" and the date on the same row', () => {
    const hdr = bodyTables(parts)[0]!;
    expect(Object.values(tableBorders(hdr)).every((v) => v === 'none' || v === 'nil')).toBe(true);
    const rows = children(hdr, 'w:tr');
    expect(rows).toHaveLength(2);
    const row2 = children(rows[1]!, 'w:tc').map((tc) => wText(tc));
    expect(row2).toEqual(['Số: 05/KH-SLĐTBXH', 'Lào Cai, ngày 05 tháng 3 năm 2022']);
    expect(attr(child(hdr, 'w:tblPr', 'w:tblLayout'), 'w:type')).toBe('fixed');
    // quốc hiệu column wide enough for the line (≈ 9.6 cm at 13 pt bold)
    expect(gridWidths(hdr)[1]).toBeGreaterThanOrEqual(5600);
    for (const p of all(hdr, 'w:p').filter((x) => wText(x))) expect(jc(p)).toBe('center');
  });

  it('rules a short line under the issuing agency and a full-length line under the tiêu ngữ', () => {
    const agencyP = paragraph(parts.document, 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');
    const rule1 = nextParagraph(agencyP)!;
    expect(wText(rule1)).toBe('');
    const b1 = child(rule1, 'w:pPr', 'w:pBdr', 'w:bottom');
    expect(attr(b1, 'w:val')).toBe('single');
    const ind1 = child(rule1, 'w:pPr', 'w:ind')!;
    expect(attr(ind1, 'w:left')).toBe(attr(ind1, 'w:right'));
    const cellW = 4100 - 2 * 28;
    const ruleW1 = cellW - 2 * Number(attr(ind1, 'w:left'));
    // 1/3–1/2 of the agency's longest line (wrapped into the 7.1 cm column)
    expect(ruleW1).toBeGreaterThan(cellW * 0.25);
    expect(ruleW1).toBeLessThan(cellW * 0.5);

    const tnP = paragraph(parts.document, 'Độc lập - Tự do - Hạnh phúc');
    const rule2 = nextParagraph(tnP)!;
    expect(attr(child(rule2, 'w:pPr', 'w:pBdr', 'w:bottom'), 'w:val')).toBe('single');
    const ind2 = child(rule2, 'w:pPr', 'w:ind')!;
    const ruleW2 = 5650 - 2 * 28 - 2 * Number(attr(ind2, 'w:left'));
    // "Độc lập - Tự do - Hạnh phúc" at 14 pt bold ≈ 6 cm
    expect(ruleW2).toBeGreaterThan(3000);
    expect(ruleW2).toBeLessThan(3700);
  });

  it('centres the document type and the trích yếu in bold, with a short rule under the title', () => {
    const dt = paragraph(parts.document, 'KẾ HOẠCH');
    expect(wText(dt)).toBe('KẾ HOẠCH');
    expect(jc(dt)).toBe('center');
    const dtr = runProps(parts.document, 'KẾ HOẠCH');
    expect(isOn(dtr, 'w:b')).toBe(true);
    expect(sz(dtr)).toBe('28');

    const title = paragraph(parts.document, 'Công tác thi đua, khen thưởng năm 2022');
    expect(jc(title)).toBe('center');
    expect(isOn(runProps(parts.document, 'Công tác thi đua, khen thưởng năm 2022'), 'w:b')).toBe(true);
    const rule = nextParagraph(title)!;
    expect(wText(rule)).toBe('');
    expect(attr(child(rule, 'w:pPr', 'w:pBdr', 'w:bottom'), 'w:val')).toBe('single');
    expect(Number(attr(child(rule, 'w:pPr', 'w:ind'), 'w:left'))).toBeGreaterThan(2000);
  });

  it('sets bases in italic and the body justified with a 1.27 cm first-line indent, 6 pt after, 1.15 lines', () => {
    const basis = paragraph(parts.document, 'Căn cứ Luật Thi đua');
    expect(isOn(runProps(parts.document, 'Căn cứ Luật Thi đua'), 'w:i')).toBe(true);
    expect(jc(basis)).toBe('both');
    expect(firstLine(basis)).toBe('720');

    for (const needle of ['Phát huy truyền thống', 'Thực hiện Kế hoạch số 12', 'Trên đây là Kế hoạch']) {
      const p = paragraph(parts.document, needle);
      expect(jc(p)).toBe('both');
      expect(firstLine(p)).toBe('720');
      const spacing = child(pPr(p), 'w:spacing');
      expect(attr(spacing, 'w:after')).toBe('120');
      expect(attr(spacing, 'w:line')).toBe('276');
      expect(attr(spacing, 'w:lineRule')).toBe('auto');
      expect(sz(runProps(p, needle.slice(0, 8)))).toBe('28');
    }
    // the closing sentence is kept with the signature block
    expect(isOn(pPr(paragraph(parts.document, 'Trên đây là Kế hoạch')), 'w:keepNext')).toBe(true);
    // a run's own bold is kept
    expect(isOn(runProps(parts.document, 'thi đua yêu nước'), 'w:b')).toBe(true);
    expect(isOn(runProps(parts.document, 'Phát huy truyền thống'), 'w:b')).toBe(false);
    // align and noIndent of a paragraph
    const centred = paragraph(parts.document, 'Ghi chú căn giữa');
    expect(jc(centred)).toBe('center');
    expect(firstLine(centred)).toBe('0');
  });

  it('sets headings: levels 1–2 bold, level 3 italic, labels first, kept with the next paragraph', () => {
    for (const [text, bold, italic] of [
      ['I. MỤC ĐÍCH, YÊU CẦU', true, false],
      ['1. Mục đích', true, false],
      ['a) Đối với cá nhân', false, true],
    ] as const) {
      const p = paragraph(parts.document, text);
      expect(wText(p)).toBe(text);
      expect(isOn(pPr(p), 'w:keepNext')).toBe(true);
      for (const r of all(p, 'w:r')) {
        expect(isOn(child(r, 'w:rPr'), 'w:b')).toBe(bold);
        expect(isOn(child(r, 'w:rPr'), 'w:i')).toBe(italic);
      }
    }
    expect(wText(paragraph(parts.document, 'Đăng ký thi đua'))).toBe('- Đăng ký thi đua trước ngày 15/3/2022;');
    expect(wText(paragraph(parts.document, 'Chỉ tiêu'))).toBe('+ Chỉ tiêu: 100% hoàn thành nhiệm vụ.');
  });

  it('draws data tables with borders, a bold centred repeated header row and widths normalised to the page', () => {
    const tables = bodyTables(parts);
    expect(tables).toHaveLength(4); // header, body table, signature, appendix table
    const body = tables[1]!;
    expect(Object.values(tableBorders(body)).every((v) => v === 'single')).toBe(true);
    expect(gridWidths(body).reduce((a, b) => a + b, 0)).toBe(9354);
    expect(gridWidths(body)).toEqual([7015, 2339]);
    const [head, r1] = children(body, 'w:tr');
    expect(isOn(child(head, 'w:trPr'), 'w:tblHeader')).toBe(true);
    for (const tc of children(head!, 'w:tc')) {
      expect(jc(first(tc, 'w:p')!)).toBe('center');
      for (const r of all(tc, 'w:r')) {
        expect(isOn(child(r, 'w:rPr'), 'w:b')).toBe(true);
        expect(sz(child(r, 'w:rPr')!)).toBe('26');
      }
    }
    const cells = children(r1!, 'w:tc');
    expect(cells.map((c) => wText(c))).toEqual(['Lao động tiên tiến', '120']);
    expect(jc(first(cells[1]!, 'w:p')!)).toBe('right');
    expect(firstLine(first(cells[0]!, 'w:p')!)).toBe('0');
  });

  it('fills the landscape width with the appendix table and draws group rows bold across the empty cells', () => {
    const appx = bodyTables(parts)[3]!;
    expect(Object.values(tableBorders(appx)).every((v) => v === 'single')).toBe(true);
    expect(gridWidths(appx).reduce((a, b) => a + b, 0)).toBe(16838 - 1701 - 851);
    const rows = children(appx, 'w:tr');
    expect(rows.map((r) => children(r, 'w:tc').map((c) => wText(c)).join('|'))).toEqual([
      'TT|Nội dung công việc|Đơn vị chủ trì|Đơn vị phối hợp',
      'I|Công việc thực hiện trong Quý I',
      '1|Kế hoạch công tác TĐKT năm 2022|Văn phòng Sở|Các phòng, đơn vị trực thuộc Sở',
      '2|Kế hoạch phát động phong trào thi đua toàn diện năm 2022|Văn phòng Sở|Các phòng, đơn vị trực thuộc Sở',
      'II|Công việc thực hiện trong Quý II',
      '1|Báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2022|Văn phòng Sở|Các phòng, đơn vị trực thuộc Sở',
    ]);
    const group = rows[1]!;
    const groupCells = children(group, 'w:tc');
    expect(attr(child(groupCells[1], 'w:tcPr', 'w:gridSpan'), 'w:val')).toBe('3');
    for (const r of all(group, 'w:r')) expect(isOn(child(r, 'w:rPr'), 'w:b')).toBe(true);
    for (const r of all(rows[2]!, 'w:r')) expect(isOn(child(r, 'w:rPr'), 'w:b')).toBe(false);
    expect(jc(first(children(rows[2]!, 'w:tc')[0]!, 'w:p')!)).toBe('center');

    const heading = paragraph(parts.document, 'PHỤ LỤC');
    expect(jc(heading)).toBe('center');
    expect(isOn(runProps(parts.document, 'PHỤ LỤC'), 'w:b')).toBe(true);
    const sub = paragraph(parts.document, '(Kèm theo Kế hoạch số 05');
    expect(jc(sub)).toBe('center');
    expect(isOn(runProps(parts.document, '(Kèm theo Kế hoạch số 05'), 'w:i')).toBe(true);
  });

  it('draws the signature block: Nơi nhận 12 bold italic, recipients 11 with dashes and punctuation, KT. signer', () => {
    const sig = bodyTables(parts)[2]!;
    expect(Object.values(tableBorders(sig)).every((v) => v === 'none' || v === 'nil')).toBe(true);
    const [left, right] = children(children(sig, 'w:tr')[0]!, 'w:tc');

    const nn = runProps(left!, 'Nơi nhận:');
    expect(isOn(nn, 'w:b')).toBe(true);
    expect(isOn(nn, 'w:i')).toBe(true);
    expect(sz(nn)).toBe('24');
    const lines = all(left!, 'w:p').map((p) => wText(p)).filter((t) => t);
    expect(lines).toEqual(['Nơi nhận:', '- Bộ Lao động - TBXH;', '- UBND tỉnh;', '- Lãnh đạo Sở;', '- Lưu: VT, VP.']);
    for (const p of all(left!, 'w:p').slice(1)) {
      for (const r of all(p, 'w:r')) {
        expect(sz(child(r, 'w:rPr')!)).toBe('22');
        expect(isOn(child(r, 'w:rPr'), 'w:b')).toBe(false);
      }
    }

    const rightLines = all(right!, 'w:p').map((p) => wText(p)).filter((t) => t);
    expect(rightLines).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Thị Hồng Minh']);
    for (const t of rightLines) {
      const rPr = runProps(right!, t);
      expect(isOn(rPr, 'w:b')).toBe(true);
      expect(sz(rPr)).toBe('28');
      expect(jc(paragraph(parts.document, t))).toBe('center');
    }
    // room for the signature above the name
    const name = paragraph(parts.document, 'Nguyễn Thị Hồng Minh');
    expect(Number(attr(child(pPr(name), 'w:spacing'), 'w:before'))).toBeGreaterThanOrEqual(1440);
    // "Nơi nhận:" level with the signer's title
    const kt = paragraph(parts.document, 'KT. GIÁM ĐỐC');
    const nnP = paragraph(parts.document, 'Nơi nhận:');
    expect(attr(child(pPr(nnP), 'w:spacing'), 'w:before')).toBe(attr(child(pPr(kt), 'w:spacing'), 'w:before'));
  });

  it('keeps the content in reading order (docxPlainText)', () => {
    const text = docxPlainText(bytes);
    const lines = text.split('\n');
    expect(lines[0]).toBe('UBND TỈNH LÀO CAI SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc');
    expect(lines[1]).toBe('Số: 05/KH-SLĐTBXH\tLào Cai, ngày 05 tháng 3 năm 2022');
    const order = [
      'KẾ HOẠCH',
      'Công tác thi đua, khen thưởng năm 2022',
      'Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;',
      'Căn cứ Nghị định số 91/2017/NĐ-CP',
      'Thực hiện Kế hoạch số 12/KH-UBND',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'Phát huy truyền thống, thi đua yêu nước trong cán bộ, công chức.',
      '2. Yêu cầu',
      'a) Đối với cá nhân',
      '- Đăng ký thi đua',
      '+ Chỉ tiêu',
      'II. NỘI DUNG',
      'Danh hiệu\tSố lượng',
      'Lao động tiên tiến\t120',
      'Chiến sĩ thi đua cơ sở\t18',
      'Ghi chú căn giữa',
      'Trên đây là Kế hoạch',
      'Nơi nhận: - Bộ Lao động - TBXH; - UBND tỉnh; - Lãnh đạo Sở; - Lưu: VT, VP.\tKT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Nguyễn Thị Hồng Minh',
      'PHỤ LỤC',
      '(Kèm theo Kế hoạch số 05/KH-SLĐTBXH',
      'TT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp',
      'I\tCông việc thực hiện trong Quý I',
      '1\tKế hoạch công tác TĐKT năm 2022\tVăn phòng Sở\tCác phòng, đơn vị trực thuộc Sở',
      'II\tCông việc thực hiện trong Quý II',
    ];
    let at = 1;
    for (const want of order) {
      const idx = lines.findIndex((l, i) => i > at && l.startsWith(want));
      expect(idx, `"${want}" after line ${at}`).toBeGreaterThan(at);
      at = idx;
    }
  });
});

describe('renderDocx: variants', () => {
  it('omits page numbers when asked', async () => {
    const parts = openDocx(await renderDocx(samplePlan(), { pageNumbers: false }));
    for (const [path, xml] of Object.entries(parts.files)) {
      if (/^word\/header\d*\.xml$/.test(path)) expect(xml).not.toContain('PAGE');
    }
    for (const s of parts.sections) expect(isOn(s, 'w:titlePg')).toBe(false);
  });

  it('renders several documents as consecutive sections, each restarting its page numbers', async () => {
    const a = samplePlan();
    const b: OfficialDocument = { ...samplePlan(), docType: 'Tờ trình', appendices: [] };
    const parts = openDocx(await renderDocx([a, b]));
    expect(parts.sections).toHaveLength(3);
    const starts = parts.sections.map((s) => attr(child(s, 'w:pgNumType'), 'w:start'));
    expect(starts).toEqual(['1', null, '1']);
    expect(parts.sections.map((s) => isOn(s, 'w:titlePg'))).toEqual([true, false, true]);
    const text = documentXmlPlainText(parts.files['word/document.xml']!);
    expect(text.indexOf('TỜ TRÌNH')).toBeGreaterThan(text.indexOf('PHỤ LỤC'));
  });

  it('writes user text literally (XML-escaped), keeps blank number/day spaces, and handles no signer/recipients', async () => {
    const doc: OfficialDocument = {
      ...samplePlan(),
      header: { agency: 'Phòng <Nội vụ> & "LĐ"', numberLine: 'Số:        /KH-PNV', place: 'Sa Pa', date: { year: 2026 } },
      title: ['<script>alert(1)</script> & co'],
      recipients: [],
      signer: null,
      appendices: [],
    };
    const bytes = await renderDocx(doc);
    const parts = openDocx(bytes);
    expect(wText(parts.document)).toContain('<script>alert(1)</script> & co');
    expect(parts.files['word/document.xml']).toContain('&lt;script&gt;');
    expect(wText(parts.document)).toContain('PHÒNG <NỘI VỤ> & "LĐ"');
    expect(wText(parts.document)).toContain('Số:        /KH-PNV');
    expect(wText(parts.document)).toContain(formatPlaceDate('Sa Pa', { year: 2026 }));
    expect(formatPlaceDate('Sa Pa', { year: 2026 })).toMatch(/^Sa Pa, ngày {3,}tháng {3,}năm 2026$/);
    expect(parts.sections).toHaveLength(1);
    expect(bodyTables(parts)).toHaveLength(2); // header + body table, no signature table
    // document properties carry the title, escaped as well
    const core = parseXml(parts.files['docProps/core.xml']!);
    expect(core.getElementsByTagName('dc:title').item(0)?.textContent).toBe('KẾ HOẠCH <script>alert(1)</script> & co');
  });

  it('renders a portrait appendix without orientation change', async () => {
    const doc = samplePlan();
    doc.appendices = [{ ...doc.appendices[0]!, landscape: false }];
    const parts = openDocx(await renderDocx(doc));
    const pgSz = child(parts.sections[1]!, 'w:pgSz');
    expect(attr(pgSz, 'w:w')).toBe('11906');
    expect(attr(pgSz, 'w:orient') ?? 'portrait').toBe('portrait');
    expect(gridWidths(bodyTables(parts)[3]!).reduce((a, b) => a + b, 0)).toBe(9354);
  });
});

describe('docxPlainText', () => {
  it('reads paragraphs and tables in body order, with tabs, breaks, and without field codes or deletions', () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const xml = `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>
      <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p>
      <w:p/>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>z</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>w</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
      <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>7</w:t></w:r><w:del><w:r><w:delText>old</w:delText></w:r></w:del><w:ins><w:r><w:t>new</w:t></w:r></w:ins></w:p>
    </w:body></w:document>`;
    expect(documentXmlPlainText(xml)).toBe('a\tb\nc\nx y\tz\n\tw\n7new');
    expect(documentXmlPlainText(xml, { cellParagraphSeparator: '/', keepEmpty: true })).toBe('a\tb\nc\n\nx/y\tz\n\tw\n7new');
  });

  it('rejects a zip without word/document.xml', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    expect(() => docxPlainText(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/document\.xml/);
  });
});
