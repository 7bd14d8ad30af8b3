// Sandboxed preload, bundled into one small file. Exposes a call to the core's procedures
// (main checks the sender, the procedure's name and its input against the contract) and the
// dialogs and files below — never ipcRenderer itself. It does not import the contract: its
// zod schemas were all built as it loaded (≈0.2 s here), for names main checks anyway.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { HOST_CHANNELS, type FileSavedEvent, type OpenSavedResult } from '../shared/contract/host';

contextBridge.exposeInMainWorld(
  'tdktDialogs',
  Object.freeze({
    pickFolder: async (start: string | null): Promise<string | null> => {
      const r = (await ipcRenderer.invoke('tdkt:pickFolder', start)) as { ok: boolean; data?: string | null };
      return r.ok ? (r.data ?? null) : null;
    },
  }),
);
// how each save ended (where the file went, or why it failed), opening what was saved, and
// where a file chosen lies
contextBridge.exposeInMainWorld(
  'tdktFiles',
  Object.freeze({
    onSaved: (listener: (event: FileSavedEvent) => void): (() => void) => {
      const relay = (_e: unknown, event: FileSavedEvent) => listener(event);
      ipcRenderer.on(HOST_CHANNELS.fileSaved, relay);
      return () => void ipcRenderer.removeListener(HOST_CHANNELS.fileSaved, relay);
    },
    // where a file chosen in the window lies, so the core reads it from disk (a 600 MB backup, a
    // bundle with scanned evidence) instead of the window sending its bytes; '' when not on disk
    pathOf: (file: File): string => webUtils.getPathForFile(file),
    // a .tdkt opened from Explorer: the one the app started with (once), and those opened later
    takeBundle: (): Promise<string | null> => ipcRenderer.invoke(HOST_CHANNELS.takeBundle) as Promise<string | null>,
    onBundleOpened: (listener: (path: string) => void): (() => void) => {
      const relay = (_e: unknown, path: string) => listener(path);
      ipcRenderer.on(HOST_CHANNELS.bundleOpened, relay);
      return () => void ipcRenderer.removeListener(HOST_CHANNELS.bundleOpened, relay);
    },
    open: (path: string, how: 'file' | 'folder'): Promise<OpenSavedResult> => ipcRenderer.invoke(HOST_CHANNELS.openSaved, { path, how }) as Promise<OpenSavedResult>,
  }),
);
// a long job's progress for the taskbar button (0–1, null at its end)
contextBridge.exposeInMainWorld(
  'tdktWindow',
  Object.freeze({
    progress: (fraction: number | null): void => ipcRenderer.send(HOST_CHANNELS.progress, fraction),
  }),
);
contextBridge.exposeInMainWorld(
  'tdkt',
  Object.freeze({ host: 'electron', call: (proc: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('tdkt:call', proc, input) }),
);
