import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import { signWebhook } from '../webhook-signature';
import { KpiRollupService } from '../../kpi/rollups/kpi-rollup.service';
import { insertAccount, insertBrand, insertPosts } from '../../kpi/__tests__/kpi-fixtures';

/** Tracked links → redirect → signed conversions / CSV → funnel and KPIs, through HTTP. */
describe('tracked links, conversions and funnels', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let cm: LoggedIn;
  let viewer: LoggedIn;
  let ws: string;
  let brand: string;
  let fb: string;
  let postId: string;
  let link: { id: string; code: string; shortUrl: string };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const base = () => `/api/workspaces/${ws}`;

  const hook = (body: object, secret: string, opts: { timestamp?: number; signature?: string } = {}) => {
    const raw = JSON.stringify(body);
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    return t.http
      .post('/api/hooks/conversions')
      .set('Content-Type', 'application/json')
      .set('X-Vigie-Timestamp', String(timestamp))
      .set('X-Vigie-Signature', opts.signature ?? signWebhook(secret, timestamp, raw))
      .send(raw);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const [a, c, v] = await Promise.all(['admin', 'cm', 'viewer'].map((n) => createUser(t.db, `${n}@links.test`)));
    ws = await createWorkspace(t.db, 'Links', [[a, 'admin'], [c, 'cm'], [v, 'viewer']]);
    [admin, cm, viewer] = await Promise.all([login(t, a), login(t, c), login(t, v)]);
    brand = await insertBrand(t.db, ws, 'Maison');
    fb = await insertAccount(t.db, ws, brand, 'facebook', 'maison.fb');
    [postId] = await insertPosts(t.db, { workspaceId: ws, brandId: brand, channelAccountId: fb }, [
      { externalId: 'promo', publishedAt: new Date().toISOString(), contentType: 'link', impressions: 2000, reach: 1500,
        reactions: 10, clicks: 60 },
    ]);
    await t.app.get(KpiRollupService).refreshForPosts([postId]);
  });

  afterAll(() => t.close());

  it('a CM creates a short link; a viewer reads but cannot create', async () => {
    const body = {
      brandId: brand,
      targetUrl: 'https://shop.example/spring?utm_source=newsletter#top',
      campaign: 'spring',
      channelAccountId: fb,
      postId,
    };
    expect((await viewer.post(`${base()}/links`, body)).status).toBe(403);
    const res = await cm.post(`${base()}/links`, body);
    expect(res.status).toBe(201);
    link = res.body;
    expect(link.code).toMatch(/^[A-Za-z0-9]{8}$/);
    expect(link.shortUrl).toMatch(new RegExp(`/r/${link.code}$`));
    expect(res.body).toMatchObject({ campaign: 'spring', platform: 'facebook', postId, clicks: 0 });
    const list = await viewer.get(`${base()}/links?brandId=${brand}`);
    expect(list.status).toBe(200);
    expect(list.body.map((l: { id: string }) => l.id)).toEqual([link.id]);
    const invalid = await cm.post(`${base()}/links`, { brandId: brand, targetUrl: 'javascript:alert(1)' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details[0].field).toBe('targetUrl');
  });

  it('redirects with UTM tags (keeping the existing utm_source) and records the click without the IP', async () => {
    const res = await t.http
      .get(`/r/${link.code}`)
      .set('Referer', 'https://l.facebook.com/l.php?u=x')
      .set('User-Agent', 'ua-one');
    expect(res.status).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe('https://shop.example/spring');
    expect(location.hash).toBe('#top');
    expect(location.searchParams.get('utm_source')).toBe('newsletter');
    expect(location.searchParams.get('utm_medium')).toBe('social');
    expect(location.searchParams.get('utm_campaign')).toBe('spring');
    const clickId = location.searchParams.get('vigie_click');
    const [row] = await t.db.query('SELECT * FROM link_clicks WHERE id = $1', [clickId]);
    expect(row.referrer_class).toBe('social');
    expect(row.visitor_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toMatch(/127\.0\.0\.1|::1|ffff/);
    // Same visitor again (direct), then another browser: 3 clicks, 2 unique visitors.
    expect((await t.http.get(`/r/${link.code}`).set('User-Agent', 'ua-one')).status).toBe(302);
    expect((await t.http.get(`/r/${link.code}`).set('User-Agent', 'ua-two').set('Referer', 'https://www.google.fr/')).status).toBe(302);
    const classes = await t.db.query('SELECT referrer_class FROM link_clicks ORDER BY clicked_at');
    expect(classes.map((c: { referrer_class: string }) => c.referrer_class)).toEqual(['social', 'direct', 'search']);
    const got = (await viewer.get(`${base()}/links/${link.id}`)).body;
    expect(got).toMatchObject({ clicks: 3, uniqueClicks: 2 });
  });

  it('answers an unknown code with a 404 page', async () => {
    const res = await t.http.get('/r/nope1234');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/html/);
    expect(res.text).toContain('Link not found');
  });

  it('shows the webhook secret to admins only', async () => {
    expect((await viewer.get(`${base()}/links/settings`)).status).toBe(403);
    expect((await cm.get(`${base()}/links/settings`)).status).toBe(403);
    const res = await admin.get(`${base()}/links/settings`);
    expect(res.status).toBe(200);
    expect(res.body.webhookSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.webhookUrl).toMatch(/\/api\/hooks\/conversions$/);
  });

  it('takes signed conversions once per eventId, refuses bad signatures and replays', async () => {
    const secret = (await admin.get(`${base()}/links/settings`)).body.webhookSecret as string;
    const event = { eventId: 'order-1', linkCode: link.code, value: 49.9, currency: 'EUR', occurredAt: new Date().toISOString() };
    const first = await hook(event, secret);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('recorded');
    const again = await hook(event, secret);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ status: 'duplicate', id: first.body.id });
    expect((await hook({ ...event, eventId: 'order-2' }, 'wrong-secret')).status).toBe(401);
    const stale = await hook({ ...event, eventId: 'order-3' }, secret, { timestamp: Math.floor(Date.now() / 1000) - 400 });
    expect(stale.status).toBe(401);
    expect(stale.body.message).toMatch(/replay/);
    // A signature over another body (tampered value) fails.
    const ts = Math.floor(Date.now() / 1000);
    const tampered = await hook({ ...event, eventId: 'order-4', value: 1 }, secret, {
      timestamp: ts,
      signature: signWebhook(secret, ts, JSON.stringify({ ...event, eventId: 'order-4' })),
    });
    expect(tampered.status).toBe(401);
    expect((await hook({ ...event, eventId: 'order-5', linkCode: 'unknown1' }, secret)).status).toBe(401);
    expect((await hook({ ...event, eventId: '', occurredAt: 'yesterday' }, secret)).status).toBe(400);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM conversions');
    expect(n).toBe(1);
  });

  it('accepts a conversion by click id, and refuses the old secret after rotation', async () => {
    const [{ id: clickId }] = await t.db.query('SELECT id FROM link_clicks ORDER BY clicked_at LIMIT 1');
    const old = (await admin.get(`${base()}/links/settings`)).body.webhookSecret as string;
    const rotated = await admin.post(`${base()}/links/settings/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.webhookSecret).not.toBe(old);
    const event = { eventId: 'order-6', clickId, value: 20, occurredAt: new Date().toISOString() };
    expect((await hook(event, old)).status).toBe(401);
    const ok = await hook(event, rotated.body.webhookSecret);
    expect(ok.status).toBe(200);
    const [row] = await t.db.query('SELECT click_id, link_id FROM conversions WHERE event_id = $1', ['order-6']);
    expect(row).toEqual({ click_id: clickId, link_id: link.id });
  });

  it('imports conversions from CSV (duplicates and bad rows reported)', async () => {
    const now = new Date().toISOString();
    const csv = [
      'eventId,linkCode,value,currency,occurredAt',
      `order-1,${link.code},49.90,EUR,${now}`, // already received by the webhook
      `order-7,${link.code},"30,10",EUR,${now}`,
      `order-8,nope9999,10,EUR,${now}`,
      `order-9,${link.code},abc,EUR,${now}`,
      `,${link.code},1,EUR,${now}`,
    ].join('\n');
    expect(
      (await viewer.agent.post(`${base()}/conversions/import`).set('X-CSRF-Token', viewer.csrf).attach('file', Buffer.from(csv), 'c.csv'))
        .status,
    ).toBe(403);
    const res = await cm.agent
      .post(`${base()}/conversions/import`)
      .set('X-CSRF-Token', cm.csrf)
      .attach('file', Buffer.from(csv), 'conversions.csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rowsTotal: 5, imported: 1, duplicates: 1 });
    expect(res.body.errors).toEqual([
      { row: 4, column: 'linkCode', reason: 'no such tracked link in this workspace' },
      { row: 5, column: 'value', reason: 'not a non-negative number' },
      { row: 6, column: 'eventId', reason: 'required' },
    ]);
  });

  it('gives the funnel per channel and campaign, and feeds the KPIs', async () => {
    // A second link without post nor account, in another campaign, clicked once.
    const other = (await cm.post(`${base()}/links`, { brandId: brand, targetUrl: 'https://shop.example/', campaign: 'print', channel: 'flyer' })).body;
    expect((await t.http.get(`/r/${other.code}`).set('User-Agent', 'ua-three')).status).toBe(302);
    const res = await viewer.get(`${base()}/funnels?brandId=${brand}&from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    const spring = res.body.rows.find((r: { campaign: string }) => r.campaign === 'spring');
    // 3 clicks, 2 visitors; conversions order-1 (49.90), order-6 (20), order-7 (30.10).
    expect(spring).toMatchObject({
      channelAccountId: fb, platform: 'facebook', channel: 'facebook', impressions: 2000, clicks: 3, uniqueClicks: 2,
      conversions: 3, conversionValue: 100,
    });
    expect(spring.dropOff.impressionsToClicks).toBeCloseTo(1 - 3 / 2000, 12);
    expect(spring.dropOff.clicksToUniqueClicks).toBeCloseTo(1 / 3, 12);
    expect(spring.dropOff.uniqueClicksToConversions).toBeCloseTo(1 - 3 / 2, 12);
    expect(spring.conversionRate).toBeCloseTo(1, 12);
    const print = res.body.rows.find((r: { campaign: string }) => r.campaign === 'print');
    expect(print).toMatchObject({ channel: 'flyer', impressions: null, clicks: 1, uniqueClicks: 1, conversions: 0 });
    expect(print.dropOff.impressionsToClicks).toBeNull();
    expect(res.body.totals).toMatchObject({ impressions: 2000, clicks: 4, uniqueClicks: 3, conversions: 3 });
    const filtered = await viewer.get(`${base()}/funnels?brandId=${brand}&from=${today}&to=${today}&campaign=print`);
    expect(filtered.body.rows).toHaveLength(1);

    const kpis = (await viewer.get(`${base()}/kpis?brandId=${brand}&from=${today}&to=${today}`)).body;
    expect(kpis.kpis).toMatchObject({ trackedLinkClicks: 4, conversions: 3, conversionValue: 100 });
    expect(kpis.kpis.conversionRate).toBeCloseTo(0.75, 12);
  });

  it('updates and deletes a link (then its code is gone)', async () => {
    const patched = await cm.patch(`${base()}/links/${link.id}`, { campaign: 'summer' });
    expect(patched.status).toBe(200);
    expect(patched.body.campaign).toBe('summer');
    expect((await viewer.delete(`${base()}/links/${link.id}`)).status).toBe(403);
    expect((await cm.delete(`${base()}/links/${link.id}`)).status).toBe(204);
    expect((await viewer.get(`${base()}/links/${link.id}`)).status).toBe(404);
    expect((await t.http.get(`/r/${link.code}`)).status).toBe(404);
  });
});
