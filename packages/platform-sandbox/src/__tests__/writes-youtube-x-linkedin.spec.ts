import { account, get } from './helpers';
import type { Json } from './helpers';
import type { Ctx } from '../http/context';
import { youtube } from '../platforms/youtube';
import { LINKEDIN_HEADERS, findComment, postsWithComments, truthOf, useSandbox } from './writes-helpers';

const env = useSandbox();

describe('YouTube Data v3 inbox writes', () => {
  const yt = () => account(env.t.sb, 'youtube');
  const threads = async (video: string, extra = ''): Promise<Json[]> =>
    (await get(`${env.t.sb.url}/youtube/youtube/v3/commentThreads?part=snippet,replies&videoId=${video}&maxResults=100&key=${yt().token}${extra}`)).body.items ?? [];
  const repliesOf = async (parentId: string): Promise<Json[]> =>
    (await get(`${env.t.sb.url}/youtube/youtube/v3/comments?part=snippet&parentId=${parentId}&maxResults=100&key=${yt().token}`)).body.items;

  let video: string;
  let thread: Json;
  beforeAll(async () => {
    ({ post: video, comment: thread } = await findComment(await postsWithComments(env.t, 'youtube'), threads, (x) => x.snippet.topLevelComment.snippet.authorChannelId.value !== yt().externalId));
  });

  it('comments.insert (OAuth) lands once as a reply of the channel under the answered comment; an API key alone is refused', async () => {
    const before = await truthOf(env.t, yt().key, video);
    const body = { snippet: { parentId: thread.id, textOriginal: 'Merci beaucoup !' } };
    const keyOnly = await env.call('POST', `/youtube/youtube/v3/comments?part=snippet&key=${yt().token}`, { json: body });
    expect(keyOnly.status).toBe(401);
    expect(keyOnly.body.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED', errors: [expect.objectContaining({ reason: 'required' })] });

    const r = await env.call('POST', '/youtube/youtube/v3/comments?part=snippet', { bearer: yt().token, json: body });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ kind: 'youtube#comment', id: expect.stringMatching(new RegExp(`^${thread.id}\\.`)), snippet: { parentId: thread.id, textOriginal: 'Merci beaucoup !', authorChannelId: { value: yt().externalId } } });
    expect((await repliesOf(thread.id)).filter((c) => c.id === r.body.id)).toHaveLength(1);
    const th = (await threads(video)).find((x) => x.id === thread.id)!;
    expect(th.snippet.totalReplyCount).toBe(thread.snippet.totalReplyCount + 1);
    expect(await truthOf(env.t, yt().key, video)).toMatchObject({ comments: before.comments + 1, fromBrand: before.fromBrand + 1 });
    expect(env.t.sb.writes('youtube')).toEqual([expect.objectContaining({ action: 'reply', target: thread.id, id: r.body.id })]);
  });

  it('counts 50 quota units per write (list calls 1, search 100)', () => {
    const cost = (method: string, path: string) => youtube.rateBucket!({ method, path, token: 'k' } as Ctx).cost;
    expect([cost('POST', '/youtube/v3/comments'), cost('POST', '/youtube/v3/comments/setModerationStatus'), cost('DELETE', '/youtube/v3/comments'), cost('GET', '/youtube/v3/comments'), cost('GET', '/youtube/v3/search')]).toEqual([50, 50, 50, 1, 100]);
  });

  it('setModerationStatus heldForReview takes the thread out of the public list (the owner lists it as held), published brings it back: 204 each', async () => {
    const set = (status: string, bearer = yt().token) => env.call('POST', `/youtube/youtube/v3/comments/setModerationStatus?id=${thread.id}&moderationStatus=${status}`, { bearer });
    const held = await set('heldForReview');
    expect(held.status).toBe(204);
    expect((await threads(video)).map((x) => x.id)).not.toContain(thread.id);
    const asOwner = await get(`${env.t.sb.url}/youtube/youtube/v3/commentThreads?part=snippet&videoId=${video}&moderationStatus=heldForReview`, { headers: { authorization: `Bearer ${yt().token}` } });
    expect(asOwner.body.items.map((x: Json) => x.id)).toEqual([thread.id]);
    expect(asOwner.body.items[0].snippet.topLevelComment.snippet.moderationStatus).toBe('heldForReview');
    expect((await set('published')).status).toBe(204);
    expect((await threads(video)).map((x) => x.id)).toContain(thread.id);

    const stranger = await set('rejected', account(env.t.sb, 'youtube', 'eclat-paris').token);
    expect(stranger.status).toBe(403);
    expect(stranger.body.error).toMatchObject({ code: 403, status: 'PERMISSION_DENIED', errors: [expect.objectContaining({ reason: 'forbidden' })] });
  });

  it("comments.delete removes the channel's own reply (204); deleting someone else's comment is forbidden; answering a deleted one is commentNotFound", async () => {
    const reply = env.t.sb.writes('youtube').find((w) => w.action === 'reply')!.id!;
    const others = await env.call('DELETE', `/youtube/youtube/v3/comments?id=${thread.id}`, { bearer: yt().token });
    expect(others.status).toBe(403);
    expect(others.body.error.errors[0].reason).toBe('forbidden');
    expect((await env.call('DELETE', `/youtube/youtube/v3/comments?id=${reply}`, { bearer: yt().token })).status).toBe(204);
    expect((await repliesOf(thread.id)).map((c) => c.id)).not.toContain(reply);
    const again = await env.call('POST', '/youtube/youtube/v3/comments?part=snippet', { bearer: yt().token, json: { snippet: { parentId: reply, textOriginal: 'x' } } });
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({ code: 404, status: 'NOT_FOUND', errors: [expect.objectContaining({ reason: 'commentNotFound', domain: 'youtube.comment' })] });
  });
});

