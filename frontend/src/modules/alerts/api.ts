import type { AlertDto } from '@vigie/contracts';
import { api } from '../../lib/api-client';

export type AlertsQuery = { status?: string; brandId?: string };

export function listAlerts(workspaceId: string, query: AlertsQuery, signal?: AbortSignal): Promise<AlertDto[]> {
  return api.get<AlertDto[]>(`/workspaces/${workspaceId}/alerts`, query, signal);
}

export function actOnAlert(workspaceId: string, alertId: string, action: 'acknowledge' | 'resolve'): Promise<AlertDto> {
  return api.post<AlertDto>(`/workspaces/${workspaceId}/alerts/${alertId}/${action}`);
}
