import { CueMatcher, spanText } from '../cue-matcher';
import type { Token } from '../normalize';
import type { RequestType } from '../types';
import { CHATTER_CUES, INTENT_CUES } from './intent-cues';
import { REQUEST_CUES } from './request-cues';

export type CueType = Exclude<RequestType, 'other'>;

/** A matched cue phrase: what the inbox shows as "why". start/end are offsets in the input text. */
export interface MatchedCue {
  type: CueType;
  phrase: string;
  /** The words as read (folded), e.g. "pas recu". */
  text: string;
  weight: number;
  /** Weight in the original rule list (request-cues.ts), 0 if the cue is new: reasons prefer it. */
  legacyWeight: number;
  start: number;
  end: number;
}

export interface RequestSignals {
  /** Toxicity reason when the text is abusive. */
  toxicReason: string | null;
  /** Sentiment score -1..1. */
  sentiment: number;
}

// SMS / no-apostrophe spellings read as the standard words, so cues and weights learnt on clean
// text apply to "jai commander", "c koi", "tjrs pas recu", "r u open".
const SMS: Record<string, string[]> = {
  jai: ["j'", 'ai'], jsuis: ['je', 'suis'], chui: ['je', 'suis'], jveux: ['je', 'veux'], jcherche: ['je', 'cherche'],
  jattends: ["j'", 'attends'], cest: ["c'", 'est'], c: ["c'", 'est'], koi: ['quoi'], kel: ['quel'], kelle: ['quelle'],
  tjr: ['toujours'], tjrs: ['toujours'], toujour: ['toujours'], pa: ['pas'], pr: ['pour'], ds: ['dans'],
  bcp: ['beaucoup'], cb: ['combien'], cmb: ['combien'], vs: ['vous'], slt: ['salut'], bjr: ['bonjour'],
  stp: ['svp'], mrc: ['merci'], rembourssement: ['remboursement'],
  u: ['you'], r: ['are'], ur: ['your'], pls: ['please'], plz: ['please'], thx: ['thanks'], ty: ['thanks'],
  im: ["i'm"], dont: ["don't"], cant: ["can't"], doesnt: ["doesn't"], didnt: ["didn't"], wont: ["won't"],
  isnt: ["isn't"], hasnt: ["hasn't"], havent: ["haven't"],
};

/** Tokens with SMS spellings expanded; each expansion keeps the original token's span. */
export function normalizeSms(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const rep = t.kind === 'word' || t.kind === 'number' ? SMS[t.norm] : undefined;
    if (rep && !(t.norm === 'c' && out.length > 0 && out[out.length - 1]!.norm === "c'")) {
      for (const norm of rep) out.push({ ...t, norm, kind: 'word' });
    } else out.push(t);
  }
  return out;
}

const matcher = new CueMatcher<{ type: CueType; weight: number; legacy: number }>(
  (Object.keys(INTENT_CUES) as CueType[]).flatMap((type) => {
    // The original rule cues are kept: one family per type, the strongest weight per phrase.
    const byPhrase = new Map<string, number>();
    const legacy = new Map(REQUEST_CUES[type]);
    for (const [p, w] of [...REQUEST_CUES[type], ...INTENT_CUES[type]]) byPhrase.set(p, Math.max(byPhrase.get(p) ?? 0, w));
    return [...byPhrase].map(([phrase, weight]) => ({ phrase, value: { type, weight, legacy: legacy.get(phrase) ?? 0 } }));
  }),
);

const chatter = new CueMatcher<number>(CHATTER_CUES.map(([phrase, value]) => ({ phrase, value })));

