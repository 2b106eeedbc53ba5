import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { type JobContext, RetryAfterError } from '../../../common/queue/job-queue';
import type {
  ChannelConnector,
  ConnectorAccount,
  NormalizedComment,
  Platform,
  SyncCursor,
} from '../../channels/connectors/channel-connector';
import { CONNECTORS } from '../../channels/connectors/connector.registry';
import { secretsOf } from '../../channels/connectors/redact';
import { DAY_MS, utcDay } from '../../channels/connectors/sync-window';
import { ChannelAccountsRepository } from '../../channels/channel-accounts.repository';
import { ChannelsService } from '../../channels/channels.service';
import { AccountStatsRepository } from '../../posts/account-stats.repository';
import { IngestionWriter, type WriteTarget } from '../writer/ingestion-writer.service';
import { SYNC_ATTEMPTS } from './platform-queues';
import { classifySyncError } from './sync-failure';
import { SyncLease } from './sync-lease';

/** First sync of an account reads this far back. */
export const FIRST_SYNC_DAYS = 90;
/** Comments are buffered across posts and written in batches of about this many rows. */
const COMMENT_FLUSH = 1000;
/** Safety net over the connectors' own loop guards. */
const MAX_PAGES = 1000;

export interface SyncSummary {
  skipped?: 'gone' | 'import-account' | 'locked';
  posts: number;
  postsChanged: number;
  comments: number;
  commentsChanged: number;
  snapshots: number;
  /** Past days of follower counts read from the platform's history this run. */
  followerDays: number;
}

export function connectorFor(platform: Platform): ChannelConnector | null {
  return CONNECTORS.find((c) => c.platform === platform) ?? null;
}

/**
 * The `sync-channel` job: reads one channel account through its connector (posts pages, the
 * comments of the posts this run returned, account stats), writes each page as it arrives,
 * and persists the new cursor only once the whole run succeeded — so a run that dies midway
 * is simply redone from the previous cursor, and the idempotent writer makes the redo exact.
 */
@Injectable()
export class ChannelSyncService {
  private readonly logger = new Logger('sync');

