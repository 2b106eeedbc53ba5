import { COUNT_KEYS, type CountKey } from './kpi-keys';

/**
 * One row of counts: a post's metrics, a day's rollup, a channel's period totals…
 * `null` or an absent key both mean "the source did not give this figure" (not zero).
 */
export type CountRecord = { readonly [K in CountKey]?: number | null };

/** Period totals for every count key; `null` = no row had a value for that key. */
export type CountTotals = Record<CountKey, number | null>;

export interface CountSums {
  /** Σ over rows; a key with no value in any row is `null`. */
  counts: CountTotals;
  /**
   * Keys that have a total but lacked a value in at least one row (null + 5 = 5, flagged):
   * the total is a lower bound and the UI should say so. In KPI_KEYS order.
   */
  partial: CountKey[];
}

/** Throws on NaN / ±Infinity: a broken upstream figure must not turn into a plausible KPI. */
export function assertFiniteOrNull(key: string, value: number | null | undefined): void {
  if (value !== null && value !== undefined && !Number.isFinite(value)) {
    throw new RangeError(`KPI input "${key}" is not a finite number: ${String(value)}`);
  }
}

/**
 * Null-aware sum of count rows. Sum of only nulls is null; nulls among numbers count as 0
 * and flag the key as partial. Rows are not mutated.
 */
export function sumCounts(rows: readonly CountRecord[]): CountSums {
  const counts = {} as CountTotals;
  const partial: CountKey[] = [];
  for (const key of COUNT_KEYS) {
    let total: number | null = null;
    let nullRows = 0;
    for (const row of rows) {
      const value = row[key];
      assertFiniteOrNull(key, value);
      if (value === null || value === undefined) {
        nullRows += 1;
      } else {
        total = (total ?? 0) + value;
      }
    }
    counts[key] = total;
    if (total !== null && nullRows > 0) partial.push(key);
  }
  return { counts, partial };
}

/**
 * Merges sums of different sources (post rollups, mentions, inbox, tracked links) for one
 * period. Unlike sumCounts, a key that one source does not carry is not flagged partial:
 * partial only comes from the sources' own partial lists.
 */
export function mergeCountSums(...sources: readonly CountSums[]): CountSums {
  const counts = {} as CountTotals;
  const partial: CountKey[] = [];
  for (const key of COUNT_KEYS) {
    let total: number | null = null;
    let isPartial = false;
    for (const source of sources) {
      const value = source.counts[key];
      if (value === null) continue;
      total = (total ?? 0) + value;
      isPartial = isPartial || source.partial.includes(key);
    }
    counts[key] = total;
    if (isPartial) partial.push(key);
  }
  return { counts, partial };
}
