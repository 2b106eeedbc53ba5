import type { AppConfig } from '../../../config/app-config';
import { RetryAfterError } from '../../../common/queue/job-queue';
import type { ChannelAccountsRepository, SyncAccountRow } from '../../channels/channel-accounts.repository';
import type { ChannelsService } from '../../channels/channels.service';
import type { ChannelConnector, NormalizedPost, PostsPage } from '../../channels/connectors/channel-connector';
import { ConnectorError, ConnectorErrorCode } from '../../channels/connectors/connector-error';
import { CONNECTORS } from '../../channels/connectors/connector.registry';
import type { AccountStatsRepository } from '../../posts/account-stats.repository';
import type { IngestionWriter } from '../writer/ingestion-writer.service';
import { ChannelSyncService } from './channel-sync.service';
import { SYNC_ATTEMPTS } from './platform-queues';

// One fake connector instead of the real ones (which talk HTTP).
jest.mock('../../channels/connectors/connector.registry', () => ({ CONNECTORS: [] as unknown[] }));

const TOKEN = 'secret-token-0123456789';
const LEASE_MS = 60_000;

const account = (r: Partial<SyncAccountRow> = {}): SyncAccountRow => ({
  id: 'acc-1',
  workspace_id: 'ws-1',
  brand_id: 'brand-1',
  platform: 'mastodon',
  handle: 'brand',
  external_id: '42',
  base_url: null,
  sync_cursor: { since: 'c0' },
  kind: 'api',
  brand_kind: 'own',
  ...r,
});

const post = (id: string): NormalizedPost => ({
  externalId: id,
  publishedAt: '2025-06-01T10:00:00Z',
  contentType: 'status',
  text: id,
  permalink: null,
  author: null,
  metrics: { impressions: null, reach: null, reactions: 1, comments: 0, shares: 0, saves: null, clicks: null, videoViews: null },
  impressionsDefinition: null,
});

function fakeConnector() {
  return {
    platform: 'mastodon',
    capabilities: { comments: true, postMetrics: true, accountStats: false, search: false, privateMetrics: false, followerHistory: false },
    syncIntervalMs: 3_600_000,
    verify: jest.fn(),
    listPosts: jest.fn<Promise<PostsPage>, Parameters<ChannelConnector['listPosts']>>(),
    listComments: jest.fn(async () => ({ items: [], nextPage: null })),
  };
}

/** The service built by hand over jest fakes of its repositories and collaborators. */
function setup(row: SyncAccountRow | null = account()) {
  const accounts = {
    forSync: jest.fn(async () => row),
    acquireLease: jest.fn(async () => true),
    renewLease: jest.fn(async () => undefined),
    markSynced: jest.fn(async () => undefined),
    markFailed: jest.fn(async () => undefined),
    platformOf: jest.fn(async () => row?.platform ?? null),
  };
  const accountStats = { lastFollowerDay: jest.fn(async () => null) };
  const writer = {
    writePosts: jest.fn(async (_t: unknown, posts: NormalizedPost[]) => ({ changedIds: posts.map((p) => p.externalId), snapshots: posts.length })),
    writeComments: jest.fn(async () => ({ changedIds: [], orphans: 0 })),
    writeAccountStats: jest.fn(async () => undefined),
  };
  const channels = { credentials: jest.fn(async () => ({ accessToken: TOKEN })), reconnectNeeded: jest.fn(async () => undefined) };
  const config = { syncLeaseMs: LEASE_MS } as AppConfig;
  const connector = fakeConnector();
  (CONNECTORS as unknown as ChannelConnector[]).splice(0, Infinity, connector as unknown as ChannelConnector);
  const service = new ChannelSyncService(
    accounts as unknown as ChannelAccountsRepository,
    accountStats as unknown as AccountStatsRepository,
    writer as unknown as IngestionWriter,
    channels as unknown as ChannelsService,
    config,
  );
  return { service, accounts, channels, writer, connector };
}

const attempt = (n: number) => ({ jobId: `job-${n}`, attempt: n });

