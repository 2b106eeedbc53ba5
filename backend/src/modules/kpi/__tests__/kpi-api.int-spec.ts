import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import { KpiContributorRegistry } from '../contributors/kpi-contributor';
import { KpiRollupService } from '../rollups/kpi-rollup.service';
import { insertAccount, insertBrand, insertFollowers, insertPosts } from './kpi-fixtures';

/**
 * KPI API through HTTP on a hand-built brand (Europe/Paris). Expected figures are worked out
 * by hand in the comments from the posts below.
 */
describe('GET /api/workspaces/:workspaceId/kpis', () => {
  let t: TestApp;
  let viewer: LoggedIn;
  let ws: string;
  let brand: string;
  let fb: string;
  let ig: string;
  let otherBrandAccount: string;
  let url: (query: string) => string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await createUser(t.db, 'admin@kpi.test');
    const v = await createUser(t.db, 'viewer@kpi.test');
    ws = await createWorkspace(t.db, 'KPI', [[admin, 'admin'], [v, 'viewer']]);
    viewer = await login(t, v);
    brand = await insertBrand(t.db, ws, 'Maison');
    fb = await insertAccount(t.db, ws, brand, 'facebook', 'maison.fb');
    ig = await insertAccount(t.db, ws, brand, 'instagram', 'maison.ig');
    const other = await insertBrand(t.db, ws, 'Other');
    otherBrandAccount = await insertAccount(t.db, ws, other, 'facebook', 'other.fb');
    url = (query) => `/api/workspaces/${ws}/kpis?brandId=${brand}&${query}`;

    const ids = [
      ...(await insertPosts(t.db, { workspaceId: ws, brandId: brand, channelAccountId: fb }, [
        // Monday 2025-03-10 10:15 in Paris (UTC+1). Facebook gives no saves.
        { externalId: 'p1', publishedAt: '2025-03-10T09:15:00Z', contentType: 'photo', impressions: 1000, reach: 800,
          reactions: 40, comments: 10, shares: 5, clicks: 20, impressionsDefinition: 'impressions' },
        // 23:30 UTC on Friday 14 = Saturday 2025-03-15 00:30 in Paris: a March 15 post.
        { externalId: 'p2', publishedAt: '2025-03-14T23:30:00Z', contentType: 'video', impressions: 2000, reach: 1500,
          reactions: 100, comments: 20, shares: 10, videoViews: 3000, impressionsDefinition: 'impressions' },
        // 23:30 UTC on March 31 = April 1 01:30 in Paris (UTC+2 since March 30): not in March.
        { externalId: 'p4', publishedAt: '2025-03-31T23:30:00Z', contentType: 'photo', impressions: 99999, reach: 99999,
          reactions: 9999, impressionsDefinition: 'impressions' },
        // Previous period (2025-01-29 … 2025-02-28).
        { externalId: 'p0', publishedAt: '2025-02-10T12:00:00Z', contentType: 'photo', impressions: 400, reach: 300,
          reactions: 9, comments: 1, shares: 0, clicks: 4, impressionsDefinition: 'impressions' },
      ])),
      ...(await insertPosts(t.db, { workspaceId: ws, brandId: brand, channelAccountId: ig }, [
        // Saturday 2025-03-15 11:00 in Paris; Instagram now reports views.
        { externalId: 'p3', publishedAt: '2025-03-15T10:00:00Z', contentType: 'reel', impressions: 500, reach: 400,
          reactions: 30, comments: 3, shares: 2, saves: 5, videoViews: 900, impressionsDefinition: 'views' },
        { externalId: 'p0b', publishedAt: '2025-02-20T10:00:00Z', contentType: 'photo', impressions: 300, reach: 250,
          reactions: 6, comments: 0, shares: 1, saves: 2, impressionsDefinition: 'impressions' },
      ])),
    ];
    await insertFollowers(t.db, fb, '2025-02-28', 1000);
    await insertFollowers(t.db, fb, '2025-03-31', 1100);
    await insertFollowers(t.db, ig, '2025-02-28', 500);
    await insertFollowers(t.db, ig, '2025-03-31', 550);
    await t.app.get(KpiRollupService).refreshForPosts(ids);
  });

  afterAll(() => t.close());

  it('gives March as ratios of sums, with local days, followers and the previous period', async () => {
    const res = await viewer.get(url('from=2025-03-01&to=2025-03-31'));
    expect(res.status).toBe(200);
    const b = res.body;
    expect(b.period).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(b.previousPeriod).toEqual({ from: '2025-01-29', to: '2025-02-28' });
    expect(b.timezone).toBe('Europe/Paris');
    const k = b.kpis;
    // p1 + p2 + p3 (p4 is on April 1 in Paris)
    expect(k.posts).toBe(3);
    expect(k.impressions).toBe(3500);
    expect(k.reach).toBe(2700);
    expect(k.reactions).toBe(170);
    expect(k.comments).toBe(33);
    expect(k.shares).toBe(17);
    expect(k.saves).toBe(5);
    expect(k.clicks).toBe(20);
    expect(k.videoViews).toBe(3900);
    expect(k.interactions).toBe(225); // 170 + 33 + 17 + 5
    expect(k.engagementRateByReach).toBeCloseTo(225 / 2700, 12);
    expect(k.engagementRateByImpressions).toBeCloseTo(225 / 3500, 12);
    expect(k.engagementRateByFollowers).toBeCloseTo(225 / 3 / 1650, 12);
    expect(k.amplificationRate).toBeCloseTo(17 / 3 / 1650, 12);
    expect(k.ctr).toBeCloseTo(20 / 3500, 12);
    expect(k.followers).toBe(1650);
    expect(k.netFollowers).toBe(150);
    expect(k.followerGrowthRate).toBeCloseTo(0.1, 12);
    // Saves only on Instagram, clicks only on p1, video views not on the photo.
    expect(b.partial).toEqual(expect.arrayContaining(['saves', 'clicks', 'videoViews', 'interactions', 'ctr']));
    expect(b.partial).not.toContain('reach');
    // No comment rows: sentiment is 0/0, undefined rather than unknown.
    expect(k.netSentiment).toBeNull();
    expect(b.missing).not.toContain('netSentiment');
    for (const key of b.missing as string[]) expect(k[key]).toBeNull();

    // p0 + p0b: interactions 9+1+0 + 6+0+1+2 = 19 over reach 550.
    expect(b.previousKpis.posts).toBe(2);
    expect(b.previousKpis.interactions).toBe(19);
    expect(b.previousKpis.engagementRateByReach).toBeCloseTo(19 / 550, 12);
  });

  it('reports per channel (Facebook saves missing) and per content type', async () => {
    const b = (await viewer.get(url('from=2025-03-01&to=2025-03-31'))).body;
    const facebook = b.byChannel.find((c: { channelAccountId: string }) => c.channelAccountId === fb);
    expect(facebook).toMatchObject({ platform: 'facebook', handle: 'maison.fb' });
    expect(facebook.kpis.posts).toBe(2);
    expect(facebook.kpis.saves).toBeNull();
    expect(facebook.missing).toContain('saves');
    expect(facebook.kpis.interactions).toBe(185); // 40+10+5 + 100+20+10
    expect(facebook.kpis.followers).toBe(1100);
    expect(b.byChannel).toHaveLength(2); // not the other brand's account
    const types = Object.fromEntries(
      b.byContentType.map((c: { contentType: string; kpis: Record<string, number> }) => [c.contentType, c.kpis]),
    );
    expect(Object.keys(types).sort()).toEqual(['photo', 'reel', 'video']);
    expect(types.photo.engagementRateByReach).toBeCloseTo(55 / 800, 12);
    expect(types.video.engagementRateByReach).toBeCloseTo(130 / 1500, 12);
    expect(types.reel.engagementRateByReach).toBeCloseTo(40 / 400, 12);
  });

  it('puts the 23:30 UTC post on the next Paris day, in the series and the heatmap', async () => {
    const b = (await viewer.get(url('from=2025-03-01&to=2025-03-31&granularity=day'))).body;
    expect(b.series).toHaveLength(31);
    const day = (d: string) => b.series.find((p: { from: string }) => p.from === d);
    expect(day('2025-03-14').posts).toBe(0);
    expect(day('2025-03-15')).toMatchObject({ to: '2025-03-15', posts: 2, interactions: 170, reach: 1900 });
    expect(day('2025-03-15').engagementRateByReach).toBeCloseTo(170 / 1900, 12);
    expect(day('2025-03-14').engagementRateByReach).toBeNull();
    const cells = b.heatmap.cells as Array<{ weekday: number; hour: number; interactions: number; posts: number }>;
    expect(cells).toHaveLength(168);
    const cell = (weekday: number, hour: number) => cells.find((c) => c.weekday === weekday && c.hour === hour);
    expect(cell(1, 10)).toMatchObject({ posts: 1, interactions: 55 }); // Monday 10:15
    expect(cell(6, 0)).toMatchObject({ posts: 1, interactions: 130 }); // Saturday 00:30
    expect(cell(6, 11)).toMatchObject({ posts: 1, interactions: 40 }); // Saturday 11:00
    expect(cell(5, 23)?.posts).toBe(0);
    expect(cells.reduce((s, c) => s + c.interactions, 0)).toBe(225);
    // The day-only period of March 14 holds no post; March 15 holds p2.
    expect((await viewer.get(url('from=2025-03-14&to=2025-03-14'))).body.kpis.posts).toBe(0);
    expect((await viewer.get(url('from=2025-04-01&to=2025-04-01'))).body.kpis.reach).toBe(99999);
  });

  it('groups the series by ISO week and by month', async () => {
    const weeks = (await viewer.get(url('from=2025-03-01&to=2025-03-31&granularity=week'))).body.series;
    expect(weeks.map((w: { from: string; to: string }) => `${w.from}/${w.to}`)).toEqual([
      '2025-03-01/2025-03-02',
      '2025-03-03/2025-03-09',
      '2025-03-10/2025-03-16',
      '2025-03-17/2025-03-23',
      '2025-03-24/2025-03-30',
      '2025-03-31/2025-03-31',
    ]);
    expect(weeks[2]).toMatchObject({ posts: 3, interactions: 225 });
    const months = (await viewer.get(url('from=2025-02-01&to=2025-03-31&granularity=month'))).body.series;
    expect(months).toEqual([
      expect.objectContaining({ from: '2025-02-01', to: '2025-02-28', posts: 2, interactions: 19 }),
      expect.objectContaining({ from: '2025-03-01', to: '2025-03-31', posts: 3, interactions: 225 }),
    ]);
  });

  it("flags Instagram's impressions → views series break", async () => {
    const b = (await viewer.get(url('from=2025-03-01&to=2025-03-31'))).body;
    expect(b.seriesBreaks).toEqual([
      expect.objectContaining({ date: '2025-03-15', platform: 'instagram', canonical: 'impressions', fromEra: 'impressions', toEra: 'views' }),
    ]);
  });

  it('gives null (not 0, not missing) ratios when nothing was published', async () => {
    const b = (await viewer.get(url('from=2024-01-01&to=2024-01-07'))).body;
    expect(b.kpis.posts).toBe(0);
    expect(b.kpis.reach).toBe(0);
    expect(b.kpis.engagementRateByReach).toBeNull();
    expect(b.missing).not.toContain('engagementRateByReach');
    expect(b.kpis.followers).toBeNull(); // no snapshot on or before the period
    expect(b.missing).toContain('followers');
  });

  it('followers: last snapshot ≤ end and last one before the start, never after the period; no start → no growth', async () => {
    const growth = await insertBrand(t.db, ws, 'Growth');
    const a = await insertAccount(t.db, ws, growth, 'facebook', 'growth.fb');
    const b = await insertAccount(t.db, ws, growth, 'x', 'growth.x');
    const c = await insertAccount(t.db, ws, growth, 'youtube', 'growth.yt');
    for (const [day, n] of [['2025-02-20', 900], ['2025-02-27', 1000], ['2025-03-15', 1050], ['2025-03-31', 1100], ['2025-04-02', 5000]] as const) {
      await insertFollowers(t.db, a, day, n);
    }
    await insertFollowers(t.db, b, '2025-03-10', 200); // history begins inside March
    await insertFollowers(t.db, b, '2025-03-31', 260);
    await insertFollowers(t.db, c, '2025-04-05', 70); // after the period only
    const r = (await viewer.get(`/api/workspaces/${ws}/kpis?brandId=${growth}&from=2025-03-01&to=2025-03-31`)).body;
    // end: 1100 (03-31, not 5000 of 04-02) + 260; start: 1000 (02-27) + 260 (x counted unchanged).
    expect(r.kpis.followers).toBe(1360);
    expect(r.kpis.netFollowers).toBe(100);
    expect(r.kpis.followerGrowthRate).toBeCloseTo(100 / 1260, 12);
    expect(r.partial).toEqual(expect.arrayContaining(['netFollowers', 'followerGrowthRate']));
    const byId = new Map(r.byChannel.map((x: { channelAccountId: string }) => [x.channelAccountId, x]));
    expect(byId.get(a)).toMatchObject({ kpis: { followers: 1100, netFollowers: 100 } });
    // x: 200 → 260 inside March is not March's growth (it began on 03-10): missing, not 60.
    expect(byId.get(b)).toMatchObject({ kpis: { followers: 260, netFollowers: null, followerGrowthRate: null } });
    expect((byId.get(b) as { missing: string[] }).missing).toEqual(expect.arrayContaining(['netFollowers', 'followerGrowthRate']));
    expect(byId.get(c)).toMatchObject({ kpis: { followers: null } });
    // Previous period (2025-01-29 … 02-28): end 1000 (02-27), nothing before 01-29 → no growth.
    expect(r.previousKpis).toMatchObject({ followers: 1000, netFollowers: null });
    expect(r.previousMissing).toContain('netFollowers');
  });

  it('filters on one channel account of the brand, 404 for another brand’s account', async () => {
    const b = (await viewer.get(url(`from=2025-03-01&to=2025-03-31&channelAccountId=${ig}`))).body;
    expect(b.kpis).toMatchObject({ posts: 1, interactions: 40, followers: 550 });
    expect(b.byChannel.map((c: { channelAccountId: string }) => c.channelAccountId)).toEqual([ig]);
    const res = await viewer.get(url(`from=2025-03-01&to=2025-03-31&channelAccountId=${otherBrandAccount}`));
    expect(res.status).toBe(404);
  });

  it('adds the counts of registered contributors (extension point)', async () => {
    const registry = t.app.get(KpiContributorRegistry);
    registry.register({
      name: 'test-inbox',
      contribute: async (qs) =>
        qs.map((q) =>
          q.from === '2025-03-01'
            ? { counts: { communityRequests: 8, communityRequestsAnswered: 6 }, firstResponseMinutes: [5, 30, 12] }
            : { counts: {} },
        ),
    });
    const b = (await viewer.get(url('from=2025-03-01&to=2025-03-31'))).body;
    expect(b.kpis.responseRate).toBeCloseTo(0.75, 12);
    expect(b.kpis.medianFirstResponseMinutes).toBe(12);
    expect(b.kpis.communityRequests).toBe(8); // other modules' contributors add 0 here (no inbox data)
    expect(b.missing).not.toContain('responseRate');
    expect(b.previousKpis.communityRequests ?? 0).toBe(0); // the test source gives nothing for February
    registry.register({ name: 'test-inbox', contribute: async (qs) => qs.map(() => ({ counts: {} })) });
  });

  it('lists the top posts of the period by a metric', async () => {
    const top = (metric: string) =>
      viewer.get(`/api/workspaces/${ws}/posts/top?brandId=${brand}&from=2025-03-01&to=2025-03-31&metric=${metric}&limit=3`);
    const byInteractions = (await top('interactions')).body;
    expect(byInteractions.items.map((p: { externalId: string }) => p.externalId)).toEqual(['p2', 'p1', 'p3']);
    expect(byInteractions.items[0]).toMatchObject({
      rank: 1, contentType: 'video', permalink: 'https://example.test/p/p2', platform: 'facebook',
      metrics: { reach: 1500, interactions: 130, saves: null },
    });
    expect(byInteractions.items[0].rates.engagementRateByReach).toBeCloseTo(130 / 1500, 12);
    const byRate = (await top('engagementRateByReach')).body.items;
    expect(byRate.map((p: { externalId: string }) => p.externalId)).toEqual(['p3', 'p2', 'p1']); // .1, .0867, .0688
    // Only p1 has clicks: posts without the metric are left out.
    expect((await top('clicks')).body.items.map((p: { externalId: string }) => p.externalId)).toEqual(['p1']);
    expect((await top('followers')).status).toBe(400);
  });

  it('pages through posts with an opaque keyset cursor', async () => {
    const list = (query: string) => viewer.get(`/api/workspaces/${ws}/posts?brandId=${brand}&${query}`);
    const ids = (r: { body: { items: Array<{ externalId: string }> } }) => r.body.items.map((p) => p.externalId);
    const first = await list('limit=2');
    expect(ids(first)).toEqual(['p4', 'p3']);
    const second = await list(`limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(second)).toEqual(['p2', 'p1']);
    const third = await list(`limit=2&cursor=${second.body.nextCursor}`);
    expect(ids(third)).toEqual(['p0b', 'p0']);
    expect(third.body.nextCursor).toBeNull();
    // Sorted by a metric, within March (Paris days), ascending, one per page.
    let page = await list('from=2025-03-01&to=2025-03-31&sort=reach&order=asc&limit=1');
    const seen: string[] = [...ids(page)];
    while (page.body.nextCursor) {
      page = await list(`from=2025-03-01&to=2025-03-31&sort=reach&order=asc&limit=1&cursor=${page.body.nextCursor}`);
      seen.push(...ids(page));
    }
    expect(seen).toEqual(['p3', 'p1', 'p2']);
    expect((await list('cursor=bm9wZQ')).status).toBe(400);
    expect((await list('from=2025-03-01')).status).toBe(400);
  });

  it('refreshes the old day when a post moves (and drops deleted posts)', async () => {
    const rollups = t.app.get(KpiRollupService);
    const [{ id }] = (await t.db.query(`SELECT id FROM posts WHERE external_id = 'p1'`)) as Array<{ id: string }>;
    await t.db.query(`UPDATE posts SET published_at = '2025-03-11T09:15:00Z' WHERE id = $1`, [id]);
    await rollups.refreshForPosts([id]);
    let series = (await viewer.get(url('from=2025-03-10&to=2025-03-11'))).body.series;
    expect(series.map((p: { posts: number }) => p.posts)).toEqual([0, 1]);
    await t.db.query('DELETE FROM posts WHERE id = $1', [id]);
    await rollups.refreshForPosts([id]);
    series = (await viewer.get(url('from=2025-03-10&to=2025-03-11'))).body.series;
    expect(series.map((p: { posts: number }) => p.posts)).toEqual([0, 0]);
    // The full rebuild gives the same figures as the incremental path.
    const before = (await viewer.get(url('from=2025-01-01&to=2025-04-30'))).body.kpis;
    await rollups.rebuild();
    expect((await viewer.get(url('from=2025-01-01&to=2025-04-30'))).body.kpis).toEqual(before);
  });

  it('keeps no stale answer: a refreshed post and a deleted channel account show at once', async () => {
    const march = async () => (await viewer.get(url('from=2025-03-01&to=2025-03-31'))).body;
    const before = await march();
    await march(); // answered from the cache this time
    const li = await insertAccount(t.db, ws, brand, 'linkedin', 'maison.li');
    const ids = await insertPosts(t.db, { workspaceId: ws, brandId: brand, channelAccountId: li }, [
      { externalId: 'li1', publishedAt: '2025-03-12T09:00:00Z', contentType: 'photo', impressions: 700, reach: 600,
        reactions: 7, comments: 1, shares: 0, clicks: 3, impressionsDefinition: 'impressions' },
    ]);
    await t.app.get(KpiRollupService).refreshForPosts(ids);
    const after = await march();
    expect(after.kpis.posts).toBe(before.kpis.posts + 1);
    expect(after.kpis.impressions).toBe(before.kpis.impressions + 700);
    expect(after.series.find((p: { from: string }) => p.from === '2025-03-12').posts).toBe(1);
    // Deleting the account cascades to its rollups without a refresh: the answer follows too.
    await t.db.query('DELETE FROM channel_accounts WHERE id = $1', [li]);
    const back = await march();
    expect(back.kpis.posts).toBe(before.kpis.posts);
    expect(back.series).toEqual(before.series);
    expect(back.byChannel.map((c: { handle: string }) => c.handle)).toEqual(before.byChannel.map((c: { handle: string }) => c.handle));
  });

  it('answers a repeat with a 304 while nothing changed, with a new ETag once something did', async () => {
    const march = url('from=2025-03-01&to=2025-03-31');
    const first = await viewer.get(march);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\//);
    expect((await viewer.agent.get(march).set('If-None-Match', etag)).status).toBe(304);
    await insertFollowers(t.db, fb, '2025-03-31', 1111);
    const changed = await viewer.agent.get(march).set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.byChannel.find((c: { handle: string }) => c.handle === 'maison.fb').kpis.followers).toBe(1111);
    await insertFollowers(t.db, fb, '2025-03-31', 1100); // as the other tests expect
  });

  it('sends the cached text gzipped to a client that accepts gzip (browsers), the same JSON as plain', async () => {
    const march = url('from=2025-03-01&to=2025-03-31');
    const plain = await viewer.agent.get(march).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await viewer.agent.get(march).set('Accept-Encoding', 'gzip, deflate, br, zstd');
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(zipped.headers['content-length'])).toBeLessThan(Number(plain.headers['content-length']) / 3);
    expect(zipped.body).toEqual(plain.body);
    expect(zipped.headers.etag).toBe(plain.headers.etag);
  });

  it('keeps no stale comment-derived KPIs: comments and inbox items written by any path show at once', async () => {
    const march = async () => (await viewer.get(url('from=2025-03-01&to=2025-03-31'))).body.kpis;
    const before = await march();
    await march(); // the comment-derived contributions are reused this time
    const [{ id: post }] = (await t.db.query('SELECT id FROM posts WHERE channel_account_id = $1 ORDER BY id LIMIT 1', [fb])) as Array<{ id: string }>;
    // Written straight in SQL, as no service: the triggers on comments / inbox_items raise the version.
    const [{ id: comment }] = (await t.db.query(
      `INSERT INTO comments (workspace_id, brand_id, channel_account_id, post_id, external_id, is_from_brand, text, published_at, sentiment, enriched_at)
       VALUES ($1, $2, $3, $4, 'fresh-c1', false, 'Vous livrez à Lyon ?', '2025-03-10T12:00:00Z', 'positive', now()) RETURNING id`,
      [ws, brand, fb, post],
    )) as Array<{ id: string }>;
    expect((await march()).sentimentPositive).toBe(before.sentimentPositive + 1);
    const [{ id: item }] = (await t.db.query(
      `INSERT INTO inbox_items (workspace_id, brand_id, channel_account_id, comment_id, published_at, type, needs_attention)
       VALUES ($1, $2, $3, $4, '2025-03-10T12:00:00Z', 'question', false) RETURNING id`,
      [ws, brand, fb, comment],
    )) as Array<{ id: string }>;
    const asked = await march();
    expect(asked.communityRequests).toBe(before.communityRequests + 1);
    expect(asked.communityRequestsAnswered).toBe(before.communityRequestsAnswered);
    await t.db.query(`UPDATE inbox_items SET status = 'answered', answered_at = now(), first_response_minutes = 42 WHERE id = $1`, [item]);
    const answered = await march();
    expect(answered.communityRequestsAnswered).toBe(before.communityRequestsAnswered + 1);
    expect(answered.medianFirstResponseMinutes).toBe(42);
    // Deleting the comment cascades to its inbox item: back to the first answer.
    await t.db.query('DELETE FROM comments WHERE id = $1', [comment]);
    expect(await march()).toEqual(before);
  });

  it.each([
    ['from=2025-03-31&to=2025-03-01', 'to'],
    ['from=2025-02-30&to=2025-03-01', 'from'],
    ['from=2023-01-01&to=2025-03-01', 'to'],
    ['from=2025-03-01', 'to'],
    ['from=march&to=2025-03-01', 'from'],
    ['from=2025-03-01&to=2025-03-31&granularity=year', 'granularity'],
  ])('400 with the field path for %s', async (query, field) => {
    const res = await viewer.get(url(query));
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('400 without brandId, 404 for an unknown brand', async () => {
    const res = await viewer.get(`/api/workspaces/${ws}/kpis?from=2025-03-01&to=2025-03-31`);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain('brandId');
    const unknown = await viewer.get(
      `/api/workspaces/${ws}/kpis?brandId=00000000-0000-4000-8000-000000000000&from=2025-03-01&to=2025-03-31`,
    );
    expect(unknown.status).toBe(404);
  });
});
