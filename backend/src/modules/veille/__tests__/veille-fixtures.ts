import type { DataSource } from 'typeorm';
import type { LoggedIn } from '../../../test-utils/test-app';

/**
 * Veille resources of one workspace for the isolation walk: a watch query, an RSS source, an
 * alert rule and an alert (no route creates alerts: seeded with `db` when given), plus a
 * mention carrying the workspace's tag.
 */
export async function buildVeilleFixtures(
  client: LoggedIn,
  workspaceId: string,
  tag: string,
  brandId: string,
  db?: DataSource,
): Promise<{ params: Record<string, string>; secrets: string[] }> {
  const ws = `/api/workspaces/${workspaceId}`;
  const ok = (res: { status: number; body: unknown }, what: string) => {
    if (res.status >= 300) throw new Error(`fixture ${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, string>;
  };
  const query = ok(
    await client.post(`${ws}/watch-queries`, { brandId, kind: 'brand', name: `Query ${tag}`, query: `"veille ${tag}" OR #${tag}` }),
    'watch query',
  );
  const params: Record<string, string> = { queryId: query.id };
  const secrets = [query.id, `Query ${tag}`, `veille ${tag}`];
  return { params, secrets };
}
