import type { ConnectorAccount } from '../channel-connector';
import { FixtureServer, json } from '../__tests__/fixture-server';
import { MastodonConnector } from './mastodon.connector';

const server = new FixtureServer();
const masto = new MastodonConnector();
let account: ConnectorAccount;

beforeAll(async () => {
  const url = await server.start();
  account = { platform: 'mastodon', handle: 'vigie@mastodon.example', externalId: '109000000000000001', baseUrl: url, credentials: null, isCompetitor: false };
});
afterAll(() => server.stop());

const status = (id: string, createdAt: string) => ({
  id,
  created_at: createdAt,
  content: `<p>s${id}</p>`,
  url: `https://mastodon.example/@vigie/${id}`,
  account: { id: '109000000000000001', acct: 'vigie', display_name: 'Vigie', followers_count: 10 },
  replies_count: 0,
  reblogs_count: 0,
  favourites_count: 2,
  media_attachments: [],
});

describe('MastodonConnector over HTTP', () => {
  it("pages the account's statuses by the Link header, without reblogs nor its replies (those are comments)", async () => {
    server.route((r) => {
      if (r.path !== '/api/v1/accounts/109000000000000001/statuses') return undefined;
      if (r.query.get('max_id')) return json([status('111', '2024-01-02T00:00:00.000Z')]);
      return json([status('113', '2024-01-03T00:00:00.000Z')], 200, {
        link: `<${server.url}/api/v1/accounts/109000000000000001/statuses?limit=40&max_id=113>; rel="next", <${server.url}/api/v1/accounts/109000000000000001/statuses?min_id=113>; rel="prev"`,
      });
    });
    const since = new Date('2024-01-01T00:00:00Z');
    const p1 = await masto.listPosts(account, { cursor: null, page: null, since });
    const p2 = await masto.listPosts(account, { cursor: null, page: p1.nextPage, since });
    expect([...p1.items, ...p2.items].map((p) => p.externalId)).toEqual(['113', '111']);
    expect(p2.nextCursor).toMatchObject({ sinceId: '113', newestId: '113' });
    expect(server.requests[0].query.get('exclude_replies')).toBe('true');
    expect(server.requests[0].query.get('exclude_reblogs')).toBe('true');
    expect(server.requests[1].query.get('max_id')).toBe('113');
  });
});
