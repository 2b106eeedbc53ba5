import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SMTPServer } from 'smtp-server';
import type { Response } from 'supertest';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import type { ReportFigures } from '../report-figures';
import { seedReportWorld, type ReportWorld } from './report-world';

const HAS_CHROMIUM = existsSync('/usr/bin/chromium');
const HAS_PDFTOTEXT = existsSync('/usr/bin/pdftotext');

function binary(res: Response & { on?: unknown }, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  (res as unknown as NodeJS.ReadableStream).on('data', (c: Buffer) => chunks.push(c));
  (res as unknown as NodeJS.ReadableStream).on('end', () => cb(null, Buffer.concat(chunks)));
}

interface Received {
  to: string[];
  raw: string;
}

describe('monthly report (API, real Postgres)', () => {
  let t: TestApp;
  let cm: LoggedIn;
  let viewer: LoggedIn;
  let w: ReportWorld;
  let ws: string;
  let smtp: SMTPServer;
  const received: Received[] = [];
  let report: { id: string; figures: ReportFigures; recommendations: Array<{ id: string; key: string | null; text: string }> };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, VIGIE_PUBLIC_URL: 'https://vigie.example.test' } });
    const cmUser = await createUser(t.db, 'cm@acme.test');
    const viewerUser = await createUser(t.db, 'boss@acme.test');
    ws = await createWorkspace(t.db, 'Agence Lumière', [
      [cmUser, 'cm'],
      [viewerUser, 'viewer'],
    ]);
    w = await seedReportWorld(t.app, t.db, ws);
    cm = await login(t, cmUser);
    viewer = await login(t, viewerUser);
    expect((await cm.post(`/api/workspaces/${ws}/alerts/${w.alertId}/acknowledge`)).status).toBeLessThan(300);
    expect((await cm.post(`/api/workspaces/${ws}/alerts/${w.alertId}/resolve`)).status).toBeLessThan(300);
    const res = await cm.post(`/api/workspaces/${ws}/reports`, { brandId: w.brandId, month: '2025-03' });
    expect(res.status).toBe(201);
    report = res.body;
  });

  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  const kpis = async (brandId: string, from: string, to: string) => {
    const res = await cm.get(`/api/workspaces/${ws}/kpis?brandId=${brandId}&from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    return res.body as { kpis: Record<string, number | null>; byChannel: Array<{ channelAccountId: string; kpis: Record<string, number | null> }> };
  };

  it('indicators: every figure equals the KPI API for the month and the previous calendar month', async () => {
    const march = await kpis(w.brandId, '2025-03-01', '2025-03-31');
    const february = await kpis(w.brandId, '2025-02-01', '2025-02-28');
    const january = await kpis(w.brandId, '2025-01-01', '2025-01-31');
    const rows = report.figures.indicators.rows;
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const r of rows) {
      expect({ key: r.key, value: r.value }).toEqual({ key: r.key, value: march.kpis[r.key] ?? null });
      expect({ key: r.key, previous: r.previous }).toEqual({ key: r.key, previous: february.kpis[r.key] ?? null });
      expect(r.series).toHaveLength(12);
      expect({ key: r.key, jan: r.series[9], mar: r.series[11] }).toEqual({ key: r.key, jan: january.kpis[r.key] ?? null, mar: march.kpis[r.key] ?? null });
    }
    // and the hand-checked values behind them
    const v = (k: string) => rows.find((r) => r.key === k)!;
    expect(v('interactions').value).toBe(590);
    expect(v('interactions').previous).toBe(60);
    expect(v('interactions').delta.relative).toBeCloseTo(530 / 60, 10);
    expect(v('engagementRateByReach').value).toBeCloseTo(0.118, 10);
    expect(v('followers').value).toBe(1620);
    expect(v('netFollowers').value).toBe(120);
    expect(v('responseRate').value).toBeCloseTo(1 / 3, 10);
    expect(v('medianFirstResponseMinutes').value).toBe(30);
    expect(v('netSentiment').value).toBe(0);
    // per channel, against the KPI API's byChannel
    for (const c of report.figures.indicators.byChannel) {
      const api = march.byChannel.find((x) => x.channelAccountId === c.channelAccountId)!;
      for (const r of c.rows) expect({ c: c.handle, key: r.key, value: r.value }).toEqual({ c: c.handle, key: r.key, value: api.kpis[r.key] ?? null });
    }
    const fb = report.figures.indicators.byChannel.find((c) => c.channelAccountId === w.facebookId)!;
    expect(fb.rows.find((r) => r.key === 'interactions')!.value).toBe(550);
  });

  it('highlights: top posts against the median rate, records, alerts of the month and how they ended', async () => {
    const h = report.figures.highlights;
    expect(h.postsCount).toBe(5);
    expect(h.medianRate).toBeCloseTo(0.06, 10);
    expect(h.topPosts.map((p) => [p.postId, p.interactions])).toEqual([
      [w.postIds.p2, 400],
      [w.postIds.p1, 100],
      [w.postIds.p3, 50],
    ]);
    expect(h.topPosts[0].rate).toBeCloseTo(0.2, 10);
    expect(h.topPosts[0].timesMedian).toBeCloseTo(0.2 / 0.06, 10);
    expect(h.bestDay).toEqual({ day: '2025-03-12', interactions: 400 });
    expect(h.bestPostEver).toMatchObject({ postId: w.postIds.p0, interactions: 1000, thisMonth: false });
    expect(h.bestMonthOfYear).toBe(false);
    expect(h.topics.find((x) => x.topic === '#printemps')).toEqual({ topic: '#printemps', posts: 3, rate: 530 / 3500 });
    expect(h.alerts).toHaveLength(1);
    const [alert] = h.alerts!;
    expect(alert).toMatchObject({
      id: w.alertId,
      kind: 'crisis',
      title: 'Afflux de mentions négatives',
      startedAt: '2025-03-12T18:00:00.000Z',
      peak: 42,
      status: 'resolved',
      acknowledgedBy: 'cm@acme.test',
      resolvedBy: 'cm@acme.test',
    });
    expect(alert.timeline.map((e) => [e.event, e.by, e.count])).toEqual([
      ['raised', null, null],
      ['lastSeen', null, 42],
      ['acknowledged', 'cm@acme.test', null],
      ['resolved', 'cm@acme.test', null],
    ]);
    // the same alert as the veille API shows it
    const api = await viewer.get(`/api/workspaces/${ws}/alerts/${w.alertId}`);
    expect(new Date(api.body.resolved.at).toISOString()).toBe(alert.resolvedAt);
    expect(report.figures.unavailable).toEqual([]);
  });

  it('inbound: counts per type, pseudonymised quotes, response per service', () => {
    const i = report.figures.inbound;
    const count = (type: string) => i.counts!.find((c) => c.type === type)!;
    expect(count('question')).toEqual({ type: 'question', count: 1, previous: 1 });
    expect(count('complaint')).toEqual({ type: 'complaint', count: 1, previous: 0 });
    expect(count('lead').count).toBe(1);
    expect(count('praise').count).toBe(1);
    expect(count('job_application').count).toBe(0);
    expect(i.quotes.map((q) => [q.type, q.text])).toEqual(
      expect.arrayContaining([
        ['complaint', 'Commande jamais reçue, remboursez-moi'],
        ['praise', 'Super produit, je recommande !'],
      ]),
    );
    // pseudonymizeAuthors is on by default: no real name anywhere in the report
    expect(i.quotes.every((q) => q.author.startsWith('Utilisateur '))).toBe(true);
    const json = JSON.stringify(report);
    for (const name of ['Jean Dupont', 'Marie Curie', 'Paul Valéry', 'Ada Lovelace']) expect(json).not.toContain(name);
    const sav = i.services!.find((s) => s.name === 'SAV')!;
    expect(sav).toMatchObject({ requests: 1, answered: 0, responseRate: 0 });
    // Themes of the month's community comments (the brand's reply is not one), next to February.
    expect(i.themes).toEqual({
      analysedComments: 4,
      withTheme: 2,
      items: [
        { aspect: 'delivery', comments: 1, negative: 1, neutral: 0, positive: 0, net: -1, previousComments: 1 },
        { aspect: 'product_quality', comments: 1, negative: 0, neutral: 0, positive: 1, net: 1, previousComments: 0 },
      ],
    });
  });

  it('competitors: engagement vs each competitor from the KPI API, month over month', async () => {
    const march = await kpis(w.rivalId, '2025-03-01', '2025-03-31');
    const february = await kpis(w.rivalId, '2025-02-01', '2025-02-28');
    const [rival] = report.figures.competitors.competitors;
    expect(rival).toMatchObject({ brandId: w.rivalId, name: 'Rival', interactions: 50, previousInteractions: 40 });
    expect(rival.engagementRateByReach).toBe(march.kpis.engagementRateByReach);
    expect(rival.previousEngagementRateByReach).toBe(february.kpis.engagementRateByReach);
    expect(rival.engagementRateByReach).toBeCloseTo(0.05, 10);
    expect(report.figures.competitors.brand.engagementRateByReach).toBeCloseTo(0.118, 10);
    // share of voice: brand 3 of 4 mentions in March, 1 of 2 in February — as the KPI and veille APIs say
    const brandMarch = await kpis(w.brandId, '2025-03-01', '2025-03-31');
    expect(report.figures.competitors.brand.shareOfVoice).toBe(0.75);
    expect(brandMarch.kpis.shareOfVoice).toBe(0.75);
    expect(report.figures.competitors.brand.previousShareOfVoice).toBe(0.5);
    expect(rival.shareOfVoice).toBe(0.25);
    expect(rival.previousShareOfVoice).toBe(0.5);
    const sov = await viewer.get(`/api/workspaces/${ws}/share-of-voice?brandId=${w.brandId}&from=2025-03-01&to=2025-03-31`);
    expect(sov.body.shareOfVoice).toBe(0.75);
    expect(report.figures.competitors.shareOfVoiceSource).toBe('veille');
  });

  it('recommendations: the response-rate rule cites its figures', () => {
    const rec = report.recommendations.find((r) => r.key === 'responseRate');
    expect(rec?.text.replace(/[\u202f\u00a0]/g, ' ')).toBe(
      'Traiter toutes les demandes : seules 33 % des 3 demandes ont reçu une réponse (2 sans réponse).',
    );
  });

  it('summaries are written in the workspace language from the figures', async () => {
    const res = await viewer.get(`/api/workspaces/${ws}/reports/${report.id}`);
    expect(res.status).toBe(200);
    const s = res.body.summaries as Record<string, string>;
    const plain = (x: string) => x.replace(/[\u202f\u00a0]/g, ' ');
    expect(plain(s.indicators)).toContain('En mars 2025, Acme a publié 5 fois (+400 % sur un mois), pour 590 interactions (+883,3 % sur un mois).');
    expect(plain(s.highlights)).toContain('3,3× le taux d\'engagement médian du mois');
    expect(plain(s.highlights)).toContain('1 alerte(s) dont 1 crise(s) ; toutes résolues.');
    expect(plain(s.competitors)).toContain('Part de voix : 75 % (+25 pt).');
    expect(plain(s.inbound)).toContain('Taux de réponse : 33 %, délai médian de première réponse : 30 min.');
    expect(plain(s.inbound)).toContain('Sujet le plus abordé : Livraison (1 commentaire, 25 % des commentaires analysés).');
  });

  it('serves the print-friendly HTML page under the CSP, with its stylesheet from self', async () => {
    const res = await viewer.get(`/api/workspaces/${ws}/reports/${report.id}/html`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.text).toContain('<link rel="stylesheet" href="/api/report-assets/report.css">');
    expect(res.text).not.toMatch(/<script|style="/);
    for (const title of ['1. Indicateurs', '2. Faits marquants', '3. Demandes entrantes', '4. Concurrence', '5. Recommandations']) {
      expect(res.text).toContain(title);
    }
    expect(res.text).toContain('<svg');
    expect(res.text).toMatch(/<table id="themes">.*Livraison.*Qualité du produit/s);
    const css = await t.http.get('/api/report-assets/report.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
  });

  (HAS_CHROMIUM && HAS_PDFTOTEXT ? it : it.skip)('renders the PDF with headless Chromium: section titles, a known figure, page numbers', async () => {
    const res = await viewer.get(`/api/workspaces/${ws}/reports/${report.id}/pdf`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const body = res.body as Buffer;
    expect(Buffer.from(body).subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vigie-pdf-'));
    writeFileSync(path.join(dir, 'r.pdf'), body);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/[\u202f\u00a0]/g, ' ');
    for (const title of ['1. Indicateurs', '2. Faits marquants', '3. Demandes entrantes', '4. Concurrence', '5. Recommandations']) {
      expect(text).toContain(title);
    }
    expect(text).toContain('Acme');
    expect(text).toContain('590 interactions');
    expect(text).toMatch(/Page 1 \/ \d/);
  });
  if (!HAS_CHROMIUM || !HAS_PDFTOTEXT) {
    it('PDF test skipped: needs /usr/bin/chromium and pdftotext (apt-get install chromium poppler-utils)', () => undefined);
  }

  it('exports every figure as XLSX, one sheet per section', async () => {
    const res = await viewer.get(`/api/workspaces/${ws}/reports/${report.id}/xlsx`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    // exceljs types its Buffer against older @types/node
    await wb.xlsx.load(res.body as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Indicateurs', 'Faits marquants', 'Demandes entrantes', 'Concurrence', 'Recommandations']);
    const sheet = wb.getWorksheet('Indicateurs')!;
    const found: Record<string, unknown> = {};
    sheet.eachRow((row) => {
      const key = row.getCell(2).value;
      if (typeof key === 'string') found[key] = row.getCell(3).value;
    });
    expect(found.interactions).toBe(590);
    expect(found.followers).toBe(1620);
    expect(found.engagementRateByReach).toBeCloseTo(0.118, 10);
  });

  it('keeps the CM edits to recommendations when the draft is regenerated', async () => {
    const rule = report.recommendations.find((r) => r.key === 'responseRate')!;
    const viewerTry = await viewer.patch(`/api/workspaces/${ws}/reports/${report.id}/recommendations`, { recommendations: [] });
    expect(viewerTry.status).toBe(403);
    const edited = await cm.patch(`/api/workspaces/${ws}/reports/${report.id}/recommendations`, {
      recommendations: [
        { id: rule.id, text: 'Répondre à toutes les demandes dans la journée (33 % traitées).' },
        { text: 'Préparer la campagne de printemps avec le service commercial.' },
      ],
    });
    expect(edited.status).toBe(200);
    const again = await cm.post(`/api/workspaces/${ws}/reports`, { brandId: w.brandId, month: '2025-03' });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(report.id);
    expect(again.body.recommendations.map((r: { text: string; source: string }) => [r.source, r.text])).toEqual([
      ['rule', 'Répondre à toutes les demandes dans la journée (33 % traitées).'],
      ['cm', 'Préparer la campagne de printemps avec le service commercial.'],
    ]);
    const list = await viewer.get(`/api/workspaces/${ws}/reports`);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ id: report.id, brandName: 'Acme', month: '2025-03', status: 'draft' });
  });

  it('sends by SMTP to the brand recipients: HTML summary, PDF attached, link; then the figures are frozen', async () => {
    const noRecipients = await cm.post(`/api/workspaces/${ws}/reports/${report.id}/send`);
    expect(noRecipients.status).toBe(400);
    const put = await cm.put(`/api/workspaces/${ws}/brands/${w.brandId}/report-settings`, {
      recipients: ['Direction@Acme.test', 'marketing@acme.test'],
      autoSendHour: 9,
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ brandId: w.brandId, recipients: ['direction@acme.test', 'marketing@acme.test'], autoSendHour: 9, language: null });
    const sent = await cm.post(`/api/workspaces/${ws}/reports/${report.id}/send`);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent', via: 'smtp', pdfAttached: HAS_CHROMIUM, sentTo: ['direction@acme.test', 'marketing@acme.test'] });
    expect(received).toHaveLength(1);
    const mail = received[0];
    expect(mail.to).toEqual(['direction@acme.test', 'marketing@acme.test']);
    expect(mail.raw).toMatch(/Subject: =\?UTF-8\?|Subject: Acme/);
    expect(mail.raw).toContain('text/html');
    // quoted-printable folds long lines with a trailing "="
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain(`https://vigie.example.test/api/workspaces/${ws}/reports/${report.id}/html`);
    if (HAS_CHROMIUM) {
      expect(mail.raw).toContain('application/pdf');
      expect(mail.raw).toContain('vigie-acme-2025-03.pdf');
      const attachment = /filename=vigie-acme-2025-03\.pdf[\s\S]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(mail.raw);
      expect(Buffer.from(attachment![1].replace(/\s/g, ''), 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    }
    const outbox = await viewer.get(`/api/workspaces/${ws}/outbox`);
    expect(outbox.body).toEqual([expect.objectContaining({ reportId: report.id, via: 'smtp', recipients: ['direction@acme.test', 'marketing@acme.test'] })]);

    // A sent report keeps its figures: new data does not change it, regenerate is refused.
    await t.db.query(`UPDATE posts SET reactions = reactions + 1000 WHERE id = $1`, [w.postIds.p1]);
    const regen = await cm.post(`/api/workspaces/${ws}/reports`, { brandId: w.brandId, month: '2025-03' });
    expect(regen.status).toBe(409);
    const stored = await viewer.get(`/api/workspaces/${ws}/reports/${report.id}`);
    expect(stored.body.status).toBe('sent');
    expect(stored.body.figures.indicators.rows.find((r: { key: string }) => r.key === 'interactions').value).toBe(590);
    const patch = await cm.patch(`/api/workspaces/${ws}/reports/${report.id}/recommendations`, { recommendations: [] });
    expect(patch.status).toBe(409);
  });

  it('validates input and hides other workspaces', async () => {
    expect((await cm.post(`/api/workspaces/${ws}/reports`, { brandId: w.brandId, month: '2025-13' })).status).toBe(400);
    expect((await cm.post(`/api/workspaces/${ws}/reports`, { brandId: '00000000-0000-4000-8000-000000000000', month: '2025-03' })).status).toBe(404);
    expect((await viewer.get(`/api/workspaces/${ws}/reports/not-a-uuid`)).status).toBe(404);
  });
});
