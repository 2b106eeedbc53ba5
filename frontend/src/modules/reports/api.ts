import type { ReportDto, ReportListItemDto, ReportSentDto, ReportSettingsDto } from '@vigie/contracts';
import { api, buildUrl } from '../../lib/api-client';

const reports = (workspaceId: string) => `/workspaces/${workspaceId}/reports`;

export function listReports(workspaceId: string, query: { brandId?: string }, signal?: AbortSignal): Promise<ReportListItemDto[]> {
  return api.get<ReportListItemDto[]>(reports(workspaceId), query, signal);
}

/** Where the browser opens or downloads the report itself (a link, not a fetch). */
export function reportFileUrl(workspaceId: string, reportId: string, format: 'html' | 'pdf' | 'xlsx'): string {
  return buildUrl(`${reports(workspaceId)}/${reportId}/${format}`);
}

/** Builds (or rebuilds) the report of a brand for a month 'YYYY-MM'. */
export function createReport(workspaceId: string, body: { brandId?: string; month: string }): Promise<ReportDto> {
  return api.post<ReportDto>(reports(workspaceId), body);
}

export function getReport(workspaceId: string, reportId: string, signal?: AbortSignal): Promise<ReportDto> {
  return api.get<ReportDto>(`${reports(workspaceId)}/${reportId}`, undefined, signal);
}

/** Replaces the report's recommendations (an item with an id is kept, one without is new). */
export function saveRecommendations(
  workspaceId: string,
  reportId: string,
  recommendations: Array<{ id?: string; text: string }>,
): Promise<ReportDto> {
  return api.patch<ReportDto>(`${reports(workspaceId)}/${reportId}/recommendations`, { recommendations });
}

/** `recipients`: the field's name before `sentTo`, still read from older servers. */
export function sendReport(workspaceId: string, reportId: string): Promise<Partial<ReportSentDto> & { recipients?: string[] }> {
  return api.post(`${reports(workspaceId)}/${reportId}/send`);
}

const settings = (workspaceId: string, brandId: string) => `/workspaces/${workspaceId}/brands/${brandId}/report-settings`;

export function getReportSettings(workspaceId: string, brandId: string, signal?: AbortSignal): Promise<ReportSettingsDto> {
  return api.get<ReportSettingsDto>(settings(workspaceId, brandId), undefined, signal);
}

export function putReportSettings(
  workspaceId: string,
  brandId: string,
  body: { recipients: string[]; autoSendHour: number | null; language: string | null },
): Promise<ReportSettingsDto> {
  return api.put<ReportSettingsDto>(settings(workspaceId, brandId), body);
}
