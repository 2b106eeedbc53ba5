import type { TextAnalysis } from '@vigie/text';
import type { StoredAspect, StoredExplanation } from './text-labels';
import { storedAspects, storedExplanation } from './text-labels';

export interface CommentToEnrich {
  id: string;
  text: string;
  isFromBrand: boolean;
}

/**
 * One multi-row `UPDATE … FROM (VALUES …)` for a batch of analysed comments: a single round
 * trip and a single statement whatever the batch size (7 parameters a row, so ≤ 9,000 rows).
 * Brand replies get language and sentiment but no request type: they are not requests.
 */
export function commentWriteBack(rows: CommentToEnrich[], analyses: TextAnalysis[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const tuples: string[] = [];
  rows.forEach((row, i) => {
    const a = analyses[i] as TextAnalysis;
    const base = params.length;
    params.push(
      row.id,
      a.language,
      a.sentiment.label,
      a.sentiment.score,
      row.isFromBrand ? null : a.requestType.type,
      row.isFromBrand ? null : a.requestType.reason,
      a.toxic,
      row.isFromBrand ? null : (a.requestType.confidence ?? null),
      row.isFromBrand ? null : jsonOrNull<StoredExplanation>(storedExplanation(a)),
      jsonOrNull<StoredAspect[]>(storedAspects(a)),
    );
    tuples.push(
      `($${base + 1}::bigint, $${base + 2}::text, $${base + 3}::text, $${base + 4}::real, $${base + 5}::text, $${base + 6}::text, $${base + 7}::boolean, $${base + 8}::real, $${base + 9}::jsonb, $${base + 10}::jsonb)`,
    );
  });
  const sql = `UPDATE comments c SET language = v.language, sentiment = v.sentiment, sentiment_score = v.score,
      request_type = v.request_type, request_reason = v.request_reason, toxic = v.toxic,
      request_confidence = v.confidence, request_explanation = v.explanation, aspects = v.aspects, enriched_at = now()
    FROM (VALUES ${tuples.join(', ')}) AS v(id, language, sentiment, score, request_type, request_reason, toxic, confidence, explanation, aspects)
    WHERE c.id = v.id`;
  return { sql, params };
}

export function postWriteBack(ids: string[], analyses: TextAnalysis[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const tuples: string[] = [];
  ids.forEach((id, i) => {
    const a = analyses[i] as TextAnalysis;
    const base = params.length;
    params.push(id, a.language, a.sentiment.label, a.sentiment.score);
    tuples.push(`($${base + 1}::bigint, $${base + 2}::text, $${base + 3}::text, $${base + 4}::real)`);
  });
  const sql = `UPDATE posts p SET language = v.language, sentiment = v.sentiment, sentiment_score = v.score
    FROM (VALUES ${tuples.join(', ')}) AS v(id, language, sentiment, score)
    WHERE p.id = v.id`;
  return { sql, params };
}

function jsonOrNull<T>(v: T | null): string | null {
  return v === null ? null : JSON.stringify(v);
}
