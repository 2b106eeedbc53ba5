import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { SANDBOX_ACCOUNTS } from '../accounts';
import { MODULES } from '../platforms';
import { PLATFORMS } from '../types';
import { isPlatform } from '@vigie/contracts';
import type { FaultSpec, LoggedRequest, Platform, SandboxAccount, SandboxOptions } from '../types';
import { World } from '../world/world';
import type { SandboxWrite } from '../world/writes';
import type { CrisisEvent } from '../world/world';
import type { Ctx, Reply } from './context';
import { FaultStore } from './faults';
import type { ActiveFault } from './faults';
import { InvalidCursorError } from './paging';
import { RateLimiter } from './rate-limits';
import { inFeed, rssGuidOf } from '../platforms/rss';
import { OAuthServer, SANDBOX_OAUTH_APPS, blueskyAppPassword } from '../oauth';

export interface SandboxAccountWithUrl extends SandboxAccount {
  /** What the connector uses instead of the platform's real host. */
  baseUrl: string;
}

export interface RunningSandbox {
  url: string;
  port: number;
  baseUrls: Record<Platform, string>;
  accounts: SandboxAccountWithUrl[];
  /** The sandbox clock (injected clock + offset set through /__sandbox/clock). */
  now(): Date;
  setClock(to: Date): void;
  advanceClock(ms: number): void;
  setFault(spec: FaultSpec): void;
  clearFaults(): void;
  /** Revokes the OAuth grants of a platform (or those reaching one account): refresh → invalid_grant, tokens refused. */
  revokeGrants(platform: Platform | null, accountKey?: string): number;
  /** Expires the issued access tokens now (refresh tokens keep working). */
  expireTokens(platform?: Platform): number;
  startCrisis(brand: string, at?: Date): CrisisEvent;
  requests(): LoggedRequest[];
  /** Writes that landed through the platforms' write endpoints (replies, hides, deletions, likes), oldest first. */
  writes(platform?: Platform): SandboxWrite[];
  clearRequests(): void;
  reset(): void;
  close(): Promise<void>;
}

const MAX_LOG = 5000;

/** `GET /__sandbox/posts?account=<key>&since=<iso>&commentsSince=<iso>` */
export interface TruthAnswer {
  now: string;
  followers: number;
  posts: TruthPost[];
}

/** One post of `GET /__sandbox/posts`: its platform id and how many comments are visible now. */
export interface TruthPost {
  id: string;
  createdAt: string;
  comments: number;
  /** Comments answering another comment (nested). */
  replies: number;
  /** Comments written by the brand's own account. */
  fromBrand: number;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = opts.host ?? '127.0.0.1';
  const seed = opts.seed ?? 1;
  const baseNow = opts.now ?? (() => new Date());
  const startAt = (opts.startAt ?? baseNow()).getTime();
  const historyDays = opts.historyDays ?? 90;
  const enforce = opts.rateLimits ?? true;
  const holdMs = opts.timeoutHoldMs ?? 60_000;

  let offset = 0;
  const now = (): number => baseNow().getTime() + offset;
  const faults = new FaultStore();
  const limiter = new RateLimiter();
  let log: LoggedRequest[] = [];
  let world = makeWorld();
  const oauth = new OAuthServer();

