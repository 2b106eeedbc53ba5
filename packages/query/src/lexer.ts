import { FILTER_FIELDS } from './ast';
import type { Atom, FilterField, FilterNode, TermNode } from './ast';
import { normalizeText } from './normalize';
import { END_OF_QUERY, QuerySyntaxError } from './query-error';
import { tokenize } from './tokenize';

export type LexToken =
  | {
      t: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus' | 'eof';
      start: number;
      end: number;
      text: string;
    }
  | { t: 'near'; distance: number; start: number; end: number; text: string }
  | { t: 'term'; node: TermNode; start: number; end: number; text: string }
  | { t: 'filter'; node: FilterNode; start: number; end: number; text: string };

export const MAX_NEAR_DISTANCE = 100;

const CLOSING_QUOTE: Record<string, string> = { '"': '"', '“': '”', '«': '»' };
const WORD_STOP_RE = /[\s()"“”«»]/;
const WHITESPACE_RE = /\s/;
const FILTER_RE = /^([A-Za-z][A-Za-z_]*):/;
const NEAR_RE = /^NEAR(?:\/|$)/;

/** Splits a query into operator, term and filter tokens; throws QuerySyntaxError. */
export function lexQuery(src: string): LexToken[] {
  const out: LexToken[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const ch = src[i] as string;
    if (WHITESPACE_RE.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      out.push({ t: ch === '(' ? 'lparen' : 'rparen', start: i, end: i + 1, text: ch });
      i++;
      continue;
    }
    if (ch in CLOSING_QUOTE) {
      const end = closingQuote(src, i);
      out.push(termToken(phraseNode(src, i, end)));
      i = end + 1;
      continue;
    }
    if (ch === '”' || ch === '»')
      throw new QuerySyntaxError('unexpected_token', i, ['term', '('], ch);
    // `-term`, `-(…)`, `-"…"`: NOT shorthand when something other than a space follows.
    if (
      ch === '-' &&
      i + 1 < n &&
      !WHITESPACE_RE.test(src[i + 1] as string) &&
      src[i + 1] !== ')'
    ) {
      out.push({ t: 'minus', start: i, end: i + 1, text: '-' });
      i++;
      continue;
    }
    let end = i;
    while (end < n && !WORD_STOP_RE.test(src[end] as string)) end++;
    const raw = src.slice(i, end);
    const filter = FILTER_RE.exec(raw);
    if (raw === 'AND' || raw === 'OR' || raw === 'NOT') {
      out.push({
        t: raw === 'AND' ? 'and' : raw === 'OR' ? 'or' : 'not',
        start: i,
        end,
        text: raw,
      });
    } else if (NEAR_RE.test(raw)) {
      out.push(nearToken(src, raw, i, end));
    } else if (filter && !raw.startsWith('://', (filter[1] as string).length)) {
      const tok = filterToken(src, i, end, filter[1] as string);
      out.push(tok);
      end = tok.end;
    } else {
      out.push(termToken(wordNode(raw, i)));
    }
    i = end;
  }
  out.push({ t: 'eof', start: n, end: n, text: END_OF_QUERY });
  return out;
}

function closingQuote(src: string, open: number): number {
  const opener = src[open] as string;
  const closer = CLOSING_QUOTE[opener] as string;
  for (let j = open + 1; j < src.length; j++) {
    const c = src[j];
    if (c === closer || (opener === '“' && c === '"')) return j;
  }
  throw new QuerySyntaxError('unclosed_quote', open, [closer], END_OF_QUERY);
}

function termToken(node: TermNode): LexToken {
  return { t: 'term', node, start: node.start, end: node.end, text: node.text };
}

function nearToken(src: string, raw: string, start: number, end: number): LexToken {
  const digits = raw.slice(5);
  if (!/^\d+$/.test(digits)) {
    // "NEAR" alone, "NEAR/" or "NEAR/x": point at where the number should be.
    const pos = start + Math.min(raw.length, 5);
    const found = digits !== '' ? digits : pos < src.length ? (src[pos] as string) : END_OF_QUERY;
    if (raw === 'NEAR') {
      throw new QuerySyntaxError('expected_near_distance', pos, ['/'], found, { after: 'NEAR' });
    }
    throw new QuerySyntaxError('expected_near_distance', pos, ['number'], found);
  }
  const distance = Number(digits);
  if (distance > MAX_NEAR_DISTANCE) {
    throw new QuerySyntaxError('near_distance_too_large', start + 5, ['number'], digits, {
      max: MAX_NEAR_DISTANCE,
    });
  }
  return { t: 'near', distance, start, end, text: raw };
}

function filterToken(src: string, start: number, rawEnd: number, name: string): LexToken {
  const field = name.toLowerCase() as FilterField;
  if (!FILTER_FIELDS.includes(field)) {
    throw new QuerySyntaxError('unknown_filter', start, [...FILTER_FIELDS], name, { name });
  }
  const valueStart = start + name.length + 1;
  let value: string;
  let end = rawEnd;
  if (valueStart === rawEnd && (src[rawEnd] ?? '') in CLOSING_QUOTE) {
    // author:"Jean Dupont"
    const close = closingQuote(src, rawEnd);
    value = src.slice(rawEnd + 1, close);
    end = close + 1;
  } else {
    value = src.slice(valueStart, rawEnd);
  }
  const normalized = normalizeFilterValue(field, value);
  if (normalized === '') {
    const found = src[valueStart] === undefined ? END_OF_QUERY : (src[valueStart] as string);
    throw new QuerySyntaxError('expected_filter_value', valueStart, ['filter value'], found, {
      name,
    });
  }
  const node: FilterNode = { type: 'filter', field, value: normalized, start, end };
  return { t: 'filter', node, start, end, text: src.slice(start, end) };
}

/** Canonical form of a filter value; the matcher applies the same to document fields. */
export function normalizeFilterValue(field: FilterField, value: string): string {
  const v = value.trim();
  switch (field) {
    case 'lang':
      return v.toLowerCase().replace(/_/g, '-');
    case 'platform':
      return v.toLowerCase();
    case 'source':
      return normalizeText(v);
    case 'author':
      return normalizeText(v.replace(/^@/, ''));
  }
}

/** Atoms of one whitespace-free chunk; a trailing `*` makes the last atom a prefix. */
function chunkAtoms(chunk: string, pos: number, inPhrase: boolean): Atom[] {
  const star = chunk.indexOf('*');
  const prefix = star !== -1 && star === chunk.length - 1;
  if (star !== -1 && !prefix)
    throw new QuerySyntaxError('misplaced_wildcard', pos + star, ['term'], '*');
  const body = prefix ? chunk.slice(0, -1) : chunk;
  const tokens = tokenize(body);
  if (tokens.length === 0) {
    // Inside a phrase, punctuation-only chunks ("service - client") are just separators.
    if (inPhrase && !prefix) return [];
    throw new QuerySyntaxError('no_searchable_text', pos, ['term'], chunk, { text: chunk });
  }
  const atoms: Atom[] = tokens.map((t) => ({ kind: t.kind, value: t.norm, prefix: false }));
  if (prefix) (atoms[atoms.length - 1] as Atom).prefix = true;
  return atoms;
}

function wordNode(raw: string, start: number): TermNode {
  return {
    type: 'term',
    atoms: chunkAtoms(raw, start, false),
    text: raw,
    start,
    end: start + raw.length,
  };
}

function phraseNode(src: string, open: number, close: number): TermNode {
  const atoms: Atom[] = [];
  const re = /\S+/g;
  const inner = src.slice(open + 1, close);
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    atoms.push(...chunkAtoms(m[0], open + 1 + m.index, true));
  }
  if (atoms.length === 0) {
    if (inner.trim() === '')
      throw new QuerySyntaxError('empty_phrase', open, ['term'], src.slice(open, close + 1));
    throw new QuerySyntaxError('no_searchable_text', open, ['term'], src.slice(open, close + 1), {
      text: src.slice(open, close + 1),
    });
  }
  return { type: 'term', atoms, text: src.slice(open, close + 1), start: open, end: close + 1 };
}
