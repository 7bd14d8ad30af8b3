import { create } from 'zustand';
import type { BackupInfo } from '../../../shared/contract/backup';
import type { ProcOutput } from '../../../shared/contract';
import { call } from '../../lib/api';

interface BackupState {
  backups: BackupInfo[];
  folder: string;
  keep: number;
  /** the newest copy off this computer's disk, and whether to remind */
  status: ProcOutput<'backup.status'> | null;
  loading: boolean;
  error: string | null;
  refresh(): Promise<void>;
}

export const useBackups = create<BackupState>((set) => ({
  backups: [],
  folder: '',
  keep: 10,
  status: null,
  loading: false,
  error: null,
  refresh: async () => {
    set({ loading: true });
    try {
      const [r, status] = await Promise.all([call('backup.list'), call('backup.status')]);
      set({ backups: r.backups, folder: r.folder, keep: r.keep, status, loading: false, error: null });
    } catch (e) {
      set({ loading: false, error: (e as Error).message });
    }
  },
}));
