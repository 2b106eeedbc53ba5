import { account, get, start } from './helpers';
import type { Json, TestSandbox } from './helpers';

const MIN = 60_000;

describe('the world evolves with the clock', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await start();
  });
  afterAll(() => t.sb.close());
  const url = (p: string) => `${t.sb.url}${p}`;

  it('an advance adds posts and comments, and post metrics never decrease', async () => {
    const fb = account(t.sb, 'facebook');
    const before = await get(url(`/facebook/v21.0/${fb.externalId}/posts?limit=100&fields=id&access_token=${fb.token}`));
    const newest = before.body.data[0].id;
    const metrics = async () => {
      const r = await get(url(`/facebook/v21.0/${newest}/insights?metric=post_media_view,post_total_media_view_unique,post_clicks&access_token=${fb.token}`));
      const c = await get(url(`/facebook/v21.0/${newest}/comments?filter=stream&summary=true&limit=100&access_token=${fb.token}`));
      return [...r.body.data.map((d: Json) => d.values[0].value), c.body.summary.total_count];
    };
    const series: number[][] = [await metrics()];
    const state0 = (await get(url('/__sandbox/state'))).body.items;
    for (let i = 0; i < 6; i++) {
      t.clock.t += 20 * MIN;
      series.push(await metrics());
    }
    for (let i = 1; i < series.length; i++) for (let k = 0; k < series[i].length; k++) expect(series[i][k]).toBeGreaterThanOrEqual(series[i - 1][k]);
    expect(series[series.length - 1][0]).toBeGreaterThan(series[0][0]);
    const state1 = (await get(url('/__sandbox/state'))).body.items;
    const grown = Object.keys(state0).filter((p) => state1[p] > state0[p]);
    expect(grown.length).toBeGreaterThanOrEqual(3);
    const after = await get(url(`/facebook/v21.0/${fb.externalId}/posts?limit=100&fields=id&access_token=${fb.token}`));
    expect(after.body.data.length).toBeGreaterThanOrEqual(before.body.data.length);
  });

  it('comments keep arriving on own accounts within minutes once live', async () => {
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const s = await get(url('/__sandbox/state'));
      counts.push(Object.values(s.body.items as Record<string, number>).reduce((a, b) => a + b, 0));
      t.clock.t += 10 * MIN;
    }
    const ig = account(t.sb, 'instagram');
    const media = await get(url(`/instagram/v22.0/${ig.externalId}/media?fields=comments_count,timestamp&access_token=${ig.token}`));
    expect(media.body.data.length).toBeGreaterThan(0);
    // new posts or comments show up in every 10-minute step of the live phase
    const fb = account(t.sb, 'facebook');
    const latest = await get(url(`/facebook/v21.0/${fb.externalId}/posts?limit=3&access_token=${fb.token}`));
    let recent = 0;
    for (const p of latest.body.data) {
      const c = await get(url(`/facebook/v21.0/${p.id}/comments?filter=stream&limit=100&access_token=${fb.token}`));
      recent += c.body.data.filter((x: Json) => Date.parse(x.created_time.replace('+0000', 'Z')) > t.clock.t - 2 * 3_600_000).length;
    }
    expect(recent).toBeGreaterThan(0);
    expect(counts[3]).toBeGreaterThanOrEqual(counts[0]);
  });

  it('brand replies follow community comments by minutes to hours', async () => {
    const fb = account(t.sb, 'facebook');
    const posts = await get(url(`/facebook/v21.0/${fb.externalId}/posts?limit=40&access_token=${fb.token}`));
    const delays: number[] = [];
    for (const p of posts.body.data) {
      const c = await get(url(`/facebook/v21.0/${p.id}/comments?filter=stream&limit=100&fields=id,created_time,from{id,name},parent{id,created_time}&access_token=${fb.token}`));
      for (const x of c.body.data) {
        if (x.from?.id === fb.externalId && x.parent) delays.push(Date.parse(x.created_time.replace('+0000', 'Z')) - Date.parse(x.parent.created_time.replace('+0000', 'Z')));
      }
    }
    expect(delays.length).toBeGreaterThan(5);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(4 * MIN);
    delays.sort((a, b) => a - b);
    expect(delays[Math.floor(delays.length / 2)]).toBeLessThan(24 * 60 * MIN);
  });

  it('a crisis brings a burst of negative comments and mentions', async () => {
    const bsky = `/bluesky/xrpc/app.bsky.feed.searchPosts?q=${encodeURIComponent('Maison Lumière')}&since=${new Date(t.clock.t).toISOString()}`;
    const before = await get(url(bsky));
    const r = await fetch(url('/__sandbox/crisis'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ brand: 'maison-lumiere' }) });
    expect(r.status).toBe(201);
    t.clock.t += 90 * MIN;
    const after = await get(url(bsky));
    expect(after.body.hitsTotal).toBeGreaterThanOrEqual(before.body.hitsTotal + 5);
    const texts = after.body.posts.map((p: Json) => p.record.text).join('\n');
    expect(texts).toMatch(/allergi|brûl|burn|lot|batch|rappel|recall|boycott/i);
    const fb = account(t.sb, 'facebook');
    const latest = await get(url(`/facebook/v21.0/${fb.externalId}/posts?limit=1&access_token=${fb.token}`));
    const c = await get(url(`/facebook/v21.0/${latest.body.data[0].id}/comments?filter=stream&limit=100&access_token=${fb.token}`));
    const negative = c.body.data.filter((x: Json) => /allergi|brûl|burn|eczéma|lot|batch|plainte|rembours/i.test(x.message));
    expect(negative.length).toBeGreaterThanOrEqual(5);
    const feed = await fetch(url('/rss/conso-alerte.xml'));
    expect(await feed.text()).toContain('Rappel de produit : Maison Lumière');
  });
});

