import { account, get } from './helpers';
import type { Json } from './helpers';
import { findComment, postsWithComments, truthOf, useSandbox } from './writes-helpers';

const env = useSandbox();

describe('Mastodon inbox writes', () => {
  const m = () => account(env.t.sb, 'mastodon');
  const descendants = async (id: string): Promise<Json[]> => (await get(`${env.t.sb.url}/mastodon/api/v1/statuses/${id}/context`)).body.descendants;

  let post: string;
  let target: Json;
  beforeAll(async () => {
    ({ post, comment: target } = await findComment(await postsWithComments(env.t, 'mastodon'), descendants, (s) => s.account.id !== m().externalId));
  });

  it('POST /api/v1/statuses replies once; the same Idempotency-Key returns the same status and creates nothing', async () => {
    const before = await truthOf(env.t, m().key, post);
    const form = { status: `@${target.account.acct} Merci, on s’en occupe !`, in_reply_to_id: target.id, visibility: 'public' };
    const headers = { 'idempotency-key': 'inbox-reply-42' };
    const first = await env.call('POST', '/mastodon/api/v1/statuses', { bearer: m().token, form, headers });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ in_reply_to_id: target.id, in_reply_to_account_id: target.account.id, account: { id: m().externalId }, visibility: 'public' });
    const replay = await env.call('POST', '/mastodon/api/v1/statuses', { bearer: m().token, form: { ...form, status: 'autre texte' }, headers });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    expect((await descendants(post)).filter((s) => s.id === first.body.id)).toHaveLength(1);
    expect(env.t.sb.writes('mastodon').filter((w) => w.action === 'reply')).toHaveLength(1);
    expect(await truthOf(env.t, m().key, post)).toMatchObject({ comments: before.comments + 1, fromBrand: before.fromBrand + 1 });
    // The key is per account and lasts an hour.
    env.t.clock.t += 3_600_001;
    const later = await env.call('POST', '/mastodon/api/v1/statuses', { bearer: m().token, form, headers });
    expect(later.body.id).not.toBe(first.body.id);
    expect((await env.call('DELETE', `/mastodon/api/v1/statuses/${later.body.id}`, { bearer: m().token })).status).toBe(200);
  });

  it('favourites (favourited:true on the next read), validates the text, deletes its own status only', async () => {
    const fav = await env.call('POST', `/mastodon/api/v1/statuses/${target.id}/favourite`, { bearer: m().token });
    expect(fav.body).toMatchObject({ id: target.id, favourited: true, favourites_count: target.favourites_count + 1 });
    const seen = (await get(`${env.t.sb.url}/mastodon/api/v1/statuses/${post}/context`, { headers: { authorization: `Bearer ${m().token}` } })).body.descendants.find((s: Json) => s.id === target.id);
    expect(seen.favourited).toBe(true);

    expect(await env.call('POST', '/mastodon/api/v1/statuses', { bearer: m().token, form: { status: ' ', in_reply_to_id: target.id } })).toMatchObject({ status: 422, body: { error: "Validation failed: Text can't be blank" } });
    expect(await env.call('DELETE', `/mastodon/api/v1/statuses/${target.id}`, { bearer: m().token })).toMatchObject({ status: 404, body: { error: 'Record not found' } });

    const reply = env.t.sb.writes('mastodon').find((w) => w.action === 'reply')!.id!;
    const del = await env.call('DELETE', `/mastodon/api/v1/statuses/${reply}`, { bearer: m().token });
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ id: reply, text: expect.stringContaining('Merci, on s’en occupe !') });
    expect((await descendants(post)).map((s) => s.id)).not.toContain(reply);
    const again = await env.call('POST', '/mastodon/api/v1/statuses', { bearer: m().token, form: { status: 'x', in_reply_to_id: reply } });
    expect(again).toMatchObject({ status: 404, body: { error: 'The post you are trying to reply to does not appear to exist.' } });
    expect((await env.call('POST', '/mastodon/api/v1/statuses', { form: { status: 'x', in_reply_to_id: target.id } })).status).toBe(401);
  });
});

