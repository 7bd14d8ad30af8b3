import { create } from 'zustand';
import type { Unit } from '../../../shared/contract/units';
import { call } from '../../lib/api';

interface UnitsState {
  units: Unit[];
  loaded: boolean;
  error: string | null;
  /** units closed on the units screen; null until the user opens or closes one (a large tree starts closed) */
  collapsed: ReadonlySet<string> | null;
  setCollapsed(collapsed: ReadonlySet<string>): void;
  refresh(): Promise<void>;
}

/** Units are small (≈150 per province): kept whole in memory for trees and pickers. */
export const useUnits = create<UnitsState>((set) => ({
  units: [],
  loaded: false,
  error: null,
  collapsed: null,
  setCollapsed: (collapsed) => set({ collapsed }),
  refresh: async () => {
    try {
      set({ units: await call('units.list', { includeInactive: true }), loaded: true, error: null });
    } catch (e) {
      set({ loaded: true, error: (e as Error).message });
    }
  },
}));
