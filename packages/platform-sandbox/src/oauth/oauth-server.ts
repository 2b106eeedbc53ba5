import { randomBytes } from 'node:crypto';
import { MASTODON_DOMAIN, SANDBOX_ACCOUNTS, blueskyAppPassword, redditBrandUser } from '../accounts';
import type { Ctx, Reply } from '../http/context';
import { idString } from '../rng';
import type { Platform, SandboxAccount } from '../types';
import { consentPage, errorPage, type ConsentChoice } from './consent-page';
import { OAUTH_FLOWS, SANDBOX_OAUTH_APPS, type OAuthFlow } from './flows';
import { GrantStore, type Grant } from './grants';
import { deadTokenError, graphDeadToken } from './token-errors';

const META_LONG_LIVED_SEC = 60 * 24 * 3600;
const BLUESKY_ACCESS_SEC = 2 * 3600;
const BLUESKY_REFRESH_SEC = 90 * 24 * 3600;

/** The deterministic app password of an own Bluesky account (also `SandboxAccount.appPassword`). */
export { blueskyAppPassword };

/** Accounts the sandbox user ("Camille Martin") administers on a platform: the own brands'. */
function ownAccounts(platform: Platform): SandboxAccount[] {
  return SANDBOX_ACCOUNTS.filter((a) => a.platform === platform && a.brandKind === 'own');
}

interface MastodonApp {
  clientSecret: string;
  redirectUris: string[];
  name: string;
}

type Resolved = { tokenAccount?: SandboxAccount; tokenAccounts?: SandboxAccount[] };

const oauthError = (status: number, error: string, description: string): Reply => ({ status, body: { error, error_description: description } });

function graphOAuthError(message: string, code = 100, subcode?: number): Reply {
  return { status: 400, body: { error: { message, type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: `A${randomBytes(8).toString('hex')}` } } };
}

function tokenError(flow: OAuthFlow, status: number, error: string, description: string): Reply {
  if (flow.platform === 'facebook') return graphOAuthError(description, status === 401 ? 101 : 100);
  if (flow.platform === 'tiktok') return { status, body: { error, error_description: description, log_id: randomBytes(10).toString('hex') } };
  return oauthError(status, error, description);
}

