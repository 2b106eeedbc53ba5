import { SANDBOX_ACCOUNTS, SANDBOX_OAUTH_APPS, blueskyAppPassword } from '../index';
import { account, get, start } from './helpers';
import type { Json, TestSandbox } from './helpers';
import { basicAuth, bearer, openConsent, pkce, postForm, submitConsent } from './oauth-helpers';

/** Bluesky app-password sessions, and the admin side of OAuth (apps, grants, revoke, expire, reset). */
let t: TestSandbox;
const url = (p: string) => `${t.sb.url}${p}`;
const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  get(url(path), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

beforeAll(async () => {
  t = await start({ rateLimits: false });
});
afterAll(() => t.sb.close());

describe('Bluesky app passwords (com.atproto.server.*)', () => {
  const bsky = () => account(t.sb, 'bluesky', 'maison-lumiere');
  const createSession = (identifier: string, password: string) => postJson('/bluesky/xrpc/com.atproto.server.createSession', { identifier, password });
  const refreshSession = (refreshJwt: string) => get(url('/bluesky/xrpc/com.atproto.server.refreshSession'), { method: 'POST', headers: { authorization: `Bearer ${refreshJwt}` } });
  const feed = (accessJwt: string) => get(url(`/bluesky/xrpc/app.bsky.feed.getAuthorFeed?actor=${bsky().externalId}&limit=5`), bearer(accessJwt));
  const jwtPayload = (jwt: string): Json => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));

  it('every own Bluesky account has a deterministic app password in the manifest; competitors none', async () => {
    const own = SANDBOX_ACCOUNTS.filter((a) => a.platform === 'bluesky' && a.brandKind === 'own');
    expect(own).toHaveLength(2);
    for (const a of own) {
      expect(a.appPassword).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
      expect(a.appPassword).toBe(blueskyAppPassword(a.key));
    }
    expect(SANDBOX_ACCOUNTS.filter((a) => a.platform === 'bluesky' && a.brandKind === 'competitor').every((a) => a.appPassword === undefined)).toBe(true);
    const listed = (await get(url('/__sandbox/accounts'))).body.accounts as Json[];
    expect(listed.find((a) => a.key === bsky().key).appPassword).toBe(bsky().appPassword);
  });

  it('createSession with the handle or the did → a session whose access JWT the AppView accepts', async () => {
    for (const identifier of [bsky().handle, bsky().externalId]) {
      const s = await createSession(identifier, bsky().appPassword!);
      expect(s.status).toBe(200);
      expect(s.body).toMatchObject({ did: bsky().externalId, handle: bsky().handle, email: expect.any(String), accessJwt: expect.any(String), refreshJwt: expect.any(String), active: true });
      const p = jwtPayload(s.body.accessJwt);
      expect(p).toMatchObject({ sub: bsky().externalId, iat: Math.floor(t.sb.now().getTime() / 1000) });
      expect(p.exp - p.iat).toBe(2 * 3600);
      expect((await feed(s.body.accessJwt)).status).toBe(200);
    }
  });

  it.each([
    ['a wrong password', () => [bsky().handle, 'aaaa-bbbb-cccc-dddd']],
    ['another account’s password', () => [bsky().handle, account(t.sb, 'bluesky', 'cafe-brule').appPassword!]],
    ['a competitor', () => [account(t.sb, 'bluesky', 'eclat-paris').handle, 'aaaa-bbbb-cccc-dddd']],
  ])('%s → 401 AuthenticationRequired', async (_what, creds) => {
    const [identifier, password] = creds();
    expect(await createSession(identifier, password)).toMatchObject({ status: 401, body: { error: 'AuthenticationRequired', message: 'Invalid identifier or password' } });
  });

  it('refreshSession rotates both JWTs; the old refresh JWT is then refused', async () => {
    const s = (await createSession(bsky().handle, bsky().appPassword!)).body;
    const r = await refreshSession(s.refreshJwt);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ did: bsky().externalId, handle: bsky().handle, accessJwt: expect.any(String), refreshJwt: expect.any(String) });
    expect(r.body.refreshJwt).not.toBe(s.refreshJwt);
    expect((await feed(r.body.accessJwt)).status).toBe(200);
    const again = await refreshSession(s.refreshJwt);
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.body.error).toBe('ExpiredToken');
  });

  it('an expired access JWT → 400 ExpiredToken; the refresh JWT still opens a new session', async () => {
    const s = (await createSession(bsky().handle, bsky().appPassword!)).body;
    t.sb.advanceClock(2 * 3600_000 + 1000);
    expect(await feed(s.accessJwt)).toMatchObject({ status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } });
    const r = await refreshSession(s.refreshJwt);
    expect((await feed(r.body.accessJwt)).status).toBe(200);
  });

  it('a revoked session: the access JWT is refused and the refresh JWT too', async () => {
    const s = (await createSession(bsky().handle, bsky().appPassword!)).body;
    expect(t.sb.revokeGrants('bluesky', bsky().key)).toBeGreaterThan(0);
    expect((await feed(s.accessJwt)).status).toBe(401);
    expect((await refreshSession(s.refreshJwt)).status).toBeGreaterThanOrEqual(400);
  });
});

