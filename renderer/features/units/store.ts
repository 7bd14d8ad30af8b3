import { useEffect } from 'react';
import { create } from 'zustand';
import type { Unit } from '../../../shared/contract/units';
import { officeUnitLabels, spansOffices } from '../../../shared/units/tree';
import { useSession } from '../../app/session';
import { call } from '../../lib/api';

interface UnitsState {
  units: Unit[];
  /** at the province (units of other offices present): each other office's name by id */
  officeNames: ReadonlyMap<string, string>;
  loaded: boolean;
  error: string | null;
  /** units closed on the units screen; null until the user opens or closes one (a large tree starts closed) */
  collapsed: ReadonlySet<string> | null;
  setCollapsed(collapsed: ReadonlySet<string>): void;
  refresh(): Promise<void>;
  /** a unit another screen links to (the quick search): the units screen shows it, then clears this */
  unitToShow: string | null;
  showUnit(id: string): void;
}

/** The units screen's closed units, kept on this computer: the tree opens as it was left. */
const COLLAPSED_KEY = 'tdkt.units.collapsed';

function loadCollapsed(): ReadonlySet<string> | null {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(COLLAPSED_KEY) ?? 'null');
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? new Set(v as string[]) : null;
  } catch {
    return null;
  }
}

/** Units are small (≈150 per province): kept whole in memory for trees and pickers. */
export const useUnits = create<UnitsState>((set) => ({
  units: [],
  officeNames: new Map(),
  loaded: false,
  error: null,
  collapsed: loadCollapsed(),
  unitToShow: null,
  showUnit: (id) => set({ unitToShow: id }),
  setCollapsed: (collapsed) => {
    set({ collapsed });
    try {
      localStorage.setItem(COLLAPSED_KEY, JSON.stringify([...collapsed]));
    } catch {
      /* storage full or off: the tree still works, it opens as default next time */
    }
  },
  refresh: async () => {
    try {
      const units = await call('units.list', { includeInactive: true });
      // the offices' names come with the units, so labels are never built from half of them
      const multiOffice = spansOffices(units);
      const officeNames = multiOffice ? new Map((await call('exchange.offices', {}).catch(() => [])).map((o) => [o.id, o.name])) : new Map<string, string>();
      set({ units, officeNames, loaded: true, error: null });
    } catch (e) {
      set({ loaded: true, error: (e as Error).message });
    }
  },
}));

const labelCache = new WeakMap<Unit[], Map<string, string>>();
let firstLoad: Promise<void> | null = null;

/**
 * Each unit's on-screen label, "Văn phòng (Sở Tài chính)" where units share a name: computed once
 * per list of units, however many rows ask (a board's cards, a list's rows).
 */
export function useUnitLabels(): ReadonlyMap<string, string> {
  const units = useUnits((s) => s.units);
  // screens that show labels without listing units (the board, the home page) load them once
  useEffect(() => {
    if (!useUnits.getState().loaded && !firstLoad) firstLoad = useUnits.getState().refresh();
  }, []);
  const ownName = useSession((s) => s.office?.name ?? '');
  let labels = labelCache.get(units);
  if (!labels) {
    // at the province each office's top-level "Văn phòng" is followed by the office's name
    const { officeNames } = useUnits.getState();
    labels = officeUnitLabels(units, (id) => officeNames.get(id) ?? ownName);
    labelCache.set(units, labels);
  }
  return labels;
}

/** A task's or a record's units as written: each unit of the list by its label, text as it was kept. */
export function unitRefsText(refs: readonly { unitId: string | null; name: string }[], labels: ReadonlyMap<string, string>): string {
  return refs.map((r) => (r.unitId && labels.get(r.unitId)) || r.name).join('; ');
}
