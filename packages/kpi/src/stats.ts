function sortedFinite(values: readonly number[]): number[] {
  for (const value of values) {
    if (!Number.isFinite(value)) {
      throw new RangeError(`percentile input is not a finite number: ${String(value)}`);
    }
  }
  return [...values].sort((a, b) => a - b);
}

/**
 * p-th percentile (p in 0..100) with linear interpolation between closest ranks
 * (the "R-7" / Excel PERCENTILE.INC / numpy default method), so percentile(xs, 50) is the
 * usual median. Empty list → null. The input is not mutated.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!Number.isFinite(p) || p < 0 || p > 100) {
    throw new RangeError(`percentile p must be within 0..100, got ${String(p)}`);
  }
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return null;
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const lowerValue = sorted[lower];
  const upperValue = sorted[upper];
  return lowerValue + (upperValue - lowerValue) * (rank - lower);
}

/** Median: middle value of an odd list, mean of the two middle values of an even one; [] → null. */
export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}
