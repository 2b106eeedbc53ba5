import { describe, expect, it } from 'vitest';
import type { CompetitorRowDto as CompetitorRow, ShareOfVoiceDto } from '@vigie/contracts';
import { accountBars, sovSeries, sovShares } from './competitor-charts';

const sov: ShareOfVoiceDto = {
  period: { from: '2025-03-01', to: '2025-03-02' },
  granularity: 'day',
  brand: { id: 'b', name: 'Café Test', mentions: 30 },
  competitors: [
    { brandId: 'c1', name: 'Rival', mentions: 60 },
    { brandId: 'c2', name: 'Autre', mentions: 10 },
  ],
  shareOfVoice: 0.3,
  series: [
    { bucket: '2025-03-01', brand: 3, competitors: { c1: 1 }, shareOfVoice: 0.75 },
    { bucket: '2025-03-02', brand: 0, competitors: {}, shareOfVoice: null },
  ],
};

describe('share of voice', () => {
  it('gives each brand its share of all mentions, ours first', () => {
    expect(sovShares(sov)).toEqual([
      { name: 'Café Test', mentions: 30, share: 0.3, own: true },
      { name: 'Rival', mentions: 60, share: 0.6, own: false },
      { name: 'Autre', mentions: 10, share: 0.1, own: false },
    ]);
  });
  it('leaves our brand out when it is not measured (no brand query)', () => {
    expect(sovShares({ ...sov, brand: { ...sov.brand, mentions: null } }).map((r) => r.share)).toEqual([6 / 7, 1 / 7]);
  });
  it('plots the series in percent with gaps', () => {
    expect(sovSeries(sov, 'SoV').datasets[0].data).toEqual([75, null]);
  });
});

describe('accountBars', () => {
  it('colours accounts by brand and scales ratios', () => {
    const row = (brandId: string, er: number | null): CompetitorRow => ({
      channelAccountId: brandId + er,
      brandId,
      brandName: brandId,
      isCompetitor: brandId !== 'b',
      platform: 'x',
      handle: 'h',
      posts: 1,
      postsPerWeek: 1,
      followersEnd: null,
      interactions: null,
      engagementRateByReach: er,
      engagementRateByFollowers: null,
    });
    const d = accountBars([row('b', 0.05), row('c', null), row('b', 0.1)], (r) => r.engagementRateByReach, 'ER', 100);
    expect(d.datasets[0].data).toEqual([5, null, 10]);
    const colors = d.datasets[0].backgroundColor;
    expect(colors[0]).toBe(colors[2]);
    expect(colors[0]).not.toBe(colors[1]);
  });
});
