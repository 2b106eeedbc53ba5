import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { CrisisDetailDto, CrisisInfluencersDto, CrisisPlaybookDto } from '@vigie/contracts';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp, type TestUser } from '../../../test-utils/test-app';
import { until } from '../../../test-utils/wait';
import { localTime } from '../crisis-report';

const MIN = 60_000;

/**
 * The crisis cell over HTTP on real Postgres: opened from an alert, stage changes with reasons and
 * notifications (outbox e-mail + webhook to a local server), roles and workspace scoping, the
 * timeline against hand-computed figures, the influencer map's privacy, the playbook and the
 * statement workflow, and the post-crisis report (HTML escaped, PDF read back with pdftotext).
 */
describe('crisis cell', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let cm: LoggedIn;
  let legal: LoggedIn;
  let viewer: LoggedIn;
  let outsider: LoggedIn;
  let cmUser: TestUser;
  let legalUser: TestUser;
  let ws: string;
  let otherWs: string;
  let base: string;
  let brandId: string;
  let queryId: string;
  let query2Id: string;
  let alertId: string;
  let crisisId: string;
  let receiver: http.Server;
  let hookUrl: string;
  const received: Array<Record<string, any>> = [];
  const signatures: string[] = [];
  const HOOK_SECRET = 'crisis-hook-secret-0123456789';
  /** Minute floor of the test start: crisis mentions are seeded at whole minutes before it. */
  const now0 = Math.floor(Date.now() / MIN) * MIN;
  const TITLE = 'Rappel produit <script>alert(1)</script>';

  /** Crisis mentions: minutes before now0 → [count, negative, reach each]. */
  const BURST: Array<[number, number, number, number]> = [
    [20, 1, 0, 100],
    [18, 2, 1, 100],
    [15, 4, 2, 50],
    [12, 9, 6, 10],
    [10, 6, 4, 10],
    [6, 2, 1, 10],
    [3, 1, 0, 10],
  ];

  async function mention(v: { ext: string; at: number; negative?: boolean; reach?: number; author?: string; followers?: number; own?: boolean; queries?: string[]; redacted?: boolean }) {
    const [m] = (await t.db.query(
      `INSERT INTO mentions (workspace_id, platform, source, external_id, kind, origin, text, author_external_id, author_handle, author_name, author_followers, reach, engagement, sentiment, is_own_content, published_at, redacted_at)
       VALUES ($1, 'bluesky', 'bluesky', $2, 'post', 'search', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        ws,
        v.ext,
        v.redacted ? '' : 'rappel lampe aurora surchauffe #rappel',
        v.redacted ? null : (v.author ?? null),
        v.redacted || !v.author ? null : `${v.author}.bsky.social`,
        v.redacted || !v.author ? null : `Real ${v.author}`,
        v.followers ?? null,
        v.reach ?? null,
        3,
        v.negative ? 'negative' : 'neutral',
        v.own ?? false,
        new Date(v.at),
        v.redacted ? new Date() : null,
      ],
    )) as Array<{ id: string }>;
    for (const q of v.queries ?? [queryId]) {
      await t.db.query(`INSERT INTO mention_matches (mention_id, query_id, workspace_id, brand_id, published_at) VALUES ($1, $2, $3, $4, $5)`, [m!.id, q, ws, brandId, new Date(v.at)]);
    }
  }

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString();
        received.push(JSON.parse(raw) as Record<string, unknown>);
        signatures.push(String(req.headers['x-vigie-signature']) === `sha256=${createHmac('sha256', HOOK_SECRET).update(raw).digest('hex')}` ? 'ok' : 'bad');
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/crisis-hook`;

    t = await createTestApp({ env: { VIGIE_ROLE: 'api' } });
    await t.queue.startWorkers();
    const adminUser = await createUser(t.db, 'admin@crisis.test');
    cmUser = await createUser(t.db, 'cm@crisis.test');
    legalUser = await createUser(t.db, 'legal@crisis.test');
    const viewerUser = await createUser(t.db, 'viewer@crisis.test');
    const outsiderUser = await createUser(t.db, 'outsider@crisis.test');
    ws = await createWorkspace(t.db, 'Crisis', [[adminUser, 'admin'], [cmUser, 'cm'], [legalUser, 'cm'], [viewerUser, 'viewer']]);
    otherWs = await createWorkspace(t.db, 'Other', [[outsiderUser, 'admin']]);
    admin = await login(t, adminUser);
    cm = await login(t, cmUser);
    legal = await login(t, legalUser);
    viewer = await login(t, viewerUser);
    outsider = await login(t, outsiderUser);
    base = `/api/workspaces/${ws}`;
    brandId = (await admin.post(`${base}/brands`, { name: 'Maison Lumière', kind: 'own' })).body.id;
    queryId = (await cm.post(`${base}/watch-queries`, { brandId, kind: 'brand', name: 'Lumière', query: 'aurora' })).body.id;
    query2Id = (await cm.post(`${base}/watch-queries`, { brandId, kind: 'topic', name: 'Rappel', query: '#rappel' })).body.id;
    const rule = await cm.post(`${base}/alert-rules`, { queryId, name: 'Pic', type: 'volume_spike' });
    expect(rule.status).toBe(201);
    const [a] = (await t.db.query(
      `INSERT INTO alerts (workspace_id, rule_id, brand_id, query_id, type, key, title, count) VALUES ($1, $2, $3, $4, 'volume_spike', 'spike', $5, 25) RETURNING id`,
      [ws, rule.body.id, brandId, queryId, TITLE],
    )) as Array<{ id: string }>;
    alertId = a!.id;

    // Baseline (7 days before the timeline's start, itself 1 h before opening): 14 mentions, 3 negative,
    // each more than 24 h before opening (so none of them is the crisis's "first mention").
    for (let k = 0; k < 14; k++) await mention({ ext: `base-${k}`, at: now0 - 25 * 60 * MIN - k * 10 * 60 * MIN, negative: k < 3 });
    // Outside the baseline window (8 days before): never counted.
    await mention({ ext: 'old', at: now0 - 8 * 24 * 60 * MIN });
    // The burst, 10 s into each minute; some matched by both queries (counted once).
    for (const [ago, n, neg, reach] of BURST) {
      for (let i = 0; i < n; i++) await mention({ ext: `b-${ago}-${i}`, at: now0 - ago * MIN + 10_000, negative: i < neg, reach, queries: i === 0 ? [queryId, query2Id] : [queryId] });
    }
    // Own content is never counted.
    await mention({ ext: 'own-1', at: now0 - 12 * MIN + 20_000, own: true, reach: 99999 });
    // Authors: a big account (2 mentions, 1 negative), a regular who talked about the brand 30 h before
    // (also a baseline mention), an erased person re-seen after erasure, a redacted mention.
    await mention({ ext: 'big-1', at: now0 - 14 * MIN + 5_000, author: 'bigstar', followers: 50_000, reach: 50_000, negative: true });
    await mention({ ext: 'big-2', at: now0 - 9 * MIN + 5_000, author: 'bigstar', followers: 50_000, reach: 50_000 });
    await mention({ ext: 'reg-1', at: now0 - 11 * MIN + 5_000, author: 'regular', followers: 120, reach: 120 });
    await mention({ ext: 'reg-prior', at: now0 - 30 * 60 * MIN, author: 'regular', followers: 120 });
    await mention({ ext: 'erased-1', at: now0 - 8 * MIN + 5_000, author: 'erasedperson', followers: 900, reach: 900 });
    await t.db.query(`INSERT INTO authors (workspace_id, platform, external_id, pseudonym, erased_at) VALUES ($1, 'bluesky', 'erasedperson', 'Utilisateur 0E0E', now())`, [ws]);
    await mention({ ext: 'redacted-1', at: now0 - 7 * MIN + 5_000, redacted: true, followers: 700, reach: 700 });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  const outbox = () => {
    const dir = path.join(t.config.dataDir, 'outbox');
    return existsSync(dir) ? readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8')) : [];
  };

  it('configures the crisis settings (admin only, precise 400s)', async () => {
    expect((await cm.put(`${base}/crisis-settings`, { roles: ['lead', 'cm'] })).status).toBe(403);
    const bad = await admin.put(`${base}/crisis-settings`, { roles: ['Lead!'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('roles');
    const noLead = await admin.put(`${base}/crisis-settings`, { roles: ['cm'] });
    expect([noLead.status, noLead.body.message]).toEqual([400, "Invalid request: roles must include 'lead' (the lead approves statements)"]);
    const ok = await admin.put(`${base}/crisis-settings`, { roles: ['lead', 'cm', 'legal', 'management', 'hr'], webhookUrl: hookUrl, webhookFormat: 'slack', webhookSecret: HOOK_SECRET });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ roles: ['lead', 'cm', 'legal', 'management', 'hr'], webhookUrl: hookUrl, webhookFormat: 'slack', bigAccountFollowers: 10000, hasWebhookSecret: true });
    expect(JSON.stringify(ok.body)).not.toContain(HOOK_SECRET);
  });

  it('opens a crisis from an alert; the cell is notified by e-mail and webhook', async () => {
    const bad = await cm.post(`${base}/crises`, { title: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Invalid request: give alertId, or brandIds, queryIds and title (missing: brandIds, queryIds)');
    expect((await viewer.post(`${base}/crises`, { alertId })).status).toBe(403);
    const res = await cm.post(`${base}/crises`, { alertId, members: [{ userId: legalUser.id, role: 'legal' }] });
    expect([res.status, res.body.message]).toEqual([201, undefined]);
    const c = res.body as CrisisDetailDto;
    crisisId = c.id;
    expect(c).toMatchObject({ title: TITLE, stage: 'watch', alertId, brandIds: [brandId], queryIds: [queryId], openedBy: { userId: cmUser.id, email: 'cm@crisis.test' }, nextStages: ['active', 'closed'] });
    expect(c.members.map((m) => [m.email, m.role]).sort()).toEqual([['cm@crisis.test', 'lead'], ['legal@crisis.test', 'legal']]);
    expect(c.events.map((e) => e.kind)).toEqual(['opened']);
    await until('open notifications', async () => received.some((b) => b.vigie?.crisis?.event === 'opened') && outbox().some((m) => m.includes('Crisis opened')), 10_000, 50);
    const hook = received.find((b) => b.vigie?.crisis?.event === 'opened')!;
    expect(hook.vigie.crisis).toMatchObject({ id: crisisId, stage: 'watch' });
    expect(signatures).toEqual(signatures.map(() => 'ok'));
    const mail = outbox().find((m) => m.includes('Crisis opened'))!;
    expect(mail).toContain('cm@crisis.test');
    expect(mail).toContain('legal@crisis.test');
    expect((await viewer.get(`${base}/crises`)).body.map((x: { id: string }) => x.id)).toEqual([crisisId]);
  });

  it('scopes crises to their workspace and roles', async () => {
    expect((await outsider.get(`/api/workspaces/${otherWs}/crises/${crisisId}`)).status).toBe(404);
    expect((await outsider.get(`/api/workspaces/${otherWs}/crises/${crisisId}/report.html`)).status).toBe(404);
    expect((await outsider.post(`/api/workspaces/${otherWs}/crises/${crisisId}/stage`, { stage: 'active', reason: 'mine now' })).status).toBe(404);
    // Not a member of that workspace: it does not exist for them.
    expect((await outsider.get(`${base}/crises/${crisisId}`)).status).toBe(404);
    expect((await viewer.get(`${base}/crises/${crisisId}`)).status).toBe(200);
    expect((await viewer.post(`${base}/crises/${crisisId}/stage`, { stage: 'active', reason: 'viewer tries' })).status).toBe(403);
  });

  it('moves stages with a required reason; invalid moves answer 400 with the allowed ones; each move notifies', async () => {
    const noReason = await cm.post(`${base}/crises/${crisisId}/stage`, { stage: 'active' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body.details)).toContain('reason');
    const wrong = await cm.post(`${base}/crises/${crisisId}/stage`, { stage: 'contained', reason: 'too early' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('A crisis cannot move from watch to contained; allowed from watch: active, closed');
    expect(wrong.body.details).toEqual({ field: 'stage', from: 'watch', allowed: ['active', 'closed'] });
    const ok = await cm.post(`${base}/crises/${crisisId}/stage`, { stage: 'active', reason: 'Un fil viral sur Bluesky' });
    expect(ok.status).toBe(200);
    const c = ok.body as CrisisDetailDto;
    expect(c.stage).toBe('active');
    expect(c.events.at(-1)).toMatchObject({ kind: 'stage_changed', fromStage: 'watch', toStage: 'active', reason: 'Un fil viral sur Bluesky', by: { email: 'cm@crisis.test' } });
    await until('stage notifications', async () => received.some((b) => b.vigie?.crisis?.stage === 'active') && outbox().some((m) => m.includes('watch → active') || m.includes('watch =E2=86=92 active')), 10_000, 50);
    expect(received.find((b) => b.vigie?.crisis?.stage === 'active')!.vigie.crisis).toMatchObject({ event: 'stage_changed', fromStage: 'watch', reason: 'Un fil viral sur Bluesky' });
  });

  it('timeline: per-minute buckets, baseline and moments equal the hand-computed figures', async () => {
    const c = (await viewer.get(`${base}/crises/${crisisId}`)).body as CrisisDetailDto;
    const tl = c.timeline;
    expect(tl.bucketMinutes).toBe(1);
    const opened = Date.parse(c.openedAt);
    expect(Date.parse(tl.from)).toBe(Math.floor((opened - 60 * MIN) / MIN) * MIN);
    // Baseline: 14 + the regular's prior mention = 15 mentions (3 negative) over 7 × 1440 minutes.
    expect(tl.baseline).toMatchObject({ method: 'mean_7_days_before', count: 15, negativeShare: Math.round((3 / 15) * 10000) / 10000 });
    expect(tl.baseline.perMinute).toBeCloseTo(15 / 10080, 4);
    const expected = new Map<number, { count: number; negative: number; reach: number }>();
    const add = (ago: number, count: number, negative: number, reach: number) => {
      const k = now0 - ago * MIN;
      const cur = expected.get(k) ?? { count: 0, negative: 0, reach: 0 };
      expected.set(k, { count: cur.count + count, negative: cur.negative + negative, reach: cur.reach + reach });
    };
    for (const [ago, n, neg, reach] of BURST) add(ago, n, neg, n * reach);
    add(14, 1, 1, 50_000);
    add(9, 1, 0, 50_000);
    add(11, 1, 0, 120);
    add(8, 1, 0, 900);
    add(7, 1, 0, 700);
    for (const p of tl.points) {
      const want = expected.get(Date.parse(p.start)) ?? { count: 0, negative: 0, reach: 0 };
      expect([p.start, p.count, p.negative, p.reach]).toEqual([p.start, want.count, want.negative, want.reach]);
    }
    const total = [...expected.values()].reduce((a, x) => a + x.count, 0);
    expect(tl.points.reduce((a, p) => a + p.count, 0)).toBe(total);
    expect(tl.totals.count).toBe(total);
    const kinds = tl.moments.map((m) => [m.kind, m.at]);
    expect(kinds).toContainEqual(['first_mention', new Date(now0 - 20 * MIN + 10_000).toISOString()]);
    expect(kinds).toContainEqual(['peak', new Date(now0 - 12 * MIN).toISOString()]);
    expect(kinds).toContainEqual(['big_account', new Date(now0 - 14 * MIN + 5_000).toISOString()]);
    expect(tl.moments.find((m) => m.kind === 'peak')).toMatchObject({ count: 9 });
    expect(JSON.stringify(tl.moments)).not.toContain('bigstar');
    // Big account + negative share over the baseline (20 %) → advice citing the numbers.
    const keys = c.recommendations.map((r) => r.key);
    expect(keys).toContain('bigAccounts.involved');
    expect(c.recommendations.find((r) => r.key === 'bigAccounts.involved')!.params).toEqual({ count: 1, maxFollowers: 50000, threshold: 10000 });
  });

  it('influencer map: reach, engagement, sentiment, prior mentions; pseudonymised; erased and redacted authors absent', async () => {
    const res = await viewer.get(`${base}/crises/${crisisId}/influencers`);
    expect(res.status).toBe(200);
    const m = res.body as CrisisInfluencersDto;
    expect(m.items).toHaveLength(2);
    const [big, reg] = m.items;
    expect(big).toMatchObject({ platform: 'bluesky', followers: 50000, mentions: 2, reach: 100000, engagement: 6, sentiment: { positive: 0, negative: 1, negativeShare: 0.5 }, priorMentions: 0, talkedBefore: false, bigAccount: true });
    expect(reg).toMatchObject({ followers: 120, mentions: 1, priorMentions: 1, talkedBefore: true, bigAccount: false });
    for (const i of m.items) expect(i.author).toEqual({ name: expect.stringMatching(/^Utilisateur [0-9A-F]{4}$/), handle: null, pseudonymized: true });
    const text = JSON.stringify(m);
    for (const s of ['bigstar', 'regular', 'erasedperson', 'Real ']) expect(text).not.toContain(s);
    expect(m.sort).toBe('reach');
    const byEng = (await viewer.get(`${base}/crises/${crisisId}/influencers?sort=engagement`)).body as CrisisInfluencersDto;
    expect(byEng.sort).toBe('engagement');
    const badSort = await viewer.get(`${base}/crises/${crisisId}/influencers?sort=loud`);
    expect(badSort.status).toBe(400);
    expect(JSON.stringify(badSort.body)).toContain('sort');
    // The veille reads show the same pseudonyms (mentions list, influencers).
    const mentions = (await viewer.get(`${base}/mentions?queryId=${queryId}&limit=100`)).body as { items: Array<{ author: Record<string, unknown> | null }> };
    const withAuthor = mentions.items.filter((x) => x.author);
    expect(withAuthor.length).toBeGreaterThanOrEqual(4);
    for (const x of withAuthor) expect(x.author).toMatchObject({ name: expect.stringMatching(/^Utilisateur [0-9A-F]{4}$/), handle: null, pseudonymized: true, externalId: expect.stringMatching(/^p_[0-9a-f]{20}$/) });
    const bigName = m.items[0]!.author.name;
    expect(withAuthor.some((x) => x.author!.name === bigName)).toBe(true);
    const day = new Date().toISOString().slice(0, 10);
    const week = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
    const infl = await viewer.get(`${base}/influencers?brandId=${brandId}&from=${week}&to=${day}`);
    expect(infl.status).toBe(200);
    expect(infl.body.items.length).toBeGreaterThan(0);
    for (const i of infl.body.items) expect(i.author).toMatchObject({ handle: null, pseudonymized: true, name: expect.stringMatching(/^Utilisateur [0-9A-F]{4}$/) });
    for (const s of ['bigstar', 'regular', 'Real ']) expect(JSON.stringify([mentions.items, infl.body])).not.toContain(s);
    // Pseudonymisation off: real names, still never the erased person.
    expect((await admin.patch(`${base}/privacy`, { pseudonymizeAuthors: false })).status).toBe(200);
    const open = (await viewer.get(`${base}/crises/${crisisId}/influencers`)).body as CrisisInfluencersDto;
    expect(open.items.map((i) => i.author.name)).toEqual(['Real bigstar', 'Real regular']);
    expect(JSON.stringify(open)).not.toContain('erasedperson');
    const openMentions = (await viewer.get(`${base}/mentions?queryId=${queryId}&limit=100`)).body as { items: Array<{ author: { name: string; pseudonymized: boolean } | null }> };
    expect(openMentions.items.some((x) => x.author?.name === 'Real bigstar' && x.author.pseudonymized === false)).toBe(true);
    expect((await admin.patch(`${base}/privacy`, { pseudonymizeAuthors: true })).status).toBe(200);
  });

  it('playbook: admin writes it (400 per field), the crisis ticks its checklist with a time', async () => {
    const body = {
      checklist: {
        watch: [{ id: 'qualify', label: 'Qualifier le sujet' }],
        active: [{ id: 'legal-check', label: 'Valider avec le juridique' }],
        contained: [],
        closed: [{ id: 'debrief', label: 'Débrief' }],
      },
      statements: [{ id: 'holding-fr', language: 'fr', title: 'Attente', text: 'Nous avons connaissance de la situation et revenons vers vous rapidement.' }],
    };
    expect((await cm.put(`${base}/brands/${brandId}/crisis-playbook`, body)).status).toBe(403);
    const bad = await admin.put(`${base}/brands/${brandId}/crisis-playbook`, { ...body, statements: [{ id: 'x', language: 'de', title: 't', text: 't' }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('statements.0.language');
    const dup = await admin.put(`${base}/brands/${brandId}/crisis-playbook`, { ...body, checklist: { ...body.checklist, closed: [{ id: 'qualify', label: 'again' }] } });
    expect([dup.status, dup.body.message]).toEqual([400, "Invalid request: checklist item id 'qualify' is used twice (ids are unique across stages)"]);
    const ok = await admin.put(`${base}/brands/${brandId}/crisis-playbook`, body);
    expect(ok.status).toBe(200);
    expect((ok.body as CrisisPlaybookDto).statements).toHaveLength(1);
    expect((await viewer.get(`${base}/brands/${brandId}/crisis-playbook`)).body).toMatchObject({ brandId, checklist: body.checklist });

    expect((await viewer.post(`${base}/crises/${crisisId}/checklist/qualify/tick`)).status).toBe(403);
    expect((await cm.post(`${base}/crises/${crisisId}/checklist/nope/tick`)).status).toBe(404);
    const ticked = (await cm.post(`${base}/crises/${crisisId}/checklist/qualify/tick`)).body as CrisisDetailDto;
    expect(ticked.checklist.map((i) => [i.id, i.stage, !!i.ticked])).toEqual([
      ['qualify', 'watch', true],
      ['legal-check', 'active', false],
    ]);
    expect(ticked.events.at(-1)).toMatchObject({ kind: 'checklist_ticked', checklistItemId: 'qualify', label: 'Qualifier le sujet' });
    expect(ticked.holdingStatements[0]).toMatchObject({ id: 'holding-fr', language: 'fr' });
  });

  let statementId: string;
  it('statements: a cm submits, only the lead (or an admin) approves, posting needs the approval', async () => {
    const sub = await legal.post(`${base}/crises/${crisisId}/statements`, { language: 'fr', text: 'Nous avons connaissance de la situation.' });
    expect(sub.status).toBe(201);
    statementId = (sub.body as CrisisDetailDto).statements[0]!.id;
    expect((await legal.post(`${base}/crises/${crisisId}/statements/${statementId}/post`, { url: 'https://bsky.app/profile/lumiere/post/1' })).status).toBe(409);
    const notLead = await legal.post(`${base}/crises/${crisisId}/statements/${statementId}/approve`);
    expect([notLead.status, notLead.body.message]).toEqual([403, 'Only the crisis lead or a workspace admin can approve a statement']);
    expect((await viewer.post(`${base}/crises/${crisisId}/statements/${statementId}/approve`)).status).toBe(403);
    const approved = await cm.post(`${base}/crises/${crisisId}/statements/${statementId}/approve`);
    expect(approved.status).toBe(200);
    expect((approved.body as CrisisDetailDto).statements[0]).toMatchObject({ status: 'approved', approvedBy: { email: 'cm@crisis.test' } });
    const both = await legal.post(`${base}/crises/${crisisId}/statements/${statementId}/post`, {});
    expect(both.status).toBe(400);
    const posted = await legal.post(`${base}/crises/${crisisId}/statements/${statementId}/post`, { url: 'https://bsky.app/profile/lumiere/post/1' });
    expect(posted.status).toBe(200);
    const c = posted.body as CrisisDetailDto;
    expect(c.statements[0]).toMatchObject({ status: 'posted', postedVia: 'manual', url: 'https://bsky.app/profile/lumiere/post/1', postedBy: { email: 'legal@crisis.test' } });
    expect(c.timeline.moments.some((m) => m.kind === 'statement_posted')).toBe(true);
    expect((await legal.post(`${base}/crises/${crisisId}/statements/${statementId}/post`, { url: 'https://bsky.app/x' })).status).toBe(409);
  });

  it('closes, and the post-crisis report lists every step with its time (HTML escaped, PDF text)', async () => {
    expect((await cm.post(`${base}/crises/${crisisId}/stage`, { stage: 'contained', reason: 'Volume revenu à la normale' })).status).toBe(200);
    const closed = await cm.post(`${base}/crises/${crisisId}/stage`, { stage: 'closed', reason: 'Clôture après débrief' });
    expect(closed.status).toBe(200);
    const c = closed.body as CrisisDetailDto;
    expect(c).toMatchObject({ stage: 'closed', nextStages: [], closedAt: expect.any(String) });
    expect((await cm.post(`${base}/crises/${crisisId}/stage`, { stage: 'active', reason: 'relapse' })).body.message).toBe(
      'A crisis cannot move from closed to active; allowed from closed: none (a closed crisis is final)',
    );

    const html = await viewer.get(`${base}/crises/${crisisId}/report.html`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).not.toContain('<script>alert(1)</script>');
    expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.text).not.toContain('bigstar');

    const pdf = await viewer.get(`${base}/crises/${crisisId}/report.pdf`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(os.tmpdir(), `crisis-${crisisId}.pdf`);
    writeFileSync(file, pdf.body as Buffer);
    // -raw keeps the content order (time cell, then the action); wrapped cells are joined back by collapsing whitespace.
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const tz = 'Europe/Paris';
    const steps: Array<[string, string]> = [
      ['opened', 'Crise ouverte'],
      ['stage_changed', 'Étape veille → active : Un fil viral sur Bluesky'],
      ['checklist_ticked', 'Check-list cochée : Qualifier le sujet'],
      ['statement_submitted', 'Déclaration soumise'],
      ['statement_approved', 'Déclaration approuvée'],
      ['statement_posted', 'Déclaration publiée (https://bsky.app/profile/lumiere/post/1)'],
      ['stage_changed', 'Étape active → contenue : Volume revenu à la normale'],
      ['stage_changed', 'Étape contenue → close : Clôture après débrief'],
    ];
    expect(c.events).toHaveLength(steps.length);
    c.events.forEach((ev, i) => {
      expect(ev.kind).toBe(steps[i]![0]);
      expect(text).toContain(`${localTime(ev.at, tz)} ${steps[i]![1]}`);
    });
    expect(text).toContain('Bilan de crise');

    // The closed crisis is in the month's report highlights ("spikes and crises").
    const month = localTime(c.closedAt!, tz).slice(0, 7);
    const report = await cm.post(`${base}/reports`, { brandId, month });
    expect(report.status).toBe(201);
    const got = await viewer.get(`${base}/reports/${report.body.id}`);
    const crisisFigure = (got.body.figures.highlights.alerts as Array<Record<string, unknown>>).find((a) => a.id === crisisId);
    expect(crisisFigure).toMatchObject({ kind: 'crisis', title: TITLE, status: 'resolved', resolvedBy: 'cm@crisis.test', peak: 9 });
    expect(text).toContain(`${c.timeline.totals.count}`);
  });
});
