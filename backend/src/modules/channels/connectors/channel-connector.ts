/**
 * The contract every platform connector implements (one file per platform).
 * Connectors talk real HTTP to the platform's real URL shapes; the base URL is configurable
 * so tests and the demo point at the local platform sandbox. They return normalised records
 * and never touch the database: the ingestion pipeline persists what they return.
 */

import type { ContentType, Platform, PostCountKey } from '@vigie/contracts';

/** The platform and content-type vocabulary is @vigie/contracts' (one list for API, UI and connectors). */
export { CONTENT_TYPES, PLATFORMS, type ContentType, type Platform } from '@vigie/contracts';

/** Canonical per-post counts. `null` = the platform did not give it (never invented). */
export type PostMetrics = Record<PostCountKey, number | null>;

/**
 * Which definition the impressions figure follows: Meta replaced impressions by `views`
 * in 2025; a series mixing both must be flagged, not silently joined.
 */
export type ImpressionsDefinition = 'impressions' | 'views' | null;

export interface NormalizedAuthor {
  externalId: string;
  handle: string | null;
  displayName: string | null;
  followers: number | null;
}

export interface NormalizedPost {
  externalId: string;
  publishedAt: string; // ISO 8601
  contentType: ContentType;
  text: string;
  permalink: string | null;
  author: NormalizedAuthor | null;
  metrics: PostMetrics;
  impressionsDefinition: ImpressionsDefinition;
  /** Raw platform metric names the metrics came from (for audit and series-break detection). */
  sourceMetrics?: Record<string, number | null>;
}

export interface NormalizedComment {
  externalId: string;
  postExternalId: string;
  parentExternalId: string | null;
  author: NormalizedAuthor | null;
  text: string;
  publishedAt: string; // ISO 8601
  /** Written by the brand's own account (a reply), not by the community. */
  isFromBrand: boolean;
  likes: number | null;
}

export interface NormalizedAccountStats {
  day: string; // YYYY-MM-DD (UTC day the figure was read)
  followers: number | null;
  following: number | null;
  postsCount: number | null;
}

/** A public post found by keyword search (listening beyond own accounts). */
export interface NormalizedMention {
  externalId: string;
  publishedAt: string;
  text: string;
  permalink: string | null;
  author: NormalizedAuthor | null;
  source: string; // e.g. 'bluesky', 'reddit:r/france', 'rss:lemonde.fr'
  metrics: Partial<PostMetrics>;
}

export interface Page<T> {
  items: T[];
  /** Opaque token for the next page, null when this was the last page. */
  nextPage: string | null;
  /** Search only: what the platform could not do for this search (shown in the listening status). */
  notice?: string;
}

/** Account as the connector sees it: credentials already decrypted, never logged. */
export interface ConnectorAccount {
  platform: Platform;
  handle: string;
  externalId: string | null;
  baseUrl: string | null;
  credentials: Record<string, string> | null;
  /** Competitor accounts read public data only (public posts and public counts). */
  isCompetitor: boolean;
}

export interface ConnectorCapabilities {
  comments: boolean;
  postMetrics: boolean;
  accountStats: boolean;
  search: boolean;
  /** Private insights (reach, impressions, clicks) for own accounts with a token. */
  privateMetrics: boolean;
  /** Past daily follower counts (own accounts only: it is a private insight). */
  followerHistory: boolean;
  /** Answering from the inbox (absent: the platform's API cannot write, or the connector does not). */
  answer?: AnswerCapabilities;
}

/**
 * What a connector can do to a community comment from the inbox. `reply` posts the brand's answer;
 * `hide` hides/unhides it (moderation); `delete` removes the community's comment (moderation; the
 * brand's own replies can always be deleted when `deleteComment` exists); `like` likes it.
 * `idempotent`: the platform itself dedupes a retried reply (Mastodon Idempotency-Key, Bluesky's
 * deterministic record key), so a send whose outcome is unknown may be retried safely.
 */
export interface AnswerCapabilities {
  reply: boolean;
  hide: boolean;
  delete: boolean;
  like: boolean;
  idempotent: boolean;
}

/** The community comment an inbox item is about, as the platform names it. */
export interface AnswerTarget {
  /** The comment's platform id (Graph id, status id, AT URI, t1_ fullname…). */
  externalId: string;
  /** The post it was written under (the thread root). */
  postExternalId: string;
  /** The comment it answers, when it is itself a reply (null: a direct comment on the post). */
  parentExternalId: string | null;
}

/** The reply the platform created. */
export interface PostedReply {
  externalId: string;
  /** When the platform stamped it (null if it does not say). */
  publishedAt: string | null;
}

/** Incremental sync state persisted per channel account between runs (JSON). */
export type SyncCursor = Record<string, string | number | null>;

export interface ListPostsRequest {
  /** State saved by the previous successful sync (null on the first sync). */
  cursor: SyncCursor | null;
  /** Token returned by the previous page of this same run (null for the first page). */
  page: string | null;
  /** Do not go back further than this on a first sync. */
  since: Date;
}

export interface PostsPage extends Page<NormalizedPost> {
  /** Cursor to persist once every page of this run has been written. */
  nextCursor: SyncCursor;
}

export interface ChannelConnector {
  readonly platform: Platform;
  readonly capabilities: ConnectorCapabilities;
  /** Default sync interval for this platform (ms), respecting its quotas. */
  readonly syncIntervalMs: number;
  /** One cheap authenticated call: resolves the account identity, throws ConnectorError otherwise. */
  verify(account: ConnectorAccount): Promise<{ externalId: string; handle: string; displayName: string | null }>;
  listPosts(account: ConnectorAccount, req: ListPostsRequest): Promise<PostsPage>;
  listComments?(account: ConnectorAccount, post: { externalId: string }, page: string | null): Promise<Page<NormalizedComment>>;
  getAccountStats?(account: ConnectorAccount, now: Date): Promise<NormalizedAccountStats>;
  /**
   * Follower count at the end of each UTC day from `since` to `until` (days the platform knows,
   * oldest first; the connector clamps to how far back its platform serves). Own accounts only:
   * returns [] for a competitor. `following` / `postsCount` stay null (not in the history).
   */
  getFollowerHistory?(account: ConnectorAccount, since: Date, until: Date): Promise<NormalizedAccountStats[]>;
  search?(account: ConnectorAccount, query: string, since: Date, page: string | null): Promise<Page<NormalizedMention>>;
  /**
   * Posts `text` as the brand's reply to `target` (capabilities.answer.reply). `idempotencyKey`
   * (a client UUID) is passed to the platform where it dedupes writes; the caller guarantees one
   * call per key otherwise. Errors are ConnectorErrors with `reason` set for a deleted target
   * (`target_gone`) or a missing permission (`permission_missing`).
   */
  reply?(account: ConnectorAccount, target: AnswerTarget, text: string, idempotencyKey: string): Promise<PostedReply>;
  /** Hides (true) or unhides (false) a community comment (capabilities.answer.hide). */
  setHidden?(account: ConnectorAccount, target: AnswerTarget, hidden: boolean): Promise<void>;
  /** Deletes a comment: the community's (capabilities.answer.delete) or one of the brand's replies. */
  deleteComment?(account: ConnectorAccount, target: AnswerTarget): Promise<void>;
  /** Likes a community comment as the brand (capabilities.answer.like). */
  like?(account: ConnectorAccount, target: AnswerTarget): Promise<void>;
}
