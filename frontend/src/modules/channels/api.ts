import type { ChannelDto, ImportCreatedDto, Platform, SyncRequestedDto } from '@vigie/contracts';
import { api } from '../../lib/api-client';
import type { ImportStatusDto } from './utils/import-status';

const channels = (workspaceId: string) => `/workspaces/${workspaceId}/channels`;

export function listChannels(workspaceId: string, query?: { brandId?: string }, signal?: AbortSignal): Promise<ChannelDto[]> {
  return api.get<ChannelDto[]>(channels(workspaceId), query, signal);
}

export type NewChannel = {
  brandId: string;
  platform: Platform;
  handle: string;
  externalId?: string;
  credentials?: Record<string, string>;
  baseUrl?: string;
};

export function createChannel(workspaceId: string, body: NewChannel): Promise<ChannelDto> {
  return api.post<ChannelDto>(channels(workspaceId), body);
}

export function syncChannel(workspaceId: string, channelId: string): Promise<SyncRequestedDto> {
  return api.post<SyncRequestedDto>(`${channels(workspaceId)}/${channelId}/sync`);
}

export function deleteChannel(workspaceId: string, channelId: string): Promise<void> {
  return api.delete(`${channels(workspaceId)}/${channelId}`);
}

/** Queues a CSV import (multipart: file, format, brand). */
export function createImport(workspaceId: string, form: FormData): Promise<ImportCreatedDto> {
  return api.post<ImportCreatedDto>(`/workspaces/${workspaceId}/imports`, form);
}

export function getImport(workspaceId: string, importId: string): Promise<ImportStatusDto> {
  return api.get<ImportStatusDto>(`/workspaces/${workspaceId}/imports/${importId}`);
}
