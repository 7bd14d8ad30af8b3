// A long job's progress on the window's taskbar button (Windows) or dock/launcher, as desktop
// programs show a copy or an export: the window reports each job's fraction and its end; a job
// that ends while the window is in the background flashes its button. No `electron` import.
import { isAppSender, type IpcEventLike } from './ipc';

export interface TaskbarWindowLike {
  setProgressBar(progress: number): void;
  flashFrame(flag: boolean): void;
  isFocused(): boolean;
}

/** One report from the window: a fraction 0–1 while a job runs, null when it has ended. */
export function showProgress(event: IpcEventLike, fraction: unknown, win: TaskbarWindowLike | null, rendererIndexUrl: string): void {
  if (!win || !isAppSender(event, rendererIndexUrl)) return;
  if (fraction === null) {
    // -1 removes the bar
    win.setProgressBar(-1);
    if (!win.isFocused()) win.flashFrame(true);
    return;
  }
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return;
  win.setProgressBar(Math.min(1, Math.max(0, fraction)));
}
