import type { DayPeriod } from '@vigie/kpi';
import {
  KpiContributorRegistry,
  type KpiContribution,
  type KpiContributionQuery,
  type KpiContributor,
} from '../contributors/kpi-contributor';
import type {
  EraDayRow,
  FollowersRow,
  GroupedRow,
  HeatmapRow,
  KpiChannelRow,
  KpiReadsRepository,
  KpiScope,
  KpiScopeRow,
  RollupSumRow,
} from '../kpi-reads.repository';
import type { Granularity, KpiQueryDto } from './kpi-query.dto';
import { KpiScopeResolver } from './kpi-scope';
import { KpiService } from './kpi.service';

const WS = '00000000-0000-4000-8000-000000000001';
const BRAND = '00000000-0000-4000-8000-000000000002';
const OTHER_BRAND = '00000000-0000-4000-8000-000000000003';
const FB = '00000000-0000-4000-8000-000000000004';
const IG = '00000000-0000-4000-8000-000000000005';

/** The public surface of a class (what a fake must provide). */
type Surface<T> = { [K in keyof T]: T[K] };

const sums = (posts: number): RollupSumRow => ({
  posts,
  impressions: posts * 100,
  impressions_known: posts,
  reach: posts * 80,
  reach_known: posts,
  reactions: posts * 5,
  reactions_known: posts,
  comments: posts,
  comments_known: posts,
  shares: 0,
  shares_known: posts,
  saves: 0,
  saves_known: posts,
  clicks: posts * 2,
  clicks_known: posts,
  video_views: 0,
  video_views_known: 0,
});

/** In-memory KPI read model: one brand with two channel accounts, a version the test sets. */
class FakeKpiReads implements Surface<KpiReadsRepository> {
  version = '1';
  activityVersion = '7';
  sourcesVersion = '3';
  brandKind = 'own';
  timezone = 'Europe/Paris';
  channels: KpiChannelRow[] = [
    { id: FB, platform: 'facebook', handle: 'maison.fb' },
    { id: IG, platform: 'instagram', handle: 'maison.ig' },
  ];
  /** Calls per method, to see what was read again. */
  calls = { scope: 0, groupedSums: 0, totalSums: 0, followers: 0, heatmap: 0, eraDays: 0 };
  granularities: Granularity[] = [];

  async scope(workspaceId: string, brandId: string, channelAccountId: string | null, state: boolean): Promise<KpiScopeRow | undefined> {
    this.calls.scope++;
    if (workspaceId !== WS) return undefined;
    const channel = this.channels.find((c) => c.id === channelAccountId);
    const known = brandId === BRAND || brandId === OTHER_BRAND;
    return {
      timezone: this.timezone,
      brand: known,
      channel: channel !== undefined,
      channel_brand: channel ? BRAND : null,
      ...(state
        ? {
            version: this.version,
            activity_version: this.activityVersion,
            sources_version: this.sourcesVersion,
            brand_kind: this.brandKind,
            channels: this.channels.filter((c) => channelAccountId === null || c.id === channelAccountId),
          }
        : {}),
    };
  }

  async groupedSums(_scope: KpiScope, _period: DayPeriod, granularity: Granularity): Promise<GroupedRow[]> {
    this.calls.groupedSums++;
    this.granularities.push(granularity);
    const row = (g: Partial<GroupedRow>, posts: number): GroupedRow => ({
      ...sums(posts),
      g_channel: 1,
      g_type: 1,
      g_bucket: 1,
      channel_account_id: null,
      content_type: null,
      bucket: null,
      ...g,
    });
    return [
      row({}, 3),
      row({ g_channel: 0, channel_account_id: FB }, 2),
      row({ g_channel: 0, channel_account_id: IG }, 1),
      row({ g_type: 0, content_type: 'photo' }, 3),
    ];
  }

  async totalSums(): Promise<RollupSumRow | undefined> {
    this.calls.totalSums++;
    return sums(1);
  }

  async followers(_scope: KpiScope, periods: readonly DayPeriod[]): Promise<FollowersRow[]> {
    this.calls.followers++;
    return periods.flatMap((_, k) => [
      { id: FB, i: String(k + 1), start_followers: 100, end_followers: 110 },
      { id: IG, i: String(k + 1), start_followers: 50, end_followers: 50 },
    ]);
  }

