import type { IsoDateTime } from './common';
import type { Platform } from './platforms';

export type ChannelStatus = 'ok' | 'degraded' | 'failing';

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
  createdAt: IsoDateTime;
}

/** `POST /workspaces/:id/channels/:channelId/sync`. */
export interface SyncRequestedDto {
  queued: boolean;
  channelAccountId: string;
}
