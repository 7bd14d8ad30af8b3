import { create } from 'zustand';
import type { Unit } from '../../../shared/contract/units';
import { call } from '../../lib/api';

interface UnitsState {
  units: Unit[];
  loaded: boolean;
  error: string | null;
  refresh(): Promise<void>;
}

/** Units are small (≈150 per province): kept whole in memory for trees and pickers. */
export const useUnits = create<UnitsState>((set) => ({
  units: [],
  loaded: false,
  error: null,
  refresh: async () => {
    try {
      set({ units: await call('units.list', { includeInactive: true }), loaded: true, error: null });
    } catch (e) {
      set({ loaded: true, error: (e as Error).message });
    }
  },
}));