  async heatmap(): Promise<HeatmapRow[]> {
    this.calls.heatmap++;
    return [{ weekday: 1, hour: 9, posts: 3, interactions: 18, reach: 240 }];
  }

  async eraDays(): Promise<EraDayRow[]> {
    this.calls.eraDays++;
    return [];
  }
}

/** A contributor answering from a table of counts per period start day. */
class FakeContributor implements KpiContributor {
  asked: KpiContributionQuery[][] = [];
  constructor(
    readonly name: string,
    private readonly byFrom: Record<string, KpiContribution>,
    readonly keptWhile?: 'activity' | 'sources',
  ) {}

  contribute = async (qs: readonly KpiContributionQuery[]): Promise<KpiContribution[]> => {
    this.asked.push([...qs]);
    return qs.map((q) => this.byFrom[q.from] ?? { counts: {} });
  };
}

function build(...contributors: KpiContributor[]) {
  const reads = new FakeKpiReads();
  const registry = new KpiContributorRegistry();
  for (const c of contributors) registry.register(c);
  const repo = reads as unknown as KpiReadsRepository;
  const service = new KpiService(repo, new KpiScopeResolver(repo), registry);
  return { reads, service };
}

// March 2026 and the 31 days before it (the previous period).
const MARCH: KpiQueryDto = { brandId: BRAND, from: '2026-03-01', to: '2026-03-31' };
const CURRENT = '2026-03-01';
const PREVIOUS = '2026-01-29';

describe('KpiService: contributions of several contributors', () => {
  it('asks every contributor for the period and the previous one, and merges each period on its own', async () => {
    const links = new FakeContributor(
      'links',
      {
        [CURRENT]: { counts: { trackedLinkClicks: 40, conversions: 4, conversionValue: 120 } },
        [PREVIOUS]: { counts: { trackedLinkClicks: 10, conversions: 1, conversionValue: 30 } },
      },
    );
    const inbox = new FakeContributor(
      'inbox',
      {
        [CURRENT]: { counts: { communityRequests: 8, communityRequestsAnswered: 6 }, firstResponseMinutes: [10, 20, 30] },
        [PREVIOUS]: { counts: { communityRequests: 2, communityRequestsAnswered: 2 }, firstResponseMinutes: [60] },
      },
    );
    const { service } = build(links, inbox);

    const answer = await service.getKpis(WS, MARCH);

    expect(answer.previousPeriod.from).toBe(PREVIOUS);
    // Both periods in one call to each contributor, period first.
    expect(links.asked.map((qs) => qs.map((q) => q.from))).toEqual([[CURRENT, PREVIOUS]]);
    expect(inbox.asked.map((qs) => qs.map((q) => q.from))).toEqual([[CURRENT, PREVIOUS]]);
    expect(links.asked[0][0]).toEqual({
      workspaceId: WS,
      brandId: BRAND,
      channelAccountId: null,
      timezone: 'Europe/Paris',
      from: CURRENT,
      to: '2026-03-31',
    });
    expect(answer.kpis).toMatchObject({
      trackedLinkClicks: 40,
      conversions: 4,
      conversionValue: 120,
      conversionRate: 0.1,
      communityRequests: 8,
      communityRequestsAnswered: 6,
      responseRate: 0.75,
      medianFirstResponseMinutes: 20,
    });
    expect(answer.previousKpis).toMatchObject({
      trackedLinkClicks: 10,
      conversions: 1,
      communityRequests: 2,
      responseRate: 1,
      medianFirstResponseMinutes: 60,
    });
    // Rollup counts are still there next to the contributed ones.
    expect(answer.kpis.posts).toBe(3);
    expect(answer.previousKpis.posts).toBe(1);
  });

  it('concatenates the first-response minutes of several contributors', async () => {
    const a = new FakeContributor('a', { [CURRENT]: { counts: {}, firstResponseMinutes: [1, 2] } });
    const b = new FakeContributor('b', { [CURRENT]: { counts: {}, firstResponseMinutes: [100, 200, 300] } });
    const { service } = build(a, b);
    const answer = await service.getKpis(WS, MARCH);
    // Median of [1, 2, 100, 200, 300], not of one contributor's list.
    expect(answer.kpis.medianFirstResponseMinutes).toBe(100);
    expect(answer.previousKpis.medianFirstResponseMinutes).toBeNull();
  });

  it('keeps a contributor\'s partial keys, and reports the keys nobody provides as missing', async () => {
    const sentiment = new FakeContributor(
      'sentiment',
      {
        [CURRENT]: {
          counts: { sentimentPositive: 3, sentimentNegative: 1, sentimentNeutral: 0 },
          partial: ['sentimentPositive', 'sentimentNegative', 'sentimentNeutral'],
        },
      },
    );
    const { service } = build(sentiment);
    const answer = await service.getKpis(WS, MARCH);
    expect(answer.kpis.sentimentPositive).toBe(3);
    expect(answer.partial).toEqual(expect.arrayContaining(['sentimentPositive', 'sentimentNegative']));
    expect(answer.missing).toEqual(expect.arrayContaining(['trackedLinkClicks', 'communityRequests']));
    // The previous period got no counts from it: its zeros are not invented.
    expect(answer.previousKpis.sentimentPositive).toBeNull();
  });

  it('reports a failing contributor\'s keys missing and keeps the others', async () => {
    const broken: KpiContributor = {
      name: 'broken',
      contribute: () => Promise.reject(new Error('db down')),
    };
    const links = new FakeContributor('links', { [CURRENT]: { counts: { trackedLinkClicks: 5 } } });
    const { service } = build(broken, links);
    const answer = await service.getKpis(WS, MARCH);
    expect(answer.kpis.trackedLinkClicks).toBe(5);
    expect(answer.missing).toContain('communityRequests');
  });

  it('passes the channel filter to the contributors', async () => {
    const links = new FakeContributor('links', {});
    const { service } = build(links);
    await service.getKpis(WS, { ...MARCH, channelAccountId: IG });
    expect(links.asked[0].every((q) => q.channelAccountId === IG)).toBe(true);
  });
});

