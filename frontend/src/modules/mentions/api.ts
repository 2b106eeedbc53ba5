import type { MentionPageDto } from '@vigie/contracts';
import { api } from '../../lib/api-client';

/** `GET /workspaces/:id/mentions` filters (values as typed in the URL). */
export type MentionsQuery = {
  brandId?: string;
  from?: string;
  to?: string;
  queryId?: string;
  platform?: string;
  source?: string;
  sentiment?: string;
  lang?: string;
  minReach?: string;
  limit?: number;
  cursor?: string;
};

export function listMentions(workspaceId: string, query: MentionsQuery, signal?: AbortSignal): Promise<MentionPageDto> {
  return api.get<MentionPageDto>(`/workspaces/${workspaceId}/mentions`, query, signal);
}
