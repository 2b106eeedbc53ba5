// Text normalisation shared by every analyser: one place decides what a "word" is.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Literal "\u2019" escapes appear in scraped tweets; decoding them is harmless for real text.
const LITERAL_ESCAPE = /\\u([0-9a-fA-F]{4})/g;
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g;

/** Lower-case, strip accents (é → e), map typographic quotes, drop control characters. */
export function foldText(text: string): string {
  return text
    .replace(LITERAL_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(CONTROL_CHARS, ' ')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u00ab\u00bb\u201c\u201d]/g, '"')
    .replace(/\u0153/g, 'oe')
    .replace(/\u00e6/g, 'ae')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC');
}

/** "trooop" → "troop", "sooo" → "soo": keeps a doubled letter so "cool"/"good" survive. */
export function squeezeElongation(token: string): string {
  return token.replace(/(.)\1{2,}/g, '$1$1');
}

/** True when the raw token repeated a letter three times or more ("loooove"). */
export function isElongated(token: string): boolean {
  return /([a-z])\1{2,}/.test(token);
}

export type TokenKind = 'word' | 'emoji' | 'emoticon' | 'punct' | 'url' | 'mention' | 'hashtag' | 'number';

export interface Token {
  /** Folded, squeezed form used for lookups. */
  norm: string;
  kind: TokenKind;
  /** The folded token before squeezing had 3+ repeated letters. */
  elongated: boolean;
  /** The original was written in capitals (≥ 3 letters): shouting. */
  shouted: boolean;
  /** Character offsets in the input (after decoding literal \\u escapes), for explanations. */
  start?: number;
  end?: number;
}

// Order matters: URLs and emoticons before words so ":)" and "http://x" stay whole.
const TOKEN_RE = new RegExp(
  [
    '(https?:\\/\\/\\S+|www\\.\\S+)',
    "((?<![\\p{L}\\p{N}])(?:[:;=xX][\\-o\\*\\^']?[\\)\\(\\]\\[dDpP\\/\\\\|3@]+|<3+|\\^\\^|\\^_\\^|[\\)\\(]+[\\-']?[:;=])(?![\\p{L}\\p{N}]))",
    '(@[\\p{L}\\p{N}_.]+)',
    '(#[\\p{L}\\p{N}_]+)',
    "([\\p{L}][\\p{L}\\p{M}']*[\\p{L}]|[\\p{L}])",
    '(\\p{N}+(?:[.,]\\p{N}+)*)',
    '(\\p{Extended_Pictographic}|\\p{Regional_Indicator}{2})',
    '([!?]+|\\.{2,}|[.,;:])',
  ].join('|'),
  'gu',
);

const MAX_TOKENS = 400;

/**
 * Tokenise raw text. Long inputs are cut to MAX_TOKENS: the head of a message carries its
 * meaning, and bounded work keeps the worker's throughput predictable.
 */
export function tokenize(raw: string): Token[] {
  const tokens: Token[] = [];
  const text = (raw.length > 5000 ? raw.slice(0, 5000) : raw)
    .replace(LITERAL_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/[\u2018\u2019\u02bc]/g, "'");
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null && tokens.length < MAX_TOKENS) {
    const [whole, url, emoticon, mention, hashtag, word, num, emoji] = m;
    const before = tokens.length;
    if (url) tokens.push({ norm: 'http', kind: 'url', elongated: false, shouted: false });
    else if (emoticon) tokens.push({ norm: emoticon.toLowerCase(), kind: 'emoticon', elongated: false, shouted: false });
    else if (mention) tokens.push({ norm: '@user', kind: 'mention', elongated: false, shouted: false });
    else if (hashtag) {
      const folded = foldText(hashtag.slice(1));
      tokens.push({ norm: squeezeElongation(folded), kind: 'hashtag', elongated: false, shouted: false });
    } else if (word) {
      const folded = foldText(word);
      const shouted = word.length >= 3 && word === word.toUpperCase() && word !== word.toLowerCase();
      // Split elisions: "l'équipe" → "l'" + "equipe"; "don't" stays whole (English contraction).
      const elision = /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(.+)$/.exec(folded);
      if (elision && !/^(t|s|d)$/.test(elision[2] ?? '')) {
        tokens.push({ norm: `${elision[1]}'`, kind: 'word', elongated: false, shouted: false });
        const rest = elision[2] ?? '';
        tokens.push({ norm: squeezeElongation(rest), kind: 'word', elongated: isElongated(rest), shouted });
      } else {
        tokens.push({ norm: squeezeElongation(folded), kind: 'word', elongated: isElongated(folded), shouted });
      }
    } else if (num) tokens.push({ norm: num, kind: 'number', elongated: false, shouted: false });
    else if (emoji) tokens.push({ norm: emoji, kind: 'emoji', elongated: false, shouted: false });
    else tokens.push({ norm: whole.startsWith('.') ? '...' : whole.slice(0, 1), kind: 'punct', elongated: false, shouted: false });
    // Offsets: an elision split gives "l'" then the rest of the word.
    const end = m.index + whole.length;
    if (tokens.length - before === 2) {
      const cut = m.index + (whole.indexOf("'") + 1 || 0);
      Object.assign(tokens[before] as Token, { start: m.index, end: cut });
      Object.assign(tokens[before + 1] as Token, { start: cut, end });
    } else if (tokens.length > before) Object.assign(tokens[before] as Token, { start: m.index, end });
  }
  return tokens;
}
