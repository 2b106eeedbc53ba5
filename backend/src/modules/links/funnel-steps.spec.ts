import { dropOff, funnelRates } from './funnel-steps';

describe('funnel steps', () => {
  it.each([
    [1000, 40, 0.96],
    [40, 40, 0],
    [0, 0, null],
    [null, 5, null],
  ])('dropOff(%p, %p) = %p', (previous, next, expected) => {
    const value = dropOff(previous, next);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 12);
  });

  it('gives each step and the conversion rate of tracked clicks', () => {
    const r = funnelRates({ impressions: 2000, clicks: 50, uniqueClicks: 40, conversions: 4, conversionValue: 120 });
    expect(r.conversionRate).toBeCloseTo(4 / 50, 12);
    expect(r.dropOff.impressionsToClicks).toBeCloseTo(1 - 50 / 2000, 12);
    expect(r.dropOff.clicksToUniqueClicks).toBeCloseTo(0.2, 12);
    expect(r.dropOff.uniqueClicksToConversions).toBeCloseTo(0.9, 12);
  });
});
