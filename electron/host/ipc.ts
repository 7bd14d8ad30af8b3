// Electron IPC adapter. Takes ipcMain as a parameter so this file stays free of the
// `electron` import (only main.ts and preload.ts import it) and is unit-testable.
import { isProcedureName, parseInput } from '../../shared/contract';
import type { Result } from '../../shared/contract/errors';
import { toApiError } from '../core/core';
import type { CoreClient } from './core-client';
import { isAppUrl } from './security';

export const IPC_CHANNEL = 'tdkt:call';

export interface IpcEventLike {
  senderFrame: { url: string; parent?: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

/** Handles one IPC call: sender check, contract check, relay to the core. */
export async function handleIpcCall(
  event: IpcEventLike,
  proc: unknown,
  input: unknown,
  core: Pick<CoreClient, 'call'>,
  rendererIndexUrl: string,
): Promise<Result<unknown>> {
  const frame = event.senderFrame;
  // only the app's own top-level page may call the core
  if (!frame || frame.parent || !isAppUrl(frame.url, rendererIndexUrl)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ của ứng dụng nên bị từ chối.' } };
  }
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

export function registerIpc(ipcMain: IpcMainLike, core: Pick<CoreClient, 'call'>, rendererIndexUrl: string): void {
  ipcMain.handle(IPC_CHANNEL, (event, proc, input) => handleIpcCall(event, proc, input, core, rendererIndexUrl));
}
