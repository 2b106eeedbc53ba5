import { SANDBOX_OAUTH_APPS } from '../index';
import type { Platform } from '../index';
import { account, get, start } from './helpers';
import type { Json, TestSandbox } from './helpers';
import { basicAuth, bearer, openConsent, pkce, postForm, submitConsent } from './oauth-helpers';

/**
 * The authorization code flow of every OAuth 2.0 platform over real HTTP: consent page → Allow →
 * code → token → the platform's API answering for the brand, then what goes wrong (PKCE, reused
 * code, redirect mismatch, denial, refresh and rotation, revocation, expiry).
 */
let t: TestSandbox;
const url = (p: string) => `${t.sb.url}${p}`;
const LI_HEADERS = { 'LinkedIn-Version': '202411', 'X-Restli-Protocol-Version': '2.0.0' };

interface Client {
  clientId: string;
  clientSecret: string;
}

interface FlowCase {
  platform: Platform;
  /** The authorize (consent) and token endpoints, below the sandbox prefix. */
  paths: [authorize: string, token: string];
  clientIdParam: 'client_id' | 'client_key';
  /** HTTP Basic client authentication (X, Reddit) instead of the secret in the form. */
  basic: boolean;
  scope: string;
  extraAuthorize?: Record<string, string>;
  /** Account to act as on the consent page (platforms that ask it). */
  actAs?: string;
  /** Account keys the consent page offers to act as (empty: it lists what is shared). */
  offered: string[];
  /** The platform's API with the issued token: the ids/handles of the brand data it answers for. */
  reach(token: string): Promise<string[]>;
  reached: string[];
  refresh: 'rotate' | 'keep' | 'none';
  /** Denial parameters the consent's Deny redirects with (besides state). */
  denial: Record<string, string>;
  /** Lifetime small enough to reach by moving the clock (else the admin `expire` is used). */
  clockTtlMs?: number;
}

async function json(path: string, init: RequestInit = {}): Promise<{ status: number; body: Json }> {
  return get(url(path), init);
}

const own = (platform: Platform) => [account(t.sb, platform, 'cafe-brule'), account(t.sb, platform, 'maison-lumiere')];

type CaseRow = Omit<FlowCase, 'clientIdParam' | 'basic' | 'offered' | 'denial'> & Partial<FlowCase>;
/**
 * Most platforms: `client_id`, the secret in the form, a standard `access_denied`; those that ask
 * which account to act as (`actAs`) offer both own brands.
 */
const flowCase = (row: CaseRow): FlowCase => ({
  clientIdParam: 'client_id',
  basic: false,
  offered: row.actAs ? ['maison-lumiere', 'cafe-brule'].map((b) => `${b}:${row.platform}`) : [],
  denial: { error: 'access_denied' },
  ...row,
});

