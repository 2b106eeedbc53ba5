import type { Token } from '../normalize';
import type { SentimentLabel } from '../types';
import { lexiconScore } from './lexicon-score';

export interface SentimentResult {
  label: SentimentLabel;
  /** -1..1 */
  score: number;
}

/** Lexicon-only polarity (used when no trained model applies). */
export function classifySentiment(tokens: Token[], lang: string): SentimentResult {
  const lex = lexiconScore(tokens, lang);
  const label: SentimentLabel = lex.score >= 0.25 ? 'positive' : lex.score <= -0.25 ? 'negative' : 'neutral';
  return { label, score: round(lex.score) };
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
