import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConsoleLogger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { SecretBox as SecretBoxToken } from '../common/crypto/secret-box';
import { InlineJobQueue } from '../common/queue/inline-job-queue';
import { createHttpApp } from '../http-app';
import { ChannelSyncService } from '../modules/ingestion/sync/channel-sync.service';
import { createTestApp, createTestDatabase, createUser, createWorkspace, login, type TestApp } from '../test-utils/test-app';

/** Production-like settings: Secure cookies, private URLs refused, a low login limit; and the logs. */
describe('security with production settings', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { VIGIE_COOKIE_SECURE: 'true', VIGIE_ALLOW_PRIVATE_URLS: 'false', VIGIE_LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => t.close());

  /** Secure cookies are not sent back over plain HTTP by supertest: carry the session by hand. */
  async function session(email: string, password: string) {
    const res = await t.http.post('/api/auth/login').send({ email, password });
    expect(res.status).toBe(200);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('vigie_session='))!;
    const pair = cookie.split(';')[0];
    return { cookie, post: (url: string, body: object) => t.http.post(url).set('Cookie', pair).set('X-CSRF-Token', res.body.csrfToken as string).send(body) };
  }

  it('marks the session cookie Secure when VIGIE_COOKIE_SECURE=true', async () => {
    const u = await createUser(t.db, 'secure@sec.test');
    const s = await session(u.email, u.password);
    expect(s.cookie).toMatch(/; Secure/);
    expect(s.cookie).toMatch(/; HttpOnly/);
    expect(s.cookie).toMatch(/; SameSite=Lax/);
  });

  it('throttles logins: 429 with Retry-After and a readable message after N failures, even for the right password', async () => {
    const u = await createUser(t.db, 'victim@sec.test');
    for (let i = 0; i < 3; i++) {
      expect((await t.http.post('/api/auth/login').send({ email: u.email, password: `wrong-${i}` })).status).toBe(401);
    }
    const res = await t.http.post('/api/auth/login').send({ email: u.email, password: u.password });
    expect(res.status).toBe(429);
    const retry = Number(res.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(res.body.message).toBe(`Too many failed login attempts. Try again in ${retry} s.`);
    // Another account from the same address is not locked by this one's failures.
    const other = await createUser(t.db, 'bystander@sec.test');
    expect((await t.http.post('/api/auth/login').send({ email: other.email, password: other.password })).status).toBe(200);
  });

  it('SSRF: channel base URLs on private, loopback, link-local or metadata addresses are refused (400 on baseUrl)', async () => {
    const u = await createUser(t.db, 'admin@ssrf.test');
    const ws = await createWorkspace(t.db, 'SSRF', [[u, 'admin']]);
    const s = await session(u.email, u.password);
    const brand = (await s.post(`/api/workspaces/${ws}/brands`, { name: 'B', kind: 'own' })).body as { id: string };
    const refused = ['http://127.0.0.1:8080', 'http://localhost:3000', 'http://169.254.169.254/latest', 'http://10.0.0.5', 'http://192.168.1.1', 'http://[::1]:80', 'http://[fd00::1]', 'http://100.64.0.1', 'http://0.0.0.0'];
    for (const baseUrl of refused) {
      const res = await s.post(`/api/workspaces/${ws}/channels`, { brandId: brand.id, platform: 'mastodon', handle: `h${refused.indexOf(baseUrl)}`, baseUrl });
      expect([baseUrl, res.status, res.body.details?.[0]?.field]).toEqual([baseUrl, 400, 'baseUrl']);
    }
    expect(((await t.db.query('SELECT count(*)::int AS n FROM channel_accounts WHERE workspace_id = $1', [ws])) as Array<{ n: number }>)[0].n).toBe(0);
    console.log(`SSRF: ${refused.length} private/loopback/link-local base URLs refused`);
  });
});

