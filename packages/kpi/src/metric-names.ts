import type { CountKey } from './kpi-keys';

/**
 * The ONE place where platform metric names meet Vigie's canonical count keys (trypost's
 * lesson: scattered metric names break silently when a platform retires one). Bump
 * METRIC_NAMES_VERSION on every change so stored snapshots can say which mapping they used.
 */
export const METRIC_NAMES_VERSION = '2025-11-01';

export const PLATFORMS = [
  'facebook',
  'instagram',
  'youtube',
  'x',
  'linkedin',
  'tiktok',
  'mastodon',
  'bluesky',
  'reddit',
] as const;

export type Platform = (typeof PLATFORMS)[number];

/**
 * Which Meta definition a figure follows. Meta replaced impression-based metrics by "views"
 * in 2025 (Instagram from 2025-04-21; Facebook Pages announced for 2025-11-15, then "by
 * 2026-06-15"); the two are not comparable, so a series mixing them has a break.
 * - 'impressions': the pre-2025 definition (impressions, impressions_unique, plays, video_views);
 * - 'views': the post-2025 definition (views, media_view, total_media_view_unique).
 */
export type MetricDefinitionEra = 'impressions' | 'views';

export interface MetricMapping {
  canonical: CountKey;
  /** Only for metrics touched by Meta's 2025 impressions → views change. */
  era?: MetricDefinitionEra;
  /** Day the platform stopped serving it (requesting it may fail the whole insights call). */
  retiredOn?: string;
  /** Raw name that replaces it. */
  replacedBy?: string;
  /** Why the mapping is approximate, when it is. */
  note?: string;
}

type MetricTable = { readonly [P in Platform]: Readonly<Record<string, MetricMapping>> };

export const METRIC_NAMES: MetricTable = {
  // Graph API /{post}/insights (PLATFORMS.md "Meta's deprecations", trypost #320).
  facebook: {
    post_impressions: {
      canonical: 'impressions',
      era: 'impressions',
      retiredOn: '2026-06-15',
      replacedBy: 'post_media_view',
      note: 'Meta blog said 2025-11-15; the Insights reference says by 2026-06-15.',
    },
    post_impressions_unique: {
      canonical: 'reach',
      era: 'impressions',
      retiredOn: '2026-06-15',
      replacedBy: 'post_total_media_view_unique',
    },
    post_media_view: { canonical: 'impressions', era: 'views' },
    post_total_media_view_unique: { canonical: 'reach', era: 'views' },
    post_clicks: { canonical: 'clicks' },
    post_video_views: { canonical: 'videoViews' },
  },
  // Graph API /{media}/insights; v22 removed impressions, plays, video_views (2025-04-21).
  instagram: {
    impressions: {
      canonical: 'impressions',
      era: 'impressions',
      retiredOn: '2025-04-21',
      replacedBy: 'views',
    },
    views: { canonical: 'impressions', era: 'views' },
    reach: { canonical: 'reach' },
    plays: {
      canonical: 'videoViews',
      era: 'impressions',
      retiredOn: '2025-04-21',
      replacedBy: 'views',
    },
    video_views: {
      canonical: 'videoViews',
      era: 'impressions',
      retiredOn: '2025-04-21',
      replacedBy: 'views',
    },
    total_interactions: {
      canonical: 'interactions',
      note: 'Organic only; used only when likes/comments/shares/saved are absent.',
    },
    saved: { canonical: 'saves' },
    shares: { canonical: 'shares' },
    likes: { canonical: 'reactions' },
    comments: { canonical: 'comments' },
  },
  // Data API videos.list part=statistics.
  youtube: {
    viewCount: { canonical: 'videoViews' },
    likeCount: { canonical: 'reactions' },
    commentCount: { canonical: 'comments' },
  },
  // API v2 public_metrics / non_public_metrics (a "public_metrics." prefix is accepted).
  x: {
    impression_count: { canonical: 'impressions' },
    like_count: { canonical: 'reactions' },
    retweet_count: { canonical: 'shares' },
    quote_count: {
      canonical: 'shares',
      note: 'Quotes are shares with a comment: add to retweets.',
    },
    reply_count: { canonical: 'comments' },
    bookmark_count: { canonical: 'saves' },
    url_link_clicks: { canonical: 'clicks' },
  },
  // organizationalEntityShareStatistics totalShareStatistics.
  linkedin: {
    impressionCount: { canonical: 'impressions' },
    uniqueImpressionsCount: { canonical: 'reach' },
    clickCount: { canonical: 'clicks' },
    likeCount: { canonical: 'reactions' },
    commentCount: { canonical: 'comments' },
    shareCount: { canonical: 'shares' },
  },
  tiktok: {
    view_count: { canonical: 'videoViews' },
    like_count: { canonical: 'reactions' },
    comment_count: { canonical: 'comments' },
    share_count: { canonical: 'shares' },
  },
  mastodon: {
    favourites_count: { canonical: 'reactions' },
    reblogs_count: { canonical: 'shares' },
    replies_count: { canonical: 'comments' },
  },
  bluesky: {
    likeCount: { canonical: 'reactions' },
    repostCount: { canonical: 'shares' },
    quoteCount: { canonical: 'shares', note: 'Quotes are shares with a comment: add to reposts.' },
    replyCount: { canonical: 'comments' },
  },
  reddit: {
    score: { canonical: 'reactions', note: 'Upvotes minus downvotes (fuzzed): an approximation.' },
    num_comments: { canonical: 'comments' },
  },
};

const FIELD_GROUP_PREFIX = /^(public_metrics|non_public_metrics|organic_metrics)\./;

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

/** The table entry for a raw metric name, or null if Vigie does not map it. */
export function metricMapping(platform: Platform, rawMetricName: string): MetricMapping | null {
  const name = platform === 'x' ? rawMetricName.replace(FIELD_GROUP_PREFIX, '') : rawMetricName;
  const table = METRIC_NAMES[platform];
  return Object.prototype.hasOwnProperty.call(table, name) ? (table[name] ?? null) : null;
}

/**
 * Canonical count key of a raw platform metric name (exact, case-sensitive), or null when
 * unknown. Several raw names may map to one key (X retweets + quotes → shares): add them.
 */
export function canonicalMetric(platform: Platform, rawMetricName: string): CountKey | null {
  return metricMapping(platform, rawMetricName)?.canonical ?? null;
}

/**
 * 'impressions' (pre-2025 Meta definition), 'views' (post-2025) or null for a metric that the
 * change did not touch (including unknown names and every non-Meta platform).
 */
export function metricDefinitionEra(
  platform: Platform,
  rawMetricName: string,
): MetricDefinitionEra | null {
  return metricMapping(platform, rawMetricName)?.era ?? null;
}
