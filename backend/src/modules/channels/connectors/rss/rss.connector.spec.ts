import type { ConnectorAccount } from '../channel-connector';
import { FixtureServer, fixtureText } from '../__tests__/fixture-server';
import { RssConnector } from './rss.connector';

const server = new FixtureServer();
const rss = new RssConnector();
let account: ConnectorAccount;

beforeAll(async () => {
  const url = await server.start();
  account = { platform: 'rss', handle: 'https://www.heise.de/developer/rss/news-atom.xml', externalId: null, baseUrl: `${url}/rss`, credentials: null, isCompetitor: false };
});
afterAll(() => server.stop());

describe('RssConnector over HTTP', () => {
  it('replaces scheme+host with baseUrl, stores validators, and answers 304 with no items', async () => {
    server.route((r) => {
      if (r.path !== '/rss/developer/rss/news-atom.xml') return undefined;
      if (r.headers['if-none-match'] === '"v1"') return { status: 304 };
      return { headers: { 'content-type': 'application/atom+xml; charset=utf-8', etag: '"v1"', 'last-modified': 'Mon, 01 Feb 2016 17:00:00 GMT' }, body: fixtureText('rss', 'heise.atom') };
    });
    const since = new Date('2016-01-01T00:00:00Z');
    const first = await rss.listPosts(account, { cursor: null, page: null, since });
    expect(first.items).toHaveLength(15);
    expect(first.items[0].publishedAt).toBe('2016-02-01T16:22:00.000Z');
    expect(first.nextPage).toBeNull();
    expect(first.nextCursor).toMatchObject({ etag: '"v1"', lastModified: 'Mon, 01 Feb 2016 17:00:00 GMT', newestAt: '2016-02-01T16:22:00.000Z' });
    const second = await rss.listPosts(account, { cursor: first.nextCursor, page: null, since });
    expect(second.items).toEqual([]);
    expect(second.nextCursor).toEqual(first.nextCursor);
    expect(server.requests[1].headers['if-modified-since']).toBe('Mon, 01 Feb 2016 17:00:00 GMT');
  });

  it('searches the feed as a listening source', async () => {
    const found = await rss.search({ ...account }, 'wildfly', new Date('2016-01-01T00:00:00Z'));
    expect(found.items.map((m) => m.permalink)).toEqual([expect.stringContaining('Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei')]);
    expect(found.items[0].source).toBe('rss:www.heise.de');
  });
});
