// Prints the HTML view to PDF with Chromium (as the app does) and checks the pages: A4
// portrait for the text, A4 landscape for a landscape appendix, page numbers from page 2.
// Skipped when Debian's Chromium is not installed.
import { existsSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { renderHtml } from '../../../shared/documents/html';
import type { OfficialDocument } from '../../../shared/documents/model';
import { samplePlan } from './sample';

const CHROMIUM = '/usr/bin/chromium';

function longPlan(): OfficialDocument {
  const doc = samplePlan();
  for (let i = 1; i <= 40; i++) {
    doc.body.push({
      kind: 'paragraph',
      runs: [{ text: `Nội dung thứ ${i}: các phòng, đơn vị trực thuộc Sở tổ chức triển khai thực hiện nghiêm túc, hiệu quả.` }],
    });
  }
  return doc;
}

/** Page sizes (points, rounded) in page order, and the number of text objects in the content streams. */
function inspectPdf(pdf: Buffer): { pages: [number, number][]; textObjects: number } {
  const raw = pdf.toString('latin1');
  const pages = [...raw.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
    (m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))] as [number, number],
  );
  let textObjects = 0;
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      const content = inflateSync(Buffer.from(raw.slice(start, end), 'latin1')).toString('latin1');
      textObjects += (content.match(/\bBT\b/g) ?? []).length;
    } catch {
      // not a deflated stream (fonts, images)
    }
  }
  return { pages, textObjects };
}

describe.skipIf(!existsSync(CHROMIUM))('renderHtml printed by Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function print(html: string): Promise<Buffer> {
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } finally {
      await page.close();
    }
  }

  it('prints A4 portrait pages, then the landscape appendix on A4 landscape, numbering pages from 2', async () => {
    const doc = longPlan();
    const withNumbers = inspectPdf(await print(renderHtml(doc)));
    const without = inspectPdf(await print(renderHtml(doc, { pageNumbers: false })));

    const n = withNumbers.pages.length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(withNumbers.pages.slice(0, n - 1).every(([w, h]) => w === 595 && h === 842)).toBe(true);
    expect(withNumbers.pages[n - 1]).toEqual([842, 595]);
    expect(without.pages).toEqual(withNumbers.pages);
    // one page number per page but the first
    expect(withNumbers.textObjects - without.textObjects).toBe(n - 1);
  }, 60_000);
});