const CASES: FlowCase[] = [
  flowCase({
    platform: 'youtube',
    paths: ['/youtube/o/oauth2/v2/auth', '/youtube/token'],
    scope: 'https://www.googleapis.com/auth/youtube.readonly https://www.googleapis.com/auth/yt-analytics.readonly',
    extraAuthorize: { access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true' },
    reach: async (token) => ((await json('/youtube/youtube/v3/channels?part=snippet&mine=true', bearer(token))).body.items ?? []).map((c: Json) => c.snippet.customUrl),
    reached: ['@cafebrule', '@maisonlumiere'],
    refresh: 'keep',
    clockTtlMs: 3600_000,
  }),
  flowCase({
    platform: 'x',
    paths: ['/x/i/oauth2/authorize', '/x/2/oauth2/token'],
    basic: true,
    scope: 'tweet.read users.read offline.access',
    actAs: 'cafe-brule:x',
    reach: async (token) => {
      const me = await json('/x/2/users/me', bearer(token));
      return me.body.data ? [me.body.data.username] : [];
    },
    reached: ['cafebrule'],
    refresh: 'rotate',
    clockTtlMs: 2 * 3600_000,
  }),
  flowCase({
    platform: 'linkedin',
    paths: ['/linkedin/oauth/v2/authorization', '/linkedin/oauth/v2/accessToken'],
    scope: 'r_organization_social rw_organization_admin',
    reach: async (token) => {
      const h = { headers: { authorization: `Bearer ${token}`, ...LI_HEADERS } };
      const acls = await json('/linkedin/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED', h);
      const out: string[] = [];
      for (const e of acls.body.elements ?? []) {
        expect(e).toMatchObject({ role: 'ADMINISTRATOR', state: 'APPROVED', roleAssignee: expect.stringMatching(/^urn:li:person:/) });
        const id = String(e.organization).replace('urn:li:organization:', '');
        const org = await json(`/linkedin/rest/organizations/${id}`, h);
        // Private statistics: only an administrator's token gets them.
        const stats = await json(`/linkedin/rest/organizationalEntityFollowerStatistics?q=organizationalEntity&organizationalEntity=${encodeURIComponent(e.organization)}`, h);
        if (stats.status === 200) out.push(org.body.vanityName);
      }
      return out;
    },
    reached: ['cafe-brule', 'maison-lumiere'],
    refresh: 'keep',
    denial: { error: 'user_cancelled_authorize' },
  }),
  flowCase({
    platform: 'tiktok',
    paths: ['/tiktok/v2/auth/authorize/', '/tiktok/v2/oauth/token/'],
    clientIdParam: 'client_key',
    scope: 'user.info.basic,user.info.stats,video.list',
    actAs: 'maison-lumiere:tiktok',
    reach: async (token) => {
      const r = await json('/tiktok/v2/user/info/?fields=open_id,username,follower_count', bearer(token));
      return r.body.data?.user ? [r.body.data.user.username] : [];
    },
    reached: ['maisonlumiere'],
    refresh: 'rotate',
  }),
  flowCase({
    platform: 'reddit',
    paths: ['/reddit/api/v1/authorize', '/reddit/api/v1/access_token'],
    basic: true,
    scope: 'identity read mysubreddits',
    extraAuthorize: { duration: 'permanent' },
    reach: async (token) => {
      const me = await json('/reddit/api/v1/me', bearer(token));
      if (me.status !== 200) return [];
      expect(me.body).toMatchObject({ name: expect.stringMatching(/_Officiel$/), id: expect.any(String) });
      const mods = await json('/reddit/subreddits/mine/moderator', bearer(token));
      return mods.body.data.children.map((c: Json) => `r/${c.data.display_name}`);
    },
    reached: ['r/CafeBrule', 'r/MaisonLumiere'],
    refresh: 'keep',
  }),
  flowCase({
    platform: 'mastodon',
    paths: ['/mastodon/oauth/authorize', '/mastodon/oauth/token'],
    scope: 'read write:statuses',
    actAs: 'cafe-brule:mastodon',
    reach: async (token) => {
      const me = await json('/mastodon/api/v1/accounts/verify_credentials', bearer(token));
      return me.status === 200 ? [me.body.acct] : [];
    },
    reached: ['cafebrule'],
    refresh: 'none',
  }),
];

const REDIRECT = (p: Platform) => `http://localhost:3000/api/connect/callback/${p}`;
let mastodonApp: Client;
const clientOf = (c: FlowCase): Client => (c.platform === 'mastodon' ? mastodonApp : SANDBOX_OAUTH_APPS.find((a) => a.platform === c.platform)!);

beforeAll(async () => {
  t = await start({ rateLimits: false });
  // Mastodon: the app registers itself on the instance first (JSON body, as the backend sends it).
  const reg = await get(url('/mastodon/api/v1/apps'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_name: 'Vigie', redirect_uris: REDIRECT('mastodon'), scopes: 'read write:statuses', website: 'https://vigie.example' }),
  });
  expect(reg.status).toBe(200);
  mastodonApp = { clientId: reg.body.client_id, clientSecret: reg.body.client_secret };
});
afterAll(() => t.sb.close());

function authorizeUrl(c: FlowCase, opts: { challenge?: string; state?: string; redirectUri?: string; clientId?: string; scope?: string } = {}): string {
  const q = new URLSearchParams({
    response_type: 'code',
    [c.clientIdParam]: opts.clientId ?? clientOf(c).clientId,
    redirect_uri: opts.redirectUri ?? REDIRECT(c.platform),
    scope: opts.scope ?? c.scope,
    state: opts.state ?? `st-${c.platform}-${Math.random()}`,
    ...(c.extraAuthorize ?? {}),
  });
  if (opts.challenge) {
    q.set('code_challenge', opts.challenge);
    q.set('code_challenge_method', 'S256');
  }
  return `${url(c.paths[0])}?${q}`;
}

