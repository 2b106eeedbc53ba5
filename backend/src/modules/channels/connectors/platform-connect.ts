/**
 * The `connect` capability: how a CM gives Vigie access to an account, next to each platform's
 * connector (one `<platform>.connect.ts` per platform). Like connectors, connect flows talk real
 * HTTP to the platform's real URL shapes (the app's `baseUrl` points them at the sandbox) and never
 * touch the database: the channels module stores what they return.
 */

import type { ConnectMethod, Platform } from '@vigie/contracts';

/** An app registered in a platform's developer console (client id/secret of the installation). */
export interface PlatformApp {
  clientId: string;
  clientSecret: string;
  /** Replaces the scheme and host of every platform host (auth and API): sandbox, proxy. Null = real hosts. */
  baseUrl: string | null;
}

export interface TokenGrant {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date | null;
  scope: string | null;
  /** Extra values of the token reply some platforms need later (TikTok `open_id`). */
  extra?: Record<string, string>;
}

/** A page or account the consent gives access to, with the credentials its connector will use. */
export interface ConnectableAccount {
  platform: Platform;
  externalId: string;
  handle: string;
  displayName: string | null;
  credentials: Record<string, string>;
  /** When `credentials.accessToken` stops working unless refreshed (null: does not expire). */
  expiresAt: Date | null;
  /** The API host the account's connector uses (the app's, or the Mastodon instance). */
  baseUrl: string | null;
}

export interface RefreshedCredentials {
  credentials: Record<string, string>;
  expiresAt: Date | null;
}

export interface AuthorizeRequest {
  redirectUri: string;
  state: string;
  /** PKCE S256 challenge of the attempt's verifier. */
  codeChallenge: string;
}

export interface CodeExchange {
  code: string;
  redirectUri: string;
  codeVerifier: string;
}

export interface OAuthConnect {
  readonly platform: Platform;
  readonly method: 'oauth' | 'instance-oauth';
  readonly scopes: readonly string[];
  /** Where a developer registers the app and its redirect URI. */
  readonly consoleUrl: string;
  /** Platforms sharing one app (Instagram uses the Meta app of Facebook). */
  readonly appPlatform: Platform;
  authorizeUrl(app: PlatformApp, req: AuthorizeRequest): string;
  /** The platform's refusal on the callback (`error=access_denied`…) as a sentence, null if consent was given. */
  denial(query: Readonly<Record<string, string>>): string | null;
  exchange(app: PlatformApp, req: CodeExchange): Promise<TokenGrant>;
  /** The pages/accounts this grant may add (several for Meta, LinkedIn, YouTube, Reddit). */
  accounts(app: PlatformApp, grant: TokenGrant): Promise<ConnectableAccount[]>;
  /**
   * New credentials before the access token expires. Throws ConnectorError AUTH when the platform
   * refuses the grant (revoked, expired consent): the account then needs a new consent.
   */
  refresh?(app: PlatformApp, credentials: Readonly<Record<string, string>>): Promise<RefreshedCredentials>;
}

/** Mastodon: every instance is its own authorization server; Vigie registers one app per instance. */
export interface InstanceRegistration {
  register(instanceUrl: string, redirectUri: string, website: string): Promise<Omit<PlatformApp, 'baseUrl'>>;
}

export interface AppPasswordConnect {
  readonly platform: Platform;
  readonly method: 'app-password';
  readonly consoleUrl: string;
  /** Opens a session with an app password (never stored: only the session tokens are). */
  login(serviceUrl: string | null, identifier: string, password: string): Promise<ConnectableAccount>;
  refresh(serviceUrl: string | null, credentials: Readonly<Record<string, string>>): Promise<RefreshedCredentials>;
}

export type PlatformConnect = OAuthConnect | AppPasswordConnect;

export function isOAuthConnect(c: PlatformConnect): c is OAuthConnect {
  return c.method === 'oauth' || c.method === 'instance-oauth';
}

export type { ConnectMethod };
