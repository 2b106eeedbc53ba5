import { idString } from '../rng';
import type { Ctx, Reply } from '../http/context';
import { graphDate, timeParam, urlWith } from '../http/context';
import { keysetPage, sortItems } from '../http/paging';
import type { Page } from '../http/paging';
import type { PlatformModule, RateState } from '../http/platform-module';
import type { Platform } from '../types';
import type { Item } from '../world/model';

/** A `fields=` spec: `id,message,from{id,name},attachments{media_type}` → name → nested spec. */
export type FieldSpec = Map<string, FieldSpec | null>;

export function parseFields(raw: string | null): FieldSpec | null {
  if (!raw) return null;
  const spec: FieldSpec = new Map();
  let i = 0;
  const parseList = (into: FieldSpec): void => {
    let name = '';
    while (i < raw.length) {
      const ch = raw[i];
      if (ch === '{') {
        i++;
        const nested: FieldSpec = new Map();
        parseList(nested);
        into.set(cleanName(name), nested);
        name = '';
      } else if (ch === '}') {
        i++;
        if (name.trim()) into.set(cleanName(name), null);
        return;
      } else if (ch === ',') {
        i++;
        if (name.trim()) into.set(cleanName(name), null);
        name = '';
      } else {
        name += ch;
        i++;
      }
    }
    if (name.trim()) into.set(cleanName(name), null);
  };
  parseList(spec);
  return spec;
}

// `comments.limit(10).summary(true)` → `comments`
const cleanName = (n: string): string => n.trim().split('.')[0];

export type Lazy = Record<string, unknown | (() => unknown)>;

/** Picks the requested fields (plus `id`, which Graph always returns) from a lazy object. */
export function project(obj: Lazy, spec: FieldSpec | null, defaults: string[]): Record<string, unknown> {
  const names = spec ? [...spec.keys()] : defaults;
  const out: Record<string, unknown> = {};
  for (const n of names) {
    if (!(n in obj)) continue;
    const raw = obj[n];
    let v = typeof raw === 'function' ? (raw as () => unknown)() : raw;
    if (v === undefined) continue;
    const nested = spec?.get(n) ?? null;
    if (nested) v = projectNested(v, nested);
    out[n] = v;
  }
  if ('id' in obj && !('id' in out)) out.id = obj.id;
  return out;
}

function projectNested(v: unknown, nested: FieldSpec): unknown {
  if (Array.isArray(v)) return v.map((x) => projectNested(x, nested));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.data)) return { ...o, data: o.data.map((x) => projectNested(x, nested)) };
    const out: Record<string, unknown> = {};
    for (const k of nested.keys()) if (k in o) out[k] = o[k];
    return out;
  }
  return v;
}

export function fbtrace(ctx: Ctx): string {
  return idString(`trace|${ctx.now}|${ctx.path}`, 11);
}

export function graphError(
  ctx: Ctx,
  status: number,
  code: number,
  message: string,
  extra: Record<string, unknown> = {},
): Reply {
  return {
    status,
    body: { error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: fbtrace(ctx) } },
    headers: { 'www-authenticate': `OAuth "Facebook Platform" "${code === 190 ? 'invalid_token' : 'invalid_request'}" "${message}"` },
  };
}

export const graphAuthError = (ctx: Ctx): Reply =>
  graphError(ctx, 400, 190, 'Invalid OAuth access token - Cannot parse access token', { error_subcode: 463 });

// Graph has no 429: throttling is error #4 / #32 with HTTP 403 and the usage headers at 100.
export const graphRateLimit = (ctx: Ctx, retryAfterSeconds: number): Reply => {
  const r = graphError(ctx, 403, 4, '(#4) Application request limit reached', { is_transient: true });
  return {
    ...r,
    headers: {
      ...r.headers,
      'x-app-usage': JSON.stringify({ call_count: 100, total_cputime: 38, total_time: 61 }),
      'x-business-use-case-usage': JSON.stringify({
        sandbox: [{ type: 'pages', call_count: 100, total_cputime: 38, total_time: 61, estimated_time_to_regain_access: Math.ceil(retryAfterSeconds / 60) }],
      }),
    },
  };
};

export const graphServerError = (ctx: Ctx): Reply =>
  graphError(ctx, 500, 1, 'An unknown error has occurred.', { is_transient: true });

