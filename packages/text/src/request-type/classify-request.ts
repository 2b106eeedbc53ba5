import { detectLanguage } from '../language/detect-language';
import { tokenize, type Token } from '../normalize';
import { classifySentiment } from '../sentiment/classify-sentiment';
import { detectToxicity } from '../toxicity/detect-toxicity';
import type { RequestType } from '../types';
import { extractRequestFeatures, type MatchedCue, type RequestSignals, type SparseFeatures } from './features';
import { predictProbs, topContributions, unpackRequestModel, type RequestModel, type RequestModelFile } from './model';
import MODEL_FILE from './request-model.json';

export type { RequestSignals };

/** Why a message got its type: shown in the inbox. */
export interface RequestTypeExplanation {
  /** Matched cue phrases (any type), strongest first, with offsets in the input text. */
  cues: MatchedCue[];
  /** Model features that pushed the chosen type up the most, with their contribution. */
  features: { feature: string; weight: number }[];
  /** Runner-up type and its probability, when it is close enough to matter. */
  runnerUp: { type: RequestType; probability: number } | null;
}

export interface RequestTypeResult {
  type: RequestType;
  /** The winning type's strongest cue as read (folded), null for 'other' or when no cue matched. */
  reason: string | null;
  /** Probability of the chosen type (0..1); for 'other' by low confidence, 1 − top probability. */
  confidence: number;
  explanation: RequestTypeExplanation;
}

let active: RequestModel = unpackRequestModel(MODEL_FILE as unknown as RequestModelFile);

/** Swaps the model in use (tests, retraining in-process). Returns the previous one. */
export function setRequestModel(model: RequestModel): RequestModel {
  const prev = active;
  active = model;
  return prev;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function reasonFor(type: RequestType, cues: MatchedCue[], toxicReason: string | null): string | null {
  if (type === 'other') return null;
  // Original rule cues first (their reasons are what the inbox already shows), then new cues;
  // the strongest, then the longer one.
  let best: { c: MatchedCue; key: number } | null = null;
  for (const c of cues) {
    if (c.type !== type) continue;
    const key = c.legacyWeight > 0 ? 10 + c.legacyWeight : c.weight;
    const words = (m: MatchedCue): number => m.text.split(' ').length;
    if (!best || key > best.key || (key === best.key && words(c) > words(best.c))) best = { c, key };
  }
  if (type === 'troll' && toxicReason !== null && (!best || best.key < 13)) return toxicReason;
  return best?.c.text ?? null;
}

export function classifyWithFeatures(
  feats: SparseFeatures,
  cues: MatchedCue[],
  signals: RequestSignals,
  model: RequestModel = active,
): RequestTypeResult {
  const probs = predictProbs(model, feats);
  const order = [...probs.keys()].sort((a, b) => (probs[b] as number) - (probs[a] as number));
  const k = order[0] as number;
  const p = probs[k] as number;
  let type = model.classes[k] as RequestType;
  let confidence = p;
  if (type !== 'other' && p < model.minConfidence) {
    type = 'other';
    confidence = 1 - p;
  }
  const second = order[1] as number;
  const runnerUp = (probs[second] as number) >= 0.1 ? { type: model.classes[second] as RequestType, probability: round(probs[second] as number) } : null;
  const sorted = [...cues].sort((a, b) => b.weight - a.weight || a.start - b.start).slice(0, 8);
  return {
    type,
    reason: reasonFor(type, cues, signals.toxicReason),
    confidence: round(confidence),
    explanation: {
      cues: sorted,
      features: topContributions(model, feats, model.classes.indexOf(type), 5),
      runnerUp,
    },
  };
}

/**
 * Request type of one message: a logistic regression over broad FR/EN intent cue families, words,
 * bigrams and char 3-grams (request-model.json, `npm run train:requests`), with 'other' when the
 * top type is not confident. The result says why (cues with spans, top features).
 */
export function classifyRequest(tokens: Token[], signals: RequestSignals): RequestTypeResult {
  const { feats, cues } = extractRequestFeatures(tokens, signals);
  return classifyWithFeatures(feats, cues, signals);
}

/** Features of a raw text exactly as analyze() computes them: for training and retraining. */
export function requestFeaturesOf(text: string): { feats: SparseFeatures; cues: MatchedCue[]; signals: RequestSignals } {
  const tokens = tokenize(text);
  const { language } = detectLanguage(text, tokens);
  const sentiment = classifySentiment(tokens, language);
  const tox = detectToxicity(tokens);
  const signals = { toxicReason: tox.reason, sentiment: sentiment.score };
  return { ...extractRequestFeatures(tokens, signals), signals };
}
