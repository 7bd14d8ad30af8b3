// A .tdkt bundle opened from Explorer (double-click, "Mở bằng"): the installer registers the
// extension (electron-builder.yml, fileAssociations), so Windows starts the app with the file's
// path — or, the app running already, starts a second instance whose arguments reach this one
// ('second-instance'). The window takes the path the app started with when it is ready and is
// told of later ones; it opens them on Trao đổi dữ liệu. No `electron` import: main.ts wires it.
import fs from 'node:fs';
import path from 'node:path';
import { HOST_CHANNELS } from '../../shared/contract/host';
import { isAppSender, type IpcEventLike } from './ipc';

export const BUNDLE_EXT = '.tdkt';

const isFile = (p: string): boolean => fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;

/**
 * The bundle among a launch's arguments: the first existing file named *.tdkt (flags skipped),
 * relative paths taken from `cwd` (a second launch's own working folder).
 */
export function bundleArg(argv: readonly string[], cwd: string = process.cwd()): string | null {
  for (const a of argv) {
    if (a.startsWith('-') || path.extname(a).toLowerCase() !== BUNDLE_EXT) continue;
    const p = path.resolve(cwd, a);
    if (isFile(p)) return p;
  }
  return null;
}

export interface WindowLike {
  isDestroyed(): boolean;
  send(channel: string, path: string): void;
}

/** The bundle waiting for the window, and the ones opened later. */
export class OpenedBundles {
  private pending: string | null = null;
  private window: WindowLike | null = null;

  /** At start: the bundle the app was launched with, kept until the window takes it. */
  launchedWith(argv: readonly string[]): void {
    this.pending = bundleArg(argv);
  }

  /** A second launch's arguments (the app was running): the window is told at once if it listens. */
  openedLater(argv: readonly string[], cwd: string): void {
    const p = bundleArg(argv, cwd);
    if (!p) return;
    if (this.window && !this.window.isDestroyed()) this.window.send(HOST_CHANNELS.bundleOpened, p);
    else this.pending = p;
  }

  /** The window asks once it is ready to open a bundle: the waiting one, once. */
  take(event: IpcEventLike, window: WindowLike, rendererIndexUrl: string): string | null {
    if (!isAppSender(event, rendererIndexUrl)) return null;
    this.window = window;
    const p = this.pending;
    this.pending = null;
    return p;
  }
}
