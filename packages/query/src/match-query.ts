import type { QueryAst, QueryDoc, TermNode } from './ast';
import { filterMatches } from './doc-filters';
import { nearPairs } from './occurrence';
import type { Occurrence } from './occurrence';
import { parseQuery } from './parser';
import { isPrepared, prepareDoc } from './prepared-doc';
import type { PreparedDoc } from './prepared-doc';
import { termMatchesAt } from './term-match';
import type { Token } from './tokenize';

/** Character range in the original text, end exclusive. */
export interface MatchSpan {
  start: number;
  end: number;
}

export interface MatchResult {
  matched: boolean;
  /** Sorted, non-overlapping spans of the terms that made the query match ([] otherwise). */
  spans: MatchSpan[];
}

/** A parsed query ready for repeated single-query matching. */
export interface CompiledQuery {
  readonly kind: 'compiled-query';
  readonly source: string | undefined;
  readonly ast: QueryAst;
}

/** Parses (if given a string) and wraps a query; throws QuerySyntaxError. */
export function compileQuery(query: string | QueryAst): CompiledQuery {
  return typeof query === 'string'
    ? { kind: 'compiled-query', source: query, ast: parseQuery(query) }
    : { kind: 'compiled-query', source: undefined, ast: query };
}

interface Evaluated {
  matched: boolean;
  occurrences: Occurrence[];
}

function termOccurrences(term: TermNode, tokens: readonly Token[]): Occurrence[] {
  const out: Occurrence[] = [];
  const last = tokens.length - term.atoms.length;
  for (let i = 0; i <= last; i++) {
    if (termMatchesAt(term.atoms, tokens, i)) out.push({ from: i, to: i + term.atoms.length - 1 });
  }
  return out;
}

// Occurrences of a NEAR operand (term, OR-group or NEAR; the parser guarantees it).
function proximityOccurrences(node: QueryAst, tokens: readonly Token[]): Occurrence[] {
  switch (node.type) {
    case 'term':
      return termOccurrences(node, tokens);
    case 'or':
      return node.operands.flatMap((o) => proximityOccurrences(o, tokens));
    case 'near':
      return nearPairs(
        proximityOccurrences(node.left, tokens),
        proximityOccurrences(node.right, tokens),
        node.distance,
      );
    default:
      return [];
  }
}

// Straightforward recursive evaluation: every term is searched by scanning all tokens.
// The compiled set (compiled-query-set.ts) must agree with this on every input.
function evaluate(node: QueryAst, doc: PreparedDoc): Evaluated {
  switch (node.type) {
    case 'term':
    case 'near': {
      const occurrences = proximityOccurrences(node, doc.tokens);
      return { matched: occurrences.length > 0, occurrences };
    }
    case 'filter':
      return { matched: filterMatches(node, doc), occurrences: [] };
    case 'not':
      return { matched: !evaluate(node.operand, doc).matched, occurrences: [] };
    case 'and': {
      const occurrences: Occurrence[] = [];
      for (const o of node.operands) {
        const r = evaluate(o, doc);
        if (!r.matched) return { matched: false, occurrences: [] };
        occurrences.push(...r.occurrences);
      }
      return { matched: true, occurrences };
    }
    case 'or': {
      let matched = false;
      const occurrences: Occurrence[] = [];
      for (const o of node.operands) {
        const r = evaluate(o, doc);
        if (r.matched) {
          matched = true;
          occurrences.push(...r.occurrences);
        }
      }
      return { matched, occurrences };
    }
  }
}

/** Char spans of token occurrences (NEAR results contribute their leaves), merged. */
export function occurrencesToSpans(
  occurrences: readonly Occurrence[],
  tokens: readonly Token[],
): MatchSpan[] {
  const spans: MatchSpan[] = [];
  for (const occ of occurrences) {
    for (const leaf of occ.leaves ?? [occ]) {
      spans.push({
        start: (tokens[leaf.from] as Token).start,
        end: (tokens[leaf.to] as Token).end,
      });
    }
  }
  return mergeSpans(spans);
}

/** Sorts spans and merges overlapping or touching ones. */
export function mergeSpans(spans: readonly MatchSpan[]): MatchSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: MatchSpan[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && s.start <= prev.end) prev.end = Math.max(prev.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

function toAst(query: string | QueryAst | CompiledQuery): QueryAst {
  if (typeof query === 'string') return parseQuery(query);
  return 'kind' in query && query.kind === 'compiled-query' ? query.ast : (query as QueryAst);
}

/**
 * Matches one query against one document. `doc` may be prepared once with `prepareDoc`
 * when testing many queries. A string query is parsed (and may throw QuerySyntaxError).
 */
export function matchQuery(
  query: string | QueryAst | CompiledQuery,
  doc: QueryDoc | PreparedDoc,
): MatchResult {
  const prepared = isPrepared(doc) ? doc : prepareDoc(doc);
  const r = evaluate(toAst(query), prepared);
  return r.matched
    ? { matched: true, spans: occurrencesToSpans(r.occurrences, prepared.tokens) }
    : { matched: false, spans: [] };
}
