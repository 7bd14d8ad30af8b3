// Campaigns and plan lists (the editor has its own store: ./editorStore).
import { create } from 'zustand';
import type { Campaign, PlanSummary } from '../../../shared/contract/plans';
import { call } from '../../lib/api';
import { leaveOrAsk } from '../../lib/leave-guard';
import { useRouter } from '../../app/router';

export const ALL_PLANS = '__all__';

/** The plan editor is a route of its own (#/plans/<id>): it survives a reload. */
export function openPlan(id: string) {
  const show = () => (window.location.hash = `#/plans/${encodeURIComponent(id)}`);
  // from another plan's editor (the same route): asked here, as the router asks between screens
  if (useRouter.getState().route === 'plans') leaveOrAsk(show);
  else show();
}

export interface PlanTemplate {
  id: 'annual-campaign' | 'thematic-campaign' | 'tdkt-work-plan';
  name: string;
  description: string;
}

interface PlansState {
  search: string;
  year: number | null;
  campaigns: Campaign[];
  /** every campaign seen, by id: the selected one stays known while a filter hides it */
  known: Record<string, Campaign>;
  campaignsLoaded: boolean;
  campaignsError: string | null;
  /** selected campaign id, or ALL_PLANS */
  selected: string;
  plans: PlanSummary[];
  plansLoading: boolean;
  plansError: string | null;
  /** the plans table's own search (title, number, cited documents) */
  planSearch: string;
  templates: PlanTemplate[];
  seq: number;
  setSearch(s: string): void;
  setYear(y: number | null): void;
  setPlanSearch(s: string): void;
  select(id: string): void;
  refreshCampaigns(): Promise<void>;
  refreshPlans(): Promise<void>;
  loadTemplates(): Promise<void>;
}

export const usePlans = create<PlansState>((set, get) => ({
  search: '',
  year: null,
  campaigns: [],
  known: {},
  campaignsLoaded: false,
  campaignsError: null,
  selected: ALL_PLANS,
  plans: [],
  plansLoading: false,
  plansError: null,
  planSearch: '',
  templates: [],
  seq: 0,
  setSearch: (search) => {
    set({ search });
    void get().refreshCampaigns();
  },
  setYear: (year) => {
    set({ year });
    void get().refreshCampaigns();
  },
  setPlanSearch: (planSearch) => {
    set({ planSearch });
    void get().refreshPlans();
  },
  select: (selected) => {
    set({ selected });
    void get().refreshPlans();
  },
  refreshCampaigns: async () => {
    const seq = get().seq + 1;
    set({ seq });
    try {
      const campaigns = await call('campaigns.list', { search: get().search, year: get().year });
      if (get().seq !== seq) return;
      const known = { ...get().known };
      for (const c of campaigns) known[c.id] = c;
      // an unfiltered list is complete: forget deleted campaigns
      if (!get().search && get().year === null) for (const id of Object.keys(known)) if (!campaigns.some((c) => c.id === id)) delete known[id];
      set({ campaigns, known, campaignsLoaded: true, campaignsError: null });
    } catch (e) {
      if (get().seq === seq) set({ campaignsLoaded: true, campaignsError: (e as Error).message });
    }
  },
  refreshPlans: async () => {
    const { selected, planSearch } = get();
    // an answer is used only if the campaign and the search are still the ones it was asked for
    const current = () => get().selected === selected && get().planSearch === planSearch;
    set({ plansLoading: true });
    try {
      const plans = await call('plans.list', { campaignId: selected === ALL_PLANS ? null : selected, search: planSearch });
      if (current()) set({ plans, plansLoading: false, plansError: null });
    } catch (e) {
      if (current()) set({ plansLoading: false, plansError: (e as Error).message });
    }
  },
  loadTemplates: async () => {
    if (get().templates.length) return;
    try {
      set({ templates: await call('plans.templates', {}) });
    } catch {
      /* the create dialog shows the error when it calls */
    }
  },
}));
