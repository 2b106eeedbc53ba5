import { account, get, start } from './helpers';
import type { Json, TestSandbox } from './helpers';

/** A sandbox whose lists serve at most 4 items per page, whatever the client asks. */
let t: TestSandbox;
beforeAll(async () => {
  t = await start({ maxPageSize: 4 });
});
afterAll(() => t.sb.close());

const url = (p: string) => `${t.sb.url}${p}`;
const truth = async (key: string, q = '') => (await get(url(`/__sandbox/posts?account=${encodeURIComponent(key)}${q}`))).body;

describe('maxPageSize: short pages, and the next-page signal still leads through everything', () => {
  it('Graph (Facebook posts): limit=100 serves 4 and a paging.next; all pages = the ground truth', async () => {
    const a = account(t.sb, 'facebook');
    const ids: string[] = [];
    let u: string | undefined = url(`/facebook/v21.0/${a.externalId}/posts?limit=100&access_token=${a.token}`);
    let pages = 0;
    while (u) {
      const r = await get(u);
      expect(r.body.data.length).toBeLessThanOrEqual(4);
      ids.push(...r.body.data.map((p: Json) => p.id));
      u = r.body.paging?.next;
      pages++;
    }
    const expected = (await truth(a.key)).posts.map((p: Json) => p.id).reverse();
    expect(ids).toEqual(expected);
    expect(pages).toBe(Math.ceil(ids.length / 4));
  });

  it('X (max_results=100 → 4 and a next_token), TikTok (max_count=20 → 4, has_more), LinkedIn (count=50 → 4, next link)', async () => {
    const x = account(t.sb, 'x');
    const first = await get(url(`/x/2/users/${x.externalId}/tweets?max_results=100&exclude=replies`), { headers: { authorization: `Bearer ${x.token}` } });
    expect(first.body.data).toHaveLength(4);
    expect(first.body.meta.next_token).toEqual(expect.any(String));

    const tt = account(t.sb, 'tiktok');
    const vids = await get(url('/tiktok/v2/video/list/?fields=id'), {
      method: 'POST',
      headers: { authorization: `Bearer ${tt.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ max_count: 20 }),
    });
    expect(vids.body.data.videos).toHaveLength(4);
    expect(vids.body.data.has_more).toBe(true);

    const li = account(t.sb, 'linkedin');
    const author = encodeURIComponent(`urn:li:organization:${li.externalId}`);
    const posts = await get(url(`/linkedin/rest/posts?author=${author}&q=author&count=50&start=0`), {
      headers: { authorization: `Bearer ${li.token}`, 'linkedin-version': '202501', 'x-restli-protocol-version': '2.0.0' },
    });
    expect(posts.body.elements).toHaveLength(4);
    expect(posts.body.paging.links.find((l: Json) => l.rel === 'next').href).toContain('start=4');
  });
});

describe('GET /__sandbox/posts (ground truth for sync tests)', () => {
  it("lists an account's posts with their visible comments and its followers; since / commentsSince filter", async () => {
    const a = account(t.sb, 'instagram');
    const all = await truth(a.key);
    expect(all.posts.length).toBeGreaterThan(20);
    expect(all.followers).toBeGreaterThan(0);
    const info = await get(url(`/instagram/v21.0/${a.externalId}?fields=followers_count,media_count&access_token=${a.token}`));
    expect(info.body).toMatchObject({ followers_count: all.followers, media_count: all.posts.length });
    const since = new Date(t.clock.t - 10 * 86_400_000).toISOString();
    const recent = await truth(a.key, `&since=${since}`);
    expect(recent.posts).toEqual(all.posts.filter((p: Json) => p.createdAt >= since));
    const noComments = await truth(a.key, `&commentsSince=${new Date(t.clock.t + 1).toISOString()}`);
    expect(noComments.posts.every((p: Json) => p.comments === 0)).toBe(true);
    expect(all.posts.some((p: Json) => p.replies > 0 && p.fromBrand > 0)).toBe(true);
  });

  it('gives RSS items their feed guid, and only the items the feed still shows', async () => {
    const a = account(t.sb, 'rss');
    const feed = await fetch(url('/rss/maison-lumiere-blog.xml')).then((r) => r.text());
    const guids = [...feed.matchAll(/<guid isPermaLink="true">([^<]+)<\/guid>/g)].map((m) => m[1]);
    expect(guids.length).toBeGreaterThan(0);
    expect((await truth(a.key)).posts.map((p: Json) => p.id).reverse()).toEqual(guids);
  });

  it('refuses an unknown account', async () => {
    const r = await get(url('/__sandbox/posts?account=nobody:facebook'));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/unknown account/);
  });
});