/** `Unsupported get|post|delete request. Object with ID 'X' does not exist…` (unknown, deleted or unreachable object). */
export const graphUnsupported = (ctx: Ctx, id: string): Reply =>
  graphError(
    ctx,
    400,
    100,
    `Unsupported ${ctx.method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    { type: 'GraphMethodException', error_subcode: 33 },
  );

export const graphNotFound = graphUnsupported;

/** A write on an object the token's Page / account does not manage (HTTP 403, `(#200)`). */
export const graphPermissionError = (ctx: Ctx): Reply => graphError(ctx, 403, 200, '(#200) Permissions error');

export const graphNoPermission = (ctx: Ctx): Reply =>
  graphError(ctx, 403, 10, '(#10) Application does not have permission for this action');

export function graphRateHeaders(state: RateState): Record<string, string> {
  const pct = Math.min(100, Math.round((state.used / state.limit) * 100));
  return {
    'x-app-usage': JSON.stringify({ call_count: pct, total_cputime: Math.round(pct * 0.4), total_time: Math.round(pct * 0.6) }),
  };
}

export function graphRateBucket(ctx: Ctx): { bucket: string; limit: number; windowMs: number } {
  // Page tokens fall under Business Use Case limits: thousands of calls per rolling hour.
  return { bucket: ctx.token ?? 'anonymous', limit: 4800, windowMs: 3_600_000 };
}

/** Splits `/v21.0/...` into version and the rest. */
export function stripVersion(parts: string[]): { version: number | undefined; parts: string[] } {
  const m = parts[0] ? /^v(\d+)\.(\d+)$/.exec(parts[0]) : null;
  if (m) return { version: Number(m[1]), parts: parts.slice(1) };
  return { version: undefined, parts };
}

export function graphList(ctx: Ctx, page: Page<unknown> & { items: Record<string, unknown>[] }, extra: Record<string, unknown> = {}): Reply {
  const body: Record<string, unknown> = { data: page.items, ...extra };
  if (page.items.length || page.next) {
    const paging: Record<string, unknown> = {
      cursors: { before: page.before ?? page.self, after: page.next ?? page.after ?? page.self },
    };
    if (page.next) paging.next = urlWith(ctx.baseUrl, ctx.path, ctx.query, { after: page.next, before: undefined });
    body.paging = paging;
  }
  return { status: 200, body };
}

/** The Graph-wide parts of a Graph platform (errors, throttling), around its own request handler. */
export function graphPlatform(handle: PlatformModule['handle']): PlatformModule {
  return {
    auth: 'required',
    handle,
    authError: graphAuthError,
    rateLimitError: graphRateLimit,
    serverError: graphServerError,
    rateBucket: graphRateBucket,
    rateHeaders: graphRateHeaders,
  };
}

/** `metric=a, b,c` → `['a', 'b', 'c']`. */
export function requestedMetrics(ctx: Ctx): string[] {
  return (ctx.query.get('metric') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

interface InsightDef<T> {
  title: string;
  description: string;
  value: (subject: T, now: number) => unknown;
}

/** An insights answer of lifetime values (one per metric) for `subject` (a post or a media). */
export function lifetimeInsights<T>(ctx: Ctx, objectId: string, subject: T, names: string[], defs: Record<string, InsightDef<T>>): Reply {
  return {
    status: 200,
    body: {
      data: names.map((n) => ({
        name: n,
        period: 'lifetime',
        values: [{ value: defs[n].value(subject, ctx.now) }],
        title: defs[n].title,
        description: defs[n].description,
        id: `${objectId}/insights/${n}/lifetime`,
      })),
    },
  };
}

/** A daily metric of an account: what it is called and its value for the day ending at `end`. */
export interface DailyInsight {
  title: string;
  description: string;
  value: (end: number) => number;
}

/** An insights answer of daily values (`period=day`, one per day end) for each requested metric. */
export function dailyInsights(objectId: string, names: string[], ends: number[], metric: (name: string) => DailyInsight): Reply {
  return {
    status: 200,
    body: {
      data: names.map((n) => {
        const m = metric(n);
        return {
          name: n,
          period: 'day',
          values: ends.map((e) => ({ value: m.value(e), end_time: graphDate(e) })),
          title: m.title,
          description: m.description,
          id: `${objectId}/insights/${n}/day`,
        };
      }),
      paging: {},
    },
  };
}

/** The account's visible items, newest first, filtered by the `since`/`until` query parameters, as one Graph list page. */
export function accountItemsPage(ctx: Ctx, platform: Platform, accountKey: string, limit: number, toObject: (item: Item) => Record<string, unknown>): Reply {
  const since = timeParam(ctx.query.get('since'));
  const until = timeParam(ctx.query.get('until'));
  const items = sortItems(
    ctx.world
      .visible(platform, ctx.now)
      .filter((i) => i.account?.key === accountKey && (since === undefined || i.createdAt >= since) && (until === undefined || i.createdAt <= until)),
    'desc',
  );
  const p = keysetPage(items, 'desc', ctx.query.get('after'), limit, ctx.loop);
  return graphList(ctx, { ...p, items: p.items.map(toObject) });
}
