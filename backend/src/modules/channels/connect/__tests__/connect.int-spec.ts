import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { type RunningSandbox, SANDBOX_OAUTH_APPS, blueskyAppPassword, startSandbox } from '@vigie/platform-sandbox';
import type { ChannelDto, ConnectAttemptDto, ConnectPlatformDto, ConnectStartDto } from '@vigie/contracts';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../../test-utils/test-app';
import { until } from '../../../../test-utils/wait';
import { TokenKeeper } from '../token-keeper.service';
import { consent, pathOf } from './sandbox-consent';

/**
 * "Connect account" end to end over HTTP: Vigie's API, the sandbox's real-shaped consent pages
 * and token endpoints, real Postgres. The installation's apps come from env vars (as in
 * production), except LinkedIn's, registered by the workspace in Settings.
 */
describe('connect accounts by consent against the platform sandbox', () => {
  let t: TestApp;
  let sb: RunningSandbox;
  let client: LoggedIn;
  let other: LoggedIn;
  let ws: string;
  let otherWs: string;
  let brandId: string;
  let secondBrandId: string;

  const api = (p: string) => `/api/workspaces/${ws}${p}`;
  const app = (platform: string) => SANDBOX_OAUTH_APPS.find((a) => a.platform === platform)!;
  const start = async (platform: string, body: object = {}): Promise<ConnectStartDto> => {
    const res = await client.post(api(`/connect/${platform}/start`), { brandId, ...body });
    expect([res.status, res.body]).toEqual([201, expect.objectContaining({ authorizeUrl: expect.any(String) })]);
    return res.body as ConnectStartDto;
  };
  /** Consent on the sandbox, then the platform's redirect into Vigie: returns where Vigie sends the browser. */
  const consentAndReturn = async (s: ConnectStartDto, decision: 'allow' | 'deny' = 'allow', account?: string, who: LoggedIn = client) => {
    const back = await consent(s.authorizeUrl, decision, account);
    const res = await who.get(pathOf(back));
    expect(res.status).toBe(302);
    return { back, location: new URL(res.headers.location as string) };
  };
  const attempt = async (id: string): Promise<ConnectAttemptDto> => (await client.get(api(`/connect/attempts/${id}`))).body as ConnectAttemptDto;
  const channel = async (id: string): Promise<ChannelDto> => (await client.get(api(`/channels/${id}`))).body as ChannelDto;

  beforeAll(async () => {
    sb = await startSandbox({ port: 0, rateLimits: false });
    const env: Record<string, string> = {};
    for (const p of ['facebook', 'youtube', 'x', 'tiktok', 'reddit']) {
      const prefix = `VIGIE_${p.toUpperCase()}_`;
      Object.assign(env, { [`${prefix}CLIENT_ID`]: app(p).clientId, [`${prefix}CLIENT_SECRET`]: app(p).clientSecret, [`${prefix}BASE_URL`]: sb.baseUrls[p as 'x'] });
    }
    t = await createTestApp({ env });
    const admin = await createUser(t.db, 'connect-admin@example.test');
    const stranger = await createUser(t.db, 'connect-other@example.test');
    ws = await createWorkspace(t.db, 'Connect', [[admin, 'admin']]);
    otherWs = await createWorkspace(t.db, 'Elsewhere', [[stranger, 'admin']]);
    client = await login(t, admin);
    other = await login(t, stranger);
    brandId = ((await client.post(api('/brands'), { name: 'Maison Lumière', kind: 'own' })).body as { id: string }).id;
    secondBrandId = ((await client.post(api('/brands'), { name: 'Café Brûlé', kind: 'own' })).body as { id: string }).id;
    const li = await client.put(api('/connect/platforms/linkedin/app'), { clientId: app('linkedin').clientId, clientSecret: app('linkedin').clientSecret, baseUrl: sb.baseUrls.linkedin });
    expect(li.status).toBe(200);
    await t.queue.startWorkers();
  }, 60_000);

  afterAll(async () => {
    await t.close();
    await sb.close();
  });

  it('Settings lists every platform with how it connects and the exact redirect URI to register', async () => {
    const list = (await client.get(api('/connect/platforms'))).body as ConnectPlatformDto[];
    const by = Object.fromEntries(list.map((p) => [p.platform, p]));
    expect(by.facebook).toMatchObject({ method: 'oauth', ready: true, appSource: 'env', clientId: app('facebook').clientId, redirectUri: 'http://localhost:3000/api/connect/callback/facebook' });
    expect(by.instagram).toMatchObject({ method: 'oauth', ready: true, redirectUri: 'http://localhost:3000/api/connect/callback/instagram' });
    expect(by.linkedin).toMatchObject({ method: 'oauth', ready: true, appSource: 'workspace' });
    expect(by.mastodon).toMatchObject({ method: 'instance-oauth', ready: true, redirectUri: 'http://localhost:3000/api/connect/callback/mastodon' });
    expect(by.bluesky).toMatchObject({ method: 'app-password', redirectUri: null });
    expect(by.rss).toMatchObject({ method: 'none' });
    expect(JSON.stringify(list)).not.toContain(app('linkedin').clientSecret);
  });

  it('Meta: consent, then the CM picks a Page for each brand and its Instagram account; they sync', async () => {
    const s = await start('facebook');
    expect(new URL(s.authorizeUrl).searchParams.get('code_challenge_method')).toBe('S256');
    const { location } = await consentAndReturn(s);
    expect(`${location.pathname}${location.search}`).toBe(`/w/${ws}/channels?connect=${s.attemptId}`);
    const a = await attempt(s.attemptId);
    expect(a.status).toBe('consented');
    const handles = a.candidates.map((c) => `${c.platform}:${c.handle}`).sort();
    expect(handles).toEqual(['facebook:cafebrule', 'facebook:maisonlumiere', 'instagram:cafebrule', 'instagram:maisonlumiere']);
    const pick = (platform: string, handle: string) => a.candidates.find((c) => c.platform === platform && c.handle === handle)!.key;
    const res = await client.post(api(`/connect/attempts/${s.attemptId}/accounts`), {
      accounts: [
        { key: pick('facebook', 'maisonlumiere'), brandId },
        { key: pick('facebook', 'cafebrule'), brandId: secondBrandId },
        { key: pick('instagram', 'maisonlumiere'), brandId },
      ],
    });
    expect(res.status).toBe(201);
    const created = res.body as ChannelDto[];
    expect(created.map((c) => [c.platform, c.handle, c.brandId === brandId ? 'ML' : 'CB'])).toEqual([
      ['facebook', 'maisonlumiere', 'ML'],
      ['facebook', 'cafebrule', 'CB'],
      ['instagram', 'maisonlumiere', 'ML'],
    ]);
    // The Instagram account uses the long-lived (60-day) user token; Page tokens do not expire.
    expect(created[0].tokenExpiresAt).toBeNull();
    expect(Date.parse(created[2].tokenExpiresAt!) - Date.now()).toBeGreaterThan(59 * 24 * 3600_000);
    for (const c of created) {
      const synced = await until(`${c.platform} ${c.handle} sync`, async () => {
        const d = await channel(c.id);
        return (d.lastSuccessAt !== null || d.status !== 'ok') && d;
      }, 30_000, 100);
      expect([synced.status, synced.lastError]).toEqual(['ok', null]);
    }
    const posts = (await t.db.query(`SELECT count(*)::int AS n FROM posts WHERE channel_account_id = $1`, [created[0].id])) as Array<{ n: number }>;
    expect(posts[0].n).toBeGreaterThan(0);
    // Picking twice adds nothing.
    const again = await client.post(api(`/connect/attempts/${s.attemptId}/accounts`), { accounts: [{ key: pick('facebook', 'cafebrule'), brandId }] });
    expect(again.status).toBe(409);
  });

  it.each([
    ['linkedin', undefined, ['cafe-brule', 'maison-lumiere']],
    ['youtube', undefined, ['@cafebrule', '@maisonlumiere']],
    ['x', 'maison-lumiere:x', ['maisonlumiere']],
    ['tiktok', 'cafe-brule:tiktok', ['cafebrule']],
    ['reddit', undefined, ['r/CafeBrule', 'r/MaisonLumiere']],
  ])('%s: the full consent round-trip lists the accounts the consent reaches', async (platform, account, handles) => {
    const s = await start(platform);
    const { location } = await consentAndReturn(s, 'allow', account);
    expect(`${location.pathname}${location.search}`).toBe(`/w/${ws}/channels?connect=${s.attemptId}`);
    const a = await attempt(s.attemptId);
    expect([a.status, a.error]).toEqual(['consented', null]);
    expect(a.candidates.map((c) => c.handle.toLowerCase()).sort()).toEqual(handles.map((h) => h.toLowerCase()).sort());
    const res = await client.post(api(`/connect/attempts/${s.attemptId}/accounts`), { accounts: [{ key: a.candidates[0].key, brandId }] });
    expect(res.status).toBe(201);
    const [c] = res.body as ChannelDto[];
    const synced = await until(`${platform} sync`, async () => {
      const d = await channel(c.id);
      return (d.lastSuccessAt !== null || d.status !== 'ok') && d;
    }, 30_000, 100);
    expect([synced.status, synced.lastError]).toEqual(['ok', null]);
  });

  it('Mastodon: the app is registered on the instance once, then the consent works like the others', async () => {
    const instanceUrl = sb.baseUrls.mastodon;
    const s1 = await start('mastodon', { instanceUrl });
    const s2 = await start('mastodon', { instanceUrl });
    expect(new URL(s1.authorizeUrl).searchParams.get('client_id')).toBe(new URL(s2.authorizeUrl).searchParams.get('client_id'));
    expect(sb.requests().filter((r) => r.platform === 'mastodon' && r.path.endsWith('/api/v1/apps'))).toHaveLength(1);
    await consentAndReturn(s1, 'allow', 'cafe-brule:mastodon');
    const a = await attempt(s1.attemptId);
    expect(a.candidates.map((c) => c.handle)).toEqual(['cafebrule@mastodon.example']);
    const res = await client.post(api(`/connect/attempts/${s1.attemptId}/accounts`), { accounts: [{ key: a.candidates[0].key, brandId: secondBrandId }] });
    expect(res.status).toBe(201);
    expect((await start('mastodon', {}).catch((e: unknown) => e)) instanceof Error).toBe(true);
  });

  it('a replayed callback is refused and changes nothing', async () => {
    const s = await start('x');
    const { back } = await consentAndReturn(s, 'allow', 'cafe-brule:x');
    const replay = await client.get(pathOf(back));
    expect(replay.status).toBe(302);
    expect(new URL(replay.headers.location as string).searchParams.get('connectError')).toBe('state_used');
    expect((await attempt(s.attemptId)).status).toBe('consented');
  });

  it('a callback from another session and workspace is refused; the attempt is invisible there', async () => {
    const s = await start('youtube');
    const back = await consent(s.authorizeUrl, 'allow');
    const stolen = await other.get(pathOf(back));
    expect(new URL(stolen.headers.location as string).searchParams.get('connectError')).toBe('state_mismatch');
    expect((await other.get(`/api/workspaces/${otherWs}/connect/attempts/${s.attemptId}`)).status).toBe(404);
    expect([403, 404]).toContain((await other.get(api(`/connect/attempts/${s.attemptId}`))).status);
    // The rightful session can still finish.
    const mine = await client.get(pathOf(back));
    expect(new URL(mine.headers.location as string).searchParams.get('connect')).toBe(s.attemptId);
  });

  it('a forged or expired state is refused', async () => {
    const forged = await client.get('/api/connect/callback/facebook?code=abc&state=00000000-0000-0000-0000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(new URL(forged.headers.location as string).searchParams.get('connectError')).toBe('invalid_state');
    const s = await start('tiktok');
    const back = await consent(s.authorizeUrl, 'allow');
    await t.db.query(`UPDATE connect_attempts SET expires_at = now() - interval '1 second' WHERE id = $1`, [s.attemptId]);
    const late = await client.get(pathOf(back));
    expect(new URL(late.headers.location as string).searchParams.get('connectError')).toBe('state_expired');
  });

  it('denied consent shows the platform’s reason on the picker and adds nothing', async () => {
    const s = await start('facebook');
    const { back, location } = await consentAndReturn(s, 'deny');
    expect(back.searchParams.get('error_reason')).toBe('user_denied');
    expect(`${location.pathname}${location.search}`).toBe(`/w/${ws}/channels?connect=${s.attemptId}`);
    const a = await attempt(s.attemptId);
    expect(a.status).toBe('denied');
    expect(a.error).toMatch(/^Facebook: consent was refused: Permissions error$/);
    expect(a.candidates).toEqual([]);
    expect((await client.post(api(`/connect/attempts/${s.attemptId}/accounts`), { accounts: [{ key: 'facebook:1', brandId }] })).status).toBe(409);
  });

  it('Bluesky: an app password opens a session (never stored); a wrong one is refused with the reason', async () => {
    const account = sb.accounts.find((a) => a.key === 'maison-lumiere:bluesky')!;
    const wrong = await client.post(api('/connect/bluesky/app-password'), { brandId, identifier: account.handle, appPassword: 'aaaa-bbbb-cccc-dddd', serviceUrl: sb.baseUrls.bluesky });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toMatch(/refused the sign-in.*Invalid identifier or password/);
    const ok = await client.post(api('/connect/bluesky/app-password'), { brandId, identifier: account.handle, appPassword: blueskyAppPassword(account.key), serviceUrl: sb.baseUrls.bluesky });
    expect(ok.status).toBe(201);
    const c = ok.body as ChannelDto;
    expect([c.platform, c.handle, c.externalId]).toEqual(['bluesky', account.handle, account.externalId]);
    const [row] = (await t.db.query(`SELECT credentials_encrypted::text AS sealed FROM channel_accounts WHERE id = $1`, [c.id])) as Array<{ sealed: string }>;
    expect(row.sealed).not.toContain(blueskyAppPassword(account.key));
  });

  it('an expiring token is refreshed (X rotates its refresh token); a revoked consent → reconnect needed, others keep syncing', async () => {
    const keeper = t.app.get(TokenKeeper);
    const list = (await client.get(api('/channels'))).body as ChannelDto[];
    const x = list.find((c) => c.platform === 'x')!;
    const yt = list.find((c) => c.platform === 'youtube')!;
    const fb = list.find((c) => c.platform === 'facebook')!;
    await t.db.query(`UPDATE channel_accounts SET token_expires_at = now() + interval '1 minute' WHERE id = ANY($1)`, [[x.id, yt.id]]);
    sb.revokeGrants('youtube');
    const counts = await keeper.refreshExpiring();
    expect(counts).toMatchObject({ refreshed: 1, 'reconnect-needed': 1 });
    const xAfter = await channel(x.id);
    expect(Date.parse(xAfter.tokenExpiresAt!) - Date.now()).toBeGreaterThan(110 * 60_000);
    const ytAfter = await channel(yt.id);
    expect(ytAfter.status).toBe('reconnect_needed');
    expect(ytAfter.lastError).toMatch(/Token refresh refused: .*invalid_grant.*expired or revoked/);
    // Told by email once; the refused account is no longer scheduled, the others sync on.
    const outbox = await readdir(path.join(t.config.dataDir, 'outbox')).catch(() => []);
    expect(outbox.filter((f) => f.includes('reconnect-youtube'))).toHaveLength(1);
    await keeper.reconnectNeeded(yt.id, 'again');
    expect((await readdir(path.join(t.config.dataDir, 'outbox'))).filter((f) => f.includes('reconnect-youtube'))).toHaveLength(1);
    const before = (await channel(fb.id)).lastSuccessAt;
    expect((await client.post(api(`/channels/${fb.id}/sync`))).status).toBe(202);
    await until('facebook still syncing', async () => (await channel(fb.id)).lastSuccessAt !== before, 30_000, 100);
    // The refreshed X token works for the next sync.
    const xBefore = xAfter.lastSuccessAt;
    await client.post(api(`/channels/${x.id}/sync`));
    const xSynced = await until('x sync with refreshed token', async () => {
      const d = await channel(x.id);
      return d.lastSuccessAt !== xBefore && d;
    }, 30_000, 100);
    expect(xSynced.status).toBe('ok');
  });

  it('a token the platform refuses during a sync marks the account reconnect needed, without retry loops', async () => {
    const mastodon = ((await client.get(api('/channels'))).body as ChannelDto[]).find((c) => c.platform === 'mastodon')!;
    sb.revokeGrants('mastodon');
    sb.clearRequests();
    await client.post(api(`/channels/${mastodon.id}/sync`));
    const d = await until('mastodon reconnect needed', async () => {
      const c = await channel(mastodon.id);
      return c.status === 'reconnect_needed' && c;
    }, 30_000, 100);
    expect(d.lastError).toMatch(/Access refused/);
    await new Promise((r) => setTimeout(r, 500));
    const calls = sb.requests().filter((r) => r.platform === 'mastodon').length;
    expect(calls).toBe(1);
  });
});
