import type { LoggedIn } from '../../../test-utils/test-app';

/**
 * Workspace isolation fixtures for the reports routes: a report (`:reportId`) with recipients
 * and a CM-added recommendation whose texts must never reach another workspace.
 */
export async function buildReportFixtures(client: LoggedIn, workspaceId: string, tag: string, brandId: string) {
  const ws = `/api/workspaces/${workspaceId}`;
  const created = await client.post(`${ws}/reports`, { brandId, month: '2025-03' });
  if (created.status !== 201) throw new Error(`fixture report failed: ${created.status} ${JSON.stringify(created.body)}`);
  const reportId = (created.body as { id: string }).id;
  const put = await client.put(`${ws}/brands/${brandId}/report-settings`, { recipients: [`boss-${tag}@example.test`] });
  if (put.status !== 200) throw new Error(`fixture report settings failed: ${put.status}`);
  const patch = await client.patch(`${ws}/reports/${reportId}/recommendations`, { recommendations: [{ text: `reco-${tag}` }] });
  if (patch.status !== 200) throw new Error(`fixture recommendations failed: ${patch.status}`);
  return { params: { reportId }, secrets: [reportId, `boss-${tag}@example.test`, `reco-${tag}`] };
}
