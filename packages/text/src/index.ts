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