/** Consent (Allow) and the code it redirects with. */
async function consentCode(c: FlowCase, opts: { challenge?: string; state?: string; scope?: string } = {}): Promise<{ code: string; back: URL; verifier?: string }> {
  const pair = opts.challenge ? undefined : pkce();
  const challenge = opts.challenge ?? pair!.challenge;
  const form = await openConsent(authorizeUrl(c, { ...opts, challenge }));
  const back = await submitConsent(form, 'allow', c.actAs);
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`no code in ${back.toString()}`);
  return { code, back, verifier: pair?.verifier };
}

function tokenRequest(c: FlowCase, form: Record<string, string>, client: Client = clientOf(c)) {
  const body = { ...form };
  const headers: Record<string, string> = {};
  if (c.basic) headers.authorization = basicAuth(client.clientId, client.clientSecret);
  else Object.assign(body, { [c.clientIdParam]: client.clientId, client_secret: client.clientSecret });
  return postForm(url(c.paths[1]), body, headers);
}

const exchange = (c: FlowCase, code: string, verifier: string | undefined, redirectUri = REDIRECT(c.platform)) =>
  tokenRequest(c, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...(verifier ? { code_verifier: verifier } : {}) });

async function connect(c: FlowCase, scope?: string): Promise<Json> {
  const { code, verifier } = await consentCode(c, { scope });
  const r = await exchange(c, code, verifier);
  expect([r.status, r.body.error]).toEqual([200, undefined]);
  return r.body;
}

const grantRefused = (r: { status: number; body: Json }) => {
  expect(r.status).toBeGreaterThanOrEqual(400);
  expect(r.status).toBeLessThan(500);
  expect(r.body.access_token).toBeUndefined();
  return r.body;
};