/** Every distinct cue (type + phrase) found in the text, in text order. */
export function matchCues(tokens: Token[]): MatchedCue[] {
  const out: MatchedCue[] = [];
  const seen = new Set<string>();
  for (const m of matcher.matchAll(tokens)) {
    const { type, weight, legacy } = m.cue.value;
    const key = `${type}|${m.cue.phrase}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const first = tokens[m.start] as Token;
    const last = tokens[m.start + m.length - 1] as Token;
    out.push({
      type,
      phrase: m.cue.phrase,
      text: spanText(tokens, m.start, m.length),
      weight,
      legacyWeight: legacy,
      start: first.start ?? 0,
      end: last.end ?? 0,
    });
  }
  return out;
}

const POSITIVE_MARKERS = new Set(['super', 'genial', 'bravo', 'merci', 'great', 'wonderful', 'fantastic', 'brilliant', 'love', 'thanks', 'oh', 'wow', 'bien', 'belle', 'stellar', 'perfect', 'parfait', '👏', '🙃', '🙄']);

export type SparseFeatures = Map<string, number>;

/** Feature-group scales (chosen by cross-validation in scripts/train-requests.ts). */
export const FEATURE_OPTS = { cueScale: 2, charWeight: 0.15, bigrams: false };

/**
 * Model features of one message. Dense cue features (per family: summed weight, log-scaled, and
 * presence) carry most of the signal and generalise to unseen wording; words, word bigrams and
 * char 3-grams (low weight, typo-tolerant) let the model learn what the cue lists miss.
 */
export function extractRequestFeatures(rawTokens: Token[], signals: RequestSignals): { feats: SparseFeatures; cues: MatchedCue[] } {
  const tokens = normalizeSms(rawTokens);
  const feats: SparseFeatures = new Map();
  const add = (f: string, v = 1): void => {
    feats.set(f, (feats.get(f) ?? 0) + v);
  };
  add('bias:1');
  const cues = matchCues(tokens);
  const sums = new Map<CueType, number>();
  for (const c of cues) sums.set(c.type, (sums.get(c.type) ?? 0) + c.weight);
  if (signals.toxicReason !== null) {
    add('tox');
    sums.set('troll', (sums.get('troll') ?? 0) + 3);
  }
  for (const [type, s] of sums) {
    add(`cue:${type}`, FEATURE_OPTS.cueScale * Math.log1p(s));
    add(`has:${type}`, FEATURE_OPTS.cueScale);
  }
  let chat = 0;
  for (const m of chatter.matchAll(tokens)) chat += m.cue.value;
  if (chat > 0) add('cue:chatter', FEATURE_OPTS.cueScale * Math.log1p(chat));
  add(`ncuetypes:${Math.min(sums.size, 3)}`);
  if (sums.size === 0) add('nocue');

  const words = tokens.filter((t) => t.kind === 'word');
  const n = words.length;
  add(`len:${n === 0 ? 0 : n <= 2 ? 1 : n <= 5 ? 2 : n <= 12 ? 3 : 4}`);
  if (tokens.some((t) => t.norm === '?')) add('qmark');
  if (tokens.some((t) => t.kind === 'mention')) add(n <= 3 ? 'mention_short' : 'mention');
  if (tokens.some((t) => t.kind === 'url')) add('url');
  if (tokens.length > 0 && tokens.every((t) => t.kind === 'emoji' || t.kind === 'emoticon' || t.kind === 'punct')) add('emoji_only');
  if (tokens.some((t) => t.shouted)) add('shout');
  if (signals.sentiment >= 0.5) add('sent:pos');
  else if (signals.sentiment <= -0.5) add('sent:neg');
  // Sarcasm: praise words around a reported problem ("super, encore un colis perdu, bravo 👏").
  if (sums.has('complaint') && tokens.some((t) => POSITIVE_MARKERS.has(t.norm))) add('sarcasm');

  let prev = '<s>';
  for (const t of tokens) {
    if (t.kind === 'punct' && t.norm !== '?' && t.norm !== '!') continue;
    const w = t.kind === 'number' ? '<num>' : t.kind === 'url' ? '<url>' : t.norm;
    add(`w:${w}`);
    if (FEATURE_OPTS.bigrams) add(`b:${prev}_${w}`);
    if (t.kind === 'word' && w.length >= 4 && FEATURE_OPTS.charWeight > 0) {
      const padded = `<${w}>`;
      for (let i = 0; i + 3 <= padded.length; i++) add(`c:${padded.slice(i, i + 3)}`, FEATURE_OPTS.charWeight);
    }
    prev = w;
  }
  return { feats, cues };
}
