import { account, get, start } from './helpers';
import type { TestSandbox } from './helpers';

let t: TestSandbox;
beforeAll(async () => {
  t = await start({ timeoutHoldMs: 2000 });
});
afterAll(() => t.sb.close());
afterEach(async () => {
  await fetch(`${t.sb.url}/__sandbox/faults`, { method: 'DELETE' });
});

const url = (p: string) => `${t.sb.url}${p}`;
const arm = (body: object) =>
  fetch(url('/__sandbox/faults'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('faults on demand', () => {
  it('429 on X comes with the x-rate-limit headers, for `count` requests only', async () => {
    const a = account(t.sb, 'x');
    const h = { headers: { authorization: `Bearer ${a.token}` } };
    expect((await arm({ platform: 'x', kind: '429', count: 2, retryAfterSeconds: 42 })).status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const r = await get(url(`/x/2/users/${a.externalId}/tweets`), h);
      expect(r.status).toBe(429);
      expect(r.headers.get('x-rate-limit-remaining')).toBe('0');
      expect(r.headers.get('retry-after')).toBe('42');
      expect(Number(r.headers.get('x-rate-limit-reset'))).toBe(Math.ceil(t.clock.t / 1000 + 42));
    }
    expect((await get(url(`/x/2/users/${a.externalId}/tweets`), h)).status).toBe(200);
  });

  it('each platform signals throttling its own way', async () => {
    const fb = account(t.sb, 'facebook');
    await arm({ platform: 'facebook', kind: '429' });
    const r = await get(url(`/facebook/v21.0/${fb.externalId}?access_token=${fb.token}`));
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe(4);
    expect(JSON.parse(r.headers.get('x-app-usage') ?? '{}').call_count).toBe(100);

    const yt = account(t.sb, 'youtube');
    await arm({ platform: 'youtube', kind: '429' });
    const y = await get(url(`/youtube/youtube/v3/channels?part=snippet&id=${yt.externalId}&key=${yt.token}`));
    expect(y.status).toBe(403);
    expect(y.body.error.errors[0].reason).toBe('quotaExceeded');

    const tt = account(t.sb, 'tiktok');
    await arm({ platform: 'tiktok', kind: '429' });
    const k = await get(url('/tiktok/v2/user/info/?fields=open_id'), { headers: { authorization: `Bearer ${tt.token}` } });
    expect(k.status).toBe(429);
    expect(k.body.error.code).toBe('rate_limit_exceeded');
  });

  it('500, auth, truncated-json and garbage', async () => {
    const a = account(t.sb, 'mastodon');
    const path = url(`/mastodon/api/v1/accounts/${a.externalId}/statuses`);
    await arm([
      { platform: 'mastodon', kind: '500' },
      { platform: 'mastodon', kind: 'auth' },
      { platform: 'mastodon', kind: 'truncated-json' },
      { platform: 'mastodon', kind: 'garbage' },
    ]);
    expect((await fetch(path)).status).toBe(500);
    const auth = await get(path);
    expect(auth.status).toBe(401);
    expect(auth.body).toEqual({ error: 'The access token is invalid' });
    const trunc = await fetch(path);
    expect(trunc.status).toBe(200);
    await expect(trunc.json()).rejects.toThrow();
    const garbage = await fetch(path);
    expect(garbage.headers.get('content-type')).toContain('application/json');
    await expect(garbage.json()).rejects.toThrow();
    expect((await fetch(path)).status).toBe(200);
  });

  it('a damaged answer is a 200 even to a conditional GET that would get a 304', async () => {
    const first = await fetch(url('/rss/maison-lumiere-blog.xml'));
    const full = await first.text();
    const etag = first.headers.get('etag')!;
    expect((await fetch(url('/rss/maison-lumiere-blog.xml'), { headers: { 'if-none-match': etag } })).status).toBe(304);
    await arm({ platform: 'rss', kind: 'truncated-json' });
    const cut = await fetch(url('/rss/maison-lumiere-blog.xml'), { headers: { 'if-none-match': etag } });
    expect(cut.status).toBe(200);
    expect(await cut.text()).toBe(full.slice(0, Math.floor(full.length / 2)));
  });

  it('timeout holds the request until the client gives up', async () => {
    const a = account(t.sb, 'bluesky');
    await arm({ platform: 'bluesky', kind: 'timeout' });
    const started = Date.now();
    await expect(fetch(url(`/bluesky/xrpc/app.bsky.actor.getProfile?actor=${a.handle}`), { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect((await fetch(url(`/bluesky/xrpc/app.bsky.actor.getProfile?actor=${a.handle}`))).status).toBe(200);
  });

  it('pagination-loop hands back a cursor to a page already served', async () => {
    const a = account(t.sb, 'facebook');
    const first = await get(url(`/facebook/v21.0/${a.externalId}/posts?limit=5&access_token=${a.token}`));
    await arm({ platform: 'facebook', kind: 'pagination-loop' });
    const looped = await get(first.body.paging.next);
    const again = await get(looped.body.paging.next);
    expect(again.body.data).toEqual(looped.body.data);

    const x = account(t.sb, 'x');
    const h = { headers: { authorization: `Bearer ${x.token}` } };
    await arm({ platform: 'x', kind: 'pagination-loop' });
    const p1 = await get(url(`/x/2/users/${x.externalId}/tweets?max_results=5`), h);
    const p2 = await get(url(`/x/2/users/${x.externalId}/tweets?max_results=5&pagination_token=${p1.body.meta.next_token}`), h);
    expect(p2.body.data).toEqual(p1.body.data);
  });

  it('an invalid token is refused in the platform shape; the request log records it', async () => {
    await fetch(url('/__sandbox/requests'), { method: 'DELETE' });
    const a = account(t.sb, 'facebook');
    const r = await get(url(`/facebook/v21.0/${a.externalId}?access_token=nope`));
    expect(r.status).toBe(400);
    expect(r.body.error).toEqual(expect.objectContaining({ type: 'OAuthException', code: 190 }));
    const li = await get(url('/linkedin/rest/organizations/1'), { headers: { authorization: 'Bearer nope', 'linkedin-version': '202411', 'x-restli-protocol-version': '2.0.0' } });
    expect(li.status).toBe(401);
    const log = await get(url('/__sandbox/requests?platform=facebook'));
    expect(log.body.requests).toHaveLength(1);
    expect(log.body.requests[0]).toEqual(expect.objectContaining({ platform: 'facebook', method: 'GET', status: 400, path: `/facebook/v21.0/${a.externalId}` }));
  });

  it('rejects unknown fault kinds', async () => {
    const r = await arm({ platform: 'x', kind: 'meteor' });
    expect(r.status).toBe(400);
  });
});
