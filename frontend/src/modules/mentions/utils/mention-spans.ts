import { compileQuery, matchQuery, mergeSpans, type CompiledQuery, type MatchSpan } from '@vigie/query';
import type { MentionDto } from '@vigie/contracts';

/** Compiles each stored query once; a query that no longer parses is skipped (nothing to highlight). */
export function compileAll(queries: Array<{ id: string; query: string }>): Map<string, CompiledQuery> {
  const out = new Map<string, CompiledQuery>();
  for (const q of queries) {
    try {
      out.set(q.id, compileQuery(q.query));
    } catch {
      /* invalid stored query: no highlight rather than a crash */
    }
  }
  return out;
}

/**
 * The words to highlight in a mention: spans of every query that matched it, found by the same
 * matcher the server used.
 */
export function mentionSpans(m: MentionDto, compiled: Map<string, CompiledQuery>): MatchSpan[] {
  const doc = {
    text: m.text,
    lang: m.language ?? undefined,
    platform: m.platform,
    source: m.source ?? undefined,
    author: m.author?.handle ?? undefined,
  };
  const spans: MatchSpan[] = [];
  for (const id of m.queryIds) {
    const q = compiled.get(id);
    if (!q) continue;
    const r = matchQuery(q, doc);
    if (r.matched) spans.push(...r.spans);
  }
  return mergeSpans(spans);
}
