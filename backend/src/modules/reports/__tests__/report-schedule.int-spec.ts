import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import { REPORTS_QUEUE, ReportScheduler } from '../scheduler/report-scheduler.service';

/** The monthly lifecycle with a fake clock: drafts on the 1st at 06:00 local, auto-send, no duplicates. */
describe('report schedule (fake clock, real Postgres, in-process queue)', () => {
  let t: TestApp;
  let cm: LoggedIn;
  let scheduler: ReportScheduler;
  let paris: string;
  let montreal: string;
  const brands: Record<string, string> = {};

  const drain = async () => {
    for (let i = 0; i < 400 && (await t.queue.pendingCount(REPORTS_QUEUE)) > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await t.queue.pendingCount(REPORTS_QUEUE)).toBe(0);
  };
  const reports = async () =>
    (await t.db.query('SELECT brand_id, month, status, generated_by FROM reports ORDER BY month, brand_id')) as Array<{
      brand_id: string;
      month: string;
      status: string;
      generated_by: string | null;
    }>;

  beforeAll(async () => {
    // Role "api" keeps the real minute tick (real clock) out of this test; handlers still run.
    t = await createTestApp({ env: { VIGIE_ROLE: 'api' } });
    await t.queue.startWorkers();
    const user = await createUser(t.db, 'cm@schedule.test');
    paris = await createWorkspace(t.db, 'Paris', [[user, 'cm']]);
    montreal = await createWorkspace(t.db, 'Montréal', [[user, 'cm']]);
    await t.db.query(`UPDATE workspaces SET timezone = 'America/Montreal', language = 'en' WHERE id = $1`, [montreal]);
    for (const [ws, name, kind] of [
      [paris, 'Acme', 'own'],
      [paris, 'Beta', 'own'],
      [paris, 'Rival', 'competitor'],
      [montreal, 'Erable', 'own'],
    ] as const) {
      const [row] = (await t.db.query('INSERT INTO brands (workspace_id, name, kind) VALUES ($1, $2, $3) RETURNING id', [ws, name, kind])) as Array<{
        id: string;
      }>;
      brands[name] = row.id;
    }
    cm = await login(t, user);
    scheduler = t.app.get(ReportScheduler);
  });

  afterAll(() => t.close());

  it('generates nothing before 06:00 on the 1st (05:59 Paris)', async () => {
    expect(await scheduler.runDue(new Date('2025-03-01T04:59:00Z'))).toEqual({ generate: 0, send: 0 });
    await drain();
    expect(await reports()).toEqual([]);
  });

  it('at 06:00 Paris on the 1st: one draft per own brand for the previous month, none for competitors', async () => {
    // Montreal is at 00:00 on 1 March: not yet due there.
    expect(await scheduler.runDue(new Date('2025-03-01T05:00:00Z'))).toEqual({ generate: 2, send: 0 });
    // a second tick before the jobs ran: same job ids, and the handler skips existing reports
    await scheduler.runDue(new Date('2025-03-01T05:00:30Z'));
    await drain();
    expect(await reports()).toEqual([
      { brand_id: brands.Acme, month: '2025-02', status: 'draft', generated_by: null },
      { brand_id: brands.Beta, month: '2025-02', status: 'draft', generated_by: null },
    ].sort((a, b) => a.brand_id.localeCompare(b.brand_id)));
  });

  it('rerunning later the same day does not duplicate', async () => {
    expect(await scheduler.runDue(new Date('2025-03-01T05:01:00Z'))).toEqual({ generate: 0, send: 0 });
    // 11:00 in Paris, still 05:00 in Montreal
    expect(await scheduler.runDue(new Date('2025-03-01T10:00:00Z'))).toEqual({ generate: 0, send: 0 });
    await drain();
    expect(await reports()).toHaveLength(2);
  });

  it('Montreal gets its draft at 06:00 its own time', async () => {
    expect(await scheduler.runDue(new Date('2025-03-01T10:59:00Z'))).toEqual({ generate: 0, send: 0 });
    expect(await scheduler.runDue(new Date('2025-03-01T11:00:00Z'))).toEqual({ generate: 1, send: 0 });
    await drain();
    const rows = await reports();
    expect(rows.filter((r) => r.brand_id === brands.Erable)).toEqual([{ brand_id: brands.Erable, month: '2025-02', status: 'draft', generated_by: null }]);
    const [{ language }] = (await t.db.query('SELECT language FROM reports WHERE brand_id = $1', [brands.Erable])) as Array<{ language: string }>;
    expect(language).toBe('en');
  });

  it('auto-sends at the configured hour, to the outbox folder without SMTP', async () => {
    const put = await cm.put(`/api/workspaces/${paris}/brands/${brands.Acme}/report-settings`, { recipients: ['direction@acme.test'], autoSendHour: 9 });
    expect(put.status).toBe(200);
    expect(await scheduler.runDue(new Date('2025-03-01T07:59:00Z'))).toEqual({ generate: 0, send: 0 });
    expect(await scheduler.runDue(new Date('2025-03-01T08:00:00Z'))).toEqual({ generate: 0, send: 1 });
    await drain();
    const rows = await reports();
    expect(rows.find((r) => r.brand_id === brands.Acme)?.status).toBe('sent');
    expect(rows.find((r) => r.brand_id === brands.Beta)?.status).toBe('draft');
    // already sent: not again
    expect(await scheduler.runDue(new Date('2025-03-01T09:00:00Z'))).toEqual({ generate: 0, send: 0 });

    const outbox = await cm.get(`/api/workspaces/${paris}/outbox`);
    expect(outbox.status).toBe(200);
    expect(outbox.body).toHaveLength(1);
    expect(outbox.body[0]).toMatchObject({ via: 'outbox', recipients: ['direction@acme.test'], subject: 'Acme — Rapport mensuel février 2025' });
    const file = path.join(t.config.dataDir, 'outbox', outbox.body[0].outboxFile as string);
    expect(existsSync(file)).toBe(true);
    const eml = readFileSync(file, 'utf8');
    expect(eml).toContain('To: direction@acme.test');
    expect(eml).toContain('text/html');
    expect(eml.includes('application/pdf')).toBe(existsSync('/usr/bin/chromium'));
    // the message reads back with its bodies (the Outbox page shows them sandboxed)
    const message = await cm.get(`/api/workspaces/${paris}/outbox/${outbox.body[0].id as string}`);
    expect(message.status).toBe(200);
    expect(message.body).toMatchObject({ id: outbox.body[0].id, subject: 'Acme — Rapport mensuel février 2025' });
    expect(message.body.html).toContain('Acme');
    expect(message.body.html).toMatch(/<html|<body|<table|<p/);
    expect(typeof message.body.text).toBe('string');
    // the other workspace sees none of it
    expect((await cm.get(`/api/workspaces/${montreal}/outbox`)).body).toEqual([]);
    expect((await cm.get(`/api/workspaces/${montreal}/outbox/${outbox.body[0].id as string}`)).status).toBe(404);
  });

  it('nothing is due on other days', async () => {
    expect(await scheduler.runDue(new Date('2025-03-02T05:00:00Z'))).toEqual({ generate: 0, send: 0 });
    expect(await scheduler.runDue(new Date('2025-03-31T22:00:00Z'))).toEqual({ generate: 0, send: 0 });
  });
});
