// Test utilities: text similarity for import fidelity checks.
// ratio = 2·LCS / (|a| + |b|) (as Python's difflib ratio), the LCS length computed with
// Myers' O((N+M)·D) diff, so near-identical texts of ~10k characters are fast.

/** Collapse whitespace; drop the "*" / "**" emphasis markers that text exports carry. */
export function normalizeForCompare(s: string, opts: { stripEmphasis?: boolean } = {}): string {
  let t = s.normalize('NFC');
  if (opts.stripEmphasis !== false) t = t.replace(/\*+/g, '');
  return t.replace(/\s+/g, ' ').trim();
}

/** Length of the longest common subsequence of two sequences (Myers). */
export function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max === 0) return 0;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!)) x = v[off + k + 1]!;
      else x = v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return (n + m - d) / 2;
    }
  }
  return 0;
}

export function ratio<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length + b.length === 0) return 1;
  return (2 * lcsLength(a, b)) / (a.length + b.length);
}

/** Character-level similarity after normalisation. */
export function charSimilarity(a: string, b: string): number {
  return ratio([...normalizeForCompare(a)], [...normalizeForCompare(b)]);
}

/** Token (word) level similarity after normalisation. */
export function tokenSimilarity(a: string, b: string): number {
  return ratio(normalizeForCompare(a).split(' '), normalizeForCompare(b).split(' '));
}