describe('X API v2 inbox writes', () => {
  const x = () => account(env.t.sb, 'x');
  const auth = () => ({ authorization: `Bearer ${x().token}` });
  const conversation = async (id: string): Promise<Json[]> =>
    (await get(`${env.t.sb.url}/x/2/tweets/search/recent?query=conversation_id:${id}&max_results=100&tweet.fields=author_id,referenced_tweets,public_metrics`, { headers: auth() })).body.data ?? [];

  let post: string;
  let target: Json;
  beforeAll(async () => {
    ({ post, comment: target } = await findComment(await postsWithComments(env.t, 'x'), conversation, (c) => c.author_id !== x().externalId));
  });

  it('POST /2/tweets with reply lands once (201) and the conversation search shows it as a reply of the brand to that tweet; the same text twice is refused', async () => {
    const body = { text: 'Merci, on regarde ça tout de suite !', reply: { in_reply_to_tweet_id: target.id } };
    const r = await env.call('POST', '/x/2/tweets', { bearer: x().token, json: body });
    expect(r.status).toBe(201);
    expect(r.body.data).toEqual({ id: expect.any(String), text: expect.stringContaining('Merci, on regarde ça tout de suite !'), edit_history_tweet_ids: [r.body.data.id] });
    const mine = (await conversation(post)).filter((c) => c.id === r.body.data.id);
    expect(mine).toEqual([expect.objectContaining({ author_id: x().externalId, text: r.body.data.text, referenced_tweets: [{ type: 'replied_to', id: target.id }] })]);
    const dup = await env.call('POST', '/x/2/tweets', { bearer: x().token, json: body });
    expect(dup).toMatchObject({ status: 403, body: { title: 'Forbidden', status: 403, detail: 'You are not allowed to create a Tweet with duplicate content.' } });
    expect(env.t.sb.writes('x').filter((w) => w.action === 'reply')).toHaveLength(1);
  });

  it('hides a reply in its own conversation (another brand may not), likes it as the token user only', async () => {
    const hide = await env.call('PUT', `/x/2/tweets/${target.id}/hidden`, { bearer: x().token, json: { hidden: true } });
    expect(hide).toMatchObject({ status: 200, body: { data: { hidden: true } } });
    const foreign = await env.call('PUT', `/x/2/tweets/${target.id}/hidden`, { bearer: account(env.t.sb, 'x', 'cafe-brule').token, json: { hidden: true } });
    expect(foreign).toMatchObject({ status: 403, body: { title: 'Forbidden', type: 'about:blank', status: 403 } });
    // Hidden replies stay reachable ("View hidden replies").
    expect((await conversation(post)).map((c) => c.id)).toContain(target.id);

    const like = await env.call('POST', `/x/2/users/${x().externalId}/likes`, { bearer: x().token, json: { tweet_id: target.id } });
    expect(like).toMatchObject({ status: 200, body: { data: { liked: true } } });
    expect((await conversation(post)).find((c) => c.id === target.id).public_metrics.like_count).toBe(target.public_metrics.like_count + 1);
    const onBehalf = await env.call('POST', `/x/2/users/${account(env.t.sb, 'x', 'cafe-brule').externalId}/likes`, { bearer: x().token, json: { tweet_id: target.id } });
    expect(onBehalf.status).toBe(403);
  });

  it('deletes its own reply ({deleted:true}), not others; replying to the deleted tweet is the real 403', async () => {
    const reply = env.t.sb.writes('x').find((w) => w.action === 'reply')!.id!;
    expect((await env.call('DELETE', `/x/2/tweets/${target.id}`, { bearer: x().token })).status).toBe(403);
    expect(await env.call('DELETE', `/x/2/tweets/${reply}`, { bearer: x().token })).toMatchObject({ status: 200, body: { data: { deleted: true } } });
    expect((await conversation(post)).map((c) => c.id)).not.toContain(reply);
    const again = await env.call('POST', '/x/2/tweets', { bearer: x().token, json: { text: 'encore', reply: { in_reply_to_tweet_id: reply } } });
    expect(again).toMatchObject({ status: 403, body: { title: 'Forbidden', status: 403, type: 'about:blank', detail: 'You attempted to reply to a Tweet that is deleted or not visible to you.' } });
  });
});

