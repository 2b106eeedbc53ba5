import type { Token } from '../normalize';
import { NEGATORS, SCOPE_BREAKERS } from './cues';
import type { LexiconScore } from './lexicon-score';

/**
 * Sparse features for the sentiment model: words (marked "n:" inside a negation scope), word
 * bigrams, character 3-4-grams inside words (robust to typos/inflections), emoji, and a few dense
 * lexicon/shape features. The training script and inference share this function, so the model
 * always sees exactly what it was trained on.
 */
export function extractFeatures(tokens: Token[], lex: LexiconScore, out: Map<string, number>): void {
  out.clear();
  let negUntil = -1;
  let prev = '<s>';
  let exclam = 0;
  let question = 0;
  let shouted = 0;
  let elongated = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    let w = t.norm;
    if (t.kind === 'punct') {
      if (w === '!') exclam++;
      else if (w === '?') question++;
      negUntil = -1;
    } else if (t.kind === 'word' || t.kind === 'hashtag') {
      if (SCOPE_BREAKERS.has(w)) negUntil = -1;
      if (t.shouted) shouted++;
      if (t.elongated) elongated++;
      if (NEGATORS.has(w)) negUntil = i + 3;
      else if (i <= negUntil) w = `n:${w}`;
      out.set(`w:${w}`, 1);
      if (t.kind === 'word' && t.norm.length >= 3) {
        // Char 3-4-grams catch inflections and typos ("rembourssement"); weighted 0.1 because at
        // full weight they overfit the small English training set (measured on val).
        const padded = ` ${t.norm} `;
        for (let n = 3; n <= 4; n++) {
          for (let k = 0; k + n <= padded.length; k++) out.set(`c:${padded.slice(k, k + n)}`, 0.1);
        }
      }
    } else if (t.kind === 'emoji' || t.kind === 'emoticon') {
      out.set(`e:${w}`, 1);
    } else {
      w = t.norm; // http, @user, numbers: keep as words
      out.set(`w:${t.kind === 'number' ? '<num>' : w}`, 1);
      if (t.kind === 'number') w = '<num>';
    }
    out.set(`b:${prev} ${w}`, 1);
    prev = w;
  }
  if (prev !== '<s>') out.set(`b:${prev} </s>`, 1);

  // Dense features, scaled to roughly 0..1.
  // Dense features weigh as much as a handful of sparse ones (×3): the lexicon knows words
  // the small training set never saw.
  const cap = (x: number): number => 3 * (x > 1 ? 1 : x);
  out.set('d:lexpos', cap(lex.pos / 6));
  out.set('d:lexneg', cap(lex.neg / 6));
  out.set('d:lexscore', 3 * lex.score);
  out.set('d:negated', cap(lex.negated / 2));
  out.set('d:emojipos', cap(lex.emojiPos));
  out.set('d:emojineg', cap(lex.emojiNeg));
  out.set('d:nohit', lex.hits === 0 ? 1 : 0);
  out.set('d:exclam', cap(exclam / 3));
  out.set('d:question', cap(question / 2));
  out.set('d:shout', cap(shouted / 2));
  out.set('d:elong', cap(elongated));
  out.set('d:irony', lex.irony ? 1 : 0);
}
