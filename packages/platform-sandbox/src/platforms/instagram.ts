import { SANDBOX_ACCOUNTS } from '../accounts';
import { actsFor, capPage, graphDate, pageSize, splitPath, timeParam, urlWith } from '../http/context';
import type { Ctx, Reply } from '../http/context';
import { keysetPage, sortItems } from '../http/paging';
import type { PlatformModule } from '../http/platform-module';
import { DAY, postMetrics } from '../world/metrics';
import type { Comment, Item } from '../world/model';
import { authorAccount } from '../world/writes';
import { graphCommentFlags, graphWrite } from './graph-writes';
import { graphError, graphList, graphNoPermission, graphNotFound, accountItemsPage, dailyInsights, graphPlatform, lifetimeInsights, parseFields, project, requestedMetrics, stripVersion } from './graph-common';
import type { FieldSpec, Lazy } from './graph-common';

/** v22.0 dropped these media metrics; from this day on every version refuses them. */
export const IG_RETIRED_ALL_VERSIONS_AT = Date.UTC(2025, 3, 21);
const RETIRED = ['impressions', 'plays', 'clips_replays_count', 'ig_reels_aggregated_all_plays_count', 'video_views'];

const MEDIA_TYPE: Record<Item['format'], string> = {
  photo: 'IMAGE',
  carousel: 'CAROUSEL_ALBUM',
  video: 'VIDEO',
  reel: 'VIDEO',
  link: 'IMAGE',
  status: 'IMAGE',
};

const userOf = (id: string) => SANDBOX_ACCOUNTS.find((a) => a.platform === 'instagram' && (a.externalId === id || a.handle === id));
const shortcode = (pid: string): string => Buffer.from(pid).toString('base64url').slice(0, 11);

function mediaObject(ctx: Ctx, item: Item): Lazy {
  const m = () => ctx.world.metrics(item, ctx.now);
  return {
    id: item.pid,
    caption: item.text,
    media_type: MEDIA_TYPE[item.format],
    media_product_type: item.format === 'reel' ? 'REELS' : 'FEED',
    media_url: `https://scontent.cdninstagram.example/${item.pid}.jpg`,
    permalink: `https://www.instagram.com/${item.format === 'reel' ? 'reel' : 'p'}/${shortcode(item.pid)}/`,
    shortcode: shortcode(item.pid),
    timestamp: graphDate(item.createdAt),
    username: item.account?.handle,
    owner: { id: item.account?.externalId },
    is_comment_enabled: true,
    like_count: () => m().likes,
    comments_count: () => m().allComments,
  };
}

function commentObject(ctx: Ctx, c: Comment, replySpec: FieldSpec | null): Lazy {
  const brand = authorAccount(c);
  const replies = () => ctx.world.commentsOf(c.item, ctx.now).filter((x) => x.parent === c);
  return {
    id: c.pid,
    text: c.text,
    timestamp: graphDate(c.createdAt),
    username: brand ? brand.handle : c.persona?.handle,
    from: brand ? { id: brand.externalId, username: brand.handle } : { id: `17841${c.persona?.key.replace(/\D/g, '').padStart(10, '0')}`, username: c.persona?.handle },
    like_count: () => ctx.world.likesOf(c, ctx.now),
    hidden: () => graphCommentFlags(ctx, c).hidden,
    parent_id: c.parent?.pid,
    media: { id: c.item.pid },
    replies: () => {
      const r = replies();
      return r.length ? { data: r.map((x) => project(commentObject(ctx, x, null), replySpec, ['timestamp', 'text', 'id'])) } : undefined;
    },
  };
}

const METRICS: Record<string, { title: string; description: string; value: (i: Item, now: number) => number }> = {
  views: { title: 'Views', description: 'The number of times your reel, post or story was played or displayed.', value: (i, n) => postMetrics(i, n).views },
  reach: { title: 'Accounts reached', description: 'The number of unique accounts that have seen this post at least once.', value: (i, n) => postMetrics(i, n).reach },
  likes: { title: 'Likes', description: 'The number of likes on your post.', value: (i, n) => postMetrics(i, n).likes },
  comments: { title: 'Comments', description: 'The number of comments on your post.', value: (i, n) => postMetrics(i, n).allComments },
  shares: { title: 'Shares', description: 'The number of shares of your post.', value: (i, n) => postMetrics(i, n).shares },
  saved: { title: 'Saved', description: 'The number of saves of your post.', value: (i, n) => postMetrics(i, n).saves },
  total_interactions: {
    title: 'Interactions',
    description: 'The number of likes, saves, comments and shares on your post minus the number of unlikes, unsaves and deleted comments.',
    value: (i, n) => {
      const m = postMetrics(i, n);
      return m.likes + m.saves + m.allComments + m.shares;
    },
  },
  profile_visits: { title: 'Profile visits', description: 'The number of times your profile was visited.', value: (i, n) => Math.floor(postMetrics(i, n).clicks * 0.6) },
  follows: { title: 'Follows', description: 'The number of accounts that started following you.', value: (i, n) => Math.floor(postMetrics(i, n).reach * 0.0015) },
  // Kept for pre-v22 versions before 2025-04-21 only.
  impressions: { title: 'Impressions', description: 'Total number of times the media object has been seen.', value: (i, n) => postMetrics(i, n).impressions },
  plays: { title: 'Plays', description: 'The number of times your reel starts to play.', value: (i, n) => (i.format === 'reel' ? postMetrics(i, n).views : 0) },
  video_views: { title: 'Video views', description: 'The number of times your video was viewed.', value: (i, n) => (i.format === 'video' || i.format === 'reel' ? postMetrics(i, n).views : 0) },
};

