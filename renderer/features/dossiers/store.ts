// Dossiers screen state: which list, which dossier is open, and a version that bumps after any
// change so the open dossier, its checklist and the lists reload.
import { create } from 'zustand';
import type { ChecklistOut, DossierDetail, DossierSummary } from '../../../shared/contract/dossiers';
import type { DossierStatus } from '../../../shared/dossiers/model';
import { call } from '../../lib/api';

export type DossiersTab = 'own' | 'received';

interface DossiersState {
  tab: DossiersTab;
  openId: string | null;
  list: DossierSummary[];
  listError: string | null;
  /** the lists' filters, kept while a dossier is open: the search asks the core (nominees' names) */
  search: string;
  year: number | null;
  status: DossierStatus | 'all';
  detail: DossierDetail | null;
  checklist: ChecklistOut | null;
  detailError: string | null;
  setTab(tab: DossiersTab): void;
  setSearch(search: string): void;
  setYear(year: number | null): void;
  setStatus(status: DossierStatus | 'all'): void;
  open(id: string | null): void;
  loadList(): Promise<void>;
  loadDetail(): Promise<void>;
  /** after a call that returned the new detail */
  setDetail(d: DossierDetail): void;
  refreshChecklist(): Promise<void>;
}

let checklistAsked = 0;
let listAsked = 0;

export const useDossiers = create<DossiersState>((set, get) => ({
  tab: 'own',
  openId: null,
  list: [],
  listError: null,
  search: '',
  year: null,
  status: 'all',
  detail: null,
  checklist: null,
  detailError: null,
  setTab: (tab) => {
    set({ tab, openId: null, detail: null, checklist: null });
    void get().loadList();
  },
  setSearch: (search) => {
    set({ search });
    void get().loadList();
  },
  setYear: (year) => set({ year }),
  setStatus: (status) => set({ status }),
  open: (id) => {
    set({ openId: id, detail: null, checklist: null, detailError: null });
    if (id) void get().loadDetail();
    else void get().loadList();
  },
  loadList: async () => {
    // a search typed on must not be overtaken by the answer to an earlier one
    const asked = ++listAsked;
    try {
      const list = await call('dossiers.list', { scope: get().tab, search: get().search });
      if (asked === listAsked) set({ list, listError: null });
    } catch (e) {
      if (asked === listAsked) set({ listError: (e as Error).message });
    }
  },
  loadDetail: async () => {
    const id = get().openId;
    if (!id) return;
    try {
      const d = await call('dossiers.get', { id });
      if (get().openId === id) set({ detail: d, detailError: null });
      await get().refreshChecklist();
    } catch (e) {
      set({ detailError: (e as Error).message });
    }
  },
  setDetail: (d) => {
    if (get().openId !== d.id) return;
    set({ detail: d });
    void get().refreshChecklist();
  },
  refreshChecklist: async () => {
    const id = get().openId;
    if (!id) return;
    // an older answer arriving late must not replace a newer one (the dossier changed meanwhile)
    const asked = ++checklistAsked;
    try {
      const c = await call('dossiers.checklist', { id });
      if (get().openId === id && asked === checklistAsked) set({ checklist: c });
    } catch {
      /* the checklist panel shows the last result; the next change retries */
    }
  },
}));
