import type { IsoDateTime } from './common';
import type { Platform } from './platforms';

/**
 * How a CM connects an account of a platform: an OAuth 2.0 consent (authorization code + PKCE),
 * an OAuth consent on an instance the CM names (Mastodon: the app is registered on that instance
 * on first use), an app password (Bluesky), or nothing to consent to (public RSS feeds).
 */
export type ConnectMethod = 'oauth' | 'instance-oauth' | 'app-password' | 'none';

/** Where an installation's platform app comes from: this workspace's settings, or the server's env vars. */
export type PlatformAppSource = 'workspace' | 'env';

/** `GET /workspaces/:id/connect/platforms` items: what Settings shows per platform. */
export interface ConnectPlatformDto {
  platform: Platform;
  method: ConnectMethod;
  /** A Connect button can work: the app is configured (or needs none, e.g. Mastodon, Bluesky). */
  ready: boolean;
  appSource: PlatformAppSource | null;
  /** The app's public client id (never the secret). */
  clientId: string | null;
  /** API host override of the app (sandbox, proxy); null = the platform's real hosts. */
  baseUrl: string | null;
  /** The exact URI to register in the platform's developer console. */
  redirectUri: string | null;
  scopes: string[];
  /** The platform's developer console, where the app is registered. */
  consoleUrl: string | null;
}

/** `POST /workspaces/:id/connect/:platform/start`. */
export interface ConnectStartDto {
  attemptId: string;
  /** Where to send the browser: the platform's consent page. */
  authorizeUrl: string;
  expiresAt: IsoDateTime;
}

export type ConnectAttemptStatus = 'pending' | 'consented' | 'denied' | 'failed' | 'completed';

/** One page or account the consent gave access to, to add to a brand. */
export interface ConnectCandidateDto {
  /** Stable key within the attempt (`platform:externalId`). */
  key: string;
  platform: Platform;
  externalId: string;
  handle: string;
  displayName: string | null;
  /** Already connected in this workspace (to this brand id): adding it again refreshes its token. */
  connectedBrandId: string | null;
}

/** `GET /workspaces/:id/connect/attempts/:attemptId`: the page picker. */
export interface ConnectAttemptDto {
  id: string;
  platform: Platform;
  brandId: string;
  status: ConnectAttemptStatus;
  /** Why the consent failed or was refused, in the platform's words when it gave some. */
  error: string | null;
  candidates: ConnectCandidateDto[];
  expiresAt: IsoDateTime;
}
