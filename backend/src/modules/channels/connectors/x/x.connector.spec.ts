import type { ConnectorAccount } from '../channel-connector';
import { FixtureServer, json } from '../__tests__/fixture-server';
import { XConnector } from './x.connector';

const server = new FixtureServer();
const x = new XConnector();
let account: ConnectorAccount;

beforeAll(async () => {
  const url = await server.start();
  account = { platform: 'x', handle: 'vigie', externalId: '2244994945', baseUrl: `${url}/x`, credentials: { bearerToken: 'AAAAfakeBearerToken0123' }, isCompetitor: false };
});
afterAll(() => server.stop());

const tweet = (id: string, createdAt: string) => ({ id, text: `t${id}`, created_at: createdAt, author_id: '2244994945', public_metrics: { like_count: 1, reply_count: 0, retweet_count: 0, quote_count: 0 } });

describe('XConnector over HTTP', () => {
  it("reads the account's own tweets without its replies, and keeps the first page's newest id as since_id", async () => {
    server.route((r) =>
      r.path === '/x/2/users/2244994945/tweets'
        ? json(
            r.query.get('pagination_token')
              ? { data: [tweet('1700000000000000001', '2024-01-02T00:00:00.000Z')], meta: { newest_id: '1700000000000000001', result_count: 1 } }
              : { data: [tweet('1700000000000000003', '2024-01-03T00:00:00.000Z')], meta: { newest_id: '1700000000000000003', result_count: 1, next_token: 'p2' } },
          )
        : undefined,
    );
    const since = new Date('2024-01-01T00:00:00Z');
    const p1 = await x.listPosts(account, { cursor: null, page: null, since });
    const p2 = await x.listPosts(account, { cursor: null, page: p1.nextPage, since });
    expect([...p1.items, ...p2.items].map((p) => p.externalId)).toEqual(['1700000000000000003', '1700000000000000001']);
    expect(p2.nextPage).toBeNull();
    expect(p2.nextCursor).toMatchObject({ sinceId: '1700000000000000003', newestId: '1700000000000000003' });
    // Replies by the brand come back as comments of the conversations they answer.
    expect(server.requests[0].query.get('exclude')).toBe('retweets,replies');
    expect(server.requests[1].query.get('pagination_token')).toBe('p2');
  });

  it('reads replies by conversation search, leaving out the conversation root (the post itself)', async () => {
    server.reset();
    const reply = { ...tweet('1700000000000000005', '2024-01-03T01:00:00.000Z'), author_id: '42', conversation_id: '1700000000000000003', referenced_tweets: [{ type: 'replied_to', id: '1700000000000000003' }] };
    const root = { ...tweet('1700000000000000003', '2024-01-03T00:00:00.000Z'), conversation_id: '1700000000000000003' };
    server.route((r) => (r.path === '/x/2/tweets/search/recent' ? json({ data: [reply, root], meta: { result_count: 2 } }) : undefined));
    const page = await x.listComments(account, { externalId: '1700000000000000003' }, null);
    expect(page.items.map((c) => [c.externalId, c.parentExternalId, c.isFromBrand])).toEqual([['1700000000000000005', null, false]]);
    expect(server.requests[0].query.get('query')).toBe('conversation_id:1700000000000000003');
  });
});
