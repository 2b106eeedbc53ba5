import { account, get } from './helpers';
import type { Json } from './helpers';
import { findComment, postsWithComments, truthOf, useSandbox } from './writes-helpers';

const env = useSandbox();

const FB_FIELDS = 'id,message,created_time,from{id,name},parent{id},is_hidden,like_count,user_likes';

describe('Facebook (Graph) inbox writes', () => {
  const fb = () => account(env.t.sb, 'facebook');
  const other = () => account(env.t.sb, 'facebook', 'cafe-brule');
  const comments = async (post: string): Promise<Json[]> =>
    (await get(`${env.t.sb.url}/facebook/v21.0/${post}/comments?filter=stream&limit=100&fields=${encodeURIComponent(FB_FIELDS)}&access_token=${fb().token}`)).body.data;

  let post: string;
  let target: Json;
  beforeAll(async () => {
    ({ post, comment: target } = await findComment(await postsWithComments(env.t, 'facebook'), comments, (x) => !x.parent && x.from?.id !== fb().externalId));
  });

  it('a reply lands once, as a comment from the Page under the answered comment, with the id it returned', async () => {
    const before = await truthOf(env.t, fb().key, post);
    const r = await env.call('POST', `/facebook/v21.0/${target.id}/comments?access_token=${fb().token}`, { form: { message: 'Merci pour votre message, nous revenons vers vous en MP.' } });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['id']);
    const mine = (await comments(post)).filter((c) => c.id === r.body.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ message: 'Merci pour votre message, nous revenons vers vous en MP.', from: { id: fb().externalId, name: fb().displayName }, parent: { id: target.id }, created_time: env.t.sb.now().toISOString().replace(/\.\d{3}Z$/, '+0000') });
    const replies = (await get(`${env.t.sb.url}/facebook/v21.0/${target.id}/comments?fields=id,from{id}&access_token=${fb().token}`)).body.data;
    expect(replies.map((x: Json) => x.id)).toContain(r.body.id);
    const after = await truthOf(env.t, fb().key, post);
    expect(after).toMatchObject({ comments: before.comments + 1, replies: before.replies + 1, fromBrand: before.fromBrand + 1 });
    const writes = env.t.sb.writes('facebook').filter((w) => w.action === 'reply');
    expect(writes).toEqual([expect.objectContaining({ account: fb().key, target: target.id, id: r.body.id, at: env.t.sb.now().toISOString() })]);
    const admin = await get(`${env.t.sb.url}/__sandbox/writes?platform=facebook`);
    expect(admin.body.writes).toEqual(env.t.sb.writes('facebook'));
  });

  it('hides and unhides a comment (is_hidden on the next read), and likes it', async () => {
    const hide = await env.call('POST', `/facebook/v21.0/${target.id}?access_token=${fb().token}`, { form: { is_hidden: 'true' } });
    expect(hide).toMatchObject({ status: 200, body: { success: true } });
    expect((await comments(post)).find((c) => c.id === target.id)).toMatchObject({ is_hidden: true });
    await env.call('POST', `/facebook/v21.0/${target.id}?is_hidden=false&access_token=${fb().token}`);
    expect((await comments(post)).find((c) => c.id === target.id)).toMatchObject({ is_hidden: false });

    const like = await env.call('POST', `/facebook/v21.0/${target.id}/likes?access_token=${fb().token}`);
    expect(like).toMatchObject({ status: 200, body: { success: true } });
    await env.call('POST', `/facebook/v21.0/${target.id}/likes?access_token=${fb().token}`);
    expect((await comments(post)).find((c) => c.id === target.id)).toMatchObject({ like_count: target.like_count + 1, user_likes: true });
  });

  it('deletes the reply (gone from the next read and the truth); answering it then is the Graph "does not exist" error', async () => {
    const reply = env.t.sb.writes('facebook').find((w) => w.action === 'reply')!.id!;
    const before = await truthOf(env.t, fb().key, post);
    const del = await env.call('DELETE', `/facebook/v21.0/${reply}?access_token=${fb().token}`);
    expect(del).toMatchObject({ status: 200, body: { success: true } });
    expect((await comments(post)).map((c) => c.id)).not.toContain(reply);
    expect(await truthOf(env.t, fb().key, post)).toMatchObject({ comments: before.comments - 1, fromBrand: before.fromBrand - 1 });
    const again = await env.call('POST', `/facebook/v21.0/${reply}/comments?access_token=${fb().token}`, { form: { message: 'encore' } });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ type: 'GraphMethodException', code: 100, error_subcode: 33, fbtrace_id: expect.any(String) });
    expect(again.body.error.message).toMatch(new RegExp(`^Unsupported post request\\. Object with ID '${reply}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`));
  });

  it("refuses another brand's Page token with (#200), and writes nothing", async () => {
    const n = env.t.sb.writes().length;
    for (const [method, path, form] of [
      ['POST', `/facebook/v21.0/${target.id}/comments`, { message: 'hello' }],
      ['POST', `/facebook/v21.0/${target.id}`, { is_hidden: 'true' }],
      ['DELETE', `/facebook/v21.0/${target.id}`, undefined],
    ] as const) {
      const r = await env.call(method, `${path}?access_token=${other().token}`, { form });
      expect(r.status).toBe(403);
      expect(r.body.error).toMatchObject({ code: 200, message: expect.stringMatching(/^\(#200\)/), type: 'OAuthException' });
    }
    expect(env.t.sb.writes()).toHaveLength(n);
  });
});

describe('Instagram (Graph) inbox writes', () => {
  const ig = () => account(env.t.sb, 'instagram');
  const FIELDS = 'id,text,timestamp,username,hidden,like_count,from{id,username},replies{id,text,timestamp,username,from{id,username}}';
  const comments = async (media: string): Promise<Json[]> =>
    (await get(`${env.t.sb.url}/instagram/v22.0/${media}/comments?limit=50&fields=${encodeURIComponent(FIELDS)}&access_token=${ig().token}`)).body.data;

  let media: string;
  let target: Json;
  beforeAll(async () => {
    ({ post: media, comment: target } = await findComment(await postsWithComments(env.t, 'instagram'), comments, (x) => x.username !== ig().handle));
  });

  it('POST /{comment}/replies lands once in the replies of the answered comment, as the brand account', async () => {
    const before = await truthOf(env.t, ig().key, media);
    const r = await env.call('POST', `/instagram/v22.0/${target.id}/replies?message=${encodeURIComponent('Merci ! 💛')}&access_token=${ig().token}`);
    expect(r).toMatchObject({ status: 200, body: { id: expect.any(String) } });
    const c = (await comments(media)).find((x) => x.id === target.id)!;
    const mine = c.replies.data.filter((x: Json) => x.id === r.body.id);
    expect(mine).toEqual([expect.objectContaining({ text: 'Merci ! 💛', username: ig().handle, from: { id: ig().externalId, username: ig().handle } })]);
    expect((await get(`${env.t.sb.url}/instagram/v22.0/${target.id}/replies?fields=id,text&access_token=${ig().token}`)).body.data.map((x: Json) => x.id)).toContain(r.body.id);
    expect(await truthOf(env.t, ig().key, media)).toMatchObject({ comments: before.comments + 1, fromBrand: before.fromBrand + 1 });
  });

  it('hide=true|false flags the comment `hidden`; there is no like endpoint; DELETE removes a comment', async () => {
    expect(await env.call('POST', `/instagram/v22.0/${target.id}?hide=true&access_token=${ig().token}`)).toMatchObject({ status: 200, body: { success: true } });
    expect((await comments(media)).find((x) => x.id === target.id)).toMatchObject({ hidden: true });
    await env.call('POST', `/instagram/v22.0/${target.id}?hide=false&access_token=${ig().token}`);
    expect((await comments(media)).find((x) => x.id === target.id)).toMatchObject({ hidden: false });

    const like = await env.call('POST', `/instagram/v22.0/${target.id}/likes?access_token=${ig().token}`);
    expect(like.status).toBe(400);
    expect(like.body.error).toMatchObject({ code: 100, error_subcode: 33, message: expect.stringMatching(/^Unsupported post request/) });

    const reply = env.t.sb.writes('instagram').find((w) => w.action === 'reply')!.id!;
    expect(await env.call('DELETE', `/instagram/v22.0/${reply}?access_token=${ig().token}`)).toMatchObject({ status: 200, body: { success: true } });
    const c = (await comments(media)).find((x) => x.id === target.id)!;
    expect((c.replies?.data ?? []).map((x: Json) => x.id)).not.toContain(reply);
    const again = await env.call('POST', `/instagram/v22.0/${reply}/replies?message=x&access_token=${ig().token}`);
    expect(again.body.error).toMatchObject({ type: 'GraphMethodException', code: 100, error_subcode: 33 });
  });

  it("refuses another brand's token with (#200)", async () => {
    const r = await env.call('POST', `/instagram/v22.0/${target.id}/replies?message=hi&access_token=${account(env.t.sb, 'instagram', 'eclat-paris').token}`);
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 200 });
  });
});
