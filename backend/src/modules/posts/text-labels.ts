import type { TextAnalysis } from '@vigie/text';
import type { AspectSentimentDto, RequestExplanationDto } from '@vigie/contracts';

/** What is kept of the classifier's reasons on a comment (comments.request_explanation). */
export type StoredExplanation = RequestExplanationDto;
/** One aspect a comment talks about (comments.aspects): key, polarity of its clause, offsets. */
export type StoredAspect = { aspect: string; polarity: AspectSentimentDto; start: number; end: number };

const MAX_CUES = 5;
const MAX_FEATURES = 5;

/** The cues (with their offsets, so the inbox can underline them) and top features; null when none. */
export function storedExplanation(a: TextAnalysis): StoredExplanation | null {
  const e = a.requestType.explanation;
  if (!e) return null;
  return {
    confidence: a.requestType.confidence ?? null,
    cues: e.cues.slice(0, MAX_CUES).map((c) => ({ type: c.type, text: c.text, start: c.start, end: c.end })),
    features: e.features.slice(0, MAX_FEATURES).map((f) => ({ feature: f.feature, weight: Math.round(f.weight * 1000) / 1000 })),
    runnerUp: e.runnerUp ? { type: e.runnerUp.type, probability: Math.round(e.runnerUp.probability * 1000) / 1000 } : null,
  };
}

/** One entry per aspect and clause; null when the message talks about none of them. */
export function storedAspects(a: TextAnalysis): StoredAspect[] | null {
  const list = (a.aspects ?? []).map((m) => ({ aspect: m.aspect, polarity: m.polarity, start: m.start, end: m.end }));
  return list.length ? list : null;
}
