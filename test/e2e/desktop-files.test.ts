// The desktop app's file bridge in the window, in Chromium against the browser host with the
// Electron preload's `tdktFiles` stood in by a fake (its main-process side, electron/host/
// downloads.ts, is unit-tested with fakes of Electron):
// - files saved: a real download (the staff list's "Xuất Excel") reported as Electron's main
//   process reports it — where the file went with "Mở tệp" / "Mở thư mục", why a save failed,
//   what opening says when it cannot;
// - files chosen: where the window says a chosen file lies, the core reads it from disk — a
//   bundle opened and applied, a backup restored, the bytes the window holds never sent — and
//   without that (the browser) a file over the upload limit is refused before it is read.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { hasChromium, hostApi, e2eSession } from './support/browser';
import { tempDir } from '../support/tmp';
import { OFFICE_A, exportBytes, makeOffice, makeProvince } from '../integration/exchange/helpers';

declare global {
  interface Window {
    __saved: {
      emit(e: unknown): void;
      opened: Array<{ path: string; how: string }>;
      openResult: unknown;
      paths: Record<string, string>;
      launchBundle: string | null;
      emitBundle(p: string): void;
      progress: Array<number | null>;
    };
  }
}

/** What the preload exposes in the desktop app, its main-process side played by the test. */
async function fakeBridge(page: Page, launchBundle: string | null = null) {
  await page.addInitScript((launch) => {
    const listeners: Array<(e: unknown) => void> = [];
    const bundleListeners: Array<(p: string) => void> = [];
    const state: Window['__saved'] = {
      emit: (e) => listeners.forEach((l) => l(e)),
      opened: [],
      openResult: { ok: true },
      paths: {},
      launchBundle: launch,
      emitBundle: (p) => bundleListeners.forEach((l) => l(p)),
      progress: [],
    };
    window.__saved = state;
    Object.defineProperty(window, 'tdktWindow', { value: Object.freeze({ progress: (f: number | null) => void state.progress.push(f) }) });
    Object.defineProperty(window, 'tdktFiles', {
      value: Object.freeze({
        onSaved: (l: (e: unknown) => void) => {
          listeners.push(l);
          return () => listeners.splice(listeners.indexOf(l), 1);
        },
        open: async (p: string, how: string) => {
          state.opened.push({ path: p, how });
          return state.openResult;
        },
        pathOf: (f: File) => state.paths[f.name] ?? '',
        takeBundle: async () => {
          const p = state.launchBundle;
          state.launchBundle = null;
          return p;
        },
        onBundleOpened: (l: (p: string) => void) => {
          bundleListeners.push(l);
          return () => bundleListeners.splice(bundleListeners.indexOf(l), 1);
        },
      }),
    });
  }, launchBundle);
}

