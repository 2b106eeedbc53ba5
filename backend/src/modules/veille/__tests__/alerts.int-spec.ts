import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AlertDeliveryService } from '../alerts/alert-delivery.service';
import { AlertEvaluatorService } from '../alerts/alert-evaluator.service';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp, type TestUser } from '../../../test-utils/test-app';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('veille: alerts (spike, cooldown, lifecycle, delivery)', () => {
  let t: TestApp;
  let cm: LoggedIn;
  let viewer: LoggedIn;
  let cmUser: TestUser;
  let ws: string;
  let base: string;
  let brandId: string;
  let queryId: string;
  let receiver: http.Server;
  let hookUrl: string;
  const received: Received[] = [];
  let failNext = 0;
  const SECRET = 'test-webhook-secret-0123456789';
  const now = new Date();

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end('busy');
        } else res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

    // api role: no recurring ticks race the explicit evaluations below; workers still consume deliveries.
    t = await createTestApp({ env: { VIGIE_ROLE: 'api' } });
    await t.queue.startWorkers();
    cmUser = await createUser(t.db, 'cm@alerts.test');
    const viewerUser = await createUser(t.db, 'viewer@alerts.test');
    ws = await createWorkspace(t.db, 'Alerts', [[cmUser, 'cm'], [viewerUser, 'viewer']]);
    cm = await login(t, cmUser);
    viewer = await login(t, viewerUser);
    base = `/api/workspaces/${ws}`;
    brandId = (await cm.post(`${base}/brands`, { name: 'Vigie', kind: 'own' })).body.id;
    queryId = (await cm.post(`${base}/watch-queries`, { brandId, kind: 'brand', name: 'Vigie', query: 'vigie' })).body.id;

    // Baseline: 4+ weeks of hourly mentions, 2–4 per hour (2 + h mod 3), each at the middle of its hour slot.
    await t.db.query(
      `WITH slots AS (SELECT h, generate_series(1, 2 + (h % 3)) AS i FROM generate_series(0, 700) AS h),
            ins AS (
              INSERT INTO mentions (workspace_id, platform, source, external_id, kind, origin, text, sentiment, published_at)
              SELECT $1, 'bluesky', 'bluesky', 'base-' || h || '-' || i, 'post', 'search', 'vigie comme d''habitude', 'neutral',
                     $2::timestamptz - make_interval(hours => h, mins => 30)
                FROM slots RETURNING id, published_at)
       INSERT INTO mention_matches (mention_id, query_id, workspace_id, brand_id, published_at)
       SELECT id, $3, $1, $4, published_at FROM ins`,
      [ws, now, queryId, brandId],
    );
  });

  afterAll(async () => {
    await t.close();
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  const alerts = async (status?: string) => (await viewer.get(`${base}/alerts${status ? `?status=${status}` : ''}`)).body as Array<Record<string, unknown>>;

  async function burst(n: number, minutesAgo: number) {
    await t.db.query(
      `WITH ins AS (
         INSERT INTO mentions (workspace_id, platform, source, external_id, kind, origin, text, sentiment, published_at)
         SELECT $1, 'x', 'x', 'burst-' || $5::text || '-' || i, 'post', 'search', 'vigie en panne !!', 'negative',
                $2::timestamptz - make_interval(mins => $5::int) FROM generate_series(1, $6::int) i RETURNING id, published_at)
       INSERT INTO mention_matches (mention_id, query_id, workspace_id, brand_id, published_at)
       SELECT id, $3, $1, $4, published_at FROM ins`,
      [ws, now, queryId, brandId, minutesAgo, n],
    );
  }

  it('validates rules: type params, webhook URL scheme, cm role', async () => {
    const bad = await cm.post(`${base}/alert-rules`, { queryId, name: 'x', type: 'volume_spike', params: { k: 'big' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'params.k', errors: ['must be a number'] }]);
    const ftp = await cm.post(`${base}/alert-rules`, { queryId, name: 'x', type: 'volume_spike', webhookUrl: 'ftp://example.com/x' });
    expect(ftp.status).toBe(400);
    expect(ftp.body.message).toMatch(/webhookUrl.*http/);
    expect((await viewer.post(`${base}/alert-rules`, { queryId, name: 'x', type: 'volume_spike' })).status).toBe(403);
  });

  it('raises exactly one spike alert on a burst, then updates it instead of raising again', async () => {
    const rule = await cm.post(`${base}/alert-rules`, {
      queryId,
      name: 'Pic Vigie',
      type: 'volume_spike',
      cooldownMinutes: 60,
      recipients: ['ops@alerts.test'],
      webhookUrl: hookUrl,
      webhookFormat: 'slack',
      webhookSecret: SECRET,
    });
    expect(rule.status).toBe(201);
    expect(rule.body).toMatchObject({ params: { k: 3, minCount: 10, shortWindow: true }, hasWebhookSecret: true, brandId });
    expect(JSON.stringify(rule.body)).not.toContain(SECRET);
    const evaluator = t.app.get(AlertEvaluatorService);

    // Routine hour: 2 mentions in the current hour (h = 0 slot), baseline samples 2, 2, 2, 2.
    expect(await evaluator.evaluateWorkspace(ws, now)).toEqual([]);
    expect(await alerts()).toEqual([]);

    await burst(25, 8);
    const first = await evaluator.evaluateWorkspace(ws, now);
    expect(first).toEqual([{ ruleId: rule.body.id, outcome: { action: 'raised', alertId: expect.any(String) } }]);
    let list = await alerts();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ type: 'volume_spike', status: 'open', count: 27, queryId, brandId, acknowledged: null, resolved: null });
    // m = median(2, 2, 2, 2) = 2, s = max(0, √2, 1) = 1.41 → threshold max(10, 6.24) = 10
    expect(list[0].details).toMatchObject({ window: '60m', lastHour: 27, last15Minutes: 25, threshold: 10, baseline: 2, samples: [2, 2, 2, 2] });

    // Still burning a minute later: same alert, counts updated.
    await burst(5, 0);
    const second = await evaluator.evaluateWorkspace(ws, new Date(now.getTime() + 1000));
    expect(second[0].outcome).toEqual({ action: 'updated', alertId: (first[0].outcome as { alertId: string }).alertId });
    list = await alerts();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ count: 32, occurrences: 2 });
  });

  it('delivers the new alert by signed Slack webhook and by email (outbox)', async () => {
    const deadline = Date.now() + 5000;
    let rows: Array<{ channel: string; status: string }> = [];
    while (Date.now() < deadline) {
      rows = (await t.db.query('SELECT channel, status FROM alert_deliveries ORDER BY channel')) as typeof rows;
      if (rows.length === 2 && rows.every((r) => r.status === 'sent')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(rows).toEqual([{ channel: 'email', status: 'sent' }, { channel: 'webhook', status: 'sent' }]);
    expect(received).toHaveLength(1);
    const hook = received[0];
    expect(hook.headers['content-type']).toBe('application/json');
    const expected = `sha256=${createHmac('sha256', SECRET).update(hook.body).digest('hex')}`;
    expect(hook.headers['x-vigie-signature']).toBe(expected);
    const body = JSON.parse(hook.body);
    expect(body.text).toMatch(/^Volume spike: Vigie — Vigie — 27 mentions in 60 min/);
    expect(body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: expect.stringMatching(/^Volume spike/) } });
    expect(String(body.vigie.sentAt)).toBe(hook.headers['x-vigie-timestamp']);

    const outbox = path.join(t.config.dataDir, 'outbox');
    const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const eml = readFileSync(path.join(outbox, files[0]), 'utf8');
    expect(eml).toMatch(/^To: ops@alerts\.test$/m);
    // RFC 2047-encoded (the title has an em dash): "[Vigie] Volume spike: …"
    expect(eml).toMatch(/^Subject: =\?UTF-8\?Q\?=5BVigie=5D_Volume_spike=3A_Vigie_/m);
    expect(eml).toMatch(/^Count: 27$/m);
  });

  it('retries a failing webhook: the delivery stays pending until an attempt succeeds', async () => {
    const [a] = (await t.db.query('SELECT id FROM alerts LIMIT 1')) as Array<{ id: string }>;
    const [d] = (await t.db.query(`INSERT INTO alert_deliveries (alert_id, channel, target) VALUES ($1, 'webhook', $2) RETURNING id::text`, [a.id, hookUrl])) as Array<{ id: string }>;
    const delivery = t.app.get(AlertDeliveryService);
    failNext = 1;
    await expect(delivery.deliver(d.id, 1)).rejects.toThrow(/HTTP 503/);
    expect((await t.db.query('SELECT status, attempts, last_error FROM alert_deliveries WHERE id = $1', [d.id]))[0]).toEqual({ status: 'pending', attempts: 1, last_error: 'webhook answered HTTP 503' });
    await delivery.deliver(d.id, 2);
    expect((await t.db.query('SELECT status, attempts FROM alert_deliveries WHERE id = $1', [d.id]))[0]).toEqual({ status: 'sent', attempts: 2 });
  });

  it('lifecycle: viewer reads but cannot act; cm acknowledges then resolves, with who and when', async () => {
    const [a] = await alerts('open');
    const id = a.id as string;
    expect((await viewer.post(`${base}/alerts/${id}/acknowledge`)).status).toBe(403);
    expect((await viewer.post(`${base}/alerts/${id}/resolve`)).status).toBe(403);

    const ack = await cm.post(`${base}/alerts/${id}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledged: { by: cmUser.id, email: 'cm@alerts.test', at: expect.any(String) }, resolved: null });
    expect(await alerts('open')).toEqual([]);
    expect((await alerts('acknowledged')).map((x) => x.id)).toEqual([id]);

    const res = await cm.post(`${base}/alerts/${id}/resolve`);
    expect(res.body).toMatchObject({ status: 'resolved', resolved: { by: cmUser.id, email: 'cm@alerts.test' } });
    expect(new Date(res.body.resolved.at).getTime()).toBeGreaterThanOrEqual(new Date(res.body.acknowledged.at).getTime());
    expect((await cm.post(`${base}/alerts/${id}/acknowledge`)).status).toBe(409);
    expect((await cm.post(`${base}/alerts/00000000-0000-4000-8000-000000000000/resolve`)).status).toBe(404);
  });

  it('cool-down: a resolved spike still burning is not re-raised within the cool-down, and is after it', async () => {
    const evaluator = t.app.get(AlertEvaluatorService);
    const later = new Date(now.getTime() + 2000);
    const r1 = await evaluator.evaluateWorkspace(ws, later);
    expect(r1.map((x) => x.outcome.action)).toEqual(['suppressed']);
    expect(await alerts()).toHaveLength(1);

    const [rule] = (await cm.get(`${base}/alert-rules`)).body as Array<{ id: string }>;
    expect((await cm.patch(`${base}/alert-rules/${rule.id}`, { cooldownMinutes: 0 })).body.cooldownMinutes).toBe(0);
    const r2 = await evaluator.evaluateWorkspace(ws, new Date(now.getTime() + 3000));
    expect(r2.map((x) => x.outcome.action)).toEqual(['raised']);
    expect((await alerts()).map((x) => x.status).sort()).toEqual(['open', 'resolved']);
  });

  it('negative surge, big account and first appearance rules', async () => {
    const evaluator = t.app.get(AlertEvaluatorService);
    const [spikeRule] = (await cm.get(`${base}/alert-rules`)).body as Array<{ id: string }>;
    await cm.patch(`${base}/alert-rules/${spikeRule.id}`, { active: false });
    const neg = await cm.post(`${base}/alert-rules`, { brandId, name: 'Négatif', type: 'negative_surge' });
    const big = await cm.post(`${base}/alert-rules`, { brandId, name: 'Gros compte', type: 'big_account', params: { minFollowers: 100000 } });
    const topic = (await cm.post(`${base}/watch-queries`, { brandId, kind: 'topic', name: 'Rappel', query: '"rappel produit"' })).body.id;
    const first = await cm.post(`${base}/alert-rules`, { queryId: topic, name: 'Première', type: 'first_appearance' });
    expect([neg.status, big.status, first.status]).toEqual([201, 201, 201]);

    // Last hour: 32 burst mentions, all negative (share 0.94) vs a neutral baseline (share ≈ 0).
    await t.db.query(
      `WITH ins AS (INSERT INTO mentions (workspace_id, platform, source, external_id, kind, origin, text, author_external_id, author_handle, author_followers, published_at, matched_at)
         VALUES ($1, 'youtube', 'youtube', 'yt-1', 'post', 'search', 'rappel produit Vigie', 'UCbig', '@bigtuber', 250000, $2, now()) RETURNING id, published_at)
       INSERT INTO mention_matches (mention_id, query_id, workspace_id, brand_id, published_at, matched_at)
       SELECT id, q, $1, $3, published_at, now() FROM ins, unnest(ARRAY[$4, $5]::uuid[]) q`,
      [ws, now, brandId, queryId, topic],
    );
    const out = await evaluator.evaluateWorkspace(ws, new Date(now.getTime() + 4000));
    expect(out.map((x) => [x.ruleId, x.outcome.action])).toEqual([
      [neg.body.id, 'raised'],
      [big.body.id, 'raised'],
      [first.body.id, 'raised'],
    ]);
    const open = await alerts('open');
    const byType = Object.fromEntries(open.map((a) => [a.type, a]));
    expect(byType.negative_surge.details).toMatchObject({ negative: 30 });
    expect(byType.big_account).toMatchObject({ key: 'author:youtube:UCbig', count: 1 });
    expect(byType.big_account.title).toMatch(/@bigtuber \(250,000 followers on youtube\)/);
    expect(byType.first_appearance).toMatchObject({ queryId: topic, key: `query:${topic}` });

    // First appearance is raised once ever, even after resolution and with no cool-down.
    await cm.patch(`${base}/alert-rules/${first.body.id}`, { cooldownMinutes: 0 });
    await cm.post(`${base}/alerts/${byType.first_appearance.id}/resolve`);
    const again = await evaluator.evaluateWorkspace(ws, new Date(now.getTime() + 5000));
    expect(again.find((x) => x.ruleId === first.body.id)?.outcome).toEqual({ action: 'suppressed' });
  });
});
