// Sandboxed preload, bundled into one file. Exposes one named function per contract
// procedure — never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { procedureNames } from '../shared/contract';

const procedures: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const name of procedureNames) {
  procedures[name] = (input: unknown) => ipcRenderer.invoke('tdkt:call', name, input);
}

contextBridge.exposeInMainWorld('tdkt', Object.freeze({ host: 'electron', procedures: Object.freeze(procedures) }));
