import { SANDBOX_OAUTH_APPS } from '../index';
import { account, get, start } from './helpers';
import type { Json, TestSandbox } from './helpers';
import { openConsent, pkce, submitConsent } from './oauth-helpers';

/**
 * Facebook Login for Business over real HTTP: the dialog, the short-lived user token, its 60-day
 * exchange, `me/accounts` with a Page token per Page and the linked Instagram accounts, then the
 * existing Graph endpoints answering those tokens like the manifest's, and Graph's OAuth errors.
 */
let t: TestSandbox;
const url = (p: string) => `${t.sb.url}${p}`;
const app = () => SANDBOX_OAUTH_APPS.find((a) => a.platform === 'facebook')!;
const REDIRECT = 'http://localhost:3000/api/connect/callback/facebook';
const SCOPES = 'pages_show_list,pages_read_engagement,read_insights,instagram_basic,instagram_manage_insights';

beforeAll(async () => {
  t = await start({ rateLimits: false });
});
afterAll(() => t.sb.close());

const dialogUrl = (challenge: string, state = 'meta-state', redirectUri = REDIRECT, clientId = app().clientId) =>
  url(`/facebook/v21.0/dialog/oauth?${new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, state, scope: SCOPES, response_type: 'code', code_challenge: challenge, code_challenge_method: 'S256' })}`);

async function code(state?: string): Promise<{ code: string; verifier: string; back: URL }> {
  const { verifier, challenge } = pkce();
  const back = await submitConsent(await openConsent(dialogUrl(challenge, state)), 'allow');
  return { code: back.searchParams.get('code')!, verifier, back };
}

const accessToken = (q: Record<string, string>, version = 'v21.0') => get(url(`/facebook/${version}/oauth/access_token?${new URLSearchParams({ client_id: app().clientId, client_secret: app().clientSecret, ...q })}`));
const exchange = (c: string, verifier: string, redirectUri = REDIRECT) => accessToken({ redirect_uri: redirectUri, code: c, code_verifier: verifier });
const longLived = (token: string) => accessToken({ grant_type: 'fb_exchange_token', fb_exchange_token: token });
const pages = (token: string) => get(url(`/facebook/v21.0/me/accounts?${new URLSearchParams({ fields: 'id,name,access_token,instagram_business_account{id,username}', access_token: token })}`));

const DAY_S = 86400;
const since = () => Math.floor(t.sb.now().getTime() / 1000) - 7 * DAY_S;
const pageInsights = (pageId: string, token: string) => get(url(`/facebook/v21.0/${pageId}/insights?metric=page_follows&period=day&since=${since()}&until=${since() + 6 * DAY_S}&access_token=${token}`));
const igInsights = (igId: string, token: string) => get(url(`/instagram/v22.0/${igId}/insights?metric=reach,follower_count&period=day&access_token=${token}`));

const graphError = (r: { status: number; body: Json }) => {
  expect(r.status).toBe(400);
  expect(r.body.error).toMatchObject({ type: 'OAuthException', code: expect.any(Number), fbtrace_id: expect.any(String) });
  return r.body.error;
};

