import { normalizeWord } from './normalize';

export type TokenKind = 'word' | 'hashtag' | 'handle';

/**
 * One searchable unit of a text. `norm` is the folded form (without the `#`/`@` sigil);
 * `start`/`end` are UTF-16 offsets into the ORIGINAL text (end exclusive) and include the
 * sigil, so `text.slice(start, end)` is what to highlight.
 */
export interface Token {
  norm: string;
  start: number;
  end: number;
  kind: TokenKind;
}

// Character classes, cached per BMP code unit: 1 = can start a word (letter/digit),
// 2 = can only continue one (combining mark), 3 = separator.
const START = 1;
const MARK = 2;
const SEP = 3;
const classCache = new Uint8Array(0x10000);
const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u;
const MARK_RE = /\p{M}/u;

function classify(cp: number): number {
  if (cp < 0x80) {
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)
      ? START
      : SEP;
  }
  if (cp < 0x10000) {
    const cached = classCache[cp];
    if (cached !== 0) return cached;
  }
  const ch = String.fromCodePoint(cp);
  const cls = LETTER_OR_DIGIT_RE.test(ch) ? START : MARK_RE.test(ch) ? MARK : SEP;
  if (cp < 0x10000) classCache[cp] = cls;
  return cls;
}

const UNDERSCORE = 0x5f;
const HASH = 0x23;
const AT = 0x40;
const DOT = 0x2e;
const HYPHEN = 0x2d;

function codeAt(text: string, i: number): number {
  return i < text.length ? (text.codePointAt(i) as number) : -1;
}

function width(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

function isWordContinue(cp: number): boolean {
  return cp >= 0 && classify(cp) !== SEP;
}

function isBodyStart(cp: number): boolean {
  return cp === UNDERSCORE || (cp >= 0 && classify(cp) === START);
}

function isBodyContinue(cp: number): boolean {
  return cp === UNDERSCORE || isWordContinue(cp);
}

// Set by scanWord: 0 = lower-case ASCII only, 1 = ASCII with capitals, 2 = non-ASCII.
// Lets the hot path skip folding for the common all-lower-case ASCII word.
let scannedShape = 0;

/** End offset of a word starting at `i` (letters, digits, combining marks). */
function scanWord(text: string, i: number): number {
  let j = i;
  let shape = 0;
  for (;;) {
    const c = text.charCodeAt(j);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      j++;
      continue;
    }
    if (c >= 0x41 && c <= 0x5a) {
      if (shape === 0) shape = 1;
      j++;
      continue;
    }
    if (c < 0x80 || Number.isNaN(c)) break;
    const cp = text.codePointAt(j) as number;
    if (!isWordContinue(cp)) break;
    shape = 2;
    j += width(cp);
  }
  scannedShape = shape;
  return j;
}

/**
 * End offset of a hashtag/handle body starting at `i`. Bodies also accept `_`; handles
 * additionally keep inner `.`, `-` and `@` (Bluesky `@name.bsky.social`, Mastodon
 * `@user@instance.org`) when a body character follows.
 */
function scanBody(text: string, i: number, handle: boolean): number {
  let j = i;
  for (;;) {
    const cp = codeAt(text, j);
    if (isBodyContinue(cp)) {
      j += width(cp);
      continue;
    }
    if (handle && (cp === DOT || cp === HYPHEN || cp === AT) && isBodyStart(codeAt(text, j + 1))) {
      j += 1;
      continue;
    }
    return j;
  }
}

const URL_START_RE = /^(?:https?:\/\/|www\.)/i;
const URL_TRAILING_RE = /[.,;:!?)\]}'"»”’]+$/;
const WHITESPACE_RE = /\s/;

/** End offset of a URL starting at `i`, or -1 when none starts there. */
function scanUrl(text: string, i: number): number {
  const c = text.charCodeAt(i) | 0x20;
  if (c !== 0x68 && c !== 0x77) return -1; // h / w
  if (!URL_START_RE.test(text.slice(i, i + 8))) return -1;
  let j = i;
  while (j < text.length && !WHITESPACE_RE.test(text[j] as string)) j++;
  const trailing = URL_TRAILING_RE.exec(text.slice(i, j));
  return trailing ? j - trailing[0].length : j;
}

function push(
  tokens: Token[],
  text: string,
  start: number,
  bodyStart: number,
  end: number,
  kind: TokenKind,
): void {
  const norm = normalizeWord(text.slice(bodyStart, end));
  if (norm.length > 0) tokens.push({ norm, start, end, kind });
}

function pushWord(tokens: Token[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const norm =
    scannedShape === 0 ? raw : scannedShape === 1 ? raw.toLowerCase() : normalizeWord(raw);
  if (norm.length > 0) tokens.push({ norm, start, end, kind: 'word' });
}

/**
 * Splits a text into tokens. Words are runs of letters/digits (apostrophes, hyphens,
 * punctuation and emoji separate them: "l'avion" → l, avion). `#tag` and `@handle` are
 * single tokens when the sigil does not follow a word character (so "C#" and
 * "jean@mail.fr" are plain words). URLs (http(s)://, www.) yield only plain words:
 * `#fragment` or `user@host` inside them are not hashtags/handles.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let prevWord = false; // previous code point continues a word (sigils after it are not sigils)
  while (i < n) {
    const cp = text.codePointAt(i) as number;
    const cls = classify(cp);
    if (cls === START) {
      if (!prevWord) {
        const urlEnd = scanUrl(text, i);
        if (urlEnd > i) {
          tokenizeUrl(text, i, urlEnd, tokens);
          i = urlEnd;
          prevWord = false;
          continue;
        }
      }
      const end = scanWord(text, i);
      pushWord(tokens, text, i, end);
      i = end;
      prevWord = true;
      continue;
    }
    if ((cp === HASH || cp === AT) && !prevWord && isBodyStart(codeAt(text, i + 1))) {
      const handle = cp === AT;
      const end = scanBody(text, i + 1, handle);
      push(tokens, text, i, i + 1, end, handle ? 'handle' : 'hashtag');
      i = end;
      prevWord = true;
      continue;
    }
    prevWord = cls === MARK || cp === UNDERSCORE;
    i += width(cp);
  }
  return tokens;
}

function tokenizeUrl(text: string, from: number, to: number, tokens: Token[]): void {
  let i = from;
  while (i < to) {
    const cp = text.codePointAt(i) as number;
    if (classify(cp) === START) {
      const end = Math.min(scanWord(text, i), to);
      pushWord(tokens, text, i, end);
      i = end;
    } else {
      i += width(cp);
    }
  }
}