describe('ChannelSyncService (sync state transitions)', () => {
  it('a completed run writes every page, renews the lease after each, then saves the last cursor and status ok', async () => {
    const { service, accounts, writer, connector } = setup();
    connector.listPosts
      .mockResolvedValueOnce({ items: [post('p1'), post('p2')], nextPage: 'page-2', nextCursor: { since: 'c1' } })
      .mockResolvedValueOnce({ items: [post('p3')], nextPage: null, nextCursor: { since: 'c2' } });

    const summary = await service.run('acc-1', attempt(1));

    expect(accounts.acquireLease).toHaveBeenCalledWith('acc-1', LEASE_MS);
    expect(connector.listPosts).toHaveBeenNthCalledWith(1, expect.anything(), expect.objectContaining({ cursor: { since: 'c0' }, page: null }));
    expect(connector.listPosts).toHaveBeenNthCalledWith(2, expect.anything(), expect.objectContaining({ cursor: { since: 'c0' }, page: 'page-2' }));
    expect(writer.writePosts).toHaveBeenCalledTimes(2);
    expect(accounts.renewLease).toHaveBeenCalledWith('acc-1', LEASE_MS);
    expect(accounts.renewLease.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(accounts.markSynced).toHaveBeenCalledTimes(1);
    expect(accounts.markSynced).toHaveBeenCalledWith('acc-1', { since: 'c2' });
    expect(accounts.markFailed).not.toHaveBeenCalled();
    expect(summary).toMatchObject({ posts: 3, postsChanged: 3, snapshots: 3 });
    expect(connector.listComments).toHaveBeenCalledTimes(3);
  });

  it('ok → degraded (transient error, retried) → failing (transient error on the last attempt)', async () => {
    const { service, accounts, connector } = setup();
    connector.listPosts.mockResolvedValueOnce({ items: [post('p1')], nextPage: null, nextCursor: { since: 'c1' } });
    await service.run('acc-1', attempt(1));
    expect(accounts.markSynced).toHaveBeenLastCalledWith('acc-1', { since: 'c1' });

    connector.listPosts.mockRejectedValueOnce(new ConnectorError(ConnectorErrorCode.UNAVAILABLE, 'HTTP 503'));
    await expect(service.run('acc-1', attempt(1))).rejects.toThrow('Platform unavailable: HTTP 503');
    expect(accounts.markFailed).toHaveBeenLastCalledWith('acc-1', 'degraded', 'Platform unavailable: HTTP 503');

    connector.listPosts.mockRejectedValueOnce(new ConnectorError(ConnectorErrorCode.UNAVAILABLE, 'HTTP 503'));
    await expect(service.run('acc-1', attempt(SYNC_ATTEMPTS))).resolves.toMatchObject({ posts: 0 });
    expect(accounts.markFailed).toHaveBeenLastCalledWith('acc-1', 'failing', 'Platform unavailable: HTTP 503');

    // The cursor was saved by the completed run only.
    expect(accounts.markSynced).toHaveBeenCalledTimes(1);
    expect(accounts.markFailed).toHaveBeenCalledTimes(2);
  });

  it('a run that fails after some pages were written does not save the cursor', async () => {
    const { service, accounts, writer, connector } = setup();
    connector.listPosts
      .mockResolvedValueOnce({ items: [post('p1')], nextPage: 'page-2', nextCursor: { since: 'c1' } })
      .mockRejectedValueOnce(new ConnectorError(ConnectorErrorCode.UNAVAILABLE, 'timeout'));

    await expect(service.run('acc-1', attempt(1))).rejects.toThrow();

    expect(writer.writePosts).toHaveBeenCalledTimes(1);
    expect(accounts.markSynced).not.toHaveBeenCalled();
    expect(accounts.markFailed).toHaveBeenCalledWith('acc-1', 'degraded', 'Platform unavailable: timeout');
  });

  it('lease held by another run: skipped, nothing read, no state written', async () => {
    const { service, accounts, writer, connector } = setup();
    accounts.acquireLease.mockResolvedValueOnce(false);

    await expect(service.run('acc-1', attempt(1))).resolves.toMatchObject({ skipped: 'locked' });

    expect(connector.listPosts).not.toHaveBeenCalled();
    expect(writer.writePosts).not.toHaveBeenCalled();
    expect(accounts.markSynced).not.toHaveBeenCalled();
    expect(accounts.markFailed).not.toHaveBeenCalled();
  });

  it('revoked access: reconnect needed at once (the CM is told), not retried, secrets scrubbed from the reason', async () => {
    const { service, accounts, channels, connector } = setup();
    connector.listPosts.mockRejectedValueOnce(new ConnectorError(ConnectorErrorCode.AUTH, `token ${TOKEN} was revoked`));

    await expect(service.run('acc-1', attempt(1))).resolves.toMatchObject({ posts: 0 });

    expect(channels.reconnectNeeded).toHaveBeenCalledTimes(1);
    const [id, message] = channels.reconnectNeeded.mock.calls[0] as unknown as [string, string];
    expect(id).toBe('acc-1');
    expect(message).toMatch(/^Access refused \(reconnect the account\): /);
    expect(message).not.toContain(TOKEN);
    expect(accounts.markFailed).not.toHaveBeenCalled();
    expect(accounts.markSynced).not.toHaveBeenCalled();
  });

  it('rate limited: degraded and a RetryAfterError even on the last attempt (Retry-After keeps the attempt)', async () => {
    const { service, accounts, connector } = setup();
    connector.listPosts.mockRejectedValueOnce(new ConnectorError(ConnectorErrorCode.RATE_LIMITED, 'HTTP 429', { retryAfterMs: 30_000 }));

    const err = await service.run('acc-1', attempt(SYNC_ATTEMPTS)).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(RetryAfterError);
    expect((err as RetryAfterError).delayMs).toBe(30_000);
    expect(accounts.markFailed).toHaveBeenCalledWith('acc-1', 'degraded', 'Rate limited by the platform: HTTP 429');
  });

  it('an unknown account or an import account is skipped without a lease', async () => {
    const gone = setup(null);
    await expect(gone.service.run('acc-1')).resolves.toMatchObject({ skipped: 'gone' });
    expect(gone.accounts.acquireLease).not.toHaveBeenCalled();

    const imported = setup(account({ kind: 'import' }));
    await expect(imported.service.run('acc-1')).resolves.toMatchObject({ skipped: 'import-account' });
    expect(imported.accounts.acquireLease).not.toHaveBeenCalled();
  });
});
