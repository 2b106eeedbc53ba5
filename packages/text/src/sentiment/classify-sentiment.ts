import type { Token } from '../normalize';
import type { LanguageGuess } from '../language/detect-language';
import type { SentimentLabel, SentimentReason } from '../types';
import { blendProbs, LEXICON_BLEND_ALPHA } from './blend';
import { extractFeatures } from './features';
import { lexiconScore } from './lexicon-score';
import { predictProba, unpackModel, type LinearModel } from './model';
import { SENTIMENT_CLASSES } from './model-format';
import { SENTIMENT_MODEL } from './model-weights';

export interface SentimentResult {
  label: SentimentLabel;
  /** P(positive) − P(negative), in -1..1. */
  score: number;
  /** Why the label is what it is when a rule decided or flagged it; null for a plain model reading. */
  reason: SentimentReason;
}

/** fr/en read with their own lexicon; code-switched or undecided text reads both ('und'). */
export function lexiconLanguage(guess: LanguageGuess): string {
  return guess.mixed ? 'und' : guess.language;
}

/**
 * Vigie reads sentiment in French and English only. A text detected as another language (nl, de,
 * es, it, pt) or written mostly in another script is not guessed: neutral, flagged. Short or
 * emoji-only texts stay 'und' for language but are still read (emoji carry sentiment anywhere).
 */
export function isUnsupportedLanguage(guess: LanguageGuess): boolean {
  return guess.foreignScript || (guess.language !== 'fr' && guess.language !== 'en' && guess.language !== 'und');
}

export const UNSUPPORTED_SENTIMENT: Readonly<SentimentResult> = Object.freeze({
  label: 'neutral',
  score: 0,
  reason: 'unsupported_language',
});

let model: LinearModel | null = null;
// Reused buffers: analyze is synchronous, so one set per process is safe and allocation-free.
const features = new Map<string, number>();
const probs = new Float64Array(SENTIMENT_CLASSES.length);

/**
 * Trained model (logistic regression over words, bigrams, char n-grams and lexicon features).
 * Texts with no token at all are neutral rather than the model's prior.
 */
export function classifySentiment(tokens: Token[], lang: string, mixed = false): SentimentResult {
  if (tokens.length === 0) return { label: 'neutral', score: 0, reason: 'empty' };
  model ??= unpackModel(SENTIMENT_MODEL);
  const lex = lexiconScore(tokens, lang);
  extractFeatures(tokens, lex, features);
  predictProba(model, features, probs);
  blendProbs(probs, lex.score, LEXICON_BLEND_ALPHA);
  let best = 0;
  for (let k = 1; k < probs.length; k++) if ((probs[k] as number) > (probs[best] as number)) best = k;
  const score = (probs[2] as number) - (probs[0] as number);
  const reason: SentimentReason = lex.irony ? 'irony' : mixed ? 'mixed_language' : null;
  return { label: SENTIMENT_CLASSES[best] as SentimentLabel, score: round(score), reason };
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
