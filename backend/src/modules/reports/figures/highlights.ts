import { computeKpis, median, sumCounts, type CountRecord, type KpiKey } from '@vigie/kpi';
import type { AlertFigure, HighlightsSection, PostFigure } from '../report-figures';
import type { ReportPostRow } from '../sources/report-sources';

const TOP_POSTS = 3;
const MAX_TOPICS = 20;
const HASHTAG = /#[\p{L}\p{N}_]{2,}/gu;

function counts(p: ReportPostRow): CountRecord {
  return {
    posts: 1,
    impressions: p.impressions,
    reach: p.reach,
    reactions: p.reactions,
    comments: p.comments,
    shares: p.shares,
    saves: p.saves,
    clicks: p.clicks,
  };
}

export function hashtagsOf(text: string): string[] {
  return [...new Set((text.match(HASHTAG) ?? []).map((t) => t.toLowerCase()))];
}

export interface HighlightsInput {
  posts: ReportPostRow[];
  /** The brand's KPIs of the month (KPI API). */
  brandKpis: Record<KpiKey, number | null>;
  /** Daily points of the month from the KPI API's series (from, interactions). */
  dailySeries: Array<Record<string, string | number | null>>;
  /** Interactions of the 12 months, oldest first (the report's month last). */
  monthlyInteractions: Array<number | null>;
  bestPostEver: ReportPostRow | null;
  alerts: AlertFigure[] | null;
}

/**
 * Section 2. A post's rate is computed like the brand's (computeKpis on its own counts), by
 * reach when the brand's month has a reach-based rate, else by impressions; "why it stood out"
 * is its rate divided by the median rate of the month's posts.
 */
export function buildHighlights(input: HighlightsInput): HighlightsSection {
  const rateKey = input.brandKpis.engagementRateByReach !== null ? 'engagementRateByReach' : 'engagementRateByImpressions';
  const figures = input.posts.map((p) => {
    const values = computeKpis(sumCounts([counts(p)])).values;
    return { row: p, interactions: values.interactions, rate: values[rateKey] };
  });
  const rates = figures.map((f) => f.rate).filter((r): r is number => r !== null);
  const medianRate = median(rates);
  const toFigure = (row: ReportPostRow, interactions: number | null, rate: number | null): PostFigure => ({
    postId: row.id,
    platform: row.platform,
    handle: row.handle,
    publishedAt: new Date(row.publishedAt).toISOString(),
    contentType: row.contentType,
    excerpt: row.text.length > 200 ? `${row.text.slice(0, 199)}…` : row.text,
    permalink: row.permalink,
    interactions,
    reach: row.reach,
    impressions: row.impressions,
    rate,
    timesMedian: rate !== null && medianRate !== null && medianRate > 0 ? rate / medianRate : null,
    hashtags: hashtagsOf(row.text),
  });
  const topPosts = [...figures]
    .filter((f) => f.interactions !== null)
    .sort((a, b) => (b.interactions ?? 0) - (a.interactions ?? 0) || (b.rate ?? -1) - (a.rate ?? -1))
    .slice(0, TOP_POSTS)
    .map((f) => toFigure(f.row, f.interactions, f.rate));

  const tagged = new Map<string, ReportPostRow[]>();
  for (const p of input.posts) for (const tag of hashtagsOf(p.text)) tagged.set(tag, [...(tagged.get(tag) ?? []), p]);
  const topics = [...tagged.entries()]
    .map(([topic, posts]) => ({ topic, posts: posts.length, rate: computeKpis(sumCounts(posts.map(counts))).values[rateKey] }))
    .sort((a, b) => b.posts - a.posts || a.topic.localeCompare(b.topic))
    .slice(0, MAX_TOPICS);

  let bestDay: HighlightsSection['bestDay'] = null;
  for (const point of input.dailySeries) {
    const interactions = typeof point.interactions === 'number' ? point.interactions : null;
    if (interactions !== null && interactions > 0 && (!bestDay || interactions > bestDay.interactions)) {
      bestDay = { day: String(point.from), interactions };
    }
  }

  let bestPostEver: HighlightsSection['bestPostEver'] = null;
  if (input.bestPostEver) {
    const values = computeKpis(sumCounts([counts(input.bestPostEver)])).values;
    bestPostEver = {
      ...toFigure(input.bestPostEver, values.interactions, values[rateKey]),
      thisMonth: input.posts.some((p) => p.id === input.bestPostEver!.id),
    };
  }

  const months = input.monthlyInteractions;
  const current = months[months.length - 1];
  const others = months.slice(0, -1).filter((v): v is number => v !== null && v > 0);
  const bestMonthOfYear = current !== null && current > 0 && others.length > 0 && others.every((v) => current > v);

  return {
    rateKey,
    postsCount: input.posts.length,
    medianRate,
    topPosts,
    topics,
    bestDay,
    bestPostEver,
    bestMonthOfYear,
    alerts: input.alerts,
  };
}
