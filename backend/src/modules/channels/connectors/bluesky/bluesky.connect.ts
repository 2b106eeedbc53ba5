import { buildUrl } from '../base-url';
import type { ConnectorOptions } from '../credentials';
import { ConnectorError, ConnectorErrorCode, isConnectorError } from '../connector-error';
import { HttpClient } from '../http-client';
import { JsonReader } from '../json-reader';
import type { AppPasswordConnect, ConnectableAccount, RefreshedCredentials } from '../platform-connect';

const DEFAULT_SERVICE = 'https://bsky.social';
/** Used when an access JWT carries no readable `exp` (the PDS issues ~2-hour access tokens). */
const FALLBACK_ACCESS_LIFETIME_MS = 2 * 60 * 60 * 1000;

/**
 * Bluesky has no OAuth app registration for servers like Vigie: the CM creates an app password
 * (Settings → Privacy and security → App passwords) that opens a session; only the session's
 * access/refresh JWTs are stored, never the password. refreshSession rotates both.
 */
export class BlueskyConnect implements AppPasswordConnect {
  readonly platform = 'bluesky' as const;
  readonly method = 'app-password' as const;
  readonly consoleUrl = 'https://bsky.app/settings/app-passwords';
  private readonly http: HttpClient;

  constructor(opts: ConnectorOptions = {}) {
    this.http = new HttpClient(opts);
  }

  async login(serviceUrl: string | null, identifier: string, password: string): Promise<ConnectableAccount> {
    const service = (serviceUrl?.trim() || DEFAULT_SERVICE).replace(/\/+$/, '');
    const what = 'bluesky create session';
    const s = await this.session(buildUrl(service, '/xrpc/com.atproto.server.createSession'), { body: { identifier, password } }, what, [password]);
    return {
      platform: 'bluesky',
      externalId: s.get('did').str(),
      handle: s.get('handle').str(),
      displayName: null,
      credentials: this.credentialsOf(s),
      expiresAt: expiryOf(s.get('accessJwt').str()),
      baseUrl: serviceUrl?.trim() ? service : null,
    };
  }

  async refresh(serviceUrl: string | null, credentials: Readonly<Record<string, string>>): Promise<RefreshedCredentials> {
    const refreshJwt = credentials.refreshToken;
    if (!refreshJwt) throw new ConnectorError(ConnectorErrorCode.AUTH, 'bluesky: no refresh token: open a new session with an app password');
    const service = (serviceUrl?.trim() || DEFAULT_SERVICE).replace(/\/+$/, '');
    const s = await this.session(buildUrl(service, '/xrpc/com.atproto.server.refreshSession'), { headers: { authorization: `Bearer ${refreshJwt}` } }, 'bluesky refresh session', [refreshJwt]);
    return { credentials: { ...credentials, ...this.credentialsOf(s) }, expiresAt: expiryOf(s.get('accessJwt').str()) };
  }

  private credentialsOf(s: JsonReader): Record<string, string> {
    return { accessToken: s.get('accessJwt').str(), refreshToken: s.get('refreshJwt').str(), did: s.get('did').str() };
  }

  private async session(url: string, req: { body?: unknown; headers?: Record<string, string> }, what: string, secrets: string[]): Promise<JsonReader> {
    try {
      const res = await this.http.json({ url, method: 'POST', ...req, what, secrets });
      return JsonReader.root(res.body, what);
    } catch (e) {
      // A wrong app password or an expired/revoked refresh token: the CM must sign in again.
      if (isConnectorError(e) && e.status !== null && e.status >= 400 && e.status < 500 && e.code !== ConnectorErrorCode.RATE_LIMITED) {
        throw new ConnectorError(ConnectorErrorCode.AUTH, e.message, { status: e.status, platformCode: e.platformCode });
      }
      throw e;
    }
  }
}

/** `exp` of a JWT (seconds since the epoch), or the PDS's usual lifetime when the token is opaque. */
export function expiryOf(jwt: string, now = Date.now()): Date {
  const payload = jwt.split('.')[1];
  if (payload) {
    try {
      const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
      if (typeof exp === 'number' && Number.isFinite(exp)) return new Date(exp * 1000);
    } catch {
      // not a JWT: fall through
    }
  }
  return new Date(now + FALLBACK_ACCESS_LIFETIME_MS);
}
