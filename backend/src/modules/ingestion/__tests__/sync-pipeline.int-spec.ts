import { type RunningSandbox, type SandboxAccountWithUrl, startSandbox } from '@vigie/platform-sandbox';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import { IngestionScheduler } from '../sync/ingestion-scheduler.service';
import { rawChecksums } from './db-checksums';
import { sandboxChannelBody } from './sandbox-accounts';
import { until } from '../../../test-utils/wait';

interface ChannelDto {
  id: string;
  platform: string;
  status: 'ok' | 'degraded' | 'failing';
  lastError: string | null;
  lastSuccessAt: string | null;
}

/**
 * The whole pipeline over real HTTP: channels created through the API, "sync now" through the
 * API, the queue's workers, the real connectors, the platform sandbox, real Postgres.
 */
describe('sync pipeline against the platform sandbox', () => {
  let t: TestApp;
  let sb: RunningSandbox;
  let client: LoggedIn;
  let ws: string;
  const ids: Record<string, string> = {};
  const PLATFORMS = ['facebook', 'youtube', 'linkedin', 'reddit', 'rss'] as const;

  const channels = async (): Promise<ChannelDto[]> => (await client.get(`/api/workspaces/${ws}/channels`)).body as ChannelDto[];
  const channel = async (id: string): Promise<ChannelDto> => (await client.get(`/api/workspaces/${ws}/channels/${id}`)).body as ChannelDto;
  const waitFor = <T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000) => until(what, probe, timeoutMs, 50);
  /** Triggers "sync now" and waits until the account's lastSuccessAt moves (or it fails). */
  async function syncNow(id: string, opts: { expect?: 'ok' | 'failing' } = {}): Promise<{ ms: number; seen: Set<string>; dto: ChannelDto }> {
    const before = await channel(id);
    const started = Date.now();
    const res = await client.post(`/api/workspaces/${ws}/channels/${id}/sync`);
    expect(res.status).toBe(202);
    const seen = new Set<string>();
    const dto = await waitFor(`sync of ${id}`, async () => {
      const c = await channel(id);
      seen.add(c.status);
      if (opts.expect === 'failing') return c.status === 'failing' && c.lastError !== before.lastError && c;
      return c.lastSuccessAt !== before.lastSuccessAt && c;
    });
    return { ms: Date.now() - started, seen, dto };
  }
  const sandboxAccount = (brandSlug: string, platform: string): SandboxAccountWithUrl =>
    sb.accounts.find((a) => a.brandSlug === brandSlug && a.platform === platform)!;

  beforeAll(async () => {
    // A frozen sandbox clock: the platforms' data does not move between two syncs.
    const frozen = new Date();
    sb = await startSandbox({ port: 0, now: () => frozen, rateLimits: false });
    t = await createTestApp();
    const admin = await createUser(t.db, 'sync-admin@example.test');
    ws = await createWorkspace(t.db, 'Sync', [[admin, 'admin']]);
    client = await login(t, admin);
    const own = (await client.post(`/api/workspaces/${ws}/brands`, { name: 'Maison Lumière', kind: 'own' })).body as { id: string };
    const rival = (await client.post(`/api/workspaces/${ws}/brands`, { name: 'Éclat Paris', kind: 'competitor' })).body as { id: string };
    const add = async (key: string, brandId: string, a: SandboxAccountWithUrl) => {
      const res = await client.post(`/api/workspaces/${ws}/channels`, sandboxChannelBody(sb, brandId, a));
      expect(res.status).toBe(201);
      ids[key] = (res.body as { id: string }).id;
    };
    for (const p of PLATFORMS) await add(p, own.id, sandboxAccount('maison-lumiere', p));
    await add('rival-facebook', rival.id, sandboxAccount('eclat-paris', 'facebook'));
    await t.queue.startWorkers();
  }, 60_000);

  afterAll(async () => {
    await t.close();
    await sb.close();
  });

  it('first sync (queued when the channels were created) lands data for every account, cursors set', async () => {
    const all = await waitFor('first syncs', async () => {
      const list = await channels();
      return list.every((c) => c.lastSuccessAt || c.status === 'failing') && list;
    });
    for (const c of all) expect([c.platform, c.status, c.lastError]).toEqual([c.platform, 'ok', null]);
    const rows = (await t.db.query(
      `SELECT ca.id, ca.sync_cursor, count(p.id)::int AS posts, max(p.published_at) AS newest,
              (SELECT count(*)::int FROM comments c WHERE c.channel_account_id = ca.id) AS comments
       FROM channel_accounts ca LEFT JOIN posts p ON p.channel_account_id = ca.id GROUP BY ca.id`,
    )) as Array<{ id: string; sync_cursor: { newestAt?: string } | null; posts: number; newest: Date; comments: number }>;
    for (const r of rows) {
      expect(r.posts).toBeGreaterThan(0);
      // The persisted cursor points at the newest post written.
      expect(new Date(r.sync_cursor!.newestAt!).getTime()).toBe(r.newest.getTime());
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids.facebook)!.comments).toBeGreaterThan(0);
    expect(byId.get(ids['rival-facebook'])!.comments).toBeGreaterThan(0);
    // Competitor account: public data only, so no private metrics (reach) on its posts.
    const [rival] = (await t.db.query(`SELECT count(reach)::int AS with_reach FROM posts WHERE channel_account_id = $1`, [
      ids['rival-facebook'],
    ])) as Array<{ with_reach: number }>;
    expect(rival.with_reach).toBe(0);
    const [ownFb] = (await t.db.query(`SELECT count(reach)::int AS with_reach FROM posts WHERE channel_account_id = $1`, [
      ids.facebook,
    ])) as Array<{ with_reach: number }>;
    expect(ownFb.with_reach).toBeGreaterThan(0);
  });

  it('a second sync of every account adds nothing and rewrites nothing', async () => {
    const before = await rawChecksums(t.db);
    for (const key of Object.keys(ids)) await syncNow(ids[key]);
    expect(await rawChecksums(t.db)).toEqual(before);
  });

  it('a 429 with Retry-After is honoured: the account is degraded meanwhile, then ok', async () => {
    sb.clearRequests();
    sb.setFault({ platform: 'youtube', kind: '429', retryAfterSeconds: 1, count: 1 });
    const r = await syncNow(ids.youtube);
    expect(r.dto.status).toBe('ok');
    expect(r.seen.has('degraded')).toBe(true);
    expect(r.ms).toBeGreaterThanOrEqual(1000);
    // YouTube signals it the Google way (403 rateLimitExceeded) with Retry-After.
    const log = sb.requests().filter((q) => q.platform === 'youtube');
    expect(log[0]).toMatchObject({ fault: '429' });
    expect(log.slice(1).every((q) => q.status === 200)).toBe(true);
  });

  it('a 5xx is retried with backoff and the sync completes', async () => {
    sb.clearRequests();
    sb.setFault({ platform: 'reddit', kind: '500', count: 1 });
    const r = await syncNow(ids.reddit);
    expect(r.dto).toMatchObject({ status: 'ok', lastError: null });
    expect(r.ms).toBeGreaterThanOrEqual(2000); // first backoff step
    const statuses = sb.requests().filter((q) => q.platform === 'reddit').map((q) => q.status);
    expect(statuses.filter((s) => s >= 500)).toHaveLength(1);
  });

  it('a malformed payload marks the account failing with a readable error; another account keeps syncing', async () => {
    const before = await rawChecksums(t.db);
    sb.setFault({ platform: 'linkedin', kind: 'truncated-json', count: 1 });
    const fbBefore = await channel(ids.facebook);
    await client.post(`/api/workspaces/${ws}/channels/${ids.facebook}/sync`);
    const failed = await syncNow(ids.linkedin, { expect: 'failing' });
    expect(failed.dto.lastError).toMatch(/^Unexpected response from the platform: linkedin/);
    expect(failed.dto.lastError).not.toContain('sbx_');
    const fb = await waitFor('facebook sync', async () => {
      const c = await channel(ids.facebook);
      return c.lastSuccessAt !== fbBefore.lastSuccessAt && c;
    });
    expect(fb.status).toBe('ok');
    expect(await rawChecksums(t.db)).toEqual(before);
    // Not retried: a permanent error waits for a person (or the scheduler's failure backoff).
    expect(await t.queue.pendingCount('ingestion-linkedin')).toBe(0);
    expect((await channel(ids.linkedin)).status).toBe('failing');
    // The next successful run clears the error.
    const ok = await syncNow(ids.linkedin);
    expect(ok.dto).toMatchObject({ status: 'ok', lastError: null });
  });

  it('the scheduler enqueues only due accounts, once per interval slot', async () => {
    const scheduler = t.app.get(IngestionScheduler);
    // Everything just synced: nothing is due now; in two days, everything is.
    expect(await scheduler.tick(new Date())).toBe(0);
    const later = new Date(Date.now() + 2 * 86_400_000);
    expect(await scheduler.tick(later)).toBe(Object.keys(ids).length);
  });
});