describe('LinkedIn (REST) inbox writes', () => {
  const li = () => account(env.t.sb, 'linkedin');
  const org = () => `urn:li:organization:${li().externalId}`;
  const headers = (token = li().token) => ({ ...LINKEDIN_HEADERS, authorization: `Bearer ${token}` });
  const comments = async (urn: string): Promise<Json[]> =>
    (await get(`${env.t.sb.url}/linkedin/rest/socialActions/${encodeURIComponent(urn)}/comments?count=100`, { headers: headers() })).body.elements;

  let post: string;
  let target: Json;
  beforeAll(async () => {
    ({ post, comment: target } = await findComment(await postsWithComments(env.t, 'linkedin'), comments, (c) => c.actor !== org()));
  });

  it('POST socialActions/{post}/comments with parentComment lands once (201, x-restli-id) under that comment, as the organization', async () => {
    const before = await truthOf(env.t, li().key, post);
    const r = await env.call('POST', `/linkedin/rest/socialActions/${encodeURIComponent(target.commentUrn)}/comments`, {
      headers: headers(),
      json: { actor: org(), object: target.object, message: { text: 'Merci pour ce retour !' }, parentComment: target.commentUrn },
    });
    expect(r.status).toBe(201);
    expect(r.headers.get('x-restli-id')).toBe(r.body.id);
    expect(r.body).toMatchObject({ actor: org(), parentComment: target.commentUrn, message: { text: 'Merci pour ce retour !' } });
    expect((await comments(target.commentUrn)).filter((c) => c.id === r.body.id)).toHaveLength(1);
    expect(await truthOf(env.t, li().key, post)).toMatchObject({ comments: before.comments + 1, replies: before.replies + 1, fromBrand: before.fromBrand + 1 });
  });

  it('reacts (201) and deletes its comment (204); another org as actor is ACCESS_DENIED; answering a deleted comment is NOT_FOUND', async () => {
    const like = await env.call('POST', `/linkedin/rest/reactions?actor=${encodeURIComponent(org())}`, { headers: headers(), json: { root: target.commentUrn, reactionType: 'LIKE' } });
    expect(like.status).toBe(201);
    expect(like.headers.get('x-restli-id')).toMatch(/^urn:li:reaction:\(/);
    expect((await comments(post)).find((c) => c.id === target.id).likesSummary).toMatchObject({ likedByCurrentUser: true, totalLikes: target.likesSummary.totalLikes + 1 });

    const other = account(env.t.sb, 'linkedin', 'cafe-brule');
    const denied = await env.call('POST', `/linkedin/rest/socialActions/${encodeURIComponent(post)}/comments`, {
      headers: headers(),
      json: { actor: `urn:li:organization:${other.externalId}`, object: post, message: { text: 'x' } },
    });
    expect(denied).toMatchObject({ status: 403, body: { status: 403, code: 'ACCESS_DENIED', serviceErrorCode: expect.any(Number), message: expect.any(String) } });

    const reply = env.t.sb.writes('linkedin').find((w) => w.action === 'reply')!.id!;
    const del = await env.call('DELETE', `/linkedin/rest/socialActions/${encodeURIComponent(target.commentUrn)}/comments/${reply}?actor=${encodeURIComponent(org())}`, { headers: headers() });
    expect(del.status).toBe(204);
    expect((await comments(target.commentUrn)).map((c) => c.id)).not.toContain(reply);
    const gone = `urn:li:comment:(${target.object},${reply})`;
    const again = await env.call('POST', `/linkedin/rest/socialActions/${encodeURIComponent(gone)}/comments`, { headers: headers(), json: { actor: org(), object: target.object, message: { text: 'x' }, parentComment: gone } });
    expect(again).toMatchObject({ status: 404, body: { status: 404, code: 'NOT_FOUND' } });
  });
});

describe('platforms without inbox writes', () => {
  it('TikTok refuses comment endpoints in its error shape; RSS feeds refuse any write', async () => {
    const tt = account(env.t.sb, 'tiktok');
    const r = await env.call('POST', '/tiktok/v2/comment/reply/', { bearer: tt.token, json: { video_id: '1', text: 'merci' } });
    expect(r).toMatchObject({ status: 403, body: { data: {}, error: { code: 'scope_not_authorized', message: expect.any(String), log_id: expect.any(String) } } });
    const rss = await env.call('POST', '/rss/maison-lumiere-blog.xml', { form: { comment: 'x' } });
    expect(rss.status).toBe(405);
    expect(rss.headers.get('allow')).toBe('GET, HEAD');
    expect(env.t.sb.writes('tiktok')).toEqual([]);
  });
});
