// Electron main process: thin. Starts the core worker, registers IPC, opens a locked-down
// window. Everything else lives in the core and is shared with the browser host.
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell, type MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { startCoreWorker, type CoreClient } from './host/core-client';
import { registerIpc, type IpcMainLike } from './host/ipc';
import { SAVE_FOLDER_FILE, SavedFiles } from './host/downloads';
import { OpenedBundles } from './host/open-files';
import { showProgress } from './host/taskbar';
import { HOST_CHANNELS } from '../shared/contract/host';
import { defaultDataDir, resolveDbPath } from './host/paths';
import { RENDERER_CSP, allowNavigation } from './host/security';
import { MENU_TEXT, UNSAVED_LEAVE, appMenu, routeScript, unsavedCloseDialog } from './host/menu';
import { WINDOW_MIN, WINDOW_STATE_FILE, fitToDisplays, readWindowState, stateToKeep, writeWindowState } from './host/window-state';
import { WindowCrashes, mainProcessErrorHandler } from './host/window-crashes';
import { appendErrorLog } from './services/diagnostics/error-log';
import type { ErrorSource } from '../shared/contract/diagnostics';

declare const __APP_VERSION__: string;

const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const rendererIndexUrl = pathToFileURL(rendererIndex).toString();
let core: CoreClient | null = null;

app.setPath('userData', defaultDataDir());
// the build's version (as the other hosts): Electron's own is the app's only when started on the package
const appVersion = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : app.getVersion();
const dbPath = resolveDbPath(process.argv.slice(1));
/** the error log beside the data file (Cài đặt → Nhật ký lỗi): this process has no console a user sees */
const logError = (source: ErrorSource, where: string, message: string, stack?: string) =>
  appendErrorLog(dbPath, { source, where, message, ...(stack ? { stack } : {}), version: appVersion });
const onMainError = mainProcessErrorHandler(
  (message, stack) => logError('app', 'tiến trình chính', message, stack),
  (title, content) => dialog.showErrorBox(title, content),
);
process.on('uncaughtException', onMainError);
process.on('unhandledRejection', onMainError);
// a second copy (the app started again while it runs) only hands its bundle to the first and
// quits: it must not open the database, back it up at start or show a window meanwhile
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();
// a .tdkt bundle double-clicked in Explorer starts the app with its path (electron-builder.yml)
const bundles = new OpenedBundles();
bundles.launchedWith(process.argv.slice(1));
// the app started again while running: bring its window forward instead of a silent nothing,
// and open the bundle it was started with, if any
app.on('second-instance', (_e, argv, cwd) => {
  bundles.openedLater(argv, cwd);
  const win = BrowserWindow.getAllWindows()[0];
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
});

// Deny everything a page might ask for, for every web contents ever created.
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url, rendererIndexUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowNavigation(url, rendererIndexUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

function electronNativeBinding(): string | undefined {
  // better-sqlite3 built for Electron's ABI by build/scripts/electron-native.cjs (see README)
  const candidates = [
    path.join((process as NodeJS.Process & { resourcesPath?: string }).resourcesPath ?? '', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    path.join(__dirname, '..', '..', 'build', 'native', `electron-${process.versions.electron ?? ''}`, 'better_sqlite3.node'),
  ];
  return candidates.find((p) => fs.existsSync(p));
}

/** The user's Documents, where the first save dialog starts (the home folder where there is none). */
function documentsFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return os.homedir();
  }
}

