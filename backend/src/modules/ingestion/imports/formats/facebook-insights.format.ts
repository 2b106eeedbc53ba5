import type { ContentType } from '../../../channels/connectors/channel-connector';
import { emptyMetrics, type RowReader } from '../row-reader';
import { type FormatLayout, type ImportFormat, unlessErrors } from './import-format';

/**
 * Facebook post exports, two generations told apart by their header:
 *  - Insights "Lifetime Post …" exports (and the UCI "Facebook metrics" file, Moro et al. 2016,
 *    which has no date but Post Month / Post Weekday / Post Hour of 2014);
 *  - Meta Business Suite exports (Publish time, Post ID, Permalink, Post type, Views/Impressions,
 *    Reach, Reactions, Comments, Shares, Total clicks…).
 * Mapping: like/Reactions → reactions, comment/Comments → comments, share/Shares → shares,
 * Lifetime Post Total Reach/Reach → reach, Lifetime Post Total Impressions/Impressions →
 * impressions ('impressions' definition) or Views → impressions ('views' definition, Meta's 2025
 * replacement), Lifetime Post Consumptions/Total clicks → clicks ("consumptions" is the former
 * name of post_clicks in the Graph API: clicks anywhere in the post), Page total likes → followers.
 * Every numeric Insights column is kept under its own name in source_metrics.
 */
const UCI_DATE = ['Post Month', 'Post Weekday', 'Post Hour'];
const LIFETIME = [
  'Lifetime Post Total Reach',
  'Lifetime Post Total Impressions',
  'Lifetime Engaged Users',
  'Lifetime Post Consumers',
  'Lifetime Post Consumptions',
  'Lifetime Post Impressions by people who have liked your Page',
  'Lifetime Post reach by people who like your Page',
  'Lifetime People who have liked your Page and engaged with your post',
];
const INSIGHTS_COUNTS = [...LIFETIME, 'comment', 'like', 'share', 'Total Interactions', 'Page total likes', 'Paid', 'Category'];
const INSIGHTS_OTHER = ['Type', 'Post ID', 'Permalink', 'Post Message', 'Posted', ...UCI_DATE];

const BUSINESS_SUITE = [
  'Post ID', 'Page ID', 'Page name', 'Title', 'Description', 'Duration (sec)', 'Publish time', 'Caption type',
  'Permalink', 'Is crosspost', 'Is share', 'Post type', 'Languages', 'Custom labels', 'Funded content status',
  'Data comment', 'Date', 'Views', 'Impressions', 'Reach', 'Reactions, Comments and Shares', 'Reactions', 'Comments',
  'Shares', 'Total clicks', 'Link clicks', 'Other Clicks', 'Seconds viewed', 'Average Seconds viewed', 'Followers',
];
const BS_COUNTS = ['Views', 'Impressions', 'Reach', 'Reactions, Comments and Shares', 'Reactions', 'Comments', 'Shares',
  'Total clicks', 'Link clicks', 'Other Clicks', 'Seconds viewed'];

function contentType(raw: string): ContentType {
  const lower = raw.trim().toLowerCase();
  const t = lower === 'status' ? lower : lower.replace(/s$/, ''); // "Photos", "Links", "Videos" (Business Suite)
  if (t === 'photo' || t === 'image') return 'photo';
  if (t === 'video' || t === 'live') return 'video';
  if (t === 'reel') return 'reel';
  if (t === 'link') return 'link';
  if (t === 'status' || t === 'text') return 'status';
  if (t === 'album' || t === 'carousel') return 'carousel';
  if (t === 'story') return 'story';
  return 'other';
}

function sourceOf(r: RowReader, names: string[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const n of names) if (r.column(n)) out[n] = r.count(n);
  return out;
}

function insightsLayout(keys: ReadonlySet<string>): FormatLayout {
  const uci = !keys.has('posted') && UCI_DATE.every((c) => keys.has(c.toLowerCase()));
  return {
    known: [...INSIGHTS_COUNTS, ...INSIGHTS_OTHER],
    required: uci ? ['Type', ...UCI_DATE] : ['Posted'],
    reconstructDates: uci,
    notes: [],
    // Old Insights exports carry a second header line of metric descriptions ("Lifetime: The number of…").
    skip: (r) => (/^lifetime:/i.test(r.text('Lifetime Post Total Reach')) ? 'metric descriptions line' : null),
    map: (r) => {
      const source = sourceOf(r, INSIGHTS_COUNTS);
      const month = uci ? r.intIn('Post Month', 1, 12) : null;
      const weekday = uci ? r.intIn('Post Weekday', 1, 7) : null;
      const hour = uci ? r.intIn('Post Hour', 0, 23) : null;
      const publishedAt = uci ? null : r.date('Posted');
      const type = r.text('Type');
      if (!type) r.fail(r.column('Type') ?? 'Type', 'missing post type');
      const impressions = source['Lifetime Post Total Impressions'] ?? null;
      return unlessErrors(r, {
        row: r.row,
        platform: 'facebook',
        externalId: r.raw('Post ID') || null,
        publishedAt,
        dateParts: uci ? { month: month!, weekday: weekday!, hour: hour! } : null,
        contentType: contentType(type),
        text: r.text('Post Message'),
        permalink: r.raw('Permalink') || null,
        metrics: {
          ...emptyMetrics(),
          impressions,
          reach: source['Lifetime Post Total Reach'] ?? null,
          reactions: source.like ?? null,
          comments: source.comment ?? null,
          shares: source.share ?? null,
          clicks: source['Lifetime Post Consumptions'] ?? null,
        },
        impressionsDefinition: impressions !== null ? 'impressions' : null,
        sourceMetrics: source,
        followers: source['Page total likes'] ?? null,
      });
    },
  };
}

function businessSuiteLayout(keys: ReadonlySet<string>): FormatLayout {
  return {
    known: BUSINESS_SUITE,
    required: ['Publish time'],
    reconstructDates: false,
    notes: [],
    map: (r) => {
      const source = sourceOf(r, BS_COUNTS);
      // Meta replaced impressions by views in 2025: a file has one or the other (series break).
      const views = keys.has('views') ? source.Views : null;
      const impressions = keys.has('impressions') ? source.Impressions : null;
      const title = r.text('Title');
      const description = r.text('Description');
      return unlessErrors(r, {
        row: r.row,
        platform: 'facebook',
        externalId: r.raw('Post ID') || null,
        publishedAt: r.date('Publish time'),
        dateParts: null,
        contentType: contentType(r.text('Post type')),
        text: [title, description].filter(Boolean).join('\n'),
        permalink: r.raw('Permalink') || null,
        metrics: {
          ...emptyMetrics(),
          impressions: impressions ?? views ?? null,
          reach: source.Reach ?? null,
          reactions: source.Reactions ?? null,
          comments: source.Comments ?? null,
          shares: source.Shares ?? null,
          clicks: source['Total clicks'] ?? null,
        },
        impressionsDefinition: impressions !== null && impressions !== undefined ? 'impressions' : views != null ? 'views' : null,
        sourceMetrics: source,
        followers: keys.has('followers') ? r.count('Followers') : null,
      });
    },
  };
}

export const facebookInsightsFormat: ImportFormat = {
  name: 'facebook-insights',
  layout: (keys) => (keys.has('publish time') ? businessSuiteLayout(keys) : insightsLayout(keys)),
};