describe('KpiService: rollup answers cached per brand rollup version', () => {
  const rollupReads = (r: FakeKpiReads) => [r.calls.groupedSums, r.calls.totalSums, r.calls.heatmap, r.calls.eraDays];

  it('reads the rollups once while the version stays, again after a bump', async () => {
    const links = new FakeContributor('links', { [CURRENT]: { counts: { trackedLinkClicks: 1 } } });
    const { reads, service } = build(links);

    const first = await service.getKpis(WS, MARCH);
    const second = await service.getKpis(WS, MARCH);
    expect(rollupReads(reads)).toEqual([1, 1, 1, 1]);
    expect(second).toEqual(first);
    // Scope (with the versions) and the contributors without keptWhile are read on every request.
    expect(reads.calls.scope).toBe(2);
    expect(reads.calls.followers).toBe(1);
    expect(links.asked).toHaveLength(2);

    reads.version = '2'; // a rollup refresh raised the brand's version
    await service.getKpis(WS, MARCH);
    expect(rollupReads(reads)).toEqual([2, 2, 2, 2]);
    await service.getKpis(WS, MARCH);
    expect(rollupReads(reads)).toEqual([2, 2, 2, 2]);
  });

  it.each<[string, (r: FakeKpiReads) => void, Partial<KpiQueryDto>]>([
    ['brand', () => undefined, { brandId: OTHER_BRAND }],
    ['channel filter', () => undefined, { channelAccountId: FB }],
    ['time zone', (r) => (r.timezone = 'America/New_York'), {}],
    ['period', () => undefined, { from: '2026-03-02' }],
    ['granularity', () => undefined, { granularity: 'week' }],
    [
      'channel list',
      (r) => r.channels.push({ id: '00000000-0000-4000-8000-000000000006', platform: 'linkedin', handle: 'maison.li' }),
      {},
    ],
  ])('recomputes when the %s changes (same version)', async (_what, change, query) => {
    const { reads, service } = build();
    await service.getKpis(WS, MARCH);
    change(reads);
    await service.getKpis(WS, { ...MARCH, ...query });
    expect(reads.calls.groupedSums).toBe(2);
    // Back to the first request, still on the same version: its entry is still there.
    if (Object.keys(query).length) {
      await service.getKpis(WS, MARCH);
      expect(reads.calls.groupedSums).toBe(2);
    }
  });

  it('uses the granularity of the cached entry for the series', async () => {
    const { reads, service } = build();
    const byDay = await service.getKpis(WS, MARCH);
    const byWeek = await service.getKpis(WS, { ...MARCH, granularity: 'week' });
    expect(reads.granularities).toEqual(['day', 'week']);
    expect(byDay.series).toHaveLength(31);
    expect(byWeek.series.length).toBeLessThan(7);
  });

  it('recomputes after a failed rollup read instead of caching the failure', async () => {
    const { reads, service } = build();
    const groupedSums = reads.groupedSums.bind(reads);
    let fail = true;
    reads.groupedSums = async (...args) => {
      if (fail) {
        reads.calls.groupedSums++;
        throw new Error('statement timeout');
      }
      return groupedSums(...args);
    };
    await expect(service.getKpis(WS, MARCH)).rejects.toThrow('statement timeout');
    fail = false;
    await service.getKpis(WS, MARCH);
    expect(reads.calls.groupedSums).toBe(2);
  });
});

