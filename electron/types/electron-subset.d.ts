// Type-checking fallback used only where the `electron` package is not installed (its
// binary download failed, e.g. offline CI). tsconfig "paths" prefers the real
// node_modules/electron/electron.d.ts when present. Keep this a strict subset of the
// real API so code checked here also checks against the real types.
declare module 'electron' {
  interface WebPreferences {
    preload?: string;
    contextIsolation?: boolean;
    sandbox?: boolean;
    nodeIntegration?: boolean;
    webSecurity?: boolean;
    spellcheck?: boolean;
    webviewTag?: boolean;
    allowRunningInsecureContent?: boolean;
    disableBlinkFeatures?: string;
  }
  interface BrowserWindowConstructorOptions {
    x?: number;
    y?: number;
    width?: number;
    height?: number;
    minWidth?: number;
    minHeight?: number;
    title?: string;
    show?: boolean;
    backgroundColor?: string;
    webPreferences?: WebPreferences;
  }
  interface WebFrameMain {
    url: string;
    parent: WebFrameMain | null;
  }
  interface IpcMainEvent {
    senderFrame: WebFrameMain | null;
    sender: WebContents;
  }
  interface IpcMainInvokeEvent {
    senderFrame: WebFrameMain | null;
    sender: WebContents;
  }
  interface HandlerDetails {
    url: string;
  }
  interface Event {
    preventDefault(): void;
  }
  interface Session {
    on(event: 'will-download', listener: (event: Event, item: DownloadItem, webContents: WebContents) => void): this;
    setPermissionRequestHandler(handler: ((wc: WebContents, permission: string, callback: (granted: boolean) => void) => void) | null): void;
    setPermissionCheckHandler(handler: ((wc: WebContents | null, permission: string) => boolean) | null): void;
    webRequest: {
      onHeadersReceived(
        listener: (
          details: { responseHeaders?: Record<string, string[]> },
          callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
        ) => void,
      ): void;
    };
  }
  interface FileFilter {
    name: string;
    extensions: string[];
  }
  interface SaveDialogOptions {
    title?: string;
    defaultPath?: string;
    buttonLabel?: string;
    filters?: FileFilter[];
  }
  class DownloadItem {
    getFilename(): string;
    getSavePath(): string;
    setSaveDialogOptions(options: SaveDialogOptions): void;
    once(event: 'done', listener: (event: Event, state: 'completed' | 'cancelled' | 'interrupted') => void): this;
  }
  interface WebContents {
    session: Session;
    send(channel: string, ...args: any[]): void;
    isDestroyed(): boolean;
    on(event: 'will-navigate' | 'will-redirect', listener: (event: Event, url: string) => void): this;
    on(event: 'will-attach-webview', listener: (event: Event) => void): this;
    on(event: 'will-prevent-unload', listener: (event: Event) => void): this;
    on(event: 'render-process-gone', listener: (event: Event, details: RenderProcessGoneDetails) => void): this;
    reload(): void;
    forcefullyCrashRenderer(): void;
    setWindowOpenHandler(handler: (details: HandlerDetails) => { action: 'deny' } | { action: 'allow' }): void;
    executeJavaScript(code: string, userGesture?: boolean): Promise<unknown>;
  }
  class BrowserWindow {
    constructor(options?: BrowserWindowConstructorOptions);
    webContents: WebContents;
    loadFile(filePath: string): Promise<void>;
    once(event: 'ready-to-show', listener: () => void): this;
    on(event: 'close', listener: (event: Event) => void): this;
    on(event: 'unresponsive' | 'responsive', listener: () => void): this;
    isDestroyed(): boolean;
    show(): void;
    close(): void;
    focus(): void;
    maximize(): void;
    restore(): void;
    isMaximized(): boolean;
    isMinimized(): boolean;
    getNormalBounds(): Rectangle;
    setProgressBar(progress: number): void;
    flashFrame(flag: boolean): void;
    isFocused(): boolean;
    static fromWebContents(webContents: WebContents): BrowserWindow | null;
    static getFocusedWindow(): BrowserWindow | null;
    static getAllWindows(): BrowserWindow[];
  }
  interface Rectangle {
    x: number;
    y: number;
    width: number;
    height: number;
  }
  interface Display {
    workArea: Rectangle;
  }
  interface Screen {
    getAllDisplays(): Display[];
  }
  interface Shell {
    openPath(path: string): Promise<string>;
    showItemInFolder(fullPath: string): void;
  }
  interface MenuItemConstructorOptions {
    click?: () => void;
    role?: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'zoomIn' | 'zoomOut' | 'resetZoom' | 'togglefullscreen' | 'reload' | 'toggleDevTools' | 'quit';
    type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
    label?: string;
    accelerator?: string;
    registerAccelerator?: boolean;
    submenu?: MenuItemConstructorOptions[];
  }
  class Menu {
    static buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
    static setApplicationMenu(menu: Menu | null): void;
  }
  interface MessageBoxOptions {
    message: string;
    type?: 'none' | 'info' | 'error' | 'question' | 'warning';
    buttons?: string[];
    defaultId?: number;
    cancelId?: number;
    noLink?: boolean;
    title?: string;
    detail?: string;
  }
  interface RenderProcessGoneDetails {
    reason: 'clean-exit' | 'abnormal-exit' | 'killed' | 'crashed' | 'oom' | 'launch-failed' | 'integrity-failure' | 'memory-eviction';
    exitCode: number;
  }
  interface MessageBoxSyncOptions {
    message: string;
    type?: 'none' | 'info' | 'error' | 'question' | 'warning';
    buttons?: string[];
    defaultId?: number;
    cancelId?: number;
    noLink?: boolean;
    title?: string;
    detail?: string;
  }
  interface MessageBoxReturnValue {
    response: number;
  }
  interface OpenDialogOptions {
    title?: string;
    defaultPath?: string;
    properties?: ('openFile' | 'openDirectory' | 'multiSelections' | 'showHiddenFiles' | 'createDirectory')[];
  }
  interface OpenDialogReturnValue {
    canceled: boolean;
    filePaths: string[];
  }
  interface Dialog {
    showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
    showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
    showErrorBox(title: string, content: string): void;
    showMessageBox(window: BrowserWindow, options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
    showMessageBoxSync(window: BrowserWindow, options: MessageBoxSyncOptions): number;
  }
  interface App {
    whenReady(): Promise<void>;
    on(event: 'window-all-closed', listener: () => void): this;
    on(event: 'before-quit', listener: (event: Event) => void): this;
    on(event: 'web-contents-created', listener: (event: Event, contents: WebContents) => void): this;
    on(event: 'second-instance', listener: (event: Event, argv: string[], workingDirectory: string) => void): this;
    quit(): void;
    setPath(name: 'userData', path: string): void;
    getPath(name: 'userData' | 'documents'): string;
    readonly isPackaged: boolean;
    getVersion(): string;
    requestSingleInstanceLock(): boolean;
  }
  interface IpcMain {
    handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown> | unknown): void;
    on(channel: string, listener: (event: IpcMainEvent, ...args: any[]) => void): this;
  }
  interface IpcRendererEvent {
    sender: IpcRenderer;
  }
  interface IpcRenderer {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    send(channel: string, ...args: any[]): void;
    on(channel: string, listener: (event: IpcRendererEvent, ...args: any[]) => void): this;
    removeListener(channel: string, listener: (...args: any[]) => void): this;
  }
  interface WebUtils {
    getPathForFile(file: File): string;
  }
  interface ContextBridge {
    exposeInMainWorld(apiKey: string, api: unknown): void;
  }
  interface Session {}
  const app: App;
  const ipcMain: IpcMain;
  const ipcRenderer: IpcRenderer;
  const contextBridge: ContextBridge;
  const webUtils: WebUtils;
  const dialog: Dialog;
  const session: { defaultSession: Session };
  const screen: Screen;
  const shell: Shell;
}
