// What analyze() answers and takes: built from each analyser's own result types, so it sits
// above them (types.ts holds the shared labels below them).
import type { AspectMention } from './aspects/detect-aspects';
import type { Language } from './language/detect-language';
import type { RequestTypeExplanation } from './request-type/classify-request';
import type { RequestType, SentimentLabel, SentimentReason } from './types';

export interface TextAnalysis {
  /** 'fr', 'en' or 'und' (too short to tell, or a language Vigie does not read: see detectedLanguage). */
  language: Language;
  /** What the detector saw, e.g. 'de' when language is 'und' because German is not supported. */
  detectedLanguage?: Language;
  sentiment: { label: SentimentLabel; score: number; reason?: SentimentReason };
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

/** 'fast': the built-in linear+lexicon model; 'transformer': an installed model package; 'auto': transformer when installed. */
export type SentimentModelChoice = 'auto' | 'fast' | 'transformer';

export interface AnalyzeAsyncOptions extends AnalyzeOptions {
  /** Default: env VIGIE_SENTIMENT_MODEL, else 'auto'. */
  model?: SentimentModelChoice;
  /** Texts per transformer call (default 32). */
  batchSize?: number;
}
