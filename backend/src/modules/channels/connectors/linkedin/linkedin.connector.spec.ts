import type { ConnectorAccount } from '../channel-connector';
import { FixtureServer, fixtureText, json } from '../__tests__/fixture-server';
import { LinkedinConnector } from './linkedin.connector';

// Fixtures are hand-written in the documented Community Management API shapes (no licensed recording).
const server = new FixtureServer();
const li = new LinkedinConnector();
let account: ConnectorAccount;

beforeAll(async () => {
  const url = await server.start();
  account = { platform: 'linkedin', handle: 'vigie', externalId: '2414183', baseUrl: `${url}/linkedin`, credentials: { accessToken: 'AQVfakeLinkedInToken123' }, isCompetitor: false };
});
afterAll(() => server.stop());

describe('LinkedinConnector over HTTP', () => {
  it('lists posts by author and joins organic share statistics', async () => {
    server.route((r) => (r.path === '/linkedin/rest/posts' ? { body: fixtureText('linkedin', 'posts.json') } : undefined));
    server.route((r) => (r.path === '/linkedin/rest/organizationalEntityShareStatistics' ? { body: fixtureText('linkedin', 'share_statistics.json') } : undefined));
    const page = await li.listPosts(account, { cursor: null, page: null, since: new Date('2024-01-01T00:00:00Z') });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ externalId: 'urn:li:share:7150000000000000001', publishedAt: '2024-01-09T09:00:00.000Z', impressionsDefinition: 'impressions' });
    expect(page.items[0].metrics).toEqual({ impressions: 1204, reach: 812, reactions: 31, comments: 3, shares: 4, saves: null, clicks: 23, videoViews: null });
    expect(page.nextPage).toBeNull();
    expect(server.requests[0].query.get('author')).toBe('urn:li:organization:2414183');
    expect(server.requests[0].headers['linkedin-version']).toBe('202501');
    expect(server.requests[1].query.get('shares')).toBe('List(urn:li:share:7150000000000000001)');
  });

  it('reads followers from networkSizes', async () => {
    server.route((r) => (r.path.startsWith('/linkedin/rest/networkSizes/') ? json({ firstDegreeSize: 5321 }) : undefined));
    expect((await li.getAccountStats(account, new Date('2024-03-01T00:00:00Z'))).followers).toBe(5321);
  });

  it('rebuilds daily followers from follower statistics (DAY intervals up to now) and networkSizes', async () => {
    server.reset();
    const clocked = new LinkedinConnector({ now: () => Date.parse('2025-06-05T10:00:00Z') });
    server.route((r) =>
      r.path === '/linkedin/rest/organizationalEntityFollowerStatistics' ? { body: fixtureText('linkedin', 'follower_statistics_day.json') } : undefined,
    );
    server.route((r) => (r.path.startsWith('/linkedin/rest/networkSizes/') ? json({ firstDegreeSize: 5000 }) : undefined));
    const rows = await clocked.getFollowerHistory(account, new Date('2025-06-01T00:00:00Z'), new Date('2025-06-05T00:00:00Z'));
    expect(rows.map((r) => [r.day, r.followers])).toEqual([
      ['2025-06-01', 4984],
      ['2025-06-02', 4982],
      ['2025-06-03', 4994],
      ['2025-06-04', 5000],
    ]);
    const q = server.requests[0].query;
    expect(q.get('organizationalEntity')).toBe('urn:li:organization:2414183');
    expect(q.get('timeIntervals')).toBe('(timeRange:(start:1748736000000,end:1749117600000),timeGranularityType:DAY)');
    expect(await clocked.getFollowerHistory({ ...account, isCompetitor: true }, new Date('2025-06-01T00:00:00Z'), new Date())).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });
});
