// Campaigns and the plan editor in a real browser against the real core on a real SQLite file:
// campaign → plan from a template → structural and inline edits → live preview → DOCX/PDF
// export → autosave survives a reload and a restart → import a reference .docx.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { hasChromium, hostApi, e2eSession, type HostProcess } from './support/browser';
import { tempDir } from '../support/tmp';
import { planningYear } from '../../shared/plans/planning-year';

const REFERENCE_DOCX = path.resolve(__dirname, '../../../shared/reference/plans/004_604d1ccd06bf0239.docx');
/** a plain-text plan with one line the importer cannot place (flagged "Cần xem lại") */
const REFERENCE_TXT = path.resolve(__dirname, '../../../shared/reference/plans/000_a9ce567325fa68b9.txt');
/** screenshots for a human to look at (kept after the run) */
const SHOTS = path.join(os.tmpdir(), 'tdkt-plans-e2e');

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Text of the preview iframe's document. */
function previewText(page: Page): Promise<string> {
  return page.getByTestId('plan-preview').evaluate((f: HTMLIFrameElement) => f.contentDocument?.body?.innerText ?? '');
}

/** Headings of the children of the section whose heading is `parent`, in outline order. */
async function childHeadings(page: Page, parent: string): Promise<string[]> {
  return page.evaluate((p) => {
    const nodes = [...document.querySelectorAll<HTMLElement>('[data-testid="section-node"]')];
    const node = nodes.find((n) => n.querySelector(':scope > [data-testid="section-row"] [data-testid="section-heading"]')?.textContent === p);
    if (!node) return [];
    return [...node.querySelectorAll<HTMLElement>(':scope > .plan-node-inner > [data-testid="section-node"]')].map(
      (c) => (c.querySelector(':scope > [data-testid="section-row"] [data-testid="section-label"]')?.textContent ?? '') + ' ' + (c.querySelector(':scope > [data-testid="section-row"] [data-testid="section-heading"]')?.textContent ?? ''),
    );
  }, parent);
}

function heading(page: Page, text: string): Locator {
  return page.getByTestId('section-heading').filter({ hasText: new RegExp(`^${text}$`) });
}

function row(page: Page, text: string): Locator {
  return page.getByTestId('section-row').filter({ has: heading(page, text) });
}

async function waitSaved(page: Page) {
  await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('saved');
}

/** Click an export button and wait for its download (a failure says what the app showed). */
async function download(page: Page, testId: string) {
  const dl = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId(testId).click();
  try {
    return await dl;
  } catch {
    await shot(page, `fail-${testId}`);
    const notes = await page.locator('.mantine-Notification-root').allInnerTexts();
    throw new Error(`no download after ${testId}: ${notes.join(' | ')}`);
  }
}

async function setUpOffice(page: Page) {
  await page.getByText('Thiết lập cơ quan').waitFor();
  await page.getByTestId('office-name').fill('Sở Lao động - Thương binh và Xã hội');
  await page.getByTestId('office-place').fill('Lào Cai');
  await page.getByTestId('office-abbr').fill('SLĐTBXH');
  await page.getByTestId('office-save').click();
  await page.getByTestId('nav-plans').waitFor();
}