function mediaInsights(ctx: Ctx, item: Item, version: number | undefined): Reply {
  if (!item.account?.insights || !actsFor(ctx, item.account.brandSlug)) return graphNoPermission(ctx);
  const names = requestedMetrics(ctx);
  if (!names.length) return graphError(ctx, 400, 100, '(#100) The parameter metric is required');
  const retiredNow = (version ?? 99) >= 22 || ctx.now >= IG_RETIRED_ALL_VERSIONS_AT;
  const allowed = Object.keys(METRICS).filter((k) => !(retiredNow && RETIRED.includes(k)));
  for (const [idx, n] of names.entries()) {
    if (!allowed.includes(n)) {
      // One bad name fails the whole call: the trap trypost fell into (PR #319).
      return graphError(ctx, 400, 100, `(#100) metric[${idx}] must be one of the following values: ${allowed.join(', ')}`);
    }
  }
  return lifetimeInsights(ctx, item.pid, item, names, METRICS);
}

function userInsights(ctx: Ctx, user: NonNullable<ReturnType<typeof userOf>>): Reply {
  if (!user.insights || !actsFor(ctx, user.brandSlug)) return graphNoPermission(ctx);
  const names = requestedMetrics(ctx);
  const valid = ['follower_count', 'reach', 'views'];
  for (const n of names) if (!valid.includes(n)) return graphError(ctx, 400, 100, `(#100) metric[${names.indexOf(n)}] must be one of the following values: ${valid.join(', ')}`);
  const until = Math.min(timeParam(ctx.query.get('until')) ?? ctx.now, ctx.now);
  const since = timeParam(ctx.query.get('since')) ?? until - DAY;
  if (until - since > 30 * DAY) return graphError(ctx, 400, 100, '(#100) The time range must be 30 days or less');
  const posts = ctx.world.visible('instagram', ctx.now).filter((i) => i.account?.key === user.key);
  // Days end at midnight Pacific (07:00 UTC here); the current, unfinished day is never served.
  const ends: number[] = [];
  for (let e = Math.floor(since / DAY) * DAY + DAY + 7 * 3_600_000; e <= until + DAY && e <= ctx.now; e += DAY) ends.push(e);
  const day = (n: string, e: number): number => {
    const end = e;
    if (n === 'follower_count') return Math.max(0, ctx.world.followers(user, end) - ctx.world.followers(user, end - DAY));
    const pick = n === 'reach' ? 'reach' : 'views';
    return posts.reduce((s, p) => s + Math.max(0, postMetrics(p, end)[pick] - postMetrics(p, end - DAY)[pick]), 0);
  };
  return dailyInsights(user.externalId, names, ends, (n) => ({
    title: n === 'follower_count' ? 'Follower count' : n === 'reach' ? 'Accounts reached' : 'Views',
    description: n === 'follower_count' ? 'The number of new followers per day.' : 'Daily total.',
    value: (e) => day(n, e),
  }));
}

