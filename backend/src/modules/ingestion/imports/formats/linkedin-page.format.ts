import type { ContentType } from '../../../channels/connectors/channel-connector';
import { emptyMetrics, type RowReader } from '../row-reader';
import { type ImportFormat, unlessErrors } from './import-format';

/**
 * LinkedIn page analytics → Content → "All posts" export (one row per update). Mapping:
 * Impressions → impressions, Unique impressions → reach, Clicks → clicks, Likes/Reactions →
 * reactions, Comments → comments, Reposts/Shares → shares, Views → video_views. The post id is
 * the activity/share URN of "Post link" when present.
 */
const COUNTS = ['Impressions', 'Unique impressions', 'Views (excluding off-site video views)', 'Off-site views', 'Clicks',
  'Likes', 'Reactions', 'Comments', 'Reposts', 'Shares', 'Follows'];
const OTHER = ['Post title', 'Post link', 'Post type', 'Content Type', 'Campaign name', 'Posted by', 'Created date',
  'Campaign start date', 'Campaign end date', 'Audience', 'Click through rate (CTR)', 'Engagement rate'];

function contentType(raw: string): ContentType {
  const t = raw.toLowerCase();
  if (t.includes('video')) return 'video';
  if (t.includes('image') || t.includes('photo')) return 'photo';
  if (t.includes('article')) return 'article';
  if (t.includes('document') || t.includes('carousel')) return 'carousel';
  if (t.includes('link') || t.includes('url')) return 'link';
  if (t.includes('text')) return 'status';
  return 'other';
}

/** decodeURIComponent that keeps the text as is when it is not valid percent-encoding ('100%'). */
function decodeLoosely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function urnOf(link: string | null): string | null {
  const m = link ? /urn:li:(?:activity|share|ugcPost):\d+/.exec(decodeLoosely(link)) : null;
  return m ? m[0] : null;
}

export const linkedinPageFormat: ImportFormat = {
  name: 'linkedin-page',
  layout: () => ({
    known: [...COUNTS, ...OTHER],
    required: ['Created date'],
    reconstructDates: false,
    notes: [],
    map: (r: RowReader) => {
      const source: Record<string, number | null> = {};
      for (const c of COUNTS) if (r.column(c)) source[c] = r.count(c);
      const link = r.raw('Post link') || null;
      return unlessErrors(r, {
        row: r.row,
        platform: 'linkedin',
        externalId: urnOf(link),
        publishedAt: r.date('Created date'),
        dateParts: null,
        contentType: contentType(r.text('Content Type', 'Post type')),
        text: r.text('Post title'),
        permalink: link,
        metrics: {
          ...emptyMetrics(),
          impressions: source.Impressions ?? null,
          reach: source['Unique impressions'] ?? null,
          reactions: source.Likes ?? source.Reactions ?? null,
          comments: source.Comments ?? null,
          shares: source.Reposts ?? source.Shares ?? null,
          clicks: source.Clicks ?? null,
          videoViews: source['Views (excluding off-site video views)'] ?? null,
        },
        impressionsDefinition: source.Impressions != null ? 'impressions' : null,
        sourceMetrics: source,
        followers: null,
      });
    },
  }),
};
