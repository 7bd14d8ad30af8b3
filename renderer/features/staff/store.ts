import { create } from 'zustand';
import type { Staff, StaffStatus } from '../../../shared/contract/staff';
import { call } from '../../lib/api';

export interface StaffFilterState {
  search: string;
  unitId: string | null;
  status: StaffStatus | 'all';
}

interface StaffState {
  filter: StaffFilterState;
  rows: Staff[];
  loading: boolean;
  error: string | null;
  /** increments per request so a slow older answer never overwrites a newer one */
  seq: number;
  setFilter(patch: Partial<StaffFilterState>): void;
  refresh(): Promise<void>;
}

export const useStaff = create<StaffState>((set, get) => ({
  filter: { search: '', unitId: null, status: 'dang_cong_tac' },
  rows: [],
  loading: false,
  error: null,
  seq: 0,
  setFilter: (patch) => {
    set({ filter: { ...get().filter, ...patch } });
    void get().refresh();
  },
  refresh: async () => {
    const seq = get().seq + 1;
    set({ seq, loading: true });
    try {
      const r = await call('staff.list', { ...get().filter, includeSubunits: true });
      if (get().seq === seq) set({ rows: r.rows, loading: false, error: null });
    } catch (e) {
      if (get().seq === seq) set({ loading: false, error: (e as Error).message });
    }
  },
}));
