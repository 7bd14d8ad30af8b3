// The USB journey in a real browser: an office exports a bundle (download), the province
// opens it, sees the preview, applies it, finds the staff and the history row.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { hasChromium, e2eSession, type HostProcess } from './support/browser';
import { tempDir } from '../support/tmp';
import { createCore } from '../../electron/core/core';
import { OFFICE_A, exportBytes, makeOffice, makeProvince, src, staffByName, type OfficeSetup } from '../integration/exchange/helpers';

async function editBothSides(officeDb: string, provinceDb: string): Promise<string> {
  let id = '';
  for (const [db, position] of [
    [provinceDb, 'Sửa ở tỉnh'],
    [officeDb, 'Sửa ở xã'],
  ] as const) {
    const c = await createCore({ dbPath: db, host: 'test' });
    const s = (await c.invoke('staff.list', {})).rows.find((r) => r.fullName === 'Lê Đức Thắng')!;
    id = s.id;
    await new Promise((r) => setTimeout(r, 5));
    await c.invoke('staff.update', { id: s.id, data: { ...s, position } });
    c.close();
  }
  return id;
}

async function exportFrom(dbPath: string): Promise<Buffer> {
  const c = await createCore({ dbPath, host: 'test' });
  try {
    return await exportBytes(c);
  } finally {
    c.close();
  }
}

