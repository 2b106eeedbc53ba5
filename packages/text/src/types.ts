import { REQUEST_TYPES, type RequestType } from '@vigie/contracts';
import type { Language } from './language/detect-language';

export type { Language };

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

/** Request types, in display order: the shared vocabulary of @vigie/contracts. */
export { REQUEST_TYPES, type RequestType };

export interface TextAnalysis {
  language: Language;
  sentiment: { label: SentimentLabel; score: number };
  /** reason: the matched cue shown in the UI ("remboursement", "how much"), null for 'other'. */
  requestType: { type: RequestType; reason: string | null };
  toxic: boolean;
  toxicity: { reason: string | null };
}

export interface AnalyzeOptions {
  /** ISO 639-1 code from the platform (e.g. a post's declared language); a tie-breaker, not an override. */
  languageHint?: string;
}
