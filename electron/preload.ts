// Sandboxed preload, bundled into one file. Exposes one named function per contract
// procedure — never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { procedureNames } from '../shared/contract';

const procedures: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const name of procedureNames) {
  procedures[name] = (input: unknown) => ipcRenderer.invoke('tdkt:call', name, input);
}

contextBridge.exposeInMainWorld(
  'tdktDialogs',
  Object.freeze({
    pickFolder: async (start: string | null): Promise<string | null> => {
      const r = (await ipcRenderer.invoke('tdkt:pickFolder', start)) as { ok: boolean; data?: string | null };
      return r.ok ? (r.data ?? null) : null;
    },
  }),
);
contextBridge.exposeInMainWorld('tdkt', Object.freeze({ host: 'electron', procedures: Object.freeze(procedures) }));