describe.skipIf(!hasChromium)('plans e2e (browser host + Chromium)', () => {
  const session = e2eSession();
  let host: HostProcess | null = null;

  it('campaign → plan from template → edit, reorder, indent, bold → preview → export → reload and restart keep it → import', { timeout: 180_000 }, async () => {
    const dir = tempDir('tdkt-e2e-plans-');
    const dbPath = path.join(dir, 'office.sqlite');
    host = await session.startHost(dbPath);
    const page = await session.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await setUpOffice(page);

    // ---- campaign
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('campaign-add').click();
    // a new campaign is for the year being planned: next year from November
    const now = new Date();
    expect(await page.getByTestId('campaign-year-from').inputValue()).toBe(String(planningYear(now.getFullYear(), now.getMonth() + 1)));
    await page.getByTestId('campaign-name').fill('Phong trào thi đua thực hiện văn hóa công sở');
    await page.getByTestId('campaign-kind').selectOption('chuyen_de');
    await page.getByTestId('campaign-year-from').fill('2026');
    await page.getByTestId('campaign-year-to').fill('2027');
    await page.getByTestId('campaign-start').fill('01/03/2026');
    await page.getByTestId('campaign-add-ref').click();
    await page.getByTestId('campaign-ref-number').fill('05/KH-UBND');
    await page.getByTestId('campaign-ref-issuer').fill('UBND tỉnh Lào Cai');
    await shot(page, '01-campaign-form');
    await page.getByTestId('campaign-save').click();
    await page.getByTestId('campaign-name').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('campaign-title').innerText()).toBe('Phong trào thi đua thực hiện văn hóa công sở');
    // the core searches names and superior document numbers/issuers
    await page.getByTestId('campaign-search').fill('05/KH-UBND');
    await expect.poll(() => page.getByTestId('campaign-item').count()).toBe(1);
    await page.getByTestId('campaign-search').fill('khong co phong trao nay');
    await expect.poll(() => page.getByTestId('campaign-item').count()).toBe(0);
    await page.getByTestId('campaign-search').fill('');
    await expect.poll(() => page.getByTestId('campaign-item').count()).toBe(1);
    // year filter: a 2026–2027 campaign runs in 2027, not in 2025
    await page.getByTestId('campaign-year').selectOption('2025');
    await expect.poll(() => page.getByTestId('campaign-item').count()).toBe(0);
    await page.getByTestId('campaign-year').selectOption('2027');
    await expect.poll(() => page.getByTestId('campaign-item').count()).toBe(1);
    await page.getByTestId('campaign-year').selectOption('');
    await page.getByTestId('campaign-item').click();

    // ---- plan from the "Kế hoạch công tác thi đua, khen thưởng năm" template
    await page.getByTestId('plan-create').click();
    await page.getByTestId('template-tdkt-work-plan').click();
    await page.getByTestId('create-year').fill('2026');
    await shot(page, '02-create-dialog');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('plan-editor').waitFor();
    await heading(page, 'Mục đích').waitFor();
    const planUrl = page.url();
    expect(planUrl).toMatch(/#\/plans\/[^/]+$/);
    await expect.poll(() => previewText(page)).toContain('Công tác thi đua, khen thưởng năm 2026');
    // the window's title names the plan being edited (not numbered yet: no number in it)
    await expect.poll(() => page.title()).toMatch(/năm 2026 — .+ — TĐKT Desktop$/);
    await shot(page, '03-editor-template');

    // ---- edit a heading (typing)
    await heading(page, 'Mục đích').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Mục đích chung');
    await expect.poll(() => previewText(page)).toContain('1. Mục đích chung');

    // ---- add a section (Enter in a heading adds the next sibling)
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Mục tiêu cụ thể');
    await expect.poll(() => childHeadings(page, 'MỤC ĐÍCH, YÊU CẦU')).toEqual(['1. Mục đích chung', '2. Mục tiêu cụ thể', '3. Yêu cầu']);
    // and with the row's button
    await row(page, 'Yêu cầu').hover();
    await row(page, 'Yêu cầu').getByTestId('section-add-sibling').click();
    await page.keyboard.type('Kinh phí');
    await expect.poll(() => childHeadings(page, 'MỤC ĐÍCH, YÊU CẦU')).toEqual(['1. Mục đích chung', '2. Mục tiêu cụ thể', '3. Yêu cầu', '4. Kinh phí']);

    // ---- reorder by keyboard: Alt+↑
    await heading(page, 'Mục tiêu cụ thể').click();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => childHeadings(page, 'MỤC ĐÍCH, YÊU CẦU')).toEqual(['1. Mục tiêu cụ thể', '2. Mục đích chung', '3. Yêu cầu', '4. Kinh phí']);
    // focus stays in the moved heading: Alt+↓ moves it back down one place and up again
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => childHeadings(page, 'MỤC ĐÍCH, YÊU CẦU')).toEqual(['1. Mục đích chung', '2. Mục tiêu cụ thể', '3. Yêu cầu', '4. Kinh phí']);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => childHeadings(page, 'MỤC ĐÍCH, YÊU CẦU')).toEqual(['1. Mục tiêu cụ thể', '2. Mục đích chung', '3. Yêu cầu', '4. Kinh phí']);

    // ---- reorder by drag and drop: "Yêu cầu" dropped on the top edge of "Mục tiêu cụ thể"
    const target = row(page, 'Mục tiêu cụ thể');
    await row(page, 'Yêu cầu').getByTestId('section-drag').dragTo(target, { targetPosition: { x: 120, y: 2 } });
    await expect.poll(() => childHeadings(page, 'MỤC ĐÍCH, YÊU CẦU')).toEqual(['1. Yêu cầu', '2. Mục tiêu cụ thể', '3. Mục đích chung', '4. Kinh phí']);

    // ---- indent: Tab makes "Mục đích chung" the last child of "Mục tiêu cụ thể" (a point "a)")
    await heading(page, 'Mục đích chung').click();
    await page.keyboard.press('Tab');
    await expect.poll(() => childHeadings(page, 'MỤC ĐÍCH, YÊU CẦU')).toEqual(['1. Yêu cầu', '2. Mục tiêu cụ thể', '3. Kinh phí']);
    await expect.poll(() => childHeadings(page, 'Mục tiêu cụ thể')).toEqual(['a) Mục đích chung']);

    // ---- delete with "Hoàn tác" in the notification, then Ctrl+Z / Ctrl+Y
    await row(page, 'Kinh phí').hover();
    await row(page, 'Kinh phí').getByTestId('section-more').click();
    await page.getByTestId('section-delete').click();
    await expect.poll(() => childHeadings(page, 'MỤC ĐÍCH, YÊU CẦU')).toEqual(['1. Yêu cầu', '2. Mục tiêu cụ thể']);
    await page.getByTestId('undo-remove').click();
    await expect.poll(() => childHeadings(page, 'MỤC ĐÍCH, YÊU CẦU')).toEqual(['1. Yêu cầu', '2. Mục tiêu cụ thể', '3. Kinh phí']);
    await heading(page, 'Kinh phí').click();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => childHeadings(page, 'MỤC ĐÍCH, YÊU CẦU')).toEqual(['1. Yêu cầu', '2. Mục tiêu cụ thể']);
    await page.keyboard.press('ControlOrMeta+Y');
    await expect.poll(() => childHeadings(page, 'MỤC ĐÍCH, YÊU CẦU')).toEqual(['1. Yêu cầu', '2. Mục tiêu cụ thể', '3. Kinh phí']);

    // ---- bold one word with Ctrl+B (double-click selects the word)
    const para = page.getByTestId('paragraph-text').filter({ hasText: 'Xét, đề nghị khen thưởng kịp thời' });
    const box = await para.evaluate((el) => {
      const text = el.firstChild!;
      const i = text.textContent!.indexOf('kịp');
      const r = document.createRange();
      r.setStart(text, i + 1);
      r.setEnd(text, i + 2);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    });
    await page.mouse.dblclick(box.x, box.y);
    await page.keyboard.press('ControlOrMeta+B');
    await expect.poll(() => para.innerHTML()).toContain('<b>kịp</b>');
    await expect
      .poll(() =>
        page.getByTestId('plan-preview').evaluate((f: HTMLIFrameElement) =>
          [...(f.contentDocument?.querySelectorAll('span') ?? [])].some((s) => s.textContent === 'kịp' && s.style.fontWeight === 'bold'),
        ),
      )
      .toBe(true);
    await expect.poll(() => previewText(page)).toContain('2. Mục tiêu cụ thể');
    await waitSaved(page);
    expect(await page.getByTestId('save-status').innerText()).toMatch(/^Đã lưu lúc \d\d:\d\d:\d\d$/);
    await shot(page, '04-editor-edited');

    // ---- export DOCX: the edited heading and the bold run are in word/document.xml
    const docx = await download(page, 'export-docx');
    const docxPath = path.join(dir, docx.suggestedFilename());
    await docx.saveAs(docxPath);
    expect(docxPath.endsWith('.docx')).toBe(true);
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(docxPath)))['word/document.xml']!);
    expect(xml).toContain('Mục tiêu cụ thể');
    expect(xml).toContain('Mục đích chung');
    expect(xml).toMatch(/<w:r>(?:(?!<\/w:r>).)*<w:b\/>(?:(?!<\/w:r>).)*<w:t[^>]*>kịp<\/w:t><\/w:r>/s);
    // "Yêu cầu" now comes before "Mục tiêu cụ thể"
    expect(xml.indexOf('Yêu cầu')).toBeLessThan(xml.indexOf('Mục tiêu cụ thể'));

    // ---- export PDF
    const pdf = await download(page, 'export-pdf');
    const pdfPath = path.join(dir, pdf.suggestedFilename());
    await pdf.saveAs(pdfPath);
    expect(fs.readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // ---- export the plan's data (.json): imported at the end, as another machine would
    await page.getByTestId('export-more').click();
    const json = await download(page, 'export-json');
    const jsonPath = path.join(dir, json.suggestedFilename());
    await json.saveAs(jsonPath);
    expect(jsonPath.endsWith('.json')).toBe(true);

    // ---- autosave, then reload
    await heading(page, 'Kinh phí').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' thực');
    await waitSaved(page);
    // the last keystrokes are flushed when the page goes away (reload without waiting); one input
    // event, not five keystrokes: on a loaded machine typing them took longer than the autosave's
    // 400 ms, and the text was saved before the check
    await page.keyboard.insertText(' hiện');
    expect(await page.getByTestId('save-status').getAttribute('data-state')).not.toBe('saved');
    await page.reload();
    await page.getByTestId('plan-editor').waitFor();
    await heading(page, 'Kinh phí thực hiện').waitFor();
    await expect.poll(() => childHeadings(page, 'MỤC ĐÍCH, YÊU CẦU')).toEqual(['1. Yêu cầu', '2. Mục tiêu cụ thể', '3. Kinh phí thực hiện']);
    await expect.poll(() => childHeadings(page, 'Mục tiêu cụ thể')).toEqual(['a) Mục đích chung']);
    expect(await page.getByTestId('paragraph-text').filter({ hasText: 'Xét, đề nghị khen thưởng kịp thời' }).innerHTML()).toContain('<b>kịp</b>');
    expect(pageErrors).toEqual([]);
    await page.close();

    // ---- restart the host on the same database
    await host.stop();
    host = await session.startHost(dbPath);
    const page2 = await session.browser.newPage({ viewport: { width: 1440, height: 900 } });
    page2.on('pageerror', (e) => pageErrors.push(e.message));
    await page2.goto(host.url);
    await page2.getByTestId('nav-plans').click();
    await page2.getByTestId('campaign-item').click();
    await expect.poll(() => page2.getByTestId('plan-row').count()).toBe(1);
    await shot(page2, '05-plans-list');
    await page2.getByTestId('plan-open').click();
    await page2.getByTestId('plan-editor').waitFor();
    await heading(page2, 'Kinh phí thực hiện').waitFor();
    await expect.poll(() => childHeadings(page2, 'MỤC ĐÍCH, YÊU CẦU')).toEqual(['1. Yêu cầu', '2. Mục tiêu cụ thể', '3. Kinh phí thực hiện']);
    await expect.poll(() => childHeadings(page2, 'Mục tiêu cụ thể')).toEqual(['a) Mục đích chung']);
    await expect.poll(() => previewText(page2)).toContain('a) Mục đích chung');

    // ---- import a reference plan (.docx) through the UI and open it
    await page2.getByTestId('editor-back').click();
    await page2.getByTestId('plan-import').click();
    await page2.getByTestId('import-file').setInputFiles(REFERENCE_DOCX);
    await page2.getByTestId('import-result').waitFor({ timeout: 30_000 });
    const reviewCount = Number(await page2.getByTestId('import-review-count').getAttribute('data-count'));
    expect(Number.isInteger(reviewCount)).toBe(true);
    await shot(page2, '06-import-result');
    await page2.getByTestId('import-open').click();
    await page2.getByTestId('plan-editor').waitFor();
    await heading(page2, 'MỤC ĐÍCH, YÊU CẦU').waitFor();
    await expect.poll(() => previewText(page2)).toContain('Công tác thi đua, khen thưởng của Sở Lao động - Thương binh và Xã hội tỉnh Lào Cai năm 2022');
    if (reviewCount > 0) {
      await expect.poll(() => page2.getByTestId('review-count').textContent()).toContain(`Cần xem lại: ${reviewCount}`);
      await page2.getByTestId('review-next').click();
    }
    await shot(page2, '07-imported-editor');
    await page2.getByTestId('tab-appendices').click();
    await page2.getByTestId('quarterly-table').waitFor();
    await shot(page2, '08-imported-appendix');
    // at 1024 px the appendix leaves the preview a narrow pane: its zoom choices stay whole, the page fits
    const size = page2.viewportSize()!;
    await page2.setViewportSize({ width: 1024, height: 768 });
    await expect
      .poll(() =>
        page2.evaluate(() => {
          const pane = document.querySelector('.plan-preview')!.getBoundingClientRect();
          const last = [...document.querySelectorAll('.plan-preview-bar label')].at(-1)!.getBoundingClientRect();
          const doc = document.querySelector<HTMLIFrameElement>('[data-testid="plan-preview"]')!.contentDocument!.documentElement;
          return { zoomShown: last.right <= pane.right + 0.5, pageFits: doc.scrollWidth <= doc.clientWidth + 1, narrow: pane.width < 300 };
        }),
      )
      .toEqual({ zoomShown: true, pageFits: true, narrow: true });
    await page2.setViewportSize(size);
    await page2.getByTestId('tab-header').click();
    await shot(page2, '09-imported-header');

    // ---- a .txt import with an unrecognised line: warnings, the review counter, jump, clear
    await page2.getByTestId('editor-back').click();
    await page2.getByTestId('plan-import').click();
    await page2.getByTestId('import-file').setInputFiles(REFERENCE_TXT);
    await page2.getByTestId('import-result').waitFor({ timeout: 30_000 });
    expect(Number(await page2.getByTestId('import-review-count').getAttribute('data-count'))).toBe(1);
    expect(await page2.getByTestId('import-warnings').innerText()).toContain('cần xem lại');
    await page2.getByTestId('import-open').click();
    await page2.getByTestId('plan-editor').waitFor();
    await expect.poll(() => page2.getByTestId('review-count').textContent()).toBe('Cần xem lại: 1');
    await page2.getByTestId('review-next').click();
    await page2.getByTestId('review-badge').first().waitFor();
    await shot(page2, '10-review-flag');
    await page2.getByTestId('review-clear').first().click();
    await page2.getByTestId('review-count').waitFor({ state: 'detached' });
    await waitSaved(page2);

    // ---- the plans table's search: title, number, and the documents a plan cites
    await page2.getByTestId('editor-back').click();
    await page2.getByTestId('campaign-all').click();
    await expect.poll(() => page2.getByTestId('plan-row').count()).toBe(3);
    // each search finds another plan than the one before, so a stale answer cannot pass
    const only = async (q: string, expected: string) => {
      await page2.getByTestId('plan-search').fill(q);
      // the table still shows the previous search's answer for a moment
      await expect
        .poll(async () => (await page2.getByTestId('plan-row').allInnerTexts()).map((t) => t.includes(expected)), { message: q })
        .toEqual([true]);
    };
    await only('25/kh', 'phong trào thi đua năm 2020'); // its number
    await only('lao cai 05/kh-ubnd', 'tỉnh Lào Cai năm 2022'); // words of a document it implements
    await only('2007/HD-SNV', 'phong trào thi đua năm 2020'); // a document its bases cite
    await only('khen thuong 2026 cong tac', 'năm 2026'); // its title, words in any order
    await page2.getByTestId('plan-search').fill('khong co ke hoach nay');
    await expect.poll(() => page2.getByTestId('plans-empty').innerText()).toContain('Không có kế hoạch nào khớp "khong co ke hoach nay"');
    await page2.getByTestId('plan-search').fill('');
    await expect.poll(() => page2.getByTestId('plan-row').count()).toBe(3);
    // in a 1024 px window the table fits its pane: the number and year move under the title
    await page2.setViewportSize({ width: 1024, height: 768 });
    const fits = () => page2.getByTestId('plans-table').evaluate((t) => t.scrollWidth <= (t.parentElement as HTMLElement).clientWidth);
    await shot(page2, '10b-plans-1024');
    await expect.poll(fits).toBe(true);
    const row2020 = page2.getByTestId('plan-row').filter({ hasText: 'phong trào thi đua năm 2020' });
    expect(await row2020.locator('.plans-inline-meta').innerText()).toBe('25/KH-SLĐTBXH · 2020');
    await page2.setViewportSize({ width: 1440, height: 900 });
    await expect.poll(() => row2020.locator('.plans-inline-meta').isVisible()).toBe(false);
    await expect.poll(fits).toBe(true);

    // ---- duplicate the 2026 plan for the next year, then issue it
    await page2.getByTestId('campaign-item').click();
    const row2026 = page2.getByTestId('plan-row').filter({ hasText: 'Công tác thi đua, khen thưởng năm 2026' });
    await row2026.getByTestId('plan-menu').click();
    await page2.getByTestId('plan-duplicate').click();
    await expect.poll(async () => (await page2.getByTestId('duplicate-delta').inputValue()).trim()).toBe('1');
    await page2.getByTestId('duplicate-submit').click();
    await page2.getByTestId('plan-editor').waitFor();
    await expect.poll(() => previewText(page2)).toContain('Công tác thi đua, khen thưởng năm 2027');
    await heading(page2, 'Kinh phí thực hiện').waitFor();
    await page2.getByTestId('issue').click();
    await page2.getByTestId('confirm-issue').click();
    await expect.poll(() => page2.getByTestId('plan-status').innerText()).toMatch(/đã ban hành/i);

    // ---- two windows on one plan: the second one's stale save is refused, and it reloads
    const dupUrl = new URL(page2.url()).hash;
    const page3 = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page3.on('pageerror', (e) => pageErrors.push(e.message));
    await page3.goto(host.url);
    await page3.getByTestId('nav-plans').waitFor();
    await page3.evaluate((h) => {
      window.location.hash = h;
    }, dupUrl);
    await heading(page3, 'Kinh phí thực hiện').waitFor();
    await heading(page2, 'Kinh phí thực hiện').click();
    await page2.keyboard.press('End');
    await page2.keyboard.type(' năm 2027', { delay: 120 });
    await waitSaved(page2);
    // an issued plan is saved after a pause in typing: the phrase is one audited change
    const planId = decodeURIComponent(/plans\/([^/?#]+)/.exec(dupUrl)?.[1] ?? '');
    const history = await hostApi<{ entries: { action: string }[] }>(host!, 'audit.forRecord', { table: 'plan', id: planId });
    expect(history.entries.filter((e) => e.action === 'update')).toHaveLength(1);
    await heading(page3, 'Yêu cầu').click();
    await page3.keyboard.press('End');
    await page3.keyboard.type(' chung');
    await page3.getByTestId('save-conflict').waitFor({ timeout: 30_000 });
    await shot(page3, '11-conflict');
    // the edits live only in this window now: another screen asks first
    await page3.getByTestId('nav-home').click();
    await page3.getByTestId('leave-stay').click();
    // (the plans list, from the navigation, too)
    await page3.getByTestId('nav-plans').click();
    await page3.getByTestId('leave-stay').click();
    await page3.getByTestId('save-conflict').waitFor();
    await page3.getByTestId('conflict-reload').click();
    await heading(page3, 'Kinh phí thực hiện năm 2027').waitFor();
    await heading(page3, 'Yêu cầu').waitFor();
    await page3.close();

    // ---- a campaign that still has plans is not deleted; the message says why
    await page2.getByTestId('editor-back').click();
    await page2.getByTestId('campaign-item').click();
    await page2.getByTestId('campaign-delete').click();
    await page2.getByTestId('confirm-delete').click();
    await expect.poll(() => page2.locator('.mantine-Notification-root').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Phong trào còn 4 kế hoạch')]));
    await expect.poll(() => page2.getByTestId('campaign-item').count()).toBe(1);

    // ---- the plan's .json exported above comes back whole, as a new draft (another machine's way in)
    await page2.getByTestId('plan-import').click();
    await page2.getByTestId('import-file').setInputFiles(jsonPath);
    await page2.getByTestId('import-result').waitFor({ timeout: 30_000 });
    expect(Number(await page2.getByTestId('import-review-count').getAttribute('data-count'))).toBe(0);
    await page2.getByTestId('import-open').click();
    await page2.getByTestId('plan-editor').waitFor();
    await expect.poll(() => childHeadings(page2, 'MỤC ĐÍCH, YÊU CẦU')).toEqual(['1. Yêu cầu', '2. Mục tiêu cụ thể', '3. Kinh phí']);
    await expect.poll(() => childHeadings(page2, 'Mục tiêu cụ thể')).toEqual(['a) Mục đích chung']);
    await expect
      .poll(() =>
        page2.getByTestId('plan-preview').evaluate((f: HTMLIFrameElement) =>
          [...(f.contentDocument?.querySelectorAll('span') ?? [])].some((s) => s.textContent === 'kịp' && s.style.fontWeight === 'bold'),
        ),
      )
      .toBe(true);
    await expect.poll(() => page2.getByTestId('plan-status').innerText()).toMatch(/nháp/i);

    expect(pageErrors).toEqual([]);
    await page2.close();
  });
});
