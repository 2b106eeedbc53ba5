import { write } from './answer';
import type { AnswerTarget, ConnectorAccount, PostedReply } from './channel-connector';
import { ConnectorError, ConnectorErrorCode } from './connector-error';
import type { HttpClient } from './http-client';
import { JsonReader } from './json-reader';
import { baseOf, buildUrl, type Query } from './base-url';
import { requireCredential } from './credentials';

/** Graph API version appended to the base URL by the Facebook and Instagram connectors. */
export const GRAPH_VERSION = 'v21.0';
export const GRAPH_DEFAULT_HOST = 'https://graph.facebook.com';

export interface GraphCall {
  http: HttpClient;
  base: string;
  token: string;
  what: string;
}

/** The Graph call of an account: its Page/IG token on its base URL (the sandbox's in tests). */
export function graphCall(http: HttpClient, account: ConnectorAccount, what: string): GraphCall {
  return { http, base: baseOf(account, GRAPH_DEFAULT_HOST), token: requireCredential(account, 'accessToken'), what };
}

export async function graphGet(call: GraphCall, path: string, query: Query = {}): Promise<JsonReader> {
  const url = buildUrl(call.base, `/${GRAPH_VERSION}${path}`, { ...query, access_token: call.token });
  const r = await call.http.json({ url, what: call.what, secrets: [call.token] });
  return JsonReader.root(r.body, call.what);
}

/**
 * A Graph write: the token in the query (as for reads), the fields form-encoded in the body
 * (`POST /{comment-id}/comments message=…`, `POST /{comment-id} is_hidden=true`, `DELETE /{id}`).
 */
export async function graphWrite(
  call: GraphCall,
  method: 'POST' | 'DELETE',
  path: string,
  fields: Record<string, string> = {},
): Promise<JsonReader> {
  const url = buildUrl(call.base, `/${GRAPH_VERSION}${path}`, { access_token: call.token });
  const r = await call.http.json({ url, method, form: method === 'POST' ? fields : undefined, what: call.what, secrets: [call.token] });
  return JsonReader.root(r.body ?? {}, call.what);
}

/**
 * Next-page parameters of a Graph edge. Prefer `paging.cursors.after`; some edges page by time
 * and only give a `paging.next` URL (until + __paging_token). We never follow `next` itself:
 * it names the real host and embeds the token; we keep its query minus credentials.
 */
export function graphNextToken(page: JsonReader): string | null {
  const paging = page.get('paging');
  const next = paging.get('next').optStr();
  if (!next) return null;
  const after = paging.get('cursors').get('after').optStr();
  if (after) return JSON.stringify({ after });
  try {
    const u = new URL(next);
    const q: Record<string, string> = {};
    for (const k of ['until', 'since', '__paging_token', 'after', 'before', '__previous']) {
      const v = u.searchParams.get(k);
      if (v !== null && v !== '') q[k] = v;
    }
    return Object.keys(q).length ? JSON.stringify(q) : null;
  } catch {
    return page.get('paging').get('next').fail();
  }
}

export function graphTokenQuery(token: string | null): Query {
  if (!token) return {};
  try {
    return JSON.parse(token) as Query;
  } catch {
    throw new ConnectorError(ConnectorErrorCode.MALFORMED, 'graph: unreadable page token', { path: 'page' });
  }
}

/** `{data:[{name, values:[{value}]}]}` → name → number (non-numeric values such as breakdown objects are skipped). */
export function readInsightValues(body: JsonReader): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const m of body.get('data').arr()) {
    const name = m.get('name').str();
    const total = m.get('total_value').get('value');
    const first = m.get('values').optArr()[0];
    const v = !total.isMissing() ? total.value : first?.get('value').value;
    out[name] = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null;
  }
  return out;
}

/**
 * Requests insights so that one retired metric cannot blank the whole call (trypost #319/#320):
 * all metrics in one call first; if Graph answers #100 (invalid metric), each metric alone,
 * dropping those that are refused. Other errors propagate.
 */
export async function fetchInsightsResilient(
  call: GraphCall,
  objectPath: string,
  metrics: readonly string[],
  extra: Query = {},
): Promise<Record<string, number | null>> {
  try {
    return readInsightValues(await graphGet(call, `${objectPath}/insights`, { ...extra, metric: metrics.join(',') }));
  } catch (e) {
    // Instagram #10: "not enough viewers" — no insights for this media, not an auth failure.
    if (e instanceof ConnectorError && e.platformCode === 10) return {};
    if (!isInvalidMetricError(e) || metrics.length === 1) {
      if (isInvalidMetricError(e)) return {};
      throw e;
    }
  }
  const out: Record<string, number | null> = {};
  for (const m of metrics) {
    try {
      Object.assign(out, readInsightValues(await graphGet(call, `${objectPath}/insights`, { ...extra, metric: m })));
    } catch (e) {
      if (!isInvalidMetricError(e)) throw e;
    }
  }
  return out;
}

function isInvalidMetricError(e: unknown): boolean {
  return e instanceof ConnectorError && e.code === ConnectorErrorCode.BAD_REQUEST && e.platformCode === 100;
}

/**
 * One metric of a `period=day` insights answer → the UTC day each value describes. Graph stamps
 * a day's value with the END of that day (midnight Pacific, written 07:00 or 08:00 UTC the next
 * day: "since = Jan 1 → first end_time Jan 2 08:00"), so the day is end_time minus one day.
 * Values that are not numbers (absent for a day without data) are skipped, never read as 0.
 */
export function readDailyInsight(body: JsonReader, metric: string): Array<{ day: string; value: number }> {
  const m = body.get('data').arr().find((x) => x.get('name').optStr() === metric);
  if (!m) return [];
  const out: Array<{ day: string; value: number }> = [];
  for (const v of m.get('values').optArr()) {
    const value = v.get('value').optNum();
    if (value === null) continue;
    const end = Date.parse(v.get('end_time').isoDate());
    out.push({ day: new Date(end - 24 * 3600 * 1000).toISOString().slice(0, 10), value });
  }
  return out;
}

/** Errors that mean "this account has no such insight" (retired/invalid metric #100, no permission #10): no history, not a failed sync. */
export function isNoInsightError(e: unknown): boolean {
  return e instanceof ConnectorError && (e.platformCode === 10 || isInvalidMetricError(e));
}

/**
 * Comment writes of the two Graph products: Facebook Pages and Instagram differ only by the
 * reply edge (`comments` / `replies`) and the hide flag (`is_hidden` / `hide`). Both thread one
 * level deep: a reply to a reply goes under its top-level comment.
 */
export interface GraphCommentDialect {
  replyEdge: 'comments' | 'replies';
  hideField: 'is_hidden' | 'hide';
}

export async function graphReply(call: GraphCall, d: GraphCommentDialect, target: AnswerTarget, text: string): Promise<PostedReply> {
  const parent = target.parentExternalId ?? target.externalId;
  const r = await write(call.what, () => graphWrite(call, 'POST', `/${encodeURIComponent(parent)}/${d.replyEdge}`, { message: text }));
  return { externalId: r.get('id').str(), publishedAt: null };
}

export async function graphSetHidden(call: GraphCall, d: GraphCommentDialect, target: AnswerTarget, hidden: boolean): Promise<void> {
  await write(call.what, () => graphWrite(call, 'POST', `/${encodeURIComponent(target.externalId)}`, { [d.hideField]: String(hidden) }));
}

export async function graphDeleteComment(call: GraphCall, target: AnswerTarget): Promise<void> {
  await write(call.what, () => graphWrite(call, 'DELETE', `/${encodeURIComponent(target.externalId)}`));
}
