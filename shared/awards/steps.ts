// Long work written once as a generator that yields between slices: run to the end at once
// (`drain`) by a caller that wants the answer now, or a slice at a time by the hosts' idle
// warm-up, so calls arriving meanwhile wait for one slice, not the whole run.

/** Work that yields between slices and returns T. */
export type Steps<T> = Generator<void, T, void>;

/** Run the rest of it now. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `steps` with the time spent in its slices added to `busy.ms`: run in slices, its wall time
 * also holds the calls answered between them (a run of 0.5 s of work took 2–4 s on the clock).
 */
export function* timed<T>(steps: Steps<T>, busy: { ms: number }): Steps<T> {
  for (;;) {
    const t = performance.now();
    const r = steps.next();
    busy.ms += performance.now() - t;
    if (r.done) return r.value;
    yield;
  }
}

/** What the slices look at of a database connection (better-sqlite3's Database has both). */
interface Connection {
  readonly open: boolean;
  readonly inTransaction: boolean;
}

/**
 * Run `steps` a slice per `pause()` (the hosts' warm-up: calls are answered between slices),
 * registered in `pending` under the connection so that a caller who needs the result meanwhile
 * finishes the rest at once (or drops it) by taking it out. Resolves when done, when someone
 * took it out, or when the connection was closed; no slice runs while a transaction someone
 * opened across turns is open.
 */
export async function runInSlices<C extends Connection>(pending: WeakMap<C, Steps<unknown>>, conn: C, steps: Steps<unknown>, pause: () => Promise<void>): Promise<void> {
  pending.set(conn, steps);
  try {
    for (;;) {
      await pause();
      if (pending.get(conn) !== steps || !conn.open) return;
      if (conn.inTransaction) continue;
      if (steps.next().done) return;
    }
  } finally {
    if (pending.get(conn) === steps) pending.delete(conn);
  }
}
