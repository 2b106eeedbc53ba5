import { account, get, start } from './helpers';
import type { Json, TestSandbox } from './helpers';

let t: TestSandbox;
beforeAll(async () => {
  t = await start();
});
afterAll(() => t.sb.close());

const url = (p: string) => `${t.sb.url}${p}`;

/** Follows `next` until it stops; fails on a page limit so a loop cannot hang the test. */
async function collect(first: string, next: (body: Json, headers: Headers) => string | undefined, items: (b: Json) => Json[], init?: RequestInit): Promise<string[]> {
  const ids: string[] = [];
  let u: string | undefined = first;
  for (let pages = 0; u; pages++) {
    if (pages > 200) throw new Error('pagination did not terminate');
    const r = await get(u, init);
    expect(r.status).toBe(200);
    ids.push(...items(r.body).map((i) => String(i.id ?? i.uri ?? i.data?.id)));
    u = next(r.body, r.headers);
  }
  return ids;
}

const unique = (ids: string[]) => new Set(ids).size;

describe('pagination covers every item exactly once and terminates', () => {
  it('Facebook posts via paging.next; since filters', async () => {
    const a = account(t.sb, 'facebook');
    const ids = await collect(url(`/facebook/v21.0/${a.externalId}/posts?limit=10&access_token=${a.token}`), (b) => b.paging?.next, (b) => b.data);
    const all = await get(url(`/facebook/v21.0/${a.externalId}/posts?limit=100&access_token=${a.token}`));
    expect(ids.length).toBeGreaterThan(20);
    expect(unique(ids)).toBe(ids.length);
    expect(ids).toEqual(all.body.data.map((p: Json) => p.id));
    const since = Math.floor(t.clock.t / 1000) - 7 * 86400;
    const recent = await get(url(`/facebook/v21.0/${a.externalId}/posts?since=${since}&fields=created_time&limit=100&access_token=${a.token}`));
    expect(recent.body.data.length).toBeLessThan(ids.length);
    for (const p of recent.body.data) expect(Date.parse(p.created_time.replace('+0000', 'Z')) / 1000).toBeGreaterThanOrEqual(since);
  });

  it('X timeline via next_token, and since_id', async () => {
    const a = account(t.sb, 'x');
    const init = { headers: { authorization: `Bearer ${a.token}` } };
    const base = `/x/2/users/${a.externalId}/tweets?max_results=7`;
    const ids = await collect(url(base), (b) => (b.meta.next_token ? url(`${base}&pagination_token=${b.meta.next_token}`) : undefined), (b) => b.data ?? [], init);
    expect(unique(ids)).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(20);
    // ids are snowflakes: newest first means strictly decreasing
    for (let i = 1; i < ids.length; i++) expect(BigInt(ids[i]) < BigInt(ids[i - 1])).toBe(true);
    const since = await get(url(`/x/2/users/${a.externalId}/tweets?max_results=100&since_id=${ids[5]}`), init);
    expect(since.body.data.map((d: Json) => d.id)).toEqual(ids.slice(0, 5));
    const bad = await get(url(`/x/2/users/${a.externalId}/tweets?max_results=3`), init);
    expect(bad.status).toBe(400);
  });

  it('Mastodon via the Link header; since_id', async () => {
    const a = account(t.sb, 'mastodon');
    const linkNext = (h: Headers) => /<([^>]+)>; rel="next"/.exec(h.get('link') ?? '')?.[1];
    const ids = await collect(url(`/mastodon/api/v1/accounts/${a.externalId}/statuses?limit=10`), (_b, h) => linkNext(h), (b) => b);
    expect(unique(ids)).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(20);
    const since = await get(url(`/mastodon/api/v1/accounts/${a.externalId}/statuses?since_id=${ids[3]}`));
    expect(since.body.map((s: Json) => s.id)).toEqual(ids.slice(0, 3));
  });

  it('Bluesky author feed and search via cursor', async () => {
    const a = account(t.sb, 'bluesky');
    const base = `/bluesky/xrpc/app.bsky.feed.getAuthorFeed?actor=${a.handle}&limit=30`;
    const ids = await collect(url(base), (b) => (b.cursor ? url(`${base}&cursor=${b.cursor}`) : undefined), (b) => b.feed.map((f: Json) => f.post));
    expect(unique(ids)).toBe(ids.length);
    const sbase = `/bluesky/xrpc/app.bsky.feed.searchPosts?q=${encodeURIComponent('Maison Lumière')}&limit=25`;
    const hits = await collect(url(sbase), (b) => (b.cursor ? url(`${sbase}&cursor=${b.cursor}`) : undefined), (b) => b.posts);
    const first = await get(url(sbase));
    expect(hits.length).toBe(first.body.hitsTotal);
    expect(unique(hits)).toBe(hits.length);
    const sinceIso = new Date(t.clock.t - 3 * 86400_000).toISOString();
    const recent = await get(url(`${sbase}&since=${sinceIso}`));
    for (const p of recent.body.posts) expect(Date.parse(p.record.createdAt)).toBeGreaterThanOrEqual(Date.parse(sinceIso));
  });

  it('Reddit via after; YouTube comment threads via pageToken; LinkedIn via start/count; TikTok via cursor', async () => {
    const rd = await collect(url('/reddit/search.json?q=maison&sort=new&limit=10'), (b) => (b.data.after ? url(`/reddit/search.json?q=maison&sort=new&limit=10&after=${b.data.after}`) : undefined), (b) => b.data.children);
    expect(unique(rd)).toBe(rd.length);

    const yt = account(t.sb, 'youtube');
    const threads = `/youtube/youtube/v3/commentThreads?part=snippet&allThreadsRelatedToChannelId=${yt.externalId}&maxResults=20&key=${yt.token}`;
    const th = await collect(url(threads), (b) => (b.nextPageToken ? url(`${threads}&pageToken=${b.nextPageToken}`) : undefined), (b) => b.items);
    expect(th.length).toBeGreaterThan(20);
    expect(unique(th)).toBe(th.length);

    const li = account(t.sb, 'linkedin');
    const hdr = { headers: { authorization: `Bearer ${li.token}`, 'linkedin-version': '202411', 'x-restli-protocol-version': '2.0.0' } };
    const author = encodeURIComponent(`urn:li:organization:${li.externalId}`);
    const liIds: string[] = [];
    let total = 0;
    for (let s = 0; ; s += 10) {
      const r = await get(url(`/linkedin/rest/posts?author=${author}&q=author&count=10&start=${s}`), hdr);
      total = r.body.paging.total;
      liIds.push(...r.body.elements.map((e: Json) => e.id));
      if (s + 10 >= total) break;
    }
    expect(liIds.length).toBe(total);
    expect(unique(liIds)).toBe(total);
    const noVersion = await get(url(`/linkedin/rest/posts?author=${author}&q=author`), { headers: { authorization: `Bearer ${li.token}` } });
    expect(noVersion.status).toBe(400);

    const tt = account(t.sb, 'tiktok');
    const ttIds: string[] = [];
    let cursor: number | undefined;
    for (let i = 0; i < 50; i++) {
      const r = await get(url('/tiktok/v2/video/list/?fields=id,create_time,view_count'), {
        method: 'POST',
        headers: { authorization: `Bearer ${tt.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ max_count: 20, ...(cursor ? { cursor } : {}) }),
      });
      expect(r.body.error.code).toBe('ok');
      ttIds.push(...r.body.data.videos.map((v: Json) => v.id));
      if (!r.body.data.has_more) break;
      cursor = r.body.data.cursor;
    }
    const info = await get(url('/tiktok/v2/user/info/?fields=video_count'), { headers: { authorization: `Bearer ${tt.token}` } });
    expect(ttIds.length).toBe(info.body.data.user.video_count);
    expect(unique(ttIds)).toBe(ttIds.length);
  });
});
