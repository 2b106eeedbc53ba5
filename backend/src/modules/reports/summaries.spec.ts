import { delta, type KpiKey } from '@vigie/kpi';
import { INDICATOR_KEYS } from './figures/indicators';
import type { ReportFigures } from './report-figures';
import { summarize } from './summaries';

/** A month with no data at all: every summary must say so, not invent. */
function emptyMonth(values: Partial<Record<KpiKey, number>> = {}, previous: Partial<Record<KpiKey, number>> = {}): ReportFigures {
  return {
    version: 1,
    language: 'en',
    brand: { id: 'b', name: 'Acme', logoUrl: null },
    workspace: { name: 'W', timezone: 'Europe/Paris' },
    month: '2025-03',
    period: { from: '2025-03-01', to: '2025-03-31' },
    previousPeriod: { from: '2025-02-01', to: '2025-02-28' },
    months: ['2025-03'],
    indicators: {
      rows: INDICATOR_KEYS.map((key) => {
        const value = values[key] ?? null;
        const prev = previous[key] ?? null;
        return { key, value, previous: prev, delta: delta(value, prev), series: [value], missing: value === null, partial: false };
      }),
      byChannel: [],
      byContentType: [],
      heatmap: [],
    },
    highlights: {
      rateKey: 'engagementRateByImpressions',
      postsCount: 0,
      medianRate: null,
      topPosts: [],
      topics: [],
      bestDay: null,
      bestPostEver: null,
      bestMonthOfYear: false,
      alerts: null,
    },
    inbound: { counts: null, quotes: [], services: null },
    competitors: {
      brand: { engagementRateByReach: null, previousEngagementRateByReach: null, interactions: null, shareOfVoice: null, previousShareOfVoice: null },
      competitors: [],
      shareOfVoiceSource: null,
    },
    unavailable: ['alerts', 'inbox'],
    generatedAt: '2025-04-01T04:00:00.000Z',
  };
}

describe('section summaries (templates over the figures)', () => {
  it('says what is missing instead of inventing figures', () => {
    expect(summarize(emptyMonth(), [])).toEqual({
      indicators: 'Acme published no post in March 2025. No follower count was recorded this month.',
      highlights: 'No post to highlight this month. Listening alerts are not available (listening not set up).',
      inbound: 'The inbox is not available: no inbound figures.',
      competitors: 'No competitor is tracked in this workspace.',
      recommendations: 'No rule fired this month: the figures show no clear lever.',
    });
  });

  it('cites the month figures and their change, and says when reach is not provided', () => {
    const f = emptyMonth({ posts: 4, interactions: 300, followers: 1500, netFollowers: -20 }, { posts: 2, interactions: 200 });
    expect(summarize(f, []).indicators).toBe(
      'In March 2025, Acme published 4 posts (+100% month on month), which got 300 interactions (+50% month on month). ' +
        'The platforms did not provide reach. Followers at the end of the month: 1,500 (-20).',
    );
  });

  it('counts inbound messages by type when the inbox answered', () => {
    const f = emptyMonth({ responseRate: 0.5, medianFirstResponseMinutes: 95 });
    f.inbound = {
      counts: [
        { type: 'question', count: 5, previous: 2 },
        { type: 'lead', count: 2, previous: 0 },
        { type: 'complaint', count: 0, previous: 1 },
      ] as ReportFigures['inbound']['counts'],
      quotes: [],
      services: [],
    };
    expect(summarize(f, []).inbound).toBe(
      '7 inbound messages, including 5 information requests, 2 commercial contacts. Response rate: 50%, median first response: 1 h 35 min.',
    );
  });
});