describe.skipIf(!hasChromium)('desktop files e2e (browser host + Chromium, the preload bridge faked)', () => {
  const session = e2eSession();

  it('a saved file is named with where it went and opens; a failed save says why', async () => {
    const host = await session.startHost(path.join(tempDir('tdkt-e2e-saved-'), 'office.sqlite'));
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(host, proc, input);
    await api('office.save', { name: 'Sở Nội vụ tỉnh Lào Cai', levelCode: 'so_nganh', placeName: 'Lào Cai', abbreviation: 'SNV' });
    const unit = await api<{ id: string }>('units.create', { name: 'Văn phòng Sở' });
    await api('staff.create', { fullName: 'Nguyễn Văn An', birthDate: '05/03/1980', gender: 'nam', unitId: unit.id });

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 }, acceptDownloads: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await fakeBridge(page);
    await page.goto(host.url);
    await page.getByTestId('nav-staff').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('staff-export').click()]);
    const fileName = download.suggestedFilename();
    expect(fileName).toMatch(/\.xlsx$/);
    const saved = `D:\\Ho so 2025\\${fileName}`;
    await page.evaluate(([f, p]) => window.__saved.emit({ ok: true, fileName: f, path: p, folder: 'D:\\Ho so 2025', openable: true }), [fileName, saved] as const);

    const note = page.getByTestId('file-saved');
    await note.waitFor();
    expect(await page.getByText(`Đã lưu tệp: ${fileName}`).count()).toBe(1);
    expect(await page.getByTestId('file-saved-path').innerText()).toBe(saved);
    await page.getByTestId('file-saved-open').click();
    // opened, the note goes
    await note.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.__saved.opened)).toEqual([{ path: saved, how: 'file' }]);

    // a bundle (not a document): only its folder; the folder cannot be opened — said so
    await page.evaluate(() => {
      window.__saved.openResult = { ok: false, message: 'Tệp "Goi.tdkt" không còn ở chỗ đã lưu (đã bị xóa, đổi tên, hoặc USB đã rút).' };
      window.__saved.emit({ ok: true, fileName: 'Goi.tdkt', path: 'E:\\Goi.tdkt', folder: 'E:\\', openable: false });
    });
    await page.getByTestId('file-saved-folder').waitFor();
    expect(await page.getByTestId('file-saved-open').count()).toBe(0);
    await page.getByTestId('file-saved-folder').click();
    await page.getByText('Không mở được').waitFor();
    expect(await page.getByText('không còn ở chỗ đã lưu').count()).toBe(1);
    expect(await page.evaluate(() => window.__saved.opened.at(-1))).toEqual({ path: 'E:\\Goi.tdkt', how: 'folder' });

    // a save that failed (the file open in Word): the reason stays until closed
    await page.evaluate(() =>
      window.__saved.emit({ ok: false, fileName: 'To-trinh.docx', message: 'Không lưu được tệp "To-trinh.docx" vào thư mục D:\\. Nếu một tệp cùng tên đang mở (trong Word, Excel…), hãy đóng tệp đó rồi lưu lại.' }),
    );
    await page.getByTestId('file-save-failed').waitFor();
    expect(await page.getByText('Không lưu được tệp', { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('file-save-failed').innerText()).toContain('hãy đóng tệp đó rồi lưu lại');
    expect(pageErrors).toEqual([]);
  });

  it('a chosen bundle and backup are read from where they lie; in the browser one too large is refused before it is read', { timeout: 90_000 }, async () => {
    const dir = tempDir('tdkt-e2e-chosen-');
    const officeDb = path.join(dir, 'office.sqlite');
    const provinceDb = path.join(dir, 'province.sqlite');
    const office = await makeOffice(OFFICE_A, officeDb);
    const bundle = path.join(dir, 'Goi-tu-xa.tdkt');
    fs.writeFileSync(bundle, await exportBytes(office));
    office.close();
    (await makeProvince(provinceDb)).close();
    const host = await session.startHost(provinceDb);
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(host, proc, input);
    const elsewhere = path.join(dir, 'USB');
    fs.mkdirSync(elsewhere);
    const backup = await api<{ path: string }>('backup.create', { destDir: elsewhere });

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await fakeBridge(page);
    await page.goto(host.url);
    await page.evaluate(([name, p]) => void (window.__saved.paths[name] = p), ['Goi-tu-xa.tdkt', bundle] as const);

    // the bytes the window holds are not a bundle: only the file on disk is, so it was read there
    await page.getByTestId('nav-exchange').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'Goi-tu-xa.tdkt', mimeType: 'application/octet-stream', buffer: Buffer.from('không phải gói dữ liệu') });
    await page.getByTestId('exchange-verified').waitFor();
    expect(await page.getByTestId('exchange-origin').innerText()).toBe(OFFICE_A.name);
    await page.getByTestId('exchange-preview').waitFor();
    await page.getByTestId('exchange-apply').click();
    await page.getByTestId('exchange-done').waitFor();
    // the office, its units and staff
    expect(await page.getByTestId('exchange-done').innerText()).toContain('ghi 7 bản ghi');
    // each long job (verify, compare, apply) ended on the taskbar button, any fraction between 0 and 1
    const progress = await page.evaluate(() => window.__saved.progress);
    expect(progress.filter((f) => f === null).length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toBeNull();
    expect(progress.every((f) => f === null || (f >= 0 && f <= 1))).toBe(true);
    expect((await api<{ rows: Array<{ fullName: string }> }>('staff.list', {})).rows.map((r) => r.fullName)).toContain('Nguyễn Văn An');

    // evidence chosen for a dossier: the file on disk is stored, not the window's bytes
    const dossier = await api<{ id: string }>('dossiers.create', { year: 2025, awardCode: 'LDTT' });
    const scan = path.join(elsewhere, 'QĐ công nhận (bản quét).pdf');
    fs.writeFileSync(scan, Buffer.alloc(20_000, 7));
    await page.evaluate(([name, p]) => void (window.__saved.paths[name] = p), [path.basename(scan), scan] as const);
    await page.getByTestId('nav-dossiers').click();
    await page.getByTestId('dossier-open').first().click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('attachment-upload').click();
    await (await chooser).setFiles({ name: path.basename(scan), mimeType: 'application/pdf', buffer: Buffer.from('rác') });
    await expect.poll(() => page.getByTestId('attachment-row').count()).toBe(1);
    expect((await api<{ attachments: Array<{ size: number }> }>('dossiers.get', { id: dossier.id })).attachments.map((a) => a.size)).toEqual([20_000]);
    await page.getByTestId('nav-exchange').click();

    // no place known (the browser) and over 64 MB: refused at once, nothing read or sent
    const big = path.join(dir, 'Goi-lon.tdkt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 65 * 1024 * 1024);
    await page.locator('input[type=file]').setInputFiles(big);
    await page.getByTestId('exchange-error').waitFor();
    const refused = await page.getByTestId('exchange-error').innerText();
    expect(refused).toContain('Gói dữ liệu "Goi-lon.tdkt" nặng 65 MB, quá 64 MB');
    expect(refused).toContain('trong ứng dụng TĐKT Desktop trên máy tính');

    // a backup chosen on the USB stick, restored from there: the staff received since are gone
    await page.evaluate(([name, p]) => void (window.__saved.paths[name] = p), [path.basename(backup.path), backup.path] as const);
    await page.getByTestId('nav-backup').click();
    await page.locator('input[type=file]').setInputFiles({ name: path.basename(backup.path), mimeType: 'application/octet-stream', buffer: Buffer.from('rác') });
    await page.getByTestId('confirm-restore').click();
    await page.getByText('Đã khôi phục dữ liệu.', { exact: false }).waitFor();
    await expect.poll(async () => (await api<{ rows: unknown[] }>('staff.list', {})).rows.length).toBe(0);

    // a backup over 72 MB with no place known: said so, no confirmation asked
    const bigBackup = path.join(dir, 'tdkt-lon.sqlite');
    fs.writeFileSync(bigBackup, '');
    fs.truncateSync(bigBackup, 73 * 1024 * 1024);
    await page.locator('input[type=file]').setInputFiles(bigBackup);
    await page.getByText('Tệp sao lưu "tdkt-lon.sqlite" nặng 73 MB, quá 72 MB', { exact: false }).waitFor();
    expect(await page.getByTestId('confirm-restore').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('a bundle double-clicked in Explorer opens on Trao đổi dữ liệu: the one the app started with, and one opened later', { timeout: 90_000 }, async () => {
    const dir = tempDir('tdkt-e2e-opened-');
    const provinceDb = path.join(dir, 'province.sqlite');
    const office = await makeOffice(OFFICE_A, path.join(dir, 'office.sqlite'));
    const bundle = path.join(dir, 'USB', 'TDKT_PNVBT_gui-cap-tren.tdkt');
    fs.mkdirSync(path.dirname(bundle));
    fs.writeFileSync(bundle, await exportBytes(office));
    office.close();
    (await makeProvince(provinceDb)).close();
    const host = await session.startHost(provinceDb);

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await fakeBridge(page, bundle);
    await page.goto(host.url);
    // the app started with the bundle: its screen opens it, checked and compared
    await page.getByTestId('exchange-verified').waitFor();
    expect(await page.getByTestId('exchange-opened-path').innerText()).toBe(`Đang mở gói: ${bundle}`);
    expect(await page.getByTestId('exchange-origin').innerText()).toBe(OFFICE_A.name);
    await page.getByTestId('exchange-preview').waitFor();
    await page.getByTestId('exchange-apply').click();
    await page.getByTestId('exchange-done').waitFor();
    expect(await page.getByTestId('exchange-done').innerText()).toContain('ghi 7 bản ghi');

    // later, from another screen, the same bundle opened again: taken there, already applied
    await page.getByTestId('nav-home').click();
    await page.getByTestId('exchange-opened-path').waitFor({ state: 'detached' });
    await page.evaluate((p) => window.__saved.emitBundle(p), bundle);
    await page.getByTestId('exchange-already').waitFor();
    expect(await page.getByTestId('exchange-opened-path').innerText()).toBe(`Đang mở gói: ${bundle}`);
    expect(pageErrors).toEqual([]);
  });

  it('files dropped on the window: a bundle opens on Trao đổi dữ liệu, evidence goes where it is dropped, anything else is refused', { timeout: 90_000 }, async () => {
    // no bridge: dropping works the same in the browser host (the bytes are uploaded)
    const dir = tempDir('tdkt-e2e-drop-');
    const provinceDb = path.join(dir, 'province.sqlite');
    const office = await makeOffice(OFFICE_A, path.join(dir, 'office.sqlite'));
    const bundle = (await exportBytes(office)).toString('base64');
    office.close();
    (await makeProvince(provinceDb)).close();
    const host = await session.startHost(provinceDb);
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(host, proc, input);
    const unit = await api<{ id: string }>('units.create', { name: 'Văn phòng Sở' });
    const an = await api<{ id: string }>('staff.create', { fullName: 'Trần Thị Bình', birthDate: '05/03/1980', gender: 'nu', unitId: unit.id });
    const dossier = await api<{ id: string }>('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    await api('dossiers.addNominees', { id: dossier.id, nominees: [{ kind: 'person', staffId: an.id }] });

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('nav-home').waitFor();
    /** files dragged from Explorer and dropped on `selector` (dragover first, as a real drag) */
    const drop = async (selector: string, files: Array<{ name: string; base64: string }>) => {
      const dt = await page.evaluateHandle((list) => {
        const t = new DataTransfer();
        for (const f of list) t.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
        return t;
      }, files);
      await page.dispatchEvent(selector, 'dragover', { dataTransfer: dt });
      await page.dispatchEvent(selector, 'drop', { dataTransfer: dt });
    };
    const text = (s: string) => Buffer.from(s).toString('base64');

    // anywhere but a drop place: a workbook is refused, saying where files go; two bundles too
    await drop('main', [{ name: 'Danh sach.xlsx', base64: text('x') }]);
    await page.getByText('Chưa mở được tệp thả vào').waitFor();
    expect(await page.getByText('Danh sach.xlsx: chỉ gói dữ liệu (.tdkt) mở được', { exact: false }).count()).toBe(1);
    await drop('main', [
      { name: 'a.tdkt', base64: bundle },
      { name: 'b.tdkt', base64: bundle },
    ]);
    await page.getByText('Mỗi lần chỉ mở một gói dữ liệu', { exact: false }).waitFor();
    expect(page.url()).not.toContain('#/exchange');

    // a bundle dropped on the home screen: Trao đổi dữ liệu opens it, checked and compared
    await drop('main', [{ name: 'TDKT_PNVBT_gui-cap-tren.tdkt', base64: bundle }]);
    await page.getByTestId('exchange-verified').waitFor();
    expect(await page.getByTestId('exchange-origin').innerText()).toBe(OFFICE_A.name);
    await page.getByTestId('exchange-preview').waitFor();

    // evidence dropped on a dossier's evidence frame is attached to the dossier
    await page.getByTestId('nav-dossiers').click();
    await page.getByTestId('dossier-open').first().click();
    await page.getByTestId('attachment-drop').waitFor();
    expect(await page.getByTestId('attachment-drop').innerText()).toContain('Hoặc kéo thả tệp vào khung này');
    const refusals = await page.getByText('Chưa mở được tệp thả vào').count();
    await drop('[data-testid="attachment-drop"]', [{ name: 'QĐ công nhận sáng kiến.pdf', base64: text('%PDF-1.4\n%%EOF\n') }]);
    await expect.poll(() => page.getByTestId('attachment-row').count()).toBe(1);
    expect(await page.getByTestId('attachment-row').innerText()).toContain('QĐ công nhận sáng kiến.pdf');
    // the window's own refusal did not fire for it
    expect(await page.getByText('Chưa mở được tệp thả vào').count()).toBeLessThanOrEqual(refusals);
    expect(pageErrors).toEqual([]);
  });
});
