// Letters that Unicode does not decompose into base + accent, folded by hand so that
// "cœur" finds "coeur" and "Straße" finds "strasse".
const SPECIAL_FOLDS: Record<string, string> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};
const SPECIAL_RE = /[œæßøđłþı]/g;
const MARKS_RE = /\p{M}/gu;
const NON_ASCII_RE = /[^\x00-\x7f]/;

/**
 * Case-, accent- and ligature-insensitive form of a text: NFKD (which also expands
 * compatibility ligatures like "ﬁ" and full-width letters), combining marks removed,
 * lower-cased, œ/æ/ß/… spelled out. The result may be longer or shorter than the input,
 * so use `tokenize` when offsets into the original text are needed.
 */
export function normalizeText(text: string): string {
  if (!NON_ASCII_RE.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (ch) => SPECIAL_FOLDS[ch] ?? ch);
}

// Words repeat a lot across social texts: caching the folded form of non-ASCII words
// avoids running NFKD millions of times. Bounded so a stream of unique words cannot grow it.
const CACHE_LIMIT = 20_000;
let cache = new Map<string, string>();

/** `normalizeText` for a single word, with a small cache for non-ASCII words. */
export function normalizeWord(word: string): string {
  if (!NON_ASCII_RE.test(word)) return word.toLowerCase();
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const folded = normalizeText(word);
  if (cache.size >= CACHE_LIMIT) cache = new Map();
  cache.set(word, folded);
  return folded;
}