  function makeWorld(): World {
    const w = new World(seed, startAt, historyDays);
    if (opts.crisisAfterMs !== undefined) w.scheduleCrisis(opts.crisisBrand ?? 'maison-lumiere', startAt + opts.crisisAfterMs);
    return w;
  }

  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    readBody(req)
      .then((raw) => handle(req, res, raw))
      .catch((err: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: String(err) }));
        }
      });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://${host}:${port}`;
  const baseUrls = Object.fromEntries(PLATFORMS.map((p) => [p, `${url}/${p}`])) as Record<Platform, string>;
  const accounts = SANDBOX_ACCOUNTS.map((a) => ({ ...a, baseUrl: baseUrls[a.platform] }));

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    const u = new URL(req.url ?? '/', url);
    const segs = u.pathname.split('/');
    const first = segs[1] ?? '';
    if (first === '__sandbox') return admin(req, res, u, raw);
    if (!PLATFORMS.includes(first as Platform)) {
      return send(res, { status: 404, body: { error: `unknown platform prefix /${first}`, platforms: PLATFORMS } });
    }
    const platform = first as Platform;
    const mod = MODULES[platform];
    const t = now();
    world.ensureUntil(t);
    const token = tokenOf(req, u);
    const issued = token ? oauth.resolve(platform, token, t) : {};
    const ctx: Ctx = {
      platform,
      method: req.method ?? 'GET',
      path: u.pathname.slice(first.length + 1) || '/',
      query: u.searchParams,
      headers: req.headers,
      body: parseBody(raw),
      now: t,
      world,
      baseUrl: baseUrls[platform],
      loop: false,
      pageCap: opts.maxPageSize ?? Infinity,
      token,
      tokenAccount: token ? (SANDBOX_ACCOUNTS.find((a) => a.platform === platform && a.token === token) ?? issued.tokenAccount) : undefined,
      tokenAccounts: issued.tokenAccounts,
    };
    const entry: LoggedRequest = {
      at: new Date(t).toISOString(),
      platform,
      method: ctx.method,
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      status: 0,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    };
    log.push(entry);
    if (log.length > MAX_LOG) log = log.slice(-MAX_LOG);

    // Consent, token and identity endpoints: before faults, which stand for the API's failures.
    const oauthReply = oauth.handle(ctx);
    if (oauthReply) {
      entry.status = oauthReply.status;
      return send(res, oauthReply);
    }
    const fault = faults.take(platform);
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === 'truncated-json' || fault?.kind === 'garbage') {
      // A damaged answer is a 200 with a broken body: a conditional GET must not turn it into an
      // empty 304 that nothing can damage.
      const headers = { ...ctx.headers };
      delete headers['if-none-match'];
      delete headers['if-modified-since'];
      ctx.headers = headers;
    }
    if (fault?.kind === 'timeout') {
      // Never answer: the client's own timeout must fire. The socket is dropped later.
      entry.status = -1;
      const timer = setTimeout(() => {
        timers.delete(timer);
        req.socket.destroy();
      }, holdMs);
      timers.add(timer);
      return;
    }
    let reply: Reply;
    let rateHeaders: Record<string, string> = {};
    if (fault?.kind === 'auth') reply = mod.authError(ctx);
    else if (fault?.kind === '429') reply = withRetryAfter(mod.rateLimitError(ctx, fault.retryAfterSeconds), fault);
    else if (fault?.kind === '500') reply = mod.serverError(ctx);
    else if (mod.auth !== 'none' && (token ? !(ctx.tokenAccount || ctx.tokenAccounts?.length) : mod.auth === 'required')) reply = oauth.tokenError(ctx) ?? mod.authError(ctx);
    else {
      const rb = mod.rateBucket?.(ctx);
      let limited: Reply | undefined;
      if (rb) {
        const st = limiter.hit(`${platform}|${rb.bucket}`, t, rb.limit, rb.windowMs, rb.cost ?? 1, rb.windowStart);
        rateHeaders = mod.rateHeaders?.(st, ctx) ?? {};
        if (st.exceeded && enforce) {
          const retry = Math.max(1, Math.ceil((st.resetAt - t) / 1000));
          limited = withRetryAfter(mod.rateLimitError(ctx, retry, st), { retryAfterSeconds: retry });
        }
      }
      if (limited) reply = limited;
      else {
        ctx.loop = fault?.kind === 'pagination-loop';
        try {
          reply = mod.handle(ctx);
        } catch (err) {
          if (err instanceof InvalidCursorError) reply = { status: 400, body: { error: 'invalid cursor', cursor: err.cursor } };
          else throw err;
        }
      }
    }
    reply = { ...reply, headers: { ...rateHeaders, ...(reply.headers ?? {}) } };
    entry.status = reply.status;
    send(res, reply, fault?.kind === 'truncated-json' ? 'truncate' : fault?.kind === 'garbage' ? 'garbage' : undefined);
  }

  function admin(req: IncomingMessage, res: ServerResponse, u: URL, raw: string): void {
    const action = u.pathname.replace(/^\/__sandbox\/?/, '');
    const method = req.method ?? 'GET';
    const body = (parseBody(raw) ?? {}) as Record<string, unknown>;
    try {
      if (action === 'faults' && method === 'POST') {
        const specs = Array.isArray(body) ? (body as FaultSpec[]) : [body as unknown as FaultSpec];
        for (const s of specs) faults.add(s);
        return send(res, { status: 201, body: { faults: faults.list() } });
      }
      if (action === 'faults' && method === 'DELETE') {
        faults.clear();
        return send(res, { status: 200, body: { faults: [] } });
      }
      if (action === 'faults') return send(res, { status: 200, body: { faults: faults.list() } });
      if (action === 'requests' && method === 'DELETE') {
        log = [];
        return send(res, { status: 200, body: { requests: [] } });
      }
      if (action === 'requests') {
        const p = u.searchParams.get('platform');
        return send(res, { status: 200, body: { requests: p ? log.filter((r) => r.platform === p) : log } });
      }
      if (action === 'clock' && method === 'POST') {
        if (typeof body.now === 'string') setClock(new Date(body.now));
        if (typeof body.advanceMs === 'number') offset += body.advanceMs;
        return send(res, { status: 200, body: { now: new Date(now()).toISOString(), startAt: new Date(startAt).toISOString() } });
      }
      if (action === 'clock') return send(res, { status: 200, body: { now: new Date(now()).toISOString(), startAt: new Date(startAt).toISOString() } });
      if (action === 'crisis' && method === 'POST') {
        const c = startCrisis(String(body.brand ?? 'maison-lumiere'), typeof body.at === 'string' ? new Date(body.at) : undefined);
        return send(res, { status: 201, body: { brand: c.brand, at: new Date(c.at).toISOString() } });
      }
      if (action === 'reset' && method === 'POST') {
        reset();
        return send(res, { status: 200, body: { ok: true } });
      }
      if (action === 'writes') return send(res, { status: 200, body: { writes: world.writes.list(u.searchParams.get('platform')) } });
      if (action === 'accounts') return send(res, { status: 200, body: { accounts, baseUrls, oauthApps: SANDBOX_OAUTH_APPS, appPasswords: appPasswords() } });
      if (action === 'oauth/apps') return send(res, { status: 200, body: { apps: SANDBOX_OAUTH_APPS, appPasswords: appPasswords() } });
      if (action === 'oauth/grants') return send(res, { status: 200, body: { grants: oauth.store.list() } });
      if (action === 'oauth/revoke' && method === 'POST') {
        const revoked = oauth.store.revoke(typeof body.platform === 'string' && isPlatform(body.platform) ? body.platform : null, typeof body.account === 'string' ? body.account : undefined);
        return send(res, { status: 200, body: { revoked } });
      }
      if (action === 'oauth/expire' && method === 'POST') {
        return send(res, { status: 200, body: { expired: oauth.store.expire(typeof body.platform === 'string' && isPlatform(body.platform) ? body.platform : null, now()) } });
      }
      if (action === 'posts') {
        const q = u.searchParams;
        return send(res, { status: 200, body: postsOf(q.get('account'), q.get('since'), q.get('commentsSince')) });
      }
      if (action === '' || action === 'state') {
        world.ensureUntil(now());
        const counts = Object.fromEntries(PLATFORMS.map((p) => [p, world.visible(p, now()).length]));
        return send(res, { status: 200, body: { now: new Date(now()).toISOString(), startAt: new Date(startAt).toISOString(), seed, items: counts, crises: world.crises.map((c) => ({ brand: c.brand, at: new Date(c.at).toISOString() })), faults: faults.list() } });
      }
      return send(res, { status: 404, body: { error: `unknown admin action ${action}` } });
    } catch (err) {
      return send(res, { status: 400, body: { error: err instanceof Error ? err.message : String(err) } });
    }
  }

  /**
   * Ground truth for tests: the posts an account has published up to now (since `since`), with
   * their visible comments (written since `commentsSince`, for platforms that only search recent
   * replies) and the account's follower count — what a complete sync must end up with.
   */
  function postsOf(key: string | null, since: string | null, commentsSince: string | null): TruthAnswer {
    const account = SANDBOX_ACCOUNTS.find((a) => a.key === key);
    if (!account) throw new Error(`unknown account ${String(key)} (a manifest key such as maison-lumiere:facebook)`);
    const dateOf = (v: string | null, name: string) => {
      const d = v ? Date.parse(v) : -Infinity;
      if (Number.isNaN(d)) throw new Error(`${name} must be an ISO date`);
      return d;
    };
    const from = dateOf(since, 'since');
    const commentsFrom = dateOf(commentsSince, 'commentsSince');
    const t = now();
    world.ensureUntil(t);
    const posts = world
      .visible(account.platform, t)
      .filter((i) => i.account?.key === account.key && i.createdAt >= from)
      // A feed only shows its latest items; its guid is the item's link.
      .filter((i) => account.platform !== 'rss' || inFeed(world, i, t))
      .map((i) => {
        // Counts merge the brands' writes (replies, deletions, moderation) as the platform shows them.
        return { id: account.platform === 'rss' ? rssGuidOf(i) : i.pid, createdAt: new Date(i.createdAt).toISOString(), ...world.commentCounts(i, t, commentsFrom) };
      });
    return { now: new Date(t).toISOString(), followers: world.followers(account, t), posts };
  }

  function setClock(to: Date): void {
    if (Number.isNaN(to.getTime())) throw new Error('invalid date');
    offset = to.getTime() - baseNow().getTime();
  }

  function startCrisis(brand: string, at?: Date): CrisisEvent {
    const t = at ? at.getTime() : now();
    world.ensureUntil(now());
    const c = world.scheduleCrisis(brand, t);
    world.ensureUntil(now());
    return c;
  }

  function reset(): void {
    faults.clear();
    limiter.clear();
    log = [];
    offset = 0;
    world = makeWorld();
    oauth.reset();
  }

  /** App passwords of the own Bluesky accounts (Connect with an app password). */
  function appPasswords(): Record<string, string> {
    return Object.fromEntries(accounts.filter((a) => a.platform === 'bluesky' && a.brandKind === 'own').map((a) => [a.key, blueskyAppPassword(a.key)]));
  }

  return {
    url,
    port,
    baseUrls,
    accounts,
    now: () => new Date(now()),
    setClock,
    advanceClock: (ms) => {
      offset += ms;
    },
    setFault: (spec) => {
      faults.add(spec);
    },
    clearFaults: () => faults.clear(),
    revokeGrants: (platform, accountKey) => oauth.store.revoke(platform, accountKey),
    expireTokens: (platform) => oauth.store.expire(platform ?? null, now()),
    startCrisis,
    requests: () => [...log],
    writes: (platform) => world.writes.list(platform),
    clearRequests: () => {
      log = [];
    },
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function withRetryAfter(reply: Reply, fault: Pick<ActiveFault, 'retryAfterSeconds'>): Reply {
  return { ...reply, headers: { 'retry-after': String(fault.retryAfterSeconds), ...(reply.headers ?? {}) } };
}

function tokenOf(req: IncomingMessage, u: URL): string | undefined {
  const auth = req.headers.authorization;
  if (auth && /^(Bearer|OAuth)\s+/i.test(auth)) return auth.replace(/^(Bearer|OAuth)\s+/i, '').trim();
  return u.searchParams.get('access_token') ?? u.searchParams.get('key') ?? undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return Object.fromEntries(new URLSearchParams(raw));
  }
}

function send(res: ServerResponse, reply: Reply, damage?: 'truncate' | 'garbage'): void {
  if (reply.status === 304) {
    res.writeHead(304, reply.headers ?? {});
    res.end();
    return;
  }
  const isText = typeof reply.body === 'string';
  let payload = isText ? (reply.body as string) : JSON.stringify(reply.body);
  let contentType = reply.contentType ?? (isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8');
  let status = reply.status;
  if (damage === 'truncate') {
    // A connection cut mid-body: the declared length matches what is sent, so only parsing fails.
    payload = payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
  } else if (damage === 'garbage') {
    status = 200;
    payload = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n\u0000\u00ff';
    contentType = 'application/json; charset=utf-8';
  }
  const buf = Buffer.from(payload, 'utf8');
  res.writeHead(status, { ...(reply.headers ?? {}), 'content-type': contentType, 'content-length': String(buf.length) });
  res.end(buf);
}
