// The task tracker in a real browser against the real core, with "today" fixed at 10/05/2022
// (host env TDKT_TODAY): import the Lào Cai reference plan through the API, create its tasks
// in the UI, finish tasks with notes on the board, watch the board and the home overdue panel
// change, export the quarter's BÁO CÁO and read it back.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, e2eSession, type HostProcess, hostApi } from './support/browser';
import { tempDir } from '../support/tmp';
import { docxPlainText } from '../../electron/services/documents/docx-text';

const REFERENCE_PLAN = path.resolve(__dirname, '../../../shared/reference/plans/004_604d1ccd06bf0239.docx');

const api = hostApi;

const column = (page: Page, status: string) => page.getByTestId(`board-column-${status}`);
const cardsIn = (page: Page, status: string) => column(page, status).getByTestId('task-card');

async function completeCard(page: Page, title: string, note: string) {
  const card = cardsIn(page, 'chua_thuc_hien').filter({ hasText: title });
  await card.getByTestId('task-card-done').click();
  await page.getByTestId('complete-note').fill(note);
  await page.getByTestId('complete-save').click();
  await page.getByTestId('complete-note').waitFor({ state: 'detached' });
  await cardsIn(page, 'hoan_thanh').filter({ hasText: title }).waitFor();
}

describe.skipIf(!hasChromium)('task tracker e2e (browser host + Chromium, today = 10/05/2022)', () => {
  const session = e2eSession();
  let host: HostProcess | null = null;

  it('plan → tasks in the UI → done with notes on the board → home overdue panel → quarter report', async () => {
    const dir = tempDir('tdkt-e2e-tasks-');
    host = await session.startHost(path.join(dir, 'office.sqlite'), { TDKT_TODAY: '2022-05-10' });
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 }, acceptDownloads: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);

    // office set-up
    await page.getByTestId('office-name').fill('Sở Lao động - Thương binh và Xã hội');
    await page.getByTestId('office-place').fill('Lào Cai');
    await page.getByTestId('office-abbr').fill('SLĐTBXH');
    await page.getByTestId('office-save').click();
    await page.getByTestId('nav-home').waitFor();

    // the reference plan and a unit, through the API
    await api(host, 'units.create', { name: 'Văn phòng Sở' });
    const imported = await api<{ record: { id: string; year: number } }>(host, 'plans.import', {
      fileName: '004_604d1ccd06bf0239.docx',
      fileBase64: fs.readFileSync(REFERENCE_PLAN).toString('base64'),
    });
    expect(imported.record.year).toBe(2022);

    // the home screen is the default page; no tasks yet
    await page.getByTestId('home-panel').waitFor();
    await expect.poll(() => page.getByTestId('home-overdue-title').innerText()).toBe('Quá hạn (0)');

    // create the plan's tasks in the UI: preview, then apply
    await page.getByTestId('nav-tasks').click();
    // in a narrow window (1024 px) the header's buttons go under the title, not past the edge
    await page.setViewportSize({ width: 1024, height: 700 });
    const add = await page.getByTestId('tasks-add').boundingBox();
    expect(add!.x + add!.width).toBeLessThanOrEqual(1024);
    await page.setViewportSize({ width: 1366, height: 860 });
    await page.getByTestId('tasks-from-plan').click();
    await page.getByTestId('from-plan-select').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('from-plan-preview').waitFor();
    expect(await page.getByTestId('from-plan-add').innerText()).toBe('Tạo mới 15 nhiệm vụ');
    await page.getByTestId('from-plan-apply').click();
    await page.getByTestId('from-plan-apply').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('tasks-count').innerText()).toBe('15 nhiệm vụ');
    expect(await page.getByTestId('tasks-today').innerText()).toContain('10/05/2022');

    // the board opens on the current quarter (Q II: 5 tasks, not yet due); Q I's 4 are overdue
    await expect.poll(() => cardsIn(page, 'chua_thuc_hien').count()).toBe(5);
    await page.getByTestId('board-quarter').getByText('Quý I (4)').click();
    await expect.poll(() => cardsIn(page, 'chua_thuc_hien').count()).toBe(4);
    expect(await column(page, 'chua_thuc_hien').locator('[data-status="qua_han"]').count()).toBe(4);
    expect(await cardsIn(page, 'hoan_thanh').count()).toBe(0);

    // finish two Q I tasks with notes
    await completeCard(page, 'Kế hoạch công tác TĐKT năm 2022', 'Đã ban hành Kế hoạch số 25/KH-SLĐTBXH.');
    await completeCard(page, 'Triển khai hưởng ứng, phát động các phong trào thi đua chuyên đề', 'Đã phát động 02 phong trào chuyên đề.');
    await expect.poll(() => cardsIn(page, 'hoan_thanh').count()).toBe(2);
    await expect.poll(() => cardsIn(page, 'chua_thuc_hien').count()).toBe(2);
    await expect.poll(() => column(page, 'hoan_thanh').getByTestId('board-column-count').innerText()).toBe('2');

    // move a Q II task to "đang thực hiện" with its menu …
    await page.getByTestId('board-quarter').getByText('Quý II (5)').click();
    await cardsIn(page, 'chua_thuc_hien').first().getByTestId('task-card-menu').click();
    await page.getByTestId('task-move-dang_thuc_hien').click();
    await expect.poll(() => cardsIn(page, 'dang_thuc_hien').count()).toBe(1);
    // … and another by dragging its card to the column
    await cardsIn(page, 'chua_thuc_hien').first().dragTo(column(page, 'dang_thuc_hien'));
    await expect.poll(() => cardsIn(page, 'dang_thuc_hien').count()).toBe(2);
    await expect.poll(() => cardsIn(page, 'chua_thuc_hien').count()).toBe(3);

    // the drawer shows the note timeline of a finished task
    await page.getByTestId('board-quarter').getByText('Quý I (4)').click();
    await cardsIn(page, 'hoan_thanh').filter({ hasText: 'Kế hoạch công tác TĐKT năm 2022' }).getByTestId('task-card-title').click();
    await page.getByTestId('task-drawer').waitFor();
    await expect.poll(() => page.getByTestId('note-item').first().innerText()).toContain('Đã ban hành Kế hoạch số 25/KH-SLĐTBXH.');
    expect(await page.getByTestId('note-item').first().innerText()).toContain('10/05/2022');
    await page.keyboard.press('Escape');
    await page.getByTestId('task-drawer').waitFor({ state: 'detached' });

    // the year view at 1024 px: four quarters; a card's deadline in the view's year reads "31/03"
    // (the full date in its tooltip), so its status fits beside it
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByTestId('tasks-tab-year').click();
    const q1 = page.getByTestId('year-quarter-1').getByTestId('year-task');
    await expect.poll(() => q1.count()).toBe(4);
    const planCard = q1.filter({ hasText: 'Kế hoạch công tác TĐKT năm 2022' });
    const due = planCard.locator('[title="31/03/2022"]');
    expect(await due.innerText()).toBe('31/03');
    const badge = planCard.getByTestId('task-status-badge');
    expect(await badge.innerText()).toMatch(/hoàn thành/i);
    // the label is not cut short ("HOÀN T…")
    expect(await badge.locator('span').first().evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await page.setViewportSize({ width: 1366, height: 860 });
    await page.getByTestId('tasks-tab-board').click();

    // a task of 2019 never marked done: overdue, but folded away from this year's and last year's
    await api(host, 'tasks.create', { year: 2019, dueDate: '30/06/2019', title: 'Báo cáo tổng kết phong trào thi đua năm 2019' });

    // home: two overdue left; widening the window to 60 days shows the Q II tasks due 30/06
    await page.getByTestId('nav-home').click();
    await expect.poll(() => page.getByTestId('home-overdue-title').innerText()).toBe('Quá hạn (2)');
    await expect.poll(() => page.getByTestId('home-overdue-item').count()).toBe(2);
    expect(await page.getByTestId('home-overdue').innerText()).not.toContain('Kế hoạch công tác TĐKT năm 2022');
    expect(await page.getByTestId('home-overdue').innerText()).not.toContain('năm 2019');
    expect(await page.getByTestId('home-overdue-older').innerText()).toBe('Hiện thêm 1 nhiệm vụ quá hạn của năm 2019');
    await page.getByTestId('home-overdue-older').click();
    await expect.poll(() => page.getByTestId('home-overdue-title').innerText()).toBe('Quá hạn (3)');
    await expect.poll(() => page.getByTestId('home-overdue-item').count()).toBe(3);
    // the oldest first: the 2019 task heads the list
    expect(await page.getByTestId('home-overdue-item').first().innerText()).toContain('Báo cáo tổng kết phong trào thi đua năm 2019');
    await page.getByTestId('home-overdue-older').click();
    await expect.poll(() => page.getByTestId('home-overdue-item').count()).toBe(2);
    expect(await page.getByTestId('home-soon-item').count()).toBe(0);
    // a campaign's yearly deadline and its phase's sơ kết date come up beside the tasks due
    await api(host, 'campaigns.create', {
      name: 'Phong trào thi đua "Dân vận khéo"',
      kind: 'chuyen_de',
      yearFrom: 2021,
      yearTo: 2025,
      phases: [{ name: 'Giai đoạn 2021-2022', yearFrom: 2021, yearTo: 2022, review: 'so_ket', reviewDate: '20/05/2022' }],
      deadlines: [{ label: 'Gửi hồ sơ đề nghị khen thưởng', day: 1, month: 6 }],
    });
    await page.getByTestId('home-days').fill('60');
    await expect.poll(() => page.getByTestId('home-soon-item').count()).toBe(5);
    expect(await page.getByTestId('home-quarter-summary').innerText()).toBe('0/5 nhiệm vụ hoàn thành');
    await expect
      .poll(() => page.getByTestId('home-campaign-date').allInnerTexts())
      .toEqual([
        expect.stringMatching(/^SƠ KẾT\s+Giai đoạn 2021-2022 — Phong trào thi đua "Dân vận khéo"\s+20\/05\/2022 · còn 10 ngày$/i),
        expect.stringMatching(/^THỜI HẠN\s+Gửi hồ sơ đề nghị khen thưởng — Phong trào thi đua "Dân vận khéo"\s+01\/06\/2022 · còn 22 ngày$/i),
      ]);
    // one opens its campaign
    await page.getByTestId('home-campaign-date').nth(1).click();
    await expect.poll(() => page.getByTestId('campaign-title').innerText()).toBe('Phong trào thi đua "Dân vận khéo"');
    await page.getByTestId('nav-home').click();
    await expect.poll(() => page.getByTestId('home-overdue-item').count()).toBe(2);

    // an overdue task opens in the tasks page
    await page.getByTestId('home-overdue-item').first().click();
    await page.getByTestId('task-drawer').waitFor();
    await page.keyboard.press('Escape');

    // the quarter report: download the DOCX and read it
    await page.getByTestId('tasks-tab-report').click();
    await page.getByTestId('report-period').getByText('Quý I', { exact: true }).click();
    await expect.poll(() => page.getByTestId('report-summary').innerText()).toBe('4 nhiệm vụ, hoàn thành 2 (50%)');
    await page.getByTestId('completion-chart').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-docx').click()]);
    expect(download.suggestedFilename()).toBe('bao-cao-nhiem-vu-tdkt-2022-q1.docx');
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const text = docxPlainText(fs.readFileSync(saved));
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả thực hiện nhiệm vụ công tác thi đua, khen thưởng quý I năm 2022');
    expect(text).toContain('Lào Cai, ngày 10 tháng 5 năm 2022');
    const doneRow = text.split('\n').find((l) => l.includes('Kế hoạch công tác TĐKT năm 2022\t'));
    expect(doneRow).toBeDefined();
    // finished on 10/05, after its quarter ended on 31/03: done, late
    expect(doneRow).toContain('\t31/03/2022\tHoàn thành (chậm hạn)\tĐã ban hành Kế hoạch số 25/KH-SLĐTBXH.');
    expect(text).toContain('đã hoàn thành 2 nhiệm vụ (đạt 50%)');
    expect(await page.getByTestId('report-year-awards').count()).toBe(0);

    // the year's report says what the year brought in awards (none recorded here)
    await page.getByTestId('report-period').getByText('Cả năm (tổng kết)', { exact: true }).click();
    await page.getByTestId('report-year-awards').waitFor();
    const [yearly] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-docx').click()]);
    expect(yearly.suggestedFilename()).toBe('bao-cao-nhiem-vu-tdkt-2022-y.docx');
    const savedYear = path.join(dir, yearly.suggestedFilename());
    await yearly.saveAs(savedYear);
    const yearText = docxPlainText(fs.readFileSync(savedYear));
    expect(yearText).toContain('II. KẾT QUẢ CÔNG TÁC KHEN THƯỞNG');
    expect(yearText).toContain('Chưa có quyết định khen thưởng nào của năm 2022 được cập nhật vào phần mềm.');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
