import { POST_COUNT_KEYS, type PostCounts } from '@vigie/contracts';

/**
 * A post as the dashboard shows it. `GET /api/workspaces/:id/posts` is normalised here so the
 * table, the top posts and the exports read one shape (metrics flat or under `metrics`).
 */
export interface PostRow extends PostCounts {
  id: string;
  brandId: string | null;
  brandName: string | null;
  platform: string;
  handle: string | null;
  contentType: string | null;
  text: string;
  permalink: string | null;
  publishedAt: string;
  interactions: number | null;
  engagementRateByReach: number | null;
  engagementRateByImpressions: number | null;
}

export const POST_METRIC_KEYS = [
  ...POST_COUNT_KEYS,
  'interactions',
  'engagementRateByReach',
  'engagementRateByImpressions',
] as const;

export type PostMetricKey = (typeof POST_METRIC_KEYS)[number];

type Raw = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
};

export function toPostRow(raw: Raw): PostRow {
  const metrics = { ...raw, ...((raw.metrics as Raw | undefined) ?? {}), ...((raw.kpis as Raw | undefined) ?? {}), ...((raw.rates as Raw | undefined) ?? {}) };
  const channel = (raw.channel as Raw | undefined) ?? (raw.channelAccount as Raw | undefined) ?? {};
  const brand = (raw.brand as Raw | undefined) ?? {};
  const row: PostRow = {
    id: String(raw.id ?? ''),
    brandId: str(raw.brandId) ?? str(brand.id),
    brandName: str(raw.brandName) ?? str(brand.name),
    platform: str(raw.platform) ?? str(channel.platform) ?? '',
    handle: str(raw.handle) ?? str(channel.handle),
    contentType: str(raw.contentType) ?? str(raw.type),
    text: str(raw.text) ?? str(raw.excerpt) ?? '',
    permalink: str(raw.permalink) ?? str(raw.url),
    publishedAt: str(raw.publishedAt) ?? '',
    impressions: null,
    reach: null,
    reactions: null,
    comments: null,
    shares: null,
    saves: null,
    clicks: null,
    videoViews: null,
    interactions: null,
    engagementRateByReach: null,
    engagementRateByImpressions: null,
  };
  for (const k of POST_METRIC_KEYS) row[k] = num(metrics[k]);
  // Derive what the API left out, with the same definitions as @vigie/kpi.
  if (row.interactions === null) {
    const parts = [row.reactions, row.comments, row.shares, row.saves].filter((v): v is number => v !== null);
    if (parts.length) row.interactions = parts.reduce((a, b) => a + b, 0);
  }
  if (row.engagementRateByReach === null && row.interactions !== null && row.reach) {
    row.engagementRateByReach = row.interactions / row.reach;
  }
  if (row.engagementRateByImpressions === null && row.interactions !== null && row.impressions) {
    row.engagementRateByImpressions = row.interactions / row.impressions;
  }
  return row;
}

/** Accepts `{ items, nextCursor }` or a bare array. */
export function toPostPage(body: unknown): { items: PostRow[]; nextCursor: string | null } {
  if (Array.isArray(body)) return { items: body.map((r) => toPostRow(r as Raw)), nextCursor: null };
  const b = (body ?? {}) as Raw;
  const items = Array.isArray(b.items) ? b.items : Array.isArray(b.posts) ? b.posts : [];
  return { items: items.map((r) => toPostRow(r as Raw)), nextCursor: str(b.nextCursor) };
}

/** Only http(s) permalinks become links (a `javascript:` URL from a feed must never be clickable). */
export function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}
