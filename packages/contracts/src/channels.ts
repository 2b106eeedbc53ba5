import type { IsoDateTime } from './common';
import type { Platform } from './platforms';

/** `reconnect_needed`: the platform refused the token (revoked, expired consent): only the CM can fix it. */
export type ChannelStatus = 'ok' | 'degraded' | 'failing' | 'reconnect_needed';

/** `GET /workspaces/:id/channels` items (credentials never leave the server). */
export interface ChannelDto {
  id: string;
  brandId: string;
  platform: Platform;
  handle: string;
  externalId: string | null;
  displayName: string | null;
  baseUrl: string | null;
  status: ChannelStatus;
  lastError: string | null;
  lastErrorAt: IsoDateTime | null;
  lastSuccessAt: IsoDateTime | null;
  lastSyncAt: IsoDateTime | null;
  /** When the stored access token stops working unless refreshed (null: no expiry known). */
  tokenExpiresAt: IsoDateTime | null;
  createdAt: IsoDateTime;
}

/** `POST /workspaces/:id/channels/:channelId/sync`. */
export interface SyncRequestedDto {
  queued: boolean;
  channelAccountId: string;
}
