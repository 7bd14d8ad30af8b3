// The plan editor's state: the plan being edited, undo/redo history of the whole plan, and
// autosave (debounce 400 ms, at most 1 s after the first unsaved change, one save in flight,
// `expectedUpdatedAt` guard against another window overwriting).
import { create } from 'zustand';
import type { PlanSummary } from '../../../shared/contract/plans';
import { createIdGenerator, type IdGenerator, type Plan } from '../../../shared/plans/model';
import { ApiCallError, call } from '../../lib/api';
import { T } from './strings';

export const AUTOSAVE_DEBOUNCE_MS = 400;
export const AUTOSAVE_MAX_WAIT_MS = 1000;
/** An issued plan is an official record: every save is kept in its change history, so it is
 * saved after a pause in typing rather than every second (flushes on leave/hide/close still apply). */
export const ISSUED_AUTOSAVE_DEBOUNCE_MS = 5000;
export const ISSUED_AUTOSAVE_MAX_WAIT_MS = 30_000;
const HISTORY_LIMIT = 300;
/** keystrokes in the same field within this time are one undo step */
const COALESCE_MS = 1200;
const RETRY_MS = 4000;

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface ApplyOptions {
  /** changes with the same key in quick succession (typing in one field) form one undo step */
  key?: string;
}

interface EditorState {
  recordId: string | null;
  record: PlanSummary | null;
  plan: Plan | null;
  /** the server's updated_at of the version this editor last loaded or saved */
  updatedAt: string | null;
  loading: boolean;
  loadError: string | null;
  past: Plan[];
  future: Plan[];
  lastKey: string | null;
  lastKeyAt: number;
  /** increments on every change */
  revision: number;
  savedRevision: number;
  saveState: SaveState;
  lastSavedAt: Date | null;
  saveError: { code: string; message: string } | null;

  load(id: string): Promise<void>;
  close(): Promise<void>;
  apply(fn: (p: Plan) => Plan, opts?: ApplyOptions): void;
  undo(): void;
  redo(): void;
  /** save now (waits for a save in flight); resolves true when everything is stored */
  flush(): Promise<boolean>;
  /** after a CONFLICT: drop local changes and load the stored version */
  reloadFromServer(): Promise<void>;
  /** after a CONFLICT: store this version over the other one */
  overwrite(): Promise<boolean>;
  setRecord(r: PlanSummary): void;
}

let debounceTimer: ReturnType<typeof setTimeout> | null = null;
let maxWaitTimer: ReturnType<typeof setTimeout> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let inFlight: Promise<void> | null = null;

/** Id generator for nodes created in this editor session (unique within a plan). */
export const newNodeId: IdGenerator = createIdGenerator();

function clearTimers() {
  if (debounceTimer) clearTimeout(debounceTimer);
  if (maxWaitTimer) clearTimeout(maxWaitTimer);
  if (retryTimer) clearTimeout(retryTimer);
  debounceTimer = maxWaitTimer = retryTimer = null;
}

