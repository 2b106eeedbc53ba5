import { POST_COUNT_KEYS, type KpiKey } from '@vigie/kpi';

/** Metric keys: @vigie/kpi owns them (formulas and definitions live there). */
export { COUNT_KEYS, DERIVED_KPI_KEYS, KPI_KEYS, POST_COUNT_KEYS, isCountKey, isKpiKey } from '@vigie/kpi';
export type { CountKey, DerivedKpiKey, KpiKey } from '@vigie/kpi';

/** The canonical per-post counts a connector reports. */
export type PostCountKey = (typeof POST_COUNT_KEYS)[number];

/** A post's counts; null = the platform did not report it (never 0 by default). */
export type PostCounts = Record<PostCountKey, number | null>;

/** What a post list can be sorted / ranked by: its counts, interactions and its rates. */
export type PostMetric =
  | 'interactions'
  | PostCountKey
  | 'engagementRateByReach'
  | 'engagementRateByImpressions'
  | 'ctr';
export const POST_METRICS: readonly PostMetric[] = [
  'interactions',
  ...POST_COUNT_KEYS,
  'engagementRateByReach',
  'engagementRateByImpressions',
  'ctr',
] satisfies readonly KpiKey[];

/** One value per KPI key; null = not computable from the data (never invented). */
export type KpiValues = Record<KpiKey, number | null>;
