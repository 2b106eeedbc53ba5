import type { CountKey } from './kpi-keys';
import {
  METRIC_NAMES,
  PLATFORMS,
  canonicalMetric,
  metricDefinitionEra,
  metricMapping,
  type MetricDefinitionEra,
  type Platform,
} from './metric-names';

describe('canonicalMetric / metricDefinitionEra', () => {
  it.each<[Platform, string, CountKey, MetricDefinitionEra | null]>([
    ['facebook', 'post_impressions', 'impressions', 'impressions'],
    ['facebook', 'post_impressions_unique', 'reach', 'impressions'],
    ['facebook', 'post_media_view', 'impressions', 'views'],
    ['facebook', 'post_total_media_view_unique', 'reach', 'views'],
    ['instagram', 'impressions', 'impressions', 'impressions'],
    ['instagram', 'views', 'impressions', 'views'],
    ['instagram', 'reach', 'reach', null],
    ['instagram', 'plays', 'videoViews', 'impressions'],
    ['instagram', 'video_views', 'videoViews', 'impressions'],
    ['instagram', 'total_interactions', 'interactions', null],
    ['instagram', 'saved', 'saves', null],
    ['instagram', 'shares', 'shares', null],
    ['instagram', 'likes', 'reactions', null],
    ['instagram', 'comments', 'comments', null],
    ['youtube', 'viewCount', 'videoViews', null],
    ['youtube', 'likeCount', 'reactions', null],
    ['youtube', 'commentCount', 'comments', null],
    ['x', 'impression_count', 'impressions', null],
    ['x', 'like_count', 'reactions', null],
    ['x', 'retweet_count', 'shares', null],
    ['x', 'quote_count', 'shares', null],
    ['x', 'reply_count', 'comments', null],
    ['x', 'bookmark_count', 'saves', null],
    ['x', 'url_link_clicks', 'clicks', null],
    ['x', 'public_metrics.like_count', 'reactions', null],
    ['x', 'non_public_metrics.url_link_clicks', 'clicks', null],
    ['linkedin', 'impressionCount', 'impressions', null],
    ['linkedin', 'uniqueImpressionsCount', 'reach', null],
    ['linkedin', 'clickCount', 'clicks', null],
    ['linkedin', 'likeCount', 'reactions', null],
    ['linkedin', 'commentCount', 'comments', null],
    ['linkedin', 'shareCount', 'shares', null],
    ['tiktok', 'view_count', 'videoViews', null],
    ['tiktok', 'like_count', 'reactions', null],
    ['tiktok', 'comment_count', 'comments', null],
    ['tiktok', 'share_count', 'shares', null],
    ['mastodon', 'favourites_count', 'reactions', null],
    ['mastodon', 'reblogs_count', 'shares', null],
    ['mastodon', 'replies_count', 'comments', null],
    ['bluesky', 'likeCount', 'reactions', null],
    ['bluesky', 'repostCount', 'shares', null],
    ['bluesky', 'replyCount', 'comments', null],
    ['bluesky', 'quoteCount', 'shares', null],
    ['reddit', 'score', 'reactions', null],
    ['reddit', 'num_comments', 'comments', null],
  ])('%s %s → %s (era %p)', (platform, raw, canonical, era) => {
    expect(canonicalMetric(platform, raw)).toBe(canonical);
    expect(metricDefinitionEra(platform, raw)).toBe(era);
  });

  it.each<[Platform, string]>([
    ['instagram', 'Views'], // names are case-sensitive, as the APIs are
    ['instagram', 'post_impressions'], // a Facebook name on Instagram
    ['facebook', 'impressions'],
    ['youtube', 'like_count'],
    ['x', 'public_metrics'],
    ['reddit', 'ups'],
    ['instagram', 'toString'], // not fooled by Object.prototype
    ['facebook', 'constructor'],
  ])('%s %s is unknown → null', (platform, raw) => {
    expect(canonicalMetric(platform, raw)).toBeNull();
    expect(metricDefinitionEra(platform, raw)).toBeNull();
  });

  it('has a table for every platform', () => {
    expect(Object.keys(METRIC_NAMES).sort()).toEqual([...PLATFORMS].sort());
  });

  it('maps every retired metric to a replacement of the same key in the views era', () => {
    for (const platform of PLATFORMS) {
      for (const [raw, mapping] of Object.entries(METRIC_NAMES[platform])) {
        if (!mapping.retiredOn) continue;
        expect(mapping.retiredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(mapping.era).toBe('impressions');
        const replacement = metricMapping(platform, mapping.replacedBy ?? '');
        expect({ raw, era: replacement?.era }).toEqual({ raw, era: 'views' });
        // Instagram folds plays/video_views into views (impressions); others keep their key.
        if (!(platform === 'instagram' && mapping.canonical === 'videoViews')) {
          expect(replacement?.canonical).toBe(mapping.canonical);
        }
      }
    }
  });
});
