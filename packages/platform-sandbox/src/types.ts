// One platform list for the whole project (@vigie/contracts): the sandbox serves each of them.
import type { Platform } from '@vigie/contracts';
export { PLATFORMS, type Platform } from '@vigie/contracts';

export type BrandKind = 'own' | 'competitor';

/** One channel account the sandbox serves, as the backend demo seeding needs it. */
export interface SandboxAccount {
  /** Stable key, e.g. `maison-lumiere:facebook`. */
  key: string;
  brand: string;
  brandSlug: string;
  brandKind: BrandKind;
  /** For competitors: slug of the own brand they are compared with. */
  competitorOf?: string;
  platform: Platform;
  /** Handle as a person would type it (`@maisonlumiere`, `maison-lumiere.bsky.social`…). */
  handle: string;
  /** The id the platform's API uses for this account (page id, channel id, did, feed name…). */
  externalId: string;
  displayName: string;
  /** A credential the sandbox accepts for this platform (access_token, Bearer, or YouTube `key`). */
  token: string;
  /** Whether the platform lets this account's owner read private insights (own brands only). */
  insights: boolean;
  /**
   * Bluesky own brands: the app password (`xxxx-xxxx-xxxx-xxxx`) that opens a session with
   * `com.atproto.server.createSession` (identifier = handle or did).
   */
  appPassword?: string;
}

export type FaultKind =
  | '429'
  | '500'
  | 'timeout'
  | 'truncated-json'
  | 'garbage'
  | 'pagination-loop'
  | 'auth';

export interface FaultSpec {
  platform: Platform;
  kind: FaultKind;
  /** How many of the next requests to that platform get the fault (default 1). */
  count?: number;
  retryAfterSeconds?: number;
}

export interface LoggedRequest {
  at: string;
  platform: Platform | 'admin' | 'unknown';
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  fault?: FaultKind;
  authorization?: string;
}

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  /** Wall clock of the sandbox; tests inject a fixed one. */
  now?: () => Date;
  /** End of the generated history; defaults to now() at start. Live activity follows it. */
  startAt?: Date;
  /** Starts a crisis on the first own brand this long after startAt. */
  crisisAfterMs?: number;
  /** Which brand the scheduled crisis hits (slug, default `maison-lumiere`). */
  crisisBrand?: string;
  /** Enforce per-platform rate-limit windows (default true). */
  rateLimits?: boolean;
  /** Days of history (default 90). */
  historyDays?: number;
  /**
   * Most items a paginated list serves per page whatever the client asks (platforms may return
   * fewer than `limit`): tests use it to make small accounts span several pages. Default: no cap.
   */
  maxPageSize?: number;
  /** How long a `timeout` fault holds the socket before destroying it (default 60 s). */
  timeoutHoldMs?: number;
}
