import {
  type LoggedRequest,
  redditBrandUser,
  type RunningSandbox,
  type SandboxAccountWithUrl,
  startSandbox,
  type TruthAnswer,
} from '@vigie/platform-sandbox';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import type { Platform } from '../../channels/connectors/channel-connector';
import { CONNECTORS } from '../../channels/connectors/connector.registry';
import { FIRST_SYNC_DAYS } from '../sync/channel-sync.service';
import { platformQueueDefinition, syncQueueName } from '../sync/platform-queues';
import { rawChecksums } from './db-checksums';
import { sandboxCredentials } from './sandbox-accounts';

/**
 * Every connector of the registry, through the whole pipeline ("sync now" over the API, the
 * platform queues, the real connectors over HTTP, the writer, Postgres) against ONE platform
 * sandbox: own account of every platform, plus the competitor account where the sandbox has one.
 * Expected figures come from the sandbox's ground truth (`GET /__sandbox/posts`) and its request
 * log, never from constants.
 */

/** The sandbox serves at most this many items per page (whatever is asked), so accounts span many pages. */
const PAGE = 2;
const DAY = 86_400_000;
/** History beyond the first sync's 90-day window, so the connectors must stop at its edge. */
const HISTORY_DAYS = 120;

interface Row {
  /** What the platform lets a brand read as comments of its posts. */
  comments: 'all' | 'last-7-days' | 'none';
  /** The request listing the account's posts → the page token it carried (null = first page); undefined = another request. */
  postsPage: (r: LoggedRequest, a: SandboxAccountWithUrl, sb: RunningSandbox) => string | null | undefined;
  /** The page token travels in the request body (not in the log): pages are counted, tokens not compared. */
  tokenInBody?: boolean;
  /** The platform answers with one document (no pagination). */
  singleDocument?: boolean;
  /** Cursor keys besides newestAt / newestId (and what they must equal). */
  cursorExtra: (newestId: string) => Record<string, unknown>;
}

const q = (r: LoggedRequest, k: string): string | null => r.query[k] ?? null;
const none = () => ({});

const ROWS: Record<Platform, Row> = {
  facebook: {
    comments: 'all',
    postsPage: (r, a) => (r.path === `/facebook/v21.0/${a.externalId}/posts` ? q(r, 'after') : undefined),
    cursorExtra: none,
  },
  instagram: {
    comments: 'all',
    // Competitors are read through Business Discovery on our own IG user: the page is `.after(…)` inside `fields`.
    postsPage: (r, a, sb) => {
      if (a.brandKind === 'own') return r.path === `/instagram/v21.0/${a.externalId}/media` ? q(r, 'after') : undefined;
      const own = sb.accounts.find((o) => o.platform === 'instagram' && o.brandSlug === a.competitorOf)!;
      const fields = q(r, 'fields') ?? '';
      if (r.path !== `/instagram/v21.0/${own.externalId}` || !fields.includes(`business_discovery.username(${a.handle})`) || !fields.includes('media.')) return undefined;
      return /\.after\(([^)]+)\)/.exec(fields)?.[1] ?? null;
    },
    cursorExtra: none,
  },
  youtube: {
    comments: 'all',
    postsPage: (r, a) => (r.path === '/youtube/youtube/v3/playlistItems' && q(r, 'playlistId') === `UU${a.externalId.slice(2)}` ? q(r, 'pageToken') : undefined),
    cursorExtra: none,
  },
  x: {
    // Replies are found by recent search, which reaches back 7 days only.
    comments: 'last-7-days',
    postsPage: (r, a) => (r.path === `/x/2/users/${a.externalId}/tweets` ? q(r, 'pagination_token') : undefined),
    cursorExtra: (newestId) => ({ sinceId: newestId }),
  },
  linkedin: {
    comments: 'all',
    postsPage: (r, a) =>
      r.path === '/linkedin/rest/posts' && q(r, 'author') === `urn:li:organization:${a.externalId}` ? (q(r, 'start') === '0' ? null : q(r, 'start')) : undefined,
    cursorExtra: none,
  },
  tiktok: {
    // The Display API gives brands no comments (Research API only): none, by design.
    comments: 'none',
    postsPage: (r, a) => (r.path === '/tiktok/v2/video/list/' && r.authorization === `Bearer ${a.token}` ? null : undefined),
    tokenInBody: true,
    cursorExtra: none,
  },
  mastodon: {
    comments: 'all',
    postsPage: (r, a) => (r.path === `/mastodon/api/v1/accounts/${a.externalId}/statuses` ? q(r, 'max_id') : undefined),
    cursorExtra: (newestId) => ({ sinceId: newestId }),
  },
  bluesky: {
    comments: 'all',
    postsPage: (r, a) => (r.path === '/bluesky/xrpc/app.bsky.feed.getAuthorFeed' && q(r, 'actor') === a.externalId ? q(r, 'cursor') : undefined),
    cursorExtra: none,
  },
  reddit: {
    comments: 'all',
    postsPage: (r, a) => (r.path === `/reddit/${a.handle}/new.json` ? q(r, 'after') : undefined),
    cursorExtra: none,
  },
  rss: {
    // A feed has no comments, and is one document (its latest items), never paginated.
    comments: 'none',
    postsPage: (r, a) => (r.path === `/rss/${a.externalId}.xml` ? null : undefined),
    singleDocument: true,
    cursorExtra: () => ({ etag: expect.any(String), lastModified: expect.any(String) }),
  },
};

