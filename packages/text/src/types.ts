import { REQUEST_TYPES, type RequestType } from '@vigie/contracts';
import type { Language } from './language/detect-language';
import type { AspectMention } from './aspects/detect-aspects';
import type { RequestTypeExplanation } from './request-type/classify-request';

export type { Language, AspectMention, RequestTypeExplanation };

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

/** Request types, in display order: the shared vocabulary of @vigie/contracts. */
export { REQUEST_TYPES, type RequestType };

export interface TextAnalysis {
  language: Language;
  sentiment: { label: SentimentLabel; score: number };
  /** reason: the matched cue shown in the UI ("remboursement", "how much"), null for 'other'. */
  requestType: {
    type: RequestType;
    reason: string | null;
    /** Probability of the type (0..1). */
    confidence?: number;
    /** Why: matched cues with offsets, top model features. */
    explanation?: RequestTypeExplanation;
  };

  toxic: boolean;
  toxicity: { reason: string | null };
  /** What the message talks about (price, delivery…), each with its clause's polarity. */
  aspects?: AspectMention[];
}

export interface AnalyzeOptions {
  /** ISO 639-1 code from the platform (e.g. a post's declared language); a tie-breaker, not an override. */
  languageHint?: string;
}
