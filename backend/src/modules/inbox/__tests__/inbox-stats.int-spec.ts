import { EnrichmentService } from '../../enrichment/enrichment.service';
import { IngestionWriter } from '../../ingestion/writer/ingestion-writer.service';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import { CommentSentimentContributor } from '../../kpi/contributors/comment-sentiment.contributor';
import { InboxKpiContributor } from '../inbox-kpi.contributor';
import { InboxStatsService } from '../inbox-stats.service';
import { brandReply, buildWorld, TEXTS, type World } from './inbox-world';

/**
 * Response KPIs on a world whose answers are known (times in UTC):
 *   complaint (fb) 10:00 → brand reply 11:30 = 90 min      question (ig) 11:00 → 11:30 = 30 min
 *   xssScript (fb, a complaint) 10:00 → 15:00 = 300 min    lead (ig) 23:30 → 23:45 = 15 min
 *   job application (fb): no reply                          troll, praise, other: not requests
 * So 5 requests, 4 answered; minutes [15, 30, 90, 300]: median 60, p90 = 90 + 0.7 × 210 = 237.
 */
describe('inbox stats, KPI feed, services and text/analyze (HTTP, real Postgres)', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let cm: LoggedIn;
  let viewer: LoggedIn;
  let wsId: string;
  let ws: string;
  let w: World;
  let sav: { id: string; name: string; kind: string; email: string | null };

  beforeAll(async () => {
    t = await createTestApp({ env: { VIGIE_SYNC_TICK_MS: '0' } });
    const a = await createUser(t.db, 'admin@stats.test');
    const c = await createUser(t.db, 'cm@stats.test');
    const v = await createUser(t.db, 'viewer@stats.test');
    wsId = await createWorkspace(t.db, 'Stats WS', [[a, 'admin'], [c, 'cm'], [v, 'viewer']]);
    ws = `/api/workspaces/${wsId}`;
    admin = await login(t, a);
    cm = await login(t, c);
    viewer = await login(t, v);
    w = await buildWorld(t, admin, wsId, 'stats');
    const writer = t.app.get(IngestionWriter);
    await writer.writeComments(w.fb, [
      brandReply('complaint', 'p-fb', 'c-complaint', '2025-03-05T11:30:00.000Z'),
      brandReply('xssScript', 'p-fb', 'c-xssScript', '2025-03-06T15:00:00.000Z'),
    ]);
    await writer.writeComments(w.ig, [
      brandReply('question', 'p-ig', 'c-question', '2025-03-05T11:30:00.000Z', 'Yes we do!'),
      brandReply('lead', 'p-ig', 'c-lead', '2025-03-08T23:45:00.000Z', 'We will send you a quote.'),
    ]);
    await t.app.get(EnrichmentService).drain();
    sav = ((await viewer.get(`${ws}/services`)).body as Array<typeof sav>).find((s) => s.kind === 'sav')!;
    for (const key of ['complaint', 'job'] as const) {
      const res = await cm.post(`${ws}/inbox/${w.items[key]}/assign`, { serviceId: sav.id });
      if (res.status !== 200) throw new Error(`assign ${key}: ${res.status}`);
    }
  });
  afterAll(() => t.close());

  describe('GET …/inbox/stats', () => {
    it('gives the response rate and first-response median / p90, overall and per service, type and channel', async () => {
      const res = await viewer.get(`${ws}/inbox/stats?brandId=${w.brandId}&from=2025-03-01&to=2025-03-31`);
      expect(res.status).toBe(200);
      const s = res.body;
      expect(s).toMatchObject({
        period: { from: '2025-03-01', to: '2025-03-31', timezone: 'Europe/Paris' },
        requests: 5,
        answered: 4,
        responseRate: 0.8,
        medianFirstResponseMinutes: 60,
        p90FirstResponseMinutes: 237,
        unenriched: 0,
      });
      expect([...s.firstResponseMinutes].sort((x: number, y: number) => x - y)).toEqual([15, 30, 90, 300]);
      // SAV: complaint (90) + job (unanswered); unassigned: question 30, xssScript 300, lead 15.
      expect(s.byService).toEqual([
        { key: null, label: null, requests: 3, answered: 3, responseRate: 1, medianFirstResponseMinutes: 30, p90FirstResponseMinutes: 246 },
        { key: sav.id, label: 'SAV', requests: 2, answered: 1, responseRate: 0.5, medianFirstResponseMinutes: 90, p90FirstResponseMinutes: 90 },
      ]);
      expect(s.byType).toEqual([
        { key: 'complaint', label: 'complaint', requests: 2, answered: 2, responseRate: 1, medianFirstResponseMinutes: 195, p90FirstResponseMinutes: 279 },
        { key: 'job_application', label: 'job_application', requests: 1, answered: 0, responseRate: 0, medianFirstResponseMinutes: null, p90FirstResponseMinutes: null },
        { key: 'lead', label: 'lead', requests: 1, answered: 1, responseRate: 1, medianFirstResponseMinutes: 15, p90FirstResponseMinutes: 15 },
        { key: 'question', label: 'question', requests: 1, answered: 1, responseRate: 1, medianFirstResponseMinutes: 30, p90FirstResponseMinutes: 30 },
      ]);
      expect(s.byChannel).toEqual([
        { key: w.fb.channelAccountId, label: 'facebook · lumiere_stats', requests: 3, answered: 2, responseRate: 2 / 3, medianFirstResponseMinutes: 195, p90FirstResponseMinutes: 279 },
        { key: w.ig.channelAccountId, label: 'instagram · lumiere_stats', requests: 2, answered: 2, responseRate: 1, medianFirstResponseMinutes: 22.5, p90FirstResponseMinutes: 28.5 },
      ]);
      // community comments only (brand replies and the competitor's comment excluded)
      expect(s.sentiment).toEqual({ positive: 2, negative: 3, neutral: 3, netSentiment: -0.2 });
    });

    it('counts a message on the local day it was written, and filters by channel', async () => {
      // lead: 23:30 UTC on 8 March = 9 March in Paris
      const day9 = (await viewer.get(`${ws}/inbox/stats?brandId=${w.brandId}&from=2025-03-09&to=2025-03-09`)).body;
      expect(day9).toMatchObject({ requests: 1, answered: 1, medianFirstResponseMinutes: 15, firstResponseMinutes: [15] });
      const ig = (await viewer.get(`${ws}/inbox/stats?brandId=${w.brandId}&channelAccountId=${w.ig.channelAccountId}&from=2025-03-01&to=2025-03-31`)).body;
      expect(ig).toMatchObject({ requests: 2, answered: 2, responseRate: 1, medianFirstResponseMinutes: 22.5 });
      const empty = (await viewer.get(`${ws}/inbox/stats?brandId=${w.brandId}&from=2025-04-01&to=2025-04-30`)).body;
      expect(empty).toMatchObject({ requests: 0, answered: 0, responseRate: null, medianFirstResponseMinutes: null, byType: [] });
    });

    it('leaves ignored requests out of the denominator', async () => {
      await cm.post(`${ws}/inbox/${w.items.job}/status`, { status: 'ignored' });
      const s = (await viewer.get(`${ws}/inbox/stats?brandId=${w.brandId}&from=2025-03-01&to=2025-03-31`)).body;
      expect(s).toMatchObject({ requests: 4, answered: 4, responseRate: 1 });
      await cm.post(`${ws}/inbox/${w.items.job}/status`, { status: 'open' });
    });

    it('validates the period and scopes the brand to the workspace', async () => {
      const bad = await viewer.get(`${ws}/inbox/stats?from=2025-03-10&to=2025-03-01`);
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('to');
      const missing = await viewer.get(`${ws}/inbox/stats`);
      expect(missing.status).toBe(400);
      expect((missing.body.details as Array<{ field: string }>).map((d) => d.field).sort()).toEqual(['from', 'to']);
      expect((await viewer.get(`${ws}/inbox/stats?brandId=00000000-0000-4000-8000-000000000000&from=2025-03-01&to=2025-03-31`)).status).toBe(404);
    });
  });

  describe('KPI API', () => {
    it('fills responseRate, medianFirstResponseMinutes, p90 and netSentiment of the brand', async () => {
      const res = await viewer.get(`/api/workspaces/${wsId}/kpis?brandId=${w.brandId}&from=2025-03-01&to=2025-03-31`);
      expect(res.status).toBe(200);
      const kpis = (res.body.kpis.kpis ?? res.body.kpis) as Record<string, number | null>;
      expect(kpis).toMatchObject({
        communityRequests: 5,
        communityRequestsAnswered: 4,
        responseRate: 0.8,
        medianFirstResponseMinutes: 60,
        netSentiment: -0.2,
      });
      expect(kpis.p90FirstResponseMinutes).toBeCloseTo(237, 9);
    });

    it('answers the period and the previous one in one call, each with its own rows, in the order asked', async () => {
      const [{ timezone }] = (await t.db.query('SELECT timezone FROM workspaces WHERE id = $1', [wsId])) as Array<{ timezone: string }>;
      const scope = { workspaceId: wsId, brandId: w.brandId, channelAccountId: null, timezone };
      const feb = { ...scope, from: '2025-02-01', to: '2025-02-28' };
      const march = { ...scope, from: '2025-03-01', to: '2025-03-31' };
      const inbox = t.app.get(InboxKpiContributor);
      const [f, m] = await inbox.contribute([feb, march]);
      expect(m.counts).toEqual({ communityRequests: 5, communityRequestsAnswered: 4 });
      expect(m.firstResponseMinutes).toHaveLength(4);
      expect(f.counts).toEqual({ communityRequests: 0, communityRequestsAnswered: 0 });
      expect(f.firstResponseMinutes).toEqual([]);
      expect(await inbox.contribute([march, feb])).toEqual([m, f]);
      const sentiment = t.app.get(CommentSentimentContributor);
      const [sf, sm] = await sentiment.contribute([feb, march]);
      expect(sf.counts).toEqual({ sentimentPositive: 0, sentimentNegative: 0, sentimentNeutral: 0 });
      expect([sm]).toEqual(await sentiment.contribute([march]));
      const [pos, neg, neu] = [sm.counts.sentimentPositive ?? 0, sm.counts.sentimentNegative ?? 0, sm.counts.sentimentNeutral ?? 0];
      expect(pos + neg + neu).toBeGreaterThan(0);
      expect((pos - neg) / (pos + neg)).toBeCloseTo(-0.2, 12); // the netSentiment the KPI API gives for March
    });

    it('has no response KPIs for a competitor (no inbox), rather than zeros', async () => {
      const res = await viewer.get(`/api/workspaces/${wsId}/kpis?brandId=${w.competitorId}&from=2025-03-01&to=2025-03-31`);
      expect(res.status).toBe(200);
      const block = res.body.kpis as { kpis?: Record<string, number | null>; missing?: string[] };
      const kpis = (block.kpis ?? block) as Record<string, number | null>;
      expect(kpis.responseRate).toBeNull();
      expect(kpis.communityRequests).toBeNull();
      if (block.missing) expect(block.missing).toEqual(expect.arrayContaining(['responseRate', 'communityRequests']));
    });
  });

  describe('monthly counts per request type', () => {
    it('counts every inbound type of the month, zeros included', async () => {
      const stats = t.app.get(InboxStatsService);
      const march = await stats.requestTypeCountsByMonth(wsId, w.brandId, '2025-03');
      expect(march).toEqual({
        month: '2025-03',
        total: 8,
        counts: {
          question: 1,
          complaint: 2,
          lead: 1,
          job_application: 1,
          partnership: 0,
          invitation: 0,
          subscription: 0,
          praise: 1,
          spam: 0,
          troll: 1,
          other: 1,
        },
      });
      expect((await stats.requestTypeCountsByMonth(wsId, w.brandId, '2025-02')).total).toBe(0);
      await expect(stats.requestTypeCountsByMonth(wsId, w.brandId, '2025-13')).rejects.toThrow(/month/);
    });
  });

  describe('services', () => {
    it('seeds SAV, Commercial, RH and Communication for a French workspace', async () => {
      const list = (await viewer.get(`${ws}/services`)).body as Array<{ name: string; kind: string; email: string | null }>;
      expect(list.map((s) => [s.name, s.kind, s.email])).toEqual([
        ['SAV', 'sav', null],
        ['Commercial', 'commercial', null],
        ['RH', 'rh', null],
        ['Communication', 'communication', null],
      ]);
    });

    it('lets an admin create, rename, set an email and delete; cm and viewer cannot', async () => {
      const body = { name: 'Juridique', email: 'juridique@lumiere.test', kind: 'other' };
      expect((await cm.post(`${ws}/services`, body)).status).toBe(403);
      const created = await admin.post(`${ws}/services`, body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject(body);
      expect((await admin.post(`${ws}/services`, { name: 'sav', kind: 'sav' })).status).toBe(409);
      const invalid = await admin.post(`${ws}/services`, { name: 'X', email: 'not-an-email', kind: 'marketing' });
      expect(invalid.status).toBe(400);
      expect((invalid.body.details as Array<{ field: string }>).map((d) => d.field).sort()).toEqual(['email', 'kind']);

      expect((await cm.patch(`${ws}/services/${sav.id}`, { email: 'sav@lumiere.test' })).status).toBe(403);
      const patched = await admin.patch(`${ws}/services/${sav.id}`, { email: 'sav@lumiere.test' });
      expect(patched.body).toMatchObject({ id: sav.id, name: 'SAV', email: 'sav@lumiere.test' });
      const cleared = await admin.patch(`${ws}/services/${sav.id}`, { email: null });
      expect(cleared.body.email).toBeNull();

      expect((await cm.delete(`${ws}/services/${created.body.id}`)).status).toBe(403);
      expect((await admin.delete(`${ws}/services/${created.body.id}`)).status).toBe(204);
      const names = ((await viewer.get(`${ws}/services`)).body as Array<{ name: string }>).map((s) => s.name);
      expect(names).not.toContain('Juridique');
      // a deleted service can no longer receive items
      expect((await cm.post(`${ws}/inbox/${w.items.lead}/assign`, { serviceId: created.body.id })).status).toBe(404);
      expect((await admin.delete(`${ws}/services/${created.body.id}`)).status).toBe(404);
    });

    it('names the defaults in English for an English workspace, and does not bring deleted ones back', async () => {
      const [{ id }] = (await t.db.query(`INSERT INTO workspaces (name, language) VALUES ('EN', 'en') RETURNING id`)) as Array<{ id: string }>;
      const [{ user_id }] = (await t.db.query(`SELECT user_id FROM memberships WHERE workspace_id = $1 AND role = 'admin'`, [wsId])) as Array<{ user_id: string }>;
      await t.db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'admin')`, [id, user_id]);
      const url = `/api/workspaces/${id}/services`;
      const list = (await admin.get(url)).body as Array<{ id: string; name: string }>;
      expect(list.map((s) => s.name)).toEqual(['Customer service', 'Sales', 'HR', 'Communication']);
      for (const s of list) expect((await admin.delete(`${url}/${s.id}`)).status).toBe(204);
      expect((await admin.get(url)).body).toEqual([]);
    });
  });

  describe('POST …/text/analyze', () => {
    it('reads pasted texts (viewer allowed) with exactly the documented fields', async () => {
      const res = await viewer.post(`${ws}/text/analyze`, { texts: [TEXTS.complaint, TEXTS.question, TEXTS.xssImg] });
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(3);
      for (const r of res.body as Array<Record<string, unknown>>) {
        expect(Object.keys(r).sort()).toEqual(['language', 'requestType', 'sentiment', 'toxic']);
        expect(Object.keys(r.sentiment as object).sort()).toEqual(['label', 'score']);
        expect(Object.keys(r.requestType as object).sort()).toEqual(['reason', 'type']);
      }
      expect(res.body[0]).toMatchObject({ language: 'fr', sentiment: { label: 'negative' }, requestType: { type: 'complaint', reason: 'inadmissible' }, toxic: false });
      expect(res.body[1]).toMatchObject({ language: 'en', requestType: { type: 'question' } });
      expect(res.body[2]).toMatchObject({ requestType: { type: 'other', reason: null } });
    });

    it('rejects empty, oversized and non-string input with field paths', async () => {
      const cases: Array<[object, string[]]> = [
        [{ texts: [] }, ['texts']],
        [{ texts: Array.from({ length: 101 }, () => 'a') }, ['texts']],
        [{ texts: ['ok', 'x'.repeat(5001), 'fine', 'y'.repeat(6000)] }, ['texts.1', 'texts.3']],
        [{ texts: [1, 2] }, ['texts']],
        [{}, ['texts']],
        [{ texts: ['a'], extra: true }, ['extra']],
      ];
      for (const [body, fields] of cases) {
        const res = await viewer.post(`${ws}/text/analyze`, body);
        expect([JSON.stringify(body).slice(0, 40), res.status]).toEqual([JSON.stringify(body).slice(0, 40), 400]);
        expect((res.body.details as Array<{ field: string }>).map((d) => d.field)).toEqual(fields);
      }
      const limit = await viewer.post(`${ws}/text/analyze`, { texts: ['z'.repeat(5000), ...Array.from({ length: 99 }, () => 'merci')] });
      expect(limit.status).toBe(200);
      expect(limit.body).toHaveLength(100);
    });
  });
});
