import type { WriteTarget } from '../../ingestion/writer/ingestion-writer.service';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp, type TestUser } from '../../../test-utils/test-app';
import { PrivacySettingsService } from '../privacy-settings.service';
import { RetentionService } from '../retention/retention.service';
import { ago, dumpWorkspace, JEANNE, LUC, PAUL, seedMentions, seedPeople, TEXTS } from './privacy-fixtures';

const day = (iso: string) => iso.slice(0, 10);

describe('privacy: settings, pseudonyms, retention, access, erasure, audit log', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let cm: LoggedIn;
  let adminUser: TestUser;
  let ws: string;
  let base: string;
  let target: WriteTarget;
  let seeded: Awaited<ReturnType<typeof seedPeople>>;
  let otherWs: string;

  const q1 = async <T>(sql: string, params: unknown[] = []) => ((await t.db.query(sql, params)) as T[])[0];

  beforeAll(async () => {
    t = await createTestApp();
    adminUser = await createUser(t.db, 'admin@privacy.test');
    const cmUser = await createUser(t.db, 'cm@privacy.test');
    ws = await createWorkspace(t.db, 'Privacy', [[adminUser, 'admin'], [cmUser, 'cm']]);
    otherWs = await createWorkspace(t.db, 'Elsewhere', [[adminUser, 'admin']]);
    admin = await login(t, adminUser);
    cm = await login(t, cmUser);
    base = `/api/workspaces/${ws}`;
    const brand = (await admin.post(`${base}/brands`, { name: 'Vigie Shop', kind: 'own' })).body as { id: string };
    const channel = (
      await admin.post(`${base}/channels`, {
        brandId: brand.id,
        platform: 'mastodon',
        handle: 'vigie',
        credentials: { accessToken: 'tok-privacy-SECRET-123' },
        baseUrl: 'http://127.0.0.1:9',
      })
    ).body as { id: string };
    target = { workspaceId: ws, brandId: brand.id, channelAccountId: channel.id, platform: 'mastodon' };
    seeded = await seedPeople(t, target);
    await seedMentions(t.db, ws);
    // The same person in another workspace must not be touched by this workspace's requests.
    const [{ id: otherBrand }] = (await t.db.query(`INSERT INTO brands (workspace_id, name, kind) VALUES ($1, 'B', 'own') RETURNING id`, [otherWs])) as Array<{ id: string }>;
    const [{ id: otherChannel }] = (await t.db.query(
      `INSERT INTO channel_accounts (workspace_id, brand_id, platform, handle) VALUES ($1, $2, 'mastodon', 'b') RETURNING id`,
      [otherWs, otherBrand],
    )) as Array<{ id: string }>;
    await seedPeople(t, { workspaceId: otherWs, brandId: otherBrand, channelAccountId: otherChannel, platform: 'mastodon' });
  });

  afterAll(() => t.close());

  describe('settings and author display', () => {
    it('defaults to pseudonymised authors and no retention; only admins change it; bad values are 400', async () => {
      expect((await cm.get(`${base}/privacy`)).body).toEqual({ pseudonymizeAuthors: true, retentionDays: null });
      expect((await cm.patch(`${base}/privacy`, { pseudonymizeAuthors: false })).status).toBe(403);
      const bad = await admin.patch(`${base}/privacy`, { retentionDays: 0 });
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('retentionDays');
      expect((await admin.patch(`${base}/privacy`, { retentionDays: '30' })).status).toBe(400);
      const ok = await admin.patch(`${base}/privacy`, { pseudonymizeAuthors: false });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ pseudonymizeAuthors: false, retentionDays: null });
      expect((await admin.patch(`${base}/privacy`, { pseudonymizeAuthors: true, retentionDays: null })).body).toEqual({
        pseudonymizeAuthors: true,
        retentionDays: null,
      });
    });

    it('pseudonymFor gives exactly the pseudonym ingestion stored; the renderer follows the setting', async () => {
      const settings = t.app.get(PrivacySettingsService);
      const row = await q1<{ pseudonym: string; handle: string; display_name: string }>(
        `SELECT pseudonym, handle, display_name FROM authors WHERE workspace_id = $1 AND external_id = $2`,
        [ws, JEANNE.externalId],
      );
      expect(row.pseudonym).toMatch(/^Utilisateur [0-9A-F]{4}$/);
      expect(settings.pseudonymFor(ws, 'mastodon', JEANNE.externalId)).toBe(row.pseudonym);
      expect(settings.pseudonymFor(ws, 'mastodon', JEANNE.externalId, 'en')).toBe(row.pseudonym.replace('Utilisateur', 'User'));
      // Another workspace gets another pseudonym for the same account.
      const other = await q1<{ pseudonym: string }>('SELECT pseudonym FROM authors WHERE workspace_id = $1 AND external_id = $2', [otherWs, JEANNE.externalId]);
      expect(settings.pseudonymFor(otherWs, 'mastodon', JEANNE.externalId)).toBe(other.pseudonym);
      const author = { pseudonym: row.pseudonym, handle: row.handle, displayName: row.display_name };
      expect((await settings.authorRenderer(ws)).render(author)).toEqual({ name: row.pseudonym, handle: null, pseudonymized: true });
      await admin.patch(`${base}/privacy`, { pseudonymizeAuthors: false });
      expect((await settings.authorRenderer(ws, 'en')).render(author)).toEqual({ name: 'Jeanne Rivière', handle: 'jeanne_r', pseudonymized: false });
      await admin.patch(`${base}/privacy`, { pseudonymizeAuthors: true });
    });
  });

  describe('access request', () => {
    it('exports everything held about one person, and nothing about anyone else', async () => {
      const item = await q1<{ id: string }>(
        `SELECT i.id FROM inbox_items i JOIN comments c ON c.id = i.comment_id WHERE c.external_id = 'c-j-new' AND i.workspace_id = $1`,
        [ws],
      );
      expect((await cm.post(`${base}/inbox/${item.id}/notes`, { text: 'Note équipe : cliente relancée par mail' })).status).toBe(201);
      const res = await admin.get(`${base}/privacy/access?platform=mastodon&handle=${encodeURIComponent('@Jeanne_R')}`);
      expect(res.status).toBe(200);
      const body = res.body as Record<string, Array<Record<string, unknown>>>;
      expect(body.authors.map((a) => a.handle)).toEqual(['jeanne_r']);
      expect(body.comments.map((c) => c.text)).toEqual([TEXTS.jeanneOld, TEXTS.jeanneNew]);
      expect(body.mentions.map((m) => m.text)).toEqual([TEXTS.mentionJeanne]);
      expect(body.inboxItems).toHaveLength(2);
      expect(body.inboxNotes.map((n) => n.text)).toEqual(['Note équipe : cliente relancée par mail']);
      const text = JSON.stringify(res.body);
      for (const s of [PAUL.handle, TEXTS.paulOld, TEXTS.paulNew, TEXTS.mentionLuc]) expect(text).not.toContain(s);
    });

    it('by author id gives the same; bad requests are 400/404; non-admins 403', async () => {
      const a = await q1<{ id: string }>('SELECT id::text FROM authors WHERE workspace_id = $1 AND external_id = $2', [ws, JEANNE.externalId]);
      const byId = await admin.get(`${base}/privacy/access?authorId=${a.id}`);
      expect((byId.body.comments as unknown[]).length).toBe(2);
      const foreign = await q1<{ id: string }>('SELECT id::text FROM authors WHERE workspace_id = $1 AND external_id = $2', [otherWs, JEANNE.externalId]);
      expect((await admin.get(`${base}/privacy/access?authorId=${foreign.id}`)).status).toBe(404);
      expect((await admin.get(`${base}/privacy/access?platform=mastodon`)).status).toBe(400);
      expect((await admin.get(`${base}/privacy/access?authorId=1&platform=mastodon&handle=x`)).status).toBe(400);
      expect((await admin.get(`${base}/privacy/access?authorId=${encodeURIComponent("1' OR 1=1--")}`)).status).toBe(400);
      expect((await cm.get(`${base}/privacy/access?platform=mastodon&handle=jeanne_r`)).status).toBe(403);
      const nobody = await admin.get(`${base}/privacy/access?platform=mastodon&handle=nobody`);
      expect(nobody.status).toBe(200);
      expect(nobody.body.comments).toEqual([]);
    });
  });

  describe('retention', () => {
    type Counts = Record<string, unknown>;
    const kpiCounts = async (): Promise<Counts> => ({
      comments: await t.db.query(
        `SELECT sentiment, request_type, count(*)::int AS n, sum(likes)::int AS likes FROM comments WHERE workspace_id = $1
         GROUP BY 1, 2 ORDER BY 1, 2`,
        [ws],
      ),
      inbox: await t.db.query('SELECT status, type, count(*)::int AS n FROM inbox_items WHERE workspace_id = $1 GROUP BY 1, 2 ORDER BY 1, 2', [ws]),
      mentions: await t.db.query('SELECT sentiment, count(*)::int AS n, sum(reach)::int AS reach FROM mentions WHERE workspace_id = $1 GROUP BY 1', [ws]),
      posts: await t.db.query('SELECT count(*)::int AS n, sum(reactions)::int AS r, sum(comments)::int AS c FROM posts WHERE workspace_id = $1', [ws]),
      rollups: await t.db.query('SELECT day::text, posts, reactions, comments FROM kpi_daily_rollups WHERE workspace_id = $1 ORDER BY day', [ws]),
      kpis: (await admin.get(`${base}/kpis?brandId=${target.brandId}&from=${day(ago(420))}&to=${day(ago(0))}&granularity=month`)).body,
      inboxStats: (await admin.get(`${base}/inbox/stats?from=${day(ago(420))}&to=${day(ago(0))}`)).body,
    });

    it('past the period, empties texts and identities while every count and KPI stays the same', async () => {
      const before = await kpiCounts();
      expect((before.kpis as { statusCode?: number }).statusCode).toBeUndefined();
      expect((await admin.patch(`${base}/privacy`, { retentionDays: 365 })).status).toBe(200);
      // An old item with a note: the note goes too.
      const oldItem = await q1<{ id: string }>(
        `SELECT i.id FROM inbox_items i JOIN comments c ON c.id = i.comment_id WHERE c.external_id = 'c-p-old' AND i.workspace_id = $1`,
        [ws],
      );
      await cm.post(`${base}/inbox/${oldItem.id}/notes`, { text: 'Échange proposé au client' });
      const done = await t.app.get(RetentionService).runAll();
      expect(done).toEqual([{ workspaceId: ws, counts: { comments: 2, inbox_notes: 1, mentions: 1, authors: 0 } }]);

      const texts = (await t.db.query(
        `SELECT external_id, text, redacted_at IS NOT NULL AS redacted FROM comments WHERE workspace_id = $1 ORDER BY external_id`,
        [ws],
      )) as Array<{ external_id: string; text: string; redacted: boolean }>;
      expect(texts).toEqual([
        { external_id: 'c-j-new', text: TEXTS.jeanneNew, redacted: false },
        { external_id: 'c-j-old', text: '', redacted: true },
        { external_id: 'c-p-new', text: TEXTS.paulNew, redacted: false },
        { external_id: 'c-p-old', text: '', redacted: true },
      ]);
      const oldMention = await q1<Record<string, unknown>>(
        `SELECT text, url, author_handle, author_name, author_external_id FROM mentions WHERE workspace_id = $1 AND external_id = 'm-j-old'`,
        [ws],
      );
      expect(oldMention).toEqual({ text: '', url: null, author_handle: null, author_name: null, author_external_id: null });
      expect(await kpiCounts()).toEqual(before);
      // The other workspace has no retention period: untouched.
      expect((await q1<{ n: number }>(`SELECT count(*)::int AS n FROM comments WHERE workspace_id = $1 AND text = ''`, [otherWs])).n).toBe(0);
      const audit = (await admin.get(`${base}/audit-log?action=privacy.retention`)).body as { items: Array<{ user: unknown; metadata: { counts: Counts } }> };
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0].user).toBeNull();
      expect(audit.items[0].metadata.counts).toEqual({ comments: 2, inbox_notes: 1, mentions: 1, authors: 0 });
      // Idempotent: a second run finds nothing left to do.
      expect(await t.app.get(RetentionService).runAll()).toEqual([]);
    });

    it('a later sync that fetches an old comment again cannot bring its text back, nor its enrichment', async () => {
      const before = await q1<{ sentiment: string; enriched_at: Date }>(
        `SELECT sentiment, enriched_at FROM comments WHERE workspace_id = $1 AND external_id = 'c-p-old'`,
        [ws],
      );
      await seeded.writer.writeComments(target, [seeded.comment('c-p-old', 'p-old', PAUL, TEXTS.paulOld, ago(399))]);
      const after = await q1<{ text: string; sentiment: string; enriched_at: Date }>(
        `SELECT text, sentiment, enriched_at FROM comments WHERE workspace_id = $1 AND external_id = 'c-p-old'`,
        [ws],
      );
      expect(after).toEqual({ text: '', sentiment: before.sentiment, enriched_at: before.enriched_at });
      await admin.patch(`${base}/privacy`, { retentionDays: null });
    });
  });

  describe('erasure', () => {
    let jeanneAuthorId: string;
    let before: string;

    beforeAll(async () => {
      jeanneAuthorId = (await q1<{ id: string }>('SELECT id::text FROM authors WHERE workspace_id = $1 AND external_id = $2', [ws, JEANNE.externalId])).id;
      // A sent report and an alert that quote her.
      await t.db.query(
        `INSERT INTO reports (workspace_id, brand_id, month, status, language, figures, recommendations, generated_at)
         VALUES ($1, $2, '2025-10', 'sent', 'fr', $3, '[]', now())`,
        [ws, target.brandId, JSON.stringify({ interactions: 42, highlights: [{ kind: 'comment', text: TEXTS.jeanneNew, author: 'Jeanne Rivière' }, { kind: 'comment', text: TEXTS.paulNew, author: 'Paul Martin' }] })],
      );
      const [{ id: ruleId }] = (await t.db.query(
        `INSERT INTO alert_rules (workspace_id, brand_id, name, type) VALUES ($1, $2, 'Big', 'big_account') RETURNING id`,
        [ws, target.brandId],
      )) as Array<{ id: string }>;
      await t.db.query(
        `INSERT INTO alerts (workspace_id, rule_id, brand_id, type, key, title, details, count)
         VALUES ($1, $2, $3, 'big_account', $4, 'Big account: jeanne_r mentioned Vigie Shop', $5, 1)`,
        [ws, ruleId, target.brandId, `author:mastodon:${JEANNE.externalId}`, JSON.stringify({ author: 'jeanne_r', followers: 120 })],
      );
      before = await dumpWorkspace(t.db, ws);
      expect(before.toLowerCase()).toContain('jeanne');
    });

    it('is admin-only and validates its subject', async () => {
      expect((await cm.post(`${base}/privacy/erasure`, { platform: 'mastodon', handle: 'jeanne_r' })).status).toBe(403);
      expect((await admin.post(`${base}/privacy/erasure`, {})).status).toBe(400);
      expect((await admin.post(`${base}/privacy/erasure`, { platform: 'Mastodon; DROP', handle: 'x' })).status).toBe(400);
      expect((await admin.post(`${base}/privacy/erasure`, { authorId: '999999999' })).status).toBe(404);
    });

    it("removes the person's data everywhere, keeps counts, and logs counts only", async () => {
      const counts = async () =>
        q1<Record<string, number>>(
          `SELECT (SELECT count(*)::int FROM comments WHERE workspace_id = $1) AS comments,
                  (SELECT count(*)::int FROM inbox_items WHERE workspace_id = $1) AS items,
                  (SELECT count(*)::int FROM mentions WHERE workspace_id = $1) AS mentions`,
          [ws],
        );
      const c0 = await counts();
      const res = await admin.post(`${base}/privacy/erasure`, { platform: 'mastodon', handle: '@JEANNE_R' });
      expect(res.status).toBe(200);
      // Her recent comment (the old one was already emptied by retention), the note on it, her
      // authors row, the report and the alert quoting her; her only mention was anonymised by retention.
      expect(res.body.counts).toEqual({ inbox_notes: 1, comments: 1, mentions: 0, authors: 1, reports: 1, alerts: 1 });
      expect(await counts()).toEqual(c0);

      // The tombstone keeps her platform account id (opaque, no name): the suppression key that keeps
      // later syncs from bringing her back. Nothing else may name, quote or point to her.
      const after = (await dumpWorkspace(t.db, ws)).replace(`"external_id":"${JEANNE.externalId}"`, '');
      for (const s of ['jeanne', TEXTS.jeanneOld, TEXTS.jeanneNew, TEXTS.mentionJeanne, JEANNE.externalId, 'cliente relancée']) {
        expect(after.toLowerCase()).not.toContain(s.toLowerCase());
      }
      // The rest of the workspace is intact: Paul, Luc, the report's other quote.
      for (const s of [TEXTS.paulNew, PAUL.handle, TEXTS.mentionLuc, 'Paul Martin']) expect(after).toContain(s);
      expect(await q1('SELECT handle, display_name, erased_at IS NOT NULL AS erased FROM authors WHERE id = $1', [jeanneAuthorId])).toEqual({
        handle: null,
        display_name: null,
        erased: true,
      });
      // The other workspace's Jeanne is another controller's data: untouched.
      expect((await dumpWorkspace(t.db, otherWs)).toLowerCase()).toContain('jeanne');

      const log = (await t.db.query('SELECT requested_by, counts FROM erasure_log WHERE workspace_id = $1', [ws])) as Array<{ requested_by: string; counts: object }>;
      expect(log).toEqual([{ requested_by: adminUser.id, counts: res.body.counts }]);
      const audit = (await admin.get(`${base}/audit-log?action=privacy.erasure`)).body as { items: Array<Record<string, unknown>> };
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]).toMatchObject({ action: 'privacy.erasure', user: { id: adminUser.id, email: adminUser.email }, statusCode: 200 });
      expect(JSON.stringify(audit.items).toLowerCase()).not.toContain('jeanne');
    });

    it('a later sync or search cannot bring her back; new content of hers arrives anonymised', async () => {
      await seeded.writer.writeComments(target, [
        seeded.comment('c-j-new', 'p-new', JEANNE, TEXTS.jeanneNew, ago(1)),
        seeded.comment('c-j-newer', 'p-new', JEANNE, 'Toujours rien reçu pour la commande 5582', ago(0.5)),
      ]);
      await t.db.query(
        `INSERT INTO mentions (workspace_id, platform, source, external_id, kind, origin, text, url, author_external_id, author_handle, author_name, published_at)
         VALUES ($1, 'mastodon', 'mastodon:x', 'm-j-again', 'post', 'search', 'Encore moi', 'https://x/@jeanne_r/1', $2, 'jeanne_r', 'Jeanne Rivière', now())`,
        [ws, JEANNE.externalId],
      );
      const dump = (await dumpWorkspace(t.db, ws)).replace(`"external_id":"${JEANNE.externalId}"`, '').toLowerCase();
      expect(dump).not.toContain('jeanne');
      expect(dump).not.toContain('commande 5582');
      expect(dump).not.toContain('encore moi');
      expect((await q1<{ n: number }>(`SELECT count(*)::int AS n FROM comments WHERE workspace_id = $1 AND author_id = $2`, [ws, jeanneAuthorId])).n).toBe(3);
    });

    it('a person known only from mentions is erased and suppressed too', async () => {
      const res = await admin.post(`${base}/privacy/erasure`, { platform: 'mastodon', handle: LUC.handle });
      expect(res.body.counts).toMatchObject({ comments: 0, mentions: 1, authors: 1 });
      const dump = (await dumpWorkspace(t.db, ws)).replace(`"external_id":"${LUC.externalId}"`, '');
      expect(dump).not.toContain(TEXTS.mentionLuc);
      expect(dump).not.toContain(LUC.handle);
      expect(dump).not.toContain(LUC.externalId);
    });
  });

  describe('audit log', () => {
    it('records admin and configuration actions with who, what, target and status, secrets stripped', async () => {
      const b = (await admin.post(`${base}/brands`, { name: 'Audited brand', kind: 'competitor' })).body as { id: string };
      await admin.patch(`${base}/brands/${b.id}`, { name: 'Audited brand 2' });
      const chRes = await admin.post(`${base}/channels`, { brandId: b.id, platform: 'mastodon', handle: 'rival', credentials: { accessToken: 'tok-AUDIT-secret-987' }, baseUrl: 'http://127.0.0.1:9' });
      expect(chRes.status).toBe(201);
      const ch = chRes.body as { id: string };
      await admin.delete(`${base}/channels/${ch.id}`);
      await admin.delete(`${base}/brands/${b.id}`);
      const m = (await admin.post(`${base}/members`, { email: 'new@privacy.test', role: 'viewer' })).body as { id: string; temporaryPassword: string };
      await admin.patch(`${base}/members/${m.id}`, { role: 'cm' });
      await admin.delete(`${base}/members/${m.id}`);
      const tok = (await admin.post('/api/auth/tokens', { name: 'bi', workspaceId: ws, role: 'viewer' })).body as { id: string; token: string };
      await admin.delete(`/api/auth/tokens/${tok.id}`);
      await admin.patch(base, { name: 'Privacy renamed' });
      // A refused request changes nothing and is not recorded.
      expect((await cm.delete(`${base}/brands/${target.brandId}`)).status).toBe(403);

      const res = await admin.get(`${base}/audit-log?limit=200`);
      expect(res.status).toBe(200);
      const items = res.body.items as Array<{ action: string; target: { type: string; id: string } | null; statusCode: number; user: { email: string }; metadata: Record<string, unknown> }>;
      const actions = items.map((i) => i.action);
      for (const a of ['brand.create', 'brand.update', 'brand.delete', 'channel.add', 'channel.remove', 'member.invite', 'member.role', 'member.remove', 'token.create', 'token.revoke', 'workspace.update', 'privacy.settings', 'privacy.erasure', 'privacy.access']) {
        expect(actions).toContain(a);
      }
      expect(actions.filter((a) => a === 'brand.delete')).toHaveLength(1);
      const del = items.find((i) => i.action === 'brand.delete')!;
      expect(del).toMatchObject({ target: { type: 'brand', id: b.id }, statusCode: 204, user: { email: adminUser.email } });
      expect(items.find((i) => i.action === 'channel.add')!.metadata).toMatchObject({ body: { credentials: '[redacted]', handle: 'rival' } });
      expect(items.find((i) => i.action === 'token.revoke')!.target).toEqual({ type: 'token', id: tok.id });
      const all = JSON.stringify(await t.db.query('SELECT * FROM audit_log'));
      for (const secret of ['tok-AUDIT-secret-987', 'tok-privacy-SECRET-123', tok.token, m.temporaryPassword]) expect(all).not.toContain(secret);

      // Newest first, paged.
      const p1 = await admin.get(`${base}/audit-log?limit=2`);
      expect(p1.body.items).toHaveLength(2);
      const p2 = await admin.get(`${base}/audit-log?limit=2&before=${p1.body.nextCursor}`);
      expect(Number(p2.body.items[0].id)).toBeLessThan(Number(p1.body.items[1].id));
      expect((await cm.get(`${base}/audit-log`)).status).toBe(403);
      expect((await admin.get(`${base}/audit-log?limit=0`)).status).toBe(400);
    });
  });
});
