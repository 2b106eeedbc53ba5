import { SANDBOX_ACCOUNTS } from '../accounts';
import { actsFor, graphDate, pageSize, splitPath, timeParam } from '../http/context';
import type { Ctx, Reply } from '../http/context';
import { keysetPage, sortItems } from '../http/paging';
import type { PlatformModule } from '../http/platform-module';
import { personaUserId } from '../world/ids';
import { DAY, postMetrics } from '../world/metrics';
import type { Comment, Item } from '../world/model';
import { authorAccount } from '../world/writes';
import { graphCommentFlags, graphWrite } from './graph-writes';
import { actingAs } from './write-common';
import { graphError, graphList, graphNoPermission, graphNotFound, accountItemsPage, dailyInsights, graphPlatform, lifetimeInsights, parseFields, project, requestedMetrics, stripVersion } from './graph-common';
import type { Lazy } from './graph-common';

/** Meta retired the impression metrics of Pages on this day (announced 2025-08-15). */
export const FB_IMPRESSIONS_RETIRED_AT = Date.UTC(2025, 10, 15);

const STATUS_TYPE: Record<Item['format'], string> = {
  photo: 'added_photos',
  carousel: 'added_photos',
  video: 'added_video',
  reel: 'added_video',
  link: 'shared_story',
  status: 'mobile_status_update',
};
const MEDIA_TYPE: Record<Item['format'], string> = {
  photo: 'photo',
  carousel: 'album',
  video: 'video',
  reel: 'video',
  link: 'link',
  status: 'status',
};

function pageOf(id: string) {
  return SANDBOX_ACCOUNTS.find((a) => a.platform === 'facebook' && (a.externalId === id || a.handle === id));
}

function fromUser(c: Comment): { id: string; name: string } | undefined {
  const page = authorAccount(c);
  if (page) return { id: page.externalId, name: page.displayName };
  // Graph only names commenters to the Page's own admins (page token of that Page).
  const own = c.item.account?.brandKind === 'own';
  return own && c.persona ? { id: personaUserId('fb', c.persona.key, 16), name: c.persona.name } : undefined;
}

function postObject(ctx: Ctx, item: Item): Lazy {
  const m = () => ctx.world.metrics(item, ctx.now);
  const page = item.account!;
  const viewer = actingAs(ctx, page.brandSlug);
  const [pageId, postNum] = item.pid.split('_');
  return {
    id: item.pid,
    message: item.text,
    created_time: graphDate(item.createdAt),
    updated_time: graphDate(item.createdAt),
    permalink_url: `https://www.facebook.com/${pageId}/posts/${postNum}`,
    status_type: STATUS_TYPE[item.format],
    is_published: true,
    from: { id: page.externalId, name: page.displayName },
    full_picture: item.format === 'status' ? undefined : `https://scontent.example/fb/${postNum}.jpg`,
    attachments: () =>
      item.format === 'status'
        ? undefined
        : {
            data: [
              {
                media_type: MEDIA_TYPE[item.format],
                type: item.format === 'carousel' ? 'album' : MEDIA_TYPE[item.format],
                url: `https://www.facebook.com/${pageId}/posts/${postNum}`,
                ...(item.format === 'link' ? { title: item.text.slice(0, 60), unshimmed_url: 'https://www.example.com/article' } : {}),
              },
            ],
          },
    // Graph omits `shares` while nobody has shared the post.
    shares: () => (m().shares > 0 ? { count: m().shares } : undefined),
    comments: () => ({ data: [], summary: { order: 'ranked', total_count: m().comments, can_comment: true } }),
    reactions: () => ({ data: [], summary: { total_count: m().likes, viewer_reaction: 'NONE' } }),
    likes: () => ({ data: [], summary: { total_count: Math.floor(m().likes * 0.8), can_like: true, has_liked: ctx.world.writes.reaction('facebook', item.pid, viewer?.key) > 0 } }),
  };
}

function commentObject(ctx: Ctx, c: Comment): Lazy {
  const [, postNum] = c.item.pid.split('_');
  const [, cNum] = c.pid.split('_');
  const replies = () => ctx.world.commentsOf(c.item, ctx.now).filter((x) => x.parent === c).length;
  const flags = () => graphCommentFlags(ctx, c);
  return {
    id: c.pid,
    message: c.text,
    created_time: graphDate(c.createdAt),
    from: () => fromUser(c),
    parent: () => (c.parent ? { id: c.parent.pid, message: c.parent.text, created_time: graphDate(c.parent.createdAt) } : undefined),
    like_count: () => ctx.world.likesOf(c, ctx.now),
    comment_count: replies,
    permalink_url: `https://www.facebook.com/${c.item.account?.externalId}/posts/${postNum}/?comment_id=${c.parent ? c.parent.pid.split('_')[1] + '&reply_comment_id=' : ''}${cNum}`,
    is_hidden: () => flags().hidden,
    // A Page cannot hide its own comments.
    can_hide: () => !c.fromBrand,
    can_comment: !c.parent,
    user_likes: () => flags().likedByViewer,
    message_tags: [],
  };
}

