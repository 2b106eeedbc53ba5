import { computeKpis, computePostRates, type KpiInput } from './compute-kpis';
import { KPI_KEYS, type KpiKey } from './kpi-keys';
import { sumCounts, type CountRecord } from './sum-counts';

/** Hand-checked period: every expected value below is worked out in its comment. */
const BASE: KpiInput = {
  counts: {
    posts: 4,
    impressions: 2000,
    reach: 800,
    reactions: 60,
    comments: 20,
    shares: 12,
    saves: 8,
    clicks: 50,
    videoViews: 300,
    trackedLinkClicks: 40,
    conversions: 6,
    conversionValue: 180.5,
    communityRequests: 25,
    communityRequestsAnswered: 20,
    sentimentPositive: 30,
    sentimentNegative: 10,
    sentimentNeutral: 60,
    brandMentions: 45,
    competitorMentions: 105,
  },
  followersStart: 1000,
  followersEnd: 1250,
  firstResponseMinutes: [5, 30, 12, 60, 8],
};

const withCounts = (counts: CountRecord, extra: Partial<KpiInput> = {}): KpiInput => ({
  ...BASE,
  ...extra,
  counts: { ...BASE.counts, ...counts },
});

describe('computeKpis: formulas on a hand-checked period', () => {
  const { values, missing, partial, warnings } = computeKpis(BASE);

  it.each<[KpiKey, number]>([
    ['posts', 4],
    ['impressions', 2000],
    ['reach', 800],
    ['videoViews', 300],
    ['interactions', 100], // 60 + 20 + 12 + 8
    ['engagementRateByReach', 0.125], // 100 / 800
    ['engagementRateByImpressions', 0.05], // 100 / 2000
    ['engagementRateByFollowers', 0.02], // 100 / 4 / 1250
    ['amplificationRate', 0.0024], // 12 / 4 / 1250
    ['applauseRate', 0.012], // 60 / 4 / 1250
    ['conversationRate', 0.004], // 20 / 4 / 1250
    ['followers', 1250],
    ['netFollowers', 250], // 1250 − 1000
    ['followerGrowthRate', 0.25], // 250 / 1000
    ['ctr', 0.025], // 50 / 2000
    ['conversions', 6],
    ['conversionRate', 0.15], // 6 / 40 (tracked-link clicks, not platform clicks)
    ['conversionValue', 180.5],
    ['responseRate', 0.8], // 20 / 25
    ['medianFirstResponseMinutes', 12], // sorted 5 8 12 30 60
    ['p90FirstResponseMinutes', 48], // rank 3.6 → 30 + 0.6 × (60 − 30)
    ['netSentiment', 0.5], // (30 − 10) / (30 + 10), neutral excluded
    ['shareOfVoice', 0.3], // 45 / (45 + 105)
  ])('%s = %p', (key, expected) => {
    expect(values[key]).toBeCloseTo(expected, 12);
  });

  it('has nothing missing, partial or suspicious', () => {
    expect(missing).toEqual([]);
    expect(partial).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('returns a value for every KPI key', () => {
    expect(Object.keys(values).sort()).toEqual([...KPI_KEYS].sort());
  });
});

describe('computeKpis: zero denominators give null, never 0/NaN/Infinity, and are not "missing"', () => {
  it.each<[string, KpiInput, KpiKey[]]>([
    ['reach = 0', withCounts({ reach: 0 }), ['engagementRateByReach']],
    ['impressions = 0', withCounts({ impressions: 0 }), ['engagementRateByImpressions', 'ctr']],
    [
      'posts = 0',
      withCounts({ posts: 0 }),
      ['engagementRateByFollowers', 'amplificationRate', 'applauseRate', 'conversationRate'],
    ],
    [
      'followers at end = 0',
      withCounts({}, { followersEnd: 0 }),
      ['engagementRateByFollowers', 'amplificationRate', 'applauseRate', 'conversationRate'],
    ],
    ['followers at start = 0', withCounts({}, { followersStart: 0 }), ['followerGrowthRate']],
    ['tracked clicks = 0', withCounts({ trackedLinkClicks: 0 }), ['conversionRate']],
    ['no community request', withCounts({ communityRequests: 0 }), ['responseRate']],
    [
      'no positive nor negative',
      withCounts({ sentimentPositive: 0, sentimentNegative: 0 }),
      ['netSentiment'],
    ],
    [
      'no mention at all',
      withCounts({ brandMentions: 0, competitorMentions: 0 }),
      ['shareOfVoice'],
    ],
    [
      'nothing answered yet',
      withCounts({}, { firstResponseMinutes: [] }),
      ['medianFirstResponseMinutes', 'p90FirstResponseMinutes'],
    ],
  ])('%s → %j are null', (_label, input, nullKeys) => {
    const { values, missing } = computeKpis(input);
    for (const key of nullKeys) expect(values[key]).toBeNull();
    expect(missing).toEqual([]);
    const others = KPI_KEYS.filter((key) => !nullKeys.includes(key));
    for (const key of others) expect(values[key]).not.toBeNull();
  });

  it.each<[string, CountRecord, KpiKey, number]>([
    [
      'no interaction at all',
      { reactions: 0, comments: 0, shares: 0, saves: 0 },
      'engagementRateByReach',
      0,
    ],
    ['only negatives', { sentimentPositive: 0, sentimentNegative: 7 }, 'netSentiment', -1],
    ['only positives', { sentimentPositive: 7, sentimentNegative: 0 }, 'netSentiment', 1],
    ['no competitor mention', { competitorMentions: 0 }, 'shareOfVoice', 1],
  ])('a zero numerator is a real 0 (%s)', (_label, counts, key, expected) => {
    expect(computeKpis(withCounts(counts)).values[key]).toBe(expected);
  });

  it('never yields NaN or ±Infinity for any mix of null / 0 / positive inputs', () => {
    const choices = [null, 0, 3];
    const keys = [
      'posts',
      'reach',
      'impressions',
      'reactions',
      'clicks',
      'sentimentPositive',
      'sentimentNegative',
    ] as const;
    for (let combo = 0; combo < choices.length ** keys.length; combo += 1) {
      const counts: Record<string, number | null> = {};
      let rest = combo;
      for (const key of keys) {
        counts[key] = choices[rest % choices.length] ?? null;
        rest = Math.floor(rest / choices.length);
      }
      for (const followersEnd of choices) {
        const { values } = computeKpis({ counts, followersStart: 0, followersEnd });
        for (const value of Object.values(values)) {
          if (value !== null) expect(Number.isFinite(value)).toBe(true);
        }
      }
    }
  });
});

describe('computeKpis: missing data', () => {
  it('reports every key missing when nothing is known', () => {
    const { values, missing, partial } = computeKpis({ counts: {} });
    expect(missing).toEqual([...KPI_KEYS]);
    expect(Object.values(values).every((value) => value === null)).toBe(true);
    expect(partial).toEqual([]);
  });

  it.each<[string, KpiInput, KpiKey[]]>([
    ['reach not given', withCounts({ reach: null }), ['reach', 'engagementRateByReach']],
    [
      'impressions not given',
      withCounts({ impressions: null }),
      ['impressions', 'engagementRateByImpressions', 'ctr'],
    ],
    [
      'no follower snapshot at end',
      withCounts({}, { followersEnd: null }),
      [
        'engagementRateByFollowers',
        'amplificationRate',
        'applauseRate',
        'conversationRate',
        'followers',
        'netFollowers',
        'followerGrowthRate',
      ],
    ],
    [
      'no follower snapshot at start',
      withCounts({}, { followersStart: undefined }),
      ['netFollowers', 'followerGrowthRate'],
    ],
    [
      'response times not measured',
      withCounts({}, { firstResponseMinutes: null }),
      ['medianFirstResponseMinutes', 'p90FirstResponseMinutes'],
    ],
    [
      'no competitor tracked',
      withCounts({ competitorMentions: null }),
      ['competitorMentions', 'shareOfVoice'],
    ],
    [
      'no sentiment',
      withCounts({ sentimentPositive: null }),
      ['sentimentPositive', 'netSentiment'],
    ],
    [
      'no tracked links',
      withCounts({ trackedLinkClicks: null }),
      ['trackedLinkClicks', 'conversionRate'],
    ],
    ['saves not reported (Facebook)', withCounts({ saves: null }), ['saves']],
  ])('%s → missing %j (and those values are null)', (_label, input, expectedMissing) => {
    const { values, missing } = computeKpis(input);
    expect(missing).toEqual(expectedMissing);
    for (const key of expectedMissing) expect(values[key]).toBeNull();
  });

  it('interactions add the components that are known (saves absent counts as 0)', () => {
    const { values } = computeKpis(withCounts({ saves: null }));
    expect(values.interactions).toBe(92); // 60 + 20 + 12
    expect(values.engagementRateByReach).toBeCloseTo(92 / 800, 12);
  });

  it('interactions fall back to a platform total only when no component is known', () => {
    const noComponents = { reactions: null, comments: null, shares: null, saves: null };
    expect(computeKpis(withCounts({ ...noComponents, interactions: 77 })).values.interactions).toBe(
      77,
    );
    expect(computeKpis(withCounts({ interactions: 999 })).values.interactions).toBe(100);
    const none = computeKpis(withCounts({ ...noComponents, interactions: null }));
    expect(none.values.interactions).toBeNull();
    expect(none.missing).toEqual(
      expect.arrayContaining([
        'interactions',
        'engagementRateByReach',
        'engagementRateByFollowers',
      ]),
    );
  });

  it('propagates partial sums to the KPIs that use them', () => {
    const sums = sumCounts([
      { posts: 1, reach: 100, impressions: 150, reactions: 10, comments: 1, shares: 1, saves: 2 },
      { posts: 1, reach: 80, impressions: 90, reactions: 4, comments: 0, shares: 0, saves: null },
    ]);
    const { values, partial, missing } = computeKpis({ ...sums, followersEnd: 500 });
    expect(values.interactions).toBe(18);
    expect(partial).toEqual([
      'saves',
      'interactions',
      'engagementRateByReach',
      'engagementRateByImpressions',
      'engagementRateByFollowers',
    ]);
    expect(missing).not.toContain('saves');
  });

  it.each([[Number.NaN], [Number.NEGATIVE_INFINITY]])('throws on a non-finite input %p', (bad) => {
    expect(() => computeKpis(withCounts({ reach: bad }))).toThrow(RangeError);
    expect(() => computeKpis(withCounts({}, { followersEnd: bad }))).toThrow(RangeError);
  });
});

describe('computeKpis: period ratios are ratios of sums, not means of per-post ratios', () => {
  // Each row: the KPI (also the test's title), the posts, Σ/Σ, and the mean of per-post ratios.
  it.each<[KpiKey, CountRecord[], number, number]>([
    [
      // post A: 10 / 1000 = 1 %, post B: 5 / 10 = 50 %; mean 25.5 % but Σ/Σ = 15 / 1010
      'engagementRateByReach',
      [
        { posts: 1, reach: 1000, reactions: 10 },
        { posts: 1, reach: 10, reactions: 5 },
      ],
      15 / 1010,
      (10 / 1000 + 5 / 10) / 2,
    ],
    [
      // 4 / 2000 = 0.2 %, 6 / 100 = 6 %, 0 / 900 = 0 %; mean 2.0667 % but Σ/Σ = 10 / 3000
      'engagementRateByImpressions',
      [
        { posts: 1, impressions: 2000, comments: 4 },
        { posts: 1, impressions: 100, comments: 6 },
        { posts: 1, impressions: 900, comments: 0 },
      ],
      10 / 3000,
      (4 / 2000 + 6 / 100 + 0) / 3,
    ],
    [
      // 50 / 5000 = 1 %, 30 / 100 = 30 %; mean 15.5 % but Σ/Σ = 80 / 5100
      'ctr',
      [
        { posts: 1, impressions: 5000, clicks: 50 },
        { posts: 1, impressions: 100, clicks: 30 },
      ],
      80 / 5100,
      (50 / 5000 + 30 / 100) / 2,
    ],
  ])('%s', (key, rows, ratioOfSums, meanOfRatios) => {
    const value = computeKpis(sumCounts(rows)).values[key];
    expect(value).toBeCloseTo(ratioOfSums, 12);
    expect(Math.abs(ratioOfSums - meanOfRatios)).toBeGreaterThan(0.01);
    expect(value).not.toBeCloseTo(meanOfRatios, 3);
  });
});

describe('computeKpis: warnings', () => {
  it.each<[CountRecord, string[]]>([
    [{ reach: 900, impressions: 800 }, ['reachExceedsImpressions']],
    [{ reach: 800, impressions: 800 }, []],
    [{ communityRequests: 3, communityRequestsAnswered: 4 }, ['answeredExceedsRequests']],
    [{ reach: 900, impressions: null }, []],
  ])('%j → %j', (counts, expected) => {
    expect(computeKpis(withCounts(counts)).warnings).toEqual(expected);
  });
});

describe('computePostRates: one post\'s rates, the same as computeKpis for that post', () => {
  const cases: Array<[string, CountRecord]> = [
    ['every metric', { impressions: 2000, reach: 1500, reactions: 40, comments: 8, shares: 2, saves: 1, clicks: 30, videoViews: 500 }],
    ['interactions only as a total', { impressions: 900, reach: 600, interactions: 45 }],
    ['zero reach and impressions', { impressions: 0, reach: 0, reactions: 3, clicks: 0 }],
    ['no reach known', { impressions: null, reach: null, reactions: 5, comments: 1 }],
    ['some components missing', { impressions: 100, reach: 80, reactions: 7, comments: null, shares: undefined }],
    ['nothing known', {}],
  ];
  it.each(cases)('%s', (_label, metrics) => {
    const { values } = computeKpis({ counts: { posts: 1, ...metrics } });
    expect(computePostRates(metrics)).toEqual({
      interactions: values.interactions,
      engagementRateByReach: values.engagementRateByReach,
      engagementRateByImpressions: values.engagementRateByImpressions,
      ctr: values.ctr,
    });
  });

  it('hand-checked: 51 interactions on 1,500 reached and 2,000 shown, 30 clicks', () => {
    expect(computePostRates({ impressions: 2000, reach: 1500, reactions: 40, comments: 8, shares: 2, saves: 1, clicks: 30 })).toEqual({
      interactions: 51,
      engagementRateByReach: 0.034,
      engagementRateByImpressions: 0.0255,
      ctr: 0.015,
    });
  });

  it('refuses a count that is not a finite number, as computeKpis does', () => {
    expect(() => computePostRates({ reach: Number.NaN })).toThrow(/reach/);
  });
});
