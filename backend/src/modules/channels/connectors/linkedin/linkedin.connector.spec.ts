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

  it('follows the next link even when a page holds fewer posts than asked, and stops without one', async () => {
    server.reset();
    const post = (n: number) => ({ id: `urn:li:share:71500000000000000${n}`, author: 'urn:li:organization:2414183', commentary: `p${n}`, createdAt: 1704790800000 + n, publishedAt: 1704790800000 + n });
    const next = { type: 'application/json', rel: 'next', href: '/rest/posts?author=urn%3Ali%3Aorganization%3A2414183&count=2&q=author&start=2' };
    server.route((r) =>
      r.path === '/linkedin/rest/posts'
        ? json(r.query.get('start') === '0' ? { paging: { start: 0, count: 2, links: [next] }, elements: [post(2), post(1)] } : { paging: { start: 2, count: 2, links: [] }, elements: [post(0)] })
        : undefined,
    );
    server.route((r) => (r.path === '/linkedin/rest/organizationalEntityShareStatistics' ? json({ elements: [] }) : undefined));
    const since = new Date('2024-01-01T00:00:00Z');
    const p1 = await li.listPosts(account, { cursor: null, page: null, since });
    expect(p1.items).toHaveLength(2);
    expect(p1.nextPage).not.toBeNull();
    const p2 = await li.listPosts(account, { cursor: null, page: p1.nextPage, since });
    expect(p2.items.map((p) => p.text)).toEqual(['p0']);
    expect(p2.nextPage).toBeNull();
    expect(server.requests.filter((r) => r.path === '/linkedin/rest/posts').map((r) => r.query.get('start'))).toEqual(['0', '2']);
  });

  it('reads each comment with its replies (listed under the comment URN), replies pointing at the comment id', async () => {
    server.reset();
    const act = 'urn:li:activity:7150000000000000009';
    const comment = {
      id: '7150000000000000101',
      commentUrn: `urn:li:comment:(${act},7150000000000000101)`,
      actor: 'urn:li:person:abc',
      created: { time: 1704800000000 },
      message: { text: 'Vous recrutez des alternants ?' },
      object: act,
      commentsSummary: { totalFirstLevelComments: 1, aggregatedTotalComments: 1 },
    };
    const quiet = { ...comment, id: '7150000000000000102', commentUrn: `urn:li:comment:(${act},7150000000000000102)`, commentsSummary: { totalFirstLevelComments: 0 } };
    const reply = {
      id: '7150000000000000201',
      actor: 'urn:li:organization:2414183',
      created: { time: 1704803600000 },
      message: { text: 'Oui, écrivez-nous !' },
      object: act,
      parentComment: comment.commentUrn,
    };
    server.route((r) => {
      if (r.path === `/linkedin/rest/socialActions/${encodeURIComponent('urn:li:share:7150000000000000001')}/comments`) {
        return json({ paging: { start: 0, count: 100, links: [] }, elements: [comment, quiet] });
      }
      if (r.path === `/linkedin/rest/socialActions/${encodeURIComponent(comment.commentUrn)}/comments`) return json({ paging: { start: 0, count: 100, links: [] }, elements: [reply] });
      return undefined;
    });
    const page = await li.listComments(account, { externalId: 'urn:li:share:7150000000000000001' }, null);
    expect(page.items.map((c) => [c.externalId, c.parentExternalId, c.isFromBrand])).toEqual([
      ['7150000000000000101', null, false],
      ['7150000000000000201', '7150000000000000101', true],
      ['7150000000000000102', null, false],
    ]);
    expect(page.nextPage).toBeNull();
    // No request for the comment without replies.
    expect(server.requests).toHaveLength(2);
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
