// What the desktop host says and is asked outside the core's procedures: files saved from the
// window (a download in Electron goes to the system's save dialog, not through the core), the
// bundles opened from Explorer. No zod here: the sandboxed preload imports this file alone, and
// main validates what the window sends (electron/host/downloads.ts).

/** A save that ended: where the file went, or why it could not be written (Vietnamese). */
export type FileSavedEvent =
  | { ok: true; fileName: string; path: string; folder: string; openable: boolean }
  | { ok: false; fileName: string; message: string };

export type OpenSavedResult = { ok: true } | { ok: false; message: string };

/** IPC channels of the desktop host beside the core's ('tdkt:call'): main.ts and the preload use these. */
export const HOST_CHANNELS = {
  fileSaved: 'tdkt:fileSaved',
  openSaved: 'tdkt:openSaved',
  /** main → window: a bundle was opened from Explorer while the app ran (its path) */
  bundleOpened: 'tdkt:bundleOpened',
  /** window → main: the bundle the app was started with, once (null when none) */
  takeBundle: 'tdkt:takeBundle',
  /** window → main: a long job's fraction done (0–1), or null when it ended (the taskbar button) */
  progress: 'tdkt:progress',
} as const;
