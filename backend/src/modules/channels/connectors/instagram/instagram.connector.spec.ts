import type { ConnectorAccount } from '../channel-connector';
import { FixtureServer, fixtureText, json } from '../__tests__/fixture-server';
import { InstagramConnector } from './instagram.connector';

const TOKEN = 'IGQVJFAKEINSTAGRAMTOKEN0001';
const server = new FixtureServer();
const ig = new InstagramConnector();
let account: ConnectorAccount;

beforeAll(async () => {
  const url = await server.start();
  account = {
    platform: 'instagram',
    handle: 'facebookfordevelopers',
    externalId: '17841406338772941',
    baseUrl: `${url}/instagram`,
    credentials: { accessToken: TOKEN },
    isCompetitor: false,
  };
});
afterAll(() => server.stop());
beforeEach(() => server.reset());

describe('InstagramConnector over HTTP', () => {
  it('pages media with after, asks views-era insights, tolerates #10 (not enough viewers)', async () => {
    server.route((r) =>
      r.path === '/instagram/v21.0/17841406338772941/media'
        ? { body: fixtureText('instagram', r.query.get('after') ? 'media_p2.json' : 'media_p1.json') }
        : undefined,
    );
    server.route((r) => {
      if (!r.path.endsWith('/insights')) return undefined;
      if (r.path.includes('17895731045244887')) return json({ error: { message: '(#10) Not enough viewers for the media to show insights', code: 10 } }, 400);
      return json({ data: ['views', 'reach', 'saved', 'shares'].map((name, i) => ({ name, period: 'lifetime', values: [{ value: 100 - i }] })) });
    });
    const since = new Date('2021-07-01T00:00:00Z');
    const p1 = await ig.listPosts(account, { cursor: null, page: null, since });
    expect(p1.items.map((p) => [p.externalId, p.metrics.impressions, p.impressionsDefinition])).toEqual([
      ['17895731045244887', null, null],
      ['17896622936197745', 100, 'views'],
    ]);
    const p2 = await ig.listPosts(account, { cursor: null, page: p1.nextPage, since });
    // The 2021-06-09 media is older than `since`: dropped, run ends.
    expect(p2.items.map((p) => p.externalId)).toEqual(['17896129349106152']);
    expect(p2.nextPage).toBeNull();
    expect(p2.nextCursor.newestAt).toBe('2021-08-13T08:25:28.000Z');
    const insightCall = server.requests.find((r) => r.path.endsWith('/insights'));
    expect(insightCall?.query.get('metric')).toBe('views,reach,saved,shares');
  });

  it('reads a competitor through business discovery, public counts only', async () => {
    server.route((r) =>
      r.path === '/instagram/v21.0/17841400000000001' ? { body: fixtureText('instagram', 'discovery_media_p1.json') } : undefined,
    );
    const competitor = { ...account, handle: 'facebookfordevelopers', externalId: null, isCompetitor: true, credentials: { accessToken: TOKEN, igUserId: '17841400000000001' } };
    const page = await ig.listPosts(competitor, { cursor: null, page: null, since: new Date('2021-08-01T00:00:00Z') });
    expect(page.items[0].metrics).toMatchObject({ reactions: 87, comments: 11, impressions: null });
    expect(server.requests[0].query.get('fields')).toMatch(/^business_discovery\.username\(facebookfordevelopers\)\{id,username,media\.limit\(50\)\{/);
    expect(server.requests.some((r) => r.path.endsWith('/insights'))).toBe(false);
  });

  it('reads own account stats', async () => {
    server.route(() => ({ body: fixtureText('instagram', 'user.json') }));
    expect(await ig.getAccountStats(account, new Date('2024-01-01T05:00:00Z'))).toEqual({
      day: '2024-01-01',
      followers: 64363,
      following: null,
      postsCount: 427,
    });
  });

  it('rebuilds the last days of followers from follower_count and the current followers_count', async () => {
    // Clock: 2025-06-05 10:00 UTC → the platform serves from 29 days before today's midnight (2025-05-07).
    const clocked = new InstagramConnector({ now: () => Date.parse('2025-06-05T10:00:00Z') });
    server.route((r) => {
      if (r.path === '/instagram/v21.0/17841406338772941/insights' && r.query.get('metric') === 'follower_count') {
        return { body: fixtureText('instagram', 'follower_count_day.json') };
      }
      if (r.path === '/instagram/v21.0/17841406338772941' && r.query.get('fields') === 'followers_count') {
        return json({ followers_count: 5000, id: '17841406338772941' });
      }
      return undefined;
    });
    // Asked from 2025-03-01 (beyond the 30 days) to 2025-06-04: clamped; 06-04 (until) is not in the range.
    const rows = await clocked.getFollowerHistory(account, new Date('2025-03-01T00:00:00Z'), new Date('2025-06-04T00:00:00Z'));
    // gains 06-01 +12, 06-02 +7, 06-03 +0, 06-04 +21 from 5000: 06-03 = 4979, 06-02 = 4979, 06-01 = 4972.
    expect(rows.map((r) => [r.day, r.followers])).toEqual([
      ['2025-06-01', 4972],
      ['2025-06-02', 4979],
      ['2025-06-03', 4979],
    ]);
    const q = server.requests[0].query;
    expect([q.get('period'), q.get('since'), q.get('until')]).toEqual([
      'day',
      String(Date.parse('2025-05-07T00:00:00Z') / 1000),
      String(Date.parse('2025-06-05T10:00:00Z') / 1000),
    ]);
  });

  it('has no follower history for a competitor, nor under 100 followers (#100)', async () => {
    const since = new Date('2025-03-01T00:00:00Z');
    expect(await ig.getFollowerHistory({ ...account, isCompetitor: true }, since, new Date())).toEqual([]);
    expect(server.requests).toHaveLength(0);
    server.route(() => json({ error: { message: '(#100) The follower_count metric is not available for accounts with fewer than 100 followers', code: 100 } }, 400));
    expect(await ig.getFollowerHistory(account, since, new Date())).toEqual([]);
  });
});
