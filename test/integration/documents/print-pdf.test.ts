// The print view printed to PDF by Chromium (what "Xuất PDF" and the CLI's `--format pdf` do),
// read back with pdf.js: text where NĐ 30/2020 puts it, and nothing clipped at the page edge.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../../shared/documents/html';
import type { OfficialDocument } from '../../../shared/documents/model';
import { htmlToPdf } from '../../../electron/services/pdf/chromium-pdf';
import { samplePlan } from './sample';

const PT_PER_MM = 72 / 25.4;

interface Line {
  text: string;
  /** left edge of the line's first item, mm from the page's left edge */
  leftMm: number;
  rightMm: number;
  /** baseline, mm from the page's top edge */
  topMm: number;
}

interface PageText {
  widthMm: number;
  lines: Line[];
}

/** Each page's text as lines (items on one baseline joined left to right). */
async function pdfLines(pdf: Uint8Array): Promise<PageText[]> {
  const doc = await getDocument({ data: pdf, disableFontFace: true, isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: PageText[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const rows = new Map<number, Array<{ x: number; right: number; str: string }>>();
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const x = item.transform[4] as number;
      const y = Math.round(item.transform[5] as number);
      const row = rows.get(y) ?? [];
      row.push({ x, right: x + item.width, str: item.str });
      rows.set(y, row);
    }
    const lines = [...rows]
      .sort((a, b) => b[0] - a[0])
      .map(([y, items]): Line => {
        items.sort((a, b) => a.x - b.x);
        let text = '';
        let end = -Infinity;
        for (const it of items) {
          // a gap of more than a space's width: two words (or two columns)
          text += (text && it.x - end > 1 ? ' ' : '') + it.str;
          end = it.right;
        }
        return {
          text: text.replace(/\s+/g, ' ').trim(),
          leftMm: items[0]!.x / PT_PER_MM,
          rightMm: end / PT_PER_MM,
          topMm: (height - y) / PT_PER_MM,
        };
      });
    pages.push({ widthMm: width / PT_PER_MM, lines });
  }
  await doc.destroy();
  return pages;
}

function longPlan(): OfficialDocument {
  const plan = samplePlan();
  // long enough for a second page (its number) before the landscape appendix
  const filler = Array.from({ length: 30 }, (_, i) => ({
    kind: 'paragraph' as const,
    runs: [{ text: `Nội dung ${i + 1}: các phòng, đơn vị trực thuộc Sở tổ chức triển khai phong trào thi đua, đăng ký danh hiệu thi đua và báo cáo kết quả về Văn phòng Sở đúng thời hạn quy định.` }],
  }));
  return { ...plan, body: [...plan.body, ...filler] };
}

describe('PDF of the print view (Chromium)', () => {
  let pages: PageText[];
  beforeAll(async () => {
    pages = await pdfLines(await htmlToPdf(renderHtml(longPlan())));
  }, 60_000);

  it('prints the whole issuing agency: the header reaches into the left margin and nothing is clipped', () => {
    const head = pages[0]!.lines.filter((l) => l.topMm < 45);
    const joined = head.map((l) => l.text).join(' ');
    expect(joined).toContain('UBND TỈNH LÀO CAI');
    // before the fix "SỞ" fell outside the printed page area and was dropped
    expect(joined).toMatch(/SỞ LAO ĐỘNG - THƯƠNG BINH .*VÀ XÃ HỘI/);
    expect(joined).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const agency = head.find((l) => l.text.startsWith('SỞ LAO ĐỘNG'))!;
    // the header column starts 7 mm into the 30 mm margin
    expect(agency.leftMm).toBeGreaterThan(23);
    expect(agency.leftMm).toBeLessThan(30);
  });

  it('keeps the text 30 mm from the left edge and 15 mm from the right, portrait and landscape', () => {
    const portrait = pages.filter((p) => p.widthMm < 250);
    const landscape = pages.filter((p) => p.widthMm >= 250);
    expect(portrait.length).toBeGreaterThanOrEqual(2);
    expect(landscape).toHaveLength(1);
    for (const page of portrait) {
      // justified paragraphs: their later lines start at the left edge of the text
      const body = page.lines.filter((l) => l.topMm > 60 && l.text.length > 40);
      expect(Math.min(...body.map((l) => l.leftMm))).toBeCloseTo(30, 0);
      expect(Math.max(...body.map((l) => l.rightMm))).toBeLessThanOrEqual(page.widthMm - 15 + 0.5);
    }
    // the appendix heading is centred over the landscape page's text block (30 mm to 297 − 15 mm)
    const heading = landscape[0]!.lines.find((l) => l.text.startsWith('(Kèm theo Kế hoạch'))!;
    expect(Math.abs((heading.leftMm + heading.rightMm) / 2 - (30 + 297 - 15) / 2)).toBeLessThan(1);
    expect(Math.min(...landscape[0]!.lines.map((l) => l.leftMm))).toBeGreaterThan(30);
  });

  it('numbers the pages from page 2, centred over the text in the top margin', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]!.lines.some((l) => l.topMm < 20 && /^\d+$/.test(l.text))).toBe(false);
    const number = pages[1]!.lines.find((l) => l.topMm < 20 && l.text === '2')!;
    expect(number).toBeDefined();
    const centre = (number.leftMm + number.rightMm) / 2;
    // the text block runs from 30 mm to 210 − 15 mm
    expect(Math.abs(centre - (30 + (210 - 15)) / 2)).toBeLessThan(1);
  });
});
