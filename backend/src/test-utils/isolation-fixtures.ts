import type { DataSource } from 'typeorm';
import { buildCrisisFixtures } from '../modules/crisis/__tests__/crisis-isolation-fixtures';
import { seedInboxItem } from '../modules/inbox/__tests__/seed-inbox-item';
import { buildKpiFixtures } from '../modules/kpi/__tests__/kpi-isolation-fixtures';
import { buildReportFixtures } from '../modules/reports/__tests__/report-isolation-fixtures';
import { buildVeilleFixtures } from '../modules/veille/__tests__/veille-fixtures';
import type { LoggedIn } from './test-app';

/**
 * Builds one workspace's worth of data through the HTTP API and returns, per route parameter
 * name, the id to substitute, plus every string that must never leak to another workspace.
 * Modules that add routes with new parameters add their fixtures here.
 */
export interface WorkspaceFixtures {
  workspaceId: string;
  params: Record<string, string>;
  secrets: string[];
}

/** `db` is for data no HTTP route creates (ingested comments): written as the ingestion writer would. */
export async function buildWorkspaceFixtures(
  client: LoggedIn,
  workspaceId: string,
  tag: string,
  db?: DataSource,
): Promise<WorkspaceFixtures> {
  const ws = `/api/workspaces/${workspaceId}`;
  const expectOk = (res: { status: number; body: unknown }, what: string) => {
    if (res.status >= 300) throw new Error(`fixture ${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, string>;
  };
  const brand = expectOk(await client.post(`${ws}/brands`, { name: `Brand ${tag}`, kind: 'own' }), 'brand');
  const competitor = expectOk(await client.post(`${ws}/brands`, { name: `Rival ${tag}`, kind: 'competitor' }), 'competitor');
  const channel = expectOk(
    await client.post(`${ws}/channels`, {
      brandId: brand.id,
      platform: 'mastodon',
      handle: `handle_${tag}`,
      externalId: `ext_${tag}`,
      credentials: { accessToken: `token-${tag}` },
      baseUrl: 'http://127.0.0.1:9',
    }),
    'channel',
  );
  // CSV import (ingestion): a one-row generic file whose post text must never leak.
  const imported = expectOk(
    await client.agent
      .post(`${ws}/imports`)
      .set('X-CSRF-Token', client.csrf)
      .field('format', 'generic')
      .field('brandId', brand.id)
      .attach('file', Buffer.from(`platform,published_at,text\nfacebook,2025-01-02,import-${tag}\n`), 'fixture.csv'),
    'import',
  );
  const member = expectOk(await client.post(`${ws}/members`, { email: `member-${tag}@example.test`, role: 'viewer' }), 'member');
  const token = expectOk(await client.post('/api/auth/tokens', { name: `token ${tag}`, workspaceId, role: 'viewer' }), 'token');
  const service = expectOk(
    await client.post(`${ws}/services`, { name: `Service ${tag}`, email: `service-${tag}@example.test`, kind: 'sav' }),
    'service',
  );
  // Connect: the workspace's own Meta app and a started consent (no platform is called to start one).
  expectOk(await client.put(`${ws}/connect/platforms/facebook/app`, { clientId: `app-${tag}`, clientSecret: `secret-${tag}`, baseUrl: 'http://127.0.0.1:9' }), 'platform app');
  const attempt = expectOk(await client.post(`${ws}/connect/facebook/start`, { brandId: brand.id }), 'connect attempt');
  const inbox: Record<string, string> = {};
  if (db) {
    inbox.itemId = await seedInboxItem(db, {
      workspaceId,
      brandId: brand.id,
      channelAccountId: channel.id,
      tag,
      text: `comment-${tag}: où est ma commande ?`,
    });
    expectOk(await client.post(`${ws}/inbox/${inbox.itemId}/notes`, { text: `note-${tag}` }), 'inbox note');
    // A reply waiting for approval (sending one would call a platform).
    const [reply] = (await db.query(
      `INSERT INTO inbox_replies (workspace_id, item_id, author_user_id, text, idempotency_key, status)
       SELECT $1, $2, m.user_id, $3, gen_random_uuid(), 'pending_approval' FROM memberships m WHERE m.workspace_id = $1 LIMIT 1 RETURNING id::text`,
      [workspaceId, inbox.itemId, `reply-${tag}`],
    )) as Array<{ id: string }>;
    inbox.replyId = reply!.id;
  }
  const savedReply = expectOk(await client.post(`${ws}/saved-replies`, { language: 'fr', title: `saved-${tag}`, body: `Bonjour {{author}} ${tag}` }), 'saved reply');
  const veille = await buildVeilleFixtures(client, workspaceId, tag, brand.id, db);
  const kpi = await buildKpiFixtures(client, workspaceId, tag, brand.id);
  const reports = await buildReportFixtures(client, workspaceId, tag, brand.id);
  const crisis = await buildCrisisFixtures(client, workspaceId, tag, brand.id, veille.params.queryId!, member.userId!);
  return {
    workspaceId,
    params: {
      ...kpi.params,
      ...reports.params,
      ...crisis.params,
      ...veille.params,
      workspaceId,
      brandId: brand.id,
      channelId: channel.id,
      memberId: member.id,
      id: token.id,
      serviceId: service.id,
      importId: imported.id,
      platform: 'facebook',
      attemptId: attempt.attemptId,
      savedReplyId: savedReply.id,
      ...inbox,
    },
    secrets: [workspaceId, brand.id, competitor.id, channel.id, member.id, token.id, `Brand ${tag}`, `Rival ${tag}`,
      `handle_${tag}`, `member-${tag}@example.test`, `token-${tag}`, service.id, `Service ${tag}`,
      `service-${tag}@example.test`, `app-${tag}`, `secret-${tag}`, attempt.attemptId, `comment-${tag}`, `note-${tag}`, `reply-${tag}`, `saved-${tag}`, savedReply.id, imported.id, `import-${tag}`, ...veille.secrets, ...kpi.secrets,
      ...reports.secrets, ...crisis.secrets],
  };
}
