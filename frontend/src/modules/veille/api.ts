import type { AlertRuleDto, ListeningStatusDto, QueryPreviewStoredDto, WatchQueryDto, WatchQueryKind, WebhookFormat } from '@vigie/contracts';
import { api } from '../../lib/api-client';

const watchQueries = (workspaceId: string) => `/workspaces/${workspaceId}/watch-queries`;

export function listWatchQueries(workspaceId: string, query: { brandId?: string }, signal?: AbortSignal): Promise<WatchQueryDto[]> {
  return api.get<WatchQueryDto[]>(watchQueries(workspaceId), query, signal);
}

export type WatchQueryFields = { name: string; kind: WatchQueryKind; query: string; active: boolean };

export function createWatchQuery(workspaceId: string, body: WatchQueryFields & { brandId?: string }): Promise<WatchQueryDto> {
  return api.post<WatchQueryDto>(watchQueries(workspaceId), body);
}

export function updateWatchQuery(workspaceId: string, queryId: string, body: WatchQueryFields): Promise<WatchQueryDto> {
  return api.patch<WatchQueryDto>(`${watchQueries(workspaceId)}/${queryId}`, body);
}

export function deleteWatchQuery(workspaceId: string, queryId: string): Promise<void> {
  return api.delete(`${watchQueries(workspaceId)}/${queryId}`);
}

/** What a query would match among the brand's stored mentions (not saved). */
export function previewWatchQuery(workspaceId: string, body: { query: string; brandId?: string }): Promise<QueryPreviewStoredDto> {
  return api.post<QueryPreviewStoredDto>(`${watchQueries(workspaceId)}/preview`, body);
}

const alertRules = (workspaceId: string) => `/workspaces/${workspaceId}/alert-rules`;

export function listAlertRules(workspaceId: string, signal?: AbortSignal): Promise<AlertRuleDto[]> {
  return api.get<AlertRuleDto[]>(alertRules(workspaceId), undefined, signal);
}

/** A rule watches one query, or (without queryId) the whole brand. */
export type NewAlertRule = {
  name: string;
  type: string;
  queryId?: string;
  brandId?: string;
  params: Record<string, number>;
  recipients: string[];
  webhookUrl?: string;
  webhookFormat?: WebhookFormat;
};

export function createAlertRule(workspaceId: string, body: NewAlertRule): Promise<AlertRuleDto> {
  return api.post<AlertRuleDto>(alertRules(workspaceId), body);
}

export function setAlertRuleActive(workspaceId: string, ruleId: string, active: boolean): Promise<AlertRuleDto> {
  return api.patch<AlertRuleDto>(`${alertRules(workspaceId)}/${ruleId}`, { active });
}

export function deleteAlertRule(workspaceId: string, ruleId: string): Promise<void> {
  return api.delete(`${alertRules(workspaceId)}/${ruleId}`);
}

/** How each platform is listened to for a saved query (and what it could not do, e.g. full-text search). */
export function getListeningStatus(workspaceId: string, queryId: string, signal?: AbortSignal): Promise<ListeningStatusDto[]> {
  return api.get<ListeningStatusDto[]>(`${watchQueries(workspaceId)}/${queryId}/listening`, undefined, signal);
}
