import type { ConnectorAccount } from '../channel-connector';
import { ConnectorErrorCode } from '../connector-error';
import { FixtureServer, json, sharedSample } from '../__tests__/fixture-server';
import { BlueskyConnector } from './bluesky.connector';

interface Thread { thread: { post: unknown; parent: { post: unknown }; replies: Array<{ post: unknown }> } }
const server = new FixtureServer();
const bsky = new BlueskyConnector();
let account: ConnectorAccount;

beforeAll(async () => {
  const url = await server.start();
  account = { platform: 'bluesky', handle: 'mattbinder.bsky.social', externalId: null, baseUrl: `${url}/bluesky`, credentials: null, isCompetitor: false };
});
afterAll(() => server.stop());
beforeEach(() => server.reset());

describe('BlueskyConnector over HTTP', () => {
  it('pages getAuthorFeed by cursor, skips reposts, and detects a repeated cursor', async () => {
    const t = sharedSample<Thread>('bluesky/getPostThread_mattbinder_2023-09-19_morpho.json').thread;
    const feed1 = { feed: [{ post: t.parent.post }, { post: t.post, reason: { $type: 'app.bsky.feed.defs#reasonRepost' } }], cursor: 'c1' };
    const feed2 = { feed: [{ post: t.replies[0].post }], cursor: 'c1' };
    server.route((r) => (r.path === '/bluesky/xrpc/app.bsky.feed.getAuthorFeed' ? json(r.query.get('cursor') ? feed2 : feed1) : undefined));
    const since = new Date('2023-09-01T00:00:00Z');
    const p1 = await bsky.listPosts(account, { cursor: null, page: null, since });
    expect(p1.items.map((p) => p.metrics.reactions)).toEqual([916]);
    expect(server.requests[0].query.get('actor')).toBe('mattbinder.bsky.social');
    await expect(bsky.listPosts(account, { cursor: null, page: p1.nextPage, since })).rejects.toMatchObject({ code: ConnectorErrorCode.MALFORMED });
  });

  it('returns the flattened thread as comments', async () => {
    server.route(() => ({ body: JSON.stringify(sharedSample('bluesky/getPostThread_mattbinder_2023-09-19_morpho.json')) }));
    const page = await bsky.listComments(account, { externalId: 'at://did:plc:uy7ehrx332p6dow5sk32hxzq/app.bsky.feed.post/3k7rmyigapw2y' });
    expect(page.items).toHaveLength(5);
    expect(server.requests[0].query.get('uri')).toBe('at://did:plc:uy7ehrx332p6dow5sk32hxzq/app.bsky.feed.post/3k7rmyigapw2y');
  });

  it('429 with RateLimit-Reset epoch → RATE_LIMITED', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    server.route(() => json({ error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, 429, { 'ratelimit-reset': String(reset) }));
    const err = (await bsky.verify(account).catch((e: unknown) => e)) as { code: string; retryAfterMs: number };
    expect(err.code).toBe(ConnectorErrorCode.RATE_LIMITED);
    expect(err.retryAfterMs).toBeGreaterThan(110_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(120_000);
  });
});
