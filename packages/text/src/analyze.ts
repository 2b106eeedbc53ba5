import { detectAspectsInTokens } from './aspects/detect-aspects';
import { detectLanguage } from './language/detect-language';
import { tokenize } from './normalize';
import { classifyRequest } from './request-type/classify-request';
import {
  classifySentiment,
  isUnsupportedLanguage,
  lexiconLanguage,
  UNSUPPORTED_SENTIMENT,
} from './sentiment/classify-sentiment';
import { detectToxicity } from './toxicity/detect-toxicity';
import type { AnalyzeOptions, TextAnalysis } from './analysis';

/**
 * Reads one message: language, sentiment, request type and toxicity. Pure and synchronous;
 * never throws (non-string input is read as empty text).
 */
export function analyze(text: string, opts: AnalyzeOptions = {}): TextAnalysis {
  const raw = typeof text === 'string' ? text : '';
  const tokens = tokenize(raw);
  const hint = typeof opts?.languageHint === 'string' ? opts.languageHint : undefined;
  const guess = detectLanguage(raw, tokens, hint);
  // Sentiment is read in fr and en only; other languages are 'und' and not guessed (neutral, flagged).
  const unsupported = isUnsupportedLanguage(guess);
  const language = guess.language === 'fr' || guess.language === 'en' ? guess.language : 'und';
  const sentiment = unsupported
    ? { ...UNSUPPORTED_SENTIMENT }
    : classifySentiment(tokens, lexiconLanguage(guess), guess.mixed);
  const tox = detectToxicity(tokens);
  const requestType = classifyRequest(tokens, { toxicReason: tox.reason, sentiment: sentiment.score });
  return {
    language,
    detectedLanguage: guess.language,
    sentiment,
    requestType,
    toxic: tox.toxic,
    toxicity: { reason: tox.reason },
    aspects: detectAspectsInTokens(raw.length > 5000 ? raw.slice(0, 5000) : raw, tokens, language, sentiment),
  };
}

export function analyzeBatch(texts: string[], opts: AnalyzeOptions = {}): TextAnalysis[] {
  const out = new Array<TextAnalysis>(texts.length);
  for (let i = 0; i < texts.length; i++) out[i] = analyze(texts[i] as string, opts);
  return out;
}
