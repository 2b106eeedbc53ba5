import { BlueskyConnector, tidFromKey } from './bluesky/bluesky.connector';
import type { ConnectorAccount } from './channel-connector';
import { ConnectorErrorCode } from './connector-error';
import { FacebookConnector } from './facebook/facebook.connector';
import { MastodonConnector } from './mastodon/mastodon.connector';
import { RedditConnector } from './reddit/reddit.connector';
import { FixtureServer, json } from './__tests__/fixture-server';

const server = new FixtureServer();
let url = '';
beforeAll(async () => {
  url = await server.start();
});
afterAll(() => server.stop());
afterEach(() => server.reset());

const account = (platform: ConnectorAccount['platform'], extra: Partial<ConnectorAccount> = {}): ConnectorAccount => ({
  platform,
  handle: 'lumiere',
  externalId: 'page-1',
  baseUrl: url,
  credentials: { accessToken: 'tok-secret' },
  isCompetitor: false,
  ...extra,
});
const target = { externalId: 'c-1', postExternalId: 'p-1', parentExternalId: null };

describe('answer capability', () => {
  it('facebook: POST /{comment}/comments as the Page; a deleted comment (#100 subcode 33) is target_gone', async () => {
    server.route((r) => (r.method === 'POST' && r.path === '/v21.0/c-1/comments' ? json({ id: 'p-1_r-9' }) : undefined));
    const fb = new FacebookConnector();
    await expect(fb.reply(account('facebook'), target, 'Merci !')).resolves.toEqual({ externalId: 'p-1_r-9', publishedAt: null });
    expect(new URLSearchParams(server.requests[0]!.body).get('message')).toBe('Merci !');
    server.reset();
    server.route(() => json({ error: { message: "Unsupported post request. Object with ID 'c-1' does not exist", type: 'GraphMethodException', code: 100, error_subcode: 33 } }, 400));
    await expect(fb.reply(account('facebook'), target, 'x')).rejects.toMatchObject({ code: ConnectorErrorCode.NOT_FOUND, reason: 'target_gone' });
    server.reset();
    server.route(() => json({ error: { message: '(#200) Permissions error', code: 200 } }, 403));
    await expect(fb.setHidden(account('facebook'), target, true)).rejects.toMatchObject({ reason: 'permission_missing' });
  });

  it('mastodon: sends the Idempotency-Key and in_reply_to_id', async () => {
    server.route((r) => (r.path === '/api/v1/statuses' ? json({ id: '42', created_at: '2026-01-01T00:00:00.000Z' }) : undefined));
    const r = await new MastodonConnector().reply(account('mastodon'), target, 'Bonjour', 'key-1');
    expect(r.externalId).toBe('42');
    expect(server.requests[0]!.headers['idempotency-key']).toBe('key-1');
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ status: 'Bonjour', in_reply_to_id: 'c-1' });
  });

  it('bluesky: deterministic TID rkey; "Record already exists" resolves to the first record', async () => {
    const rkey = tidFromKey('k-1');
    expect(rkey).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
    expect(tidFromKey('k-1')).toBe(rkey);
    expect(tidFromKey('k-2')).not.toBe(rkey);
    const uri = 'at://did:plc:fan/app.bsky.feed.post/3abc';
    const mine = `at://did:plc:brand/app.bsky.feed.post/${rkey}`;
    server.route((r) => {
      if (r.path === '/xrpc/com.atproto.repo.getRecord' && r.query.get('repo') === 'did:plc:fan') return json({ uri, cid: 'cid-fan', value: { text: 'q' } });
      if (r.path === '/xrpc/com.atproto.repo.createRecord') return json({ error: 'InvalidRequest', message: 'Record already exists' }, 400);
      if (r.path === '/xrpc/com.atproto.repo.getRecord' && r.query.get('rkey') === rkey) return json({ uri: mine, cid: 'cid-mine', value: { createdAt: '2026-01-01T00:00:00.000Z' } });
      return undefined;
    });
    const r = await new BlueskyConnector().reply(account('bluesky', { externalId: 'did:plc:brand' }), { ...target, externalId: uri }, 'Merci', 'k-1');
    expect(r.externalId).toBe(mine);
    const create = JSON.parse(server.requests.find((q) => q.path.endsWith('createRecord'))!.body) as { rkey: string; record: { reply: unknown } };
    expect(create.rkey).toBe(rkey);
    expect(create.record.reply).toEqual({ root: { uri, cid: 'cid-fan' }, parent: { uri, cid: 'cid-fan' } });
  });

  it('reddit: form-encoded /api/comment; RATELIMIT in json.errors is a rate limit with its delay', async () => {
    server.route(() => json({ json: { errors: [['RATELIMIT', 'you are doing that too much. try again in 3 minutes.', 'ratelimit']] } }));
    await expect(new RedditConnector().reply(account('reddit'), target, 'Hello')).rejects.toMatchObject({ code: ConnectorErrorCode.RATE_LIMITED, retryAfterMs: 180_000 });
    expect(new URLSearchParams(server.requests[0]!.body).get('thing_id')).toBe('t1_c-1');
  });
});
