import { tokenize, type Token } from './normalize';

/**
 * Matches cue phrases against tokens, accent- and case-insensitively and on word boundaries
 * (cues are tokenised like the text). A token ending in '*' is a prefix ("rembours*"), and a
 * lone '_' matches any one word ("je vais _ tuer").
 */
export interface Cue<T> {
  phrase: string;
  value: T;
}

interface CompiledCue<T> {
  parts: string[];
  cue: Cue<T>;
}

export interface CueMatch<T> {
  cue: Cue<T>;
  /** Index of the first matched token. */
  start: number;
  /** Number of tokens matched. */
  length: number;
}

/** The matched words as folded text ("l'" + "equipe" → "l'equipe"), for reasons shown in the UI. */
export function spanText(tokens: Token[], start: number, length: number): string {
  let out = '';
  for (let k = start; k < start + length && k < tokens.length; k++) {
    const w = (tokens[k] as Token).norm;
    out += out === '' || out.endsWith("'") ? w : ` ${w}`;
  }
  return out;
}

export class CueMatcher<T> {
  private readonly byFirst = new Map<string, CompiledCue<T>[]>();
  private readonly prefixFirst: CompiledCue<T>[] = [];
  // Prefix-first cues ("recrut*") bucketed by their first two letters: checking every one at every
  // token dominated matching time once cue lists grew.
  private readonly prefixByStart = new Map<string, CompiledCue<T>[]>();

  constructor(cues: Cue<T>[]) {
    for (const cue of cues) {
      // Tokenise the whole phrase like the text (elisions, emoji, punctuation), keeping the
      // wildcard markers through placeholder words.
      const marked = cue.phrase.replace(/\*/g, 'qqstar').replace(/(^|\s)_(?=\s|$)/g, '$1qqwild');
      const parts = tokenize(marked)
        .map((t) => (t.norm === 'qqwild' ? '_' : t.norm.replace(/qqstar$/, '*')))
        .filter((p) => p.length > 0);
      if (parts.length === 0) continue;
      const compiled = { parts, cue };
      const first = parts[0] as string;
      if (first.endsWith('*') && first.length >= 3) {
        const key = first.slice(0, 2);
        const list = this.prefixByStart.get(key) ?? [];
        list.push(compiled);
        this.prefixByStart.set(key, list);
      } else if (first.endsWith('*') || first === '_') this.prefixFirst.push(compiled);
      else {
        const list = this.byFirst.get(first) ?? [];
        list.push(compiled);
        this.byFirst.set(first, list);
      }
    }
  }

  /** All matches, in text order. */
  matchAll(tokens: Token[]): CueMatch<T>[] {
    const out: CueMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const word = (tokens[i] as Token).norm;
      const candidates = this.byFirst.get(word);
      if (candidates) for (const c of candidates) if (matchesAt(c.parts, tokens, i)) out.push({ cue: c.cue, start: i, length: c.parts.length });
      const bucket = this.prefixByStart.get(word.slice(0, 2));
      if (bucket) for (const c of bucket) if (matchesAt(c.parts, tokens, i)) out.push({ cue: c.cue, start: i, length: c.parts.length });
      for (const c of this.prefixFirst) if (matchesAt(c.parts, tokens, i)) out.push({ cue: c.cue, start: i, length: c.parts.length });
    }
    return out;
  }
}

function matchesAt(parts: string[], tokens: Token[], start: number): boolean {
  if (start + parts.length > tokens.length) return false;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k] as string;
    const w = (tokens[start + k] as Token).norm;
    if (p === '_') continue;
    if (p.endsWith('*')) {
      if (!w.startsWith(p.slice(0, -1))) return false;
    } else if (p !== w) return false;
  }
  return true;
}
