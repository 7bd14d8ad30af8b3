import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml, renderHtmlBody } from '../../../shared/documents/html';
import type { OfficialDocument } from '../../../shared/documents/model';
import {
  layoutRowCells,
  normaliseWidths,
  officialPrintCss,
  recipientLines,
  signerTitleLines,
} from '../../../shared/documents/print-css';
import { samplePlan } from './sample';

/** Text content of the HTML, tags removed and entities decoded, whitespace collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/<br>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('renderHtml: print view', () => {
  const html = renderHtml(samplePlan());

  it('is a standalone page: doctype, UTF-8, inline CSS, no scripts or external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<html lang="vi">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\(|\bsrc=|\bhref=/i);
    expect(html).toContain("default-src 'none'");
  });

  it('declares A4 pages with the NĐ 30 margins, a landscape named page and page numbers from page 2', () => {
    // the printed page area starts 6.98 mm early (the header's reach into the margin), and
    // each printed sheet is padded by as much: the text stays 30 mm from the edge
    // (print-pdf.test.ts measures it in the PDF)
    expect(html).toMatch(/@page \{ size: A4 portrait; margin: 20mm 15mm 20mm 23.02mm; \}/);
    expect(html).toMatch(/@page landscape \{ size: A4 landscape; margin: 20mm 15mm 20mm 23.02mm; \}/);
    expect(html).toMatch(/@media print \{[\s\S]*\.sheet \{[^}]*padding: 0 0 0 6.98mm;/);
    expect(html).toMatch(/\.sheet\.landscape \{ page: landscape; \}/);
    expect(html).toMatch(/@top-center \{ content: counter\(page\)/);
    expect(html).toMatch(/@page :first \{ @top-center \{ content: none; \} \}/);
    expect(html).toMatch(/\.sheet \+ \.sheet \{ break-before: page; \}/);
    expect(renderHtml(samplePlan(), { pageNumbers: false })).not.toContain('counter(page)');
  });

  it('uses Times New Roman with metric-compatible local fallbacks and the official sizes', () => {
    expect(html).toContain("font-family: 'Times New Roman', 'Liberation Serif', 'Tinos', serif");
    expect(html).toMatch(/body \{[^}]*font-size: 14pt/);
    expect(html).toMatch(/\.od-qh \{ font-size: 13pt; font-weight: bold;/);
    expect(html).toMatch(/\.od-date \{ font-size: 14pt; font-style: italic;/);
    expect(html).toMatch(/\.od-rcpt-title \{ font-size: 12pt; font-weight: bold; font-style: italic; \}/);
    expect(html).toMatch(/\.od-rcpt \{ font-size: 11pt; \}/);
    expect(html).toMatch(/\.od-p \{ text-align: justify; text-indent: 1.27cm; margin: 0 0 6pt; \}/);
  });

  it('shows A4 sheets with shadows on a grey background on screen', () => {
    expect(html).toMatch(/@media screen \{[\s\S]*html \{ background: #[0-9a-f]{6}; \}[\s\S]*\.sheet \{ width: 210mm; min-height: 297mm;[^}]*box-shadow/);
    expect(html).toMatch(/\.sheet\.landscape \{ width: 297mm; min-height: 210mm; \}/);
  });

  it('puts the main text on a portrait sheet and the landscape appendix on a landscape sheet', () => {
    const sheets = [...html.matchAll(/<section class="([^"]+)">/g)].map((m) => m[1]);
    expect(sheets).toEqual(['sheet', 'sheet landscape']);
    const portrait = renderHtml({ ...samplePlan(), appendices: [{ ...samplePlan().appendices[0]!, landscape: false }] });
    expect([...portrait.matchAll(/<section class="([^"]+)">/g)].map((m) => m[1])).toEqual(['sheet', 'sheet']);
  });

  it('lays out the header and signature as two-column tables, in reading order', () => {
    expect(html).toContain('<table class="od-hdr">');
    expect(html).toContain('<table class="od-ftr">');
    const text = visibleText(html);
    const order = [
      'UBND TỈNH LÀO CAI',
      'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/KH-SLĐTBXH',
      'Lào Cai, ngày 05 tháng 3 năm 2022',
      'KẾ HOẠCH',
      'Công tác thi đua, khen thưởng năm 2022',
      'Căn cứ Luật Thi đua',
      'Thực hiện Kế hoạch số 12',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'a) Đối với cá nhân',
      '- Đăng ký thi đua',
      '+ Chỉ tiêu',
      'Danh hiệu Số lượng Lao động tiên tiến 120',
      'Trên đây là Kế hoạch',
      'Nơi nhận: - Bộ Lao động - TBXH; - UBND tỉnh; - Lãnh đạo Sở; - Lưu: VT, VP.',
      'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Nguyễn Thị Hồng Minh',
      'PHỤ LỤC',
      'TT Nội dung công việc Đơn vị chủ trì Đơn vị phối hợp I Công việc thực hiện trong Quý I 1 Kế hoạch',
    ];
    let at = -1;
    for (const want of order) {
      const idx = text.indexOf(want, at + 1);
      expect(idx, want).toBeGreaterThan(at);
      at = idx;
    }
  });

  it('marks headings, bases and tables with the classes the CSS styles', () => {
    expect(html).toContain('<p class="od-p od-h od-h1">I. MỤC ĐÍCH, YÊU CẦU</p>');
    expect(html).toContain('<p class="od-p od-h od-h3">a) Đối với cá nhân</p>');
    expect(html).toContain('<p class="od-p od-basis">Căn cứ Luật Thi đua');
    expect(html).toContain('<span style="font-weight:bold">thi đua yêu nước</span>');
    expect(html).toContain('<p class="od-p noindent al-center">Ghi chú căn giữa</p>');
    expect(html).toContain('<thead><tr><th>TT</th><th>Nội dung công việc</th>');
    expect(html).toContain('<tr class="group"><td class="al-center">I</td><td colspan="3">Công việc thực hiện trong Quý I</td></tr>');
    expect(html).toContain('<td class="al-right">120</td>');
  });

  it('escapes every user text: title, agency, number, bases, runs, table cells, recipients, names', () => {
    const evil = '<script>alert("x")</script>';
    const doc: OfficialDocument = {
      ...samplePlan(),
      header: { agency: `A ${evil}`, parentAgency: `P ${evil}`, numberLine: `Số: ${evil}`, place: `<b>X</b>`, date: { year: 2025, month: 1, day: 2 } },
      docType: `T ${evil}`,
      title: [`${evil} & 'q'`],
      bases: [`B ${evil}`],
      preamble: [[{ text: `R ${evil}`, bold: true }]],
      body: [
        { kind: 'heading', level: 1, label: `<i>`, runs: [{ text: evil }] },
        { kind: 'table', table: { columns: [{ header: evil, width: 1 }], rows: [{ cells: [[{ text: evil }]] }] } },
      ],
      closing: [[{ text: evil }]],
      recipients: [evil],
      signer: { prefix: 'KT.', authorityTitle: evil, position: evil, name: evil },
      appendices: [{ heading: evil, subtitle: [evil], blocks: [], landscape: true }],
    };
    const out = renderHtml(doc);
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toContain('<b>X</b>');
    expect(out).not.toContain('<i>');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    expect(out).toContain('&lt;b&gt;X&lt;/b&gt;, ngày 02 tháng 01 năm 2025');
    // the page <title> is escaped too
    expect(out).toMatch(/<title>T &lt;SCRIPT&gt;[^<]*<\/title>/);
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('keeps the blank spaces of an unnumbered "Số:" and an undated line', () => {
    const doc: OfficialDocument = {
      ...samplePlan(),
      header: { agency: 'Sở Nội vụ', numberLine: 'Số:        /KH-SNV', place: 'Lào Cai', date: { year: 2026 } },
    };
    const body = renderHtmlBody(doc);
    expect(body).toContain('<p class="od-number od-pre">Số:        /KH-SNV</p>');
    expect(body).toMatch(/<p class="od-date od-pre">Lào Cai, ngày {3,}tháng {3,}năm 2026<\/p>/);
    expect(officialPrintCss()).toContain('.od-pre { white-space: pre-wrap; }');
  });

  it('renders several documents one after another', () => {
    const out = renderHtml([samplePlan(), { ...samplePlan(), docType: 'Tờ trình', appendices: [] }]);
    expect([...out.matchAll(/<section class="([^"]+)">/g)].map((m) => m[1])).toEqual(['sheet', 'sheet landscape', 'sheet']);
    expect(out.indexOf('TỜ TRÌNH')).toBeGreaterThan(out.indexOf('PHỤ LỤC'));
  });
});

describe('shared layout rules', () => {
  it('normalises Nơi nhận lines: dash added once, ";" after each, "." after the last', () => {
    expect(recipientLines(['Bộ Nội vụ', '- UBND tỉnh;', 'Như trên,', '  ', 'Lưu: VT, VP.'])).toEqual([
      '- Bộ Nội vụ;',
      '- UBND tỉnh;',
      '- Như trên;',
      '- Lưu: VT, VP.',
    ]);
    expect(recipientLines([])).toEqual([]);
    expect(recipientLines(['Lưu VT'])).toEqual(['- Lưu VT.']);
  });

  it('builds signer title lines for each signing form', () => {
    expect(signerTitleLines({ prefix: 'KT.', authorityTitle: 'Giám đốc', position: 'Phó Giám đốc', name: 'A' })).toEqual([
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
    ]);
    expect(signerTitleLines({ position: 'Giám đốc', name: 'A' })).toEqual(['GIÁM ĐỐC']);
    expect(signerTitleLines({ prefix: 'TM.', authorityTitle: 'Ủy ban nhân dân', position: 'Chủ tịch', name: 'A' })).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
    ]);
    expect(signerTitleLines({ prefix: 'Q.', authorityTitle: 'GIÁM ĐỐC', position: 'Giám đốc', name: 'A' })).toEqual(['Q. GIÁM ĐỐC']);
    expect(signerTitleLines({ prefix: '', authorityTitle: '', position: 'Chánh Văn phòng', name: 'A' })).toEqual(['CHÁNH VĂN PHÒNG']);
  });

  it('spans group rows over trailing empty cells and pads short rows', () => {
    expect(layoutRowCells({ group: true, cells: [[{ text: 'I' }], [{ text: 'Quý I' }]] }, 4).map((c) => [c.col, c.span])).toEqual([
      [0, 1],
      [1, 3],
    ]);
    expect(layoutRowCells({ cells: [[{ text: '1' }]] }, 3).map((c) => [c.col, c.span, c.runs.length])).toEqual([
      [0, 1, 1],
      [1, 1, 0],
      [2, 1, 0],
    ]);
    expect(normaliseWidths([{ header: 'a', width: 1 }, { header: 'b', width: 2 }, { header: 'c', width: 0 }], 1000)).toEqual([250, 500, 250]);
  });
});
