import type { SentimentLabel } from '../types';

export const SENTIMENT_CLASSES: SentimentLabel[] = ['negative', 'neutral', 'positive'];

/** Compact, JSON-safe model: feature names joined by '\n', int8 weights (3 per feature) in base64. */
export interface PackedModel {
  classes: SentimentLabel[];
  bias: number[];
  scale: number;
  features: string;
  weights: string;
}
