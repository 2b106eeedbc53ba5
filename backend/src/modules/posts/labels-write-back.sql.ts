import type { TextAnalysis } from '@vigie/text';

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
    );
    tuples.push(
      `($${base + 1}::bigint, $${base + 2}::text, $${base + 3}::text, $${base + 4}::real, $${base + 5}::text, $${base + 6}::text, $${base + 7}::boolean)`,
    );
  });
  const sql = `UPDATE comments c SET language = v.language, sentiment = v.sentiment, sentiment_score = v.score,
      request_type = v.request_type, request_reason = v.request_reason, toxic = v.toxic, enriched_at = now()
    FROM (VALUES ${tuples.join(', ')}) AS v(id, language, sentiment, score, request_type, request_reason, toxic)
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
