/**
 * Input of the recommendation rules: the month's figures reduced to what the rules read.
 * Rates are fractions (engagement by reach, or by impressions when the brand has no reach).
 */
export interface RecommendationInput {
  /** The brand's rate over the month (ratio of sums). */
  brandRate: number | null;
  byContentType: Array<{ contentType: string; posts: number; rate: number | null }>;
  /** Weekday (1 = Monday) × hour cells of the month. */
  heatmap: Array<{ weekday: number; hour: number; posts: number; interactions: number }>;
  byChannel: Array<{ platform: string; handle: string; posts: number; rate: number | null }>;
  /** Hashtags of the month's posts with the rate of the posts carrying them (ratio of sums). */
  topics: Array<{ topic: string; posts: number; rate: number | null }>;
  responseRate: number | null;
  medianFirstResponseMinutes: number | null;
  communityRequests: number | null;
  netSentiment: number | null;
  previousNetSentiment: number | null;
}

/** What a rule concluded: a sentence key and the figures it cites. */
export interface RuleResult {
  key: RecommendationKey;
  params: Record<string, string | number>;
}

export type RecommendationKey =
  | 'bestFormat'
  | 'bestTime'
  | 'pushChannel'
  | 'dropChannel'
  | 'topic'
  | 'responseTime'
  | 'responseRate'
  | 'sentimentNegative'
  | 'sentimentDrop';

export type Rule = (input: RecommendationInput) => RuleResult | null;

/** Thresholds, named so the tests and the README cite the same numbers. */
export const THRESHOLDS = {
  /** A format / channel / topic needs this many posts in the month to be judged. */
  minPosts: 3,
  /** A weekday × hour slot needs this many posts. */
  minSlotPosts: 2,
  /** Best format / topic: at least this many times the brand's rate. */
  formatLift: 1.2,
  topicLift: 1.3,
  /** Best slot: interactions per post at least this many times the month's average. */
  slotLift: 1.3,
  /** Channel to push: ≥ 1.5× the brand's rate; to drop: ≤ 0.5×. */
  pushLift: 1.5,
  dropRatio: 0.5,
  /** Median first response above 4 hours is slow for a community (Forem: 24/7 communities). */
  slowResponseMinutes: 240,
  /** Below 80 % of requests answered. */
  minResponseRate: 0.8,
  /** Net sentiment falling by 20 points or more. */
  sentimentDrop: 0.2,
} as const;
