import { describe, expect, it, vi } from 'vitest';
import { handlePickFolder, registerIpc, PICK_FOLDER_CHANNEL, type FolderDialogLike } from '../../../electron/host/ipc';

const INDEX = 'file:///opt/tdkt/resources/app.asar/dist/renderer/index.html';
const appFrame = { senderFrame: { url: INDEX, parent: null } };

function fakeDialog(result: { canceled: boolean; filePaths: string[] }) {
  const showOpenDialog = vi.fn<FolderDialogLike['showOpenDialog']>(async () => result);
  return { showOpenDialog };
}

describe('the system folder dialog over IPC', () => {
  it('returns the chosen folder, or null when cancelled, and starts where the field points', async () => {
    const d = fakeDialog({ canceled: false, filePaths: ['E:\\HoSo'] });
    expect(await handlePickFolder(appFrame, 'E:\\', d, INDEX)).toEqual({ ok: true, data: 'E:\\HoSo' });
    expect(d.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: 'E:\\', properties: ['openDirectory', 'createDirectory'] }));
    const c = fakeDialog({ canceled: true, filePaths: [] });
    expect(await handlePickFolder(appFrame, 42, c, INDEX)).toEqual({ ok: true, data: null });
    expect(c.showOpenDialog.mock.calls[0]![0].defaultPath).toBeUndefined();
  });

  it('refuses frames that are not the app page, without opening a dialog', async () => {
    for (const event of [
      { senderFrame: null },
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: INDEX, parent: {} } },
    ]) {
      const d = fakeDialog({ canceled: false, filePaths: ['/'] });
      const r = await handlePickFolder(event, null, d, INDEX);
      expect(r.ok).toBe(false);
      expect(d.showOpenDialog).not.toHaveBeenCalled();
    }
  });

  it('is registered only when the host gives a dialog', () => {
    const channels: string[] = [];
    const ipc = { handle: (c: string) => void channels.push(c) };
    registerIpc(ipc, { call: async () => ({ ok: true, data: null }) }, INDEX);
    expect(channels).not.toContain(PICK_FOLDER_CHANNEL);
    registerIpc(ipc, { call: async () => ({ ok: true, data: null }) }, INDEX, fakeDialog({ canceled: true, filePaths: [] }));
    expect(channels).toContain(PICK_FOLDER_CHANNEL);
  });
});
