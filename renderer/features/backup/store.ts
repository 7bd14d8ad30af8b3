import { create } from 'zustand';
import type { BackupInfo } from '../../../shared/contract/backup';
import { call } from '../../lib/api';

interface BackupState {
  backups: BackupInfo[];
  folder: string;
  keep: number;
  loading: boolean;
  error: string | null;
  refresh(): Promise<void>;
}

export const useBackups = create<BackupState>((set) => ({
  backups: [],
  folder: '',
  keep: 10,
  loading: false,
  error: null,
  refresh: async () => {
    set({ loading: true });
    try {
      const r = await call('backup.list');
      set({ backups: r.backups, folder: r.folder, keep: r.keep, loading: false, error: null });
    } catch (e) {
      set({ loading: false, error: (e as Error).message });
    }
  },
}));
