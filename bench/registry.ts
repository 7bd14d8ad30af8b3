// The benchmark's registry of cases. Each case measures one thing on the generated data set
// and returns rows for the printed table. New cases: add a file under bench/cases/ and
// register it in bench/cases/index.ts (see PLANNED there for the ones still to come).
import type { Dataset } from './dataset';

export interface BenchRow {
  case: string;
  metric: string;
  /** null: not measured (reason in note) */
  value: number | null;
  unit: string;
  /** the aim, as text ("< 2 ms"); with `ok` when the value can be compared */
  aim?: string;
  ok?: boolean;
  note?: string;
}

export interface BenchEnv {
  dataset: Dataset;
  /** temp folder of this run (removed at the end) */
  workDir: string;
  /** the built app: dist/ (web host at dist/electron/web-main.cjs) */
  distDir: string;
  /** the populated database (units + staff), closed; cases may open it */
  dbPath: string;
  log(msg: string): void;
}

export interface BenchCase {
  id: string;
  title: string;
  /** what the case needs beyond Node: cases whose needs are missing are reported as skipped */
  needs?: ('chromium')[];
  /**
   * Run in a worker thread, as the app's hosts run the core (electron/host/core-client.ts:
   * a Worker with default limits — a 4 MB stack, where the main thread has under 1 MB).
   */
  inWorker?: boolean;
  run(env: BenchEnv): Promise<BenchRow[]>;
}

export const benchCases: BenchCase[] = [];

export function registerBench(c: BenchCase): void {
  if (benchCases.some((b) => b.id === c.id)) throw new Error(`bench case ${c.id} registered twice`);
  benchCases.push(c);
}

/** A row comparing `value` with an upper bound. */
export function aimBelow(row: Omit<BenchRow, 'aim' | 'ok'>, bound: number): BenchRow {
  return { ...row, aim: `< ${bound} ${row.unit}`, ok: row.value !== null && row.value < bound };
}
