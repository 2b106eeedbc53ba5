import type { ConnectorAccount } from '../channel-connector';
import { ConnectorError, ConnectorErrorCode } from '../connector-error';
import { FixtureServer, fixtureText, json } from '../__tests__/fixture-server';
import { FacebookConnector } from './facebook.connector';

const TOKEN = 'EAAGm0PX4ZCpsBAFAKEPAGETOKEN123456';
const server = new FixtureServer();
let account: ConnectorAccount;
const fb = new FacebookConnector({ timeoutMs: 2000 });

beforeAll(async () => {
  const url = await server.start();
  account = {
    platform: 'facebook',
    handle: 'FacebookforDevelopers',
    externalId: '19292868552',
    baseUrl: `${url}/facebook`,
    credentials: { accessToken: TOKEN },
    isCompetitor: false,
  };
});
afterAll(() => server.stop());
beforeEach(() => server.reset());

function feedRoutes(): void {
  server.route((r) =>
    r.path === '/facebook/v21.0/19292868552/posts'
      ? { body: fixtureText('facebook', r.query.get('after') === 'after' ? 'posts_p2.json' : 'posts_p1.json') }
      : undefined,
  );
}

/** Graph refuses a retired metric with #100 and fails the whole call when it is in a list. */
function insightsRoutes(): void {
  server.route((r) => {
    const m = /^\/facebook\/v21\.0\/([\d_]+)\/insights$/.exec(r.path);
    if (!m) return undefined;
    const metric = r.query.get('metric') ?? '';
    if (metric.includes(',') || metric === 'post_impressions' || metric === 'post_impressions_unique') {
      return json({ error: { message: '(#100) The value must be a valid insights metric', type: 'OAuthException', code: 100 } }, 400);
    }
    const values: Record<string, number> = { post_media_view: 1000, post_total_media_view_unique: 800, post_clicks: 7, post_video_views: 0 };
    return json({ data: [{ name: metric, period: 'lifetime', values: [{ value: values[metric] }], id: `${m[1]}/insights/${metric}/lifetime` }] });
  });
}