describe('Bluesky inbox writes', () => {
  const b = () => account(env.t.sb, 'bluesky');
  const thread = async (uri: string): Promise<Json[]> => {
    const r = await get(`${env.t.sb.url}/bluesky/xrpc/app.bsky.feed.getPostThread?uri=${encodeURIComponent(uri)}&depth=10`, { headers: { authorization: `Bearer ${b().token}` } });
    const out: Json[] = [];
    const walk = (n: Json, parent: string) => (n.replies ?? []).forEach((x: Json) => (out.push({ ...x.post, parentUri: parent }), walk(x, x.post.uri)));
    walk(r.body.thread, uri);
    return out;
  };
  const create = (body: Json, token = b().token) => env.call('POST', '/bluesky/xrpc/com.atproto.repo.createRecord', { bearer: token, json: body });

  let post: string;
  let target: Json;
  beforeAll(async () => {
    ({ post, comment: target } = await findComment(await postsWithComments(env.t, 'bluesky'), thread, (p) => p.author.did !== b().externalId));
  });

  it('createRecord with a deterministic rkey lands once under the answered post; the same rkey again is "Record already exists"; getRecord reads it back', async () => {
    const root = (await get(`${env.t.sb.url}/bluesky/xrpc/app.bsky.feed.getPosts?uris=${encodeURIComponent(post)}`)).body.posts[0];
    const record = { $type: 'app.bsky.feed.post', text: 'Merci pour votre retour 🙏', createdAt: env.t.sb.now().toISOString(), reply: { root: { uri: root.uri, cid: root.cid }, parent: { uri: target.uri, cid: target.cid } } };
    const body = { repo: b().externalId, collection: 'app.bsky.feed.post', rkey: '3inboxreply001', record };
    const r = await create(body);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ uri: `at://${b().externalId}/app.bsky.feed.post/3inboxreply001`, cid: expect.any(String), commit: { cid: expect.any(String), rev: expect.any(String) } });
    expect(await create(body)).toMatchObject({ status: 400, body: { error: 'InvalidRequest', message: 'Record already exists' } });
    const mine = (await thread(post)).filter((p) => p.uri === r.body.uri);
    expect(mine).toEqual([expect.objectContaining({ cid: r.body.cid, author: expect.objectContaining({ did: b().externalId }), parentUri: target.uri, record: expect.objectContaining({ text: record.text }) })]);
    const rec = await get(`${env.t.sb.url}/bluesky/xrpc/com.atproto.repo.getRecord?repo=${b().externalId}&collection=app.bsky.feed.post&rkey=3inboxreply001`);
    expect(rec.body).toEqual({ uri: r.body.uri, cid: r.body.cid, value: expect.objectContaining({ text: record.text, reply: record.reply }) });
    expect(env.t.sb.writes('bluesky').filter((w) => w.action === 'reply')).toHaveLength(1);
  });

  it('likes (likeCount + viewer.like), deletes its reply; writing into another brand\'s repo is refused', async () => {
    const like = await create({ repo: b().externalId, collection: 'app.bsky.feed.like', record: { $type: 'app.bsky.feed.like', subject: { uri: target.uri, cid: target.cid }, createdAt: env.t.sb.now().toISOString() } });
    expect(like.status).toBe(200);
    expect((await thread(post)).find((p) => p.uri === target.uri)).toMatchObject({ likeCount: target.likeCount + 1, viewer: expect.objectContaining({ like: like.body.uri }) });

    const foreign = await create({ repo: account(env.t.sb, 'bluesky', 'cafe-brule').externalId, collection: 'app.bsky.feed.post', record: { text: 'x' } });
    expect(foreign).toMatchObject({ status: 401, body: { error: 'AuthenticationRequired' } });

    const del = await env.call('POST', '/bluesky/xrpc/com.atproto.repo.deleteRecord', { bearer: b().token, json: { repo: b().externalId, collection: 'app.bsky.feed.post', rkey: '3inboxreply001' } });
    expect(del).toMatchObject({ status: 200, body: { commit: expect.any(Object) } });
    expect((await thread(post)).map((p) => p.uri)).not.toContain(`at://${b().externalId}/app.bsky.feed.post/3inboxreply001`);
    const rec = await get(`${env.t.sb.url}/bluesky/xrpc/com.atproto.repo.getRecord?repo=${b().externalId}&collection=app.bsky.feed.post&rkey=3inboxreply001`);
    expect(rec).toMatchObject({ status: 400, body: { error: 'RecordNotFound' } });
  });
});

