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
