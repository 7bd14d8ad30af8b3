// Files saved from the desktop window (electron/host/downloads.ts), with fakes for Electron's
// session, download item, web contents and shell: where the dialog starts, what the window is
// told when a save ends, and what it may open afterwards.
import { describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { HOST_CHANNELS, type FileSavedEvent } from '../../../shared/contract/host';
import { SAVE_FOLDER_FILE, SavedFiles, saveDialogOptions, type DownloadItemLike, type DownloadState, type SaveDialogOptionsLike, type ShellLike } from '../../../electron/host/downloads';
import { tempDir } from '../../support/tmp';

const INDEX = 'file:///opt/tdkt/resources/app.asar/dist/renderer/index.html';
const appFrame = { senderFrame: { url: INDEX, parent: null } };

class FakeItem implements DownloadItemLike {
  options: SaveDialogOptionsLike | null = null;
  private done: ((event: unknown, state: DownloadState) => void) | null = null;
  constructor(
    private readonly fileName: string,
    private savePath = '',
  ) {}
  getFilename() {
    return this.fileName;
  }
  getSavePath() {
    return this.savePath;
  }
  setSaveDialogOptions(options: SaveDialogOptionsLike) {
    this.options = options;
  }
  once(_event: 'done', listener: (event: unknown, state: DownloadState) => void) {
    this.done = listener;
    return this;
  }
  /** the user chose `savePath` in the dialog and the write ended in `state` */
  finish(state: DownloadState, savePath: string, bytes = 'x') {
    this.savePath = savePath;
    if (state === 'completed') fs.writeFileSync(savePath, bytes);
    this.done!({}, state);
  }
}

function fakeContents(destroyed = false) {
  const sent: FileSavedEvent[] = [];
  return { sent, contents: { isDestroyed: () => destroyed, send: (channel: string, e: FileSavedEvent) => void (channel === HOST_CHANNELS.fileSaved && sent.push(e)) } };
}

function fakeShell(openError = '') {
  return { openPath: vi.fn<ShellLike['openPath']>(async () => openError), showItemInFolder: vi.fn<ShellLike['showItemInFolder']>() };
}

function setUp() {
  const dir = tempDir('tdkt-saved-');
  const userData = path.join(dir, 'userData');
  const documents = path.join(dir, 'Documents');
  const usb = path.join(dir, 'USB');
  for (const d of [userData, documents, usb]) fs.mkdirSync(d);
  const saved = new SavedFiles(path.join(userData, SAVE_FOLDER_FILE), documents);
  let listener: ((event: unknown, item: DownloadItemLike, contents: ReturnType<typeof fakeContents>['contents']) => void) | null = null;
  saved.watch({ on: (_e, l) => void (listener = l) });
  const download = (item: FakeItem, c = fakeContents()) => {
    listener!({}, item, c.contents);
    return c;
  };
  return { saved, download, documents, usb, userData };
}

describe('files saved from the desktop window', () => {
  it('offers the file kind first in the dialog, then every file', () => {
    const o = saveDialogOptions('To-trinh_2025.docx', 'E:\\HoSo');
    expect(o.defaultPath).toBe(path.join('E:\\HoSo', 'To-trinh_2025.docx'));
    expect(o.title).toBe('Lưu tệp');
    expect(o.filters).toEqual([
      { name: 'Văn bản Word (.docx)', extensions: ['docx'] },
      { name: 'Mọi tệp', extensions: ['*'] },
    ]);
    expect(saveDialogOptions('Goi.TDKT', '/x').filters[0]).toEqual({ name: 'Gói dữ liệu TĐKT (.tdkt)', extensions: ['tdkt'] });
    expect(saveDialogOptions('anh-minh-chung.heic', '/x').filters).toEqual([{ name: 'Mọi tệp', extensions: ['*'] }]);
  });

  it('starts in Documents, then where the last file went, across runs, until that folder is gone', () => {
    const { download, documents, usb, userData } = setUp();
    const first = new FakeItem('Danh-sach.xlsx');
    download(first);
    expect(first.options!.defaultPath).toBe(path.join(documents, 'Danh-sach.xlsx'));
    first.finish('completed', path.join(usb, 'Danh-sach.xlsx'));

    const second = new FakeItem('To-trinh.docx');
    download(second);
    expect(second.options!.defaultPath).toBe(path.join(usb, 'To-trinh.docx'));
    // a dialog cancelled does not move it
    second.finish('cancelled', '');
    // the next run of the app reads it from userData
    const again = new SavedFiles(path.join(userData, SAVE_FOLDER_FILE), documents);
    expect(again.folder()).toBe(usb);
    // the USB stick pulled: Documents again
    fs.rmSync(usb, { recursive: true });
    expect(again.folder()).toBe(documents);
    // a damaged state file is not an error
    fs.writeFileSync(path.join(userData, SAVE_FOLDER_FILE), '{"folder":');
    expect(again.folder()).toBe(documents);
  });

  it('tells the window where a saved file went, and nothing for a dialog cancelled', () => {
    const { download, usb } = setUp();
    const item = new FakeItem('To-trinh.docx');
    const c = download(item);
    // the user renamed it in the dialog: the name kept is the one saved
    item.finish('completed', path.join(usb, 'To-trinh (sửa).docx'));
    expect(c.sent).toEqual([{ ok: true, fileName: 'To-trinh (sửa).docx', path: path.join(usb, 'To-trinh (sửa).docx'), folder: usb, openable: true }]);

    const cancelled = new FakeItem('Bao-cao.docx');
    const c2 = download(cancelled);
    cancelled.finish('cancelled', '');
    expect(c2.sent).toEqual([]);

    // the window closed meanwhile: nothing sent, nothing thrown
    const late = new FakeItem('Goi.tdkt');
    const c3 = download(late, fakeContents(true));
    late.finish('completed', path.join(usb, 'Goi.tdkt'));
    expect(c3.sent).toEqual([]);
  });

  it('says in Vietnamese why a save failed (a file of that name open in Word), and keeps the last folder', () => {
    const { saved, download, usb } = setUp();
    const ok = new FakeItem('A.docx');
    download(ok);
    ok.finish('completed', path.join(usb, 'A.docx'));
    const item = new FakeItem('To-trinh.docx');
    const c = download(item);
    item.finish('interrupted', path.join(usb, 'To-trinh.docx'));
    expect(c.sent).toHaveLength(1);
    const e = c.sent[0]!;
    expect(e.ok).toBe(false);
    if (e.ok) return;
    expect(e.message).toContain(`Không lưu được tệp "To-trinh.docx" vào thư mục ${usb}.`);
    expect(e.message).toContain('đang mở (trong Word, Excel…), hãy đóng tệp đó rồi lưu lại');
    expect(saved.folder()).toBe(usb);
  });

  it('opens only what this run saved, from the app window, and runs nothing', async () => {
    const { saved, download, usb } = setUp();
    const doc = new FakeItem('To-trinh.docx');
    download(doc);
    doc.finish('completed', path.join(usb, 'To-trinh.docx'));
    const file = path.join(usb, 'To-trinh.docx');

    const shell = fakeShell();
    expect(await saved.open(appFrame, { path: file, how: 'file' }, shell, INDEX)).toEqual({ ok: true });
    expect(shell.openPath).toHaveBeenCalledWith(file);
    expect(await saved.open(appFrame, { path: file, how: 'folder' }, shell, INDEX)).toEqual({ ok: true });
    expect(shell.showItemInFolder).toHaveBeenCalledWith(file);

    // another frame, a path never saved, a malformed request: refused, the shell untouched
    const quiet = fakeShell();
    for (const [event, input] of [
      [{ senderFrame: { url: 'https://evil.example/', parent: null } }, { path: file, how: 'file' }],
      [{ senderFrame: { url: INDEX, parent: {} } }, { path: file, how: 'file' }],
      [appFrame, { path: path.join(usb, 'other.docx'), how: 'file' }],
      [appFrame, { path: file, how: 'run' }],
      [appFrame, file],
    ] as const) {
      const r = await saved.open(event, input, quiet, INDEX);
      expect(r.ok).toBe(false);
    }
    expect(quiet.openPath).not.toHaveBeenCalled();
    expect(quiet.showItemInFolder).not.toHaveBeenCalled();

    // a program saved (evidence attached as .exe): its folder only, never run
    const exe = new FakeItem('setup.exe');
    const c = download(exe);
    exe.finish('completed', path.join(usb, 'setup.exe'));
    expect(c.sent[0]).toMatchObject({ ok: true, openable: false });
    const r = await saved.open(appFrame, { path: path.join(usb, 'setup.exe'), how: 'file' }, quiet, INDEX);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('Ứng dụng không mở tệp "setup.exe"') });
    expect(quiet.openPath).not.toHaveBeenCalled();
    expect(await saved.open(appFrame, { path: path.join(usb, 'setup.exe'), how: 'folder' }, quiet, INDEX)).toEqual({ ok: true });

    // no program for .docx: the system's reason, in a Vietnamese sentence
    const broken = fakeShell('No application is associated with the specified file');
    const failed = await saved.open(appFrame, { path: file, how: 'file' }, broken, INDEX);
    expect(failed).toEqual({ ok: false, message: expect.stringContaining('Không mở được tệp "To-trinh.docx" (No application') });

    // deleted since: said so, nothing opened
    fs.rmSync(file);
    const gone = fakeShell();
    expect(await saved.open(appFrame, { path: file, how: 'folder' }, gone, INDEX)).toEqual({ ok: false, message: expect.stringContaining('không còn ở chỗ đã lưu') });
    expect(gone.showItemInFolder).not.toHaveBeenCalled();
  });
});