describe('KpiService: comment-derived contributions cached per brand activity version', () => {
  const counts = { [CURRENT]: { counts: { communityRequests: 4, communityRequestsAnswered: 1 }, firstResponseMinutes: [12] } };

  it('asks a brand-activity contributor once while the version holds, again after a write; the others every time', async () => {
    const inbox = new FakeContributor('inbox', counts, 'activity');
    const links = new FakeContributor('links', { [CURRENT]: { counts: { trackedLinkClicks: 1 } } });
    const { reads, service } = build(inbox, links);

    const first = await service.getKpis(WS, MARCH);
    const second = await service.getKpis(WS, MARCH);
    expect(second).toEqual(first);
    expect(first.kpis).toMatchObject({ communityRequests: 4, responseRate: 0.25, medianFirstResponseMinutes: 12 });
    expect(inbox.asked).toHaveLength(1);
    expect(links.asked).toHaveLength(2);

    reads.activityVersion = '8'; // a statement wrote the brand's comments or inbox items
    await service.getKpis(WS, MARCH);
    expect(inbox.asked).toHaveLength(2);
    // A rollup bump alone does not touch the comment-derived part.
    reads.version = '2';
    await service.getKpis(WS, MARCH);
    expect(inbox.asked).toHaveLength(2);
  });

  it.each<[string, (r: FakeKpiReads) => void, Partial<KpiQueryDto>]>([
    ['brand kind', (r) => (r.brandKind = 'competitor'), {}],
    ['time zone', (r) => (r.timezone = 'America/New_York'), {}],
    ['channel filter', () => undefined, { channelAccountId: FB }],
    ['period', () => undefined, { from: '2026-03-02' }],
  ])('asks again when the %s changes (same activity version)', async (_what, change, query) => {
    const inbox = new FakeContributor('inbox', counts, 'activity');
    const { reads, service } = build(inbox);
    await service.getKpis(WS, MARCH);
    change(reads);
    await service.getKpis(WS, { ...MARCH, ...query });
    expect(inbox.asked).toHaveLength(2);
  });

  it('does not keep a failed answer: its keys are missing once, then asked again', async () => {
    const inbox = new FakeContributor('inbox', counts, 'activity');
    const answer = inbox.contribute;
    let fail = true;
    inbox.contribute = async (qs) => {
      if (fail) {
        inbox.asked.push([...qs]);
        throw new Error('statement timeout');
      }
      return answer(qs);
    };
    const { service } = build(inbox);
    expect((await service.getKpis(WS, MARCH)).missing).toContain('communityRequests');
    fail = false;
    expect((await service.getKpis(WS, MARCH)).kpis.communityRequests).toBe(4);
    expect(inbox.asked).toHaveLength(2);
  });
});