describe('OAuth admin', () => {
  const X = () => SANDBOX_OAUTH_APPS.find((a) => a.platform === 'x')!;
  const REDIRECT = 'http://localhost:3000/cb';
  async function xToken(actAs = 'maison-lumiere:x'): Promise<Json> {
    const { verifier, challenge } = pkce();
    const q = new URLSearchParams({ response_type: 'code', client_id: X().clientId, redirect_uri: REDIRECT, scope: 'tweet.read users.read offline.access', state: 's', code_challenge: challenge, code_challenge_method: 'S256' });
    const back = await submitConsent(await openConsent(url(`/x/i/oauth2/authorize?${q}`)), 'allow', actAs);
    const r = await postForm(url('/x/2/oauth2/token'), { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier }, { authorization: basicAuth(X().clientId, X().clientSecret) });
    expect(r.status).toBe(200);
    return r.body;
  }
  const me = (token: string) => get(url('/x/2/users/me'), bearer(token));

  it('lists the demo apps (client id vigie-sandbox-<platform>, secret sandbox-secret-<platform>) and the app passwords', async () => {
    const r = await get(url('/__sandbox/oauth/apps'));
    const platforms = ['facebook', 'linkedin', 'youtube', 'x', 'tiktok', 'reddit', 'mastodon'];
    expect(r.body.apps.map((a: Json) => a.platform).sort()).toEqual([...platforms].sort());
    for (const a of r.body.apps) expect(a).toMatchObject({ clientId: `vigie-sandbox-${a.platform}`, clientSecret: `sandbox-secret-${a.platform}` });
    expect(r.body.appPasswords).toEqual({ 'maison-lumiere:bluesky': blueskyAppPassword('maison-lumiere:bluesky'), 'cafe-brule:bluesky': blueskyAppPassword('cafe-brule:bluesky') });
    expect((await get(url('/__sandbox/accounts'))).body.oauthApps).toEqual(r.body.apps);
  });

  it('grants lists each consent with the accounts it reaches; revoke by account ends only the grants reaching it', async () => {
    const ml = await xToken('maison-lumiere:x');
    const cb = await xToken('cafe-brule:x');
    const grants = (await get(url('/__sandbox/oauth/grants'))).body.grants as Json[];
    expect(grants.filter((g) => g.platform === 'x' && !g.revoked).map((g) => g.accounts)).toEqual(expect.arrayContaining([['maison-lumiere:x'], ['cafe-brule:x']]));
    expect((await postJson('/__sandbox/oauth/revoke', { platform: 'x', account: 'cafe-brule:x' })).body.revoked).toBe(1);
    expect((await me(ml.access_token)).status).toBe(200);
    expect((await me(cb.access_token)).status).toBe(401);
    expect((await postForm(url('/x/2/oauth2/token'), { grant_type: 'refresh_token', refresh_token: cb.refresh_token }, { authorization: basicAuth(X().clientId, X().clientSecret) })).body.error).toBe('invalid_grant');
  });

  it('expire ends the access tokens now (of one platform, or all); the refresh tokens keep working', async () => {
    const a = await xToken();
    expect((await postJson('/__sandbox/oauth/expire', { platform: 'x' })).body.expired).toBeGreaterThan(0);
    expect((await me(a.access_token)).status).toBe(401);
    const r = await postForm(url('/x/2/oauth2/token'), { grant_type: 'refresh_token', refresh_token: a.refresh_token }, { authorization: basicAuth(X().clientId, X().clientSecret) });
    expect((await me(r.body.access_token)).status).toBe(200);
    expect(t.sb.expireTokens()).toBeGreaterThan(0);
    expect((await me(r.body.access_token)).status).toBe(401);
  });

  it('manifest tokens are untouched by revoke and expire; reset forgets every issued token', async () => {
    const a = await xToken();
    const manifest = account(t.sb, 'x', 'maison-lumiere').token;
    t.sb.revokeGrants('x');
    t.sb.expireTokens('x');
    expect((await me(manifest)).status).toBe(200);
    const b = await xToken();
    expect((await me(b.access_token)).status).toBe(200);
    expect((await postJson('/__sandbox/reset', {})).status).toBe(200);
    expect((await me(b.access_token)).status).toBe(401);
    expect((await me(a.access_token)).status).toBe(401);
    expect((await get(url('/__sandbox/oauth/grants'))).body.grants).toEqual([]);
  });
});
