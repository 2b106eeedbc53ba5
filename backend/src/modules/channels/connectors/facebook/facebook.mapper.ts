import type { ContentType, NormalizedAccountStats, NormalizedComment, NormalizedPost, PostMetrics } from '../channel-connector';
import { followerRows } from '../follower-history';
import { JsonReader } from '../json-reader';
import { readDailyInsight } from '../meta-graph';

/**
 * Graph API Page objects → normalised records. Public counts come from the post fields
 * (reactions/comments summaries, shares.count); private ones from /{post}/insights.
 */

/** Fields requested on /{page}/posts (public counts via summaries, no extra call). */
export const FACEBOOK_POST_FIELDS =
  'id,created_time,message,permalink_url,status_type,attachments{media_type,type},shares,' +
  'reactions.limit(0).summary(true),comments.filter(stream).limit(0).summary(true)';

export const FACEBOOK_COMMENT_FIELDS = 'id,message,created_time,from{id,name},like_count,comment_count,parent{id},permalink_url';

/**
 * Post insights, current names first. Meta replaces post_impressions → post_media_view and
 * post_impressions_unique → post_total_media_view_unique (PLATFORMS.md); the legacy names are
 * still requested so older posts keep a figure, and a retired one only drops itself.
 */
export const FACEBOOK_POST_INSIGHTS = [
  'post_media_view',
  'post_total_media_view_unique',
  'post_impressions',
  'post_impressions_unique',
  'post_clicks',
  'post_video_views',
] as const;

const STATUS_TYPES: Record<string, ContentType> = {
  added_photos: 'photo',
  added_video: 'video',
  shared_story: 'link',
  mobile_status_update: 'status',
  created_note: 'article',
  published_story: 'status',
};

export function emptyMetrics(): PostMetrics {
  return { impressions: null, reach: null, reactions: null, comments: null, shares: null, saves: null, clicks: null, videoViews: null };
}

function contentTypeOf(post: JsonReader): ContentType {
  const attachment = post.get('attachments').get('data').optArr()[0];
  const media = attachment?.get('media_type').optStr() ?? null;
  if (media === 'album') return 'carousel';
  if (media === 'video' || (attachment?.get('type').optStr() ?? '').startsWith('video')) return 'video';
  const status = post.get('status_type').optStr();
  if (status && STATUS_TYPES[status]) return STATUS_TYPES[status];
  if (media === 'photo') return 'photo';
  if (media === 'link') return 'link';
  return status ? 'other' : 'status';
}

export function mapFacebookPost(post: JsonReader, pageId: string | null): NormalizedPost {
  const reactions = post.get('reactions').get('summary').get('total_count').optNum();
  const comments = post.get('comments').get('summary').get('total_count').optNum();
  const shares = post.get('shares').get('count').optNum();
  const id = post.get('id').str();
  return {
    externalId: id,
    publishedAt: post.get('created_time').isoDate(),
    contentType: contentTypeOf(post),
    text: post.get('message').optStr() ?? '',
    permalink: post.get('permalink_url').optStr(),
    author: pageId ? { externalId: pageId, handle: null, displayName: null, followers: null } : null,
    metrics: { ...emptyMetrics(), reactions, comments, shares },
    impressionsDefinition: null,
    sourceMetrics: { 'reactions.summary.total_count': reactions, 'comments.summary.total_count': comments, 'shares.count': shares },
  };
}

/** Adds /{post}/insights values: views-era names win over legacy impressions. */
export function applyFacebookInsights(post: NormalizedPost, insights: Record<string, number | null>): NormalizedPost {
  const has = (k: string) => insights[k] !== undefined && insights[k] !== null;
  const m = { ...post.metrics };
  let def = post.impressionsDefinition;
  if (has('post_media_view')) {
    m.impressions = insights.post_media_view;
    m.reach = insights.post_total_media_view_unique ?? null;
    def = 'views';
  } else if (has('post_impressions')) {
    m.impressions = insights.post_impressions;
    m.reach = insights.post_impressions_unique ?? null;
    def = 'impressions';
  } else if (has('post_impressions_unique')) {
    m.reach = insights.post_impressions_unique;
  }
  if (has('post_clicks')) m.clicks = insights.post_clicks;
  if (has('post_video_views')) m.videoViews = insights.post_video_views;
  return { ...post, metrics: m, impressionsDefinition: def, sourceMetrics: { ...post.sourceMetrics, ...insights } };
}

/** The comment id, or the `comment_id` of its permalink (recorded pages sometimes omit `id`). */
function commentIdOf(c: JsonReader, postId: string): string {
  const id = c.get('id').optStr();
  if (id) return id;
  const link = c.get('permalink_url').optStr();
  const m = link ? /[?&]comment_id=(\d+)/.exec(link) : null;
  if (m) return `${postId.split('_').pop()}_${m[1]}`;
  return c.get('id').fail();
}

export function mapFacebookComment(c: JsonReader, postId: string, pageId: string | null): NormalizedComment {
  const fromId = c.get('from').get('id').optStr();
  const parentId = c.get('parent').get('id').optStr();
  return {
    externalId: commentIdOf(c, postId),
    postExternalId: postId,
    parentExternalId: parentId,
    author: fromId ? { externalId: fromId, handle: null, displayName: c.get('from').get('name').optStr(), followers: null } : null,
    text: c.get('message').optStr() ?? '',
    publishedAt: c.get('created_time').isoDate(),
    isFromBrand: fromId !== null && fromId === pageId,
    likes: c.get('like_count').optNum(),
  };
}

/** Page insight giving the follower count at the end of each day (`page_fans` is retired, PLATFORMS.md). */
export const FACEBOOK_FOLLOWERS_METRIC = 'page_follows';

/** `/{page}/insights?metric=page_follows&period=day` → one history row per day (a count, not a gain). */
export function mapFacebookFollowerHistory(body: JsonReader): NormalizedAccountStats[] {
  return followerRows(readDailyInsight(body, FACEBOOK_FOLLOWERS_METRIC));
}
