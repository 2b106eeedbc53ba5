import type { LoggedIn } from '../../../test-utils/test-app';

/** KPI module's share of the workspace-isolation fixtures: a tracked link (`:linkId`). */
export async function buildKpiFixtures(client: LoggedIn, workspaceId: string, tag: string, brandId: string) {
  const res = await client.post(`/api/workspaces/${workspaceId}/links`, {
    brandId,
    targetUrl: `https://shop-${tag}.example/landing-${tag}`,
    campaign: `campaign-${tag}`,
  });
  if (res.status !== 201) throw new Error(`fixture link failed: ${res.status} ${JSON.stringify(res.body)}`);
  const link = res.body as { id: string; code: string };
  return {
    params: { linkId: link.id },
    secrets: [link.id, link.code, `shop-${tag}.example`, `campaign-${tag}`],
  };
}
