import { ConnectorError, ConnectorErrorCode, snippetOf } from './connector-error';
import { isRecord } from './json-reader';
import { redactUrl, scrubSecrets } from './redact';

/**
 * Thin wrapper over Node 20's global fetch shared by every connector: timeout, JSON parsing,
 * and the translation of every platform's error signals into one ConnectorError vocabulary.
 * The signals are recognised by header name / body shape (Graph `error.code`, Google
 * `error.errors[].reason`, TikTok `error.code`), never by asking which platform is calling.
 */

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  /** JSON body (POST). */
  body?: unknown;
  /** `application/x-www-form-urlencoded` body (OAuth token endpoints, Reddit); wins over `body`. */
  form?: Record<string, string>;
  /** Credential values to scrub from any error text (tokens sent in headers or params). */
  secrets?: readonly string[];
  /** What is being read, for messages ('facebook posts'). */
  what: string;
  /** Statuses returned as-is instead of thrown (e.g. 304 for conditional GETs). */
  passStatuses?: readonly number[];
}

export interface RawResponse {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface HttpClientOptions {
  timeoutMs?: number;
  userAgent?: string;
  now?: () => number;
}

export const DEFAULT_USER_AGENT = 'Vigie/0.1 (self-hosted social listening; +https://github.com/vigie-app/vigie)';
/** Used when a platform says "slow down" without saying for how long. */
export const DEFAULT_RETRY_AFTER_MS = 60_000;
/** Meta recommends backing off before 100 % of the app/business usage budget. */
export const META_USAGE_BACKOFF_PERCENT = 90;

const GRAPH_RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80009, 80014]);
const GRAPH_AUTH_CODES = new Set([102, 190, 200, 10]);
const GOOGLE_QUOTA_REASONS = new Set(['quotaExceeded', 'dailyLimitExceeded']);
const GOOGLE_RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);

export class HttpClient {
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  private readonly now: () => number;

  constructor(opts: HttpClientOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 20_000;
    this.userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
    this.now = opts.now ?? Date.now;
  }

