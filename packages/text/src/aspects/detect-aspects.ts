import { CueMatcher } from '../cue-matcher';
import { detectLanguage } from '../language/detect-language';
import { tokenize, type Token } from '../normalize';
import { matchCues, normalizeSms } from '../request-type/features';
import { classifySentiment } from '../sentiment/classify-sentiment';
import type { SentimentLabel } from '../types';
import { ASPECT_CUES, ASPECTS, CLAUSE_BREAKS, NEGATORS, POLAR_CUES, type AspectKey } from './aspect-cues';

export { ASPECTS, type AspectKey };

/** One aspect mentioned in a message, with the polarity of the clause it appears in. */
export interface AspectMention {
  aspect: AspectKey;
  /** The matched words as written, and their offsets in the input. */
  text: string;
  start: number;
  end: number;
  polarity: SentimentLabel;
  /** Clause score (polar phrases + clause sentiment), negative below −0.35, positive above 0.35. */
  score: number;
  /** The clause the polarity was read on. */
  clause: string;
}

const aspectMatcher = new CueMatcher<AspectKey>(
  ASPECTS.flatMap((aspect) => ASPECT_CUES[aspect].map((phrase) => ({ phrase, value: aspect }))),
);
const polarMatcher = new CueMatcher<number>(POLAR_CUES.map(([phrase, value]) => ({ phrase, value })));

/** Clause index of each token: sentence punctuation, commas and contrast words cut. */
function clauses(tokens: Token[]): number[] {
  const out: number[] = [];
  let c = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'word' && CLAUSE_BREAKS.has(t.norm)) c++;
    out.push(c);
    if (t.kind === 'punct' && t.norm !== "'") c++;
  }
  return out;
}

function clauseScore(tokens: Token[], lang: string, known?: { label: SentimentLabel; score: number }): number {
  // Longest polar phrases first, and a word counts once ("pas cher" is not also "cher").
  const matches = polarMatcher.matchAll(tokens).sort((a, b) => b.length - a.length || a.start - b.start);
  const used = new Set<number>();
  let polar = 0;
  for (const m of matches) {
    let free = true;
    for (let k = m.start; k < m.start + m.length; k++) if (used.has(k)) free = false;
    if (!free) continue;
    for (let k = m.start; k < m.start + m.length; k++) used.add(k);
    let v = m.cue.value;
    const phraseNegated = NEGATORS.has((tokens[m.start] as Token).norm);
    if (!phraseNegated) {
      for (let k = Math.max(0, m.start - 3); k < m.start; k++) if (NEGATORS.has((tokens[k] as Token).norm)) v = -v;
    }
    polar += v;
  }
  // Complaint cues of the request classifier ("toujours pas", "never arrived") mark a problem.
  if (matchCues(tokens).some((c) => c.type === 'complaint' && c.weight >= 3)) polar -= 1;
  const sentiment = known ?? (tokens.length ? classifySentiment(tokens, lang) : { label: 'neutral', score: 0 });
  // No polar phrase: the sentiment model's own reading of the clause decides (it knows far more
  // words than the aspect lists); its label is better calibrated than a threshold on its score.
  if (polar === 0) return sentiment.label === 'neutral' ? 0 : sentiment.label === 'positive' ? Math.max(0.35, sentiment.score) : Math.min(-0.35, sentiment.score);
  return Math.max(-3, Math.min(3, polar)) + 0.6 * sentiment.score;
}

/**
 * Aspects in already tokenised text (analyze() shares its tokens, and its sentiment, which is the
 * clause's own when the message is a single clause: saves a second sentiment pass).
 */
export function detectAspectsInTokens(
  raw: string,
  rawTokens: Token[],
  lang: string,
  messageSentiment?: { label: SentimentLabel; score: number },
): AspectMention[] {
  const tokens = normalizeSms(rawTokens);
  const clauseOf = clauses(tokens);
  const scores = new Map<number, number>();
  const seen = new Set<string>();
  const out: AspectMention[] = [];
  const matches = aspectMatcher.matchAll(tokens).sort((a, b) => a.start - b.start || b.length - a.length);
  if (matches.length === 0) return out;
  const single = clauseOf.length > 0 && clauseOf[clauseOf.length - 1] === clauseOf[0] && rawTokens.length === tokens.length;
  for (const m of matches) {
    const clause = clauseOf[m.start] as number;
    const key = `${m.cue.value}|${clause}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const idx = clauseOf.map((c, i) => (c === clause ? i : -1)).filter((i) => i >= 0);
    const clauseTokens = idx.map((i) => tokens[i] as Token);
    if (!scores.has(clause)) scores.set(clause, clauseScore(clauseTokens, lang, single ? messageSentiment : undefined));
    const score = scores.get(clause) as number;
    const first = tokens[m.start] as Token;
    const last = tokens[m.start + m.length - 1] as Token;
    const cStart = (clauseTokens[0]?.start ?? 0);
    const cEnd = (clauseTokens[clauseTokens.length - 1]?.end ?? 0);
    out.push({
      aspect: m.cue.value,
      text: raw.slice(first.start ?? 0, last.end ?? 0),
      start: first.start ?? 0,
      end: last.end ?? 0,
      polarity: score <= -0.35 ? 'negative' : score >= 0.35 ? 'positive' : 'neutral',
      score: Math.round(score * 100) / 100,
      clause: raw.slice(cStart, cEnd),
    });
  }
  return out;
}

/**
 * What people talk about (price, delivery, customer service…), FR/EN, accent- and SMS-tolerant,
 * one mention per aspect and clause, each with the polarity of its clause.
 */
export function detectAspects(text: string, lang?: string): AspectMention[] {
  const raw = typeof text === 'string' ? text : '';
  const tokens = tokenize(raw);
  const language = lang ?? detectLanguage(raw, tokens).language;
  return detectAspectsInTokens(raw, tokens, language);
}

/** One polarity per aspect for a message: negative if any mention is, else positive if any, else neutral. */
export function summarizeAspects(mentions: AspectMention[]): Partial<Record<AspectKey, SentimentLabel>> {
  const out: Partial<Record<AspectKey, SentimentLabel>> = {};
  for (const m of mentions) {
    const prev = out[m.aspect];
    if (prev === 'negative') continue;
    if (m.polarity === 'negative' || !prev || (prev === 'neutral' && m.polarity === 'positive')) out[m.aspect] = m.polarity;
  }
  return out;
}
