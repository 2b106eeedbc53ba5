import { delta, type KpiKey } from '@vigie/kpi';
import type { ChannelIndicators, IndicatorRow, IndicatorsSection } from '../report-figures';
import type { KpiMonth } from './kpi-month';

/** Section 1 rows, in reading order: audience, volume, interactions by type, traffic, ratios. */
export const INDICATOR_KEYS: readonly KpiKey[] = [
  'followers',
  'netFollowers',
  'followerGrowthRate',
  'posts',
  'impressions',
  'reach',
  'interactions',
  'reactions',
  'comments',
  'shares',
  'saves',
  'videoViews',
  'clicks',
  'trackedLinkClicks',
  'conversions',
  'conversionValue',
  'engagementRateByReach',
  'engagementRateByImpressions',
  'engagementRateByFollowers',
  'ctr',
  'conversionRate',
  'communityRequests',
  'responseRate',
  'medianFirstResponseMinutes',
  'netSentiment',
  'brandMentions',
  'shareOfVoice',
];

/** Per channel, the KPI API computes the post-based KPIs only (no inbox or veille split). */
export const CHANNEL_KEYS: readonly KpiKey[] = [
  'followers',
  'netFollowers',
  'posts',
  'impressions',
  'reach',
  'interactions',
  'clicks',
  'engagementRateByReach',
  'ctr',
];

/**
 * Builds section 1 from the KPI API's answers for the 12 months ending at the report's month
 * (oldest first). The previous month is the 11th answer: a calendar month, not the KPI API's
 * equal-length previous period.
 */
export function buildIndicators(months: KpiMonth[]): IndicatorsSection {
  const current = months[months.length - 1];
  const previous = months.length > 1 ? months[months.length - 2] : null;
  const rows: IndicatorRow[] = INDICATOR_KEYS.map((key) => {
    const value = current.kpis[key] ?? null;
    const prev = previous?.kpis[key] ?? null;
    return {
      key,
      value,
      previous: prev,
      delta: delta(value, prev),
      series: months.map((m) => m.kpis[key] ?? null),
      missing: current.missing.includes(key),
      partial: current.partial.includes(key),
    };
  });
  const byChannel: ChannelIndicators[] = current.byChannel.map((c) => {
    const before = previous?.byChannel.find((p) => p.channelAccountId === c.channelAccountId);
    return {
      channelAccountId: c.channelAccountId,
      platform: c.platform,
      handle: c.handle,
      rows: CHANNEL_KEYS.map((key) => {
        const value = c.kpis[key] ?? null;
        const prev = before?.kpis[key] ?? null;
        return { key, value, previous: prev, delta: delta(value, prev), missing: c.missing.includes(key), partial: c.partial.includes(key) };
      }),
    };
  });
  return {
    rows,
    byChannel,
    byContentType: current.byContentType.map((t) => ({
      contentType: t.contentType,
      posts: t.kpis.posts ?? null,
      engagementRateByReach: t.kpis.engagementRateByReach ?? null,
      interactions: t.kpis.interactions ?? null,
    })),
    heatmap: current.heatmap.cells
      .filter((c) => c.posts > 0)
      .map((c) => ({ weekday: c.weekday, hour: c.hour, posts: c.posts, interactions: c.interactions })),
  };
}

/** The 12 months ending at `month`, oldest first. */
export function twelveMonths(month: string, previousMonth: (m: string) => string): string[] {
  const out = [month];
  while (out.length < 12) out.unshift(previousMonth(out[0]));
  return out;
}
