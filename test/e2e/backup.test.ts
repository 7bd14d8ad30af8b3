// The Sao lưu screen in Chromium against the real browser host: back up, change data,
// restore, and the change is gone while the data before the restore is kept as a backup.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { hasChromium, hostApi, e2eSession, type HostProcess } from './support/browser';
import { tempDir } from '../support/tmp';
import { testCore } from '../support/core';
import { addManyStaff } from '../integration/backup/helpers';

/** An office's database with one person, and a manual backup of it in its backups folder. */
async function officeWithBackup(dbPath: string) {
  const c = await testCore({ dbPath });
  await c.invoke('staff.create', { fullName: 'Nguyễn Thị Lan' });
  const backup = await c.invoke('backup.create', {});
  c.close();
  return backup;
}

describe.skipIf(!hasChromium)('backup e2e (browser host + Chromium)', () => {
  const session = e2eSession();
  let host: HostProcess | null = null;

  it('create a backup → add a staff member → restore → the staff member is gone, before-restore is listed', async () => {
    const dir = tempDir('tdkt-e2e-backup-');
    const dbPath = path.join(dir, 'office.sqlite');
    host = await session.startHost(dbPath);
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 }, acceptDownloads: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);

    await page.getByText('Thiết lập cơ quan').waitFor();
    await page.getByTestId('office-name').fill('Sở Nội vụ');
    await page.getByTestId('office-place').fill('Lào Cai');
    await page.getByTestId('office-abbr').fill('SNV');
    await page.getByTestId('office-save').click();
    await page.getByTestId('nav-backup').waitFor();
    // the profile alone is nothing to lose yet: no reminder on the first screen after setting it up
    await page.getByTestId('home-quarter').waitFor();
    const remind = page.getByTestId('home-backup-remind');
    expect(await remind.count()).toBe(0);
    // once the office holds records, the home screen reminds that no backup has left this
    // computer's disk; "Để sau" hides it
    await hostApi(host, 'units.create', { name: 'Văn phòng' });
    await page.getByTestId('nav-units').click();
    await page.getByTestId('nav-home').click();
    await remind.waitFor();
    expect(await remind.innerText()).toContain('Chưa có bản sao lưu nào ra ngoài máy');
    await remind.getByRole('button', { name: 'Để sau' }).click();
    await remind.waitFor({ state: 'detached' });

    // the host started on an empty file: no start-up backup (nothing to keep, nothing older
    // pruned for it); "Sao lưu ngay" adds a manual one
    await page.getByTestId('nav-backup').click();
    await expect.poll(() => page.getByTestId('backup-folder').innerText()).toBe(path.join(dir, 'backups'));
    await page.getByText('Chưa có bản sao lưu nào trong thư mục.').waitFor();
    expect(await page.getByTestId('backup-row').count()).toBe(0);
    await page.getByTestId('backup-create').click();
    const manualRow = page.locator('[data-testid="backup-row"][data-reason="manual"]');
    await manualRow.waitFor();
    expect(await manualRow.getByTestId('backup-reason').innerText()).toBe('Sao lưu thủ công');
    expect(await manualRow.textContent()).toContain('Tốt');

    // the browser host can also download a fresh backup
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^office-\d{8}-\d{6}-manual\.sqlite$/);
    const saved = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');

    // a backup onto a chosen folder ("USB"): the field's path opens the folder dialog there,
    // a sub-folder is entered by a click, "Lên một cấp" goes back, and the choice fills the field
    const usb = path.join(dir, 'USB E');
    fs.mkdirSync(path.join(usb, 'Sao lưu 2025'), { recursive: true });
    fs.mkdirSync(path.join(usb, 'Ảnh'), { recursive: true });
    await page.getByTestId('backup-dest').fill(path.join(dir, 'không có'));
    await page.getByTestId('backup-dest-pick').click();
    await page.getByTestId('folder-error').waitFor();
    expect(await page.getByTestId('folder-error').innerText()).toContain('Hãy chọn thư mục khác');
    expect(await page.getByTestId('folder-root').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('backup-dest').fill(usb);
    await page.getByTestId('backup-dest-pick').click();
    await expect.poll(() => page.getByTestId('folder-current').innerText()).toBe(usb);
    await expect.poll(() => page.getByTestId('folder-item').allInnerTexts()).toEqual(['Ảnh', 'Sao lưu 2025']);
    await page.locator('[data-testid="folder-item"][data-name="Sao lưu 2025"]').click();
    await expect.poll(() => page.getByTestId('folder-current').innerText()).toBe(path.join(usb, 'Sao lưu 2025'));
    await page.getByTestId('folder-up').click();
    await expect.poll(() => page.getByTestId('folder-current').innerText()).toBe(usb);
    await page.locator('[data-testid="folder-item"][data-name="Sao lưu 2025"]').click();
    await expect.poll(() => page.getByTestId('folder-current').innerText()).toBe(path.join(usb, 'Sao lưu 2025'));
    await page.getByTestId('folder-choose').click();
    await page.getByTestId('folder-choose').waitFor({ state: 'detached' });
    expect(await page.getByTestId('backup-dest').inputValue()).toBe(path.join(usb, 'Sao lưu 2025'));
    await page.getByTestId('backup-create').click();
    // copied, checked and synced on a thread of its own: more than poll's 1 s on a loaded machine
    await expect.poll(() => fs.readdirSync(path.join(usb, 'Sao lưu 2025')).filter((n) => /-manual\.sqlite$/.test(n)).length, { timeout: 20_000 }).toBe(1);
    await page.getByTestId('backup-dest').fill('');
    await expect.poll(() => page.getByTestId('backup-external').innerText()).toContain(path.join(usb, 'Sao lưu 2025'));

    // a staff member added after the backup (the empty list says how to begin)
    await page.getByTestId('nav-staff').click();
    await expect.poll(() => page.getByTestId('staff-empty').innerText()).toContain('Chưa có cán bộ đang công tác nào');
    await page.getByTestId('staff-add').click();
    await page.getByTestId('staff-name').fill('Phạm Thị Hằng');
    await page.getByTestId('staff-save').click();
    await page.getByTestId('staff-name').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('staff-row-name').allInnerTexts()).toEqual(['Phạm Thị Hằng']);

    // restore the manual backup, after a confirmation that says the current data is kept
    await page.getByTestId('nav-backup').click();
    await manualRow.getByTestId('backup-restore').click();
    await page.getByText('Khôi phục dữ liệu từ bản sao lưu?').waitFor();
    expect(await page.getByRole('dialog').innerText()).toContain('Trước khi khôi phục');
    await page.getByTestId('confirm-restore').click();
    const safetyRow = page.locator('[data-testid="backup-row"][data-reason="before-restore"]');
    await safetyRow.waitFor();
    expect(await safetyRow.getByTestId('backup-reason').innerText()).toBe('Trước khi khôi phục');
    await page.getByText('Đã khôi phục dữ liệu').waitFor();

    // the staff member is gone
    await page.getByTestId('nav-staff').click();
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe('0 người');
    expect(await page.getByTestId('staff-row').count()).toBe(0);

    // and the list still shows the copy kept before the restore
    await page.getByTestId('nav-backup').click();
    await safetyRow.waitFor();
    expect(await page.locator('[data-testid="backup-row"][data-reason="manual"]').count()).toBe(1);
    expect(pageErrors).toEqual([]);
    await page.close();

    // stopping the host makes the quit backup
    await host.stop();
    host = null;
    expect(fs.readdirSync(path.join(dir, 'backups')).some((n) => /-quit\.sqlite$/.test(n))).toBe(true);
  });

  it('a file that cannot be opened: the recovery screen restores a listed backup, the file is set aside', async () => {
    const dir = tempDir('tdkt-e2e-recovery-');
    const dbPath = path.join(dir, 'office.sqlite');
    await officeWithBackup(dbPath);
    for (const s of ['-wal', '-shm']) fs.rmSync(dbPath + s, { force: true });
    fs.writeFileSync(dbPath, Buffer.alloc(16384, 0x5a)); // a pulled USB stick, a disk error …
    host = await session.startHost(dbPath);
    const page = await session.browser.newPage({ viewport: { width: 1024, height: 768 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);

    await page.getByTestId('recovery-page').waitFor();
    expect(await page.getByTestId('recovery-reason').innerText()).toContain('đã bị hỏng');
    await expect.poll(() => page.getByTestId('backup-row').count()).toBe(1);
    await page.getByTestId('backup-restore').click();
    expect(await page.getByRole('dialog').innerText()).toContain('cất riêng vào thư mục sao lưu (không bị xóa)');
    await page.getByTestId('confirm-restore').click();

    // the app itself, on the backup's data
    await page.getByTestId('nav-staff').waitFor();
    await page.getByText('Sở Lao động - Thương binh và Xã hội').first().waitFor();
    await page.getByTestId('nav-staff').click();
    await expect.poll(() => page.getByTestId('staff-row-name').allInnerTexts()).toEqual(['Nguyễn Thị Lan']);
    // the file that did not open is kept, listed, and cannot be restored
    await page.getByTestId('nav-backup').click();
    const unopened = page.locator('[data-testid="backup-row"][data-reason="unopened"]');
    await unopened.waitFor();
    expect(await unopened.textContent()).toContain('Hỏng');
    expect(await unopened.getByTestId('backup-restore').isDisabled()).toBe(true);
    const kept = fs.readdirSync(path.join(dir, 'backups')).find((n) => n.endsWith('-unopened.sqlite'))!;
    expect(fs.readFileSync(path.join(dir, 'backups', kept)).equals(Buffer.alloc(16384, 0x5a))).toBe(true);
    expect(pageErrors).toEqual([]);
    await page.close();
    await host.stop();
    host = null;
  });

  it('the first run offers the backups found next to the file: one click restores the office', async () => {
    const dir = tempDir('tdkt-e2e-first-run-');
    const backup = await officeWithBackup(path.join(tempDir('tdkt-e2e-old-pc-'), 'old.sqlite'));
    // the backups folder brought from the old computer, next to a file that does not exist yet
    fs.mkdirSync(path.join(dir, 'backups'));
    fs.copyFileSync(backup.path, path.join(dir, 'backups', path.basename(backup.path)));
    host = await session.startHost(path.join(dir, 'office.sqlite'));
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(host.url);

    await page.getByText('Thiết lập cơ quan').waitFor();
    const offer = page.getByTestId('first-run-restore');
    await offer.getByTestId('backup-row').waitFor();
    expect(await offer.innerText()).toContain('Có 1 bản sao lưu');
    await offer.getByTestId('backup-restore').click();
    expect(await page.getByRole('dialog').innerText()).toContain('gồm cả thông tin cơ quan');
    await page.getByTestId('confirm-restore').click();
    await page.getByTestId('nav-staff').waitFor();
    await page.getByTestId('nav-staff').click();
    await expect.poll(() => page.getByTestId('staff-row-name').allInnerTexts()).toEqual(['Nguyễn Thị Lan']);
    await page.close();
    await host.stop();
    host = null;
  });

  it('damage inside a file that opens: the staff list says so, a banner leads to Sao lưu, a restore clears it', async () => {
    const dir = tempDir('tdkt-e2e-damage-');
    const dbPath = path.join(dir, 'office.sqlite');
    const c = await testCore({ dbPath });
    addManyStaff(c, 2000);
    await c.invoke('backup.create', {});
    const sqlite = c.ctx.conn.sqlite;
    const root = sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'staff'").pluck().get() as number;
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    c.close();
    for (const s of ['-wal', '-shm']) fs.rmSync(dbPath + s, { force: true });
    const fd = fs.openSync(dbPath, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize - 8, 0xa5), 0, pageSize - 8, (root - 1) * pageSize + 8);
    fs.closeSync(fd);

    host = await session.startHost(dbPath);
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(host.url);
    await page.getByTestId('nav-staff').click();
    // the list's own error, and the banner (the start-up backup's failed check, or the failed call, told the core)
    await page.getByText('bị hỏng một phần').first().waitFor();
    const banner = page.getByTestId('damage-banner');
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Mở Sao lưu' }).click();
    const manual = page.locator('[data-testid="backup-row"][data-reason="manual"]');
    await manual.getByTestId('backup-restore').click();
    await page.getByTestId('confirm-restore').click();
    await page.locator('[data-testid="backup-row"][data-reason="unopened"]').waitFor();
    await banner.waitFor({ state: 'detached' });
    await page.getByTestId('nav-staff').click();
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe('2.000 người');
    await page.close();
    await host.stop();
    host = null;
  });

  it('a data file on a network drive: opened without WAL, the home, Cài đặt and Sao lưu say where it is and what to prefer', async () => {
    const dbPath = path.join(tempDir('tdkt-e2e-network-'), 'office.sqlite');
    const c = await testCore({ dbPath });
    await c.invoke('office.save', { name: 'Sở Nội vụ', levelCode: 'so_nganh', placeName: 'Lào Cai', abbreviation: 'SNV' });
    c.close();
    // no network share here: the host's test hook opens the file as one
    host = await session.startHost(dbPath, { TDKT_DATA_ON_NETWORK: '1' });
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    const banner = page.getByTestId('network-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Tệp dữ liệu đang nằm trên ổ mạng');
    expect(await banner.innerText()).toContain(`Tệp ${dbPath} ở trên một máy khác`);
    expect(await banner.innerText()).toContain('Chỉ mở tệp này từ một máy tại một thời điểm');
    // the working screens are left alone; Cài đặt and Sao lưu say it again
    await page.getByTestId('nav-staff').click();
    await banner.waitFor({ state: 'detached' });
    for (const screen of ['settings', 'backup']) {
      await page.getByTestId(`nav-${screen}`).click();
      await banner.waitFor();
    }
    // the running host keeps the file in rollback-journal mode: the header's read/write versions
    // (bytes 18–19) are 1, where WAL makes them 2, and no -wal file sits beside it
    const header = Buffer.alloc(20);
    const fd = fs.openSync(dbPath, 'r');
    fs.readSync(fd, header, 0, 20, 0);
    fs.closeSync(fd);
    expect([header[18], header[19]]).toEqual([1, 1]);
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
    await page.close();
    await host.stop();
    host = null;
    expect(pageErrors).toEqual([]);
  });
});
