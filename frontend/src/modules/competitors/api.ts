import type { CompetitorsDto, ShareOfVoiceDto } from '@vigie/contracts';
import { api } from '../../lib/api-client';

export type BrandPeriodQuery = { brandId?: string; from?: string; to?: string };

export function getShareOfVoice(workspaceId: string, query: BrandPeriodQuery, signal?: AbortSignal): Promise<ShareOfVoiceDto> {
  return api.get<ShareOfVoiceDto>(`/workspaces/${workspaceId}/share-of-voice`, query, signal);
}

export function getCompetitors(workspaceId: string, query: BrandPeriodQuery, signal?: AbortSignal): Promise<CompetitorsDto> {
  return api.get<CompetitorsDto>(`/workspaces/${workspaceId}/competitors`, query, signal);
}
