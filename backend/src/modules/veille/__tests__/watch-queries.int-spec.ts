import { MentionWriter } from '../mentions/mention-writer';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';

describe('veille: watch queries, preview, mentions (HTTP)', () => {
  let t: TestApp;
  let cm: LoggedIn;
  let viewer: LoggedIn;
  let ws: string;
  let brandId: string;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    const u1 = await createUser(t.db, 'cm@veille.test');
    const u2 = await createUser(t.db, 'viewer@veille.test');
    ws = await createWorkspace(t.db, 'Veille', [[u1, 'cm'], [u2, 'viewer']]);
    cm = await login(t, u1);
    viewer = await login(t, u2);
    base = `/api/workspaces/${ws}`;
    brandId = (await cm.post(`${base}/brands`, { name: 'Vigie', kind: 'own' })).body.id;
  });
  afterAll(() => t.close());

  describe('watch queries', () => {
    it('creates, lists, updates, deletes; cm writes, viewer reads', async () => {
      const created = await cm.post(`${base}/watch-queries`, { brandId, kind: 'brand', name: 'Marque', query: 'vigie OR #vigie' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ brandId, kind: 'brand', name: 'Marque', query: 'vigie OR #vigie', active: true });
      const id = created.body.id as string;

      expect((await viewer.post(`${base}/watch-queries`, { brandId, kind: 'topic', name: 'x', query: 'x' })).status).toBe(403);
      expect((await viewer.patch(`${base}/watch-queries/${id}`, { active: false })).status).toBe(403);
      const list = await viewer.get(`${base}/watch-queries`);
      expect(list.status).toBe(200);
      expect(list.body.map((q: { id: string }) => q.id)).toEqual([id]);

      const patched = await cm.patch(`${base}/watch-queries/${id}`, { active: false, name: 'Marque (pause)' });
      expect(patched.body).toMatchObject({ active: false, name: 'Marque (pause)' });
      expect((await cm.get(`${base}/watch-queries/${id}`)).body.active).toBe(false);

      expect((await cm.delete(`${base}/watch-queries/${id}`)).status).toBe(204);
      expect((await cm.get(`${base}/watch-queries/${id}`)).status).toBe(404);
    });

    it('rejects a syntax error with 400, its position and what was expected', async () => {
      const res = await cm.post(`${base}/watch-queries`, { brandId, kind: 'topic', name: 'Cassée', query: 'vigie AND' });
      expect(res.status).toBe(400);
      expect(res.body.statusCode).toBe(400);
      expect(res.body.position).toBe(9);
      expect(res.body.message).toMatch(/position 9/);
      expect(res.body.details).toMatchObject({ code: 'expected_term', found: 'end of query' });
      expect(res.body.details.expected).toEqual(expect.arrayContaining(['term', '(']));

      const paren = await cm.post(`${base}/watch-queries`, { brandId, kind: 'topic', name: 'Paren', query: 'a AND (b OR c' });
      expect(paren.status).toBe(400);
      expect(paren.body.position).toBe(6);
      expect(paren.body.details.expected).toEqual([')']);

      const created = await cm.post(`${base}/watch-queries`, { brandId, kind: 'topic', name: 'Ok', query: 'ok' });
      const bad = await cm.patch(`${base}/watch-queries/${created.body.id}`, { query: 've*ie' });
      expect(bad.status).toBe(400);
      expect(bad.body.position).toBe(2);
      expect((await cm.get(`${base}/watch-queries/${created.body.id}`)).body.query).toBe('ok');
    });

    it('refuses a brand of another workspace (404)', async () => {
      const other = await createWorkspace(t.db, 'Other', []);
      const [b] = (await t.db.query(`INSERT INTO brands (workspace_id, name, kind) VALUES ($1, 'Autre', 'own') RETURNING id`, [other])) as Array<{ id: string }>;
      const res = await cm.post(`${base}/watch-queries`, { brandId: b.id, kind: 'brand', name: 'x', query: 'x' });
      expect(res.status).toBe(404);
    });
  });

  describe('preview with texts', () => {
    it('folds accents, matches phrases, honours NOT, returns spans', async () => {
      const texts = [
        'Ma réclamation au service client',
        'Ma RECLAMATION au service client, spam',
        'Une réclamation, mais le service du client',
        'Réclamations multiples au service client',
      ];
      const res = await viewer.post(`${base}/watch-queries/preview`, { query: 'reclamation AND "service client" NOT spam', texts });
      expect(res.status).toBe(200);
      expect(res.body.count).toBe(1);
      expect(res.body.matches.map((m: { matched: boolean }) => m.matched)).toEqual([true, false, false, false]);
      // 'réclamation' = [3, 14), 'service client' = [18, 32)
      const spans = res.body.matches[0].spans as Array<{ start: number; end: number }>;
      expect(spans.map((s) => texts[0].slice(s.start, s.end)).join('|')).toMatch(/^réclamation\|service client$|^réclamation\|service\|client$/);
      expect(spans[0]).toEqual({ start: 3, end: 14 });

      const prefix = await viewer.post(`${base}/watch-queries/preview`, { query: 'reclamation*', texts: [texts[3], 'déclamation'] });
      expect(prefix.body.count).toBe(1);
      expect(prefix.body.matches[0].spans).toEqual([{ start: 0, end: 12 }]);
    });

    it('answers a bad draft with 400 and a position', async () => {
      const res = await viewer.post(`${base}/watch-queries/preview`, { query: 'vigie "service client', texts: ['x'] });
      expect(res.status).toBe(400);
      expect(res.body.position).toBe(6);
      expect(res.body.details.code).toBe('unclosed_quote');
    });
  });

  describe('preview over stored content and the mentions feed', () => {
    let queryA: string;
    let queryB: string;
    beforeAll(async () => {
      queryA = (await cm.post(`${base}/watch-queries`, { brandId, kind: 'brand', name: 'A', query: 'vigie' })).body.id;
      queryB = (await cm.post(`${base}/watch-queries`, { brandId, kind: 'topic', name: 'B', query: '"service client"' })).body.id;
      const writer = t.app.get(MentionWriter);
      const now = Date.now();
      const h = (n: number) => new Date(now - n * 3_600_000).toISOString();
      const author = (id: string, followers: number) => ({ externalId: id, handle: `@${id}`, name: id, followers });
      const r = await writer.write(ws, [
        { platform: 'bluesky', source: 'bluesky', externalId: 'at://1', kind: 'post', origin: 'search', text: 'Vigie est géniale, bravo !', url: 'https://bsky.app/1', author: author('alice', 50_000), engagement: 10, publishedAt: h(1), isOwnContent: false, channelAccountId: null, matches: [{ queryId: queryA, brandId }] },
        { platform: 'reddit', source: 'reddit:r/france', externalId: 't3_2', kind: 'post', origin: 'search', text: 'Vigie: le service client ne répond pas, nul', url: null, author: author('bob', 12), engagement: 3, publishedAt: h(2), isOwnContent: false, channelAccountId: null, matches: [{ queryId: queryA, brandId }, { queryId: queryB, brandId }] },
        { platform: 'rss', source: 'rss:lemonde.fr', externalId: 'https://lemonde.fr/a', kind: 'article', origin: 'rss', text: 'Le service client des opérateurs en question', url: 'https://lemonde.fr/a', author: null, engagement: null, publishedAt: h(30), isOwnContent: false, channelAccountId: null, matches: [{ queryId: queryB, brandId }] },
        { platform: 'bluesky', source: 'bluesky', externalId: 'at://old', kind: 'post', origin: 'search', text: 'vigie il y a longtemps', url: null, author: author('carol', 5), engagement: 0, publishedAt: h(24 * 40), isOwnContent: false, channelAccountId: null, matches: [{ queryId: queryA, brandId }] },
      ]);
      expect(r).toEqual({ inserted: 4, newMatches: 5 });
      // Replaying the batch is a no-op (idempotent), even with an extra match for an existing row.
      const again = await writer.write(ws, [
        { platform: 'bluesky', source: 'bluesky', externalId: 'at://1', kind: 'post', origin: 'search', text: 'Vigie est géniale, bravo !', url: 'https://bsky.app/1', author: author('alice', 51_000), engagement: 12, publishedAt: h(1), isOwnContent: false, channelAccountId: null, matches: [{ queryId: queryA, brandId }] },
      ]);
      expect(again).toEqual({ inserted: 0, newMatches: 0 });
    });

    it('previews a draft over the last 30 days, with counts per day and source', async () => {
      const res = await viewer.post(`${base}/watch-queries/preview`, { query: 'vigie OR "service client"' });
      expect(res.status).toBe(200);
      expect(res.body.count).toBe(3); // the 40-day-old mention is out of the window
      expect(res.body.scanned).toBe(3);
      expect(res.body.bySource).toEqual(expect.arrayContaining([{ platform: 'bluesky', count: 1 }, { platform: 'reddit', count: 1 }, { platform: 'rss', count: 1 }]));
      expect(res.body.byDay.reduce((s: number, d: { count: number }) => s + d.count, 0)).toBe(3);
      expect(res.body.matches[0].text).toBe('Vigie est géniale, bravo !');
      expect(res.body.matches[0].spans).toEqual([{ start: 0, end: 5 }]);
    });

    it('lists mentions newest first with the matching query ids and filters', async () => {
      const all = await viewer.get(`${base}/mentions`);
      expect(all.status).toBe(200);
      expect(all.body.items.map((m: { externalId: string }) => m.externalId)).toEqual(['at://1', 't3_2', 'https://lemonde.fr/a', 'at://old']);
      const first = all.body.items[0];
      expect(first).toMatchObject({ platform: 'bluesky', reach: 51_000, engagement: 12, queryIds: [queryA], isOwnContent: false });
      // Pseudonymised like every author (workspace default): no handle, no platform id.
      expect(first.author).toEqual({ externalId: expect.stringMatching(/^p_[0-9a-f]{20}$/), handle: null, name: expect.stringMatching(/^Utilisateur [0-9A-F]{4}$/), followers: 51_000, pseudonymized: true });
      expect(first.sentiment.label).toBe('positive');
      expect(first.language).toBe('fr');
      expect(all.body.items[1].queryIds.sort()).toEqual([queryA, queryB].sort());

      const ids = async (qs: string) => ((await viewer.get(`${base}/mentions?${qs}`)).body.items as Array<{ externalId: string }>).map((m) => m.externalId);
      expect(await ids(`queryId=${queryB}`)).toEqual(['t3_2', 'https://lemonde.fr/a']);
      expect(await ids(`platform=bluesky`)).toEqual(['at://1', 'at://old']);
      expect(await ids(`source=reddit:r/france`)).toEqual(['t3_2']);
      expect(await ids(`minReach=100`)).toEqual(['at://1']);
      expect(await ids(`sentiment=negative`)).toEqual(['t3_2']);
      expect(await ids(`lang=fr&brandId=${brandId}&queryId=${queryA}`)).toEqual(expect.arrayContaining(['at://1', 't3_2']));
      const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const longAgo = new Date(Date.now() - 45 * 86_400_000).toISOString().slice(0, 10);
      const d35 = new Date(Date.now() - 35 * 86_400_000).toISOString().slice(0, 10);
      expect(await ids(`from=${longAgo}&to=${d35}`)).toEqual(['at://old']);
      expect(await ids(`from=${yesterday}&to=${tomorrow}`)).toEqual(['at://1', 't3_2', 'https://lemonde.fr/a']);
    });

    it('paginates with a keyset cursor', async () => {
      const p1 = await viewer.get(`${base}/mentions?limit=3`);
      expect(p1.body.items).toHaveLength(3);
      expect(p1.body.nextCursor).toEqual(expect.any(String));
      const p2 = await viewer.get(`${base}/mentions?limit=3&cursor=${p1.body.nextCursor}`);
      expect(p2.body.items.map((m: { externalId: string }) => m.externalId)).toEqual(['at://old']);
      expect(p2.body.nextCursor).toBeNull();
      expect((await viewer.get(`${base}/mentions?cursor=garbage`)).status).toBe(400);
      expect((await viewer.get(`${base}/mentions?limit=500`)).status).toBe(400);
    });
  });
});
