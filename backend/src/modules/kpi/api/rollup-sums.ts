import { COUNT_KEYS, type CountKey, type CountRecord, type CountSums, type CountTotals } from '@vigie/kpi';
import type { RollupSumRow } from '../kpi-reads.repository';
import { METRIC_COLUMNS, type MetricColumn } from '../rollups/rollup-sql';

const KEY_OF: Record<MetricColumn, CountKey> = {
  impressions: 'impressions',
  reach: 'reach',
  reactions: 'reactions',
  comments: 'comments',
  shares: 'shares',
  saves: 'saves',
  clicks: 'clicks',
  video_views: 'videoViews',
};

export function emptyTotals(): CountTotals {
  const counts = {} as CountTotals;
  for (const key of COUNT_KEYS) counts[key] = null;
  return counts;
}

/**
 * Same result as sumCounts over the period's posts: a metric no post carried is null
 * (missing), one some posts lacked is flagged partial. No post at all means nothing to
 * measure: the counts are 0, so ratios are null by zero denominator, not "missing".
 */
export function rollupSums(row: RollupSumRow | undefined): CountSums {
  const counts = emptyTotals();
  const partial: CountKey[] = [];
  const posts = row ? Number(row.posts) : 0;
  counts.posts = posts;
  for (const column of METRIC_COLUMNS) {
    const key = KEY_OF[column];
    const known = row ? Number(row[`${column}_known`]) : 0;
    counts[key] = known > 0 ? Number(row?.[column] ?? 0) : posts === 0 ? 0 : null;
    if (known > 0 && known < posts) partial.push(key);
  }
  return { counts, partial: COUNT_KEYS.filter((k) => partial.includes(k)) };
}

/** A contributor's record as CountSums: absent keys stay null (not provided). */
export function recordSums(record: CountRecord, partial: readonly CountKey[] = []): CountSums {
  const counts = emptyTotals();
  for (const key of COUNT_KEYS) counts[key] = record[key] ?? null;
  return { counts, partial: COUNT_KEYS.filter((k) => partial.includes(k) && counts[k] !== null) };
}
