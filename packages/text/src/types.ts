// The labels every analyser shares. Imports nothing of this package, so that any analyser can
// use them without a cycle; the composite result types are in analysis.ts.
import { REQUEST_TYPES, type RequestType } from '@vigie/contracts';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

/**
 * Set when a rule decided or flagged the sentiment: 'empty' (no token), 'unsupported_language'
 * (not fr/en: neutral, not guessed), 'irony' (sarcasm cue turned praise negative),
 * 'mixed_language' (fr+en code-switching, read with both lexicons). null: plain model reading.
 */
export type SentimentReason = 'empty' | 'unsupported_language' | 'irony' | 'mixed_language' | null;

/** Request types, in display order: the shared vocabulary of @vigie/contracts. */
export { REQUEST_TYPES, type RequestType };
