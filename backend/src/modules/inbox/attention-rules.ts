import { ANSWERABLE_REQUEST_TYPES } from '@vigie/contracts';
import type { RequestType, SentimentLabel } from '@vigie/text';

/**
 * Which community messages the inbox shows by default, and which count as "requests" for the
 * response-rate KPIs. Written once here so the list, the stats and the docs agree.
 *
 * - A request calls for an answer: question, complaint, lead, job application, partnership,
 *   invitation, subscription. Only these enter responseRate / first-response times.
 * - Spam and troll call for moderation, not an answer: they need attention but are not requests.
 * - Praise and other need attention only when the message is negative or toxic (an "other" that
 *   is negative is often an implicit complaint).
 */
export const REQUEST_TYPES_NEEDING_ANSWER: readonly RequestType[] = ANSWERABLE_REQUEST_TYPES;

export const MODERATION_TYPES: readonly RequestType[] = ['spam', 'troll'];

export function needsAttention(type: RequestType, sentiment: SentimentLabel | null, toxic: boolean): boolean {
  if (REQUEST_TYPES_NEEDING_ANSWER.includes(type) || MODERATION_TYPES.includes(type)) return true;
  return toxic || sentiment === 'negative';
}

/** The same rule in SQL, over columns named type / sentiment / toxic. */
export function needsAttentionSql(type: string, sentiment: string, toxic: string): string {
  const actionable = [...REQUEST_TYPES_NEEDING_ANSWER, ...MODERATION_TYPES].map((t) => `'${t}'`).join(', ');
  return `(${type} IN (${actionable}) OR coalesce(${toxic}, false) OR ${sentiment} = 'negative')`;
}

export const REQUEST_TYPES_SQL = REQUEST_TYPES_NEEDING_ANSWER.map((t) => `'${t}'`).join(', ');
