import type { ChannelDto, ConnectAttemptDto, ConnectPlatformDto, ConnectStartDto, ImportCreatedDto, Platform, SyncRequestedDto } from '@vigie/contracts';
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

// ---- connect (consent flows, page picker, platform apps) ----

const connect = (workspaceId: string) => `/workspaces/${workspaceId}/connect`;

export function listConnectPlatforms(workspaceId: string, signal?: AbortSignal): Promise<ConnectPlatformDto[]> {
  return api.get<ConnectPlatformDto[]>(`${connect(workspaceId)}/platforms`, undefined, signal);
}

export function startConnect(workspaceId: string, platform: Platform, body: { brandId: string; instanceUrl?: string }): Promise<ConnectStartDto> {
  return api.post<ConnectStartDto>(`${connect(workspaceId)}/${platform}/start`, body);
}

export function getConnectAttempt(workspaceId: string, attemptId: string, signal?: AbortSignal): Promise<ConnectAttemptDto> {
  return api.get<ConnectAttemptDto>(`${connect(workspaceId)}/attempts/${attemptId}`, undefined, signal);
}

export function addConnectedAccounts(workspaceId: string, attemptId: string, accounts: Array<{ key: string; brandId: string }>): Promise<ChannelDto[]> {
  return api.post<ChannelDto[]>(`${connect(workspaceId)}/attempts/${attemptId}/accounts`, { accounts });
}

export function connectWithAppPassword(
  workspaceId: string,
  platform: Platform,
  body: { brandId: string; identifier: string; appPassword: string; serviceUrl?: string },
): Promise<ChannelDto> {
  return api.post<ChannelDto>(`${connect(workspaceId)}/${platform}/app-password`, body);
}

export function savePlatformApp(workspaceId: string, platform: Platform, body: { clientId: string; clientSecret: string; baseUrl?: string }): Promise<ConnectPlatformDto> {
  return api.put<ConnectPlatformDto>(`${connect(workspaceId)}/platforms/${platform}/app`, body);
}

export function removePlatformApp(workspaceId: string, platform: Platform): Promise<void> {
  return api.delete(`${connect(workspaceId)}/platforms/${platform}/app`);
}