  /** Fetches and throws ConnectorError for any non-2xx status not listed in passStatuses. */
  async raw(req: HttpRequest): Promise<RawResponse> {
    const secrets = req.secrets ?? [];
    const safeUrl = scrubSecrets(redactUrl(req.url), secrets);
    const headers: Record<string, string> = { 'user-agent': this.userAgent, accept: 'application/json', ...req.headers };
    let body: string | undefined;
    if (req.form !== undefined) {
      body = new URLSearchParams(req.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers['content-type'] = 'application/json';
    }
    let res: Response;
    let bytes: Uint8Array;
    try {
      res = await fetch(req.url, {
        method: req.method ?? 'GET',
        headers,
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'follow',
      });
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      // DOMException (timeout) may come from another realm: compare names, not classes.
      const name = isRecord(e) || e instanceof Error ? String((e as { name?: unknown }).name) : '';
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      const reason = timedOut ? `timed out after ${this.timeoutMs} ms` : describeNetworkError(e);
      throw new ConnectorError(
        ConnectorErrorCode.UNAVAILABLE,
        scrubSecrets(`${req.what}: ${reason} (${safeUrl})`, secrets),
      );
    }
    const ok = (res.status >= 200 && res.status < 300) || (req.passStatuses ?? []).includes(res.status);
    if (!ok) throw this.errorFor(res.status, res.headers, bytes, req.what, safeUrl, secrets);
    const usage = this.metaUsageBackoff(res.headers);
    if (usage) {
      throw new ConnectorError(
        ConnectorErrorCode.RATE_LIMITED,
        `${req.what}: Meta usage at ${usage.percent}% (≥ ${META_USAGE_BACKOFF_PERCENT}%), backing off`,
        { status: res.status, retryAfterMs: usage.retryAfterMs },
      );
    }
    return { status: res.status, headers: res.headers, bytes };
  }

  /** Fetches JSON; a 2xx body that is not JSON (truncated, HTML…) is MALFORMED. */
  async json(req: HttpRequest): Promise<JsonResponse> {
    const r = await this.raw(req);
    if (r.bytes.length === 0 && (req.passStatuses ?? []).includes(r.status)) {
      return { status: r.status, headers: r.headers, body: null };
    }
    const text = new TextDecoder().decode(r.bytes);
    try {
      return { status: r.status, headers: r.headers, body: JSON.parse(text) as unknown };
    } catch (e) {
      const secrets = req.secrets ?? [];
      const path = scrubSecrets(pathOf(req.url), secrets);
      const tail = scrubSecrets(snippetOf(text.slice(-80)), secrets);
      const why = e instanceof Error ? e.message : 'invalid JSON';
      throw new ConnectorError(
        ConnectorErrorCode.MALFORMED,
        `${req.what}: response of ${path} is not valid JSON (${why}); ends with ${tail}`,
        { status: r.status, path, snippet: tail },
      );
    }
  }

  private errorFor(
    status: number,
    headers: Headers,
    bytes: Uint8Array,
    what: string,
    safeUrl: string,
    secrets: readonly string[],
  ): ConnectorError {
    const text = new TextDecoder().decode(bytes);
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    const platform = platformErrorOf(body);
    const detail = scrubSecrets(platform.message ?? snippetOf(text, 160), secrets);
    const msg = (code: string) => `${what}: HTTP ${status} ${code} — ${detail} (${safeUrl})`;
    const retryAfterMs = this.retryAfterMs(headers);
    const make = (code: ConnectorErrorCode, retry: number | null = null) =>
      new ConnectorError(code, msg(code), {
        status,
        retryAfterMs: retry,
        platformCode: platform.code,
        platformSubcode: platform.subcode,
        snippet: scrubSecrets(snippetOf(text), secrets),
      });

    if (typeof platform.code === 'number' && GRAPH_RATE_LIMIT_CODES.has(platform.code)) {
      return make(ConnectorErrorCode.RATE_LIMITED, retryAfterMs ?? this.metaRegainMs(headers) ?? DEFAULT_RETRY_AFTER_MS);
    }
    if (typeof platform.code === 'number' && GRAPH_AUTH_CODES.has(platform.code)) {
      return make(ConnectorErrorCode.AUTH);
    }
    if (platform.reasons.some((r) => GOOGLE_QUOTA_REASONS.has(r))) {
      return make(ConnectorErrorCode.QUOTA, retryAfterMs ?? msUntilPacificMidnight(this.now()));
    }
    if (platform.reasons.some((r) => GOOGLE_RATE_REASONS.has(r)) || platform.code === 'rate_limit_exceeded' || status === 429) {
      return make(ConnectorErrorCode.RATE_LIMITED, retryAfterMs ?? DEFAULT_RETRY_AFTER_MS);
    }
    if (status === 401 || status === 403 || platform.code === 'access_token_invalid' || platform.code === 'scope_not_authorized') {
      return make(ConnectorErrorCode.AUTH);
    }
    if (status === 404 || status === 410) return make(ConnectorErrorCode.NOT_FOUND);
    if (status >= 500) return make(ConnectorErrorCode.UNAVAILABLE, retryAfterMs);
    return make(ConnectorErrorCode.BAD_REQUEST);
  }

  /**
   * Retry-After (seconds or HTTP date), then the platforms' reset headers:
   * x-rate-limit-reset (X, epoch seconds), X-RateLimit-Reset (Mastodon, ISO date; Reddit,
   * seconds left — header names are case-insensitive so both land here), RateLimit-Reset.
   */
  retryAfterMs(headers: Headers): number | null {
    const now = this.now();
    const retryAfter = headers.get('retry-after');
    if (retryAfter) {
      const v = parseResetValue(retryAfter, now, 'delta');
      if (v !== null) return v;
    }
    for (const name of ['x-rate-limit-reset', 'x-ratelimit-reset', 'ratelimit-reset']) {
      const raw = headers.get(name);
      if (!raw) continue;
      const v = parseResetValue(raw, now, 'auto');
      if (v !== null) return v;
    }
    return null;
  }

  private metaUsageBackoff(headers: Headers): { percent: number; retryAfterMs: number } | null {
    const percents: number[] = [];
    const app = parseJsonHeader(headers.get('x-app-usage'));
    if (isRecord(app)) percents.push(...usagePercents(app));
    const buc = parseJsonHeader(headers.get('x-business-use-case-usage'));
    if (isRecord(buc)) {
      for (const entries of Object.values(buc)) {
        if (Array.isArray(entries)) for (const e of entries) if (isRecord(e)) percents.push(...usagePercents(e));
      }
    }
    const max = percents.length ? Math.max(...percents) : 0;
    if (max < META_USAGE_BACKOFF_PERCENT) return null;
    return { percent: max, retryAfterMs: this.metaRegainMs(headers) ?? 10 * 60_000 };
  }

  /** `estimated_time_to_regain_access` (minutes) from X-Business-Use-Case-Usage. */
  private metaRegainMs(headers: Headers): number | null {
    const buc = parseJsonHeader(headers.get('x-business-use-case-usage'));
    if (!isRecord(buc)) return null;
    let best: number | null = null;
    for (const entries of Object.values(buc)) {
      if (!Array.isArray(entries)) continue;
      for (const e of entries) {
        const m = isRecord(e) ? e.estimated_time_to_regain_access : undefined;
        if (typeof m === 'number' && m > 0) best = Math.max(best ?? 0, m * 60_000);
      }
    }
    return best;
  }
}

interface PlatformError {
  code: number | string | null;
  subcode: number | null;
  message: string | null;
  reasons: string[];
}

/** Graph `{error:{code,message}}`, Google `{error:{code,errors:[{reason}]}}`, TikTok `{error:{code:'…'}}`, X `{title,detail}`. */
function platformErrorOf(body: unknown): PlatformError {
  const out: PlatformError = { code: null, subcode: null, message: null, reasons: [] };
  if (!isRecord(body)) return out;
  const err = body.error;
  if (isRecord(err)) {
    if (typeof err.code === 'number' || typeof err.code === 'string') out.code = err.code;
    if (typeof err.message === 'string') out.message = err.message;
    if (typeof err.error_subcode === 'number') out.subcode = err.error_subcode;
    if (Array.isArray(err.errors)) {
      for (const e of err.errors) if (isRecord(e) && typeof e.reason === 'string') out.reasons.push(e.reason);
    }
  } else if (typeof err === 'string') {
    const detail = typeof body.error_description === 'string' ? body.error_description : typeof body.message === 'string' ? body.message : null;
    out.message = detail ? `${err}: ${detail}` : err;
  }
  if (!out.message && typeof body.detail === 'string') out.message = body.detail;
  if (!out.message && typeof body.message === 'string') out.message = body.message;
  return out;
}

function usagePercents(o: Record<string, unknown>): number[] {
  return ['call_count', 'total_cputime', 'total_time']
    .map((k) => o[k])
    .filter((v): v is number => typeof v === 'number');
}

function parseJsonHeader(v: string | null): unknown {
  if (!v) return null;
  try {
    return JSON.parse(v);
  } catch {
    return null;
  }
}

/**
 * A reset value is delta seconds, epoch seconds (X, Bluesky: values after 2001 are epochs)
 * or a date (HTTP date for Retry-After, ISO 8601 for Mastodon).
 */
function parseResetValue(raw: string, now: number, numeric: 'delta' | 'auto'): number | null {
  const t = raw.trim();
  if (/^\d+(\.\d+)?$/.test(t)) {
    const n = Number(t);
    if (numeric === 'auto' && n > 1e9) return Math.max(0, Math.round(n * 1000 - now));
    return Math.round(n * 1000);
  }
  const d = Date.parse(t);
  return Number.isNaN(d) ? null : Math.max(0, d - now);
}

/** YouTube quotas reset at midnight Pacific time. */
export function msUntilPacificMidnight(now: number): number {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(fmt.formatToParts(new Date(now)).map((p) => [p.type, p.value]));
  const elapsed = (Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second)) * 1000;
  return 24 * 3600 * 1000 - elapsed;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function describeNetworkError(e: unknown): string {
  if (!isRecord(e) && !(e instanceof Error)) return 'network error';
  const cause = (e as { cause?: unknown }).cause;
  const code = isRecord(cause) && typeof cause.code === 'string' ? cause.code : null;
  return code ? `network error ${code}` : `network error (${String((e as { message?: unknown }).message)})`;
}