export const useEditor = create<EditorState>((set, get) => {
  const isDirty = () => get().revision !== get().savedRevision;

  const schedule = () => {
    const issued = get().record?.status === 'da_ban_hanh';
    if (debounceTimer) clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => void saveNow(), issued ? ISSUED_AUTOSAVE_DEBOUNCE_MS : AUTOSAVE_DEBOUNCE_MS);
    if (!maxWaitTimer) maxWaitTimer = setTimeout(() => void saveNow(), issued ? ISSUED_AUTOSAVE_MAX_WAIT_MS : AUTOSAVE_MAX_WAIT_MS);
  };

  const saveNow = async (opts: { force?: boolean } = {}): Promise<void> => {
    if (debounceTimer) clearTimeout(debounceTimer);
    if (maxWaitTimer) clearTimeout(maxWaitTimer);
    debounceTimer = maxWaitTimer = null;
    if (inFlight) {
      await inFlight;
      // changes made while that save ran are saved by the follow-up below
      if (!isDirty()) return;
    }
    const { recordId, plan, updatedAt, revision, saveError } = get();
    if (!recordId || !plan || !isDirty()) return;
    if (saveError?.code === 'CONFLICT' && !opts.force) return;
    set({ saveState: 'saving' });
    const run = (async () => {
      try {
        const input = opts.force ? { id: recordId, plan } : { id: recordId, plan, expectedUpdatedAt: updatedAt ?? undefined };
        const summary = await call('plans.save', input);
        if (get().recordId !== recordId) return;
        set({ updatedAt: summary.updatedAt, record: summary, savedRevision: revision, lastSavedAt: new Date(), saveError: null });
        set({ saveState: isDirty() ? 'pending' : 'saved' });
      } catch (e) {
        if (get().recordId !== recordId) return;
        const err = e instanceof ApiCallError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: (e as Error).message };
        set({ saveState: 'error', saveError: err });
        // a lost connection or a passing failure: try again; a conflict waits for the user
        if (err.code !== 'CONFLICT' && err.code !== 'INVALID_INPUT' && err.code !== 'NOT_FOUND') {
          if (retryTimer) clearTimeout(retryTimer);
          retryTimer = setTimeout(() => void saveNow(), RETRY_MS);
        }
      }
    })();
    inFlight = run;
    try {
      await run;
    } finally {
      if (inFlight === run) inFlight = null;
    }
    if (isDirty() && get().saveState !== 'error') schedule();
  };

  return {
    recordId: null,
    record: null,
    plan: null,
    updatedAt: null,
    loading: false,
    loadError: null,
    past: [],
    future: [],
    lastKey: null,
    lastKeyAt: 0,
    revision: 0,
    savedRevision: 0,
    saveState: 'idle',
    lastSavedAt: null,
    saveError: null,

    load: async (id) => {
      const prev = get().recordId;
      if (prev && prev !== id) await get().flush();
      clearTimers();
      set({ recordId: id, record: null, plan: null, loading: true, loadError: null });
      try {
        const rec = await call('plans.get', { id });
        if (get().recordId !== id) return;
        const { plan, ...record } = rec;
        set({
          record,
          plan,
          updatedAt: rec.updatedAt,
          loading: false,
          past: [],
          future: [],
          lastKey: null,
          revision: 0,
          savedRevision: 0,
          saveState: 'idle',
          lastSavedAt: null,
          saveError: null,
        });
      } catch (e) {
        if (get().recordId === id) set({ loading: false, loadError: (e as Error).message });
      }
    },

    close: async () => {
      const id = get().recordId;
      await get().flush();
      // another plan may have been opened while the last save ran
      if (get().recordId !== id) return;
      clearTimers();
      set({ recordId: null, record: null, plan: null, updatedAt: null, past: [], future: [], saveState: 'idle', saveError: null, loadError: null });
    },

    apply: (fn, opts = {}) => {
      const { plan, past, lastKey, lastKeyAt, revision } = get();
      if (!plan) return;
      const next = fn(plan);
      if (next === plan) return;
      const now = Date.now();
      const coalesce = opts.key !== undefined && opts.key === lastKey && now - lastKeyAt < COALESCE_MS;
      set({
        plan: next,
        past: coalesce ? past : [...past, plan].slice(-HISTORY_LIMIT),
        future: [],
        lastKey: opts.key ?? null,
        lastKeyAt: now,
        revision: revision + 1,
        saveState: get().saveState === 'error' ? 'error' : 'pending',
      });
      schedule();
    },

    undo: () => {
      const { plan, past, future, revision } = get();
      const prev = past[past.length - 1];
      if (!plan || !prev) return;
      set({ plan: prev, past: past.slice(0, -1), future: [plan, ...future], lastKey: null, revision: revision + 1, saveState: 'pending' });
      schedule();
    },

    redo: () => {
      const { plan, past, future, revision } = get();
      const next = future[0];
      if (!plan || !next) return;
      set({ plan: next, past: [...past, plan], future: future.slice(1), lastKey: null, revision: revision + 1, saveState: 'pending' });
      schedule();
    },

    flush: async () => {
      if (inFlight) await inFlight;
      if (isDirty()) await saveNow();
      return !isDirty();
    },

    reloadFromServer: async () => {
      const id = get().recordId;
      if (!id) return;
      clearTimers();
      set({ revision: 0, savedRevision: 0, saveError: null });
      await get().load(id);
    },

    overwrite: async () => {
      set({ saveError: null });
      await saveNow({ force: true });
      return !isDirty();
    },

    setRecord: (r) => set({ record: r, updatedAt: r.updatedAt }),
  };
});

/** Message shown for the save state (toolbar). */
export function saveStatusText(state: SaveState, lastSavedAt: Date | null): string {
  switch (state) {
    case 'saving':
      return T.editor.saving;
    case 'pending':
      return T.editor.pending;
    case 'error':
      return T.editor.saveFailed;
    case 'saved':
    case 'idle':
      return lastSavedAt ? T.editor.savedAt(lastSavedAt) : T.editor.allSaved;
  }
}
