// electron/main.ts cannot run here (Electron's binary is not downloadable), so it runs against
// a fake of the `electron` module: bundled as the build bundles it, the core worker stood in by
// a stub, then loaded with `require('electron')` answered by the fake. The wiring is checked as
// Electron would exercise it: the window's security options and CSP, navigation and new windows
// refused, every IPC channel handled with its sender check, a download's save dialog and its
// end reported to the window, a bundle the app was started with (or a second launch brought)
// handed to the window, and quitting through the core's quit backup. The main process carries no
// database layer: the core runs in its worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { HOST_CHANNELS } from '../../../shared/contract/host';
import { requireWithElectron } from '../../support/fake-electron';

const ROOT = path.resolve(__dirname, '../../..');

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, l: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]);
    return this;
  }
  once(event: string, l: Listener) {
    return this.on(event, l);
  }
  emit(event: string, ...args: unknown[]) {
    return (this.listeners.get(event) ?? []).map((l) => l(...args));
  }
}

function fakeElectron(userData: string, documents: string, lock = true) {
  const sent: Array<[string, unknown]> = [];
  const webContents = Object.assign(new Emitter(), {
    send: (channel: string, payload: unknown) => void sent.push([channel, payload]),
    isDestroyed: () => false,
    executeJavaScript: async () => undefined,
    reloads: 0,
    reload() {
      this.reloads++;
    },
    forcefullyCrashRenderer: () => undefined,
    setWindowOpenHandler(h: Listener) {
      this.openHandler = h;
    },
    openHandler: null as Listener | null,
  });
  const windows: FakeWindow[] = [];
  class FakeWindow extends Emitter {
    webContents = webContents;
    closed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    async loadFile() {}
    isDestroyed() {
      return this.closed;
    }
    show() {}
    close() {
      this.closed = true;
      windows.splice(windows.indexOf(this), 1);
    }
    focus() {}
    maximize() {}
    restore() {}
    isMaximized() {
      return false;
    }
    isMinimized() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 820 };
    }
    bars: number[] = [];
    flashes: boolean[] = [];
    setProgressBar(p: number) {
      this.bars.push(p);
    }
    flashFrame(f: boolean) {
      this.flashes.push(f);
    }
    isFocused() {
      return false;
    }
    static fromWebContents(wc: unknown) {
      return windows.find((w) => w.webContents === wc) ?? null;
    }
    static getFocusedWindow() {
      return windows[0] ?? null;
    }
    static getAllWindows() {
      return [...windows];
    }
  }
  const handlers = new Map<string, Listener>();
  const events = new Map<string, Listener>();
  const errorBoxes: Array<[string, string]> = [];
  const messages: string[] = [];
  let headers: Listener | null = null;
  let permission: Listener | null = null;
  const session = Object.assign(new Emitter(), {
    setPermissionRequestHandler: (h: Listener) => void (permission = h),
    setPermissionCheckHandler: () => undefined,
    webRequest: { onHeadersReceived: (h: Listener) => void (headers = h) },
  });
  let ready!: () => void;
  const whenReady = new Promise<void>((r) => (ready = r));
  const app = Object.assign(new Emitter(), {
    whenReady: () => whenReady,
    requestSingleInstanceLock: () => lock,
    setPath: () => undefined,
    getPath: (name: string) => (name === 'documents' ? documents : userData),
    isPackaged: true,
    getVersion: () => '1.0.0',
    quitCalls: 0,
    quit() {
      this.quitCalls++;
    },
  });
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, l: Listener) => void handlers.set(channel, l), on: (channel: string, l: Listener) => void events.set(channel, l) },
    session: { defaultSession: session },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showErrorBox: (title: string, content: string) => void errorBoxes.push([title, content]),
      showMessageBox: async (_w: unknown, o: { message: string }) => (messages.push(o.message), { response: 0 }),
      showMessageBoxSync: () => 0,
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    shell: { openPath: async () => '', showItemInFolder: () => undefined },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
  };
  return { electron, ready, sent, windows, handlers, events, session, app, webContents, errorBoxes, messages, headers: () => headers, permission: () => permission };
}

/** main.ts as the build bundles it, in `dir`/electron next to a renderer folder, the core worker stubbed. */
async function bundleMain(dir: string): Promise<string> {
  const stub = path.join(dir, 'core-client-stub.cjs');
  fs.writeFileSync(
    stub,
    `exports.startCoreWorker = async () => {
       globalThis.__coreCalls.push('start');
       return {
         call: async (proc) => { globalThis.__coreCalls.push(proc); return { ok: true, data: null }; },
         close: async () => { globalThis.__coreCalls.push('close'); },
       };
     };`,
  );
  const out = path.join(dir, 'electron', 'main.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'electron/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    external: ['electron', 'better-sqlite3'],
    logLevel: 'silent',
    plugins: [{ name: 'stub-core', setup: (b) => b.onResolve({ filter: /host\/core-client$/ }, () => ({ path: stub })) }],
  });
  return out;
}