async function createWindow() {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });

  // the size and place it had when last closed, fitted to the screens there are now
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const kept = fitToDisplays(
    readWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(kept.x !== undefined && kept.y !== undefined ? { x: kept.x, y: kept.y } : {}),
    width: kept.width,
    height: kept.height,
    minWidth: WINDOW_MIN.width,
    minHeight: WINDOW_MIN.height,
    title: 'TĐKT Desktop',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      // reviewed: one bundled, sandboxed preload exposing a checked call to the core, the folder dialog, the files bridge and the taskbar progress (electron/preload.ts)
      preload: path.join(__dirname, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      // middle-click (auxclick) must not open links in new windows
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  // the page's process dying (out of memory, a crash) or hanging: logged, loaded again or asked
  const crashes = new WindowCrashes((message) => logError('window', 'cửa sổ ứng dụng', message), {
    ask: async (options) => (await dialog.showMessageBox(win, { ...options, noLink: true })).response,
    quit: () => app.quit(),
  });
  win.webContents.on('render-process-gone', (_e, details) => void crashes.gone(win, details));
  win.on('unresponsive', () => void crashes.unresponsive(win));
  win.on('responsive', () => crashes.responsive());
  // the page refused to unload (unsaved edits): ask, in Vietnamese, rather than stay open silently
  win.webContents.on('will-prevent-unload', (event) => {
    if (dialog.showMessageBoxSync(win, unsavedCloseDialog()) === UNSAVED_LEAVE) event.preventDefault();
  });
  win.on('close', () => {
    try {
      writeWindowState(stateFile, stateToKeep(win.getNormalBounds(), win.isMaximized()));
    } catch {
      // a window state not kept is not worth an error on quit
    }
  });
  const menu = appMenu(
    {
      go: (route) => void win.webContents.executeJavaScript(routeScript(route)),
      openDataFolder: () => void shell.openPath(path.dirname(dbPath)),
      about: () =>
        void dialog.showMessageBox(win, { type: 'info', title: MENU_TEXT.aboutTitle, message: MENU_TEXT.aboutTitle, detail: MENU_TEXT.aboutBody(appVersion, dbPath) }),
    },
    { dev: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu as MenuItemConstructorOptions[]));
  win.once('ready-to-show', () => {
    // maximize() shows the window: only once there is something to show
    if (kept.maximized) win.maximize();
    win.show();
  });
  await win.loadFile(rendererIndex);
}

void app.whenReady().then(async () => {
  if (!primary) return;
  try {
    // a database that cannot be opened still starts (in recovery); this fails only when the
    // core itself cannot run (its native module missing): say so rather than show no window
    core = await startCoreWorker(path.join(__dirname, 'core-worker.cjs'), {
      dbPath,
      host: 'electron',
      version: appVersion,
      nativeBinding: electronNativeBinding(),
      autoBackups: true,
      warmUp: true,
    });
  } catch (e) {
    dialog.showErrorBox('TĐKT Desktop không khởi động được', `${(e as Error).message}\n\nTệp dữ liệu: ${dbPath}`);
    app.quit();
    return;
  }
  registerIpc(ipcMain as unknown as IpcMainLike, core, rendererIndexUrl, {
    showOpenDialog: (options) => {
      const win = BrowserWindow.getFocusedWindow();
      return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
    },
  });
  // files the window saves: the dialog starts where the last one went; the window hears how it ended
  const savedFiles = new SavedFiles(path.join(app.getPath('userData'), SAVE_FOLDER_FILE), documentsFolder());
  savedFiles.watch(session.defaultSession);
  ipcMain.handle(HOST_CHANNELS.openSaved, (event, input) => savedFiles.open(event, input, shell, rendererIndexUrl));
  ipcMain.handle(HOST_CHANNELS.takeBundle, (event) => bundles.take(event, event.sender, rendererIndexUrl));
  // a long job's progress on the taskbar button; its end flashes the button if the window is behind
  ipcMain.on(HOST_CHANNELS.progress, (event, fraction) => showProgress(event, fraction, BrowserWindow.fromWebContents(event.sender), rendererIndexUrl));
  await createWindow();
});

app.on('window-all-closed', () => app.quit());
// Quit: the windows close (asking about unsaved edits), then the quit backup (through the core
// like every other call), then the core closes, then the app quits.
let quitting = false;
app.on('before-quit', (event) => {
  const c = core;
  if (quitting || !c) return;
  // the windows first: each may hold unsaved edits and ask; the last one closed quits again
  // (window-all-closed), and only then the backup and the core's close — never under a window kept open
  const open = BrowserWindow.getAllWindows();
  if (open.length > 0) {
    event.preventDefault();
    for (const w of open) w.close();
    return;
  }
  quitting = true;
  event.preventDefault();
  void c
    .call('backup.quit', {})
    .then((r) => {
      if (!r.ok) console.error(`Sao lưu khi đóng ứng dụng không thành công: ${r.error.message}`);
    })
    .finally(() => c.close())
    .finally(() => app.quit());
});
