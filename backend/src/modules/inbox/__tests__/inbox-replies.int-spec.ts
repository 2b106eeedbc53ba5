import { randomUUID } from 'node:crypto';
import { type RunningSandbox, type SandboxAccountWithUrl, startSandbox } from '@vigie/platform-sandbox';
import type { InboxDetailDto, InboxReplyDto, RenderedSavedReplyDto, SavedReplyDto } from '@vigie/contracts';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import { until } from '../../../test-utils/wait';
import { sandboxChannelBody } from '../../ingestion/__tests__/sandbox-accounts';

/**
 * Answering from the inbox over real HTTP: channels connected to the platform sandbox, the real
 * sync and enrichment, replies sent through the real connectors, real Postgres.
 */
describe('answer from the inbox against the platform sandbox', () => {
  let t: TestApp;
  let sb: RunningSandbox;
  let client: LoggedIn;
  let ws: string;
  const ids: Record<string, string> = {};
  const PLATFORMS = ['facebook', 'mastodon', 'bluesky'] as const;
  const waitFor = <T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 30_000) => until(what, probe, ms, 100);
  const account = (platform: string): SandboxAccountWithUrl => sb.accounts.find((a) => a.brandSlug === 'maison-lumiere' && a.platform === platform)!;
  const lastSuccess = async (id: string) => ((await client.get(`/api/workspaces/${ws}/channels/${id}`)).body as { lastSuccessAt: string | null }).lastSuccessAt;

  async function syncNow(id: string): Promise<void> {
    const before = await lastSuccess(id);
    expect((await client.post(`/api/workspaces/${ws}/channels/${id}/sync`)).status).toBe(202);
    await waitFor(`sync of ${id}`, async () => (await lastSuccess(id)) !== before);
  }

  /**
   * Open items of a channel whose post is recent enough for the next sync to re-read its thread
   * (every connector re-reads at least the last 7 days), newest first.
   */
  async function openItems(platform: string, recent = true): Promise<Array<{ id: string }>> {
    return waitFor(`open ${platform} items`, async () => {
      const rows = (await t.db.query(
        `SELECT i.id::text AS id FROM inbox_items i JOIN comments c ON c.id = i.comment_id JOIN posts p ON p.id = c.post_id
          WHERE i.workspace_id = $1 AND i.channel_account_id = $2 AND i.status = 'open' AND ($3::boolean IS FALSE OR p.published_at > now() - interval '6 days')
            AND NOT EXISTS (SELECT 1 FROM inbox_replies r WHERE r.item_id = i.id)
          ORDER BY i.published_at DESC LIMIT 5`,
        [ws, ids[platform], recent],
      )) as Array<{ id: string }>;
      return rows.length >= 1 && rows;
    });
  }

  beforeAll(async () => {
    const frozen = new Date();
    sb = await startSandbox({ port: 0, now: () => frozen, rateLimits: false });
    t = await createTestApp();
    const admin = await createUser(t.db, 'reply-admin@example.test');
    ws = await createWorkspace(t.db, 'Replies', [[admin, 'admin']]);
    client = await login(t, admin);
    const own = (await client.post(`/api/workspaces/${ws}/brands`, { name: 'Maison Lumière', kind: 'own' })).body as { id: string };
    for (const p of PLATFORMS) {
      const res = await client.post(`/api/workspaces/${ws}/channels`, sandboxChannelBody(sb, own.id, account(p)));
      expect(res.status).toBe(201);
      ids[p] = (res.body as { id: string }).id;
    }
    await t.queue.startWorkers();
    for (const p of PLATFORMS) await waitFor(`first sync of ${p}`, async () => !!(await lastSuccess(ids[p]!)));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await sb?.close();
  });

  it.each(['facebook', 'bluesky'] as const)('%s: a reply retried with the same key lands once, shows at once, and the next sync closes the item without a duplicate', async (platform) => {
    const [item] = await openItems(platform);
    const key = randomUUID();
    const body = { text: `Merci pour votre message ! (${platform})`, idempotencyKey: key };
    const first = await client.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies`, body);
    expect([first.status, (first.body as { message?: string }).message]).toEqual([201, undefined]);
    const reply = first.body as InboxReplyDto;
    expect(reply.status).toBe('sent');
    const retried = await client.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies`, body);
    expect(retried.status).toBe(201);
    expect((retried.body as InboxReplyDto).id).toBe(reply.id);
    const landed = (await sb.writes(platform)).filter((w) => w.action === 'reply');
    expect(landed).toHaveLength(1);
    expect(landed[0]!.id).toBe(reply.platformExternalId);

    const detail = (await client.get(`/api/workspaces/${ws}/inbox/${item!.id}`)).body as InboxDetailDto;
    expect(detail.replies.map((r) => [r.id, r.status, r.text])).toEqual([[reply.id, 'sent', body.text]]);
    expect(detail.status).toBe('answered');
    expect(detail.firstResponseMinutes).not.toBeNull();

    await syncNow(ids[platform]!);
    const ingested = await waitFor('the reply ingested back', async () => {
      const r = (await t.db.query(`SELECT external_id, parent_external_id, is_from_brand, enriched_at FROM comments WHERE channel_account_id = $1 AND external_id = $2`, [ids[platform], reply.platformExternalId])) as Array<Record<string, unknown>>;
      return r.length > 0 && r;
    }).catch(async (e: unknown) => {
      const brandRows = await t.db.query(`SELECT external_id, parent_external_id, is_from_brand FROM comments WHERE channel_account_id = $1 ORDER BY id DESC LIMIT 5`, [ids[platform]]);
      const target = await t.db.query(`SELECT c.external_id, c.parent_external_id FROM inbox_items i JOIN comments c ON c.id = i.comment_id WHERE i.id = $1`, [item!.id]);
      throw new Error(`${String(e)}; reply ${reply.platformExternalId}; target ${JSON.stringify(target)}; latest ${JSON.stringify(brandRows)}; sandbox ${JSON.stringify(landed)}`);
    });
    expect(ingested[0]).toMatchObject({ is_from_brand: true });
    const after = await waitFor('answer reconciled from the platform', async () => {
      const d = (await client.get(`/api/workspaces/${ws}/inbox/${item!.id}`)).body as InboxDetailDto;
      return d.answeredBy === 'platform_reply' && d;
    });
    expect(after.status).toBe('answered');
    expect(after.firstResponseMinutes).not.toBeNull();
    expect(after.replies).toHaveLength(1);
    const rows = (await t.db.query(`SELECT count(*)::int AS n, bool_and(is_from_brand) AS brand FROM comments WHERE channel_account_id = $1 AND external_id = $2`, [
      ids[platform],
      reply.platformExternalId,
    ])) as Array<{ n: number; brand: boolean }>;
    expect(rows[0]).toEqual({ n: 1, brand: true });
    const items = (await t.db.query(`SELECT count(*)::int AS n FROM inbox_items i JOIN comments c ON c.id = i.comment_id WHERE c.external_id = $1`, [
      reply.platformExternalId,
    ])) as Array<{ n: number }>;
    expect(items[0]!.n).toBe(0);
  }, 90_000);

  /**
   * The sandbox's Mastodon world has no open item on a post young enough for the next sync to
   * re-read its thread (7 days): the reply is checked to land once and show at once; the sync
   * must not add a duplicate.
   */
  it('mastodon: a reply retried with the same key (Idempotency-Key) lands once and shows at once', async () => {
    const [item] = await openItems('mastodon', false);
    const key = randomUUID();
    const body = { text: 'Merci, nous regardons cela.', idempotencyKey: key };
    const first = await client.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies`, body);
    expect(first.status).toBe(201);
    const reply = first.body as InboxReplyDto;
    expect(reply.status).toBe('sent');
    expect(((await client.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies`, body)).body as InboxReplyDto).id).toBe(reply.id);
    const landed = (await sb.writes('mastodon')).filter((w) => w.action === 'reply');
    expect(landed.map((w) => w.id)).toEqual([reply.platformExternalId]);
    const detail = (await client.get(`/api/workspaces/${ws}/inbox/${item!.id}`)).body as InboxDetailDto;
    expect([detail.status, detail.replies.length]).toEqual(['answered', 1]);
    await syncNow(ids.mastodon!);
    const rows = (await t.db.query(`SELECT count(*)::int AS n FROM comments WHERE external_id = $1`, [reply.platformExternalId])) as Array<{ n: number }>;
    expect(rows[0]!.n).toBeLessThanOrEqual(1);
  }, 60_000);

  it.each(['facebook', 'mastodon', 'bluesky'] as const)('%s: the first platform call fails (500), the retry with the same key lands the reply exactly once', async (platform) => {
    const [item] = await openItems(platform, false);
    const body = { text: `Nous regardons cela tout de suite (${platform}, après une panne).`, idempotencyKey: randomUUID() };
    sb.setFault({ platform, kind: '500' });
    const first = await client.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies`, body);
    expect(first.status).toBe(502);
    expect(first.body).toMatchObject({ message: expect.stringMatching(/unavailable.*draft is kept/i), details: { code: 'UNAVAILABLE' } });
    const kept = (await client.get(`/api/workspaces/${ws}/inbox/${item!.id}`)).body as InboxDetailDto;
    expect(kept.replies.map((r) => [r.status, r.text])).toEqual([['failed', body.text]]);
    const retried = await client.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies`, body);
    expect(retried.status).toBe(201);
    const reply = retried.body as InboxReplyDto;
    expect(reply.status).toBe('sent');
    expect(((await client.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies`, body)).body as InboxReplyDto).id).toBe(reply.id);
    const landed = (await sb.writes(platform)).filter((w) => w.action === 'reply' && w.text?.endsWith(body.text));
    expect(landed.map((w) => w.id)).toEqual([reply.platformExternalId]);
  }, 60_000);

  /**
   * The reply landed but its answer was lost (a timeout after Facebook wrote it): Facebook has no
   * idempotency key, so the retry must find the reply in the thread instead of posting it again.
   * Simulated by writing the reply straight through the Graph API and recording the attempt as failed.
   */
  it('facebook: a retry after a lost answer finds the landed reply and posts nothing again', async () => {
    const [item] = await openItems('facebook');
    const text = 'Bonjour, nous avons bien reçu votre message.';
    const key = randomUUID();
    const [target] = (await t.db.query(`SELECT c.external_id, c.parent_external_id FROM inbox_items i JOIN comments c ON c.id = i.comment_id WHERE i.id = $1`, [item!.id])) as Array<{
      external_id: string;
      parent_external_id: string | null;
    }>;
    const fb = account('facebook');
    const url = `${sb.baseUrls.facebook}/v21.0/${encodeURIComponent(target!.parent_external_id ?? target!.external_id)}/comments?access_token=${encodeURIComponent(fb.token)}`;
    const direct = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ message: text }) });
    expect(direct.status).toBe(200);
    const posted = ((await direct.json()) as { id: string }).id;
    const [me] = (await t.db.query(`SELECT id FROM users WHERE email = 'reply-admin@example.test'`)) as Array<{ id: string }>;
    await t.db.query(
      `INSERT INTO inbox_replies (workspace_id, item_id, author_user_id, text, idempotency_key, status, error_code, error_message)
       VALUES ($1, $2, $3, $4, $5, 'failed', 'UNAVAILABLE', 'facebook is unavailable right now (timed out after 20000 ms)')`,
      [ws, item!.id, me!.id, text, key],
    );
    const before = (await sb.writes('facebook')).length;
    const retried = await client.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies`, { text, idempotencyKey: key });
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ status: 'sent', platformExternalId: posted });
    expect((await sb.writes('facebook')).length).toBe(before);
  }, 60_000);

  it('a saved reply rendered for the item, a viewer drafting (seen by the cm) and submitting for approval; the cm approves (sent once) or rejects', async () => {
    const [item, second] = await openItems('mastodon', false);
    const viewer = await createUser(t.db, 'reply-viewer@example.test');
    await t.db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'viewer')`, [ws, viewer.id]);
    const v = await login(t, viewer);
    const draft = { text: 'Merci, on regarde.', idempotencyKey: randomUUID() };
    expect((await v.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies`, draft)).status).toBe(403);
    expect((await client.patch(`/api/workspaces/${ws}`, { repliesNeedApproval: true })).status).toBe(200);

    const created = await client.post(`/api/workspaces/${ws}/saved-replies`, { language: 'fr', title: 'Merci', body: 'Bonjour {{author}}, merci ! {{agent}} pour {{brand}} <b>' });
    expect(created.status).toBe(201);
    const saved = created.body as SavedReplyDto;
    expect(((await client.get(`/api/workspaces/${ws}/saved-replies`)).body as SavedReplyDto[]).map((r) => r.id)).toContain(saved.id);
    const rendered = (await client.get(`/api/workspaces/${ws}/saved-replies/${saved.id}/render?itemId=${item!.id}`)).body as RenderedSavedReplyDto;
    expect(rendered.text).toMatch(/^Bonjour \S.*, merci ! .+ pour Maison Lumière <b>$/);
    expect(rendered.text).not.toContain('{{');

    const beat = await v.post(`/api/workspaces/${ws}/inbox/${item!.id}/drafting`);
    expect(beat.status).toBe(200);
    const seen = (await client.get(`/api/workspaces/${ws}/inbox/${item!.id}`)).body as InboxDetailDto;
    expect(seen.othersDrafting.map((d) => d.userId)).toEqual([viewer.id]);

    const before = (await sb.writes('mastodon')).length;
    const pending = (await v.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies`, { text: rendered.text, idempotencyKey: draft.idempotencyKey, savedReplyId: saved.id }))
      .body as InboxReplyDto;
    expect(pending.status).toBe('pending_approval');
    expect((await sb.writes('mastodon')).length).toBe(before);
    expect((await v.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies/${pending.id}/approve`)).status).toBe(403);
    const approved = await client.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies/${pending.id}/approve`);
    expect([approved.status, (approved.body as InboxReplyDto).status]).toEqual([200, 'sent']);
    expect((await client.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies/${pending.id}/approve`)).status).toBe(200);
    const landed = (await sb.writes('mastodon')).filter((w) => w.action === 'reply' && w.text?.endsWith(rendered.text));
    expect(landed.map((w) => w.id)).toEqual([(approved.body as InboxReplyDto).platformExternalId]);

    const other = (await v.post(`/api/workspaces/${ws}/inbox/${second!.id}/replies`, { text: 'Non', idempotencyKey: randomUUID() })).body as InboxReplyDto;
    const rejected = await client.post(`/api/workspaces/${ws}/inbox/${second!.id}/replies/${other.id}/reject`);
    expect([rejected.status, (rejected.body as InboxReplyDto).status]).toEqual([200, 'rejected']);
    expect((await client.delete(`/api/workspaces/${ws}/saved-replies/${saved.id}`)).status).toBeLessThan(300);
    expect((await client.patch(`/api/workspaces/${ws}`, { repliesNeedApproval: false })).status).toBe(200);
  }, 60_000);

  it('a deleted comment gives a precise message and keeps the draft', async () => {
    const [item] = await openItems('facebook');
    const del = await client.post(`/api/workspaces/${ws}/inbox/${item!.id}/delete`);
    expect(del.status).toBe(200);
    const key = randomUUID();
    const res = await client.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies`, { text: 'Nous revenons vers vous', idempotencyKey: key });
    expect(res.status).toBe(410);
    expect(res.body).toMatchObject({ message: expect.stringMatching(/no longer exists on facebook/), details: { code: 'target_gone' } });
    const detail = (await client.get(`/api/workspaces/${ws}/inbox/${item!.id}`)).body as InboxDetailDto;
    expect(detail.replies.map((r) => [r.status, r.text, r.error?.code])).toEqual([['failed', 'Nous revenons vers vous', 'target_gone']]);
  }, 60_000);

  it("a reply to another workspace's item is 404 and reaches no platform", async () => {
    const [item] = await openItems('bluesky');
    const other = await createUser(t.db, 'reply-other@example.test');
    const ws2 = await createWorkspace(t.db, 'Elsewhere', [[other, 'admin']]);
    const c2 = await login(t, other);
    const before = (await sb.writes()).length;
    const res = await c2.post(`/api/workspaces/${ws2}/inbox/${item!.id}/replies`, { text: 'Intrus', idempotencyKey: randomUUID() });
    expect(res.status).toBe(404);
    const direct = await c2.post(`/api/workspaces/${ws}/inbox/${item!.id}/replies`, { text: 'Intrus', idempotencyKey: randomUUID() });
    expect(direct.status).toBe(404);
    expect((await sb.writes()).length).toBe(before);
  }, 30_000);
});
