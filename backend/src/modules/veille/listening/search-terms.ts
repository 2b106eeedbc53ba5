import type { QueryAst, TermNode } from '@vigie/query';

/**
 * Platform search strings for a watch query. Platforms cannot run our language, so we ask
 * them for a SUPERSET (any text the query can match contains at least one of the
 * "required terms" below) and always re-check every result with the real matcher.
 *
 * Required terms: a term → itself; OR → the union of its operands; AND / NEAR → the
 * smallest set among its operands (all are needed, one suffices to find the text);
 * NOT and filters → nothing. Example: `vigie (prix OR tarif) NOT spam` → [vigie].
 *
 * Translation per platform (terms as the user wrote them, accents kept):
 * - x       `(a OR "b c" OR #d OR @e) -is:retweet` — X search operators; ≤ 512 chars per string.
 * - reddit  `a OR "b c" OR d` — Reddit search (OR, quotes); `#`/`@` dropped (not Reddit syntax).
 * - youtube `a|"b c"|#d` — YouTube `q` (`|` = OR, quotes = phrase); `@` dropped.
 * - bluesky one search per term (`a`, `"b c"`, `#d`): searchPosts has no OR operator.
 * - mastodon one search per term: `#tag` (hashtag timeline), a word or `"a phrase"` (the instance's
 *   full-text search; the connector falls back to the joined hashtag, `#serviceclient`, where the
 *   instance cannot search full text, and says so); handles skipped (no public handle search).
 * `prefix*` is searched by its stem (platforms match whole words, so a platform may miss
 * `réclamations` for `réclamation*`; what it returns is still re-checked).
 */

export const MAX_SEARCHES_PER_PLATFORM = 10;
const X_MAX_QUERY = 512;

interface Picked {
  terms: TermNode[];
  cost: number;
}

function termCost(t: TermNode): number {
  const a = t.atoms[0];
  // A rarer term is cheaper to search: phrases, hashtags and handles beat single words; prefixes cost most.
  let c = t.atoms.length > 1 ? 1 : a.kind === 'word' ? 3 : 2;
  if (t.atoms.some((x) => x.prefix)) c += 2;
  return c;
}

function required(ast: QueryAst): Picked | null {
  switch (ast.type) {
    case 'term':
      return { terms: [ast], cost: termCost(ast) };
    case 'filter':
    case 'not':
      return null;
    case 'or': {
      const parts = ast.operands.map(required);
      if (parts.some((p) => p === null)) return null;
      const ps = parts as Picked[];
      return { terms: ps.flatMap((p) => p.terms), cost: ps.reduce((s, p) => s + p.cost, 0) };
    }
    case 'and':
    case 'near': {
      const ops = ast.type === 'and' ? ast.operands : [ast.left, ast.right];
      const parts = ops.map(required).filter((p): p is Picked => p !== null);
      if (!parts.length) return null;
      return parts.reduce((best, p) => (p.cost < best.cost || (p.cost === best.cost && p.terms.length < best.terms.length) ? p : best));
    }
  }
}

/** Every term not under an odd number of NOTs (fallback when no required set can be derived). */
function positiveTerms(ast: QueryAst, negated = false, out: TermNode[] = []): TermNode[] {
  switch (ast.type) {
    case 'term':
      if (!negated) out.push(ast);
      break;
    case 'not':
      positiveTerms(ast.operand, !negated, out);
      break;
    case 'and':
    case 'or':
      for (const o of ast.operands) positiveTerms(o, negated, out);
      break;
    case 'near':
      positiveTerms(ast.left, negated, out);
      positiveTerms(ast.right, negated, out);
      break;
    case 'filter':
      break;
  }
  return out;
}

export function requiredTerms(ast: QueryAst): TermNode[] {
  const terms = required(ast)?.terms ?? positiveTerms(ast);
  const seen = new Set<string>();
  return terms.filter((t) => {
    const k = t.text.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

interface Rendered {
  /** Words as written (no quotes, no sigil, no '*'). */
  words: string[];
  sigil: '' | '#' | '@';
}

function render(t: TermNode): Rendered {
  const raw = t.text.trim().replace(/^["“«]\s*|\s*["”»]$/g, '').replace(/\*$/, '');
  const sigil = raw.startsWith('#') ? '#' : raw.startsWith('@') ? '@' : '';
  const body = sigil ? raw.slice(1) : raw;
  // Hyphens and apostrophes separate tokens in our tokenizer: search the pieces as a phrase.
  const words = body.split(/[\s'’\-.]+/).map((w) => w.replace(/["“”«»()]/g, '')).filter(Boolean);
  return { words, sigil };
}

function phraseOrWord(r: Rendered, keepSigils: Array<'#' | '@'>): string {
  const sigil = r.sigil && keepSigils.includes(r.sigil) ? r.sigil : '';
  if (r.words.length === 1) return `${sigil}${r.words[0]}`;
  return `"${r.words.join(' ')}"`;
}

function chunkJoin(parts: string[], sep: string, max: number, wrap: (s: string) => string): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  for (const p of parts) {
    const next = [...cur, p];
    if (cur.length && wrap(next.join(sep)).length > max) {
      out.push(wrap(cur.join(sep)));
      cur = [p];
    } else cur = next;
  }
  if (cur.length) out.push(wrap(cur.join(sep)));
  return out;
}

/** The search strings to send to `platform` for this query (empty: nothing searchable there). */
export function platformSearches(ast: QueryAst, platform: string): string[] {
  const rendered = requiredTerms(ast).map(render).filter((r) => r.words.length > 0);
  if (!rendered.length) return [];
  let out: string[];
  switch (platform) {
    case 'x':
      out = chunkJoin(rendered.map((r) => phraseOrWord(r, ['#', '@'])), ' OR ', X_MAX_QUERY, (s) => `(${s}) -is:retweet`);
      break;
    case 'reddit':
      out = chunkJoin(rendered.map((r) => phraseOrWord(r, [])), ' OR ', 512, (s) => s);
      break;
    case 'youtube':
      out = chunkJoin(rendered.map((r) => phraseOrWord(r, ['#'])), '|', 500, (s) => s);
      break;
    case 'bluesky':
      out = rendered.map((r) => phraseOrWord(r, ['#']));
      break;
    case 'mastodon':
      // Tags are case-insensitive on Mastodon; words and phrases go to the full-text search.
      out = rendered.filter((r) => r.sigil !== '@').map((r) => (r.sigil === '#' ? `#${r.words.join('').toLowerCase()}` : phraseOrWord(r, [])));
      break;
    default:
      out = [];
  }
  return [...new Set(out)].slice(0, MAX_SEARCHES_PER_PLATFORM);
}
