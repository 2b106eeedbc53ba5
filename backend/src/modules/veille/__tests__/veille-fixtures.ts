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
  const source = ok(await client.post(`${ws}/sources`, { url: `http://127.0.0.1:9/feed-${tag}.xml`, name: `Feed ${tag}` }), 'source');
  const rule = ok(
    await client.post(`${ws}/alert-rules`, {
      queryId: query.id,
      name: `Rule ${tag}`,
      type: 'big_account',
      recipients: [`alerts-${tag}@example.test`],
      webhookUrl: `http://127.0.0.1:9/hook-${tag}`,
      webhookSecret: `hook-secret-${tag}-0123456789`,
    }),
    'alert rule',
  );
  const params: Record<string, string> = { queryId: query.id, sourceId: source.id, ruleId: rule.id };
  const secrets = [query.id, `Query ${tag}`, `veille ${tag}`, source.id, `feed-${tag}`, rule.id, `Rule ${tag}`, `alerts-${tag}@`, `hook-${tag}`, `hook-secret-${tag}`];
  if (db) {
    const [m] = (await db.query(
      `INSERT INTO mentions (workspace_id, platform, source, external_id, kind, origin, text, author_external_id, author_followers, published_at)
       VALUES ($1, 'bluesky', 'bluesky', $2, 'post', 'search', $3, $4, 50000, now()) RETURNING id`,
      [workspaceId, `at://mention-${tag}`, `veille ${tag} mention-text-${tag}`, `author-${tag}`],
    )) as Array<{ id: string }>;
    await db.query(
      `INSERT INTO mention_matches (mention_id, query_id, workspace_id, brand_id, published_at) VALUES ($1, $2, $3, $4, now())`,
      [m.id, query.id, workspaceId, brandId],
    );
    const [a] = (await db.query(
      `INSERT INTO alerts (workspace_id, rule_id, brand_id, query_id, type, key, title, count)
       VALUES ($1, $2, $3, $4, 'big_account', $5, $6, 1) RETURNING id`,
      [workspaceId, rule.id, brandId, query.id, `author:bluesky:author-${tag}`, `Alert title ${tag}`],
    )) as Array<{ id: string }>;
    params.alertId = a.id;
    secrets.push(a.id, `mention-text-${tag}`, `Alert title ${tag}`, `author-${tag}`);
  } else {
    params.alertId = '00000000-0000-4000-8000-00000000a1e7';
  }
  return { params, secrets };
}
