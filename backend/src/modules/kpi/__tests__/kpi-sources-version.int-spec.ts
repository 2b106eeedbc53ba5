import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import { KpiActivityMarksRepository } from '../kpi-activity-marks.repository';
import { insertAccount, insertBrand, insertFollowers } from './kpi-fixtures';

/**
 * The KPI API keeps followers, tracked-link and share-of-voice answers while the brand's sources
 * version (kpi_source_marks) holds. Through HTTP: each kind of write those answers read — a click
 * on the redirect, a conversion, a follower snapshot, a mention match, a competitor's query
 * removed — shows in the next answer of the same API process; and none of them moves the
 * activity version the inbox pages are kept under.
 */
describe('KPI answers kept per sources version', () => {
  let t: TestApp;
  let cm: LoggedIn;
  let ws: string;
  let brand: string;
  let rival: string;
  let fb: string;
  let today: string;
  let from: string;
  let mentionNo = 0;

  const kpis = async () => {
    const res = await cm.get(`/api/workspaces/${ws}/kpis?brandId=${brand}&from=${from}&to=${today}`);
    expect(res.status).toBe(200);
    return res.body.kpis as Record<string, number | null>;
  };
  const version = async (table: 'kpi_activity_marks' | 'kpi_source_marks', brandId = brand) =>
    ((await t.db.query(`SELECT coalesce(sum(weight), 0)::int AS v FROM ${table} WHERE brand_id = $1`, [brandId])) as Array<{ v: number }>)[0].v;
  const watchQuery = async (brandId: string, kind: 'brand' | 'competitor') =>
    ((await t.db.query(
      `INSERT INTO watch_queries (workspace_id, brand_id, kind, name, query) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
      [ws, brandId, kind, `q-${kind}-${brandId}`],
    )) as Array<{ id: string }>)[0].id;
  /** What the listening writer does: the mention, then its match. */
  const mention = async (queryId: string, brandId: string) => {
    const [m] = (await t.db.query(
      `INSERT INTO mentions (workspace_id, platform, source, external_id, kind, origin, text, published_at)
       VALUES ($1, 'bluesky', 'bluesky', $2, 'post', 'search', 'une mention', now()) RETURNING id`,
      [ws, `at://sources/${++mentionNo}`],
    )) as Array<{ id: string }>;
    await t.db.query(
      `INSERT INTO mention_matches (mention_id, query_id, workspace_id, brand_id, published_at) VALUES ($1, $2, $3, $4, now())`,
      [m.id, queryId, ws, brandId],
    );
  };

  beforeAll(async () => {
    t = await createTestApp();
    const user = await createUser(t.db, 'cm@sources.test');
    ws = await createWorkspace(t.db, 'Sources', [[user, 'cm']]);
    cm = await login(t, user);
    brand = await insertBrand(t.db, ws, 'Maison');
    rival = await insertBrand(t.db, ws, 'Rival');
    fb = await insertAccount(t.db, ws, brand, 'facebook', 'maison.fb');
    const [{ timezone }] = (await t.db.query('SELECT timezone FROM workspaces WHERE id = $1', [ws])) as Array<{ timezone: string }>;
    const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(d);
    today = day(new Date());
    from = day(new Date(Date.now() - 20 * 86_400_000));
  });

  afterAll(() => t.close());

  it('shows a click, a follower snapshot and mention matches written after the first answer', async () => {
    expect(await kpis()).toMatchObject({ trackedLinkClicks: 0, followers: null, brandMentions: null, competitorMentions: null });
    const activity = await version('kpi_activity_marks');

    const link = await cm.post(`/api/workspaces/${ws}/links`, { brandId: brand, targetUrl: 'https://shop.example/p', channelAccountId: fb });
    expect(link.status).toBe(201);
    expect((await kpis()).trackedLinkClicks).toBe(0);
    expect((await t.http.get(`/r/${link.body.code}`).set('User-Agent', 'ua-sources')).status).toBe(302);
    expect((await kpis()).trackedLinkClicks).toBe(1);
    // What the conversion hook writes.
    await t.db.query(
      `INSERT INTO conversions (workspace_id, link_id, event_id, value, currency, occurred_at, source)
       VALUES ($1, $2, 'order-1', 49.9, 'EUR', now(), 'webhook')`,
      [ws, link.body.id],
    );
    expect(await kpis()).toMatchObject({ conversions: 1, conversionValue: 49.9 });

    await insertFollowers(t.db, fb, today, 1234);
    expect((await kpis()).followers).toBe(1234);

    const ours = await watchQuery(brand, 'brand');
    expect((await kpis()).brandMentions).toBe(0); // measured from now on
    await mention(ours, brand);
    await mention(ours, brand);
    expect((await kpis()).brandMentions).toBe(2);

    // A competitor's mentions change this brand's share of voice: every brand of the workspace is marked.
    await t.db.query(`UPDATE brands SET kind = 'competitor' WHERE id = $1`, [rival]);
    const theirs = await watchQuery(rival, 'competitor');
    await mention(theirs, rival);
    await mention(theirs, rival);
    expect(await kpis()).toMatchObject({ brandMentions: 2, competitorMentions: 2, shareOfVoice: 0.5 });

    await t.db.query('DELETE FROM watch_queries WHERE id = $1', [theirs]); // its matches go with it
    expect(await kpis()).toMatchObject({ brandMentions: 2, competitorMentions: null, shareOfVoice: null });

    // None of these writes touched what the inbox pages are kept under.
    expect(await version('kpi_activity_marks')).toBe(activity);
  });

  it('compaction folds the marks without changing a version, and drops a deleted brand\u2019s', async () => {
    const [ours, theirs] = [await version('kpi_source_marks'), await version('kpi_source_marks', rival)];
    const gone = await insertBrand(t.db, ws, 'Gone');
    await t.db.query('DELETE FROM brands WHERE id = $1', [gone]);
    expect(await t.app.get(KpiActivityMarksRepository).compact()).toBeGreaterThan(0);
    const rows = (await t.db.query('SELECT brand_id, count(*)::int AS n FROM kpi_source_marks GROUP BY 1')) as Array<{ brand_id: string; n: number }>;
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(rows.some((r) => r.brand_id === gone)).toBe(false);
    // The brand deletion itself marked the others of the workspace.
    expect(await version('kpi_source_marks')).toBeGreaterThan(ours);
    expect(await version('kpi_source_marks', rival)).toBeGreaterThan(theirs);
    expect((await kpis()).brandMentions).toBe(2);
  });
});
