import { Inject, Injectable, Logger } from '@nestjs/common';
import { tryParseQuery } from '@vigie/query';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { RetryAfterError } from '../../../common/queue/job-queue';
import { ChannelAccountsRepository } from '../../channels/channel-accounts.repository';
import { ChannelsService } from '../../channels/channels.service';
import type { ChannelConnector, ConnectorAccount, NormalizedMention, Platform } from '../../channels/connectors/channel-connector';
import { ConnectorErrorCode, isConnectorError } from '../../channels/connectors/connector-error';
import { CONNECTORS } from '../../channels/connectors/connector.registry';
import { ListeningSourcesRepository } from '../listening-sources.repository';
import { MentionWriter } from '../mentions/mention-writer';
import { CompiledQueriesCache } from '../queries/compiled-queries.cache';
import { WatchQueriesRepository } from '../watch-queries.repository';
import { matchFoundItems } from './mention-inputs';
import { platformSearches } from './search-terms';

/** First poll of a (query, platform): look back this far (X recent search reaches 7 days). */
export const INITIAL_LOOKBACK_MS = 3 * 86_400_000;
/** Later polls re-read a little before the newest result seen (platforms index late). */
export const CURSOR_OVERLAP_MS = 5 * 60_000;
/** Pages read per search string and poll; the next poll continues from the cursor. */
export const MAX_SEARCH_PAGES = 5;
/** Default poll interval per platform (search quotas: YouTube search costs 100 units). */
export const SEARCH_INTERVAL_MS: Partial<Record<Platform, number>> = {
  bluesky: 5 * 60_000,
  mastodon: 5 * 60_000,
  reddit: 10 * 60_000,
  x: 15 * 60_000,
  youtube: 60 * 60_000,
};
export const SEARCH_PLATFORMS = Object.keys(SEARCH_INTERVAL_MS) as Platform[];

export interface PollResult {
  searches: number;
  fetched: number;
  inserted: number;
  newMatches: number;
  skipped?: string;
}

/**
 * Listening beyond own accounts: polls a platform's search for one watch query, incrementally
 * (cursor per query × platform × search string = newest result seen), re-checks every result
 * with the real matcher and writes mentions idempotently.
 */
@Injectable()
export class ListeningService {
  private readonly logger = new Logger('listening');
  /** Tests may swap connectors; production uses the registry. */
  connectors: readonly ChannelConnector[] = CONNECTORS;

  constructor(
    private readonly queries: WatchQueriesRepository,
    private readonly cursors: ListeningSourcesRepository,
    private readonly channelAccounts: ChannelAccountsRepository,
    private readonly cache: CompiledQueriesCache,
    private readonly writer: MentionWriter,
    private readonly channels: ChannelsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intervalMs(platform: Platform): number {
    return this.config.syncIntervalMs ?? SEARCH_INTERVAL_MS[platform] ?? 15 * 60_000;
  }

  async pollSearch(queryId: string, platform: Platform, now = new Date()): Promise<PollResult> {
    const result: PollResult = { searches: 0, fetched: 0, inserted: 0, newMatches: 0 };
    const q = await this.queries.findForPoll(queryId);
    if (!q || !q.active) return { ...result, skipped: 'query inactive or deleted' };
    const parsed = tryParseQuery(q.query);
    if (!parsed.ok) return { ...result, skipped: 'query does not parse' };
    const connector = this.connectors.find((c) => c.platform === platform);
    if (!connector?.search || !connector.capabilities.search || platform === 'rss') return { ...result, skipped: 'no search on this platform' };
    const account = await this.searchAccount(q.workspaceId, platform, q.brandId);
    if (!account) return { ...result, skipped: `no ${platform} channel account in this workspace` };
    const compiled = await this.cache.get(q.workspaceId);
    const ownAuthorIds = await this.ownAuthorIds(q.workspaceId, platform);

    for (const search of platformSearches(parsed.ast, platform)) {
      result.searches++;
      const newestAt = await this.cursors.cursorNewestAt(queryId, platform, search);
      const since = newestAt
        ? new Date(new Date(newestAt).getTime() - CURSOR_OVERLAP_MS)
        : new Date(now.getTime() - INITIAL_LOOKBACK_MS);
      const sinceIso = since.toISOString();
      const found: NormalizedMention[] = [];
      let notice: string | null = null;
      try {
        let page: string | null = null;
        for (let i = 0; i < MAX_SEARCH_PAGES; i++) {
          const r = await connector.search(account, search, since, page);
          notice = r.notice ?? notice;
          const fresh = r.items.filter((m) => m.publishedAt >= sinceIso);
          found.push(...fresh);
          if (!r.nextPage || fresh.length < r.items.length) break;
          page = r.nextPage;
        }
      } catch (e) {
        await this.saveCursor(q.workspaceId, queryId, platform, search, null, null, now, e instanceof Error ? e.message : String(e));
        if (isConnectorError(e)) {
          if (e.code === ConnectorErrorCode.RATE_LIMITED || e.code === ConnectorErrorCode.QUOTA) {
            throw new RetryAfterError(e.retryAfterMs ?? 60_000, e.message);
          }
          if (!e.retryable) {
            // Bad credentials or a refused search: visible on the cursor, retried at the next tick.
            this.logger.warn(`${platform} search for query ${queryId} failed: ${e.message}`);
            continue;
          }
        }
        throw e;
      }
      result.fetched += found.length;
      const inputs = matchFoundItems(found, { platform, origin: 'search', kind: 'post' }, { ...compiled, ownAuthorIds });
      const w = await this.writer.write(q.workspaceId, inputs);
      result.inserted += w.inserted;
      result.newMatches += w.newMatches;
      const newest = found.reduce<NormalizedMention | null>((b, m) => (!b || m.publishedAt > b.publishedAt ? m : b), null);
      await this.saveCursor(q.workspaceId, queryId, platform, search, newest?.publishedAt ?? null, newest?.externalId ?? null, now, null, notice);
    }
    return result;
  }

  /** The workspace's account used to search this platform: the query's brand first, own brands next. */
  private async searchAccount(workspaceId: string, platform: Platform, brandId: string): Promise<ConnectorAccount | null> {
    const row = await this.channelAccounts.searchAccountFor(workspaceId, platform, brandId);
    if (!row) return null;
    return {
      platform,
      handle: row.handle,
      externalId: row.externalId,
      baseUrl: row.baseUrl,
      credentials: await this.channels.credentials(row.id),
      isCompetitor: false,
    };
  }

  private async ownAuthorIds(workspaceId: string, platform: Platform): Promise<Set<string>> {
    return new Set(await this.channelAccounts.externalIdsOn(workspaceId, platform));
  }

  /** The cursor only moves forward; an empty poll keeps it. */
  private async saveCursor(
    workspaceId: string,
    queryId: string,
    platform: string,
    search: string,
    newestAt: string | null,
    newestId: string | null,
    now: Date,
    error: string | null,
    notice: string | null = null,
  ): Promise<void> {
    await this.cursors.saveCursor({ workspaceId, queryId, platform, search, newestAt, newestId, polledAt: now, error, notice });
  }
}
