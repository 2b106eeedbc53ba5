import type { LoggedIn } from '../../../test-utils/test-app';

/** One crisis of the workspace (opened by hand on the veille fixture's query) with a member and a statement draft. */
export async function buildCrisisFixtures(client: LoggedIn, workspaceId: string, tag: string, brandId: string, queryId: string, memberUserId: string) {
  const ws = `/api/workspaces/${workspaceId}`;
  const ok = (res: { status: number; body: unknown }, what: string) => {
    if (res.status >= 300) throw new Error(`fixture ${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; statements: Array<{ id: string }> };
  };
  const crisis = ok(await client.post(`${ws}/crises`, { brandIds: [brandId], queryIds: [queryId], title: `Crisis ${tag}` }), 'crisis');
  ok(await client.post(`${ws}/crises/${crisis.id}/members`, { userId: memberUserId, role: 'legal' }), 'crisis member');
  const withStatement = ok(await client.post(`${ws}/crises/${crisis.id}/statements`, { language: 'fr', text: `statement-${tag}` }), 'crisis statement');
  return {
    params: { crisisId: crisis.id, userId: memberUserId, statementId: withStatement.statements[0]!.id },
    secrets: [crisis.id, `Crisis ${tag}`, `statement-${tag}`],
  };
}
