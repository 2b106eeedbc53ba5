/**
 * Every KPI key Vigie knows, in display order. The same names are used by the KPI API
 * (`kpis`, `previousKpis`), the monthly report and the UI tooltips.
 */

/**
 * Summable inputs: period totals are plain sums of per-post / per-day figures, so they can be
 * added across rows, days and channels. Each one is also reported as a KPI of kind `count`
 * (or `currency` for conversionValue).
 */
/** The canonical per-post counts a connector reports (a subset of the count keys). */
export const POST_COUNT_KEYS = ['impressions', 'reach', 'reactions', 'comments', 'shares', 'saves', 'clicks', 'videoViews'] as const;

export const COUNT_KEYS = [
  'posts',
  ...POST_COUNT_KEYS,
  // Normally computed as reactions + comments + shares + saves; a platform-reported total
  // (Instagram `total_interactions`) is only used when none of those components is known.
  'interactions',
  'trackedLinkClicks',
  'conversions',
  'conversionValue',
  'communityRequests',
  'communityRequestsAnswered',
  'sentimentPositive',
  'sentimentNegative',
  'sentimentNeutral',
  'brandMentions',
  'competitorMentions',
] as const;

/** KPIs computed from the counts, follower snapshots and response durations. */
export const DERIVED_KPI_KEYS = [
  'engagementRateByReach',
  'engagementRateByImpressions',
  'engagementRateByFollowers',
  'amplificationRate',
  'applauseRate',
  'conversationRate',
  'followers',
  'netFollowers',
  'followerGrowthRate',
  'ctr',
  'conversionRate',
  'responseRate',
  'medianFirstResponseMinutes',
  'p90FirstResponseMinutes',
  'netSentiment',
  'shareOfVoice',
] as const;

export const KPI_KEYS = [...COUNT_KEYS, ...DERIVED_KPI_KEYS] as const;

export type CountKey = (typeof COUNT_KEYS)[number];
export type DerivedKpiKey = (typeof DERIVED_KPI_KEYS)[number];
export type KpiKey = (typeof KPI_KEYS)[number];

const COUNT_KEY_SET: ReadonlySet<string> = new Set(COUNT_KEYS);
const KPI_KEY_SET: ReadonlySet<string> = new Set(KPI_KEYS);

export function isCountKey(value: string): value is CountKey {
  return COUNT_KEY_SET.has(value);
}

export function isKpiKey(value: string): value is KpiKey {
  return KPI_KEY_SET.has(value);
}
