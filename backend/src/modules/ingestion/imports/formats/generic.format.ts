import { type ContentType, PLATFORMS, type Platform } from '../../../channels/connectors/channel-connector';
import { emptyMetrics, type RowReader } from '../row-reader';
import { type ImportFormat, unlessErrors } from './import-format';

/** The documented generic format: see ../GENERIC_FORMAT.md. */
const CONTENT_TYPES: ContentType[] = ['photo', 'video', 'reel', 'story', 'link', 'status', 'carousel', 'article', 'other'];
const METRICS = ['impressions', 'reach', 'reactions', 'comments', 'shares', 'saves', 'clicks', 'video_views'] as const;

export const genericFormat: ImportFormat = {
  name: 'generic',
  layout: () => ({
    known: ['id', 'platform', 'published_at', 'content_type', 'text', 'permalink', ...METRICS, 'impressions_definition', 'followers'],
    required: ['platform', 'published_at'],
    reconstructDates: false,
    notes: [],
    map: (r: RowReader) => {
      const platform = r.text('platform').toLowerCase();
      if (!PLATFORMS.includes(platform as Platform)) r.fail(r.column('platform'), `unknown platform "${platform}" (one of ${PLATFORMS.join(', ')})`);
      const type = (r.text('content_type') || 'other').toLowerCase();
      if (!CONTENT_TYPES.includes(type as ContentType)) r.fail(r.column('content_type'), `unknown content type "${type}" (one of ${CONTENT_TYPES.join(', ')})`);
      const def = r.text('impressions_definition').toLowerCase();
      if (def && def !== 'impressions' && def !== 'views') r.fail(r.column('impressions_definition'), `expected impressions or views, got "${def}"`);
      const m: Record<string, number | null> = {};
      for (const k of METRICS) m[k] = r.count(k);
      return unlessErrors(r, {
        row: r.row,
        platform: platform as Platform,
        externalId: r.raw('id') || null,
        publishedAt: r.date('published_at'),
        dateParts: null,
        contentType: type as ContentType,
        text: r.text('text'),
        permalink: r.raw('permalink') || null,
        metrics: {
          ...emptyMetrics(),
          impressions: m.impressions,
          reach: m.reach,
          reactions: m.reactions,
          comments: m.comments,
          shares: m.shares,
          saves: m.saves,
          clicks: m.clicks,
          videoViews: m.video_views,
        },
        impressionsDefinition: m.impressions !== null ? ((def || 'impressions') as 'impressions' | 'views') : null,
        sourceMetrics: {},
        followers: r.count('followers'),
      });
    },
  }),
};
