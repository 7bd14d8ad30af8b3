// The staff list holds only the windows the virtualised list shows: 30,000 people are
// never sent at once. Each filter change starts a new generation; answers for an older
// generation are dropped.
import { create } from 'zustand';
import type { Staff, StaffStatus } from '../../../shared/contract/staff';
import { call } from '../../lib/api';

export interface StaffFilterState {
  search: string;
  unitId: string | null;
  status: StaffStatus | 'all';
  /** at the province: only this office's staff; null: every office */
  officeId: string | null;
}

export const PAGE_SIZE = 200;

interface StaffState {
  filter: StaffFilterState;
  total: number;
  pages: Map<number, Staff[]>;
  /** the generation `pages` belong to: a new filter's first answer replaces them all */
  pagesGeneration: number;
  loading: boolean;
  error: string | null;
  generation: number;
  setFilter(patch: Partial<StaffFilterState>): void;
  /** bumps when another screen sets the whole filter (the search box shows its text again) */
  filterShown: number;
  /** another screen's link to the list: a unit's staff, a person found by the quick search */
  showFilter(filter: StaffFilterState): void;
  /** "Tìm người trùng" asked from another screen (home): the page opens it once */
  duplicatesAsked: boolean;
  refresh(): Promise<void>;
  /** fetch the pages covering rows [start, end] that are not loaded yet */
  ensureRange(start: number, end: number): void;
  /** the people ticked for a change to all of them (cleared when the filter changes) */
  selected: ReadonlySet<string>;
  /** the row a shift-click extends the choice from */
  anchor: number | null;
  /** tick or untick one row; with shift, every row from the last one clicked */
  toggleRow(index: number, id: string, shift: boolean): Promise<void>;
  /** every person the filter matches, or none when they all are */
  toggleAll(): Promise<void>;
  clearSelection(): void;
}

const inFlight = new Set<string>();

export function rowAt(pages: Map<number, Staff[]>, index: number): Staff | undefined {
  return pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}

export const useStaff = create<StaffState>((set, get) => {
  const fetchPage = async (generation: number, page: number) => {
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    try {
      const r = await call('staff.list', { ...get().filter, includeSubunits: true, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (get().generation !== generation) return;
      // pages of the previous filter must not survive next to the new filter's first page
      const pages = get().pagesGeneration === generation ? new Map(get().pages) : new Map<number, Staff[]>();
      pages.set(page, r.rows);
      set({ pages, pagesGeneration: generation, total: r.total, loading: false, error: null });
    } catch (e) {
      if (get().generation === generation) set({ loading: false, error: (e as Error).message });
    } finally {
      inFlight.delete(key);
    }
  };

  /** The ids the filter matches, in the list's order (the rows not loaded yet among them). */
  const matchingIds = async (): Promise<string[] | null> => {
    const generation = get().generation;
    const { ids } = await call('staff.ids', { ...get().filter, includeSubunits: true });
    return get().generation === generation ? ids : null;
  };
  const noSelection = { selected: new Set<string>(), anchor: null };

  return {
    ...noSelection,
    filter: { search: '', unitId: null, status: 'dang_cong_tac', officeId: null },
    total: 0,
    pages: new Map(),
    pagesGeneration: 0,
    loading: false,
    error: null,
    generation: 0,
    setFilter: (patch) => {
      set({ filter: { ...get().filter, ...patch }, ...noSelection });
      void get().refresh();
    },
    filterShown: 0,
    duplicatesAsked: false,
    showFilter: (filter) => {
      set({ filter, filterShown: get().filterShown + 1, ...noSelection });
      void get().refresh();
    },
    refresh: async () => {
      const generation = get().generation + 1;
      // keep showing the old rows until the new first page arrives (no flicker)
      set({ generation, loading: true });
      const keep = get().pages;
      await fetchPage(generation, 0);
      if (get().generation === generation && get().pages === keep) set({ pages: new Map(), total: 0 });
    },
    toggleRow: async (index, id, shift) => {
      const { anchor, selected, pages } = get();
      const on = !selected.has(id);
      let ids = [id];
      if (shift && anchor !== null && anchor !== index) {
        const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
        const loaded = Array.from({ length: to - from + 1 }, (_, i) => rowAt(pages, from + i)?.id);
        // rows scrolled past without being loaded: the filter's ids give them
        const all = loaded.every(Boolean) ? (loaded as string[]) : (await matchingIds())?.slice(from, to + 1);
        if (!all) return;
        ids = all;
      }
      const next = new Set(get().selected);
      for (const x of ids) {
        if (on) next.add(x);
        else next.delete(x);
      }
      set({ selected: next, anchor: index });
    },
    toggleAll: async () => {
      const { selected, total } = get();
      if (total > 0 && selected.size >= total) return set(noSelection);
      const ids = await matchingIds();
      if (ids) set({ selected: new Set(ids), anchor: null });
    },
    clearSelection: () => set(noSelection),
    ensureRange: (start, end) => {
      const { generation, pages, total } = get();
      if (total === 0) return;
      const last = Math.min(end, total - 1);
      for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) {
        if (!pages.has(p)) void fetchPage(generation, p);
      }
    },
  };
});