const POST_DEFAULTS = ['created_time', 'message', 'id'];
const COMMENT_DEFAULTS = ['created_time', 'from', 'message', 'id'];

interface MetricDef {
  title: string;
  description: string;
  retiredAt?: number;
  value: (item: Item, now: number) => unknown;
}

const POST_METRICS: Record<string, MetricDef> = {
  post_impressions: { title: 'Lifetime Post Total Impressions', description: "Lifetime: The number of times your Page's post entered a person's screen. (Total Count)", retiredAt: FB_IMPRESSIONS_RETIRED_AT, value: (i, n) => postMetrics(i, n).impressions },
  post_impressions_unique: { title: 'Lifetime Post Total Reach', description: "Lifetime: The number of people who had your Page's post enter their screen. (Unique Users)", retiredAt: FB_IMPRESSIONS_RETIRED_AT, value: (i, n) => postMetrics(i, n).reach },
  post_impressions_organic: { title: 'Lifetime Post Organic Impressions', description: "Lifetime: The number of times your Page's posts entered a person's screen through unpaid distribution. (Total Count)", retiredAt: FB_IMPRESSIONS_RETIRED_AT, value: (i, n) => postMetrics(i, n).impressions },
  post_impressions_organic_unique: { title: 'Lifetime Post organic reach', description: "Lifetime: The number of people who had your Page's post enter their screen through unpaid distribution. (Unique Users)", retiredAt: FB_IMPRESSIONS_RETIRED_AT, value: (i, n) => postMetrics(i, n).reach },
  post_impressions_paid: { title: 'Lifetime Post Paid Impressions', description: "Lifetime: The number of times your Page's post entered a person's screen through paid distribution such as an ad. (Total Count)", retiredAt: FB_IMPRESSIONS_RETIRED_AT, value: () => 0 },
  post_impressions_paid_unique: { title: 'Lifetime Post Paid Reach', description: "Lifetime: The number of people who had your Page's post enter their screen through paid distribution such as an ad. (Unique Users)", retiredAt: FB_IMPRESSIONS_RETIRED_AT, value: () => 0 },
  post_media_view: { title: 'Lifetime Post Media Views', description: 'Lifetime: The number of times your post was on screen, not including repeated views of the same content. (Total Count)', value: (i, n) => postMetrics(i, n).views },
  post_total_media_view_unique: { title: 'Lifetime Post Total Media Viewers', description: 'Lifetime: The number of people who saw your post at least once. (Unique Users)', value: (i, n) => postMetrics(i, n).reach },
  post_clicks: { title: 'Lifetime Post Clicks', description: 'Lifetime: The number of clicks anywhere in your post on News Feed from users that matched the audience targeting on it. (Total Count)', value: (i, n) => postMetrics(i, n).clicks },
  post_clicks_by_type: {
    title: 'Lifetime Post Clicks by type',
    description: 'Lifetime: The number of clicks anywhere in the post on News Feed, by type. (Total Count)',
    value: (i, n) => {
      const c = postMetrics(i, n).clicks;
      const link = i.format === 'link' ? Math.floor(c * 0.7) : Math.floor(c * 0.2);
      const photo = i.format === 'photo' || i.format === 'carousel' ? Math.floor(c * 0.5) : 0;
      return { 'link clicks': link, 'photo view': photo, 'other clicks': c - link - photo };
    },
  },
  post_reactions_by_type_total: {
    title: 'Lifetime Total post Reactions by Type.',
    description: 'Lifetime: Total post reactions by type.',
    value: (i, n) => {
      const l = postMetrics(i, n).likes;
      const negative = i.comments.some((c) => c.category === 'crisis' && c.createdAt <= n);
      const anger = negative ? Math.floor(l * 0.12) : Math.floor(l * 0.004);
      const love = Math.floor(l * 0.22);
      const wow = Math.floor(l * 0.03);
      const haha = Math.floor(l * 0.01);
      return { like: l - love - wow - haha - anger, love, wow, haha, anger };
    },
  },
  post_reactions_like_total: { title: 'Lifetime Total Like Reactions of a post.', description: 'Lifetime: Total like reactions of a post.', value: (i, n) => Math.floor(postMetrics(i, n).likes * 0.74) },
  post_video_views: { title: 'Lifetime Total Video Views', description: 'Lifetime: Total number of times your video was viewed for 3 seconds or more. (Total Count)', value: (i, n) => (i.format === 'video' || i.format === 'reel' ? Math.floor(postMetrics(i, n).views * 0.45) : 0) },
};

