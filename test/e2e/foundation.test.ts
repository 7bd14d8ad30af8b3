// The foundation journey in a real browser against the real core on a real SQLite file.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import { E2E_OFFICE, hasChromium, hostApi, e2eSession, type HostProcess } from './support/browser';
import { tempDir } from '../support/tmp';
import { BAD_ROW, FIXTURE_PEOPLE, STAFF_BAD_ROW_PATH, STAFF_GOOD_PATH } from '../fixtures/staff/make-fixtures';

async function pickOption(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

describe.skipIf(!hasChromium)('foundation e2e (browser host + Chromium)', () => {
  const session = e2eSession();
  let dir: string;
  let host: HostProcess | null = null;

  it('first run → units → staff → search → import (bad, then good) → restart keeps everything', async () => {
    dir = tempDir('tdkt-e2e-');
    const dbPath = path.join(dir, 'office.sqlite');
    host = await session.startHost(dbPath);
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 }, acceptDownloads: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);

    // first-run office set-up: a bad abbreviation is refused with a Vietnamese message
    await page.getByText('Thiết lập cơ quan').waitFor();
    await page.getByTestId('office-name').fill('Sở Lao động - Thương binh và Xã hội');
    // the head's title left empty: what documents will sign with, from the office's name
    expect(await page.getByTestId('office-head-title').getAttribute('placeholder')).toBe('Giám đốc');
    await page.getByTestId('office-place').fill('Lào Cai');
    await page.getByTestId('office-abbr').fill('sở lđ');
    await page.getByTestId('office-save').click();
    await page.getByTestId('form-error').waitFor();
    expect(await page.getByTestId('form-error').innerText()).toContain('Chữ viết tắt tên cơ quan');
    await page.getByTestId('office-abbr').fill('SLĐTBXH');
    await page.getByTestId('office-save').click();
    await page.getByTestId('nav-units').waitFor();
    // the window's title (taskbar, Alt+Tab) names the office, then the screen too
    await expect.poll(() => page.title()).toBe('Sở Lao động - Thương binh và Xã hội — TĐKT Desktop');
    await page.getByTestId('nav-units').click();
    await expect.poll(() => page.title()).toBe('Đơn vị — Sở Lao động - Thương binh và Xã hội — TĐKT Desktop');

    // the home screen lists the first steps, in the order the app needs them; the units come first
    await page.getByTestId('nav-home').click();
    await expect.poll(() => page.getByTestId('home-setup-progress').innerText()).toBe('0/5 bước đã xong');
    const steps = page.getByTestId('home-setup-step');
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))).toEqual(['units', 'staff', 'records', 'plans', 'tasks']);
    // the card points to the Hướng dẫn: the year's work step by step
    await page.getByTestId('home-setup-help').click();
    await page.getByTestId('help-topic-nam-cong-tac').waitFor();
    await page.getByTestId('nav-home').click();

    // units
    await page.getByTestId('home-setup-go-units').click();
    await page.getByTestId('unit-add').waitFor();
    for (const name of ['Văn phòng Sở', 'Phòng Người có công']) {
      await page.getByTestId('unit-add').click();
      await page.getByTestId('unit-name').fill(name);
      await page.getByTestId('unit-save').click();
      await page.getByTestId('unit-name').waitFor({ state: 'detached' });
    }
    await page.getByText('Phòng Người có công').waitFor();
    expect(await page.getByTestId('unit-row').count()).toBe(2);

    // three staff, added by hand
    await page.getByTestId('nav-staff').click();
    const people = [
      { name: 'Nguyễn Văn An', birth: '05/03/1980', unit: 'Văn phòng Sở' },
      { name: 'Trần Thị Bích Ngọc', birth: '20/11/1985', unit: 'Phòng Người có công' },
      { name: 'Lê Đức Thắng', birth: '01/07/1979', unit: 'Văn phòng Sở' },
    ];
    for (const p of people) {
      await page.getByTestId('staff-add').click();
      await page.getByTestId('staff-name').fill(p.name);
      await page.getByTestId('staff-birth').fill(p.birth);
      await pickOption(page, 'staff-unit', p.unit);
      await page.getByTestId('staff-save').click();
      await page.getByTestId('staff-name').waitFor({ state: 'detached' });
    }
    await expect.poll(() => page.getByTestId('staff-row').count()).toBe(3);

    // the same person typed again (without diacritics, another unit): asked about before a second record is made
    await page.getByTestId('staff-add').click();
    await page.getByTestId('staff-name').fill('Nguyen Van An');
    await page.getByTestId('staff-birth').fill('05/03/1980');
    await pickOption(page, 'staff-unit', 'Phòng Người có công');
    await page.getByTestId('staff-save').click();
    await page.getByTestId('staff-twin').waitFor();
    expect(await page.getByTestId('staff-twin').textContent()).toContain('Đã có cán bộ Nguyễn Văn An sinh ngày 05/03/1980 (Văn phòng Sở).');
    expect(await page.getByTestId('staff-save').textContent()).toBe('Vẫn thêm');
    await page.getByRole('button', { name: 'Hủy', exact: true }).click();
    await page.getByTestId('staff-name').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('staff-row').count()).toBe(3);

    // search without diacritics
    await page.getByTestId('staff-search').fill('tran thi bich ngoc');
    await expect.poll(() => page.getByTestId('staff-row-name').allInnerTexts()).toEqual(['Trần Thị Bích Ngọc']);
    await page.getByTestId('staff-search').fill('');
    await expect.poll(() => page.getByTestId('staff-row').count()).toBe(3);

    // "Tải tệp mẫu": a blank list whose unit dropdown offers this office's units
    await page.getByTestId('staff-import').click();
    const [templateDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(templateDownload.suggestedFilename()).toBe('mau-nhap-danh-sach-can-bo.xlsx');
    const templatePath = path.join(dir, 'mau.xlsx');
    await templateDownload.saveAs(templatePath);
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile(templatePath);
    const lists = template.getWorksheet('DanhMuc')!;
    const listColumns = [1, 2, 3, 4, 5].map((c) => lists.getColumn(c).values.filter(Boolean).map(String));
    expect(listColumns).toContainEqual(['Phòng Người có công', 'Văn phòng Sở']); // the units tree's order
    expect((template.worksheets[0]!.getRow(4).values as unknown[]).slice(1)).toContain('Họ và tên');
    await page.keyboard.press('Escape');
    await page.getByTestId('import-file').waitFor({ state: 'detached' });

    // import with one bad row: the error names the row, nothing is imported
    await page.getByTestId('staff-import').click();
    await page.locator('input[type=file]').setInputFiles(STAFF_BAD_ROW_PATH);
    await page.getByTestId('import-errors').waitFor();
    const errText = await page.getByTestId('import-errors').innerText();
    expect(errText).toContain(BAD_ROW.message);
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('import-file').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('staff-row').count()).toBe(3);

    // the fixed file imports
    await page.getByTestId('staff-import').click();
    await page.locator('input[type=file]').setInputFiles(STAFF_GOOD_PATH);
    await page.getByTestId('import-ok').waitFor();
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-apply').waitFor({ state: 'detached' });
    const expected = 3 + FIXTURE_PEOPLE.length;
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe(`${expected} người`);

    // home: two steps done, with what they hold; "Ẩn" hides the steps on this computer
    await page.getByTestId('nav-home').click();
    await expect.poll(() => page.getByTestId('home-setup-progress').innerText()).toBe('2/5 bước đã xong');
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-done')))).toEqual(['true', 'true', 'false', 'false', 'false']);
    expect(await steps.nth(1).innerText()).toContain(`${expected} cán bộ`);
    // the step to take now is the past years' records, on the awards screen
    await page.getByTestId('home-setup-go-records').click();
    await page.getByTestId('records-import').waitFor();
    await page.getByTestId('nav-home').click();
    await page.getByTestId('home-setup-hide').click();
    await page.getByTestId('home-setup').waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('home-quarter').waitFor();
    expect(await page.getByTestId('home-setup').count()).toBe(0);
    await page.getByTestId('nav-staff').click();

    // export the filtered list
    await page.getByTestId('staff-search').fill('nguyen');
    await expect.poll(async () => (await page.getByTestId('staff-row-name').allInnerTexts()).every((n) => /Nguyễn/.test(n))).toBe(true);
    const nguyenCount = await page.getByTestId('staff-row').count();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('staff-export').click()]);
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const names: string[] = [];
    wb.worksheets[0]!.eachRow((row) => {
      const v = row.getCell(2).value;
      if (typeof v === 'string' && /^Nguyễn /.test(v)) names.push(v);
    });
    expect(names.length).toBe(nguyenCount);
    expect(pageErrors).toEqual([]);
    await page.close();

    // restart the host on the same database: everything is still there
    await host.stop();
    host = await session.startHost(dbPath);
    const page2 = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page2.goto(host.url);
    await page2.getByTestId('nav-staff').click();
    await expect.poll(() => page2.getByTestId('staff-count').innerText()).toBe(`${expected} người`);
    await page2.getByTestId('staff-search').fill('le duc thang');
    await expect.poll(() => page2.getByTestId('staff-row-name').allInnerTexts()).toEqual(['Lê Đức Thắng']);
    await page2.getByTestId('nav-units').click();
    await expect.poll(() => page2.getByTestId('unit-row').count()).toBe(2);
    await page2.close();
  });

  it('a first staff list names units the office lacks: "Tạo các đơn vị chưa có" creates them with the people', async () => {
    const d = tempDir('tdkt-e2e-units-');
    const h = await session.startHost(path.join(d, 'office.sqlite'));
    await hostApi(h, 'office.save', E2E_OFFICE);
    await hostApi(h, 'units.create', { name: 'Văn phòng Sở' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['STT', 'Họ và tên', 'Đơn vị']);
    ws.addRow([1, 'Nguyễn Văn An', 'Văn phòng Sở']);
    ws.addRow([2, 'Lê Thị Bình', 'Sở Tài chính › Phòng Ngân sách']);
    const file = path.join(d, 'ds.xlsx');
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(h.url);
    await page.getByTestId('nav-staff').click();
    await page.getByTestId('staff-import').click();
    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.getByTestId('import-errors').innerText()).toContain('chưa có trong danh sách đơn vị');
    // the same file read again with the option
    await page.getByTestId('import-create-units').check();
    await page.getByTestId('import-ok').waitFor();
    expect(await page.getByTestId('import-ok').innerText()).toContain('Sẽ tạo 2 đơn vị mới: Sở Tài chính; Sở Tài chính › Phòng Ngân sách.');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-apply').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe('2 người');
    // the new units are in the tree, and the list's unit filter offers them
    await page.getByTestId('nav-units').click();
    await expect.poll(() => page.getByTestId('unit-row').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Phòng Ngân sách'), expect.stringContaining('Sở Tài chính')]));
    await page.close();
    await h.stop();
  });

  it('the API refuses calls without the launch token', async () => {
    const h = host ?? (await session.startHost(path.join(tempDir(), 'x.sqlite')));
    const base = h.url.split('#')[0]!;
    const r = await fetch(`${base}api/staff.list`, { method: 'POST', body: '{}' });
    expect(r.status).toBe(401);
    const body = (await r.json()) as { ok: boolean; error: { message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.message).toContain('Phiên làm việc không hợp lệ');
    if (!host) await h.stop();
  });
});