describe('Reddit inbox writes', () => {
  const r = () => account(env.t.sb, 'reddit');
  const tree = async (id: string, token?: string): Promise<Json[]> => {
    const res = await get(`${env.t.sb.url}/reddit/comments/${id}.json?limit=500`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    const out: Json[] = [];
    const walk = (l: Json) => l.data.children.forEach((c: Json) => (out.push(c.data), typeof c.data.replies === 'object' && walk(c.data.replies)));
    walk(res.body[1]);
    return out;
  };
  const api = (path: string, form: Record<string, string>, token = r().token) => env.call('POST', `/reddit${path}`, { bearer: token, form: { api_type: 'json', ...form } });

  let post: string;
  let target: Json;
  beforeAll(async () => {
    ({ post, comment: target } = await findComment(await postsWithComments(env.t, 'reddit'), tree, (c) => !c.distinguished && c.author !== '[deleted]'));
  });

  it('POST /api/comment lands once as a t1 of the brand under the answered comment', async () => {
    const before = await truthOf(env.t, r().key, post);
    const res = await api('/api/comment', { thing_id: target.name, text: 'Merci, on vous répond en message privé.' });
    expect(res.status).toBe(200);
    expect(res.body.json.errors).toEqual([]);
    const thing = res.body.json.data.things[0];
    expect(thing).toMatchObject({ kind: 't1', data: { parent_id: target.name, link_id: `t3_${post}`, author: 'MaisonLumiere_Officiel', body: 'Merci, on vous répond en message privé.', name: `t1_${thing.data.id}` } });
    expect((await tree(post)).filter((c) => c.id === thing.data.id)).toEqual([expect.objectContaining({ parent_id: target.name, author: 'MaisonLumiere_Officiel' })]);
    expect(await truthOf(env.t, r().key, post)).toMatchObject({ comments: before.comments + 1, fromBrand: before.fromBrand + 1 });
  });

  it('votes, removes as moderator (flagged for the mod, [removed] for others), refuses removal outside its subreddit', async () => {
    expect(await api('/api/vote', { id: target.name, dir: '1' })).toMatchObject({ status: 200, body: {} });
    expect((await tree(post, r().token)).find((c) => c.id === target.id)).toMatchObject({ likes: true, score: target.score + 1 });

    expect(await api('/api/remove', { id: target.name, spam: 'false' })).toMatchObject({ status: 200, body: {} });
    expect((await tree(post, r().token)).find((c) => c.id === target.id)).toMatchObject({ removed: true, body: target.body, banned_by: 'MaisonLumiere_Officiel' });
    expect((await tree(post)).find((c) => c.id === target.id)).toMatchObject({ body: '[removed]', author: '[deleted]' });
    expect((await api('/api/approve', { id: target.name })).status).toBe(200);
    expect((await tree(post)).find((c) => c.id === target.id)).toMatchObject({ body: target.body });

    const foreign = await api('/api/remove', { id: target.name }, account(env.t.sb, 'reddit', 'cafe-brule').token);
    expect(foreign).toMatchObject({ status: 403, body: { message: 'Forbidden', error: 403 } });
  });

  it('/api/del deletes its own comment only; answering a deleted comment is DELETED_COMMENT', async () => {
    const reply = env.t.sb.writes('reddit').find((w) => w.action === 'reply')!.id!;
    await api('/api/del', { id: target.name });
    expect((await tree(post)).map((c) => c.id)).toContain(target.id);
    expect(await api('/api/del', { id: `t1_${reply}` })).toMatchObject({ status: 200, body: {} });
    expect((await tree(post)).map((c) => c.id)).not.toContain(reply);
    const again = await api('/api/comment', { thing_id: `t1_${reply}`, text: 'x' });
    expect(again.body).toEqual({ json: { errors: [['DELETED_COMMENT', 'that comment has been deleted', 'parent']] } });
  });
});

describe('Reddit deleted comments that still have replies', () => {
  it('stay as [deleted] stubs with their replies (counted, not as the brand\'s)', async () => {
    const r = account(env.t.sb, 'reddit');
    const [post] = await postsWithComments(env.t, 'reddit');
    const api = (path: string, form: Record<string, string>) => env.call('POST', `/reddit${path}`, { bearer: r.token, form: { api_type: 'json', ...form } });
    const first = (await api('/api/comment', { thing_id: `t3_${post}`, text: 'Premier message de la marque' })).body.json.data.things[0].data;
    const second = (await api('/api/comment', { thing_id: first.name, text: 'Précision de la marque' })).body.json.data.things[0].data;
    const before = await truthOf(env.t, r.key, post);
    await api('/api/del', { id: first.name });
    const listing = (await get(`${env.t.sb.url}/reddit/comments/${post}.json`)).body[1].data.children.map((c: Json) => c.data);
    const stub = listing.find((c: Json) => c.id === first.id);
    expect(stub).toMatchObject({ body: '[deleted]', author: '[deleted]' });
    expect(stub.replies.data.children[0].data).toMatchObject({ id: second.id, body: 'Précision de la marque' });
    expect(await truthOf(env.t, r.key, post)).toMatchObject({ comments: before.comments, fromBrand: before.fromBrand - 1 });
  });
});

describe('reset', () => {
  it('forgets every write', async () => {
    expect(env.t.sb.writes().length).toBeGreaterThan(5);
    await env.call('POST', '/__sandbox/reset');
    expect(env.t.sb.writes()).toEqual([]);
    expect((await get(`${env.t.sb.url}/__sandbox/writes`)).body).toEqual({ writes: [] });
  });
});
