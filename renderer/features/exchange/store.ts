// What another part of the window asks the exchange screen to do: open a bundle the desktop
// app was handed by Explorer (a .tdkt double-clicked: its path) or one dropped on the window.
import { create } from 'zustand';

interface ExchangeState {
  /** a bundle's path to open on Trao đổi dữ liệu; the import section takes it, then clears it */
  bundleToOpen: string | File | null;
  openBundle(bundle: string | File): void;
  clearBundle(): void;
}

export const useExchange = create<ExchangeState>((set) => ({
  bundleToOpen: null,
  openBundle: (bundle) => set({ bundleToOpen: bundle }),
  clearBundle: () => set({ bundleToOpen: null }),
}));
