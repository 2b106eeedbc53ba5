import { type RunningSandbox, type SandboxAccountWithUrl, startSandbox } from '@vigie/platform-sandbox';
import type { CrisisDetailDto } from '@vigie/contracts';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import { until } from '../../../test-utils/wait';
import { sandboxChannelBody } from '../../ingestion/__tests__/sandbox-accounts';

/**
 * A crisis statement posted through the inbox's answer path: Bluesky connected to the platform
 * sandbox, the real sync and enrichment, the reply sent by the real connector — once, even when
 * the post request is repeated.
 */
describe('crisis statement posted through the inbox against the platform sandbox', () => {
  let t: TestApp;
  let sb: RunningSandbox;
  let admin: LoggedIn;
  let cm: LoggedIn;
  let ws: string;
  let channelId: string;
  let brandId: string;
  let queryId: string;
  const account = (platform: string): SandboxAccountWithUrl => sb.accounts.find((a) => a.brandSlug === 'maison-lumiere' && a.platform === platform)!;

  beforeAll(async () => {
    const frozen = new Date();
    sb = await startSandbox({ port: 0, now: () => frozen, rateLimits: false });
    t = await createTestApp();
    const adminUser = await createUser(t.db, 'admin@crisis-sb.test');
    const cmUser = await createUser(t.db, 'cm@crisis-sb.test');
    ws = await createWorkspace(t.db, 'Crisis sandbox', [[adminUser, 'admin'], [cmUser, 'cm']]);
    admin = await login(t, adminUser);
    cm = await login(t, cmUser);
    brandId = (await admin.post(`/api/workspaces/${ws}/brands`, { name: 'Maison Lumière', kind: 'own' })).body.id;
    queryId = (await cm.post(`/api/workspaces/${ws}/watch-queries`, { brandId, kind: 'brand', name: 'Lumière', query: 'lumière' })).body.id;
    const res = await admin.post(`/api/workspaces/${ws}/channels`, sandboxChannelBody(sb, brandId, account('bluesky')));
    expect(res.status).toBe(201);
    channelId = res.body.id;
    await t.queue.startWorkers();
    await until('first sync', async () => !!(await admin.get(`/api/workspaces/${ws}/channels/${channelId}`)).body.lastSuccessAt, 60_000);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await sb?.close();
  });

  it('submit → approve → post as a reply to an inbox item: lands once on the platform, time-stamped', async () => {
    const [item] = await until(
      'an open bluesky inbox item',
      async () => {
        const rows = (await t.db.query(
          `SELECT i.id::text AS id FROM inbox_items i JOIN comments c ON c.id = i.comment_id JOIN posts p ON p.id = c.post_id
            WHERE i.workspace_id = $1 AND i.channel_account_id = $2 AND i.status = 'open' AND p.published_at > now() - interval '6 days'
            ORDER BY i.published_at DESC LIMIT 1`,
          [ws, channelId],
        )) as Array<{ id: string }>;
        return rows.length > 0 && rows;
      },
      60_000,
    );
    const base = `/api/workspaces/${ws}/crises`;
    const opened = await cm.post(base, { brandIds: [brandId], queryIds: [queryId], title: 'Lampe Aurora' });
    expect(opened.status).toBe(201);
    const id = (opened.body as CrisisDetailDto).id;
    const text = 'Nous avons connaissance de la situation et revenons vers vous très vite.';
    const sub = await cm.post(`${base}/${id}/statements`, { language: 'fr', text });
    const sid = (sub.body as CrisisDetailDto).statements[0]!.id;
    const early = await cm.post(`${base}/${id}/statements/${sid}/post`, { inboxItemId: item!.id });
    expect([early.status, early.body.message]).toEqual([409, 'This statement is pending approval: it must be approved by the crisis lead or an admin before it is posted']);
    expect((await cm.post(`${base}/${id}/statements/${sid}/approve`)).status).toBe(200);

    const before = (await sb.writes('bluesky')).filter((w) => w.action === 'reply').length;
    const posted = await cm.post(`${base}/${id}/statements/${sid}/post`, { inboxItemId: item!.id });
    expect([posted.status, posted.body.message]).toEqual([200, undefined]);
    const c = posted.body as CrisisDetailDto;
    expect(c.statements[0]).toMatchObject({ status: 'posted', postedVia: 'inbox_reply', inboxItemId: item!.id, inboxReplyId: expect.any(String) });
    const again = await cm.post(`${base}/${id}/statements/${sid}/post`, { inboxItemId: item!.id });
    expect([again.status, again.body.message]).toEqual([409, 'This statement is already posted']);
    const replies = (await sb.writes('bluesky')).filter((w) => w.action === 'reply');
    expect(replies.length - before).toBe(1);
    expect(JSON.stringify(replies.at(-1))).toContain('Nous avons connaissance');
    expect(c.events.map((e) => e.kind)).toEqual(['opened', 'statement_submitted', 'statement_approved', 'statement_posted']);
    const postedAt = Date.parse(c.statements[0]!.postedAt!);
    expect(Date.parse(c.events.at(-1)!.at)).toBeGreaterThanOrEqual(postedAt - 1000);
    expect(c.timeline.moments.filter((m) => m.kind === 'statement_posted')).toHaveLength(1);
    // The inbox shows the reply on the item.
    const detail = await cm.get(`/api/workspaces/${ws}/inbox/${item!.id}`);
    expect(detail.body.replies.map((r: { text: string; status: string }) => [r.text, r.status])).toEqual([[text, 'sent']]);
  });
});