describe.each(CASES)('$platform OAuth 2.0', (c) => {
  it('consent page → Allow → code (state echoed) → token → the API answers for the brand', async () => {
    const form = await openConsent(authorizeUrl(c, { challenge: pkce().challenge }));
    expect(form.html).toContain(clientOf(c).clientId);
    expect(form.html).toContain('Camille Martin (sandbox)');
    for (const s of c.scope.split(/[ ,]/)) expect(form.html).toContain(s);
    expect(form.accounts).toEqual(expect.arrayContaining(c.offered));
    if (!c.offered.length) for (const a of own(c.platform)) expect(form.html).toContain(a.displayName.replace(/[’']/g, (ch) => (ch === "'" ? '&#39;' : ch)));

    const state = `s-${c.platform}-"<tag>&x`;
    const { code, back, verifier } = await consentCode(c, { state });
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT(c.platform));
    expect(back.searchParams.get('state')).toBe(state);
    const r = await exchange(c, code, verifier);
    expect(r.status).toBe(200);
    expect(r.body.access_token).toEqual(expect.any(String));
    if (c.platform === 'mastodon') {
      expect(r.body).toMatchObject({ token_type: 'Bearer', scope: c.scope, created_at: Math.floor(t.sb.now().getTime() / 1000) });
      expect(r.body.expires_in).toBeUndefined();
    } else expect(r.body.expires_in).toEqual(expect.any(Number));
    if (c.refresh !== 'none') expect(r.body.refresh_token).toEqual(expect.any(String));
    if (c.platform === 'tiktok') expect(r.body).toMatchObject({ open_id: account(t.sb, 'tiktok', 'maison-lumiere').externalId, token_type: 'Bearer', expires_in: 86400, refresh_expires_in: expect.any(Number) });
    if (c.platform === 'linkedin') expect(r.body).toMatchObject({ expires_in: 5_184_000, refresh_token_expires_in: expect.any(Number) });
    if (c.platform === 'youtube') expect(r.body).toMatchObject({ expires_in: 3599, token_type: 'Bearer' });
    if (c.platform === 'x') expect(r.body).toMatchObject({ expires_in: 7200, token_type: 'bearer' });
    expect((await c.reach(r.body.access_token)).sort()).toEqual(c.reached.sort());
  });

  it('Deny redirects with the platform’s denial parameters and the state, without a code', async () => {
    const form = await openConsent(authorizeUrl(c, { challenge: pkce().challenge, state: 'deny-me' }));
    const back = await submitConsent(form, 'deny');
    expect(back.searchParams.get('code')).toBeNull();
    expect(back.searchParams.get('state')).toBe('deny-me');
    for (const [k, v] of Object.entries(c.denial)) expect(back.searchParams.get(k)).toBe(v);
  });

  it('an unknown client_id gets an error page, never a redirect', async () => {
    const r = await fetch(authorizeUrl(c, { clientId: 'not-a-client' }), { redirect: 'manual' });
    expect(r.status).toBe(400);
    expect(r.headers.get('location')).toBeNull();
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await r.text()).toContain('id="sandbox-error"');
  });

  it('a wrong PKCE verifier, a reused code, a changed redirect_uri and a wrong secret are refused', async () => {
    const wrongVerifier = await consentCode(c);
    grantRefused(await exchange(c, wrongVerifier.code, pkce().verifier));

    const reused = await consentCode(c);
    expect((await exchange(c, reused.code, reused.verifier)).status).toBe(200);
    grantRefused(await exchange(c, reused.code, reused.verifier));

    const moved = await consentCode(c);
    grantRefused(await exchange(c, moved.code, moved.verifier, 'http://localhost:3000/elsewhere'));

    const secret = await consentCode(c);
    const bad = await tokenRequest(c, { grant_type: 'authorization_code', code: secret.code, redirect_uri: REDIRECT(c.platform), code_verifier: secret.verifier! }, { ...clientOf(c), clientSecret: 'wrong' });
    expect(bad.status).toBe(401);
    // The code was not spent by the refused attempt.
    expect((await exchange(c, secret.code, secret.verifier)).status).toBe(200);
  });

  it('a code lives 10 minutes on the sandbox clock', async () => {
    const { code, verifier } = await consentCode(c);
    await get(url('/__sandbox/clock'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: 10 * 60_000 + 1000 }) });
    grantRefused(await exchange(c, code, verifier));
  });

  if (c.refresh !== 'none') {
    it(`the refresh grant gives a working access token (${c.refresh === 'rotate' ? 'the refresh token rotates: the old one is refused' : 'the refresh token stays valid'})`, async () => {
      const first = await connect(c);
      const r = await tokenRequest(c, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
      expect(r.status).toBe(200);
      expect(r.body.access_token).not.toBe(first.access_token);
      expect((await c.reach(r.body.access_token)).sort()).toEqual(c.reached.sort());
      if (c.refresh === 'rotate') {
        expect(r.body.refresh_token).toEqual(expect.any(String));
        expect(r.body.refresh_token).not.toBe(first.refresh_token);
        grantRefused(await tokenRequest(c, { grant_type: 'refresh_token', refresh_token: first.refresh_token }));
        expect((await tokenRequest(c, { grant_type: 'refresh_token', refresh_token: r.body.refresh_token })).status).toBe(200);
      } else {
        // Google never sends a new refresh token on refresh; the old one keeps working.
        if (c.platform === 'youtube') expect(r.body.refresh_token).toBeUndefined();
        expect((await tokenRequest(c, { grant_type: 'refresh_token', refresh_token: first.refresh_token })).status).toBe(200);
      }
    });

    it('an expired access token is refused by the API; a refresh brings access back', async () => {
      const first = await connect(c);
      if (c.clockTtlMs) {
        await get(url('/__sandbox/clock'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: c.clockTtlMs + 1000 }) });
      } else {
        expect((await get(url('/__sandbox/oauth/expire'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ platform: c.platform }) })).body.expired).toBeGreaterThan(0);
      }
      expect(await c.reach(first.access_token)).toEqual([]);
      const r = await tokenRequest(c, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
      expect(r.status).toBe(200);
      expect((await c.reach(r.body.access_token)).sort()).toEqual(c.reached.sort());
    });
  }

  it('revoked by the admin endpoint: the API refuses the token and the refresh grant is invalid_grant', async () => {
    const first = await connect(c, c.platform === 'x' ? 'tweet.read users.read offline.access' : undefined);
    const rev = await get(url('/__sandbox/oauth/revoke'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ platform: c.platform }) });
    expect(rev.body.revoked).toBeGreaterThan(0);
    expect(await c.reach(first.access_token)).toEqual([]);
    if (c.refresh !== 'none') expect(grantRefused(await tokenRequest(c, { grant_type: 'refresh_token', refresh_token: first.refresh_token })).error).toBe('invalid_grant');
  });
});

