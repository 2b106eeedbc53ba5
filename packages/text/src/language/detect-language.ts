import type { Token } from '../normalize';
import { STOPWORDS } from './stopwords';

export type Language = 'fr' | 'en' | 'nl' | 'de' | 'es' | 'it' | 'pt' | 'und';

const LANGS = Object.keys(STOPWORDS) as Exclude<Language, 'und'>[];

// word → list of languages it belongs to; a shared word gives each language a fractional vote.
const STOPWORD_INDEX = new Map<string, Exclude<Language, 'und'>[]>();
for (const lang of LANGS) {
  for (const w of STOPWORDS[lang] ?? []) {
    if (!w) continue;
    const list = STOPWORD_INDEX.get(w) ?? [];
    if (!list.includes(lang)) list.push(lang);
    STOPWORD_INDEX.set(w, list);
  }
}

// Script/spelling cues on the raw (unfolded) text, each worth a fraction of a stop word.
const CHAR_CUES: [RegExp, Exclude<Language, 'und'>, number][] = [
  [/[éèêàùçëîïôû]/g, 'fr', 0.4],
  [/[ñ¿¡]/g, 'es', 1.5],
  [/[áíóú]/g, 'es', 0.3],
  [/ß/g, 'de', 1.5],
  [/[äöü]/g, 'de', 0.8],
  [/[ãõ]/g, 'pt', 1.2],
  [/\b\w*ij\w*\b/g, 'nl', 0.6],
  [/\b\w+(?:tion|ing|ly)\b/g, 'en', 0.25],
  [/\b\w+(?:eux|aux|ement|ait|é)\b/g, 'fr', 0.4],
  [/\b\w+(?:ung|keit|lich|sch\w*)\b/g, 'de', 0.5],
  [/\b\w+(?:ción|mente|ado|ido)\b/g, 'es', 0.5],
];

const LANG_INDEX: Record<string, number> = Object.fromEntries(LANGS.map((l, i) => [l, i]));

export interface LanguageGuess {
  language: Language;
  /** 0..1: share of the winning language among all votes, damped for short texts. */
  confidence: number;
  /** French and English both clearly present (code-switching): sentiment reads both lexicons. */
  mixed: boolean;
  /** Mostly letters of a non-Latin script (Arabic, CJK, Cyrillic…): a language Vigie cannot read. */
  foreignScript: boolean;
}

const LATIN_LETTER = /[a-zA-Z\u00c0-\u024f]/g;
const ANY_LETTER = /\p{L}/gu;

function isForeignScript(sample: string): boolean {
  const letters = sample.match(ANY_LETTER)?.length ?? 0;
  if (letters < 3) return false;
  const latin = sample.match(LATIN_LETTER)?.length ?? 0;
  return latin * 2 < letters;
}

/**
 * Stop-word vote plus spelling cues. Returns 'und' when fewer than two words vote or the
 * winner is not clearly ahead: a wrong language is worse than none for the UI and for routing.
 */
export function detectLanguage(raw: string, tokens: Token[], hint?: string): LanguageGuess {
  const votes = new Float64Array(LANGS.length);
  let words = 0;
  let voted = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    words++;
    const langs = STOPWORD_INDEX.get(t.norm);
    if (!langs) continue;
    voted++;
    const share = 1 / langs.length;
    for (const l of langs) votes[LANG_INDEX[l] as number] += share;
  }
  const sample = raw.length > 2000 ? raw.slice(0, 2000) : raw;
  const lower = sample.toLowerCase();
  for (const [re, lang, weight] of CHAR_CUES) {
    const m = lower.match(re);
    if (m) votes[LANG_INDEX[lang] as number] += Math.min(m.length, 4) * weight;
  }
  const hintIndex = hint !== undefined ? LANG_INDEX[hint.toLowerCase().slice(0, 2)] : undefined;
  if (hintIndex !== undefined) votes[hintIndex] += 0.75;

  let best = 0;
  let second = 0;
  let total = 0;
  let bestIndex = -1;
  for (let i = 0; i < votes.length; i++) {
    const v = votes[i] as number;
    total += v;
    if (v > best) {
      second = best;
      best = v;
      bestIndex = i;
    } else if (v > second) second = v;
  }
  const foreignScript = isForeignScript(sample);
  if (bestIndex < 0 || total === 0) return { language: 'und', confidence: 0, mixed: false, foreignScript };
  const share = best / total;
  const confidence = share * Math.min(1, best / 3);
  const fr = votes[LANG_INDEX['fr'] as number] as number;
  const en = votes[LANG_INDEX['en'] as number] as number;
  // Code-switching ("le service était so bad"): both languages have real votes and are the top two.
  const mixed = Math.min(fr, en) >= 1.5 && Math.min(fr, en) >= 0.35 * Math.max(fr, en) && fr + en >= best + second - 1e-9;
  // Need some evidence (≥ 1.5 votes, or a hint agreeing) and a clear margin over the runner-up.
  const enough = best >= 1.5 || (voted >= 1 && words <= 3 && hintIndex === bestIndex);
  if (!enough || best - second < 0.75 || share < 0.45) return { language: 'und', confidence, mixed, foreignScript };
  return { language: LANGS[bestIndex] as Language, confidence, mixed, foreignScript };
}
