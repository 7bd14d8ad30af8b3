// The sandboxed preload (electron/preload.ts), bundled as the build bundles it and run against a
// fake `electron`: what it exposes to the page (the core call, the folder dialog, the files
// bridge, the taskbar progress), that every call goes through main's channels,
// and that it stays small — it carries no contract schemas (main checks names and inputs).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { HOST_CHANNELS } from '../../../shared/contract/host';
import { requireWithElectron } from '../../support/fake-electron';

const ROOT = path.resolve(__dirname, '../../..');

describe('electron/preload.ts against a fake Electron', () => {
  it('exposes the core call, the folder dialog and the files bridge, each through its channel, and nothing else', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-preload-'));
    try {
      const out = path.join(dir, 'preload.cjs');
      await build({ entryPoints: [path.join(ROOT, 'electron/preload.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, external: ['electron'], logLevel: 'silent' });
      const code = fs.readFileSync(out, 'utf8');
      // no zod, no contract: the page's start does not build hundreds of schemas
      expect(code.length).toBeLessThan(20_000);
      expect(code).not.toContain('ZodObject');

      const exposed = new Map<string, Record<string, (...a: unknown[]) => unknown>>();
      const invoked: unknown[][] = [];
      const sent: unknown[][] = [];
      const listening = new Map<string, unknown>();
      const electron = {
        contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...a: unknown[]) => unknown>) => void exposed.set(key, api) },
        ipcRenderer: {
          invoke: async (...args: unknown[]) => {
            invoked.push(args);
            return { ok: true, data: null };
          },
          send: (...args: unknown[]) => void sent.push(args),
          on: (channel: string, l: unknown) => void listening.set(channel, l),
          removeListener: (channel: string) => void listening.delete(channel),
        },
        webUtils: { getPathForFile: () => 'E:\\goi.tdkt' },
      };
      requireWithElectron(out, electron);

      expect([...exposed.keys()].sort()).toEqual(['tdkt', 'tdktDialogs', 'tdktFiles', 'tdktWindow']);
      expect(Object.keys(exposed.get('tdkt')!).sort()).toEqual(['call', 'host']);
      expect(Object.keys(exposed.get('tdktFiles')!).sort()).toEqual(['onBundleOpened', 'onSaved', 'open', 'pathOf', 'takeBundle']);
      for (const api of exposed.values()) expect(Object.isFrozen(api)).toBe(true);

      await exposed.get('tdkt')!.call!('staff.list', { search: 'an' });
      await exposed.get('tdktDialogs')!.pickFolder!(null);
      await exposed.get('tdktFiles')!.open!('E:\\To-trinh.docx', 'file');
      await exposed.get('tdktFiles')!.takeBundle!();
      expect(invoked).toEqual([
        ['tdkt:call', 'staff.list', { search: 'an' }],
        ['tdkt:pickFolder', null],
        [HOST_CHANNELS.openSaved, { path: 'E:\\To-trinh.docx', how: 'file' }],
        [HOST_CHANNELS.takeBundle],
      ]);
      expect(exposed.get('tdktFiles')!.pathOf!({})).toBe('E:\\goi.tdkt');
      exposed.get('tdktWindow')!.progress!(0.5);
      exposed.get('tdktWindow')!.progress!(null);
      expect(sent).toEqual([
        [HOST_CHANNELS.progress, 0.5],
        [HOST_CHANNELS.progress, null],
      ]);
      // listeners come and go through main's event channels
      const offSaved = exposed.get('tdktFiles')!.onSaved!(() => undefined) as () => void;
      const offOpened = exposed.get('tdktFiles')!.onBundleOpened!(() => undefined) as () => void;
      expect([...listening.keys()].sort()).toEqual([HOST_CHANNELS.bundleOpened, HOST_CHANNELS.fileSaved].sort());
      offSaved();
      offOpened();
      expect(listening.size).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
