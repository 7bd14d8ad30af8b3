// App-wide state: host info and the office profile (first-run gate).
import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract/system';
import type { Office } from '../../shared/contract/office';
import { call, onDbError } from '../lib/api';

interface SessionState {
  info: AppInfo | null;
  office: Office | null;
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  /** app.info again (signs of damage found since); errors are left to the next load */
  refreshInfo(): Promise<void>;
  setOffice(o: Office): void;
}

export const useSession = create<SessionState>((set) => ({
  info: null,
  office: null,
  loaded: false,
  error: null,
  load: async () => {
    try {
      const [info, office] = await Promise.all([call('app.info'), call('office.get')]);
      set({ info, office, loaded: true, error: null });
    } catch (e) {
      set({ loaded: true, error: (e as Error).message });
    }
  },
  refreshInfo: async () => {
    try {
      const info = await call('app.info');
      set((s) => (s.info && s.info.damage === info.damage ? {} : { info }));
    } catch {
      /* the page's own calls report what is wrong */
    }
  },
  setOffice: (office) => set({ office }),
}));

// a call that met a damaged page: the banner shows at once, not at the next change of screen
onDbError(() => void useSession.getState().refreshInfo());
