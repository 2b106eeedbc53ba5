import type { InfluencersDto } from '@vigie/contracts';
import { api } from '../../lib/api-client';

export function listInfluencers(
  workspaceId: string,
  query: { brandId?: string; from?: string; to?: string },
  signal?: AbortSignal,
): Promise<InfluencersDto> {
  return api.get<InfluencersDto>(`/workspaces/${workspaceId}/influencers`, query, signal);
}
