// Electron IPC adapter. Takes ipcMain as a parameter so this file stays free of the
// `electron` import (only main.ts and preload.ts import it) and is unit-testable.
import { isProcedureName, parseInput } from '../../shared/contract';
import type { Result } from '../../shared/contract/errors';
import { toApiError } from '../core/api-error';
import type { CoreClient } from './core-client';
import { isAppUrl } from './security';

export const IPC_CHANNEL = 'tdkt:call';
export const PICK_FOLDER_CHANNEL = 'tdkt:pickFolder';

export interface IpcEventLike {
  senderFrame: { url: string; parent?: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

const FORBIDDEN: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ của ứng dụng nên bị từ chối.' } };

/** Only the app's own top-level page may call the core or open dialogs. */
export function isAppSender(event: IpcEventLike, rendererIndexUrl: string): boolean {
  const frame = event.senderFrame;
  return !!frame && !frame.parent && isAppUrl(frame.url, rendererIndexUrl);
}

export interface FolderDialogLike {
  showOpenDialog(options: { title: string; defaultPath?: string; properties: ('openDirectory' | 'createDirectory')[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** The system's folder dialog for the renderer's "Chọn…" buttons: a path, or null if cancelled. */
export async function handlePickFolder(event: IpcEventLike, start: unknown, dialog: FolderDialogLike, rendererIndexUrl: string): Promise<Result<string | null>> {
  if (!isAppSender(event, rendererIndexUrl)) return FORBIDDEN;
  const defaultPath = typeof start === 'string' && start.length > 0 && start.length <= 4096 ? start : undefined;
  const r = await dialog.showOpenDialog({ title: 'Chọn thư mục', defaultPath, properties: ['openDirectory', 'createDirectory'] });
  return { ok: true, data: r.canceled ? null : (r.filePaths[0] ?? null) };
}

/** Handles one IPC call: sender check, contract check, relay to the core. */
export async function handleIpcCall(
  event: IpcEventLike,
  proc: unknown,
  input: unknown,
  core: Pick<CoreClient, 'call'>,
  rendererIndexUrl: string,
): Promise<Result<unknown>> {
  if (!isAppSender(event, rendererIndexUrl)) return FORBIDDEN;
  if (!isProcedureName(proc)) {
    return { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: `Chức năng "${String(proc)}" không tồn tại.` } };
  }
  try {
    parseInput(proc, input);
  } catch (e) {
    return { ok: false, error: toApiError(e) };
  }
  return core.call(proc, input);
}

export function registerIpc(ipcMain: IpcMainLike, core: Pick<CoreClient, 'call'>, rendererIndexUrl: string, dialog?: FolderDialogLike): void {
  ipcMain.handle(IPC_CHANNEL, (event, proc, input) => handleIpcCall(event, proc, input, core, rendererIndexUrl));
  if (dialog) ipcMain.handle(PICK_FOLDER_CHANNEL, (event, start) => handlePickFolder(event, start, dialog, rendererIndexUrl));
}
