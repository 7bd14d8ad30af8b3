// The Hướng dẫn in Chromium against the real browser host: F1 opens it from a text field of
// another screen; the search finds topics without diacritics, and so does the quick search (by title); a step's button opens its screen on
// the tab it names; the data file shown is the one the host opened, and the last backup taken off the disk.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { hasChromium, hostApi, e2eSession } from './support/browser';
import { tempDir } from '../support/tmp';
import { routeScript } from '../../electron/host/menu';

describe.skipIf(!hasChromium)('Hướng dẫn e2e (browser host + Chromium)', () => {
  const session = e2eSession();

  it('F1, the search, a step opening its screen and tab, where the data file is', async () => {
    const dbPath = path.join(tempDir('tdkt-e2e-help-'), 'office.sqlite');
    const host = await session.startHost(dbPath);
    await hostApi(host, 'office.save', { name: 'Sở Nội vụ tỉnh Lào Cai', levelCode: 'so_nganh', placeName: 'Lào Cai', abbreviation: 'SNV' });

    const page = await session.browser.newPage({ viewport: { width: 1024, height: 768 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);

    // F1 while typing in Cán bộ's search box
    await page.getByTestId('nav-staff').click();
    await page.getByPlaceholder('Tìm theo họ tên…').click();
    await page.keyboard.press('F1');
    await page.getByRole('heading', { name: 'Hướng dẫn sử dụng' }).waitFor();
    await page.getByTestId('help-topic-nam-cong-tac').waitFor();

    // searched without diacritics: only the topics that say it
    await page.getByTestId('help-search').fill('thung rac khoi phuc');
    await page.getByTestId('help-topic-xoa-nham').waitFor();
    const listed = await page.locator('[data-testid^="help-nav-"]').allInnerTexts();
    expect(listed).toEqual(['Xóa nhầm, quên lưu']);
    await page.getByTestId('help-search').fill('zzqx');
    await page.getByTestId('help-nothing').waitFor();
    await page.getByTestId('help-search').fill('');

    // "Mở thẻ Kiểm tra điều kiện": the Khen thưởng screen on that tab
    await page.getByTestId('help-nav-nam-cong-tac').click();
    const open = page.getByTestId('help-open-awards-check');
    expect(await open.innerText()).toBe('Mở thẻ Kiểm tra điều kiện');
    await open.click();
    await page.getByTestId('awards-tab-check').and(page.locator('[aria-selected="true"]')).waitFor();
    expect(page.url()).toContain('#/awards');

    // back with F1: the received dossiers' tab from the province's topic
    await page.keyboard.press('F1');
    await page.getByTestId('help-nav-cap-tren').click();
    await page.getByTestId('help-open-dossiers-received').first().click();
    await page.getByTestId('dossiers-tab-received').and(page.locator('[aria-selected="true"]')).waitFor();

    // the quick search names the topics titled like what was typed
    await page.keyboard.press('Control+K');
    await page.getByTestId('quick-search-input').fill('phim tat');
    const hit = page.locator('[data-testid="quick-search-hit"][data-kind="help"]');
    await hit.waitFor();
    expect(await hit.allInnerTexts()).toEqual(['Phím tắt']);
    await hit.click();
    await page.getByTestId('help-topic-phim-tat').waitFor();
    expect(page.url()).toContain('#/help');

    // the Electron menu's "Sao lưu, khôi phục" runs this script in the page: the screen opens
    await page.evaluate(routeScript('backup'));
    await page.getByTestId('nav-backup').and(page.locator('[data-active="true"]')).waitFor();
    await page.evaluate(routeScript('help'));
    await page.getByRole('heading', { name: 'Hướng dẫn sử dụng' }).waitFor();

    // where the data is: the file this host opened
    await page.getByTestId('nav-help').click();
    await page.getByTestId('help-nav-du-lieu').click();
    expect(await page.getByTestId('help-db-path').innerText()).toBe(dbPath);
    await expect.poll(() => page.getByTestId('help-last-external').innerText()).toContain('Chưa có bản sao lưu nào ra ngoài ổ đĩa này');
    // a backup to a USB stick's folder: the topic names it
    const usb = tempDir('tdkt-e2e-help-usb-');
    const made = await hostApi<{ path: string }>(host, 'backup.create', { destDir: usb });
    await page.getByTestId('help-nav-sao-luu').click();
    await page.getByTestId('help-nav-du-lieu').click();
    await expect.poll(() => page.getByTestId('help-last-external').innerText()).toContain(made.path);
    expect(pageErrors).toEqual([]);
  });
});
