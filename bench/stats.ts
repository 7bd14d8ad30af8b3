// Small statistics helpers for the benchmark (nearest-rank percentiles).

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: number[]) => percentile(values, 50);
export const max = (values: number[]) => values.reduce((m, v) => Math.max(m, v), -Infinity);

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Time a synchronous or async function once, in ms. */
export async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = nowMs();
  const value = await fn();
  return { ms: nowMs() - t0, value };
}

/** Run `fn`, sampling the event loop every 5 ms: wall time and the longest gap between turns. */
export async function heldFor(fn: () => Promise<unknown>): Promise<{ wallMs: number; longestMs: number }> {
  let last = nowMs();
  let longest = 0;
  const timer = setInterval(() => {
    const t = nowMs();
    longest = Math.max(longest, t - last);
    last = t;
  }, 5);
  const t0 = nowMs();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  longest = Math.max(longest, nowMs() - last);
  return { wallMs: nowMs() - t0, longestMs: longest };
}