function invalidMetric(ctx: Ctx): Reply {
  return graphError(ctx, 400, 100, '(#100) The value must be a valid insights metric');
}

function postInsights(ctx: Ctx, item: Item): Reply {
  if (!item.account?.insights || !actsFor(ctx, item.account.brandSlug)) return graphNoPermission(ctx);
  const names = requestedMetrics(ctx);
  if (!names.length) return graphError(ctx, 400, 100, '(#100) The parameter metric is required');
  // One unknown or retired name fails the whole call, as Graph does.
  for (const n of names) {
    const def = POST_METRICS[n];
    if (!def || (def.retiredAt !== undefined && ctx.now >= def.retiredAt)) return invalidMetric(ctx);
  }
  return lifetimeInsights(ctx, item.pid, item, names, POST_METRICS);
}

interface PageMetricDef {
  title: string;
  description: string;
  retiredAt?: number;
  /** Value of the day ending at `end`. */
  value: (ctx: Ctx, posts: Item[], end: number, followers: (t: number) => number) => number;
}

const viewsBetween = (posts: Item[], a: number, b: number, pick: (m: ReturnType<typeof postMetrics>) => number): number =>
  posts.reduce((s, p) => s + Math.max(0, pick(postMetrics(p, b)) - pick(postMetrics(p, a))), 0);

const PAGE_METRICS: Record<string, PageMetricDef> = {
  page_follows: { title: 'Followers', description: 'Daily: The number of followers of your Facebook Page.', value: (_c, _p, end, f) => f(end) },
  page_daily_follows_unique: { title: 'Daily New Follows', description: 'Daily: The number of new followers of your Page.', value: (_c, _p, end, f) => Math.max(0, f(end) - f(end - DAY)) + Math.floor(f(end) * 0.0004) },
  page_fans: { title: 'Lifetime Total Likes', description: 'Lifetime: The total number of people who have liked your Page. (Unique Users)', retiredAt: FB_IMPRESSIONS_RETIRED_AT, value: (_c, _p, end, f) => Math.floor(f(end) * 0.93) },
  page_impressions_unique: { title: 'Daily Total Reach', description: 'Daily: The number of people who had any content from your Page or about your Page enter their screen. (Unique Users)', retiredAt: FB_IMPRESSIONS_RETIRED_AT, value: (_c, p, end) => viewsBetween(p, end - DAY, end, (m) => m.reach) },
  page_impressions: { title: 'Daily Total Impressions', description: 'Daily: The number of times any content from your Page or about your Page entered a person\'s screen. (Total Count)', retiredAt: FB_IMPRESSIONS_RETIRED_AT, value: (_c, p, end) => viewsBetween(p, end - DAY, end, (m) => m.impressions) },
  page_media_view: { title: 'Daily Media Views', description: 'Daily: The number of times your content was played or displayed. (Total Count)', value: (_c, p, end) => viewsBetween(p, end - DAY, end, (m) => m.views) },
  page_total_media_view_unique: { title: 'Daily Total Media Viewers', description: 'Daily: The number of people who saw your content at least once. (Unique Users)', value: (_c, p, end) => viewsBetween(p, end - DAY, end, (m) => m.reach) },
  page_post_engagements: { title: 'Daily Post Engagements', description: 'Daily: The number of times people have engaged with your posts through reactions, comments and shares.', value: (_c, p, end) => viewsBetween(p, end - DAY, end, (m) => m.likes + m.allComments + m.shares) },
};

// Insights days end at midnight Pacific time, which Graph writes as 08:00 UTC (07:00 in summer).
const dayEnd = (t: number): number => Math.floor((t - 8 * 3_600_000) / DAY) * DAY + DAY + 8 * 3_600_000;

function pageInsights(ctx: Ctx, pageId: string): Reply {
  const page = pageOf(pageId)!;
  if (!page.insights || !actsFor(ctx, page.brandSlug)) return graphNoPermission(ctx);
  const names = requestedMetrics(ctx);
  if (!names.length) return graphError(ctx, 400, 100, '(#100) The parameter metric is required');
  for (const n of names) {
    const def = PAGE_METRICS[n];
    if (!def || (def.retiredAt !== undefined && ctx.now >= def.retiredAt)) return invalidMetric(ctx);
  }
  const until = Math.min(timeParam(ctx.query.get('until')) ?? ctx.now, ctx.now);
  const since = timeParam(ctx.query.get('since')) ?? until - 2 * DAY;
  if (until - since > 93 * DAY) {
    return graphError(ctx, 400, 100, '(#100) There cannot be more than 93 days (8035200 s) between since and until');
  }
  const posts = ctx.world.visible('facebook', ctx.now).filter((i) => i.account?.key === page.key);
  const followers = (t: number) => ctx.world.followers(page, Math.min(t, ctx.now));
  // Daily values are published once the (Pacific) day is over: the current day is not served.
  const ends: number[] = [];
  for (let e = dayEnd(since); e <= dayEnd(until) && e <= ctx.now; e += DAY) ends.push(e);
  return dailyInsights(page.externalId, names, ends, (n) => {
    const def = PAGE_METRICS[n];
    return { title: def.title, description: def.description, value: (e) => def.value(ctx, posts, e, followers) };
  });
}

