export { analyze, analyzeBatch } from './analyze';
export { analyzeBatchAsync, sentimentModelChoice } from './analyze-async';
export { detectLanguage } from './language/detect-language';
export type { Language, LanguageGuess } from './language/detect-language';
export { REQUEST_TYPES } from './types';
export type {
  AnalyzeAsyncOptions,
  AnalyzeOptions,
  RequestType,
  SentimentLabel,
  SentimentModelChoice,
  SentimentReason,
  TextAnalysis,
} from './types';
export type { TransformerSentimentModule } from './sentiment/transformer/loader';
export type { RequestTypeExplanation } from './types';
export type { MatchedCue } from './request-type/features';
export { formatCorrection, parseCorrections, CORRECTION_WEIGHT } from './request-type/corrections';
export type { RequestCorrection } from './request-type/corrections';
export { ASPECTS, detectAspects, summarizeAspects } from './aspects/detect-aspects';
export type { AspectKey, AspectMention } from './aspects/detect-aspects';