function handle(ctx: Ctx): Reply {
  const { version, parts } = stripVersion(splitPath(ctx.path));
  if (ctx.method === 'POST' || ctx.method === 'DELETE') return graphWrite(ctx, parts, IG_WRITES);
  const [id, edge] = parts;
  if (!id) return graphError(ctx, 400, 100, 'Unsupported get request.');
  const fields = parseFields(ctx.query.get('fields'));
  const limit = pageSize(ctx, 'limit', 25, 1, 100);
  const user = userOf(id);
  if (user && !edge && fields?.has('business_discovery')) return businessDiscovery(ctx, fields.get('business_discovery') ?? null);
  if (user) {
    if (!edge) {
      const obj: Lazy = {
        id: user.externalId,
        username: user.handle,
        name: user.displayName,
        biography: `${user.displayName} ✨ Compte officiel`,
        followers_count: () => ctx.world.followers(user, ctx.now),
        follows_count: 212,
        media_count: () => ctx.world.visible('instagram', ctx.now).filter((i) => i.account?.key === user.key).length,
        profile_picture_url: `https://scontent.cdninstagram.example/${user.externalId}.jpg`,
        website: `https://www.${user.handle}.example`,
      };
      return { status: 200, body: project(obj, fields, ['id']) };
    }
    if (edge === 'media') {
      return accountItemsPage(ctx, 'instagram', user.key, limit, (i) => project(mediaObject(ctx, i), fields, ['id']));
    }
    if (edge === 'insights') return userInsights(ctx, user);
    return graphError(ctx, 400, 100, `(#100) Tried accessing nonexisting field (${edge}) on node type (User)`);
  }
  const item = ctx.world.item('instagram', id);
  if (item && item.createdAt <= ctx.now) {
    if (!edge) return { status: 200, body: project(mediaObject(ctx, item), fields, ['id']) };
    if (edge === 'comments') {
      const top = ctx.world.commentsOf(item, ctx.now).filter((c) => !c.parent);
      // Instagram lists the newest comments first.
      const p = keysetPage(sortItems(top, 'desc'), 'desc', ctx.query.get('after'), pageSize(ctx, 'limit', 50, 1, 50), ctx.loop);
      const replySpec = fields?.get('replies') ?? null;
      return graphList(ctx, { ...p, items: p.items.map((c) => project(commentObject(ctx, c, replySpec), fields, ['timestamp', 'text', 'id'])) });
    }
    if (edge === 'insights') return mediaInsights(ctx, item, version);
    return graphError(ctx, 400, 100, `(#100) Tried accessing nonexisting field (${edge}) on node type (IGMedia)`);
  }
  const comment = ctx.world.comment('instagram', id);
  if (comment && comment.createdAt <= ctx.now) {
    if (!edge) return { status: 200, body: project(commentObject(ctx, comment, null), fields, ['timestamp', 'text', 'id']) };
    if (edge === 'replies') {
      const replies = ctx.world.commentsOf(comment.item, ctx.now).filter((c) => c.parent === comment);
      const p = keysetPage(sortItems(replies, 'asc'), 'asc', ctx.query.get('after'), limit, ctx.loop);
      return graphList(ctx, { ...p, items: p.items.map((c) => project(commentObject(ctx, c, null), fields, ['timestamp', 'text', 'id'])) });
    }
    return graphError(ctx, 400, 100, `(#100) Tried accessing nonexisting field (${edge}) on node type (IGComment)`);
  }
  return graphNotFound(ctx, id);
}

// Instagram has no like endpoint for comments: POST /{id}/likes is an unsupported request.
const IG_WRITES = { platform: 'instagram', replyEdge: { post: 'comments', comment: 'replies' }, hideParam: 'hide', likes: false } as const;

export const instagram: PlatformModule = graphPlatform(handle);

/**
 * `GET /{own-ig-user}?fields=business_discovery.username(x){id,username,followers_count,media.limit(n).after(c){…}}`:
 * how a business account reads another public account (competitors), with public counts only.
 */
function businessDiscovery(ctx: Ctx, nested: FieldSpec | null): Reply {
  const raw = ctx.query.get('fields') ?? '';
  const username = /business_discovery\.username\(([^)]+)\)/.exec(raw)?.[1]?.replace(/^@/, '');
  const target = username ? userOf(username) : undefined;
  if (!target) {
    return graphError(ctx, 400, 110, `(#110) Invalid user id: no business account named ${username ?? '(none)'}`);
  }
  const limit = capPage(ctx, Math.min(Number(/media\.limit\((\d+)\)/.exec(raw)?.[1] ?? 25), 100));
  const after = /\.after\(([^)]+)\)/.exec(raw)?.[1] ?? null;
  const mediaSpec = nested?.get('media') ?? null;
  const items = sortItems(ctx.world.visible('instagram', ctx.now).filter((i) => i.account?.key === target.key), 'desc');
  const p = keysetPage(items, 'desc', after, limit, ctx.loop);
  const publicOnly = (i: Item) => {
    const o = mediaObject(ctx, i);
    delete o.media_url;
    return project(o, mediaSpec, ['id']);
  };
  const media: Record<string, unknown> = { data: p.items.map(publicOnly) };
  if (p.next) {
    const nextFields = raw.replace(/\.after\([^)]*\)/, '').replace(/media\.limit\((\d+)\)/, `media.limit($1).after(${p.next})`);
    media.paging = { cursors: { after: p.next }, next: urlWith(ctx.baseUrl, ctx.path, ctx.query, { fields: nextFields }) };
  }
  const obj: Lazy = {
    id: target.externalId,
    username: target.handle,
    name: target.displayName,
    followers_count: () => ctx.world.followers(target, ctx.now),
    follows_count: 212,
    media_count: items.length,
    media,
  };
  const projected = project(obj, nested ? new Map([...nested].filter(([k]) => k !== 'media')) : null, ['id', 'username']);
  if (!nested || nested.has('media')) projected.media = media;
  return { status: 200, body: { business_discovery: projected, id: ctx.path.split('/').filter(Boolean).pop() } };
}