describe('electron/main.ts against a fake Electron', () => {
  // the whole file's folder (tempDir's are removed after each test)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-main-'));
  const userData = path.join(dir, 'userData');
  const documents = path.join(dir, 'Documents');
  const bundle = path.join(dir, 'USB', 'TDKT_PNVBT_gui-cap-tren.tdkt');
  const coreCalls: string[] = [];
  let fake: ReturnType<typeof fakeElectron>;
  const argv = process.argv;
  const dbEnv = process.env.TDKT_DB;
  const dbPath = path.join(dir, 'data', 'tdkt.sqlite');
  // what main.ts adds to this (the test's) process, taken off again after the file
  let mainListeners: { uncaught: Listener[]; rejection: Listener[] } = { uncaught: [], rejection: [] };
  const INDEX_URL = pathToFileURL(path.join(dir, 'renderer', 'index.html')).toString();
  const appFrame = { senderFrame: { url: INDEX_URL, parent: null } };

  beforeAll(async () => {
    for (const d of [userData, documents, path.dirname(bundle)]) fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(bundle, 'PK');
    // main.ts as the build bundles it, next to a renderer folder, the core worker stubbed
    const out = await bundleMain(dir);
    fake = fakeElectron(userData, documents);
    (globalThis as { __coreCalls?: string[] }).__coreCalls = coreCalls;
    // started from Explorer with a bundle double-clicked
    process.argv = ['TDKT Desktop.exe', bundle];
    process.env.TDKT_DB = dbPath;
    const before = { uncaught: process.listeners('uncaughtException'), rejection: process.listeners('unhandledRejection') };
    requireWithElectron(out, fake.electron);
    mainListeners = {
      uncaught: process.listeners('uncaughtException').filter((l) => !before.uncaught.includes(l)) as Listener[],
      rejection: process.listeners('unhandledRejection').filter((l) => !before.rejection.includes(l)) as Listener[],
    };
    for (const l of mainListeners.uncaught) process.off('uncaughtException', l);
    for (const l of mainListeners.rejection) process.off('unhandledRejection', l);
    fake.ready();
    for (let i = 0; i < 200 && fake.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  });

  afterAll(() => {
    process.argv = argv;
    if (dbEnv === undefined) delete process.env.TDKT_DB;
    else process.env.TDKT_DB = dbEnv;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs without the database layer: the core lives in its worker', () => {
    // ipc.ts once pulled the whole core (SQLite, exceljs, docx …) into the main process: 5.4 MB
    const bundled = fs.readFileSync(path.join(dir, 'electron', 'main.cjs'), 'utf8');
    expect(bundled).not.toContain('require("better-sqlite3")');
    expect(bundled).not.toContain('exceljs');
  });

  it('opens a locked-down window with the CSP on every response and no permissions', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = fake.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    let response: { responseHeaders?: Record<string, string[]> } = {};
    fake.headers()!({ responseHeaders: { a: ['b'] } }, (r: typeof response) => (response = r));
    expect(response.responseHeaders!['Content-Security-Policy']![0]).toContain("default-src 'self'");
    let granted: boolean | null = null;
    fake.permission()!(null, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
  });

  it('refuses navigation away from the app and every new window', () => {
    fake.app.emit('web-contents-created', {}, fake.webContents);
    const ev = { prevented: false, preventDefault() {
      this.prevented = true;
    } };
    fake.webContents.emit('will-navigate', ev, 'https://example.com/');
    expect(ev.prevented).toBe(true);
    expect(fake.webContents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('handles every IPC channel, checking the sender', async () => {
    expect([...fake.handlers.keys()].sort()).toEqual(['tdkt:call', 'tdkt:pickFolder', HOST_CHANNELS.openSaved, HOST_CHANNELS.takeBundle].sort());
    const stranger = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: fake.webContents };
    expect(await fake.handlers.get('tdkt:call')!(stranger, 'staff.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await fake.handlers.get(HOST_CHANNELS.takeBundle)!(stranger)).toBeNull();
  });

  it('shows a long job on the taskbar button, and flashes it at the end with the window behind', () => {
    const win = fake.windows[0]!;
    const report = fake.events.get(HOST_CHANNELS.progress)!;
    report({ ...appFrame, sender: fake.webContents }, 0.25);
    report({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: fake.webContents }, 0.9);
    report({ ...appFrame, sender: fake.webContents }, null);
    expect(win.bars).toEqual([0.25, -1]);
    expect(win.flashes).toEqual([true]);
  });

  it('hands the window the bundle it was started with, once, and one a second launch brings', async () => {
    // the renderer page is file://…/renderer/index.html next to the bundled main
    const frame = { ...appFrame, sender: fake.webContents };
    expect(await fake.handlers.get(HOST_CHANNELS.takeBundle)!(frame)).toBe(bundle);
    expect(await fake.handlers.get(HOST_CHANNELS.takeBundle)!(frame)).toBeNull();
    fake.app.emit('second-instance', {}, ['TDKT Desktop.exe', path.basename(bundle)], path.dirname(bundle));
    expect(fake.sent).toContainEqual([HOST_CHANNELS.bundleOpened, bundle]);
  });

  it('starts a save dialog in Documents and tells the window where the file went', () => {
    const item = Object.assign(new Emitter(), {
      options: null as Record<string, unknown> | null,
      getFilename: () => 'To-trinh.docx',
      getSavePath: () => path.join(documents, 'To-trinh.docx'),
      setSaveDialogOptions(o: Record<string, unknown>) {
        this.options = o;
      },
    });
    fake.session.emit('will-download', {}, item, fake.webContents);
    expect(item.options!.defaultPath).toBe(path.join(documents, 'To-trinh.docx'));
    fs.writeFileSync(path.join(documents, 'To-trinh.docx'), 'x');
    item.emit('done', {}, 'completed');
    expect(fake.sent).toContainEqual([HOST_CHANNELS.fileSaved, expect.objectContaining({ ok: true, path: path.join(documents, 'To-trinh.docx') })]);
  });

  it('loads a page whose process died again and says so; logs it and the main process errors, said in Vietnamese', async () => {
    const win = fake.windows[0]!;
    const logFile = path.join(dir, 'data', 'logs', 'tdkt-errors.log');
    const entries = () => fs.readFileSync(logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(win.webContents.reloads).toBe(1);
    await expect.poll(() => fake.messages.at(-1)).toBe('Cửa sổ ứng dụng vừa gặp sự cố và đã được mở lại.');
    expect(entries().at(-1)).toMatchObject({ source: 'window', where: 'cửa sổ ứng dụng', version: '1.0.0' });
    expect(entries().at(-1)!.message).toContain('hết bộ nhớ');
    // a hung window: asked (the fake answers "Đợi")
    win.emit('unresponsive');
    await expect.poll(() => fake.messages.at(-1)).toBe('Cửa sổ ứng dụng không phản hồi.');
    expect(win.webContents.reloads).toBe(1);

    expect(mainListeners.uncaught).toHaveLength(1);
    expect(mainListeners.rejection).toHaveLength(1);
    mainListeners.uncaught[0]!(new Error('EPERM: operation not permitted'));
    expect(fake.errorBoxes.at(-1)![0]).toBe('TĐKT Desktop gặp lỗi');
    expect(fake.errorBoxes.at(-1)![1]).toContain('EPERM: operation not permitted');
    expect(entries().at(-1)).toMatchObject({ source: 'app', where: 'tiến trình chính', message: 'EPERM: operation not permitted' });
  });

  it('quits through the windows, then the quit backup, then the core', async () => {
    const ev = { prevented: false, preventDefault() {
      this.prevented = true;
    } };
    fake.app.emit('before-quit', ev);
    // the window is closed first; quitting again then runs the backup and closes the core
    expect(fake.windows).toHaveLength(0);
    fake.app.emit('before-quit', { preventDefault() {} });
    await expect.poll(() => coreCalls.includes('close')).toBe(true);
    expect(coreCalls).toContain('backup.quit');
    expect(coreCalls.indexOf('backup.quit')).toBeLessThan(coreCalls.indexOf('close'));
    await expect.poll(() => fake.app.quitCalls).toBeGreaterThan(0);
  });
});

describe('electron/main.ts started a second time while it runs', () => {
  it('quits without starting a core (no database opened, no backup at start) or showing a window', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-main2-'));
    const argv = process.argv;
    const dbEnv = process.env.TDKT_DB;
    const calls: string[] = [];
    const before = { uncaught: process.listeners('uncaughtException'), rejection: process.listeners('unhandledRejection') };
    try {
      const out = await bundleMain(dir);
      const fake = fakeElectron(path.join(dir, 'userData'), path.join(dir, 'Documents'), false);
      (globalThis as { __coreCalls?: string[] }).__coreCalls = calls;
      process.argv = ['TDKT Desktop.exe'];
      process.env.TDKT_DB = path.join(dir, 'data', 'tdkt.sqlite');
      requireWithElectron(out, fake.electron);
      fake.ready();
      await new Promise((r) => setTimeout(r, 100));
      expect(fake.app.quitCalls).toBeGreaterThan(0);
      expect(calls).toEqual([]);
      expect(fake.windows).toHaveLength(0);
    } finally {
      for (const l of process.listeners('uncaughtException')) if (!before.uncaught.includes(l)) process.off('uncaughtException', l);
      for (const l of process.listeners('unhandledRejection')) if (!before.rejection.includes(l)) process.off('unhandledRejection', l);
      process.argv = argv;
      if (dbEnv === undefined) delete process.env.TDKT_DB;
      else process.env.TDKT_DB = dbEnv;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
