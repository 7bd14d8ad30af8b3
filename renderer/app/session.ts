// App-wide state: host info and the office profile (first-run gate).
import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract/system';
import type { Office } from '../../shared/contract/office';
import { call } from '../lib/api';

interface SessionState {
  info: AppInfo | null;
  office: Office | null;
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
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
  setOffice: (office) => set({ office }),
}));
