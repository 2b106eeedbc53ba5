import { createTestApp, type TestApp } from '../../../test-utils/test-app';
import { PlatformAppsService } from '../../channels/connect/platform-apps.service';
import { DemoSandboxService } from '../demo-sandbox.service';
import { FirstStartService } from '../first-start.service';

/** First start and the live demo's wiring and day-one veille setup, through the owners' repositories. */
describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { VIGIE_DEMO: 'true' } });
  });
  afterAll(async () => {
    await t.app.get(DemoSandboxService).onApplicationShutdown();
    await t.close();
  });

  it('creates the demo workspace, wires its accounts to the sandbox and seeds queries and alert rules once', async () => {
    const first = await t.app.get(FirstStartService).run();
    expect(first.demoWorkspaceId).toBeTruthy();
    const ws = first.demoWorkspaceId!;
    const sandbox = t.app.get(DemoSandboxService);
    const url = await sandbox.start({ crisisAfterMs: 3_600_000 });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);

    const count = async (table: string) =>
      ((await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = $1`, [ws])) as Array<{ n: number }>)[0].n;
    const brands = (await t.db.query('SELECT name, kind FROM brands WHERE workspace_id = $1 ORDER BY name', [ws])) as Array<{ name: string; kind: string }>;
    expect(brands.filter((b) => b.kind === 'own').map((b) => b.name)).toEqual(expect.arrayContaining(['Café Brûlé', 'Maison Lumière']));
    const own = brands.filter((b) => b.kind === 'own').length;
    expect(await count('channel_accounts')).toBeGreaterThan(0);
    // One query per brand, plus a crisis topic and four rules per own brand.
    expect(await count('watch_queries')).toBe(brands.length + own);
    const rules = (await t.db.query(
      `SELECT r.type, r.params, r.cooldown_minutes, q.kind FROM alert_rules r JOIN watch_queries q ON q.id = r.query_id
       WHERE r.workspace_id = $1 ORDER BY r.name`,
      [ws],
    )) as Array<{ type: string; params: object; cooldown_minutes: number; kind: string }>;
    expect(rules).toHaveLength(4 * own);
    expect(rules.filter((r) => r.kind === 'topic')).toEqual(
      Array.from({ length: own }, () => ({ type: 'volume_spike', params: { minCount: 5 }, cooldown_minutes: 60, kind: 'topic' })),
    );
    expect(rules.filter((r) => r.type === 'big_account').every((r) => r.cooldown_minutes === 1440 && JSON.stringify(r.params) === '{}')).toBe(true);

    // A second start re-points the accounts and seeds nothing twice.
    const accounts = await count('channel_accounts');
    await sandbox.onApplicationShutdown();
    // The restarted sandbox may listen elsewhere (its preferred port taken): the apps follow it.
    const restartedUrl = await sandbox.start({ crisisAfterMs: 3_600_000 });
    expect(await count('channel_accounts')).toBe(accounts);
    expect(await count('watch_queries')).toBe(brands.length + own);
    expect(await count('alert_rules')).toBe(4 * own);
    // A crisis playbook per own brand (checklist per stage, FR/EN holding statements), written once.
    const playbooks = (await t.db.query(
      `SELECT jsonb_array_length(p.checklist->'active') AS active, p.statements FROM crisis_playbooks p WHERE p.workspace_id = $1`,
      [ws],
    )) as Array<{ active: number; statements: Array<{ language: string }> }>;
    expect(playbooks).toHaveLength(own);
    expect(playbooks.every((p) => p.active > 0 && p.statements.map((x) => x.language).sort().join() === 'en,fr')).toBe(true);
    // Every Connect button of the demo runs the real flow against the sandbox: each platform is ready.
    expect(await count('platform_apps')).toBe(6);
    const connects = await t.app.get(PlatformAppsService).list(ws);
    expect(connects.filter((c) => c.method !== 'none' && !c.ready).map((c) => c.platform)).toEqual([]);
    expect(connects.find((c) => c.platform === 'facebook')).toMatchObject({ appSource: 'workspace', clientId: 'vigie-sandbox-facebook', baseUrl: `${restartedUrl}/facebook` });
  });
});