  constructor(
    private readonly accounts: ChannelAccountsRepository,
    private readonly accountStats: AccountStatsRepository,
    private readonly writer: IngestionWriter,
    private readonly channels: ChannelsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async platformOf(channelAccountId: string): Promise<Platform | null> {
    return this.accounts.platformOf(channelAccountId);
  }

  async run(channelAccountId: string, ctx: JobContext = { jobId: 'direct', attempt: 1 }): Promise<SyncSummary> {
    const summary: SyncSummary = { posts: 0, postsChanged: 0, comments: 0, commentsChanged: 0, snapshots: 0, followerDays: 0 };
    const row = await this.accounts.forSync(channelAccountId);
    if (!row) return { ...summary, skipped: 'gone' };
    if (row.kind === 'import') return { ...summary, skipped: 'import-account' };
    const lease = new SyncLease(this.accounts, row.id, this.config.syncLeaseMs);
    if (!(await lease.acquire())) return { ...summary, skipped: 'locked' };

    const credentials = await this.channels.credentials(row.id);
    const secrets = secretsOf(credentials);
    const started = Date.now();
    try {
      const connector = connectorFor(row.platform);
      if (!connector) throw new Error(`no connector for platform "${row.platform}"`);
      const account: ConnectorAccount = {
        platform: row.platform,
        handle: row.handle,
        externalId: row.external_id,
        baseUrl: row.base_url,
        credentials,
        isCompetitor: row.brand_kind === 'competitor',
      };
      const target: WriteTarget = {
        workspaceId: row.workspace_id,
        brandId: row.brand_id,
        channelAccountId: row.id,
        platform: row.platform,
      };
      const { nextCursor, postExternalIds } = await this.syncPosts(connector, account, target, row.sync_cursor, lease, summary);
      if (connector.listComments && connector.capabilities.comments) {
        await this.syncComments(connector, account, target, postExternalIds, lease, summary);
      }
      if (connector.getFollowerHistory && connector.capabilities.followerHistory && !account.isCompetitor) {
        summary.followerDays = await this.syncFollowerHistory(connector, account, target, new Date());
      }
      if (connector.getAccountStats && connector.capabilities.accountStats) {
        await this.writer.writeAccountStats(target, [await connector.getAccountStats(account, new Date())]);
      }
      await this.accounts.markSynced(row.id, nextCursor);
      this.logger.log(
        `${row.platform} ${row.id}: ${summary.posts} posts (${summary.postsChanged} changed, ${summary.snapshots} snapshots), ` +
          `${summary.comments} comments (${summary.commentsChanged} changed), ${summary.followerDays} past follower days ` +
          `in ${Date.now() - started} ms`,
      );
      return summary;
    } catch (e) {
      const failure = classifySyncError(e, secrets);
      const lastAttempt = ctx.attempt >= SYNC_ATTEMPTS && !(failure.rethrow instanceof RetryAfterError);
      const status = failure.reconnect ? 'reconnect_needed' : failure.transient && !lastAttempt ? 'degraded' : 'failing';
      if (failure.reconnect) await this.channels.reconnectNeeded(row.id, failure.message);
      else await this.accounts.markFailed(row.id, status as 'degraded' | 'failing', failure.message);
      this.logger.warn(`${row.platform} ${row.id}: ${status} (attempt ${ctx.attempt}): ${failure.message}`);
      if (failure.rethrow && status === 'degraded') throw failure.rethrow;
      return summary;
    }
  }

  private async syncPosts(
    connector: ChannelConnector,
    account: ConnectorAccount,
    target: WriteTarget,
    cursor: SyncCursor | null,
    lease: SyncLease,
    summary: SyncSummary,
  ): Promise<{ nextCursor: SyncCursor; postExternalIds: string[] }> {
    const since = new Date(Date.now() - FIRST_SYNC_DAYS * DAY_MS);
    let page: string | null = null;
    let nextCursor: SyncCursor = cursor ?? {};
    const postExternalIds: string[] = [];
    for (let n = 0; n < MAX_PAGES; n++) {
      const res = await connector.listPosts(account, { cursor, page, since });
      const w = await this.writer.writePosts(target, res.items, new Date());
      summary.posts += res.items.length;
      summary.postsChanged += w.changedIds.length;
      summary.snapshots += w.snapshots;
      for (const p of res.items) postExternalIds.push(p.externalId);
      nextCursor = res.nextCursor;
      await lease.renew();
      page = res.nextPage;
      if (!page) break;
    }
    return { nextCursor, postExternalIds };
  }

  /**
   * Past daily follower counts (own accounts, platforms that keep them): the first time back to
   * FIRST_SYNC_DAYS (the connector clamps to its platform's limit), later only the finished days
   * after the last stored one — so a second run the same day asks nothing. Today's row is the
   * current count that getAccountStats writes. Returns the days written.
   */
  private async syncFollowerHistory(connector: ChannelConnector, account: ConnectorAccount, target: WriteTarget, now: Date): Promise<number> {
    const today = utcDay(now);
    const todayStart = new Date(`${today}T00:00:00Z`);
    const last = await this.accountStats.lastFollowerDay(target.channelAccountId, today);
    const since = last ? new Date(Date.parse(`${last}T00:00:00Z`) + DAY_MS) : new Date(todayStart.getTime() - FIRST_SYNC_DAYS * DAY_MS);
    if (since >= todayStart) return 0;
    const history = await connector.getFollowerHistory!(account, since, todayStart);
    const rows = history.filter((s) => s.day >= utcDay(since) && s.day < today && s.followers !== null);
    await this.writer.writeAccountStats(target, rows);
    return rows.length;
  }

  /** Comments of the posts returned by this run (the connector's refresh window), re-read each run. */
  private async syncComments(
    connector: ChannelConnector,
    account: ConnectorAccount,
    target: WriteTarget,
    postExternalIds: string[],
    lease: SyncLease,
    summary: SyncSummary,
  ): Promise<void> {
    const list = connector.listComments!.bind(connector);
    let buffer: NormalizedComment[] = [];
    const flush = async () => {
      if (!buffer.length) return;
      const w = await this.writer.writeComments(target, buffer);
      summary.comments += buffer.length;
      summary.commentsChanged += w.changedIds.length;
      buffer = [];
      await lease.renew();
    };
    for (const externalId of [...new Set(postExternalIds)]) {
      let page: string | null = null;
      for (let n = 0; n < MAX_PAGES; n++) {
        const res = await list(account, { externalId }, page);
        buffer.push(...res.items);
        if (buffer.length >= COMMENT_FLUSH) await flush();
        page = res.nextPage;
        if (!page) break;
      }
    }
    await flush();
  }
}
