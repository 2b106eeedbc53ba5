import { CueMatcher, spanText } from '../cue-matcher';
import type { Token } from '../normalize';
import { STRONG_TOXIC, TARGETS, WEAK_TOXIC } from './toxic-cues';

export interface ToxicityResult {
  toxic: boolean;
  /** The matched cue, e.g. "connard" or "you + stupid"; null when not toxic. */
  reason: string | null;
}

const strong = new CueMatcher(STRONG_TOXIC.map((phrase) => ({ phrase, value: phrase })));
const weakWords = new Set(WEAK_TOXIC);
const targets = new CueMatcher(TARGETS.map((phrase) => ({ phrase, value: phrase })));

export function detectToxicity(tokens: Token[]): ToxicityResult {
  const hit = strong.matchAll(tokens)[0];
  if (hit) return { toxic: true, reason: spanText(tokens, hit.start, hit.length) };
  for (const m of targets.matchAll(tokens)) {
    // Allow one filler word between the target and the insult ("t'es vraiment con", "you absolute moron").
    for (let k = m.start + m.length; k <= m.start + m.length + 1 && k < tokens.length; k++) {
      const w = (tokens[k] as Token).norm;
      if (weakWords.has(w)) return { toxic: true, reason: spanText(tokens, m.start, k - m.start + 1) };
    }
  }
  return { toxic: false, reason: null };
}
