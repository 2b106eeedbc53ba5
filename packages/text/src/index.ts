export { analyze, analyzeBatch } from './analyze';
export { detectLanguage } from './language/detect-language';
export type { Language, LanguageGuess } from './language/detect-language';
export { REQUEST_TYPES } from './types';
export type { AnalyzeOptions, RequestType, SentimentLabel, TextAnalysis } from './types';
