import type { CountKey, KpiKey } from '@vigie/kpi';

/** Metric keys: @vigie/kpi owns them (formulas and definitions live there). */
export {
  COUNT_KEYS,
  DERIVED_KPI_KEYS,
  KPI_KEYS,
  isCountKey,
  isKpiKey,
  type CountKey,
  type DerivedKpiKey,
  type KpiKey,
} from '@vigie/kpi';

/** The canonical per-post counts a connector reports (a subset of the count keys). */
export const POST_COUNT_KEYS = [
  'impressions',
  'reach',
  'reactions',
  'comments',
  'shares',
  'saves',
  'clicks',
  'videoViews',
] as const satisfies readonly CountKey[];
export type PostCountKey = (typeof POST_COUNT_KEYS)[number];

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
