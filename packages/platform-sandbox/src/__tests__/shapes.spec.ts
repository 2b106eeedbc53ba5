import { account, get, missingKeys, sample, start } from './helpers';
import type { TestSandbox } from './helpers';

let t: TestSandbox;
beforeAll(async () => {
  t = await start();
});
afterAll(() => t.sb.close());

const url = (p: string) => `${t.sb.url}${p}`;

describe('Facebook Graph shapes', () => {
  it('serves the page node with the requested fields only', async () => {
    const a = account(t.sb, 'facebook');
    const r = await get(url(`/facebook/v21.0/${a.externalId}?fields=id,name,followers_count,fan_count&access_token=${a.token}`));
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['fan_count', 'followers_count', 'id', 'name']);
    expect(r.body.name).toBe('Maison Lumière');
    expect(JSON.parse(r.headers.get('x-app-usage') ?? '{}')).toEqual(expect.objectContaining({ call_count: expect.any(Number) }));
  });

  it('posts, comments and insights carry the keys of the recorded payloads', async () => {
    const a = account(t.sb, 'facebook');
    const posts = await get(url(`/facebook/v21.0/${a.externalId}/posts?fields=id,message,created_time,permalink_url,status_type,attachments{media_type},shares&access_token=${a.token}`));
    expect(posts.body.data).toHaveLength(25);
    expect(posts.body.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
    expect(posts.body.paging.next).toContain('after=');
    expect(posts.body.data[0].created_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
    const recorded = sample('facebook_graph/posts/feed_fields_p1.json');
    if (recorded) expect(missingKeys(recorded.data[0], posts.body.data[0])).toEqual([]);

    const withComments = posts.body.data.find((p: { id: string }) => p.id);
    const comments = await get(url(`/facebook/v21.0/${withComments.id}/comments?filter=stream&fields=id,message,created_time,from{id,name},parent{id},like_count,comment_count,permalink_url&access_token=${a.token}`));
    expect(comments.status).toBe(200);
    const c = sample('facebook_graph/comments/comments_p1.json');
    if (c && comments.body.data.length) expect(missingKeys(c.data[0], comments.body.data[0])).toEqual([]);

    const ins = await get(url(`/facebook/v21.0/${withComments.id}/insights?metric=post_media_view,post_total_media_view_unique,post_clicks&access_token=${a.token}`));
    expect(ins.body.data.map((d: { name: string }) => d.name)).toEqual(['post_media_view', 'post_total_media_view_unique', 'post_clicks']);
    const recIns = sample('facebook_graph/insights/post_insights_lifetime_572161723127136_625711077772200.json');
    if (recIns) expect(Object.keys(ins.body.data[0]).sort()).toEqual(Object.keys(recIns.data[0]).sort());
  });
});

describe('Instagram Graph shapes', () => {
  it('media and comments match the recorded keys; retired metrics fail with #100', async () => {
    const a = account(t.sb, 'instagram');
    const user = await get(url(`/instagram/v22.0/${a.externalId}?fields=id,username,followers_count,media_count&access_token=${a.token}`));
    expect(user.body).toEqual({ id: a.externalId, username: 'maisonlumiere', followers_count: expect.any(Number), media_count: expect.any(Number) });
    const media = await get(url(`/instagram/v22.0/${a.externalId}/media?fields=id,caption,comments_count,like_count,media_type,media_url,permalink,timestamp,media_product_type&access_token=${a.token}`));
    const rec = sample('instagram_graph/users/medias_p1.json');
    if (rec) expect(missingKeys(rec.data[0], media.body.data[0])).toEqual([]);
    const withComments = media.body.data.find((m: { comments_count: number }) => m.comments_count > 0);
    const comments = await get(url(`/instagram/v22.0/${withComments.id}/comments?fields=id,text,timestamp,username,like_count&access_token=${a.token}`));
    const recC = sample('instagram_graph/comments/comment_fields.json');
    if (recC) expect(missingKeys(recC, comments.body.data[0])).toEqual([]);
    const bad = await get(url(`/instagram/v22.0/${withComments.id}/insights?metric=impressions,reach&access_token=${a.token}`));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe(100);
    const ok = await get(url(`/instagram/v22.0/${withComments.id}/insights?metric=views,reach,likes,comments,shares,saved,total_interactions&access_token=${a.token}`));
    expect(ok.body.data).toHaveLength(7);
    const total = ok.body.data.find((d: { name: string }) => d.name === 'total_interactions').values[0].value;
    const parts = ['likes', 'comments', 'shares', 'saved'].map((n) => ok.body.data.find((d: { name: string }) => d.name === n).values[0].value);
    expect(total).toBe(parts.reduce((s: number, v: number) => s + v, 0));
  });
});

describe('YouTube Data API v3 shapes', () => {
  it('channels, search, videos and comment threads', async () => {
    const a = account(t.sb, 'youtube');
    const ch = await get(url(`/youtube/youtube/v3/channels?part=snippet,statistics&forHandle=@maisonlumiere&key=${a.token}`));
    expect(ch.body.items[0].id).toBe(a.externalId);
    const rec = sample('youtube_data_v3/channels/info.json');
    if (rec) expect(missingKeys(rec, ch.body)).toEqual([]);
    const s = await get(url(`/youtube/youtube/v3/search?part=snippet&channelId=${a.externalId}&type=video&order=date&maxResults=50&key=${a.token}`));
    const recS = sample('youtube_data_v3/search/search_videos_by_channel.json');
    const s2 = await get(url(`/youtube/youtube/v3/search?part=snippet&channelId=${a.externalId}&type=video&order=date&maxResults=2&key=${a.token}`));
    if (recS) {
      expect(missingKeys(recS, s2.body)).toEqual([]);
      expect(missingKeys(recS.items[0].snippet, s.body.items[0].snippet)).toEqual([]);
    }
    const ids = s.body.items.map((i: { id: { videoId: string } }) => i.id.videoId);
    const v = await get(url(`/youtube/youtube/v3/videos?part=snippet,statistics,contentDetails&id=${ids.join(',')}&key=${a.token}`));
    expect(v.body.items).toHaveLength(ids.length);
    expect(Object.keys(v.body.items[0].statistics).sort()).toEqual(['commentCount', 'favoriteCount', 'likeCount', 'viewCount']);
    const withComments = v.body.items.find((i: { statistics: { commentCount: string } }) => Number(i.statistics.commentCount) > 0);
    const th = await get(url(`/youtube/youtube/v3/commentThreads?part=snippet,replies&videoId=${withComments.id}&key=${a.token}`));
    const recT = sample('youtube_data_v3/comment_threads/comment_threads_by_video_paged_1.json');
    if (recT) {
      expect(missingKeys(recT.items[0].snippet, th.body.items[0].snippet)).toEqual([]);
      expect(missingKeys(recT.items[0].snippet.topLevelComment.snippet, th.body.items[0].snippet.topLevelComment.snippet)).toEqual([]);
    }
    const missingKey = await get(url(`/youtube/youtube/v3/channels?part=snippet&id=${a.externalId}`));
    expect(missingKey.status).toBe(403);
    expect(missingKey.body.error.errors[0].reason).toBe('forbidden');
  });
});

describe('X API v2 shapes', () => {
  it('user lookup, timeline meta and conversation search', async () => {
    const a = account(t.sb, 'x');
    const h = { headers: { authorization: `Bearer ${a.token}` } };
    const u = await get(url(`/x/2/users/by/username/maisonlumiere?user.fields=public_metrics`), h);
    const recU = sample('x_api_v2/user/user_resp.json');
    if (recU) expect(missingKeys(recU.data.public_metrics, u.body.data.public_metrics)).toEqual([]);
    const tl = await get(url(`/x/2/users/${a.externalId}/tweets?tweet.fields=created_at,public_metrics,non_public_metrics,conversation_id&max_results=5`), h);
    const rec = sample('x_api_v2/timeline/timeline_tweets.json');
    if (rec) {
      expect(Object.keys(tl.body.meta).sort()).toEqual(Object.keys(rec.meta).sort());
      expect(missingKeys(rec.data[0].public_metrics, tl.body.data[0].public_metrics)).toEqual([]);
    }
    // The user lookup counted in another window than the timeline (per-endpoint limits).
    expect(Number(tl.headers.get('x-rate-limit-remaining'))).toBe(1499);
    const root = tl.body.data.find((d: { conversation_id: string; id: string }) => d.conversation_id === d.id);
    const replies = await get(url(`/x/2/tweets/search/recent?query=conversation_id:${root.id}&expansions=author_id&user.fields=public_metrics&tweet.fields=conversation_id`), h);
    for (const r of replies.body.data ?? []) expect(r.conversation_id).toBe(root.id);
    const unauth = await get(url(`/x/2/users/${a.externalId}/tweets`));
    expect(unauth.status).toBe(401);
    expect(unauth.body).toEqual({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
  });
});

describe('Mastodon, Bluesky, Reddit shapes', () => {
  it('mastodon statuses carry every key of the recorded status and HTML content', async () => {
    const a = account(t.sb, 'mastodon');
    const acc = await get(url(`/mastodon/api/v1/accounts/lookup?acct=${a.handle}`));
    expect(acc.body.id).toBe(a.externalId);
    const st = await get(url(`/mastodon/api/v1/accounts/${a.externalId}/statuses?limit=5`));
    const rec = sample('mastodon/accounts_statuses_mastodon_social_thislight.json');
    if (rec) {
      expect(missingKeys(rec[0], st.body[0])).toEqual([]);
      expect(missingKeys(rec[0].account, st.body[0].account)).toEqual([]);
    }
    expect(st.body[0].content).toMatch(/^<p>.*<\/p>$/s);
    expect(st.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('bluesky thread posts carry the recorded post keys', async () => {
    const a = account(t.sb, 'bluesky');
    const feed = await get(url(`/bluesky/xrpc/app.bsky.feed.getAuthorFeed?actor=${a.handle}&filter=posts_no_replies`));
    const withReplies = feed.body.feed.find((f: { post: { replyCount: number } }) => f.post.replyCount > 0);
    const th = await get(url(`/bluesky/xrpc/app.bsky.feed.getPostThread?uri=${encodeURIComponent(withReplies.post.uri)}`));
    const rec = sample('bluesky/getPostThread_mattbinder_2023-09-19_morpho.json');
    if (rec) {
      expect(missingKeys(rec.thread.post, th.body.thread.post)).toEqual([]);
      expect(missingKeys(rec.thread.replies[0], th.body.thread.replies[0])).toEqual([]);
    }
    expect(th.body.thread.replies[0].post.record.reply.root.uri).toBe(withReplies.post.uri);
  });

  it('reddit listings carry the recorded t3 keys', async () => {
    const l = await get(url('/reddit/r/MaisonLumiere/new.json?limit=5'));
    expect(l.body.kind).toBe('Listing');
    const rec = sample('reddit/r_rust_top_week_listing.json');
    if (rec) {
      expect(missingKeys(rec.data, l.body.data)).toEqual([]);
      expect(missingKeys(rec.data.children[0].data, l.body.data.children[0].data)).toEqual([]);
    }
  });
});
