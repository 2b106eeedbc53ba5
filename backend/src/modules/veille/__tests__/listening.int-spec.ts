import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { IngestionEvents } from '../../ingestion/ingestion-events';
import { ListeningService } from '../listening/listening.service';
import { RssPollerService } from '../listening/rss-poller.service';
import { VeilleJobs } from '../veille-jobs';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';

interface Hit {
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
}

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** Bluesky searchPosts + one RSS feed, shaped like the real APIs. */
function fakePlatform(hits: Hit[]) {
  const post = (rkey: string, text: string, createdAt: string, handle: string, followers: number) => ({
    uri: `at://did:plc:${handle}/app.bsky.feed.post/${rkey}`,
    cid: `cid-${rkey}`,
    author: { did: `did:plc:${handle}`, handle: `${handle}.bsky.social`, displayName: handle, followersCount: followers },
    record: { $type: 'app.bsky.feed.post', text, createdAt },
    likeCount: 4,
    replyCount: 1,
    repostCount: 2,
    quoteCount: 0,
    indexedAt: createdAt,
  });
  const posts = [
    post('a1', 'Franchement Vigie a sauvé ma semaine 👏', minutesAgo(30), 'alice', 120_000),
    post('a2', 'vigie spam spam achetez maintenant', minutesAgo(40), 'spammer', 3),
    post('a3', 'Un vigile très vigilant devant le magasin', minutesAgo(50), 'bob', 80),
  ];
  const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Actu</title>
<item><title>Vigie lève 2 millions</title><link>https://news.example/vigie-leve</link><guid>https://news.example/vigie-leve</guid>
<pubDate>${new Date(Date.now() - 3_600_000).toUTCString()}</pubDate><description>La start-up Vigie annonce une levée.</description></item>
<item><title>Météo du jour</title><link>https://news.example/meteo</link><guid>https://news.example/meteo</guid>
<pubDate>${new Date(Date.now() - 7_200_000).toUTCString()}</pubDate><description>Soleil.</description></item>
</channel></rss>`;
  return http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    hits.push({ path: u.pathname, query: u.searchParams, headers: req.headers });
    if (u.pathname === '/xrpc/app.bsky.feed.searchPosts') {
      const since = u.searchParams.get('since') ?? '';
      const q = (u.searchParams.get('q') ?? '').toLowerCase();
      // A platform search is fuzzy: 'vigie' also returns 'vigile/vigilant' here; our matcher must filter.
      const items = posts.filter((p) => p.record.createdAt >= since && (q.includes('vigie') || q === ''));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ posts: items }));
    } else if (u.pathname === '/feed.xml') {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' }).end(rss);
    } else res.writeHead(404).end();
  });
}

describe('veille: listening (search, RSS, channel content) and insights', () => {
  let t: TestApp;
  let cm: LoggedIn;
  let ws: string;
  let base: string;
  let brandId: string;
  let rivalId: string;
  let queryId: string;
  let server: http.Server;
  let origin: string;
  const hits: Hit[] = [];

  beforeAll(async () => {
    server = fakePlatform(hits);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await createTestApp({ env: { VIGIE_ROLE: 'api' } });
    const u = await createUser(t.db, 'cm@listen.test');
    ws = await createWorkspace(t.db, 'Listen', [[u, 'admin']]); // connecting channels needs admin
    cm = await login(t, u);
    base = `/api/workspaces/${ws}`;
    brandId = (await cm.post(`${base}/brands`, { name: 'Vigie', kind: 'own' })).body.id;
    rivalId = (await cm.post(`${base}/brands`, { name: 'Sentinelle', kind: 'competitor' })).body.id;
    const ch = await cm.post(`${base}/channels`, { brandId, platform: 'bluesky', handle: 'vigie.bsky.social', externalId: 'did:plc:vigie', baseUrl: origin });
    expect(ch.status).toBe(201);
    queryId = (await cm.post(`${base}/watch-queries`, { brandId, kind: 'brand', name: 'Vigie', query: 'vigie NOT spam' })).body.id;
  });

  afterAll(async () => {
    await t.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('search results land as mentions once, re-checked by the matcher, even when polled twice', async () => {
    const listening = t.app.get(ListeningService);
    const first = await listening.pollSearch(queryId, 'bluesky');
    expect(first).toEqual({ searches: 1, fetched: 3, inserted: 1, newMatches: 1 });
    const searchHits = hits.filter((h) => h.path === '/xrpc/app.bsky.feed.searchPosts');
    expect(searchHits[0].query.get('q')).toBe('vigie');

    const second = await listening.pollSearch(queryId, 'bluesky');
    expect(second).toMatchObject({ inserted: 0, newMatches: 0 });
    // Incremental: the second poll starts 5 minutes before the newest result seen (30 minutes ago).
    const since2 = new Date(hits.filter((h) => h.path === '/xrpc/app.bsky.feed.searchPosts')[1].query.get('since')!).getTime();
    expect(Math.abs(since2 - (Date.now() - 35 * 60_000))).toBeLessThan(10_000);

    const list = (await cm.get(`${base}/mentions`)).body.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      platform: 'bluesky',
      source: 'bluesky',
      origin: 'search',
      externalId: 'at://did:plc:alice/app.bsky.feed.post/a1',
      url: 'https://bsky.app/profile/alice.bsky.social/post/a1',
      reach: 120_000,
      engagement: 7,
      language: 'fr',
      queryIds: [queryId],
      isOwnContent: false,
    });
    expect(list[0].author).toMatchObject({ handle: null, name: expect.stringMatching(/^Utilisateur [0-9A-F]{4}$/), pseudonymized: true, followers: 120_000 });
  });

  it('the listening tick enqueues due polls once per interval', async () => {
    const jobs = t.app.get(VeilleJobs);
    // Just polled: nothing due for this query on bluesky.
    expect(await jobs.listeningTick()).toBe(0);
    expect(await jobs.listeningTick(new Date(Date.now() + 6 * 60_000))).toBe(1);
  });

  it('RSS sources: CRUD, SSRF scheme check, conditional GET, idempotent', async () => {
    expect((await cm.post(`${base}/sources`, { url: 'file:///etc/passwd', name: 'x' })).status).toBe(400);
    const src = await cm.post(`${base}/sources`, { url: `${origin}/feed.xml`, name: 'Actu' });
    expect(src.status).toBe(201);
    expect((await cm.post(`${base}/sources`, { url: `${origin}/feed.xml`, name: 'Again' })).status).toBe(409);
    const rss = t.app.get(RssPollerService);
    expect(await rss.poll(src.body.id)).toEqual({ status: 200, items: 2, inserted: 1 });
    expect(await rss.poll(src.body.id)).toEqual({ status: 304, items: 0, inserted: 0 });
    expect(hits.filter((h) => h.path === '/feed.xml')[1].headers['if-none-match']).toBe('"v1"');
    const got = (await cm.get(`${base}/sources/${src.body.id}`)).body;
    expect(got).toMatchObject({ lastStatus: '304', lastError: null });
    const art = (await cm.get(`${base}/mentions?platform=rss`)).body.items;
    expect(art).toHaveLength(1);
    expect(art[0]).toMatchObject({ kind: 'article', origin: 'rss', source: expect.stringMatching(/^rss:127\.0\.0\.1:/), url: 'https://news.example/vigie-leve' });
    expect((await cm.patch(`${base}/sources/${src.body.id}`, { active: false })).body.active).toBe(false);
    expect(await rss.poll(src.body.id)).toBeNull();
    expect((await cm.delete(`${base}/sources/${src.body.id}`)).status).toBe(204);
  });

  it('own and competitor channel content is matched after an ingestion batch', async () => {
    const rivalQuery = (await cm.post(`${base}/watch-queries`, { brandId: rivalId, kind: 'competitor', name: 'Sentinelle', query: 'sentinelle' })).body.id;
    const [acc] = (await t.db.query(`SELECT id FROM channel_accounts WHERE workspace_id = $1`, [ws])) as Array<{ id: string }>;
    const [rivalAcc] = (await t.db.query(
      `INSERT INTO channel_accounts (workspace_id, brand_id, platform, handle) VALUES ($1, $2, 'bluesky', 'sentinelle.bsky.social') RETURNING id`,
      [ws, rivalId],
    )) as Array<{ id: string }>;
    const posts = (await t.db.query(
      `INSERT INTO posts (workspace_id, brand_id, channel_account_id, external_id, published_at, text, reactions, comments, shares)
       VALUES ($1, $2, $3, 'own-1', now() - interval '1 hour', 'Nouvelle version de Vigie !', 10, 2, 1),
              ($1, $4, $5, 'rival-1', now() - interval '2 hours', 'Sentinelle arrive en France', 5, 0, 0),
              ($1, $4, $5, 'rival-2', now() - interval '3 hours', 'Rien à voir', 1, 0, 0)
       RETURNING id::text`,
      [ws, brandId, acc.id, rivalId, rivalAcc.id],
    )) as Array<{ id: string }>;
    const events = t.app.get(IngestionEvents);
    await events.emitPostsWritten({ workspaceId: ws, channelAccountId: acc.id, postIds: [posts[0].id] });
    await events.emitPostsWritten({ workspaceId: ws, channelAccountId: rivalAcc.id, postIds: [posts[1].id, posts[2].id] });
    const [c] = (await t.db.query(
      `INSERT INTO comments (workspace_id, brand_id, channel_account_id, post_id, external_id, text, published_at)
       VALUES ($1, $2, $3, $4, 'c-1', 'Vigie plante depuis la mise à jour, nul', now() - interval '30 minutes') RETURNING id::text`,
      [ws, brandId, acc.id, posts[0].id],
    )) as Array<{ id: string }>;
    await events.emitCommentsWritten({ workspaceId: ws, channelAccountId: acc.id, commentIds: [c.id] });

    const own = (await cm.get(`${base}/mentions?queryId=${queryId}`)).body.items as Array<Record<string, unknown>>;
    const byId = Object.fromEntries(own.map((m) => [m.externalId, m]));
    expect(byId['own-1']).toMatchObject({ origin: 'channel', kind: 'post', isOwnContent: true, engagement: 13, source: 'bluesky:vigie.bsky.social' });
    expect(byId['c-1']).toMatchObject({ origin: 'channel', kind: 'comment', isOwnContent: false });
    expect((byId['c-1'].sentiment as { label: string }).label).toBe('negative');
    const rival = (await cm.get(`${base}/mentions?queryId=${rivalQuery}`)).body.items as Array<{ externalId: string }>;
    expect(rival.map((m) => m.externalId)).toEqual(['rival-1']);
  });

  it('share of voice, influencers, competitors and trends', async () => {
    // Three local days around now, whatever the hour in the workspace's time zone (Europe/Paris).
    const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    const today = day(0);
    const q = `brandId=${brandId}&from=${day(-1)}&to=${day(1)}`;
    // Earned mentions only: brand = alice's post + RSS article + community comment (3); rival = own post of a competitor account → 0 earned.
    const sov = await cm.get(`${base}/share-of-voice?${q}&granularity=day`);
    expect(sov.status).toBe(200);
    expect(sov.body.brand).toMatchObject({ id: brandId, mentions: 3 });
    expect(sov.body.competitors).toEqual([{ brandId: rivalId, name: 'Sentinelle', mentions: 0 }]);
    expect(sov.body.shareOfVoice).toBe(1);

    // The KPI API gets the same counts through the veille KPI contributor.
    const kpis = await cm.get(`/api/workspaces/${ws}/kpis?${q}`);
    expect(kpis.status).toBe(200);
    expect(kpis.body.kpis.shareOfVoice).toBe(1);
    expect(kpis.body.missing).not.toContain('shareOfVoice');
    // The mention list filtered on local days (the time zone is read inside the list query).
    const all = (await cm.get(`${base}/mentions`)).body.items as Array<{ id: string }>;
    const inDays = await cm.get(`${base}/mentions?from=${day(-1)}&to=${day(1)}`);
    expect(inDays.status).toBe(200);
    expect(all.length).toBeGreaterThan(0);
    expect((inDays.body.items as Array<{ id: string }>).map((m) => m.id)).toEqual(all.map((m) => m.id));
    expect((await cm.get(`${base}/mentions?from=${day(-30)}&to=${day(-2)}`)).body.items).toEqual([]);
    // Both periods come from one contributor call: the three days before hold no mention.
    expect(kpis.body.kpis.brandMentions).toBe(3);
    expect(kpis.body.previousKpis.brandMentions).toBe(0);
    expect(kpis.body.previousKpis.competitorMentions).toBe(0);

    const inf = await cm.get(`${base}/influencers?${q}`);
    expect(inf.status).toBe(200);
    expect(inf.body.items[0]).toMatchObject({ platform: 'bluesky', reach: 120_000, mentions: 1, author: { handle: null, pseudonymized: true } });
    expect(inf.body.items[0].sentiment.net).toBe(1);

    const comp = await cm.get(`${base}/competitors?${q}`);
    expect(comp.status).toBe(200);
    const own = comp.body.items.find((i: { handle: string }) => i.handle === 'vigie.bsky.social');
    const riv = comp.body.items.find((i: { handle: string }) => i.handle === 'sentinelle.bsky.social');
    expect(own).toMatchObject({ isCompetitor: false, posts: 1, postsPerWeek: 2.33, interactions: 13, engagementRateByReach: null });
    expect(riv).toMatchObject({ isCompetitor: true, brandName: 'Sentinelle', posts: 2, interactions: 6 });

    const tr = await cm.get(`${base}/trends?${q}`);
    expect(tr.status).toBe(200);
    expect(tr.body.previousPeriod).toEqual({ from: day(-4), to: day(-2) });
    expect(tr.body.platforms.map((p: { platform: string }) => p.platform).sort()).toEqual(['bluesky', 'rss']);
    expect((await cm.get(`${base}/trends?brandId=${brandId}&from=${today}&to=2020-01-01`)).status).toBe(400);
  });
});
