import type { ConversationThemeDto, RecommendationItemDto } from '@vigie/contracts';
import type { DayPeriod, Delta, KpiKey } from '@vigie/kpi';

/**
 * The figures a report is made of, frozen as JSON in reports.figures at generation (and kept
 * as sent). Everything the HTML, PDF, XLSX and e-mail show comes from here, so a sent report
 * reads the same forever. `null` section data = the source is not available in this install
 * (the text says so); an empty list = the source answered and had nothing.
 */
export type ReportLanguage = 'fr' | 'en';
export type SectionKey = 'indicators' | 'highlights' | 'inbound' | 'competitors' | 'recommendations';
export const SECTION_KEYS: readonly SectionKey[] = ['indicators', 'highlights', 'inbound', 'competitors', 'recommendations'];

export interface IndicatorRow {
  key: KpiKey;
  value: number | null;
  previous: number | null;
  delta: Delta;
  /** One value per month of `ReportFigures.months` (oldest first, the report's month last). */
  series: Array<number | null>;
  /** Not provided by any source this month (null for lack of data, not a zero denominator). */
  missing: boolean;
  partial: boolean;
}

export interface ChannelIndicators {
  channelAccountId: string;
  platform: string;
  handle: string;
  rows: Array<Omit<IndicatorRow, 'series'>>;
}

export interface IndicatorsSection {
  rows: IndicatorRow[];
  byChannel: ChannelIndicators[];
  byContentType: Array<{ contentType: string; posts: number | null; engagementRateByReach: number | null; interactions: number | null }>;
  /** Interactions per local weekday (1 = Monday) × hour of publication. */
  heatmap: Array<{ weekday: number; hour: number; posts: number; interactions: number }>;
}

export interface PostFigure {
  postId: string;
  platform: string;
  handle: string;
  publishedAt: string;
  contentType: string;
  excerpt: string;
  permalink: string | null;
  interactions: number | null;
  reach: number | null;
  impressions: number | null;
  /** Engagement rate of this post, by reach (or by impressions when the brand has no reach). */
  rate: number | null;
  /** rate ÷ the brand's median post rate of the month. */
  timesMedian: number | null;
  hashtags: string[];
}

export interface AlertFigure {
  id: string;
  kind: 'spike' | 'crisis' | 'first_appearance' | 'big_account' | string;
  title: string;
  startedAt: string;
  /** Peak volume (mentions per bucket) when the source gives it. */
  peak: number | null;
  /** raised → (lastSeen: still rising, with its count) → acknowledged → resolved. */
  timeline: Array<{ at: string; event: 'raised' | 'lastSeen' | 'acknowledged' | 'resolved'; by: string | null; count: number | null }>;
  status: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface HighlightsSection {
  rateKey: 'engagementRateByReach' | 'engagementRateByImpressions';
  postsCount: number;
  medianRate: number | null;
  topPosts: PostFigure[];
  bestDay: { day: string; interactions: number } | null;
  bestPostEver: (PostFigure & { thisMonth: boolean }) | null;
  /** Hashtags of the month's posts with the rate of the posts carrying them (ratio of sums). */
  topics: Array<{ topic: string; posts: number; rate: number | null }>;
  /** The month had the most interactions of the 12 shown. */
  bestMonthOfYear: boolean;
  /** null: no alert source (veille) in this install. */
  alerts: AlertFigure[] | null;
}

export const INBOUND_TYPES = [
  'question',
  'lead',
  'job_application',
  'invitation',
  'partnership',
  'complaint',
  'praise',
] as const;
export type InboundType = (typeof INBOUND_TYPES)[number];

export interface InboundSection {
  /** null: the inbox is not available. */
  counts: Array<{ type: InboundType; count: number; previous: number | null }> | null;
  quotes: Array<{ type: InboundType; author: string; text: string; publishedAt: string; platform: string }>;
  services: Array<{
    serviceId: string | null;
    name: string;
    requests: number;
    answered: number;
    responseRate: number | null;
    medianFirstResponseMinutes: number | null;
  }> | null;
  /**
   * What the community talked about this month (themes of its comments, with their tone, next to
   * the previous month). Absent in reports generated before themes existed; null: not available.
   */
  themes?: { analysedComments: number; withTheme: number; items: ConversationThemeDto[] } | null;
}

export interface CompetitorFigure {
  brandId: string;
  name: string;
  engagementRateByReach: number | null;
  previousEngagementRateByReach: number | null;
  interactions: number | null;
  previousInteractions: number | null;
  posts: number | null;
  followers: number | null;
  /** Share of voice of this competitor among the brand + competitors; null when unknown. */
  shareOfVoice: number | null;
  previousShareOfVoice: number | null;
}

export interface CompetitorsSection {
  brand: {
    engagementRateByReach: number | null;
    previousEngagementRateByReach: number | null;
    interactions: number | null;
    shareOfVoice: number | null;
    previousShareOfVoice: number | null;
  };
  competitors: CompetitorFigure[];
  /** Where the share-of-voice figures come from (null: no source). */
  shareOfVoiceSource: 'veille' | 'kpi' | null;
}

export interface ReportFigures {
  version: 1;
  language: ReportLanguage;
  brand: { id: string; name: string; logoUrl: string | null };
  workspace: { name: string; timezone: string };
  month: string;
  period: DayPeriod;
  previousPeriod: DayPeriod;
  /** The 12 months of the sparklines, oldest first. */
  months: string[];
  indicators: IndicatorsSection;
  highlights: HighlightsSection;
  inbound: InboundSection;
  competitors: CompetitorsSection;
  /** What the figures could not include, for the reader (e.g. "veille"). */
  unavailable: string[];
  generatedAt: string;
}

/** One recommendation as stored (editable by the CM): the contracts' reply shape. */
export type RecommendationItem = RecommendationItemDto;

export interface StoredRecommendations {
  items: RecommendationItem[];
  /** Rule keys the CM removed: a regeneration does not bring them back. */
  removedKeys: string[];
}