function handle(ctx: Ctx): Reply {
  const { parts } = stripVersion(splitPath(ctx.path));
  if (ctx.method === 'POST' || ctx.method === 'DELETE') return graphWrite(ctx, parts, FB_WRITES);
  if (ctx.method !== 'GET') return graphError(ctx, 400, 100, 'Unsupported request - method type: ' + ctx.method.toLowerCase());
  const [id, edge] = parts;
  if (!id) return graphError(ctx, 400, 100, 'Unsupported get request.');
  const fields = parseFields(ctx.query.get('fields'));
  const limit = pageSize(ctx, 'limit', 25, 1, 100);

  const page = pageOf(id);
  if (page) {
    if (!edge) {
      const obj: Lazy = {
        id: page.externalId,
        name: page.displayName,
        username: page.handle,
        link: `https://www.facebook.com/${page.handle}`,
        category: page.brandSlug.includes('cafe') || page.brandSlug.includes('grain') ? 'Coffee Shop' : 'Health/Beauty',
        followers_count: () => ctx.world.followers(page, ctx.now),
        fan_count: () => Math.floor(ctx.world.followers(page, ctx.now) * 0.93),
        about: `${page.displayName} — page officielle`,
        verification_status: 'blue_verified',
      };
      return { status: 200, body: project(obj, fields, ['name', 'id']) };
    }
    if (edge === 'posts' || edge === 'feed' || edge === 'published_posts') {
      return accountItemsPage(ctx, 'facebook', page.key, limit, (i) => project(postObject(ctx, i), fields, POST_DEFAULTS));
    }
    if (edge === 'insights') return pageInsights(ctx, id);
    return graphError(ctx, 400, 100, `(#100) Tried accessing nonexisting field (${edge}) on node type (Page)`);
  }

  const item = ctx.world.item('facebook', id);
  if (item && item.createdAt <= ctx.now) {
    if (!edge) return { status: 200, body: project(postObject(ctx, item), fields, POST_DEFAULTS) };
    if (edge === 'comments') return commentList(ctx, ctx.world.commentsOf(item, ctx.now), fields, limit);
    if (edge === 'insights') return postInsights(ctx, item);
    return graphError(ctx, 400, 100, `(#100) Tried accessing nonexisting field (${edge}) on node type (PagePost)`);
  }
  const comment = ctx.world.comment('facebook', id);
  if (comment && comment.createdAt <= ctx.now) {
    if (!edge) return { status: 200, body: project(commentObject(ctx, comment), fields, COMMENT_DEFAULTS) };
    if (edge === 'comments') {
      const replies = ctx.world.commentsOf(comment.item, ctx.now).filter((c) => c.parent === comment);
      return commentList(ctx, replies, fields, limit, true);
    }
    return graphError(ctx, 400, 100, `(#100) Tried accessing nonexisting field (${edge}) on node type (Comment)`);
  }
  return graphNotFound(ctx, id);
}

function commentList(ctx: Ctx, all: Comment[], fields: ReturnType<typeof parseFields>, limit: number, repliesOnly = false): Reply {
  const filter = ctx.query.get('filter') ?? 'toplevel';
  const chosen = repliesOnly || filter === 'stream' ? all : all.filter((c) => !c.parent);
  const order = ctx.query.get('order') === 'reverse_chronological' ? 'desc' : 'asc';
  const p = keysetPage(sortItems(chosen, order), order, ctx.query.get('after'), limit, ctx.loop);
  const summary = ctx.query.get('summary') === 'true' || ctx.query.get('summary') === '1';
  return graphList(
    ctx,
    { ...p, items: p.items.map((c) => project(commentObject(ctx, c), fields, COMMENT_DEFAULTS)) },
    summary ? { summary: { order: order === 'asc' ? 'chronological' : 'reverse_chronological', total_count: chosen.length, can_comment: true } } : {},
  );
}

const FB_WRITES = { platform: 'facebook', replyEdge: { post: 'comments', comment: 'comments' }, hideParam: 'is_hidden', likes: true } as const;

export const facebook: PlatformModule = graphPlatform(handle);
