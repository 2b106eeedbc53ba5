import type { CrisisDetailDto, CrisisInfluencersDto, CrisisStage, CrisisSummaryDto } from '@vigie/contracts';
import { api } from '../../lib/api-client';

const base = (workspaceId: string) => `/workspaces/${workspaceId}/crises`;

export function listCrises(workspaceId: string, signal?: AbortSignal): Promise<CrisisSummaryDto[]> {
  return api.get<CrisisSummaryDto[]>(base(workspaceId), undefined, signal);
}

export function getCrisis(workspaceId: string, crisisId: string, signal?: AbortSignal): Promise<CrisisDetailDto> {
  return api.get<CrisisDetailDto>(`${base(workspaceId)}/${crisisId}`, undefined, signal);
}

export function getCrisisInfluencers(workspaceId: string, crisisId: string, signal?: AbortSignal): Promise<CrisisInfluencersDto> {
  return api.get<CrisisInfluencersDto>(`${base(workspaceId)}/${crisisId}/influencers`, undefined, signal);
}

export type OpenCrisisBody = { alertId: string } | { title: string; brandIds: string[]; queryIds?: string[] };

export function openCrisis(workspaceId: string, body: OpenCrisisBody): Promise<CrisisDetailDto> {
  return api.post<CrisisDetailDto>(base(workspaceId), body);
}

export function changeCrisisStage(workspaceId: string, crisisId: string, stage: CrisisStage, reason: string): Promise<CrisisDetailDto> {
  return api.post<CrisisDetailDto>(`${base(workspaceId)}/${crisisId}/stage`, { stage, reason });
}

export function tickChecklistItem(workspaceId: string, crisisId: string, itemId: string): Promise<CrisisDetailDto> {
  return api.post<CrisisDetailDto>(`${base(workspaceId)}/${crisisId}/checklist/${encodeURIComponent(itemId)}/tick`);
}

export function submitStatement(workspaceId: string, crisisId: string, body: { language: 'fr' | 'en'; text: string }): Promise<CrisisDetailDto> {
  return api.post<CrisisDetailDto>(`${base(workspaceId)}/${crisisId}/statements`, body);
}

export function decideStatement(workspaceId: string, crisisId: string, statementId: string, decision: 'approve' | 'reject'): Promise<CrisisDetailDto> {
  return api.post<CrisisDetailDto>(`${base(workspaceId)}/${crisisId}/statements/${statementId}/${decision}`);
}

export function postStatement(workspaceId: string, crisisId: string, statementId: string, body: { inboxItemId?: string; url?: string }): Promise<CrisisDetailDto> {
  return api.post<CrisisDetailDto>(`${base(workspaceId)}/${crisisId}/statements/${statementId}/post`, body);
}

/** The post-crisis report, served by the API (same session cookie). */
export function crisisReportUrl(workspaceId: string, crisisId: string, format: 'html' | 'pdf'): string {
  return `/api${base(workspaceId)}/${crisisId}/report.${format}`;
}
