import { EnrichmentService } from '../../enrichment/enrichment.service';
import { ENRICHMENT_QUEUE } from '../../enrichment/enrichment-jobs';
import { IngestionWriter } from '../../ingestion/writer/ingestion-writer.service';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import { brandReply, buildWorld, communityComment, EXPECTED, PUBLISHED, TEXTS, type CommentKey, type World } from './inbox-world';

interface Item {
  id: string;
  text: string;
  type: string;
  reason: string | null;
  status: string;
  author: { name: string; handle: string | null; pseudonymized: boolean } | null;
  post: { id: string; excerpt: string; permalink: string | null; platform: string };
  sentiment: { label: string; score: number } | null;
  language: string | null;
  toxic: boolean;
  needsAttention: boolean;
  service: { id: string; name: string; kind: string } | null;
  publishedAt: string;
  ageMinutes: number;
  firstResponseMinutes: number | null;
  answeredBy: string | null;
  answeredAt: string | null;
  typeCorrected: boolean;
  classifiedType: string | null;
}

describe('inbox (HTTP, real Postgres)', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let cm: LoggedIn;
  let viewer: LoggedIn;
  let cmUserId: string;
  let wsId: string;
  let ws: string;
  let w: World;
  const keyOf = (id: string) => (Object.entries(w.items).find(([, v]) => v === id)?.[0] ?? `?${id}`) as CommentKey;
  const list = async (client: LoggedIn, query = '') => {
    const res = await client.get(`${ws}/inbox${query}`);
    if (res.status !== 200) throw new Error(`${query}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { items: Item[]; nextCursor: string | null };
  };
  const keys = async (query = '') => (await list(cm, query)).items.map((i) => keyOf(i.id));

  beforeAll(async () => {
    // No sync ticks: the queue test below starts the workers, and no channel here is syncable.
    t = await createTestApp({ env: { VIGIE_SYNC_TICK_MS: '0' } });
    const a = await createUser(t.db, 'admin@inbox.test');
    const c = await createUser(t.db, 'cm@inbox.test');
    const v = await createUser(t.db, 'viewer@inbox.test');
    cmUserId = c.id;
    wsId = await createWorkspace(t.db, 'Inbox WS', [[a, 'admin'], [c, 'cm'], [v, 'viewer']]);
    ws = `/api/workspaces/${wsId}`;
    admin = await login(t, a);
    cm = await login(t, c);
    viewer = await login(t, v);
    w = await buildWorld(t, admin, wsId, 'main');
  });
  afterAll(() => t.close());

  describe('enrichment', () => {
    it('classifies every ingested comment and post, and makes items for own-brand community comments only', async () => {
      const rows = (await t.db.query(
        `SELECT external_id, request_type, language, toxic, enriched_at IS NOT NULL AS enriched FROM comments WHERE workspace_id = $1 ORDER BY external_id`,
        [wsId],
      )) as Array<{ external_id: string; request_type: string; language: string; toxic: boolean; enriched: boolean }>;
      expect(rows.every((r) => r.enriched)).toBe(true);
      for (const k of Object.keys(EXPECTED) as CommentKey[]) {
        expect([k, rows.find((r) => r.external_id === `c-${k}`)?.request_type]).toEqual([k, EXPECTED[k].type]);
      }
      expect(rows.find((r) => r.external_id === 'c-question')?.language).toBe('en');
      expect(rows.find((r) => r.external_id === 'c-complaint')?.language).toBe('fr');
      expect(rows.find((r) => r.external_id === 'c-troll')?.toxic).toBe(true);
      // 8 community comments on own channels → 8 items; the competitor's comment gets none.
      expect(Object.keys(w.items).sort()).toEqual(Object.keys(EXPECTED).sort());
      const posts = (await t.db.query('SELECT language FROM posts WHERE workspace_id = $1 ORDER BY external_id', [wsId])) as Array<{ language: string | null }>;
      expect(posts.map((p) => p.language)).toEqual(['fr', 'en', expect.any(String)]);
    });
  });

  describe('list and filters', () => {
    it('shows what needs attention by default (not praise, not a neutral "other"), newest first', async () => {
      expect(await keys()).toEqual(['lead', 'troll', 'xssScript', 'job', 'question', 'complaint']);
      expect(await keys('?view=all')).toEqual(['lead', 'troll', 'xssScript', 'xssImg', 'job', 'praise', 'question', 'complaint']);
      expect(await keys('?sort=oldest')).toEqual(['complaint', 'question', 'job', 'xssScript', 'troll', 'lead']);
    });

    it('filters by type, channel, brand, sentiment, language, toxicity and free text', async () => {
      expect(await keys('?type=complaint')).toEqual(['xssScript', 'complaint']);
      expect(await keys('?type=lead,question')).toEqual(['lead', 'question']);
      expect(await keys(`?channelAccountId=${w.ig.channelAccountId}`)).toEqual(['lead', 'troll', 'question']);
      expect(await keys(`?brandId=${w.brandId}&view=all`)).toHaveLength(8);
      expect(await keys(`?brandId=${w.competitorId}&view=all`)).toEqual([]);
      expect(await keys('?sentiment=negative')).toEqual(['lead', 'troll', 'complaint']);
      expect(await keys('?language=en')).toEqual(['lead', 'troll', 'question']);
      expect(await keys('?toxic=true')).toEqual(['troll']);
      expect(await keys('?toxic=false')).toEqual(['lead', 'xssScript', 'job', 'question', 'complaint']);
      expect(await keys('?q=COMMANDE')).toEqual(['xssScript', 'complaint']);
      expect(await keys(`?q=${encodeURIComponent('100%')}`)).toEqual([]);
    });

    it('filters by local calendar days in the workspace time zone', async () => {
      // lead: 23:30 UTC on the 8th = 00:30 on the 9th in Paris
      expect(await keys('?from=2025-03-07&to=2025-03-08')).toEqual(['troll']);
      expect(await keys('?from=2025-03-09&to=2025-03-09')).toEqual(['lead']);
      expect(await keys('?from=2025-03-06')).toEqual(['lead', 'troll', 'xssScript', 'job']);
      expect(await keys('?to=2025-03-05')).toEqual(['question', 'complaint']);
    });

    it('rejects bad filters with field paths, and unknown brand / channel ids with 404', async () => {
      const bad = await cm.get(`${ws}/inbox?status=closed&limit=500&from=2025-02-30`);
      expect(bad.status).toBe(400);
      const fields = (bad.body.details as Array<{ field: string }>).map((d) => d.field).sort();
      expect(fields).toEqual(['limit', 'status']);
      const day = await cm.get(`${ws}/inbox?from=2025-02-30`);
      expect(day.status).toBe(400);
      expect(day.body.details).toEqual([{ field: 'from', errors: ['from must be a real calendar day (YYYY-MM-DD)'] }]);
      const order = await cm.get(`${ws}/inbox?from=2025-03-09&to=2025-03-01`);
      expect(order.status).toBe(400);
      expect(order.body.details[0].field).toBe('to');
      expect((await cm.get(`${ws}/inbox?brandId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
      expect((await cm.get(`${ws}/inbox?channelAccountId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
      expect((await cm.get(`${ws}/inbox?cursor=bm90LWEtY3Vyc29y`)).status).toBe(400);
    });

    it('pages with a keyset cursor: every item once, in order', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: Item[]; nextCursor: string | null } = await list(
          cm,
          `?view=all&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        seen.push(...page.items.map((i) => keyOf(i.id)));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(['lead', 'troll', 'xssScript', 'xssImg', 'job', 'praise', 'question', 'complaint']);
    });

    it('gives each item its text, pseudonymised author, post context, type, reason, sentiment and age', async () => {
      const { items } = await list(viewer, '?type=complaint');
      const complaint = items.find((i) => keyOf(i.id) === 'complaint')!;
      expect(complaint).toMatchObject({
        text: TEXTS.complaint,
        type: 'complaint',
        classifiedType: 'complaint',
        typeCorrected: false,
        reason: 'inadmissible',
        status: 'open',
        language: 'fr',
        toxic: false,
        needsAttention: true,
        service: null,
        firstResponseMinutes: null,
        publishedAt: PUBLISHED.complaint,
        post: { platform: 'facebook', permalink: 'https://social.example/p-fb' },
      });
      expect(complaint.post.excerpt).toMatch(/^Découvrez notre nouvelle lampe Aurora/);
      expect(complaint.sentiment?.label).toBe('negative');
      const expectedAge = Math.floor((Date.now() - Date.parse(PUBLISHED.complaint)) / 60_000);
      expect(Math.abs(complaint.ageMinutes - expectedAge)).toBeLessThanOrEqual(1);
      // Pseudonymised by default: no display name or handle anywhere in the answer.
      expect(complaint.author?.pseudonymized).toBe(true);
      expect(complaint.author?.handle).toBeNull();
      expect(JSON.stringify(items)).not.toMatch(/Person complaint|handle_complaint/);
    });

    it('shows real author names when the workspace turned pseudonymisation off', async () => {
      await t.db.query(`UPDATE workspaces SET settings = '{"pseudonymizeAuthors": false}' WHERE id = $1`, [wsId]);
      const { items } = await list(cm, '?type=job_application');
      expect(items[0]!.author).toEqual({ name: 'Person job', handle: 'handle_job', pseudonymized: false });
      await t.db.query(`UPDATE workspaces SET settings = '{}' WHERE id = $1`, [wsId]);
    });

    it('returns HTML-looking comments as the exact plain text, in JSON', async () => {
      for (const [key, text] of [['xssImg', TEXTS.xssImg], ['xssScript', TEXTS.xssScript]] as const) {
        const res = await cm.get(`${ws}/inbox/${w.items[key]}`);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.body.text).toBe(text);
        // The raw body carries the string JSON-encoded, nothing added or escaped away.
        expect(res.text).toContain(JSON.stringify(text));
      }
      const listed = await cm.get(`${ws}/inbox?view=all&q=${encodeURIComponent('<img')}`);
      expect(listed.headers['content-type']).toMatch(/^application\/json/);
      expect(listed.body.items.map((i: Item) => i.text)).toEqual([TEXTS.xssImg]);
    });
  });

  describe('kept pages', () => {
    // The API keeps a page's rows while the brand activity version holds: every source of what a
    // page shows must move it, whichever code path writes (here plain SQL, as no service).
    const item = async (key: CommentKey) => (await list(cm, '?view=all&limit=100')).items.find((i) => i.id === w.items[key])!;

    it('shows at once a note, a new post text, an author pseudonym and a service name written behind its back', async () => {
      const before = await item('complaint');
      expect(await item('complaint')).toEqual(before);
      const [{ post_id: postId, author_id: authorId }] = (await t.db.query(
        'SELECT c.post_id, c.author_id FROM inbox_items i JOIN comments c ON c.id = i.comment_id WHERE i.id = $1',
        [w.items.complaint],
      )) as Array<{ post_id: string; author_id: string }>;
      await t.db.query(`INSERT INTO inbox_notes (workspace_id, item_id, text) VALUES ($1, $2, 'vu')`, [wsId, w.items.complaint]);
      expect((await item('complaint')) as unknown).toMatchObject({ notesCount: (before as unknown as { notesCount: number }).notesCount + 1 });
      await t.db.query(`UPDATE posts SET text = 'Nouveau texte du post' WHERE id = $1`, [postId]);
      expect((await item('complaint')).post.excerpt).toBe('Nouveau texte du post');
      await t.db.query(`UPDATE authors SET pseudonym = 'Lecteur RENOMME' WHERE id = $1`, [authorId]);
      expect((await item('complaint')).author?.name).toBe('Lecteur RENOMME');
      const [{ id: service }] = (await t.db.query(
        `INSERT INTO services (workspace_id, name, kind) VALUES ($1, 'SAV', 'sav') RETURNING id`,
        [wsId],
      )) as Array<{ id: string }>;
      await t.db.query('UPDATE inbox_items SET service_id = $2 WHERE id = $1', [w.items.complaint, service]);
      expect((await item('complaint')).service?.name).toBe('SAV');
      await t.db.query(`UPDATE services SET name = 'Service client' WHERE id = $1`, [service]);
      expect((await item('complaint')).service?.name).toBe('Service client');
      await t.db.query('UPDATE inbox_items SET service_id = NULL WHERE id = $1', [w.items.complaint]);
      await t.db.query('DELETE FROM services WHERE id = $1', [service]);
    });
  });

  describe('actions', () => {
    let sav: { id: string; name: string };
    beforeAll(async () => {
      const services = (await cm.get(`${ws}/services`)).body as Array<{ id: string; name: string; kind: string }>;
      sav = services.find((s) => s.kind === 'sav')!;
    });

    it('assigns to a service: open → assigned, filterable by status and service', async () => {
      const res = await cm.post(`${ws}/inbox/${w.items.complaint}/assign`, { serviceId: sav.id });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('assigned');
      expect(res.body.service).toEqual({ id: sav.id, name: 'SAV', kind: 'sav' });
      expect(await keys('?status=assigned')).toEqual(['complaint']);
      expect(await keys(`?serviceId=${sav.id}`)).toEqual(['complaint']);
      expect(await keys('?status=open')).toEqual(['lead', 'troll', 'xssScript', 'job', 'question']);
      const other = await cm.post(`${ws}/inbox/${w.items.complaint}/assign`, { serviceId: '00000000-0000-4000-8000-000000000000' });
      expect(other.status).toBe(404);
    });

    it('corrects the type: the item changes, the correction is stored and exported as JSON lines', async () => {
      const res = await cm.post(`${ws}/inbox/${w.items.xssImg}/type`, { type: 'spam' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ type: 'spam', classifiedType: 'other', typeCorrected: true, reason: null, needsAttention: true });
      // spam needs moderation: the item now shows in the default view
      expect(await keys('?type=spam')).toEqual(['xssImg']);
      const bad = await cm.post(`${ws}/inbox/${w.items.xssImg}/type`, { type: 'gossip' });
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('type');
      const detail = await cm.get(`${ws}/inbox/${w.items.xssImg}`);
      expect(detail.body.corrections).toEqual([
        { fromType: 'other', toType: 'spam', userId: cmUserId, createdAt: expect.any(String) },
      ]);
      const exp = await viewer.get(`${ws}/inbox/corrections.jsonl`);
      expect(exp.status).toBe(200);
      expect(exp.headers['content-type']).toMatch(/^application\/x-ndjson/);
      expect(exp.text.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
        { text: TEXTS.xssImg, predicted: 'other', corrected: 'spam', lang: 'und', at: detail.body.corrections[0].createdAt },
      ]);
    });

    it('adds notes, shown on the item', async () => {
      const res = await cm.post(`${ws}/inbox/${w.items.job}/notes`, { text: 'Transmis à Julie (RH) <b>urgent</b>' });
      expect(res.status).toBe(201);
      const detail = (await cm.get(`${ws}/inbox/${w.items.job}`)).body as { notes: Array<{ text: string; author: { id: string } }>; notesCount: number };
      expect(detail.notes.map((n) => [n.text, n.author.id])).toEqual([['Transmis à Julie (RH) <b>urgent</b>', cmUserId]]);
      expect(detail.notesCount).toBe(1);
      expect((await cm.post(`${ws}/inbox/${w.items.job}/notes`, { text: '' })).status).toBe(400);
    });

    it('marks answered by hand (response time until now), ignored, and reopens', async () => {
      const before = Date.now();
      const answered = await cm.post(`${ws}/inbox/${w.items.question}/status`, { status: 'answered' });
      expect(answered.status).toBe(200);
      expect(answered.body.status).toBe('answered');
      expect(answered.body.answeredBy).toBe(cmUserId);
      const expected = (before - Date.parse(PUBLISHED.question)) / 60_000;
      expect(Math.abs(answered.body.firstResponseMinutes - expected)).toBeLessThan(1);

      const ignored = await cm.post(`${ws}/inbox/${w.items.troll}/status`, { status: 'ignored' });
      expect(ignored.body).toMatchObject({ status: 'ignored', answeredAt: null, firstResponseMinutes: null });
      expect(await keys('?status=ignored')).toEqual(['troll']);
      expect(await keys('?status=answered,ignored')).toEqual(['troll', 'question']);

      // reopening an assigned item puts it back to 'assigned'
      await cm.post(`${ws}/inbox/${w.items.complaint}/status`, { status: 'ignored' });
      const reopened = await cm.post(`${ws}/inbox/${w.items.complaint}/status`, { status: 'open' });
      expect(reopened.body.status).toBe('assigned');
      const reopenedTroll = await cm.post(`${ws}/inbox/${w.items.troll}/status`, { status: 'open' });
      expect(reopenedTroll.body.status).toBe('open');
      expect((await cm.post(`${ws}/inbox/${w.items.troll}/status`, { status: 'assigned' })).status).toBe(400);
    });

    it('answers 404 for an item id that is not in the workspace', async () => {
      expect((await cm.get(`${ws}/inbox/999999999`)).status).toBe(404);
      expect((await cm.get(`${ws}/inbox/not-a-number`)).status).toBe(404);
      expect((await cm.post(`${ws}/inbox/999999999/status`, { status: 'ignored' })).status).toBe(404);
    });

    it('a viewer reads but cannot act (403 on every action)', async () => {
      const id = w.items.lead;
      const attempts: Array<[string, object]> = [
        [`${ws}/inbox/${id}/assign`, { serviceId: sav.id }],
        [`${ws}/inbox/${id}/forward`, { serviceId: sav.id }],
        [`${ws}/inbox/${id}/type`, { type: 'question' }],
        [`${ws}/inbox/${id}/notes`, { text: 'x' }],
        [`${ws}/inbox/${id}/status`, { status: 'answered' }],
        [`${ws}/inbox/reconcile`, {}],
        [`${ws}/services`, { name: 'Juridique', kind: 'other' }],
      ];
      for (const [url, body] of attempts) expect([url, (await viewer.post(url, body)).status]).toEqual([url, 403]);
      expect((await viewer.patch(`${ws}/services/${sav.id}`, { email: 'x@example.test' })).status).toBe(403);
      expect((await viewer.delete(`${ws}/services/${sav.id}`)).status).toBe(403);
      const after = (await cm.get(`${ws}/inbox/${id}`)).body as Item & { notes: unknown[] };
      expect(after).toMatchObject({ status: 'open', type: 'lead', service: null, notes: [] });
      expect((await viewer.get(`${ws}/inbox`)).status).toBe(200);
      expect((await viewer.get(`${ws}/inbox/${id}`)).status).toBe(200);
    });
  });

  describe('brand replies from the platform', () => {
    it('a brand reply written by the ingestion writer closes the item with the platform response time', async () => {
      // 90 minutes after the complaint (10:00Z → 11:30Z)
      await t.app.get(IngestionWriter).writeComments(w.fb, [brandReply('complaint', 'p-fb', 'c-complaint', '2025-03-05T11:30:00.000Z')]);
      // The ingestion event enqueued an enrichment job; workers start in the last test, so drain here.
      expect(await t.queue.pendingCount(ENRICHMENT_QUEUE)).toBeGreaterThan(0);
      await t.app.get(EnrichmentService).drain();
      const [reply] = (await t.db.query(
        `SELECT request_type, language, sentiment FROM comments WHERE workspace_id = $1 AND external_id = 'r-complaint'`,
        [wsId],
      )) as Array<{ request_type: string | null; language: string; sentiment: string }>;
      expect(reply).toEqual({ request_type: null, language: 'fr', sentiment: expect.any(String) });
      const item = (await cm.get(`${ws}/inbox/${w.items.complaint}`)).body as Item;
      expect(item).toMatchObject({
        status: 'answered',
        answeredBy: 'platform_reply',
        firstResponseMinutes: 90,
        answeredAt: '2025-03-05T11:30:00.000Z',
      });
      // The brand's reply is not an inbox item itself.
      expect(await keys('?view=all&q=regardons')).toEqual([]);
    });

    it('a later brand reply in the same thread answers a community reply; replays change nothing', async () => {
      const writer = t.app.get(IngestionWriter);
      // A community reply in the praise thread, then the brand answers in that thread 45 minutes later.
      await writer.writeComments(w.fb, [
        communityComment('followup', 'p-fb', 'Do you ship to Belgium too?', '2025-03-06T12:00:00.000Z', 'c-praise'),
      ]);
      await t.app.get(EnrichmentService).drain();
      await writer.writeComments(w.fb, [brandReply('thread', 'p-fb', 'c-praise', '2025-03-06T12:45:00.000Z', 'Yes, we ship to Belgium.')]);
      await t.app.get(EnrichmentService).drain();
      const [row] = (await t.db.query(
        `SELECT i.id FROM inbox_items i JOIN comments c ON c.id = i.comment_id WHERE c.external_id = 'c-followup' AND i.workspace_id = $1`,
        [wsId],
      )) as Array<{ id: string }>;
      const item = (await cm.get(`${ws}/inbox/${row!.id}`)).body as Item;
      expect(item).toMatchObject({ type: 'question', status: 'answered', answeredBy: 'platform_reply', firstResponseMinutes: 45 });
      // The praise itself got a direct reply: 24 h 45 min after it.
      const praise = (await cm.get(`${ws}/inbox/${w.items.praise}`)).body as Item;
      expect(praise.firstResponseMinutes).toBe(24 * 60 + 45);
      // Recomputing on demand finds nothing left to change.
      const rec = await cm.post(`${ws}/inbox/reconcile`, {});
      expect(rec.status).toBe(201);
      expect(rec.body).toEqual({ updated: 0 });
    });

    it('a brand reply overrides a hand-marked answer; on-demand recompute restores a reopened one', async () => {
      await cm.post(`${ws}/inbox/${w.items.job}/status`, { status: 'answered' });
      const writer = t.app.get(IngestionWriter);
      await writer.writeComments(w.fb, [brandReply('job', 'p-fb', 'c-job', '2025-03-06T09:00:00.000Z', 'Merci, transmis à notre équipe RH.')]);
      await t.app.get(EnrichmentService).drain();
      const job = (await cm.get(`${ws}/inbox/${w.items.job}`)).body as Item;
      expect(job).toMatchObject({ status: 'answered', answeredBy: 'platform_reply', firstResponseMinutes: 60 });
      await cm.post(`${ws}/inbox/${w.items.job}/status`, { status: 'open' });
      const rec = await cm.post(`${ws}/inbox/reconcile`, {});
      expect(rec.body).toEqual({ updated: 1 });
      expect(((await cm.get(`${ws}/inbox/${w.items.job}`)).body as Item).status).toBe('answered');
    });

    // Last: once workers run, the recurring safety-net job drains concurrently with the tests.
    it('through the worker queue: the ingestion event runs the enrichment job, which closes the item', async () => {
      await t.queue.startWorkers();
      await t.app.get(IngestionWriter).writeComments(w.ig, [brandReply('lead', 'p-ig', 'c-lead', '2025-03-09T00:10:00.000Z', 'Hello, we will send you a quote today.')]);
      let lead = (await cm.get(`${ws}/inbox/${w.items.lead}`)).body as Item;
      for (let i = 0; i < 100 && lead.status !== 'answered'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        lead = (await cm.get(`${ws}/inbox/${w.items.lead}`)).body as Item;
      }
      expect(lead).toMatchObject({ status: 'answered', answeredBy: 'platform_reply', firstResponseMinutes: 40 });
    });
  });
});
