import type { DayPeriodDto, IsoDateTime } from './common';

export const WATCH_QUERY_KINDS = ['brand', 'competitor', 'topic', 'influencer'] as const;
export type WatchQueryKind = (typeof WATCH_QUERY_KINDS)[number];

export const ALERT_TYPES = ['volume_spike', 'negative_surge', 'first_appearance', 'big_account'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export type WebhookFormat = 'slack' | 'teams';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

/** `GET /workspaces/:id/mentions` items. */
export interface MentionDto {
  id: string;
  platform: string;
  source: string | null;
  externalId: string | null;
  kind: string | null;
  origin: string | null;
  text: string;
  url: string | null;
  /** Pseudonymised per the workspace setting (default): `name` = pseudonym, `handle` null, `externalId` an opaque stable key; `pseudonymized` is always sent by the server. */
  author: { externalId: string; handle: string | null; name: string | null; followers: number | null; pseudonymized?: boolean } | null;
  reach: number | null;
  engagement: number | null;
  language: string | null;
  sentiment: { label: string; score: number | null } | null;
  isOwnContent: boolean;
  publishedAt: IsoDateTime;
  matchedAt: IsoDateTime | null;
  queryIds: string[];
  brandIds: string[];
}

/** `GET /workspaces/:id/mentions`. */
export interface MentionPageDto {
  items: MentionDto[];
  nextCursor: string | null;
}

/** `GET /workspaces/:id/watch-queries` items. */
export interface WatchQueryDto {
  id: string;
  workspaceId: string;
  brandId: string;
  kind: WatchQueryKind;
  name: string;
  query: string;
  active: boolean;
  createdBy: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface MatchSpanDto {
  /** Character range in the text, end exclusive. */
  start: number;
  end: number;
}

/** `POST /workspaces/:id/watch-queries/preview` on given texts. */
export interface QueryPreviewTextsDto {
  count: number;
  total: number;
  matches: Array<{ index: number; text: string; matched: boolean; spans: MatchSpanDto[] }>;
}

/** `POST /workspaces/:id/watch-queries/preview` over the stored items of the last days. */
export interface QueryPreviewStoredDto {
  count: number;
  scanned: number;
  truncated: boolean;
  from: string;
  matches: Array<{
    type: 'mention' | 'post' | 'comment';
    id: string;
    platform: string;
    source: string | null;
    text: string;
    url: string | null;
    publishedAt: IsoDateTime;
    spans: MatchSpanDto[];
  }>;
  byDay: Array<{ day: string; count: number }>;
  bySource: Array<{ platform: string; count: number }>;
}

export type QueryPreviewDto = QueryPreviewTextsDto | QueryPreviewStoredDto;

/** `GET /workspaces/:id/alert-rules` items. */
export interface AlertRuleDto {
  id: string;
  brandId: string;
  queryId: string | null;
  name: string;
  type: AlertType;
  params: Record<string, number | boolean>;
  cooldownMinutes: number;
  recipients: string[];
  webhookUrl: string | null;
  webhookFormat: WebhookFormat | null;
  hasWebhookSecret: boolean;
  active: boolean;
  createdAt: IsoDateTime;
}

/** `GET /workspaces/:id/alerts` items. */
export interface AlertDto {
  id: string;
  ruleId: string;
  brandId: string;
  queryId: string | null;
  type: string;
  key: string;
  status: AlertStatus;
  title: string;
  details: Record<string, unknown>;
  count: number;
  occurrences: number;
  raisedAt: IsoDateTime;
  lastSeenAt: IsoDateTime;
  acknowledged: { by: string | null; email: string | null; at: IsoDateTime } | null;
  resolved: { by: string | null; email: string | null; at: IsoDateTime } | null;
}

/** `GET /workspaces/:id/sources` items (RSS / Atom feeds). */
export interface ListeningSourceDto {
  id: string;
  url: string;
  name: string;
  active: boolean;
  lastPolledAt: IsoDateTime | null;
  lastStatus: string | null;
  lastError: string | null;
  createdAt: IsoDateTime;
}

/** One author of the period's mentions, ranked by reach, volume and engagement. */
export interface InfluencerDto {
  platform: string;
  /** Pseudonymised per the workspace setting (default): `name` = pseudonym, `handle` null, `externalId` an opaque stable key; `pseudonymized` is always sent by the server. */
  author: { externalId: string; handle: string | null; name: string | null; followers: number | null; pseudonymized?: boolean };
  reach: number;
  mentions: number;
  engagement: number | null;
  sentiment: { positive: number; negative: number; net: number };
  lastMentionAt: IsoDateTime;
  score: number;
}

/** `GET /workspaces/:id/influencers`. */
export interface InfluencersDto {
  period: DayPeriodDto;
  items: InfluencerDto[];
}

/** `GET /workspaces/:id/share-of-voice`. */
export interface ShareOfVoiceDto {
  period: DayPeriodDto;
  granularity: 'day' | 'month';
  brand: { id: string; name: string; mentions: number | null };
  competitors: Array<{ brandId: string; name: string; mentions: number }>;
  shareOfVoice: number | null;
  series: Array<{ bucket: string; brand: number; competitors: Record<string, number>; shareOfVoice: number | null }>;
}

/** `GET /workspaces/:id/competitors` rows. */
export interface CompetitorRowDto {
  channelAccountId: string;
  brandId: string;
  brandName: string;
  isCompetitor: boolean;
  platform: string;
  handle: string;
  posts: number;
  postsPerWeek: number;
  followersEnd: number | null;
  interactions: number | null;
  engagementRateByReach: number | null;
  engagementRateByFollowers: number | null;
}

/** `GET /workspaces/:id/competitors`. */
export interface CompetitorsDto {
  period: DayPeriodDto;
  days: number;
  items: CompetitorRowDto[];
}

export interface TermGrowthDto {
  term: string;
  count: number;
  previous: number;
  /** (count + 1) / (previous + 1). */
  growth: number;
}

/** `GET /workspaces/:id/trends`. */
export interface TrendsDto {
  period: DayPeriodDto;
  previousPeriod: DayPeriodDto;
  terms: TermGrowthDto[];
  hashtags: TermGrowthDto[];
  platforms: Array<{ platform: string; count: number; previous: number; growth: number }>;
  sources: Array<{ source: string; count: number; previous: number; growth: number }>;
}

/** `GET /workspaces/:id/watch-queries/:queryId/listening` items: one per (platform, search string) polled. */
export interface ListeningStatusDto {
  platform: string;
  /** The string sent to the platform (see the veille README, "Listening"). */
  search: string;
  newestAt: IsoDateTime | null;
  lastPolledAt: IsoDateTime | null;
  lastError: string | null;
  /** What the platform could not do for this search, e.g. a Mastodon instance without full-text search (searched as a hashtag instead). */
  notice: string | null;
  /** false when the search fell back (notice set). */
  fullText: boolean;
}
