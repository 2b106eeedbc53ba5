import { describe, expect, it } from 'vitest';
import { funnelSteps } from './funnel';

describe('funnelSteps', () => {
  it('starts at impressions when known and scales bars to the first step', () => {
    const s = funnelSteps({
      impressions: 10000,
      clicks: 400,
      uniqueClicks: 300,
      conversions: 15,
      conversionValue: 450,
      conversionRate: 15 / 400,
      dropOff: { impressionsToClicks: 0.96, clicksToUniqueClicks: 0.25, uniqueClicksToConversions: 0.95 },
    });
    expect(s.map((x) => x.key)).toEqual(['impressions', 'clicks', 'uniqueClicks', 'conversions']);
    expect(s.map((x) => x.width)).toEqual([1, 0.04, 0.03, 0.0015]);
    expect(s[1].dropOff).toBe(0.96);
    expect(s[0].dropOff).toBeNull();
  });

  it('starts at clicks without impressions, and stays flat at zero', () => {
    const s = funnelSteps({
      impressions: null,
      clicks: 0,
      uniqueClicks: 0,
      conversions: 0,
      conversionValue: 0,
      conversionRate: null,
      dropOff: { impressionsToClicks: null, clicksToUniqueClicks: null, uniqueClicksToConversions: null },
    });
    expect(s.map((x) => x.key)).toEqual(['clicks', 'uniqueClicks', 'conversions']);
    expect(s.every((x) => x.width === 0)).toBe(true);
  });
});