describe('KpiService: followers, links and share of voice kept per brand sources version', () => {
  const clicks = { [CURRENT]: { counts: { trackedLinkClicks: 9, conversions: 3 } } };

  it('reads followers and a sources contributor once while the version holds, again after a write', async () => {
    const links = new FakeContributor('links', clicks, 'sources');
    const { reads, service } = build(links);
    const first = await service.getKpis(WS, MARCH);
    expect(await service.getKpis(WS, MARCH)).toEqual(first);
    expect(first.kpis).toMatchObject({ trackedLinkClicks: 9, conversions: 3 });
    expect([reads.calls.followers, links.asked.length]).toEqual([1, 1]);

    // Neither a rollup refresh nor comment activity touches them.
    reads.version = '2';
    reads.activityVersion = '8';
    await service.getKpis(WS, MARCH);
    expect([reads.calls.followers, links.asked.length]).toEqual([1, 1]);

    reads.sourcesVersion = '4'; // a click, a follower snapshot or a mention match was written
    await service.getKpis(WS, MARCH);
    expect([reads.calls.followers, links.asked.length]).toEqual([2, 2]);
  });

  it('asks an activity contributor again on activity, not on sources; a sources one the other way round', async () => {
    const inbox = new FakeContributor('inbox', { [CURRENT]: { counts: { communityRequests: 2 } } }, 'activity');
    const links = new FakeContributor('links', clicks, 'sources');
    const { reads, service } = build(inbox, links);
    await service.getKpis(WS, MARCH);
    reads.sourcesVersion = '4';
    await service.getKpis(WS, MARCH);
    expect([inbox.asked.length, links.asked.length]).toEqual([1, 2]);
    reads.activityVersion = '8';
    await service.getKpis(WS, MARCH);
    expect([inbox.asked.length, links.asked.length]).toEqual([2, 2]);
  });

  it('keeps followers per question: another channel filter or period is read on its own', async () => {
    const { reads, service } = build();
    await service.getKpis(WS, MARCH);
    await service.getKpis(WS, { ...MARCH, channelAccountId: FB });
    await service.getKpis(WS, { ...MARCH, from: '2026-03-02' });
    await service.getKpis(WS, MARCH);
    expect(reads.calls.followers).toBe(3);
  });
});

describe('KpiService: the JSON answer kept per question while its inputs hold', () => {
  it('is the answer of getKpis, the same text again while nothing changed', async () => {
    const links = new FakeContributor('links', { [CURRENT]: { counts: { trackedLinkClicks: 3 } } });
    const { service } = build(links);
    const first = await service.getKpisJson(WS, MARCH);
    expect(JSON.parse(first.body)).toEqual(JSON.parse(JSON.stringify(await service.getKpis(WS, MARCH))));
    expect(await service.getKpisJson(WS, MARCH)).toBe(first);
    expect(first.etag).toMatch(/^W\/"[\w-]{27}"$/);
    // The contributors read on every request were still asked (their answers are in the fingerprint).
    expect(links.asked).toHaveLength(3);
  });

  it.each<[string, (r: FakeKpiReads, links: FakeContributor) => void, (answer: { kpis: Record<string, unknown>; byChannel: Array<{ handle: string }> }) => unknown, unknown]>([
    ['followers', (r) => {
      r.sourcesVersion = '4'; // account_daily_stats written
      const followers = r.followers.bind(r);
      r.followers = async (...args) => (await followers(...args)).map((x) => ({ ...x, end_followers: (x.end_followers ?? 0) + 1 }));
    }, (a) => a.kpis.followers, 162],
    ['a contributor read on every request', (_r, links) => ((links as unknown as { byFrom: Record<string, KpiContribution> }).byFrom[CURRENT] = { counts: { trackedLinkClicks: 4 } }), (a) => a.kpis.trackedLinkClicks, 4],
    ['a channel handle', (r) => (r.channels[0] = { ...r.channels[0], handle: 'maison.renamed' }), (a) => a.byChannel[0].handle, 'maison.renamed'],
  ])('is recomputed when %s changes', async (_what, change, read, expected) => {
    const links = new FakeContributor('links', { [CURRENT]: { counts: { trackedLinkClicks: 3 } } });
    const { reads, service } = build(links);
    const first = await service.getKpisJson(WS, MARCH);
    change(reads, links);
    const second = await service.getKpisJson(WS, MARCH);
    expect(second.body).not.toBe(first.body);
    expect(second.etag).not.toBe(first.etag);
    expect(read(JSON.parse(second.body))).toBe(expected);
  });

  it('does not keep an answer that misses a failed contributor', async () => {
    const inbox = new FakeContributor('inbox', { [CURRENT]: { counts: { communityRequests: 2, communityRequestsAnswered: 1 } } }, 'activity');
    const answer = inbox.contribute;
    let fail = true;
    inbox.contribute = async (qs) => {
      if (fail) throw new Error('statement timeout');
      return answer(qs);
    };
    const { service } = build(inbox);
    expect(JSON.parse((await service.getKpisJson(WS, MARCH)).body).missing).toContain('communityRequests');
    fail = false;
    expect(JSON.parse((await service.getKpisJson(WS, MARCH)).body).kpis.communityRequests).toBe(2);
  });
});
