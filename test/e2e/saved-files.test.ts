// The desktop app's word on files saved from the window, in Chromium against the browser host
// with the Electron preload's `tdktFiles` bridge stood in by a fake: a real download (the staff
// list's "Xuất Excel") reported as Electron's main process reports it (electron/host/downloads.ts,
// unit-tested with fakes of Electron): where the file went with "Mở tệp" / "Mở thư mục", why a
// save failed, and what opening says when it cannot.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { hasChromium, hostApi, e2eSession } from './support/browser';
import { tempDir } from '../support/tmp';

declare global {
  interface Window {
    __saved: { emit(e: unknown): void; opened: Array<{ path: string; how: string }>; openResult: unknown };
  }
}

describe.skipIf(!hasChromium)('saved files e2e (browser host + Chromium, the preload bridge faked)', () => {
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
    // what the preload exposes in the desktop app, its main-process side played by the test
    await page.addInitScript(() => {
      const listeners: Array<(e: unknown) => void> = [];
      const state: Window['__saved'] = { emit: (e) => listeners.forEach((l) => l(e)), opened: [], openResult: { ok: true } };
      window.__saved = state;
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
        }),
      });
    });
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
});