describe('FacebookConnector over HTTP', () => {
  it('pages through the feed, fetches insights metric by metric after a #100, and advances the cursor', async () => {
    feedRoutes();
    insightsRoutes();
    const since = new Date('2021-06-01T00:00:00Z');
    const p1 = await fb.listPosts(account, { cursor: null, page: null, since });
    expect(p1.items.map((p) => p.externalId)).toHaveLength(5);
    expect(p1.items[0].metrics).toMatchObject({ impressions: 1000, reach: 800, clicks: 7, videoViews: 0, reactions: 125 });
    expect(p1.items[0].impressionsDefinition).toBe('views');
    expect(p1.nextPage).not.toBeNull();
    const p2 = await fb.listPosts(account, { cursor: null, page: p1.nextPage, since });
    expect(p2.items.map((p) => p.externalId)[4]).toBe('19292868552_10158316421783553');
    expect(p2.nextPage).toBeNull();
    expect(p2.nextCursor).toMatchObject({ newestAt: '2021-07-09T19:09:52.000Z', newestId: '19292868552_10158349356748553' });
    const feedCalls = server.requests.filter((r) => r.path.endsWith('/posts'));
    expect(feedCalls[0].query.get('since')).toBe(String(Date.parse('2021-06-01T00:00:00Z') / 1000));
    expect(feedCalls[1].query.get('after')).toBe('after');
    // The token travels as a query param but the host never echoes it back in the page token.
    expect(p1.nextPage).not.toContain(TOKEN);
  });

  it('stops at the window lower bound of a later sync (cursor minus 28 days)', async () => {
    feedRoutes();
    insightsRoutes();
    const cursor = { newestAt: '2021-07-26T00:00:00.000Z', newestId: 'x' };
    const p1 = await fb.listPosts(account, { cursor, page: null, since: new Date('2020-01-01T00:00:00Z') });
    const p2 = await fb.listPosts(account, { cursor, page: p1.nextPage, since: new Date('2020-01-01T00:00:00Z') });
    // lower bound 2021-06-28T00:00Z: keeps the 06-29 and 06-28 posts of page 2, then stops.
    expect(p2.items.map((p) => p.publishedAt)).toEqual(['2021-06-29T15:47:56.000Z', '2021-06-28T15:17:28.000Z']);
    expect(p2.nextPage).toBeNull();
    expect(p2.nextCursor.newestAt).toBe('2021-07-26T00:00:00.000Z');
  });

  it('reads public fields only for a competitor (no insights call)', async () => {
    feedRoutes();
    const page = await fb.listPosts({ ...account, isCompetitor: true }, { cursor: null, page: null, since: new Date('2021-07-07T00:00:00Z') });
    expect(page.items).toHaveLength(3);
    expect(page.items[2].metrics.impressions).toBeNull();
    expect(page.items[2].impressionsDefinition).toBeNull();
    expect(server.requests.some((r) => r.path.endsWith('/insights'))).toBe(false);
  });

  it('detects a pagination loop', async () => {
    server.route((r) => (r.path.endsWith('/posts') ? { body: fixtureText('facebook', 'posts_p1.json') } : undefined));
    insightsRoutes();
    const since = new Date('2021-06-01T00:00:00Z');
    const p1 = await fb.listPosts(account, { cursor: null, page: null, since });
    await expect(fb.listPosts(account, { cursor: null, page: p1.nextPage, since })).rejects.toMatchObject({
      code: ConnectorErrorCode.MALFORMED,
      message: expect.stringContaining('pagination loop'),
    });
  });

  it('follows time-based paging (until + __paging_token) without the recorded next URL host', async () => {
    server.route((r) => (r.path.endsWith('/posts') ? { body: fixtureText('facebook', 'posts_time_paged.json') } : undefined));
    const acct = { ...account, isCompetitor: true };
    const p1 = await fb.listPosts(acct, { cursor: null, page: null, since: new Date('2021-06-01T00:00:00Z') });
    expect(p1.items).toHaveLength(5);
    await expect(fb.listPosts(acct, { cursor: null, page: p1.nextPage, since: new Date('2021-06-01T00:00:00Z') })).rejects.toThrow(
      /pagination loop/,
    );
    expect(server.requests[1].query.get('until')).toBe('1624385168');
    expect(server.requests[1].query.get('__paging_token')).toBe('__paging_token');
    expect(server.requests[1].query.get('access_token')).toBe(TOKEN);
  });

  it.each([
    [json({ error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190 } }, 400), ConnectorErrorCode.AUTH],
    [json({ error: { message: '(#4) Application request limit reached', code: 4 } }, 400), ConnectorErrorCode.RATE_LIMITED],
    [json({ error: { message: '(#32) Page request limit reached', code: 32 } }, 400), ConnectorErrorCode.RATE_LIMITED],
    [{ status: 500, body: 'oops' }, ConnectorErrorCode.UNAVAILABLE],
    [{ status: 200, body: '{"data":[{"id":"1_2","created' }, ConnectorErrorCode.MALFORMED],
  ])('maps error %# to %s without leaking the token', async (reply, code) => {
    server.route(() => reply);
    const err = (await fb.verify(account).catch((e: unknown) => e)) as ConnectorError;
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.code).toBe(code);
    expect(`${err.message} ${err.snippet ?? ''}`).not.toContain(TOKEN);
  });

  it('names the path of a truncated JSON page', async () => {
    server.route(() => ({ body: fixtureText('facebook', 'posts_p1.json').slice(0, 500) }));
    await expect(fb.listPosts(account, { cursor: null, page: null, since: new Date(0) })).rejects.toMatchObject({
      code: ConnectorErrorCode.MALFORMED,
      path: '/facebook/v21.0/19292868552/posts',
    });
  });

  it('verifies the page and reads its followers', async () => {
    server.route((r) => (r.path === '/facebook/v21.0/19292868552' ? { body: fixtureText('facebook', 'page.json') } : undefined));
    expect(await fb.verify(account)).toEqual({ externalId: '20531316728', handle: 'facebookapp', displayName: 'Facebook' });
    const stats = await fb.getAccountStats(account, new Date('2024-05-02T23:00:00Z'));
    expect(stats).toEqual({ day: '2024-05-02', followers: 214507731, following: null, postsCount: null });
    expect(server.requests[0].query.get('fields')).toBe('id,name,username');
  });

  it('lists comments with filter=stream and pages with after', async () => {
    server.route((r) =>
      r.path === '/facebook/v21.0/19292868552_10158407654328553/comments'
        ? { body: fixtureText('facebook', r.query.get('after') ? 'comments_p2.json' : 'comments_p1.json') }
        : undefined,
    );
    const post = { externalId: '19292868552_10158407654328553' };
    const c1 = await fb.listComments(account, post, null);
    expect(c1.items).toHaveLength(10);
    expect(server.requests[0].query.get('filter')).toBe('stream');
    const c2 = await fb.listComments(account, post, c1.nextPage);
    expect(c2.items).toHaveLength(5);
    expect(c2.items[0].text).toBe('how can i get invited to the Commerce Manager api ?');
    expect(c2.nextPage).toBeNull();
  });

  it('reads page_follows day by day in windows of at most 90 days, keeping the asked days only', async () => {
    server.route((r) =>
      r.path === '/facebook/v21.0/19292868552/insights' && r.query.get('metric') === 'page_follows'
        ? { body: fixtureText('facebook', 'page_follows_day.json') }
        : undefined,
    );
    const since = new Date('2025-01-01T00:00:00Z');
    const until = new Date('2025-04-15T00:00:00Z');
    const rows = await fb.getFollowerHistory(account, since, until);
    expect(rows.map((r) => [r.day, r.followers])).toEqual([
      ['2025-03-07', 12480],
      ['2025-03-08', 12493],
      ['2025-03-09', 12491],
      ['2025-03-11', 12530],
    ]);
    // 2025-01-01 → 2025-04-01 (90 days), then 2025-04-01 → 2025-04-15; the second answer's days are outside it.
    expect(server.requests.map((r) => [r.query.get('period'), r.query.get('since'), r.query.get('until')])).toEqual([
      ['day', String(Date.parse('2025-01-01T00:00:00Z') / 1000), String(Date.parse('2025-04-01T00:00:00Z') / 1000)],
      ['day', String(Date.parse('2025-04-01T00:00:00Z') / 1000), String(Date.parse('2025-04-15T00:00:00Z') / 1000)],
    ]);
    expect(server.requests[0].query.get('access_token')).toBe(TOKEN);
  });

  it('has no follower history for a competitor (no call) nor for a Page without insights (#100 / #10)', async () => {
    const since = new Date('2025-03-01T00:00:00Z');
    const until = new Date('2025-03-20T00:00:00Z');
    expect(await fb.getFollowerHistory({ ...account, isCompetitor: true }, since, until)).toEqual([]);
    expect(server.requests).toHaveLength(0);
    server.route(() => json({ error: { message: '(#100) The value must be a valid insights metric', type: 'OAuthException', code: 100 } }, 400));
    expect(await fb.getFollowerHistory(account, since, until)).toEqual([]);
    server.reset();
    server.route(() => json({ error: { message: '(#10) Application does not have permission for this action', code: 10 } }, 403));
    expect(await fb.getFollowerHistory(account, since, until)).toEqual([]);
  });

  it('lets an expired token fail the history read (the account needs reconnecting)', async () => {
    server.route(() => json({ error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190 } }, 400));
    await expect(fb.getFollowerHistory(account, new Date('2025-03-01T00:00:00Z'), new Date('2025-03-20T00:00:00Z'))).rejects.toMatchObject({
      code: ConnectorErrorCode.AUTH,
    });
  });
});
