import type { KpiKey, KpiResult } from '@vigie/kpi';

/** One channel account's follower snapshots for a period (null = no snapshot). */
export interface Followers {
  start: number | null;
  end: number | null;
}

export interface BrandFollowers extends Followers {
  /** Some accounts have a count at the end but none before the period: growth covers the others only. */
  partial: boolean;
}

const GROWTH_KEYS: KpiKey[] = ['netFollowers', 'followerGrowthRate'];

/**
 * Brand followers = Σ over its accounts with a count at the end (null when none has one). Start:
 * an account whose history began inside the period counts as unchanged (its end as its start),
 * so net followers are those of the accounts with a start, never a whole account's audience
 * counted as new; the growth KPIs are then flagged partial. No account with a start → null.
 */
export function sumFollowers(list: Followers[]): BrandFollowers {
  const withEnd = list.filter((f): f is { start: number | null; end: number } => f.end !== null);
  if (!withEnd.length) return { start: null, end: null, partial: false };
  const end = withEnd.reduce((t, f) => t + f.end, 0);
  const started = withEnd.filter((f) => f.start !== null).length;
  if (!started) return { start: null, end, partial: false };
  const start = withEnd.reduce((t, f) => t + (f.start ?? f.end), 0);
  return { start, end, partial: started < withEnd.length };
}

/** Marks net followers / growth rate partial (when computed) for a brand mixing accounts with and without a start. */
export function flagGrowth(result: KpiResult, partial: boolean): KpiResult {
  if (!partial) return result;
  const add = GROWTH_KEYS.filter((k) => result.values[k] !== null && !result.partial.includes(k));
  return { ...result, partial: [...result.partial, ...add] };
}
