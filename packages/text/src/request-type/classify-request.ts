import { CueMatcher, spanText } from '../cue-matcher';
import type { Token } from '../normalize';
import type { RequestType } from '../types';
import { REQUEST_CUES, TYPE_PRIORITY } from './request-cues';

type CueType = Exclude<RequestType, 'other'>;

export interface RequestTypeResult {
  type: RequestType;
  reason: string | null;
}

const matcher = new CueMatcher<{ type: CueType; weight: number }>(
  (Object.keys(REQUEST_CUES) as CueType[]).flatMap((type) =>
    REQUEST_CUES[type].map(([phrase, weight]) => ({ phrase, value: { type, weight } })),
  ),
);

export interface RequestSignals {
  /** Toxicity reason when the text is abusive: it makes the message a troll. */
  toxicReason: string | null;
  /** Sentiment score -1..1: a fallback for messages without any cue. */
  sentiment: number;
}

/**
 * Weighted cue vote: each distinct cue adds its weight to its type; the highest total wins and
 * ties go to the more specific type (TYPE_PRIORITY). The reported reason is the winning type's
 * strongest cue, so the UI can show why ("remboursement", "how much").
 */
export function classifyRequest(tokens: Token[], signals: RequestSignals): RequestTypeResult {
  const totals = new Map<CueType, number>();
  const best = new Map<CueType, { phrase: string; weight: number; length: number }>();
  const seen = new Set<string>();
  for (const m of matcher.matchAll(tokens)) {
    const { type, weight } = m.cue.value;
    const key = `${type}|${m.cue.phrase}`;
    if (seen.has(key)) continue;
    seen.add(key);
    totals.set(type, (totals.get(type) ?? 0) + weight);
    const b = best.get(type);
    // Reason: the strongest cue, the longer one on a tie (more telling), as written in the text.
    if (!b || weight > b.weight || (weight === b.weight && m.length > b.length)) {
      best.set(type, { phrase: spanText(tokens, m.start, m.length), weight, length: m.length });
    }
  }
  if (signals.toxicReason !== null) {
    totals.set('troll', (totals.get('troll') ?? 0) + 4);
    const b = best.get('troll');
    if (!b || b.weight < 4) best.set('troll', { phrase: signals.toxicReason, weight: 4, length: 0 });
  }

  // When a message has both praise and complaint cues, its sentiment decides
  // ("problème réglé en 5 min, merci !" is praise).
  if (totals.has('praise') && totals.has('complaint')) {
    const key = signals.sentiment >= 0 ? 'praise' : 'complaint';
    totals.set(key, (totals.get(key) ?? 0) + 2 * Math.abs(signals.sentiment));
  }

  let winner: CueType | null = null;
  let winnerScore = 0;
  for (const type of TYPE_PRIORITY) {
    const s = totals.get(type) ?? 0;
    if (s > winnerScore) {
      winner = type;
      winnerScore = s;
    }
  }
  // A bare question mark or a single "merci" is weak evidence; a clear sentiment decides
  // between praise and complaint when nothing specific was said.
  if (winner === null || (winnerScore <= 1 && (winner === 'praise' || winner === 'question'))) {
    if (signals.sentiment >= 0.6) return { type: 'praise', reason: best.get('praise')?.phrase ?? null };
    if (signals.sentiment <= -0.6 && winner !== 'question') {
      return { type: 'complaint', reason: best.get('complaint')?.phrase ?? null };
    }
  }
  if (winner === null) return { type: 'other', reason: null };
  return { type: winner, reason: best.get(winner)?.phrase ?? null };
}
