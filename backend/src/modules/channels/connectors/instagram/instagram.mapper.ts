import type { ContentType, NormalizedAccountStats, NormalizedComment, NormalizedPost } from '../channel-connector';
import { emptyMetrics } from '../facebook/facebook.mapper';
import { countsFromGains, followerRows } from '../follower-history';
import type { JsonReader } from '../json-reader';
import { readDailyInsight } from '../meta-graph';

export const INSTAGRAM_MEDIA_FIELDS = 'id,caption,media_type,media_product_type,permalink,timestamp,like_count,comments_count';
export const INSTAGRAM_COMMENT_FIELDS =
  'id,text,timestamp,username,like_count,from{id,username},replies{id,text,timestamp,username,like_count,from{id,username}}';
/** Since Graph v22 (2025-04-21) `views` replaces impressions/plays/video_views on media. */
export const INSTAGRAM_MEDIA_INSIGHTS = ['views', 'reach', 'saved', 'shares'] as const;

function contentTypeOf(m: JsonReader): ContentType {
  const product = m.get('media_product_type').optStr();
  if (product === 'REELS') return 'reel';
  if (product === 'STORY') return 'story';
  switch (m.get('media_type').optStr()) {
    case 'IMAGE':
      return 'photo';
    case 'VIDEO':
      return 'video';
    case 'CAROUSEL_ALBUM':
      return 'carousel';
    default:
      return 'other';
  }
}

export function mapInstagramMedia(m: JsonReader, owner: { id: string | null; username: string | null }): NormalizedPost {
  const likes = m.get('like_count').optNum();
  const comments = m.get('comments_count').optNum();
  return {
    externalId: m.get('id').str(),
    publishedAt: m.get('timestamp').isoDate(),
    contentType: contentTypeOf(m),
    text: m.get('caption').optStr() ?? '',
    permalink: m.get('permalink').optStr(),
    author: owner.id || owner.username ? { externalId: owner.id ?? owner.username ?? '', handle: owner.username, displayName: null, followers: null } : null,
    metrics: { ...emptyMetrics(), reactions: likes, comments },
    impressionsDefinition: null,
    sourceMetrics: { like_count: likes, comments_count: comments },
  };
}

/** `views` (2025+) wins; legacy `impressions` (before v22) is kept with its own definition. */
export function applyInstagramInsights(post: NormalizedPost, insights: Record<string, number | null>): NormalizedPost {
  const m = { ...post.metrics };
  let def = post.impressionsDefinition;
  if (insights.views != null) {
    m.impressions = insights.views;
    def = 'views';
    if (post.contentType === 'reel' || post.contentType === 'video') m.videoViews = insights.views;
  } else if (insights.impressions != null) {
    m.impressions = insights.impressions;
    def = 'impressions';
  }
  if (insights.reach != null) m.reach = insights.reach;
  if (insights.saved != null) m.saves = insights.saved;
  if (insights.shares != null) m.shares = insights.shares;
  return { ...post, metrics: m, impressionsDefinition: def, sourceMetrics: { ...post.sourceMetrics, ...insights } };
}

/** A comment and its `replies` edge, flattened (replies carry the comment as parent). */
export function mapInstagramComments(c: JsonReader, mediaId: string, brand: { id: string | null; username: string }): NormalizedComment[] {
  const one = (r: JsonReader, parent: string | null): NormalizedComment => {
    const username = r.get('username').optStr() ?? r.get('from').get('username').optStr();
    const fromId = r.get('from').get('id').optStr();
    return {
      externalId: r.get('id').str(),
      postExternalId: mediaId,
      parentExternalId: parent,
      author: username || fromId ? { externalId: fromId ?? username ?? '', handle: username, displayName: null, followers: null } : null,
      text: r.get('text').optStr() ?? '',
      publishedAt: r.get('timestamp').isoDate(),
      isFromBrand: (fromId !== null && fromId === brand.id) || (username !== null && username.toLowerCase() === brand.username.toLowerCase()),
      likes: r.get('like_count').optNum(),
    };
  };
  const top = one(c, null);
  return [top, ...c.get('replies').get('data').optArr().map((r) => one(r, top.externalId))];
}

/**
 * `follower_count` (period=day) is the number of NEW followers each day, at most the last 30
 * days, never the current one; unfollows are not subtracted. The end-of-day counts are rebuilt
 * backwards from `followers_count` read now, so a day's count is an estimate that ignores the
 * unfollows and today's gains after it (it reads low when many unfollowed since).
 */
export function mapInstagramFollowerHistory(insights: JsonReader, currentFollowers: number): NormalizedAccountStats[] {
  return followerRows(countsFromGains(currentFollowers, readDailyInsight(insights, 'follower_count')));
}
