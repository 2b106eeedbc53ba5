import { emptyMetrics, type RowReader } from '../row-reader';
import { type ImportFormat, unlessErrors } from './import-format';

/**
 * YouTube Studio → Analytics → Advanced mode → Content, "Table data.csv". Mapping: Content
 * (the video id) → id and permalink, Video title → text, Video publish time → date, Views →
 * video_views, Impressions (thumbnail impressions) → impressions, Likes → reactions,
 * Comments (Comments added) → comments, Shares → shares. The "Total" line is skipped.
 */
const COUNTS = ['Views', 'Impressions', 'Likes', 'Comments added', 'Comments', 'Shares', 'Subscribers', 'Subscribers gained',
  'Subscribers lost', 'Dislikes'];
const OTHER = ['Content', 'Video title', 'Video publish time', 'Duration', 'Watch time (hours)', 'Average view duration',
  'Impressions click-through rate (%)', 'Average percentage viewed (%)'];

export const youtubeStudioFormat: ImportFormat = {
  name: 'youtube-studio',
  layout: () => ({
    known: [...COUNTS, ...OTHER],
    required: ['Content', 'Video publish time'],
    reconstructDates: false,
    notes: [],
    skip: (r) => (r.text('Content').toLowerCase() === 'total' ? 'totals line' : null),
    map: (r: RowReader) => {
      const id = r.text('Content');
      if (!/^[A-Za-z0-9_-]{6,}$/.test(id)) r.fail(r.column('Content'), `not a video id: "${id}"`);
      const source: Record<string, number | null> = {};
      for (const c of COUNTS) if (r.column(c)) source[c] = r.count(c);
      return unlessErrors(r, {
        row: r.row,
        platform: 'youtube',
        externalId: id,
        publishedAt: r.date('Video publish time'),
        dateParts: null,
        contentType: 'video',
        text: r.text('Video title'),
        permalink: `https://www.youtube.com/watch?v=${id}`,
        metrics: {
          ...emptyMetrics(),
          impressions: source.Impressions ?? null,
          reactions: source.Likes ?? null,
          comments: source['Comments added'] ?? source.Comments ?? null,
          shares: source.Shares ?? null,
          videoViews: source.Views ?? null,
        },
        impressionsDefinition: source.Impressions != null ? 'impressions' : null,
        sourceMetrics: source,
        followers: null,
      });
    },
  }),
};
