// Everyone as the person pickers offer them (the decision editor, the record forms, the
// timeline, a dossier's "Thêm trực tiếp", a task's "Người phụ trách"). One list for the whole
// window, fetched once and then only checked (staff.choices with the version held): opening a
// form at province scale used to load all 27,000 people in full (10 MB) and sort them, ≈0.8 s.
import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import type { StaffChoiceTuple, StaffStatus } from '../../../shared/contract/staff';
import { foldVi, formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { useUnitLabels } from '../units/store';

export interface StaffChoice {
  id: string;
  fullName: string;
  unitId: string | null;
  birthDate: string | null;
  status: StaffStatus;
}

/** A picker's option: "name — unit — birth date", its folded text for the search rule, the person. */
export interface StaffOption {
  value: string;
  label: string;
  search: string;
  staff: StaffChoice;
}

interface ChoicesState {
  version: string | null;
  /** in Vietnamese person order (the core's) */
  rows: readonly StaffChoice[];
  loaded: boolean;
  /** asks the core whether the list changed; concurrent askers share one call */
  refresh(): Promise<void>;
}

let inFlight: Promise<void> | null = null;

const fromTuple = ([id, fullName, unitId, birthDate, status]: StaffChoiceTuple): StaffChoice => ({ id, fullName, unitId, birthDate, status });

export const useStaffChoices = create<ChoicesState>((set, get) => ({
  version: null,
  rows: [],
  loaded: false,
  refresh: () =>
    (inFlight ??= call('staff.choices', { known: get().version })
      .then((r) => {
        if (r.rows) set({ version: r.version, rows: r.rows.map(fromTuple), loaded: true });
        else set({ loaded: true });
      })
      // the pickers stay usable, empty; the next form asks again
      .catch(() => set({ loaded: true }))
      .finally(() => {
        inFlight = null;
      })),
}));

// options by list and labels: every picker on screen shares one array (and Mantine one parse)
const optionCache = new WeakMap<readonly StaffChoice[], WeakMap<ReadonlyMap<string, string>, Map<string, StaffOption[]>>>();

function optionsFor(rows: readonly StaffChoice[], labels: ReadonlyMap<string, string>, status: StaffStatus | 'all'): StaffOption[] {
  let byLabels = optionCache.get(rows);
  if (!byLabels) optionCache.set(rows, (byLabels = new WeakMap()));
  let byStatus = byLabels.get(labels);
  if (!byStatus) byLabels.set(labels, (byStatus = new Map()));
  let out = byStatus.get(status);
  if (!out) {
    // "Văn phòng (Sở Tài chính)" where units share a name: two namesakes in two Văn phòng differ
    out = rows
      .filter((s) => status === 'all' || s.status === status)
      .map((s) => {
        const label = [s.fullName, s.unitId ? labels.get(s.unitId) ?? '' : '', s.birthDate ? formatDateVi(s.birthDate) : ''].filter(Boolean).join(' — ');
        return { value: s.id, label, search: foldVi(label), staff: s };
      });
    byStatus.set(status, out);
  }
  return out;
}

/**
 * The person pickers' options, everyone or one status (people at work for a new nomination or
 * task), checked against the core each time a form opens.
 */
export function useStaffOptions(status: StaffStatus | 'all' = 'all'): StaffOption[] {
  const rows = useStaffChoices((s) => s.rows);
  const labels = useUnitLabels();
  useEffect(() => {
    void useStaffChoices.getState().refresh();
  }, []);
  return useMemo(() => optionsFor(rows, labels, status), [rows, labels, status]);
}
