import type { Platform } from '../types';

/**
 * Each platform's OAuth 2.0 authorization server as it really behaves: paths (below the
 * platform's sandbox prefix, which stands for all its hosts — www.facebook.com and
 * graph.facebook.com alike), parameter names, client authentication, token lifetimes, refresh
 * behaviour and the denial parameters of the consent page.
 */
export interface OAuthFlow {
  platform: Platform;
  name: string;
  /** `/v21.0/dialog/oauth` etc.; Graph versions vary, hence patterns. */
  authorizePath: RegExp;
  tokenPath: RegExp;
  tokenMethod: 'GET' | 'POST';
  clientIdParam: 'client_id' | 'client_key';
  /** PKCE S256 is mandatory (X) or used when the authorize request carried a challenge. */
  pkceRequired: boolean;
  /** Access token lifetime in seconds (null: no expiry, Mastodon). */
  accessTtl: number | null;
  refresh: 'none' | 'keep' | 'rotate';
  /** Whether this authorization gets a refresh token (Google offline, X offline.access, Reddit permanent). */
  givesRefresh(authorize: URLSearchParams): boolean;
  /** One account picked on the consent page, or every own account of the platform. */
  reach: 'pick-one' | 'all';
  /** Query parameters the platform appends to the redirect when the user refuses. */
  denial: Record<string, string>;
  tokenReply(t: { accessToken: string; refreshToken: string | null; scope: string; openId?: string; createdAt: number }): Record<string, unknown>;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

const standardDenial = { error: 'access_denied', error_description: 'The user denied the request' };

export const OAUTH_FLOWS: readonly OAuthFlow[] = [
  {
    platform: 'facebook',
    name: 'Facebook',
    authorizePath: /^\/v\d+\.\d+\/dialog\/oauth\/?$/,
    tokenPath: /^\/v\d+\.\d+\/oauth\/access_token\/?$/,
    tokenMethod: 'GET',
    clientIdParam: 'client_id',
    pkceRequired: false,
    accessTtl: 2 * HOUR,
    refresh: 'none',
    givesRefresh: () => false,
    reach: 'all',
    denial: { error: 'access_denied', error_code: '200', error_description: 'Permissions error', error_reason: 'user_denied' },
    tokenReply: (t) => ({ access_token: t.accessToken, token_type: 'bearer', expires_in: 2 * HOUR }),
  },
  {
    platform: 'linkedin',
    name: 'LinkedIn',
    authorizePath: /^\/oauth\/v2\/authorization\/?$/,
    tokenPath: /^\/oauth\/v2\/accessToken\/?$/,
    tokenMethod: 'POST',
    clientIdParam: 'client_id',
    pkceRequired: false,
    accessTtl: 60 * DAY,
    refresh: 'keep',
    givesRefresh: () => true,
    reach: 'all',
    denial: { error: 'user_cancelled_authorize', error_description: 'The user cancelled the authorization' },
    tokenReply: (t) => ({ access_token: t.accessToken, expires_in: 60 * DAY, refresh_token: t.refreshToken, refresh_token_expires_in: 365 * DAY, scope: t.scope }),
  },
  {
    platform: 'youtube',
    name: 'Google',
    authorizePath: /^\/o\/oauth2\/v2\/auth\/?$/,
    tokenPath: /^\/token\/?$/,
    tokenMethod: 'POST',
    clientIdParam: 'client_id',
    pkceRequired: false,
    accessTtl: 3599,
    refresh: 'keep',
    givesRefresh: (q) => q.get('access_type') === 'offline',
    reach: 'all',
    denial: { error: 'access_denied' },
    tokenReply: (t) => ({ access_token: t.accessToken, expires_in: 3599, ...(t.refreshToken ? { refresh_token: t.refreshToken } : {}), scope: t.scope, token_type: 'Bearer' }),
  },
  {
    platform: 'x',
    name: 'X',
    authorizePath: /^\/i\/oauth2\/authorize\/?$/,
    tokenPath: /^\/2\/oauth2\/token\/?$/,
    tokenMethod: 'POST',
    clientIdParam: 'client_id',
    pkceRequired: true,
    accessTtl: 2 * HOUR,
    refresh: 'rotate',
    givesRefresh: (q) => (q.get('scope') ?? '').split(/[ +]/).includes('offline.access'),
    reach: 'pick-one',
    denial: standardDenial,
    tokenReply: (t) => ({ token_type: 'bearer', expires_in: 2 * HOUR, access_token: t.accessToken, scope: t.scope, ...(t.refreshToken ? { refresh_token: t.refreshToken } : {}) }),
  },
  {
    platform: 'tiktok',
    name: 'TikTok',
    authorizePath: /^\/v2\/auth\/authorize\/?$/,
    tokenPath: /^\/v2\/oauth\/token\/?$/,
    tokenMethod: 'POST',
    clientIdParam: 'client_key',
    pkceRequired: false,
    accessTtl: DAY,
    refresh: 'rotate',
    givesRefresh: () => true,
    reach: 'pick-one',
    denial: { error: 'access_denied', error_description: 'User cancelled the authorization', errCode: '10003' },
    tokenReply: (t) => ({ access_token: t.accessToken, expires_in: DAY, open_id: t.openId, refresh_expires_in: 365 * DAY, refresh_token: t.refreshToken, scope: t.scope, token_type: 'Bearer' }),
  },
  {
    platform: 'reddit',
    name: 'Reddit',
    authorizePath: /^\/api\/v1\/authorize(\.compact)?\/?$/,
    tokenPath: /^\/api\/v1\/access_token\/?$/,
    tokenMethod: 'POST',
    clientIdParam: 'client_id',
    pkceRequired: false,
    accessTtl: DAY,
    refresh: 'keep',
    givesRefresh: (q) => q.get('duration') === 'permanent',
    reach: 'all',
    denial: { error: 'access_denied' },
    tokenReply: (t) => ({ access_token: t.accessToken, token_type: 'bearer', expires_in: DAY, scope: t.scope, ...(t.refreshToken ? { refresh_token: t.refreshToken } : {}) }),
  },
  {
    platform: 'mastodon',
    name: 'Mastodon',
    authorizePath: /^\/oauth\/authorize\/?$/,
    tokenPath: /^\/oauth\/token\/?$/,
    tokenMethod: 'POST',
    clientIdParam: 'client_id',
    pkceRequired: false,
    accessTtl: null,
    refresh: 'none',
    givesRefresh: () => false,
    reach: 'pick-one',
    denial: { error: 'access_denied', error_description: 'The resource owner or authorization server denied the request.' },
    tokenReply: (t) => ({ access_token: t.accessToken, token_type: 'Bearer', scope: t.scope, created_at: Math.floor(t.createdAt / 1000) }),
  },
];

/** Instagram accounts are reached through the Meta (Facebook) consent. */
export function flowOf(platform: Platform): OAuthFlow | undefined {
  return OAUTH_FLOWS.find((f) => f.platform === platform);
}

/** The sandbox's demo app per OAuth platform (Mastodon also registers apps at run time, `POST /api/v1/apps`). */
export interface SandboxOAuthApp {
  platform: Platform;
  clientId: string;
  clientSecret: string;
}

export const SANDBOX_OAUTH_APPS: readonly SandboxOAuthApp[] = OAUTH_FLOWS.map((f) => ({
  platform: f.platform,
  clientId: `vigie-sandbox-${f.platform}`,
  clientSecret: `sandbox-secret-${f.platform}`,
}));
