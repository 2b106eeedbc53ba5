import type { Platform } from '@vigie/contracts';
import { buildUrl } from './base-url';
import { ConnectorError, ConnectorErrorCode, isConnectorError } from './connector-error';
import { HttpClient } from './http-client';
import { JsonReader } from './json-reader';
import type { ConnectorOptions } from './credentials';
import type { ChannelConnector } from './channel-connector';
import type { AuthorizeRequest, CodeExchange, ConnectableAccount, PlatformApp, RefreshedCredentials, TokenGrant } from './platform-connect';

/**
 * RFC 6749 authorization code flow with PKCE (RFC 7636) as most platforms speak it; each
 * `<platform>.connect.ts` declares its hosts and variations (client id parameter name, client
 * authentication, scope separator, extra authorize parameters) instead of re-writing the flow.
 */
export interface OAuth2Spec {
  platform: Platform;
  /** Real hosts; the app's `baseUrl` replaces both (sandbox). */
  authorizeHost: string;
  authorizePath: string;
  tokenHost: string;
  tokenPath: string;
  scopes: readonly string[];
  scopeSeparator?: ' ' | ',';
  /** TikTok calls it `client_key`. */
  clientIdParam?: 'client_id' | 'client_key';
  /** `basic`: HTTP Basic client authentication (X, Reddit); `body`: client_id/secret in the form. */
  clientAuth: 'basic' | 'body';
  extraAuthorize?: Readonly<Record<string, string>>;
}

export function hostOf(app: Pick<PlatformApp, 'baseUrl'>, realHost: string): string {
  return (app.baseUrl?.trim() || realHost).replace(/\/+$/, '');
}

export function oauth2AuthorizeUrl(spec: OAuth2Spec, app: PlatformApp, req: AuthorizeRequest): string {
  return buildUrl(hostOf(app, spec.authorizeHost), spec.authorizePath, {
    response_type: 'code',
    [spec.clientIdParam ?? 'client_id']: app.clientId,
    redirect_uri: req.redirectUri,
    scope: spec.scopes.join(spec.scopeSeparator ?? ' '),
    state: req.state,
    code_challenge: req.codeChallenge,
    code_challenge_method: 'S256',
    ...spec.extraAuthorize,
  });
}

/**
 * The callback's refusal, in the platform's words: `error` (+ `error_description`, Meta's
 * `error_reason`). `access_denied`-like codes read as "consent refused".
 */
export function oauth2Denial(platformName: string, query: Readonly<Record<string, string>>): string | null {
  const error = query.error ?? query.error_code ?? null;
  if (!error) return null;
  const refused = /denied|cancel/i.test(`${error} ${query.error_reason ?? ''}`);
  const detail = query.error_description ?? query.error_message ?? null;
  const head = refused ? `${platformName}: consent was refused` : `${platformName} refused the connection (${error})`;
  return detail ? `${head}: ${detail}` : head;
}

/**
 * POSTs a token request (authorization_code or refresh_token grant). Any 4xx means the grant is
 * unusable (`invalid_grant`: code reused, consent revoked, verifier wrong): AUTH, never retried.
 */