function params(ctx: Ctx): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(ctx.query);
  if (ctx.body && typeof ctx.body === 'object' && !Array.isArray(ctx.body)) {
    for (const [k, v] of Object.entries(ctx.body as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

function redirect(to: string, query: Record<string, string>): Reply {
  const u = new URL(to);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  return { status: 302, body: '', headers: { location: u.toString() } };
}

/**
 * The platforms' OAuth authorization servers (consent page, code, token, refresh, revoke), Mastodon
 * app registration, Bluesky app-password sessions, and the identity endpoints a "Connect" needs
 * (Meta `me/accounts`, LinkedIn `organizationAcls`, X `users/me`, Reddit `me` and moderated
 * subreddits, Mastodon `verify_credentials`, YouTube `channels?mine=true`).
 */
export class OAuthServer {
  readonly store = new GrantStore();
  private mastodonApps = new Map<string, MastodonApp>();

  reset(): void {
    this.store.clear();
    this.mastodonApps.clear();
  }

  /** Who an issued token acts for on this platform (nothing when it is not one of ours, or no longer works). */
  resolve(platform: Platform, token: string, now: number): Resolved {
    const t = this.store.lookup(token, platform, now);
    if (!t || typeof t === 'string') return {};
    const reach = t.accounts.filter((a) => a.platform === platform);
    return reach.length === 1 ? { tokenAccount: reach[0], tokenAccounts: reach } : { tokenAccounts: reach };
  }

  /**
   * The API's refusal of an issued token that expired or was revoked, in the platform's words
   * (Graph #190/463, Google 401 UNAUTHENTICATED, LinkedIn EXPIRED_ACCESS_TOKEN, Bluesky
   * ExpiredToken…); null when the token is not an issued one or the module's own error says it all.
   */
  tokenError(ctx: Ctx): Reply | null {
    const dead = ctx.token ? this.store.dead(ctx.token, ctx.platform, ctx.now) : undefined;
    return dead ? deadTokenError(ctx, dead) : null;
  }

  /** The reply to an OAuth or identity request, or null when the platform's API module serves it. */
  handle(ctx: Ctx): Reply | null {
    const flow = OAUTH_FLOWS.find((f) => f.platform === ctx.platform);
    if (flow && flow.authorizePath.test(ctx.path)) return this.authorize(ctx, flow);
    if (flow && flow.tokenPath.test(ctx.path) && ctx.method === flow.tokenMethod) return this.token(ctx, flow);
    switch (ctx.platform) {
      case 'facebook':
        return /^\/v\d+\.\d+\/me\/accounts\/?$/.test(ctx.path) ? this.metaPages(ctx) : null;
      case 'linkedin':
        return ctx.path === '/rest/organizationAcls' ? this.linkedinAcls(ctx) : null;
      case 'x':
        if (ctx.path === '/2/users/me') return this.xMe(ctx);
        return ctx.path === '/2/oauth2/revoke' && ctx.method === 'POST' ? this.revokeToken(ctx) : null;
      case 'youtube':
        if (ctx.path === '/revoke' && ctx.method === 'POST') return this.revokeToken(ctx);
        if (ctx.path === '/youtube/v3/channels' && ctx.query.get('mine') === 'true') this.mineToIds(ctx);
        return null;
      case 'reddit':
        if (ctx.path === '/api/v1/me') return this.redditMe(ctx);
        return ctx.path === '/subreddits/mine/moderator' ? this.redditModerated(ctx) : null;
      case 'mastodon':
        if (ctx.path === '/api/v1/apps' && ctx.method === 'POST') return this.registerMastodonApp(ctx);
        if (ctx.path === '/oauth/revoke' && ctx.method === 'POST') return this.revokeToken(ctx);
        return ctx.path === '/api/v1/accounts/verify_credentials' ? this.mastodonMe(ctx) : null;
      case 'bluesky':
        if (ctx.path === '/xrpc/com.atproto.server.createSession' && ctx.method === 'POST') return this.blueskyCreateSession(ctx);
        return ctx.path === '/xrpc/com.atproto.server.refreshSession' && ctx.method === 'POST' ? this.blueskyRefreshSession(ctx) : null;
      default:
        return null;
    }
  }

  // ---- authorization code flow ----

  private clientOf(flow: OAuthFlow, clientId: string | undefined): { secret: string; redirectUris: string[] | null; name: string } | null {
    if (!clientId) return null;
    const registered = flow.platform === 'mastodon' ? this.mastodonApps.get(clientId) : undefined;
    if (registered) return { secret: registered.clientSecret, redirectUris: registered.redirectUris, name: registered.name };
    const app = SANDBOX_OAUTH_APPS.find((a) => a.platform === flow.platform && a.clientId === clientId);
    // The demo apps accept any redirect URI (they stand for an app registered with Vigie's).
    return app ? { secret: app.clientSecret, redirectUris: null, name: 'Vigie (sandbox app)' } : null;
  }

  /** Meta's consent reaches the Pages and their Instagram accounts; the others one platform's accounts. */
  private choices(flow: OAuthFlow): SandboxAccount[] {
    return flow.platform === 'facebook' ? [...ownAccounts('facebook'), ...ownAccounts('instagram')] : ownAccounts(flow.platform);
  }

  private authorize(ctx: Ctx, flow: OAuthFlow): Reply {
    const p = params(ctx);
    const clientId = p[flow.clientIdParam];
    const client = this.clientOf(flow, clientId);
    if (!client) return errorPage(flow.name, `Invalid client: ${clientId ? `"${clientId}" is not a registered app` : `${flow.clientIdParam} is missing`}.`);
    const redirectUri = p.redirect_uri;
    let target: URL;
    try {
      target = new URL(redirectUri ?? '');
    } catch {
      return errorPage(flow.name, 'redirect_uri is missing or not an absolute URL.');
    }
    if (client.redirectUris && !client.redirectUris.includes(redirectUri)) return errorPage(flow.name, 'The redirect URI included is not valid.');
    if (p.response_type !== 'code') return errorPage(flow.name, 'response_type must be "code".');
    if (flow.pkceRequired && !p.code_challenge) return errorPage(flow.name, 'code_challenge is required (PKCE S256).');
    if (p.code_challenge && (p.code_challenge_method ?? 'plain') !== 'S256') return errorPage(flow.name, 'code_challenge_method must be S256.');
    const state: Record<string, string> = p.state ? { state: p.state } : {};
    const accounts = this.choices(flow);
    if (ctx.method !== 'POST' || !p.sandbox_decision) {
      const hidden = Object.fromEntries(Object.entries(p).filter(([k]) => !k.startsWith('sandbox_')));
      const choices: ConsentChoice[] = accounts.map((a) => ({ key: a.key, label: `${a.displayName} · ${a.platform} ${a.handle}` }));
      return consentPage({ platform: flow.name, appName: client.name, clientId: clientId!, scopes: (p.scope ?? '').split(/[ ,+]/).filter(Boolean), hidden, choices, pickOne: flow.reach === 'pick-one' });
    }
    if (p.sandbox_decision !== 'allow') return redirect(target.toString(), { ...flow.denial, ...state });
    const picked = flow.reach === 'pick-one' ? accounts.filter((a) => a.key === (p.sandbox_account ?? accounts[0]?.key)) : accounts;
    if (!picked.length) return errorPage(flow.name, 'Choose an account to continue.');
    const grant = this.store.newGrant(flow.platform, clientId!, picked, p.scope ?? '');
    const code = this.store.issueCode(grant, redirectUri, p.code_challenge ?? null, flow.givesRefresh(new URLSearchParams(p)), ctx.now);
    return redirect(target.toString(), { code, ...state });
  }

  private token(ctx: Ctx, flow: OAuthFlow): Reply {
    const p = params(ctx);
    let clientId = p[flow.clientIdParam];
    let secret = p.client_secret;
    const basic = /^Basic\s+(.+)$/i.exec(String(ctx.headers.authorization ?? ''));
    if (basic) {
      const [id, ...rest] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      clientId = decodeURIComponent(id);
      secret = decodeURIComponent(rest.join(':'));
    }
    const client = this.clientOf(flow, clientId);
    if (!client || client.secret !== secret) return tokenError(flow, 401, 'invalid_client', 'Client authentication failed');
    const grantType = p.grant_type ?? (flow.platform === 'facebook' && p.code ? 'authorization_code' : undefined);
    if (grantType === 'authorization_code') {
      const c = this.store.redeem(p.code ?? '', clientId!, p.redirect_uri ?? null, p.code_verifier ?? null, flow.pkceRequired, ctx.now);
      if (typeof c === 'string') return tokenError(flow, 400, 'invalid_grant', c);
      return { status: 200, body: this.tokens(flow, c.grant, c.givesRefresh && flow.refresh !== 'none', ctx.now) };
    }
    if (grantType === 'refresh_token' && flow.refresh !== 'none') {
      const g = this.store.useRefresh(p.refresh_token ?? '', clientId!, flow.refresh === 'rotate');
      if (typeof g === 'string') return tokenError(flow, 400, 'invalid_grant', g);
      const body = this.tokens(flow, g, flow.refresh === 'rotate', ctx.now);
      return { status: 200, body: flow.refresh === 'keep' && flow.platform === 'linkedin' ? { ...body, refresh_token: p.refresh_token } : body };
    }
    if (grantType === 'fb_exchange_token' && flow.platform === 'facebook') {
      const t = this.store.lookup(p.fb_exchange_token ?? '', 'facebook', ctx.now);
      const dead = this.store.dead(p.fb_exchange_token ?? '', 'facebook', ctx.now);
      if (dead) return graphDeadToken(ctx, dead);
      if (!t || typeof t === 'string' || t.kind !== 'user') return graphOAuthError('Invalid OAuth access token - Cannot parse access token', 190);
      const token = this.store.issueAccess(t.grant, ['facebook', 'instagram'], t.grant.accounts, META_LONG_LIVED_SEC, 'user', ctx.now, 'EAAl');
      return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: META_LONG_LIVED_SEC } };
    }
    return tokenError(flow, 400, 'unsupported_grant_type', `grant_type "${grantType ?? ''}" is not supported`);
  }

  private tokens(flow: OAuthFlow, grant: Grant, withRefresh: boolean, now: number): Record<string, unknown> {
    const platforms: Platform[] = flow.platform === 'facebook' ? ['facebook', 'instagram'] : [flow.platform];
    const accessToken = this.store.issueAccess(grant, platforms, grant.accounts, flow.accessTtl, 'user', now, flow.platform === 'facebook' ? 'EAAs' : 'at_');
    const refreshToken = withRefresh ? this.store.issueRefresh(grant) : null;
    return flow.tokenReply({ accessToken, refreshToken, scope: grant.scope, openId: grant.accounts[0]?.externalId, createdAt: now });
  }

  private revokeToken(ctx: Ctx): Reply {
    const revoked = this.store.revokeToken(params(ctx).token ?? '');
    // Google refuses a token it does not know (or no longer honours); X and Mastodon answer alike.
    if (!revoked && ctx.platform === 'youtube') return oauthError(400, 'invalid_token', 'Token expired or revoked');
    return { status: 200, body: ctx.platform === 'x' ? { revoked: true } : {} };
  }

  // ---- identity endpoints ----

  private caller(ctx: Ctx): SandboxAccount[] | null {
    return ctx.tokenAccounts?.length ? ctx.tokenAccounts : ctx.tokenAccount ? [ctx.tokenAccount] : null;
  }

  private metaPages(ctx: Ctx): Reply {
    const t = ctx.token ? this.store.lookup(ctx.token, 'facebook', ctx.now) : undefined;
    const dead = ctx.token ? this.store.dead(ctx.token, 'facebook', ctx.now) : undefined;
    if (dead) return graphDeadToken(ctx, dead);
    if (!t || typeof t === 'string' || t.kind !== 'user') return graphOAuthError('An active access token must be used to query information about the current user.', 2500);
    const pages = t.accounts.filter((a) => a.platform === 'facebook');
    const data = pages.map((page) => {
      const ig = t.accounts.find((a) => a.platform === 'instagram' && a.brandSlug === page.brandSlug);
      return {
        id: page.externalId,
        name: page.displayName,
        username: page.handle,
        access_token: this.store.issueAccess(t.grant, ['facebook'], [page], null, 'page', ctx.now, 'EAAp'),
        ...(ig ? { instagram_business_account: { id: ig.externalId, username: ig.handle, name: ig.displayName } } : {}),
      };
    });
    return { status: 200, body: { data, paging: { cursors: { before: 'QVFIUk', after: 'QVFIUm' } } } };
  }

  private linkedinAcls(ctx: Ctx): Reply {
    const orgs = (this.caller(ctx) ?? []).filter((a) => a.platform === 'linkedin');
    if (!this.caller(ctx)) return this.tokenError(ctx) ?? { status: 401, body: { status: 401, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' } };
    const person = `urn:li:person:${idString('li-member|camille', 10)}`;
    return {
      status: 200,
      body: { paging: { start: 0, count: 10, total: orgs.length, links: [] }, elements: orgs.map((o) => ({ roleAssignee: person, state: 'APPROVED', role: 'ADMINISTRATOR', organization: `urn:li:organization:${o.externalId}` })) },
    };
  }

  private xMe(ctx: Ctx): Reply {
    const me = ctx.tokenAccount;
    if (!me) return { status: 401, body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } };
    return { status: 200, body: { data: { id: me.externalId, name: me.displayName, username: me.handle } } };
  }

  private mineToIds(ctx: Ctx): void {
    const ids = (this.caller(ctx) ?? []).filter((a) => a.platform === 'youtube').map((a) => a.externalId);
    ctx.query.delete('mine');
    // A token reaching no channel lists none (an unknown id matches nothing).
    ctx.query.set('id', ids.length ? ids.join(',') : 'UC_none');
  }

  private redditMe(ctx: Ctx): Reply {
    const subs = this.caller(ctx);
    if (!subs) return { status: 401, body: { message: 'Unauthorized', error: 401 } };
    const name = redditBrandUser(subs[0].brandSlug);
    return { status: 200, body: { name, id: idString(`rd-user|${name}`, 8, '0123456789abcdefghijklmnopqrstuvwxyz'), is_mod: true, created_utc: 1_500_000_000 } };
  }

  private redditModerated(ctx: Ctx): Reply {
    const subs = (this.caller(ctx) ?? []).filter((a) => a.platform === 'reddit');
    if (!this.caller(ctx)) return { status: 401, body: { message: 'Unauthorized', error: 401 } };
    const children = subs.map((s) => ({ kind: 't5', data: { name: s.externalId, display_name: s.handle.replace(/^r\//, ''), title: s.displayName, url: `/${s.handle}/`, user_is_moderator: true } }));
    return { status: 200, body: { kind: 'Listing', data: { after: null, before: null, dist: children.length, children } } };
  }

  private registerMastodonApp(ctx: Ctx): Reply {
    const p = params(ctx);
    const redirectUris = (p.redirect_uris ?? '').split(/\s+/).filter(Boolean);
    if (!p.client_name) return { status: 422, body: { error: "Validation failed: Application name can't be blank" } };
    if (!redirectUris.length) return { status: 422, body: { error: "Validation failed: Redirect URI can't be blank" } };
    const clientId = randomBytes(24).toString('base64url');
    const clientSecret = randomBytes(24).toString('base64url');
    this.mastodonApps.set(clientId, { clientSecret, redirectUris, name: p.client_name });
    return {
      status: 200,
      body: { id: String(100 + this.mastodonApps.size), name: p.client_name, website: p.website ?? null, scopes: (p.scopes ?? 'read').split(' '), redirect_uri: redirectUris.join('\n'), redirect_uris: redirectUris, client_id: clientId, client_secret: clientSecret, vapid_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=' },
    };
  }

  private mastodonMe(ctx: Ctx): Reply {
    const me = ctx.tokenAccount;
    if (!me) return this.tokenError(ctx) ?? { status: 401, body: { error: 'The access token is invalid' } };
    const username = me.handle.split('@')[0];
    return { status: 200, body: { id: me.externalId, username, acct: username, display_name: me.displayName, url: `https://${MASTODON_DOMAIN}/@${username}`, locked: false, bot: false } };
  }

  // ---- Bluesky app passwords ----

  private session(account: SandboxAccount, grant: Grant, now: number): Record<string, unknown> {
    const jwt = (kind: string, ttl: number) => {
      const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${b64({ typ: kind, alg: 'ES256K' })}.${b64({ scope: kind === 'refresh+jwt' ? 'com.atproto.refresh' : 'com.atproto.appPass', sub: account.externalId, iat: Math.floor(now / 1000), exp: Math.floor(now / 1000) + ttl, jti: randomBytes(8).toString('hex') })}.${randomBytes(32).toString('base64url')}`;
    };
    const accessJwt = jwt('at+jwt', BLUESKY_ACCESS_SEC);
    const refreshJwt = jwt('refresh+jwt', BLUESKY_REFRESH_SEC);
    this.store.register(accessJwt, { grant, platforms: ['bluesky'], accounts: [account], expiresAt: now + BLUESKY_ACCESS_SEC * 1000, kind: 'session' });
    this.store.registerRefresh(refreshJwt, grant);
    return { did: account.externalId, handle: account.handle, email: `${account.brandSlug}@example.com`, emailConfirmed: true, accessJwt, refreshJwt, active: true };
  }

  private blueskyCreateSession(ctx: Ctx): Reply {
    const p = params(ctx);
    const id = (p.identifier ?? '').toLowerCase();
    const account = ownAccounts('bluesky').find((a) => a.handle.toLowerCase() === id || a.externalId === id || `${a.brandSlug}@example.com` === id);
    if (!account || p.password !== blueskyAppPassword(account.key)) {
      return { status: 401, body: { error: 'AuthenticationRequired', message: 'Invalid identifier or password' } };
    }
    return { status: 200, body: this.session(account, this.store.newGrant('bluesky', 'app-password', [account], 'com.atproto.appPass'), ctx.now) };
  }

  private blueskyRefreshSession(ctx: Ctx): Reply {
    const g = this.store.useRefresh(ctx.token ?? '', 'app-password', true);
    if (typeof g === 'string') return { status: 400, body: { error: 'ExpiredToken', message: 'Token has been revoked' } };
    return { status: 200, body: this.session(g.accounts[0], g, ctx.now) };
  }
}