describe('no secrets in logs', () => {
  it('a channel created with a token and synced against a platform that echoes it never logs the token', async () => {
    const lines: string[] = [];
    class CapturingLogger extends ConsoleLogger {
      protected override printMessages(messages: unknown[], context?: string, logLevel?: string): void {
        lines.push(`${logLevel} ${context ?? ''} ${messages.map((m) => (m instanceof Error ? `${m.message} ${m.stack}` : typeof m === 'string' ? m : JSON.stringify(m))).join(' ')}`);
      }
    }
    const logger = new CapturingLogger('vigie', { logLevels: ['error', 'warn', 'log', 'debug', 'verbose', 'fatal'] });
    const TOKEN = 'tok-LOGS-7f3a9c1e5b2d4f60';
    // A hostile or broken platform: echoes the credentials it received in its error bodies.
    const platform = http.createServer((req, res) => {
      const echo = JSON.stringify({ error: `invalid token ${req.headers.authorization ?? ''} for ${req.url}` });
      res.writeHead(req.url?.includes('verify') ? 401 : 500, { 'content-type': 'application/json' }).end(echo);
    });
    await new Promise<void>((r) => platform.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(platform.address() as AddressInfo).port}`;
    const databaseUrl = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, VIGIE_SECRET_KEY: 'ab'.repeat(32), VIGIE_DEMO: 'false', VIGIE_STATIC_DIR: '/nonexistent', VIGIE_VERIFY_CHANNELS: 'true', LOG_LEVEL: 'debug' });
    const queue = new InlineJobQueue();
    const app = await createHttpApp({ config, databaseUrl, queue, embeddedDatabase: false, stop: async () => undefined }, logger);
    await app.init();
    try {
      const db = app.get<DataSource>(getDataSourceToken());
      const u = await createUser(db, 'logs@sec.test');
      const ws = await createWorkspace(db, 'Logs', [[u, 'admin']]);
      const c = await login({ app, http: request(app.getHttpServer()), db, config, queue, close: async () => undefined }, u);
      const brand = (await c.post(`/api/workspaces/${ws}/brands`, { name: 'B', kind: 'own' })).body as { id: string };
      // Verification fails (the platform says 401, echoing the token): 400, token not in the answer.
      const refused = await c.post(`/api/workspaces/${ws}/channels`, { brandId: brand.id, platform: 'mastodon', handle: 'vigie', credentials: { accessToken: TOKEN }, baseUrl: base });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).not.toContain(TOKEN);
      // Saved without verification, then synced: every call fails with the token echoed back.
      const [{ id: channelId }] = (await db.query(
        `INSERT INTO channel_accounts (workspace_id, brand_id, platform, handle, external_id, base_url, credentials_encrypted)
         VALUES ($1, $2, 'mastodon', 'vigie', '1', $3, $4) RETURNING id`,
        [ws, brand.id, base, app.get(SecretBoxToken).sealJson({ accessToken: TOKEN })],
      )) as Array<{ id: string }>;
      await app.get(ChannelSyncService).run(channelId).catch(() => undefined);
      await app.get(ChannelSyncService).run(channelId, { jobId: 'retry', attempt: 2 }).catch(() => undefined);
      const channel = await c.get(`/api/workspaces/${ws}/channels/${channelId}`);
      expect(channel.body.lastError).toBeTruthy();
      expect(JSON.stringify(channel.body)).not.toContain(TOKEN);
      const [row] = (await db.query('SELECT last_error FROM channel_accounts WHERE id = $1', [channelId])) as Array<{ last_error: string }>;
      expect(row.last_error).not.toContain(TOKEN);
      expect(lines.length).toBeGreaterThan(0);
      // The failure was logged, with the echoed credential scrubbed (so the check below is not vacuous).
      expect(lines.filter((l) => l.includes(channelId) && l.includes('invalid token Bearer [REDACTED]')).length).toBe(2);
      expect(lines.filter((l) => l.includes(TOKEN))).toEqual([]);
      console.log(`logs: ${lines.length} log lines captured during channel create + 2 failing syncs, 0 contain the token`);
    } finally {
      await queue.close();
      await app.close();
      await new Promise<void>((r) => platform.close(() => r()));
    }
  });
});
