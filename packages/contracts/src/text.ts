/** Request types of the classifier (@vigie/text), in display order: those that call for an answer first. */
export const REQUEST_TYPES = [
  'question',
  'complaint',
  'lead',
  'job_application',
  'partnership',
  'invitation',
  'subscription',
  'praise',
  'spam',
  'troll',
  'other',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** `POST /workspaces/:id/text/analyze` items, one per text. */
export interface TextAnalysisDto {
  language: 'fr' | 'en' | 'nl' | 'de' | 'es' | 'it' | 'pt' | 'und';
  sentiment: { label: 'positive' | 'neutral' | 'negative'; score: number };
  requestType: { type: RequestType; reason: string | null };
  toxic: boolean;
}

/** The themes a message can be about (`@vigie/text` detects them, FR and EN). */
export const ASPECT_KEYS = [
  'price',
  'delivery',
  'customer_service',
  'product_quality',
  'staff',
  'app_website',
  'availability',
  'cleanliness',
  'waiting_time',
] as const;
export type AspectKeyDto = (typeof ASPECT_KEYS)[number];
export type AspectSentimentDto = 'positive' | 'neutral' | 'negative';

/** Why the classifier chose a request type: the cues it read (offsets in the text), its top features. */
export interface RequestExplanationDto {
  /** Probability of the chosen type (0..1), null when unknown. */
  confidence: number | null;
  /** Matched cue phrases, strongest first; `start`/`end` are offsets in the message text. */
  cues: Array<{ type: RequestType; text: string; start: number; end: number }>;
  /** Model features that pushed the chosen type up the most (e.g. `w:commande`, `cue:complaint`). */
  features: Array<{ feature: string; weight: number }>;
  /** The runner-up type, when close enough to matter. */
  runnerUp: { type: RequestType; probability: number } | null;
}

/** One theme of a period: how often the community talked about it, and in which tone. */
export interface ConversationThemeDto {
  aspect: AspectKeyDto;
  /** Comments (not from the brand) that talk about it in the period. */
  comments: number;
  negative: number;
  neutral: number;
  positive: number;
  /** (positive − negative) / comments, in −1..1. */
  net: number;
  /** Comments about it in the previous period of the same length (null when not asked). */
  previousComments: number | null;
}

/** `GET /workspaces/:id/themes?brandId&from&to`: what the community talks about, per theme. */
export interface ConversationThemesDto {
  brandId: string;
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  /** Community comments of the period that were analysed (the denominator of the shares). */
  analysedComments: number;
  /** Of those, how many talk about at least one theme. */
  withTheme: number;
  /** Sorted by comments, most talked-about first. */
  themes: ConversationThemeDto[];
}