export async function oauth2Token(
  http: HttpClient,
  spec: OAuth2Spec,
  app: PlatformApp,
  form: Record<string, string>,
  what: string,
): Promise<TokenGrant> {
  const idParam = spec.clientIdParam ?? 'client_id';
  const body: Record<string, string> = { ...form };
  const headers: Record<string, string> = {};
  if (spec.clientAuth === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`;
    if (idParam !== 'client_id' || form.grant_type === 'authorization_code') body[idParam] = app.clientId;
  } else {
    body[idParam] = app.clientId;
    body.client_secret = app.clientSecret;
  }
  const secrets = [app.clientSecret, form.code, form.refresh_token, form.code_verifier].filter((s): s is string => !!s);
  try {
    const res = await http.json({ url: buildUrl(hostOf(app, spec.tokenHost), spec.tokenPath), method: 'POST', form: body, headers, what, secrets });
    return grantOf(JsonReader.root(res.body, what));
  } catch (e) {
    throw asGrantError(e);
  }
}

/** Reads the standard token reply (`access_token`, `expires_in`, `refresh_token`, `scope`). */
export function grantOf(r: JsonReader, now = Date.now()): TokenGrant {
  const expiresIn = r.get('expires_in').optNum();
  return {
    accessToken: r.get('access_token').str(),
    refreshToken: r.get('refresh_token').optStr() ?? null,
    expiresAt: expiresIn ? new Date(now + expiresIn * 1000) : null,
    scope: r.get('scope').optStr() ?? null,
  };
}

/** 4xx of a token endpoint → AUTH (the consent must be given again); the rest unchanged. */
export function asGrantError(e: unknown): unknown {
  if (isConnectorError(e) && e.status !== null && e.status >= 400 && e.status < 500 && e.code !== ConnectorErrorCode.RATE_LIMITED) {
    return new ConnectorError(ConnectorErrorCode.AUTH, e.message, { status: e.status, platformCode: e.platformCode, snippet: e.snippet });
  }
  return e;
}

/** Credentials as the connectors read them, from a grant (refresh token and expiry kept for the token keeper). */
export function credentialsOf(grant: TokenGrant, extra: Record<string, string> = {}): Record<string, string> {
  return {
    accessToken: grant.accessToken,
    ...(grant.refreshToken ? { refreshToken: grant.refreshToken } : {}),
    ...grant.extra,
    ...extra,
  };
}

/** A platform's whole OAuth declaration: the flow's spec plus how the platform is named to the CM. */
export interface OAuthAppSpec extends OAuth2Spec {
  /** The platform's name in consent refusals ("LinkedIn: consent was refused"). */
  displayName: string;
  /** Where the CM registers the app (client id and secret). */
  consoleUrl: string;
}

/**
 * An OAuth 2.0 platform as its spec describes it: the flow is shared, each platform file declares
 * its `OAuthAppSpec` and adds which accounts the grant reaches (`accounts`) and how its connector
 * names the token.
 */
export abstract class StandardOAuthConnect {
  readonly method: 'oauth' | 'instance-oauth' = 'oauth';
  protected readonly http: HttpClient;

  constructor(
    protected readonly spec: OAuthAppSpec,
    opts: ConnectorOptions = {},
    /** The platform's ingestion connector, for platforms whose accounts are read through it (verifiedAccount). */
    private readonly accountReader?: Pick<ChannelConnector, 'verify'>,
  ) {
    this.http = new HttpClient(opts);
  }

  get consoleUrl(): string {
    return this.spec.consoleUrl;
  }

  get platform(): Platform {
    return this.spec.platform;
  }

  get appPlatform(): Platform {
    return this.spec.platform;
  }

  get scopes(): readonly string[] {
    return this.spec.scopes;
  }

  authorizeUrl(app: PlatformApp, req: AuthorizeRequest): string {
    return oauth2AuthorizeUrl(this.spec, app, req);
  }

  denial(query: Readonly<Record<string, string>>): string | null {
    return oauth2Denial(this.spec.displayName, query);
  }

  exchange(app: PlatformApp, req: CodeExchange): Promise<TokenGrant> {
    return oauth2Token(this.http, this.spec, app, { grant_type: 'authorization_code', code: req.code, redirect_uri: req.redirectUri, code_verifier: req.codeVerifier }, `${this.spec.platform} code exchange`);
  }

  /** Refresh grant; platforms that rotate refresh tokens (X, TikTok) return a new one, kept. */
  async refresh(app: PlatformApp, credentials: Readonly<Record<string, string>>): Promise<RefreshedCredentials> {
    const refreshToken = credentials.refreshToken;
    if (!refreshToken) throw new ConnectorError(ConnectorErrorCode.AUTH, `${this.spec.platform}: the token expired and this consent gave no refresh token`);
    const grant = await oauth2Token(this.http, this.spec, app, { grant_type: 'refresh_token', refresh_token: refreshToken }, `${this.spec.platform} token refresh`);
    const tokenKey = this.tokenKey;
    return {
      credentials: { ...credentials, [tokenKey]: grant.accessToken, refreshToken: grant.refreshToken ?? refreshToken },
      expiresAt: grant.expiresAt,
    };
  }

  /** The credential name the platform's connector reads the access token from. */
  protected get tokenKey(): string {
    return 'accessToken';
  }

  protected credentialsOf(grant: TokenGrant, extra: Record<string, string> = {}): Record<string, string> {
    const { accessToken: _ignored, ...rest } = credentialsOf(grant, extra);
    return { [this.tokenKey]: grant.accessToken, ...rest };
  }

  /**
   * The account as its ingestion connector reads it with the new grant: the id, handle and name
   * a sync will use, and a proof that the consent reaches it.
   */
  protected async verifiedAccount(
    app: PlatformApp,
    grant: TokenGrant,
    account: { handle: string; externalId: string | null },
  ): Promise<ConnectableAccount> {
    const platform = this.spec.platform;
    if (!this.accountReader) throw new Error(`${platform}: verifiedAccount needs the ingestion connector given to the constructor`);
    const credentials = this.credentialsOf(grant);
    const found = await this.accountReader.verify({ platform, ...account, baseUrl: app.baseUrl, credentials, isCompetitor: false });
    return { platform, ...found, credentials, expiresAt: grant.expiresAt, baseUrl: app.baseUrl };
  }
}