describe('determinism, retired metrics, conditional GET, reset', () => {
  it('the same seed and clock give identical answers; another seed does not', async () => {
    const a = await start({ seed: 11 });
    const b = await start({ seed: 11 });
    const c = await start({ seed: 12 });
    try {
      const path = (sb: TestSandbox) => {
        const x = account(sb.sb, 'x');
        return get(`${sb.sb.url}/x/2/users/${x.externalId}/tweets?max_results=100&tweet.fields=created_at,public_metrics`, { headers: { authorization: `Bearer ${x.token}` } });
      };
      const [ra, rb, rc] = await Promise.all([path(a), path(b), path(c)]);
      expect(ra.body).toEqual(rb.body);
      expect(ra.body).not.toEqual(rc.body);
      for (const s of [a, b]) s.clock.t += 3 * 3_600_000;
      const [la, lb] = await Promise.all([path(a), path(b)]);
      expect(la.body).toEqual(lb.body);
    } finally {
      await Promise.all([a.sb.close(), b.sb.close(), c.sb.close()]);
    }
  });

  it('post_impressions works before 2025-11-15 and fails as a whole with #100 after', async () => {
    const s = await start();
    try {
      const fb = account(s.sb, 'facebook');
      s.clock.t = Date.parse('2025-11-10T12:00:00Z');
      const posts = await get(`${s.sb.url}/facebook/v21.0/${fb.externalId}/posts?limit=1&access_token=${fb.token}`);
      const id = posts.body.data[0].id;
      const q = `${s.sb.url}/facebook/v21.0/${id}/insights?metric=post_impressions,post_media_view&access_token=${fb.token}`;
      const before = await get(q);
      expect(before.status).toBe(200);
      expect(before.body.data[0].values[0].value).toBeGreaterThan(0);
      s.clock.t = Date.parse('2025-11-16T12:00:00Z');
      const after = await get(q);
      expect(after.status).toBe(400);
      expect(after.body.error).toEqual(expect.objectContaining({ code: 100, message: '(#100) The value must be a valid insights metric' }));
      const alone = await get(`${s.sb.url}/facebook/v21.0/${id}/insights?metric=post_media_view&access_token=${fb.token}`);
      expect(alone.status).toBe(200);
      // a competitor's insights are not readable with our token
      const comp = account(s.sb, 'facebook', 'eclat-paris');
      const cp = await get(`${s.sb.url}/facebook/v21.0/${comp.externalId}/posts?limit=1&access_token=${fb.token}`);
      const denied = await get(`${s.sb.url}/facebook/v21.0/${cp.body.data[0].id}/insights?metric=post_media_view&access_token=${fb.token}`);
      expect(denied.body.error.code).toBe(10);
    } finally {
      await s.sb.close();
    }
  });

  it('RSS answers 304 to a conditional GET until a new item appears', async () => {
    const s = await start();
    try {
      const u = `${s.sb.url}/rss/beaute-mag.xml`;
      const first = await fetch(u);
      const xml = await first.text();
      expect(xml).toContain('<rss');
      const etag = first.headers.get('etag')!;
      const lm = first.headers.get('last-modified')!;
      expect((await fetch(u, { headers: { 'if-none-match': etag } })).status).toBe(304);
      expect((await fetch(u, { headers: { 'if-modified-since': lm } })).status).toBe(304);
      s.clock.t += 2 * 86_400_000;
      const later = await fetch(u, { headers: { 'if-none-match': etag } });
      expect(later.status).toBe(200);
      expect(later.headers.get('etag')).not.toBe(etag);
      const atom = await fetch(`${s.sb.url}/rss/beaute-mag.atom`);
      expect(await atom.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    } finally {
      await s.sb.close();
    }
  });

  it('reset forgets faults, logs, crises and the clock offset', async () => {
    const s = await start();
    try {
      const post = (p: string, body: object) => fetch(`${s.sb.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await post('/__sandbox/faults', { platform: 'x', kind: '500', count: 3 });
      await post('/__sandbox/crisis', { brand: 'cafe-brule' });
      const clock = await post('/__sandbox/clock', { advanceMs: 3_600_000 });
      expect(((await clock.json()) as { now: string }).now).toBe(new Date(s.clock.t + 3_600_000).toISOString());
      await post('/__sandbox/reset', {});
      const state = await get(`${s.sb.url}/__sandbox/state`);
      expect(state.body.faults).toEqual([]);
      expect(state.body.crises).toEqual([]);
      expect(state.body.now).toBe(new Date(s.clock.t).toISOString());
    } finally {
      await s.sb.close();
    }
  });
});
