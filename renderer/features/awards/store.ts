import { useMemo } from 'react';
import { create } from 'zustand';
import type { AwardSettings, CatalogEntryOut, RuleSetOut, SubjectKind } from '../../../shared/contract/records';
import { call } from '../../lib/api';
import { closingYear } from '../../../shared/awards/years';
import { baseSalaryTable } from '../../../shared/records/cash';

export type AwardsTab = 'grid' | 'decisions' | 'initiatives' | 'disciplines' | 'registrations' | 'check' | 'timeline' | 'chart' | 'catalog';

/** The year most offices are closing (the one the hosts' warm-up keeps a run of). */
export function defaultYear(today = new Date()): number {
  return closingYear(today.getFullYear(), today.getMonth() + 1);
}

interface AwardsState {
  tab: AwardsTab;
  year: number;
  /** unit of the grid, the lists and the checker (null: whole office) */
  unitId: string | null;
  timeline: { kind: SubjectKind; id: string } | null;
  catalog: CatalogEntryOut[];
  ruleSets: RuleSetOut[];
  settings: AwardSettings | null;
  /** bumps after writes that other tabs show (import, grid save) */
  version: number;
  setTab(tab: AwardsTab): void;
  setYear(year: number): void;
  setUnit(unitId: string | null): void;
  openTimeline(kind: SubjectKind, id: string): void;
  /** a decision another screen asked to open (the decisions tab opens it, then clears this) */
  decisionToOpen: string | null;
  showDecision(id: string, year: number): void;
  /** a year another tab asked the grid to show (the grid turns to it, asking first about unsaved edits, then clears this) */
  gridYearToOpen: number | null;
  openGrid(year: number): void;
  loadCatalog(): Promise<void>;
  setSettings(s: AwardSettings): void;
  changed(): void;
}

export const useAwards = create<AwardsState>((set, get) => ({
  tab: 'grid',
  year: defaultYear(),
  unitId: null,
  timeline: null,
  catalog: [],
  ruleSets: [],
  settings: null,
  version: 0,
  setTab: (tab) => set({ tab }),
  setYear: (year) => set({ year }),
  setUnit: (unitId) => set({ unitId }),
  openTimeline: (kind, id) => set({ tab: 'timeline', timeline: { kind, id } }),
  decisionToOpen: null,
  showDecision: (id, year) => set({ tab: 'decisions', year, decisionToOpen: id }),
  gridYearToOpen: null,
  openGrid: (year) => set({ tab: 'grid', gridYearToOpen: year }),
  loadCatalog: async () => {
    if (get().catalog.length) return;
    const [c, s] = await Promise.all([call('awards.catalog'), call('awards.getSettings')]);
    set({ catalog: c.entries, ruleSets: c.ruleSets, settings: s });
  },
  setSettings: (settings) => set({ settings }),
  changed: () => set({ version: get().version + 1 }),
}));

/** The lương cơ sở table the cash suggestions read: the shipped periods with the office's own (its settings). */
export function useBaseSalaryTable() {
  const added = useAwards((s) => s.settings?.baseSalaries);
  return useMemo(() => baseSalaryTable(added ?? []), [added]);
}
