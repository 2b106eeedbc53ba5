import type { FunnelCountsDto as FunnelCounts } from '@vigie/contracts';

export type FunnelStepKey = 'impressions' | 'clicks' | 'uniqueClicks' | 'conversions';

export interface FunnelStep {
  key: FunnelStepKey;
  value: number;
  /** Width of the bar, relative to the first step shown (0…1). */
  width: number;
  /** Share lost since the previous step, as the API computed it. */
  dropOff: number | null;
}

/**
 * The funnel as drawn: impressions (when the links' posts are known) → clicks → unique
 * visitors → conversions.
 */
export function funnelSteps(c: FunnelCounts): FunnelStep[] {
  const steps: Array<Omit<FunnelStep, 'width'>> = [];
  if (c.impressions !== null) steps.push({ key: 'impressions', value: c.impressions, dropOff: null });
  steps.push({ key: 'clicks', value: c.clicks, dropOff: c.impressions !== null ? c.dropOff.impressionsToClicks : null });
  steps.push({ key: 'uniqueClicks', value: c.uniqueClicks, dropOff: c.dropOff.clicksToUniqueClicks });
  steps.push({ key: 'conversions', value: c.conversions, dropOff: c.dropOff.uniqueClicksToConversions });
  const top = steps[0].value;
  return steps.map((s) => ({ ...s, width: top > 0 ? Math.max(0, Math.min(1, s.value / top)) : 0 }));
}
