import type { ConversationThemesDto, Granularity, KpiResponseDto } from '@vigie/contracts';
import { api } from '../../lib/api-client';

export type KpiQuery = { brandId?: string; from?: string; to?: string; granularity: Granularity };

export function getKpis(workspaceId: string, query: KpiQuery, signal?: AbortSignal): Promise<KpiResponseDto> {
  return api.get<KpiResponseDto>(`/workspaces/${workspaceId}/kpis`, query, signal);
}

export type ThemesQuery = { brandId: string; from: string; to: string; channelAccountId?: string };

export function getThemes(workspaceId: string, query: ThemesQuery, signal?: AbortSignal): Promise<ConversationThemesDto> {
  return api.get<ConversationThemesDto>(`/workspaces/${workspaceId}/themes`, query, signal);
}