describe('Meta (Facebook Login for Business)', () => {
  it('dialog → Allow → short-lived token → 60-day token → Pages with Page tokens and their Instagram accounts', async () => {
    const form = await openConsent(dialogUrl(pkce().challenge));
    expect(form.html).toContain(app().clientId);
    expect(form.html).toContain('Camille Martin (sandbox)');
    expect(form.html).toContain('read_insights');

    const c = await code('st/with?chars&=');
    expect(`${c.back.origin}${c.back.pathname}`).toBe(REDIRECT);
    expect(c.back.searchParams.get('state')).toBe('st/with?chars&=');
    const short = await exchange(c.code, c.verifier);
    expect(short.status).toBe(200);
    expect(short.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: expect.any(Number) });
    expect(short.body.expires_in).toBeGreaterThanOrEqual(3600);
    expect(short.body.expires_in).toBeLessThanOrEqual(7200);

    const long = await longLived(short.body.access_token);
    expect(long.status).toBe(200);
    expect(long.body).toMatchObject({ token_type: 'bearer', expires_in: 60 * DAY_S });

    const list = await pages(long.body.access_token);
    expect(list.status).toBe(200);
    expect(list.body.paging).toBeDefined();
    const byId = new Map<string, Json>(list.body.data.map((p: Json) => [p.id, p]));
    for (const brand of ['maison-lumiere', 'cafe-brule']) {
      const page = account(t.sb, 'facebook', brand);
      const ig = account(t.sb, 'instagram', brand);
      expect(byId.get(page.externalId)).toMatchObject({ name: page.displayName, access_token: expect.any(String), instagram_business_account: { id: ig.externalId, username: ig.handle } });
    }
    expect(byId.size).toBe(2);
  });

  it('a Page token reads its own Page’s insights like the manifest token, not the other brand’s; the user token reads both Instagram accounts', async () => {
    const c = await code();
    const user = (await longLived((await exchange(c.code, c.verifier)).body.access_token)).body.access_token;
    const list = (await pages(user)).body.data as Json[];
    const ml = account(t.sb, 'facebook', 'maison-lumiere');
    const cb = account(t.sb, 'facebook', 'cafe-brule');
    const mlToken = list.find((p) => p.id === ml.externalId)!.access_token;

    const mine = await pageInsights(ml.externalId, mlToken);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual((await pageInsights(ml.externalId, ml.token)).body);
    const theirs = await pageInsights(cb.externalId, mlToken);
    expect([theirs.status, theirs.body.error.code]).toEqual([403, 10]);
    expect((await get(url(`/facebook/v21.0/${ml.externalId}/posts?limit=5&access_token=${mlToken}`))).body.data.length).toBeGreaterThan(0);

    for (const brand of ['maison-lumiere', 'cafe-brule']) {
      const ig = account(t.sb, 'instagram', brand);
      const r = await igInsights(ig.externalId, user);
      expect([r.status, r.body.data?.map((m: Json) => m.name)]).toEqual([200, ['reach', 'follower_count']]);
    }
  });

  it('code reuse, wrong PKCE verifier, changed redirect_uri and wrong secret get Graph errors', async () => {
    const reused = await code();
    expect((await exchange(reused.code, reused.verifier)).status).toBe(200);
    expect(graphError(await exchange(reused.code, reused.verifier))).toMatchObject({ code: 100, message: expect.stringMatching(/^This authorization code has been used/) });

    const wrong = await code();
    expect(graphError(await exchange(wrong.code, pkce().verifier)).code).toBe(100);
    const moved = await code();
    expect(graphError(await exchange(moved.code, moved.verifier, 'http://localhost:3000/other')).code).toBe(100);
    const secret = await code();
    const bad = await get(url(`/facebook/v21.0/oauth/access_token?${new URLSearchParams({ client_id: app().clientId, client_secret: 'nope', redirect_uri: REDIRECT, code: secret.code, code_verifier: secret.verifier })}`));
    expect(graphError(bad).code).not.toBe(190);
  });

  it('any vNN.N version prefix is accepted', async () => {
    const c = await code();
    expect((await accessToken({ redirect_uri: REDIRECT, code: c.code, code_verifier: c.verifier }, 'v19.0')).status).toBe(200);
  });

  it('Deny redirects with Meta’s denial parameters and the state', async () => {
    const back = await submitConsent(await openConsent(dialogUrl(pkce().challenge, 'no-thanks')), 'deny');
    expect(Object.fromEntries(back.searchParams)).toEqual({ error: 'access_denied', error_code: '200', error_description: 'Permissions error', error_reason: 'user_denied', state: 'no-thanks' });
  });

  it('an unknown app id is an error page, not a redirect', async () => {
    const r = await fetch(dialogUrl(pkce().challenge, 's', REDIRECT, '999'), { redirect: 'manual' });
    expect([r.status, r.headers.get('location')]).toEqual([400, null]);
  });

  it('the short-lived token expires on the sandbox clock (#190 subcode 463); it can no longer be exchanged', async () => {
    const c = await code();
    const short = (await exchange(c.code, c.verifier)).body;
    const ig = account(t.sb, 'instagram', 'maison-lumiere');
    expect((await igInsights(ig.externalId, short.access_token)).status).toBe(200);
    t.sb.advanceClock(short.expires_in * 1000 + 1000);
    const expired = graphError(await igInsights(ig.externalId, short.access_token));
    expect(expired).toMatchObject({ code: 190, error_subcode: 463, message: expect.stringMatching(/^Error validating access token: Session has expired on \w+day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[SD]T\. The current time is/) });
    expect(graphError(await longLived(short.access_token))).toMatchObject({ code: 190, error_subcode: 463 });
  });

  it('a revoked consent invalidates the user and Page tokens (#190 subcode 460)', async () => {
    const c = await code();
    const user = (await longLived((await exchange(c.code, c.verifier)).body.access_token)).body.access_token;
    const page = (await pages(user)).body.data[0] as Json;
    const revoked = await get(url('/__sandbox/oauth/revoke'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ platform: 'facebook' }) });
    expect(revoked.body.revoked).toBeGreaterThan(0);
    expect(graphError(await pageInsights(page.id, page.access_token))).toMatchObject({ code: 190, error_subcode: 460 });
    expect(graphError(await igInsights(account(t.sb, 'instagram', 'cafe-brule').externalId, user))).toMatchObject({ code: 190, error_subcode: 460 });
    expect(graphError(await pages(user))).toMatchObject({ code: 190 });
  });
});
