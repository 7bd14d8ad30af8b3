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
