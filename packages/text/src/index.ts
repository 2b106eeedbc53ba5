export { analyze, analyzeBatch } from './analyze';
export { detectLanguage } from './language/detect-language';
export type { Language, LanguageGuess } from './language/detect-language';
export { REQUEST_TYPES } from './types';
export type { AnalyzeOptions, RequestType, SentimentLabel, TextAnalysis } from './types';
export type { RequestTypeExplanation } from './types';
export type { MatchedCue } from './request-type/features';
export { formatCorrection, parseCorrections, CORRECTION_WEIGHT } from './request-type/corrections';
export type { RequestCorrection } from './request-type/corrections';
