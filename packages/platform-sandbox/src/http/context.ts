import type { IncomingHttpHeaders } from 'node:http';
import type { World } from '../world/world';
import type { Platform, SandboxAccount } from '../types';

export interface Ctx {
  platform: Platform;
  method: string;
  /** Path below the platform prefix, starting with `/`, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  now: number;
  world: World;
  /** `http://host:port/<platform>`: what the real host is replaced with. */
  baseUrl: string;
  /** A `pagination-loop` fault is active for this request. */
  loop: boolean;
  /** Most items one page serves, whatever the client asks (`maxPageSize`; Infinity by default). */
  pageCap: number;
  token?: string;
  /** The manifest account the token belongs to, when it is one (a manifest token, or an issued token for one account). */
  tokenAccount?: SandboxAccount;
  /** Every account an issued OAuth token reaches (a Meta user token or a LinkedIn member token reaches several). */
  tokenAccounts?: SandboxAccount[];
}

/** The request's token may act for this brand (its own account, or one of those its OAuth grant reaches). */
export function actsFor(ctx: Ctx, brandSlug: string): boolean {
  return ctx.tokenAccount?.brandSlug === brandSlug || (ctx.tokenAccounts ?? []).some((a) => a.brandSlug === brandSlug);
}

export interface Reply {
  status: number;
  /** Objects are sent as JSON; strings as they are. */
  body: unknown;
  headers?: Record<string, string>;
  contentType?: string;
}

export const json = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({
  status,
  body,
  headers,
});

export const iso = (ms: number): string => new Date(ms).toISOString();
/** Graph API dates: `2021-07-04T19:50:58+0000`. */
export const graphDate = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
/** YouTube dates: `2019-11-26T15:51:44Z` (the API drops milliseconds nowadays). */
export const ytDate = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function intParam(q: URLSearchParams, name: string, dflt: number, min: number, max: number): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n)) return dflt;
  return Math.min(max, Math.max(min, Math.floor(n)));
}

/**
 * Page size of a paginated list: the client's ask (clamped like the platform does), then the
 * sandbox's `maxPageSize`. Platforms may serve fewer items than asked; clients must follow the
 * next-page signal, not count on full pages.
 */
export function pageSize(ctx: Ctx, name: string, dflt: number, min: number, max: number): number {
  return capPage(ctx, intParam(ctx.query, name, dflt, min, max));
}

export function capPage(ctx: Ctx, asked: number): number {
  return Math.max(1, Math.min(asked, ctx.pageCap));
}

/** Parses a date parameter given as unix seconds or ISO 8601. */
export function timeParam(raw: string | null): number | undefined {
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? undefined : t;
}

export function splitPath(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => decodeURIComponent(s));
}

export function urlWith(base: string, path: string, query: URLSearchParams, changes: Record<string, string | undefined>): string {
  const q = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) q.delete(k);
    else q.set(k, v);
  }
  return `${base}${path}?${q.toString()}`;
}
