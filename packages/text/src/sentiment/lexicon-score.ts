import type { Token } from '../normalize';
import { AFINN_EN, AFINN_FR, EMOJI_SENTIMENT } from './lexicon-data';
import {
  EMOJI_OVERRIDES,
  EMOTICONS,
  IDIOMS_EN,
  IDIOMS_FR,
  INTENSIFIERS,
  IRONY_EMOJI,
  IRONY_MARKERS,
  IRONY_PHRASES,
  NEGATORS,
  SCOPE_BREAKERS,
} from './cues';

export interface LexiconScore {
  /** Normalised polarity in -1..1. */
  score: number;
  /** Sum of positive contributions (after negation/intensity). */
  pos: number;
  /** Sum of negative contributions, as a positive number. */
  neg: number;
  /** Sentiment words that were negated. */
  negated: number;
  emojiPos: number;
  emojiNeg: number;
  irony: boolean;
  /** Number of sentiment-bearing tokens found. */
  hits: number;
}

interface MergedLexicon {
  scores: Map<string, number>;
  /** First words of multi-word entries: only these trigger bigram/trigram look-ups. */
  phraseStarts: Set<string>;
}

function merge(...lexicons: Record<string, number>[]): MergedLexicon {
  const scores = new Map<string, number>();
  const phraseStarts = new Set<string>();
  // Earlier lexicons win: idioms override the machine-translated AFINN-fr entries.
  for (const lex of lexicons) {
    for (const [k, v] of Object.entries(lex)) {
      if (scores.has(k)) continue;
      scores.set(k, v);
      const space = k.indexOf(' ');
      if (space > 0) phraseStarts.add(k.slice(0, space));
    }
  }
  return { scores, phraseStarts };
}

let merged: Record<'fr' | 'en' | 'other', MergedLexicon> | null = null;

function lexiconFor(lang: string): MergedLexicon {
  merged ??= {
    fr: merge(IRONY_PHRASES, IDIOMS_FR, AFINN_FR),
    en: merge(IRONY_PHRASES, IDIOMS_EN, AFINN_EN),
    other: merge(IRONY_PHRASES, IDIOMS_FR, IDIOMS_EN, AFINN_EN, AFINN_FR),
  };
  return lang === 'fr' ? merged.fr : lang === 'en' ? merged.en : merged.other;
}

function isIronyPhrase(tokens: Token[], i: number, span: number): boolean {
  let key = '';
  for (let k = i; k < i + span; k++) key += (k > i ? ' ' : '') + (tokens[k] as Token).norm;
  return IRONY_PHRASES[key] !== undefined;
}

/** VADER-style squashing of an unbounded sum into -1..1. */
function squash(sum: number): number {
  return sum / Math.sqrt(sum * sum + 15);
}

/**
 * Rule-based polarity: AFINN + idioms + emoji/emoticons, with negation scope (3 tokens, stops at
 * punctuation/"but"), intensifiers/diminishers, elongation and shouting boosts, "but" re-weighting
 * (what follows "mais/but" counts more), exclamation boost and cheap irony flip.
 */
export function lexiconScore(tokens: Token[], lang: string): LexiconScore {
  const { scores, phraseStarts } = lexiconFor(lang);
  let pos = 0;
  let neg = 0;
  let negated = 0;
  let emojiPos = 0;
  let emojiNeg = 0;
  let hits = 0;
  let irony = false;
  let ironyEmoji = false;
  let negUntil = -1;
  let boost = 1;
  let clauseWeight = 1;
  let exclamations = 0;
  const n = tokens.length;

  const add = (value: number): void => {
    const v = value * clauseWeight;
    if (v > 0) pos += v;
    else neg -= v;
  };

  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const w = t.norm;
    if (t.kind === 'emoji') {
      if (IRONY_EMOJI.has(w)) ironyEmoji = true;
      const s = EMOJI_OVERRIDES[w] ?? EMOJI_SENTIMENT[w];
      if (s !== undefined) {
        hits++;
        if (s > 0) emojiPos += s;
        else emojiNeg -= s;
        add(s * 3);
      }
      continue;
    }
    if (t.kind === 'emoticon') {
      const s = EMOTICONS[w];
      if (s !== undefined) {
        hits++;
        if (s > 0) emojiPos += s / 3;
        else emojiNeg -= s / 3;
        add(s);
      }
      continue;
    }
    if (t.kind === 'punct') {
      if (w === '!') exclamations++;
      negUntil = -1;
      boost = 1;
      continue;
    }
    if (t.kind === 'hashtag' && IRONY_MARKERS.has(w)) {
      irony = true;
      continue;
    }
    if (t.kind !== 'word' && t.kind !== 'hashtag') continue;

    if (w === 'mais' || w === 'but' || w === 'however' || w === 'cependant' || w === 'pourtant') {
      // Contrast: what came before matters less.
      pos *= 0.5;
      neg *= 0.5;
      clauseWeight = 1.5;
      negUntil = -1;
      continue;
    }
    if (SCOPE_BREAKERS.has(w)) {
      negUntil = -1;
      continue;
    }

    // Multi-word entries first (idioms such as "pas mal", "not bad", "waste of money").
    let value: number | undefined;
    let span = 1;
    if (phraseStarts.has(w)) {
      if (i + 2 < n) {
        value = scores.get(`${w} ${(tokens[i + 1] as Token).norm} ${(tokens[i + 2] as Token).norm}`);
        if (value !== undefined) span = 3;
      }
      if (value === undefined && i + 1 < n) {
        value = scores.get(`${w} ${(tokens[i + 1] as Token).norm}`);
        if (value !== undefined) span = 2;
      }
      if (value !== undefined && isIronyPhrase(tokens, i, span)) irony = true;
    }
    const isNegator = NEGATORS.has(w) && !(w === 'dont' && lang === 'fr');
    if (value === undefined && isNegator) {
      negUntil = i + 3;
      continue;
    }
    const intensity = INTENSIFIERS[w];
    if (value === undefined && intensity !== undefined) {
      const next = tokens[i + 1];
      // "super"/"top" alone are praise; before a sentiment word they only intensify.
      const nextHasValue = next !== undefined && scores.has(next.norm);
      if (nextHasValue || !scores.has(w)) {
        boost *= intensity;
        continue;
      }
    }
    if (value === undefined) {
      value = scores.get(w);
      // Elongated spelling not in the lexicon: try the single-letter form ("goood" → "god"
      // fails, "soo" → "so"); squeezeElongation already kept doubles.
      if (value === undefined && t.elongated) value = scores.get(w.replace(/(.)\1+/g, '$1'));
    }
    if (value === undefined || value === 0) continue;
    hits++;
    let v = value * boost;
    if (t.elongated) v *= 1.3;
    if (t.shouted) v *= 1.2;
    if (span === 1 && i <= negUntil) {
      // Negation shifts rather than flips: "pas génial" is mildly negative, not -3.
      v = -v * 0.5;
      negated++;
    }
    add(v);
    boost = 1;
    i += span - 1;
  }

  // Praise next to an eye-roll is sarcasm; an eye-roll alone is already negative.
  if (ironyEmoji && pos > 0) irony = true;
  if (irony) {
    // "Super, encore une panne #ironie": the praise is the sarcasm, so it counts against.
    neg += pos;
    pos = 0;
  }
  let sum = pos - neg;
  if (exclamations > 0) sum *= 1 + 0.1 * Math.min(exclamations, 4);
  return { score: squash(sum), pos, neg, negated, emojiPos, emojiNeg, irony, hits };
}
