import { formatQueryError, tryParseQuery, type QueryErrorInfo } from '@vigie/query';
import type { AppLocale } from '../../../lib/format';

export interface QueryCheck {
  ok: boolean;
  error: QueryErrorInfo | null;
  /** Localised message, e.g. "Expected a term after AND at position 12". */
  message: string | null;
}

/** Same parser as the server: the editor shows exactly the error the API would return. */
export function checkQuery(query: string, locale: AppLocale): QueryCheck {
  const r = tryParseQuery(query);
  if (r.ok) return { ok: true, error: null, message: null };
  return { ok: false, error: r.error, message: formatQueryError(r.error, locale) };
}

/** Splits the query around the error position so the offending character can be marked. */
export function caretParts(query: string, position: number): { before: string; at: string; after: string; atEnd: boolean } {
  const p = Math.max(0, Math.min(position, query.length));
  if (p >= query.length) return { before: query, at: '', after: '', atEnd: true };
  return { before: query.slice(0, p), at: query[p], after: query.slice(p + 1), atEnd: false };
}
