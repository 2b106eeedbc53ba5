export interface Delta {
  /** current − previous; null if either is null. For ratios this is in fraction points. */
  absolute: number | null;
  /**
   * (current − previous) / |previous|; null when previous is 0 or null, or current is null.
   * Dividing by |previous| keeps the sign meaningful for negative bases (netFollowers).
   */
  relative: number | null;
}

/** Change between two KPI values (current period vs previous period). */
export function delta(current: number | null, previous: number | null): Delta {
  if (current === null || previous === null) {
    return { absolute: null, relative: null };
  }
  const absolute = current - previous;
  return { absolute, relative: previous === 0 ? null : absolute / Math.abs(previous) };
}