const PLATFORMS = CONNECTORS.map((c) => c.platform);
const capabilitiesOf = (p: Platform) => CONNECTORS.find((c) => c.platform === p)!.capabilities;
/** Platforms split in two halves: while one half's accounts fail, the other half's sync. */
const HALVES: [Platform[], Platform[]] = [PLATFORMS.filter((_, i) => i % 2 === 0), PLATFORMS.filter((_, i) => i % 2 === 1)];

interface ChannelDto {
  id: string;
  platform: Platform;
  status: 'ok' | 'degraded' | 'failing';
  lastError: string | null;
  lastErrorAt: string | null;
  lastSuccessAt: string | null;
}

interface RunResult {
  ms: number;
  seen: Set<string>;
  /** lastError texts seen while the run was under way. */
  errors: Set<string>;
  dto: ChannelDto;
}

interface Account {
  key: string;
  id: string;
  sandbox: SandboxAccountWithUrl;
}

describe('every connector of the registry, over HTTP against the platform sandbox', () => {
  let t: TestApp;
  let sb: RunningSandbox;
  let client: LoggedIn;
  let ws: string;
  /** Own account per platform, competitor account where the sandbox has one. */
  const own = {} as Record<Platform, Account>;
  const rival: Partial<Record<Platform, Account>> = {};
  const all = (): Account[] => [...Object.values(own), ...Object.values(rival)];
  const accountsOf = (p: Platform): Account[] => [own[p], ...(rival[p] ? [rival[p]] : [])];

  const channels = async (): Promise<ChannelDto[]> => (await client.get(`/api/workspaces/${ws}/channels`)).body as ChannelDto[];

  /**
   * "Sync now" for several accounts at once; waits until each run has ended (a new success, or a
   * new failure with status failing), recording every status and error seen meanwhile.
   */
  async function syncAll(ids: string[], timeoutMs = 40_000): Promise<Map<string, RunResult>> {
    const before = new Map((await channels()).map((c) => [c.id, c]));
    const started = Date.now();
    for (const id of ids) expect((await client.post(`/api/workspaces/${ws}/channels/${id}/sync`)).status).toBe(202);
    const out = new Map<string, RunResult>();
    const seen = new Map(ids.map((id) => [id, { statuses: new Set<string>(), errors: new Set<string>() }]));
    while (out.size < ids.length) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${ids.filter((id) => !out.has(id)).join(', ')}`);
      await new Promise((r) => setTimeout(r, 40));
      for (const c of await channels()) {
        const s = seen.get(c.id);
        if (!s || out.has(c.id)) continue;
        s.statuses.add(c.status);
        if (c.lastError) s.errors.add(c.lastError);
        const b = before.get(c.id)!;
        const done = c.lastSuccessAt !== b.lastSuccessAt || (c.status === 'failing' && c.lastErrorAt !== b.lastErrorAt);
        if (done) out.set(c.id, { ms: Date.now() - started, seen: s.statuses, errors: s.errors, dto: c });
      }
    }
    return out;
  }

  const truthOf = async (a: Account, since: number, commentsSince?: number): Promise<TruthAnswer> => {
    const qs = new URLSearchParams({ account: a.sandbox.key, since: new Date(since).toISOString() });
    if (commentsSince !== undefined) qs.set('commentsSince', new Date(commentsSince).toISOString());
    return (await (await fetch(`${sb.url}/__sandbox/posts?${qs.toString()}`)).json()) as TruthAnswer;
  };

  beforeAll(async () => {
    // A frozen sandbox clock: nothing moves between two syncs, so a re-sync must rewrite nothing.
    const frozen = new Date();
    sb = await startSandbox({ port: 0, now: () => frozen, historyDays: HISTORY_DAYS, rateLimits: false, maxPageSize: PAGE });
    // Runs are started by this test only (no scheduler ticks consuming armed faults).
    t = await createTestApp({ env: { VIGIE_SYNC_TICK_MS: '0' } });
    // The per-platform run limiter (X: 4 runs a minute) would make this file's ten runs per
    // account wait minutes: it is the one knob changed. Concurrency, attempts, backoff and
    // Retry-After handling are the production ones.
    for (const p of PLATFORMS) t.queue.defineQueue({ ...platformQueueDefinition(p), limiter: undefined });
    const admin = await createUser(t.db, 'every-connector@example.test');
    ws = await createWorkspace(t.db, 'Every connector', [[admin, 'admin']]);
    client = await login(t, admin);
    const brands = new Map<string, string>();
    for (const a of sb.accounts.filter((x) => x.brandSlug === 'maison-lumiere' || x.brandSlug === 'eclat-paris')) {
      if (!brands.has(a.brandSlug)) {
        const res = await client.post(`/api/workspaces/${ws}/brands`, { name: a.brand, kind: a.brandKind });
        brands.set(a.brandSlug, (res.body as { id: string }).id);
      }
      let credentials = sandboxCredentials(a);
      // A competitor's Instagram is read through our own IG user (Business Discovery).
      if (a.platform === 'instagram' && a.brandKind === 'competitor') {
        const ours = sb.accounts.find((o) => o.platform === 'instagram' && o.brandSlug === a.competitorOf)!;
        credentials = { accessToken: ours.token, igUserId: ours.externalId };
      }
      // The brand's reddit user, so its answers in its subreddit count as the brand's.
      if (a.platform === 'reddit') credentials = { ...credentials, username: redditBrandUser(a.brandSlug) };
      const res = await client.post(`/api/workspaces/${ws}/channels`, {
        brandId: brands.get(a.brandSlug),
        platform: a.platform,
        handle: a.handle,
        externalId: a.externalId,
        credentials,
        baseUrl: a.baseUrl,
      });
      expect(res.status).toBe(201);
      const acc = { key: a.key, id: (res.body as { id: string }).id, sandbox: a };
      if (a.brandKind === 'own') own[a.platform] = acc;
      else rival[a.platform] = acc;
    }
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await sb?.close();
  });

  it('the table covers every connector of the registry, and the sandbox has an own account for each', () => {
    expect(Object.keys(ROWS).sort()).toEqual([...PLATFORMS].sort());
    expect(Object.keys(own).sort()).toEqual([...PLATFORMS].sort());
    // Competitors where the platform lets a brand read another account's public data.
    expect(Object.keys(rival).sort()).toEqual(['bluesky', 'facebook', 'instagram', 'mastodon', 'x', 'youtube']);
  });

  describe('first sync (queued when the accounts were created)', () => {
    let t0 = 0;
    let t1 = 0;
    let log: LoggedRequest[] = [];
    beforeAll(async () => {
      sb.clearRequests();
      t0 = Date.now();
      await t.queue.startWorkers();
      const end = Date.now() + 60_000;
      for (;;) {
        const list = await channels();
        if (list.every((c) => c.lastSuccessAt || c.status === 'failing')) break;
        if (Date.now() > end) throw new Error('first syncs did not finish');
        await new Promise((r) => setTimeout(r, 50));
      }
      t1 = Date.now();
      log = sb.requests();
    }, 70_000);

    it.each(PLATFORMS)('%s: posts of the window, over several pages; comments; account stats; cursor; status ok', async (platform) => {
      const row = ROWS[platform];
      expect(row).toBeDefined();
      for (const a of accountsOf(platform)) {
        const what = a.key;
        const [ca] = (await t.db.query(`SELECT status, last_error, sync_cursor FROM channel_accounts WHERE id = $1`, [a.id])) as Array<{
          status: string;
          last_error: string | null;
          sync_cursor: Record<string, unknown>;
        }>;
        expect([what, ca.status, ca.last_error]).toEqual([what, 'ok', null]);

        // Posts: exactly what the sandbox serves for the account in the first sync's window (90 days
        // before the run; the run started between t0 and t1, so a post from those seconds may be either).
        const truth = await truthOf(a, t0 - FIRST_SYNC_DAYS * DAY);
        const sure = new Date(t1 - FIRST_SYNC_DAYS * DAY).toISOString();
        const posts = (await t.db.query(`SELECT external_id, published_at FROM posts WHERE channel_account_id = $1`, [a.id])) as Array<{
          external_id: string;
          published_at: Date;
        }>;
        const stored = new Set(posts.map((p) => p.external_id));
        const expected = truth.posts.filter((p) => p.createdAt >= sure || stored.has(p.id)).map((p) => p.id);
        expect(stored.size).toBeGreaterThan(0);
        expect([what, [...stored].sort()]).toEqual([what, expected.sort()]);

        // Pagination: the posts list was read page after page, each page asked with a new token.
        const pages = log.map((r) => row.postsPage(r, a.sandbox, sb)).filter((tok): tok is string | null => tok !== undefined);
        if (row.singleDocument) {
          expect([what, pages.length]).toEqual([what, 1]);
        } else {
          // Every page holds at most PAGE posts; at most one more page to see the window's edge.
          expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(stored.size / PAGE));
          expect(pages.length).toBeLessThanOrEqual(Math.ceil(stored.size / PAGE) + 1);
          // (an account with PAGE posts or fewer in the window fits one page: the bounds above say it all)
          if (stored.size > PAGE) expect([what, pages.length > 1]).toEqual([what, true]);
          if (!row.tokenInBody) {
            expect(pages.filter((tok) => tok === null)).toHaveLength(1);
            const tokens = pages.filter((tok) => tok !== null);
            expect(new Set(tokens).size).toBe(tokens.length);
          }
        }

        // Comments, nested replies and the brand's own answers, as the platform offers them.
        const [c] = (await t.db.query(
          `SELECT count(*)::int AS n, count(parent_external_id)::int AS replies, count(*) FILTER (WHERE is_from_brand)::int AS brand
           FROM comments WHERE channel_account_id = $1`,
          [a.id],
        )) as Array<{ n: number; replies: number; brand: number }>;
        const frozenNow = sb.now().getTime();
        const commentTruth = row.comments === 'last-7-days' ? await truthOf(a, t0 - FIRST_SYNC_DAYS * DAY, frozenNow - 7 * DAY) : truth;
        const ofStored = commentTruth.posts.filter((p) => stored.has(p.id));
        const sum = (k: 'comments' | 'replies' | 'fromBrand') => ofStored.reduce((s, p) => s + p[k], 0);
        if (row.comments === 'none') {
          expect([what, c.n]).toEqual([what, 0]);
          expect(capabilitiesOf(platform).comments).toBe(false);
        } else {
          expect(sum('comments')).toBeGreaterThan(0);
          expect([what, c]).toEqual([what, { n: sum('comments'), replies: sum('replies'), brand: sum('fromBrand') }]);
        }

        // Account stats: today's follower count as the platform gives it (a feed has none); own
        // accounts of platforms that keep a follower history also got their past days.
        const stats = (await t.db.query(
          `SELECT to_char(day, 'YYYY-MM-DD') AS day, followers FROM account_daily_stats WHERE channel_account_id = $1 ORDER BY day`,
          [a.id],
        )) as Array<{ day: string; followers: number | null }>;
        if (capabilitiesOf(platform).accountStats) {
          const today = stats.find((s) => s.day === new Date().toISOString().slice(0, 10));
          expect([what, today?.followers]).toEqual([what, truth.followers]);
          const history = capabilitiesOf(platform).followerHistory && a.sandbox.brandKind === 'own';
          if (history) expect(stats.length).toBeGreaterThan(7);
          else expect(stats).toHaveLength(1);
        } else {
          expect(stats).toEqual([]);
        }

        // Cursor: the newest post written, plus what the platform needs next time.
        const newest = posts.reduce((m, p) => (p.published_at > m.published_at ? p : m));
        expect(ca.sync_cursor).toEqual({
          newestAt: newest.published_at.toISOString(),
          newestId: newest.external_id,
          ...row.cursorExtra(newest.external_id),
        });
      }
    });
  });

  describe('second sync of every account', () => {
    let before: Awaited<ReturnType<typeof rawChecksums>>;
    let after: Awaited<ReturnType<typeof rawChecksums>>;
    let runs: Map<string, RunResult>;
    let log: LoggedRequest[] = [];
    beforeAll(async () => {
      before = await rawChecksums(t.db);
      sb.clearRequests();
      runs = await syncAll(all().map((a) => a.id));
      log = sb.requests();
      after = await rawChecksums(t.db);
    }, 60_000);

    it('adds no row and rewrites none (identical table checksums)', () => {
      expect(after.posts.count).toBeGreaterThan(0);
      expect(after).toEqual(before);
    });

    it.each(PLATFORMS)('%s: ok again, reading from the saved cursor', (platform) => {
      for (const a of accountsOf(platform)) {
        expect([a.key, runs.get(a.id)!.dto.status, runs.get(a.id)!.dto.lastError]).toEqual([a.key, 'ok', null]);
        const pages = log.filter((r) => ROWS[platform].postsPage(r, a.sandbox, sb) !== undefined);
        expect(pages.length).toBeGreaterThan(0);
        // The feed had not changed: the conditional GET built from the cursor got a 304.
        if (platform === 'rss') expect(pages.map((r) => r.status)).toEqual([304]);
      }
    });
  });

  describe('429 with Retry-After on each platform (all platforms at once, own accounts)', () => {
    let runs: Map<string, RunResult>;
    let log: LoggedRequest[] = [];
    beforeAll(async () => {
      sb.clearRequests();
      for (const p of PLATFORMS) sb.setFault({ platform: p, kind: '429', retryAfterSeconds: 1, count: 1 });
      runs = await syncAll(PLATFORMS.map((p) => own[p].id));
      log = sb.requests();
    }, 60_000);

    it.each(PLATFORMS)('%s: the run waits (degraded meanwhile), then completes', (platform) => {
      const r = runs.get(own[platform].id)!;
      expect(r.dto).toMatchObject({ status: 'ok', lastError: null });
      expect(r.seen.has('degraded')).toBe(true);
      expect([...r.errors].join('\n')).toMatch(/^(Rate limited by the platform|Daily quota exhausted): /);
      expect(r.ms).toBeGreaterThanOrEqual(1000);
      const mine = log.filter((q) => q.platform === platform);
      expect(mine[0]).toMatchObject({ fault: '429' });
      // (Facebook answers #100 for its retired insight metrics: a 400 the connector expects.)
      expect(mine.slice(1).filter((q) => q.fault || q.status === 429 || q.status >= 500)).toEqual([]);
    });
  });

  describe('500 twice on each platform (all platforms at once, own accounts)', () => {
    let runs: Map<string, RunResult>;
    let log: LoggedRequest[] = [];
    beforeAll(async () => {
      sb.clearRequests();
      for (const p of PLATFORMS) sb.setFault({ platform: p, kind: '500', count: 2 });
      runs = await syncAll(PLATFORMS.map((p) => own[p].id));
      log = sb.requests();
    }, 60_000);

    it.each(PLATFORMS)('%s: retried with backoff (2 s, then 4 s) and completes', (platform) => {
      const r = runs.get(own[platform].id)!;
      expect(r.dto).toMatchObject({ status: 'ok', lastError: null });
      expect(r.seen.has('degraded')).toBe(true);
      expect(r.ms).toBeGreaterThanOrEqual(6000);
      const mine = log.filter((q) => q.platform === platform);
      expect(mine.slice(0, 2).map((q) => q.status)).toEqual([500, 500]);
      expect(mine.slice(2).filter((q) => q.fault || q.status === 429 || q.status >= 500)).toEqual([]);
    });
  });

  describe('malformed payloads: the account fails with a readable error while the other half of the platforms sync', () => {
    const failures = new Map<string, ChannelDto>();
    /** Accounts that synced ok while another platform's account was failing. */
    const keptSyncing = new Map<string, number>();
    const checksums: boolean[] = [];
    beforeAll(async () => {
      for (const kind of ['truncated-json', 'garbage'] as const) {
        for (const [broken, healthy] of [HALVES, [HALVES[1], HALVES[0]]]) {
          const before = await rawChecksums(t.db);
          for (const p of broken) sb.setFault({ platform: p, kind, count: 1 });
          const runs = await syncAll([...broken, ...healthy].map((p) => own[p].id));
          for (const p of broken) failures.set(`${p}:${kind}`, runs.get(own[p].id)!.dto);
          for (const p of healthy) if (runs.get(own[p].id)!.dto.status === 'ok') keptSyncing.set(p, (keptSyncing.get(p) ?? 0) + 1);
          // Neither the failed runs nor the healthy re-syncs changed a row.
          checksums.push(JSON.stringify(await rawChecksums(t.db)) === JSON.stringify(before));
        }
      }
    }, 60_000);

    it("no run of these rounds changed a row", () => {
      expect(checksums).toEqual([true, true, true, true]);
    });

    it.each(PLATFORMS)('%s: failing on truncated JSON and on an HTML error page, readable error without the token, not retried', async (platform) => {
      for (const kind of ['truncated-json', 'garbage']) {
        const dto = failures.get(`${platform}:${kind}`)!;
        expect([kind, dto.status]).toEqual([kind, 'failing']);
        expect(dto.lastError).toMatch(/^Unexpected response from the platform: /);
        expect(dto.lastError).toContain(platform);
        expect(dto.lastError).not.toContain(own[platform].sandbox.token);
        expect(dto.lastError).not.toContain('sbx_');
      }
      // A permanent error waits for a person (or the scheduler's failure backoff): no retry queued.
      expect(await t.queue.pendingCount(syncQueueName(platform))).toBe(0);
      // Meanwhile its account synced fine in the two rounds where the other half was broken.
      expect(keptSyncing.get(platform)).toBe(2);
      // The last round left it healthy again: the next success cleared the error.
      const now = (await channels()).find((c) => c.id === own[platform].id)!;
      const brokenLast = HALVES[1].includes(platform);
      expect(now.status).toBe(brokenLast ? 'failing' : 'ok');
    });
  });
});