describe.skipIf(!hasChromium)('exchange e2e (browser host + Chromium)', () => {
  const session = e2eSession();
  let host: HostProcess | null = null;

  it('office exports → province previews, applies, sees the staff and the history', { timeout: 90_000 }, async () => {
    const dir = tempDir('tdkt-e2e-exchange-');
    const officeDb = path.join(dir, 'office.sqlite');
    const provinceDb = path.join(dir, 'province.sqlite');
    const officeCore = await makeOffice(OFFICE_A, officeDb);
    const an0 = (await staffByName(officeCore)).get('Nguyễn Văn An')!;
    await officeCore.invoke('records.saveDecision', { data: { number: '5/QĐ', year: 2025, awardCode: 'GIAY_KHEN', recipients: [{ kind: 'person', staffId: an0.id }] } as never });
    officeCore.close();
    (await makeProvince(provinceDb)).close();
    const pageErrors: string[] = [];

    // office: export, downloaded by the browser
    host = await session.startHost(officeDb);
    const office = await session.browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    office.on('pageerror', (e) => pageErrors.push(e.message));
    await office.goto(host.url);
    await office.getByTestId('nav-exchange').click();
    const [download] = await Promise.all([office.waitForEvent('download'), office.getByTestId('exchange-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^TDKT_PNVBT_gui-cap-tren_\d{8}-\d{6}\.tdkt$/);
    const bundlePath = path.join(dir, download.suggestedFilename());
    await download.saveAs(bundlePath);
    expect(fs.statSync(bundlePath).size).toBeGreaterThan(500);
    await office.getByTestId('exchange-export-done').waitFor();
    await expect.poll(() => office.locator('[data-testid="exchange-history-row"][data-direction="out"]').count()).toBe(1);

    // a full bundle is not a way to move to a new computer: the form says so and leads to Sao lưu
    expect(await office.getByTestId('exchange-full-note').count()).toBe(0);
    await office.getByTestId('exchange-kind').click();
    await office.getByRole('option', { name: /^Toàn bộ dữ liệu của mọi cơ quan/ }).click();
    const note = await office.getByTestId('exchange-full-note').innerText();
    expect(note).toContain('không dùng để chuyển sang máy mới');
    expect(note).toContain('không mang phong trào, kế hoạch, nhiệm vụ');
    expect(note).toContain('Khôi phục từ tệp');
    await office.getByTestId('exchange-full-backup').click();
    await office.getByTestId('backup-folder').waitFor();
    await office.close();
    await host.stop();

    // province: open → verified → preview → apply
    host = await session.startHost(provinceDb);
    const prov = await session.browser.newPage({ viewport: { width: 1366, height: 900 } });
    prov.on('pageerror', (e) => pageErrors.push(e.message));
    await prov.goto(host.url);
    await prov.getByTestId('nav-exchange').click();

    // a file that is not a bundle is refused with a Vietnamese message
    const junk = path.join(dir, 'nham-tep.tdkt');
    fs.writeFileSync(junk, 'không phải gói dữ liệu');
    await prov.locator('input[type=file]').setInputFiles(junk);
    await prov.getByTestId('exchange-error').waitFor();
    expect(await prov.getByTestId('exchange-error').innerText()).toContain('không phải gói dữ liệu TĐKT');

    await prov.locator('input[type=file]').setInputFiles(bundlePath);
    await prov.getByTestId('exchange-verified').waitFor();
    expect(await prov.getByTestId('exchange-origin').innerText()).toBe(OFFICE_A.name);
    expect(await prov.getByTestId('exchange-full-received').count()).toBe(0);
    await prov.getByTestId('exchange-preview').waitFor();
    // the office, its units and staff, and its Giấy khen decision with what goes with it
    expect(await prov.getByTestId('exchange-total-new').innerText()).toBe('11');
    expect(await prov.getByTestId('exchange-total-conflict').innerText()).toBe('0');
    const staffRow = prov.locator('[data-testid="exchange-preview-row"][data-entity="staff"]');
    expect(await staffRow.getByTestId('exchange-count-new').innerText()).toBe('3');
    await prov.getByTestId('exchange-apply').click();
    await prov.getByTestId('exchange-done').waitFor();
    expect(await prov.getByTestId('exchange-done').innerText()).toContain('ghi 11 bản ghi');
    await expect.poll(() => prov.locator('[data-testid="exchange-history-row"][data-direction="in"]').count()).toBe(1);
    expect(await prov.getByTestId('exchange-history-row').first().innerText()).toContain(OFFICE_A.name);

    // the same bundle again: already imported, nothing to apply
    await prov.getByTestId('exchange-close').click();
    await prov.getByTestId('exchange-done').waitFor({ state: 'detached' });
    await prov.locator('input[type=file]').setInputFiles(bundlePath);
    await prov.getByTestId('exchange-already').waitFor();
    expect(await prov.getByTestId('exchange-apply').isDisabled()).toBe(true);

    // both sides edit the same person: the conflict must be chosen before applying
    const id = await editBothSides(officeDb, provinceDb);
    const second = path.join(dir, 'lan-hai.tdkt');
    fs.writeFileSync(second, await exportFrom(officeDb));
    await prov.reload();
    await prov.getByTestId('nav-exchange').click();
    await prov.locator('input[type=file]').setInputFiles(second);
    await prov.getByTestId('exchange-conflict').waitFor();
    expect(await prov.getByTestId('exchange-total-conflict').innerText()).toBe('1');
    const card = await prov.getByTestId('exchange-conflict').innerText();
    expect(card).toContain('Lê Đức Thắng');
    expect(card).toContain('Sửa ở tỉnh');
    expect(card).toContain('Sửa ở xã');
    expect(await prov.getByTestId('exchange-apply').isDisabled()).toBe(true);
    await prov.getByTestId('exchange-choice-incoming').click();
    await prov.getByTestId('exchange-apply').click();
    await prov.getByTestId('exchange-done').waitFor();
    expect(await prov.getByTestId('exchange-done').innerText()).toContain('lấy bản trong gói 1');
    const check = await createCore({ dbPath: provinceDb, host: 'test' });
    expect((await check.invoke('staff.get', { id })).position).toBe('Sửa ở xã');
    check.close();

    // the staff are in the Cán bộ list
    await prov.getByTestId('nav-staff').click();
    await expect.poll(() => prov.getByTestId('staff-row').count()).toBe(OFFICE_A.staff.length);
    const names = await prov.getByTestId('staff-row-name').allInnerTexts();
    expect(names.sort()).toEqual(OFFICE_A.staff.map((s) => s.fullName).sort());

    // the units arrive as the office's own tree, under its name; the province's units stay apart
    await prov.getByTestId('nav-units').click();
    await prov.getByTestId('unit-add').click();
    await prov.getByTestId('unit-name').fill('Văn phòng');
    await prov.getByTestId('unit-save').click();
    await expect.poll(() => prov.getByTestId('unit-office-header').allInnerTexts()).toEqual([
      expect.stringContaining('(cơ quan này)'),
      expect.stringContaining(OFFICE_A.name),
    ]);
    expect(await prov.getByTestId('unit-row').count()).toBe(OFFICE_A.units.length + 1);
    await prov.getByTestId('unit-office-filter').click();
    await prov.getByRole('option', { name: OFFICE_A.name }).click();
    await expect.poll(() => prov.getByTestId('unit-row').count()).toBe(OFFICE_A.units.length);
    expect(await prov.getByTestId('unit-office-header').allInnerTexts()).toEqual([expect.stringContaining(OFFICE_A.name)]);
    // the tree is drawn as one: a sub-unit's name starts to the right of its parent's
    const nameX = async (name: string) => (await prov.getByTestId('unit-row').filter({ has: prov.getByText(name, { exact: true }) }).getByText(name, { exact: true }).boundingBox())!.x;
    expect(await nameX('Bộ phận một cửa')).toBeGreaterThan((await nameX('Văn phòng')) + 16);
    // a unit counts its own staff and those of its sub-units
    expect(await prov.getByTestId('unit-row').filter({ has: prov.getByText('Văn phòng', { exact: true }) }).innerText()).toContain('1 người, cả đơn vị cấp dưới 2 người');

    // the staff list filters by office too
    await prov.getByTestId('nav-staff').click();
    await expect.poll(() => prov.getByTestId('staff-row').count()).toBe(OFFICE_A.staff.length);
    await prov.getByTestId('staff-office-filter').click();
    await prov.getByRole('option', { name: /\(cơ quan này\)/ }).click();
    await expect.poll(() => prov.getByTestId('staff-count').innerText()).toBe('0 người');
    await prov.getByTestId('staff-office-filter').click();
    await prov.getByRole('option', { name: OFFICE_A.name }).click();
    await expect.poll(() => prov.getByTestId('staff-count').innerText()).toBe(`${OFFICE_A.staff.length} người`);
    // the province's "Văn phòng" and the office's share a name: the office's is named with its office
    const an = prov.getByTestId('staff-row').filter({ hasText: 'Nguyễn Văn An' });
    // cells: the tick box, name, gender, birth date, unit
    await expect.poll(() => an.getByRole('cell').nth(4).innerText()).toBe(`Văn phòng — ${OFFICE_A.name}`);
    // the statistics side by side by office: the office's Giấy khen in its own row
    await prov.getByTestId('nav-awards').click();
    await prov.getByTestId('awards-tab-chart').click();
    await prov.getByTestId('stats-from').fill('2025');
    await prov.getByTestId('stats-to').fill('2025');
    await prov.getByTestId('stats-by').getByText('Cơ quan').click();
    await expect.poll(() => prov.getByTestId('chart-row').allInnerTexts()).toEqual([expect.stringMatching(new RegExp(`^${OFFICE_A.name}\\s+1\\s+1$`))]);

    // a bundle of every office's data says, when opened, that it is no way to a new computer
    const fullPath = path.join(dir, 'toan-bo.tdkt');
    const oc = await createCore({ dbPath: officeDb, host: 'test' });
    fs.writeFileSync(fullPath, await exportBytes(oc, 'full'));
    oc.close();
    await prov.getByTestId('nav-exchange').click();
    await prov.locator('input[type=file]').setInputFiles(fullPath);
    const received = await prov.getByTestId('exchange-full-received').innerText();
    expect(received).toContain('Nếu đang chuyển sang máy mới, đừng nhập gói này');
    expect(received).toContain('Khôi phục từ tệp');
    expect(pageErrors).toEqual([]);
    await prov.close();
  });
  it('60 conflicts: shown 50 a page, the choices on both pages applied', { timeout: 120_000 }, async () => {
    const dir = tempDir('tdkt-e2e-conflicts-');
    const officeDb = path.join(dir, 'office.sqlite');
    const provinceDb = path.join(dir, 'province.sqlite');
    const setup: OfficeSetup = {
      name: OFFICE_A.name,
      abbreviation: OFFICE_A.abbreviation,
      units: [{ name: 'Văn phòng' }],
      staff: Array.from({ length: 60 }, (_, i) => ({ fullName: `Nguyễn Văn Số ${i + 1}`, birthDate: '01/01/1980', unit: 'Văn phòng' })),
    };
    const office = await makeOffice(setup, officeDb);
    const province = await makeProvince(provinceDb);
    await province.invoke('exchange.apply', src(await exportBytes(office)));
    // both sides edit every person's position
    await new Promise((r) => setTimeout(r, 5));
    for (const s of (await province.invoke('staff.list', {})).rows) await province.invoke('staff.update', { id: s.id, data: { ...s, position: 'Sửa ở tỉnh' } });
    await new Promise((r) => setTimeout(r, 5));
    for (const s of (await office.invoke('staff.list', {})).rows) await office.invoke('staff.update', { id: s.id, data: { ...s, position: 'Sửa ở xã' } });
    const bundle = path.join(dir, 'xung-dot.tdkt');
    fs.writeFileSync(bundle, await exportBytes(office));
    office.close();
    province.close();

    host = await session.startHost(provinceDb);
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('nav-exchange').click();
    await page.locator('input[type=file]').setInputFiles(bundle);
    await page.getByTestId('exchange-conflict').first().waitFor();
    expect(await page.getByTestId('exchange-total-conflict').innerText()).toBe('60');
    // a page holds 50 cards; the second the other 10
    expect(await page.getByTestId('exchange-conflict').count()).toBe(50);
    expect(await page.getByTestId('exchange-apply').isDisabled()).toBe(true);
    // the first page: take the office's version one card at a time
    const cards = page.getByTestId('exchange-conflict');
    for (let i = 0; i < 50; i++) await cards.nth(i).getByTestId('exchange-choice-incoming').click();
    expect(await page.getByText('Còn 10 xung đột chưa chọn.').count()).toBe(1);
    const pages = page.getByTestId('exchange-conflict-pages');
    await pages.getByRole('button', { name: '2', exact: true }).click();
    await expect.poll(() => cards.count()).toBe(10);
    const keptLocal = await cards.first().innerText();
    // the second page: keep the province's version for the first card, the office's for the rest
    await cards.first().getByTestId('exchange-choice-local').click();
    for (let i = 1; i < 10; i++) await cards.nth(i).getByTestId('exchange-choice-incoming').click();
    await expect.poll(() => page.getByTestId('exchange-apply').isDisabled()).toBe(false);
    await page.getByTestId('exchange-apply').click();
    await page.getByTestId('exchange-done').waitFor();
    expect(await page.getByTestId('exchange-done').innerText()).toContain('lấy bản trong gói 59');

    const check = await createCore({ dbPath: provinceDb, host: 'test' });
    const rows = (await check.invoke('staff.list', {})).rows;
    const local = rows.filter((r) => r.position === 'Sửa ở tỉnh');
    expect(local.length).toBe(1);
    expect(keptLocal).toContain(local[0]!.fullName);
    expect(rows.filter((r) => r.position === 'Sửa ở xã').length).toBe(59);
    check.close();
    await host.stop();
    expect(pageErrors).toEqual([]);
  });
});
