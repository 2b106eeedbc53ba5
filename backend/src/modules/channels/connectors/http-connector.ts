import { answerCapabilities } from './answer';
import type { ConnectorCapabilities } from './channel-connector';
import type { ConnectorOptions } from './credentials';
import { HttpClient } from './http-client';

/**
 * What every HTTP connector shares: one HttpClient per connector (timeouts, Retry-After, token
 * redaction) built from the registry's options. Connectors extend it and implement ChannelConnector.
 */
export abstract class HttpConnector {
  protected readonly http: HttpClient;
  /** Injectable clock (tests pin "now"). */
  protected readonly clock: () => number;

  constructor(options: ConnectorOptions = {}) {
    this.http = new HttpClient(options);
    this.clock = options.now ?? Date.now;
  }
}

/**
 * What a brand's own business page reads (Facebook, Instagram, LinkedIn): its posts with their
 * private insights, their comments, account stats and the follower history. No search.
 */
export const BUSINESS_PAGE_READS = { comments: true, postMetrics: true, accountStats: true, privateMetrics: true, followerHistory: true } as const;

/** What an open network reads (Bluesky, Mastodon, Reddit, X, YouTube): public posts, comments, stats, and search. */
export const OPEN_NETWORK_READS = { comments: true, postMetrics: true, accountStats: true, search: true } as const;

/** A connector declares only what it can do; everything else is off. */
export function capabilities(can: Partial<ConnectorCapabilities>): ConnectorCapabilities {
  return { comments: false, postMetrics: false, accountStats: false, search: false, privateMetrics: false, followerHistory: false, ...can };
}

/**
 * An open network where the account answers with records of its own (Bluesky's repo, Mastodon's
 * statuses and favourites): open reads, replies and likes (idempotent); others' posts cannot be
 * hidden or deleted by the account.
 */
export function openNetworkWithOwnAnswers(): ConnectorCapabilities {
  return capabilities({ ...OPEN_NETWORK_READS, answer: answerCapabilities({ reply: true, like: true, idempotent: true }) });
}
