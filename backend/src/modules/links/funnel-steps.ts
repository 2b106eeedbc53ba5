import { computeKpis } from '@vigie/kpi';

export interface FunnelCounts {
  /** Σ impressions of the posts the links were made for (null: no post attached / not given). */
  impressions: number | null;
  clicks: number;
  uniqueClicks: number;
  conversions: number;
  conversionValue: number;
}

/** Share lost between two steps: 1 − next / previous; null when previous is 0 or unknown. */
export function dropOff(previous: number | null, next: number | null): number | null {
  if (previous === null || next === null || previous === 0) return null;
  return 1 - next / previous;
}

export function funnelRates(c: FunnelCounts) {
  const kpis = computeKpis({
    counts: { impressions: c.impressions, trackedLinkClicks: c.clicks, conversions: c.conversions },
  }).values;
  return {
    // Same definition as the conversionRate KPI: conversions ÷ tracked-link clicks.
    conversionRate: kpis.conversionRate,
    dropOff: {
      impressionsToClicks: dropOff(c.impressions, c.clicks),
      clicksToUniqueClicks: dropOff(c.clicks, c.uniqueClicks),
      uniqueClicksToConversions: dropOff(c.uniqueClicks, c.conversions),
    },
  };
}
