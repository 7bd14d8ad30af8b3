// Task tracker state: the chosen year and view, the year's tasks, and the task open in the
// detail drawer (the home panel opens tasks here too).
import { create } from 'zustand';
import type { Task, TaskStatus } from '../../../shared/contract/tasks';
import { currentYearQuarter, type Quarter } from '../../../shared/tasks/status';
import { call } from '../../lib/api';

export type TasksView = 'board' | 'unit' | 'year' | 'report';

interface TasksState {
  year: number | null;
  years: number[];
  today: string | null;
  view: TasksView;
  boardQuarter: Quarter | null;
  rows: Task[];
  loading: boolean;
  error: string | null;
  seq: number;
  /** the task shown in the drawer */
  openTaskId: string | null;
  /** bumps after any change, so dependent views (drawer, unit view, home) reload */
  version: number;
  init(): Promise<void>;
  setYear(year: number): void;
  setView(view: TasksView): void;
  setBoardQuarter(q: Quarter): void;
  refresh(): Promise<void>;
  openTask(id: string | null): void;
  /** another screen's link to a task: its year, its quarter on the board, its drawer open */
  showTask(id: string, year: number, quarter: Quarter): void;
  changed(): void;
  setStatus(id: string, status: TaskStatus, note?: string, date?: string): Promise<Task>;
}

export const useTasks = create<TasksState>((set, get) => ({
  year: null,
  years: [],
  today: null,
  view: 'board',
  boardQuarter: null,
  rows: [],
  loading: false,
  error: null,
  seq: 0,
  openTaskId: null,
  version: 0,
  init: async () => {
    try {
      const r = await call('tasks.years');
      const cur = currentYearQuarter(r.today);
      set({
        years: r.years,
        today: r.today,
        year: get().year ?? cur.year,
        boardQuarter: get().boardQuarter ?? cur.quarter,
      });
      await get().refresh();
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
  setYear: (year) => {
    set({ year, years: get().years.includes(year) ? get().years : [...get().years, year].sort((a, b) => a - b) });
    void get().refresh();
  },
  setView: (view) => set({ view }),
  setBoardQuarter: (q) => set({ boardQuarter: q }),
  refresh: async () => {
    const year = get().year;
    if (year === null) return;
    const seq = get().seq + 1;
    set({ seq, loading: true });
    try {
      const r = await call('tasks.list', { year });
      if (get().seq === seq) set({ rows: r.rows, today: r.today, loading: false, error: null });
    } catch (e) {
      if (get().seq === seq) set({ loading: false, error: (e as Error).message });
    }
  },
  openTask: (id) => set({ openTaskId: id }),
  showTask: (id, year, quarter) => {
    if (get().year !== year) get().setYear(year);
    set({ view: 'board', boardQuarter: quarter, openTaskId: id });
  },
  changed: () => {
    set({ version: get().version + 1 });
    void get().refresh();
    void call('tasks.years')
      .then((r) => set({ years: r.years }))
      .catch(() => undefined);
  },
  setStatus: async (id, status, note = '', date) => {
    const t = await call('tasks.setStatus', { id, status, note, date: date || undefined });
    // optimistic enough: replace the row at once, then reload
    set({ rows: get().rows.map((r) => (r.id === id ? t : r)) });
    get().changed();
    return t;
  },
}));
