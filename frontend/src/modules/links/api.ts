import type { ConversionWebhookSettingsDto, FunnelDto, TrackedLinkDto } from '@vigie/contracts';
import { api } from '../../lib/api-client';

export function getFunnel(
  workspaceId: string,
  query: { brandId?: string; from?: string; to?: string },
  signal?: AbortSignal,
): Promise<FunnelDto> {
  return api.get<FunnelDto>(`/workspaces/${workspaceId}/funnels`, query, signal);
}

export function listLinks(workspaceId: string, query: { brandId?: string }, signal?: AbortSignal): Promise<TrackedLinkDto[]> {
  return api.get<TrackedLinkDto[]>(`/workspaces/${workspaceId}/links`, query, signal);
}

/** A tracked link for a channel account of the brand, or a free-text channel. */
export type NewTrackedLink = {
  brandId?: string;
  targetUrl: string;
  campaign?: string;
  channelAccountId?: string;
  channel?: string;
};

export function createLink(workspaceId: string, body: NewTrackedLink): Promise<TrackedLinkDto> {
  return api.post<TrackedLinkDto>(`/workspaces/${workspaceId}/links`, body);
}

export function getConversionWebhookSettings(workspaceId: string): Promise<ConversionWebhookSettingsDto> {
  return api.get<ConversionWebhookSettingsDto>(`/workspaces/${workspaceId}/links/settings`);
}