describe('platform details', () => {
  const caseOf = (p: Platform) => CASES.find((c) => c.platform === p)!;

  it('X: PKCE is required (no challenge → error page); no offline.access → no refresh token', async () => {
    const x = caseOf('x');
    const r = await fetch(authorizeUrl(x), { redirect: 'manual' });
    expect([r.status, r.headers.get('location')]).toEqual([400, null]);
    const body = await connect(x, 'tweet.read users.read');
    expect(body.refresh_token).toBeUndefined();
  });

  it('X: the user token reads its own non-public metrics, as the account chosen on the consent page', async () => {
    const token = (await connect(caseOf('x'))).access_token;
    const me = account(t.sb, 'x', 'cafe-brule');
    const r = await json(`/x/2/users/${me.externalId}/tweets?tweet.fields=non_public_metrics,public_metrics&exclude=replies&max_results=5`, bearer(token));
    expect(r.status).toBe(200);
    expect(r.body.data[0].non_public_metrics).toMatchObject({ impression_count: expect.any(Number) });
    // Another brand's owned posts stay public-only for this token.
    const other = account(t.sb, 'x', 'maison-lumiere');
    const theirs = await json(`/x/2/users/${other.externalId}/tweets?tweet.fields=non_public_metrics&exclude=replies&max_results=5`, bearer(token));
    expect(theirs.body.data[0].non_public_metrics).toBeUndefined();
  });

  it('X and Google revoke endpoints end the grant (Google with the refresh token too)', async () => {
    const x = caseOf('x');
    const xt = await connect(x);
    const rx = await postForm(url('/x/2/oauth2/revoke'), { token: xt.access_token, token_type_hint: 'access_token' }, { authorization: basicAuth(clientOf(x).clientId, clientOf(x).clientSecret) });
    expect(rx.body).toEqual({ revoked: true });
    expect(await x.reach(xt.access_token)).toEqual([]);

    const yt = caseOf('youtube');
    const gt = await connect(yt);
    expect((await get(url(`/youtube/revoke?token=${encodeURIComponent(gt.refresh_token)}`), { method: 'POST' })).status).toBe(200);
    expect(await yt.reach(gt.access_token)).toEqual([]);
    const refused = await tokenRequest(yt, { grant_type: 'refresh_token', refresh_token: gt.refresh_token });
    expect([refused.status, refused.body]).toEqual([400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }]);
    expect((await get(url(`/youtube/revoke?token=${encodeURIComponent(gt.refresh_token)}`), { method: 'POST' })).body.error).toBe('invalid_token');
  });

  it('Google: an expired token gets 401 UNAUTHENTICATED from the Data API', async () => {
    const yt = caseOf('youtube');
    const gt = await connect(yt);
    await get(url('/__sandbox/oauth/expire'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ platform: 'youtube' }) });
    const r = await json('/youtube/youtube/v3/channels?part=snippet&mine=true', bearer(gt.access_token));
    expect(r.status).toBe(401);
    expect(r.body.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED', errors: [expect.objectContaining({ reason: 'authError' })] });
  });

  it('LinkedIn: expired and revoked member tokens get EXPIRED_ACCESS_TOKEN / REVOKED_ACCESS_TOKEN', async () => {
    const li = caseOf('linkedin');
    const org = account(t.sb, 'linkedin', 'maison-lumiere');
    const h = (token: string) => ({ headers: { authorization: `Bearer ${token}`, ...LI_HEADERS } });
    const posts = (token: string) => json(`/linkedin/rest/posts?q=author&author=${encodeURIComponent(`urn:li:organization:${org.externalId}`)}&count=5`, h(token));
    const a = await connect(li);
    expect((await posts(a.access_token)).status).toBe(200);
    await get(url('/__sandbox/oauth/expire'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ platform: 'linkedin' }) });
    expect((await posts(a.access_token)).body).toMatchObject({ status: 401, code: 'EXPIRED_ACCESS_TOKEN' });
    const b = await connect(li);
    t.sb.revokeGrants('linkedin', org.key);
    expect((await posts(b.access_token)).body).toMatchObject({ status: 401, code: 'REVOKED_ACCESS_TOKEN', serviceErrorCode: 65601 });
  });

  it('TikTok: errors carry a log_id; scope is comma-separated', async () => {
    const tt = caseOf('tiktok');
    const body = await connect(tt);
    expect(body.scope.split(',')).toEqual(expect.arrayContaining(['user.info.basic', 'video.list']));
    const refused = grantRefused(await tokenRequest(tt, { grant_type: 'authorization_code', code: 'nope', redirect_uri: REDIRECT('tiktok') }));
    expect(refused).toMatchObject({ error: 'invalid_grant', error_description: expect.any(String), log_id: expect.any(String) });
  });

  it('Reddit: a temporary duration gives no refresh token; the Basic client authentication is required', async () => {
    const rd = { ...caseOf('reddit'), extraAuthorize: { duration: 'temporary' } };
    const body = await connect(rd);
    expect(body.refresh_token).toBeUndefined();
    const { code } = await consentCode(caseOf('reddit'));
    const noBasic = await postForm(url('/reddit/api/v1/access_token'), { grant_type: 'authorization_code', code, redirect_uri: REDIRECT('reddit') });
    expect(noBasic.status).toBe(401);
  });

  it('Mastodon: app registration (form body too), registered redirect URIs enforced, revoke, verify_credentials as the chosen account', async () => {
    const reg = await postForm(url('/mastodon/api/v1/apps'), { client_name: 'Other app', redirect_uris: 'https://other.example/cb', scopes: 'read' });
    expect(reg.status).toBe(200);
    expect(Object.keys(reg.body)).toEqual(expect.arrayContaining(['id', 'name', 'website', 'redirect_uri', 'client_id', 'client_secret', 'vapid_key']));
    expect((await postForm(url('/mastodon/api/v1/apps'), { redirect_uris: 'https://other.example/cb' })).status).toBe(422);

    const m = caseOf('mastodon');
    const mismatch = await fetch(authorizeUrl(m, { redirectUri: 'https://evil.example/cb' }), { redirect: 'manual' });
    expect([mismatch.status, mismatch.headers.get('location')]).toEqual([400, null]);

    const token = (await connect(m)).access_token;
    const me = await json('/mastodon/api/v1/accounts/verify_credentials', bearer(token));
    expect(me.body).toMatchObject({ id: account(t.sb, 'mastodon', 'cafe-brule').externalId, acct: 'cafebrule' });
    // The token also opens the instance's authenticated search.
    expect((await json('/mastodon/api/v2/search?q=caf%C3%A9&type=statuses', bearer(token))).status).toBe(200);
    expect((await postForm(url('/mastodon/oauth/revoke'), { token, client_id: mastodonApp.clientId, client_secret: mastodonApp.clientSecret })).status).toBe(200);
    expect(await json('/mastodon/api/v1/accounts/verify_credentials', bearer(token))).toMatchObject({ status: 401, body: { error: 'The access token was revoked' } });
  });

  it('Mastodon also knows the demo app vigie-sandbox-mastodon', async () => {
    const demo = SANDBOX_OAUTH_APPS.find((a) => a.platform === 'mastodon')!;
    expect(demo).toMatchObject({ clientId: 'vigie-sandbox-mastodon', clientSecret: 'sandbox-secret-mastodon' });
    const m = { ...caseOf('mastodon') };
    const form = await openConsent(authorizeUrl(m, { clientId: demo.clientId }));
    const code = (await submitConsent(form, 'allow')).searchParams.get('code')!;
    const r = await postForm(url('/mastodon/oauth/token'), { grant_type: 'authorization_code', code, redirect_uri: REDIRECT('mastodon'), client_id: demo.clientId, client_secret: demo.clientSecret });
    // No PKCE in this request: none was asked at authorize time either.
    expect(r.status).toBe(200);
  });

  it('everything echoed into the consent page is escaped', async () => {
    const m = caseOf('x');
    const form = await openConsent(authorizeUrl(m, { challenge: pkce().challenge, state: '"><script>alert(1)</script>', scope: 'tweet.read <img src=x onerror=alert(1)>' }));
    expect(form.html).not.toContain('<script>alert');
    expect(form.html).not.toContain('<img src=x');
    expect(form.fields.get('state')).toBe('"><script>alert(1)</script>');
  });
});
