// The desktop app's file bridge (Electron's preload: `window.tdktFiles`): how each save ended,
// opening what was saved, where a file chosen in the window lies on disk, and the bundles
// opened from Explorer. Absent in the
// browser host, which uploads a chosen file's bytes instead (up to each procedure's limit).
import type { FileSavedEvent, OpenSavedResult } from '../../shared/contract/host';

export interface DesktopFiles {
  onSaved(listener: (event: FileSavedEvent) => void): () => void;
  open(path: string, how: 'file' | 'folder'): Promise<OpenSavedResult>;
  /** '' for a file not on disk */
  pathOf(file: File): string;
  /** the .tdkt the app was started with from Explorer (once; null when none) */
  takeBundle(): Promise<string | null>;
  /** a .tdkt opened from Explorer while the app runs */
  onBundleOpened(listener: (path: string) => void): () => void;
}

declare global {
  interface Window {
    tdktFiles?: DesktopFiles;
  }
}

/** Where `file` lies on this computer, when the window can tell (the desktop app); else null. */
export function diskPath(file: File): string | null {
  try {
    return window.tdktFiles?.pathOf(file) || null;
  } catch {
    return null;
  }
}

/** Megabytes, for the messages on files too large to upload. */
export const megabytes = (bytes: number): string => String(Math.ceil(bytes / 1024 / 1024));
