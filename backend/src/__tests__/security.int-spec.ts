import { createHash } from 'node:crypto';
import { listRoutes, type RouteInfo } from '../common/route-table';
import { buildWorkspaceFixtures, type WorkspaceFixtures } from '../test-utils/isolation-fixtures';
import { queryParamsOf } from '../test-utils/route-query-params';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp, type TestUser } from '../test-utils/test-app';

/**
 * OWASP-style checks through HTTP, generated from the application's own route table (like the
 * isolation test): a route added later is covered without being listed here.
 */
describe('security (through HTTP, every route of the route table)', () => {
  let t: TestApp;
  let a: LoggedIn;
  let userA: TestUser;
  let fa: WorkspaceFixtures;
  let fb: WorkspaceFixtures;
  let routes: RouteInfo[];
  let apiToken: string;

  const fill = (path: string, params: Record<string, string>) =>
    path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? '00000000-0000-4000-8000-000000000000');

  /** md5 of every table's content: "nothing changed" for the whole database. */
  const checksum = async () => {
    const tables = (await t.db.query(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )) as Array<{ t: string }>;
    const out: Record<string, string> = {};
    for (const { t: name } of tables) {
      const [r] = (await t.db.query(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x`)) as Array<{ h: string }>;
      out[name] = r.h;
    }
    return out;
  };

  beforeAll(async () => {
    t = await createTestApp();
    userA = await createUser(t.db, 'alice@sec.test');
    const userB = await createUser(t.db, 'bob@sec.test');
    const wsA = await createWorkspace(t.db, 'Sec A', [[userA, 'admin']]);
    const wsB = await createWorkspace(t.db, 'Sec B', [[userB, 'admin']]);
    a = await login(t, userA);
    const b = await login(t, userB);
    fa = await buildWorkspaceFixtures(a, wsA, 'aaa', t.db);
    fb = await buildWorkspaceFixtures(b, wsB, 'bbb', t.db);
    apiToken = (await a.post('/api/auth/tokens', { name: 'probe', workspaceId: wsA, role: 'viewer' })).body.token as string;
    routes = listRoutes(t.app);
  });

  afterAll(() => t.close());

  it('CSRF: every state-changing route refuses a session cookie without (or with a wrong) X-CSRF-Token, and nothing changes', async () => {
    const writes = routes.filter((r) => !r.isPublic && r.method !== 'GET');
    expect(writes.length).toBeGreaterThanOrEqual(30);
    const before = await checksum();
    const failures: string[] = [];
    for (const r of writes) {
      const url = fill(r.path, fa.params);
      for (const header of [undefined, 'not-the-token']) {
        let req = a.agent[r.method.toLowerCase() as 'post'](url);
        if (header) req = req.set('X-CSRF-Token', header);
        const res = await req.send({});
        if (res.status !== 403 || !/CSRF/.test(String(res.body?.message))) failures.push(`${r.method} ${url} (${header ?? 'no header'}) -> ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await checksum()).toEqual(before);
    console.log(`CSRF: ${writes.length} state-changing routes × 2 (missing, wrong token) = ${writes.length * 2} requests refused`);
  });

  it('session cookie: HttpOnly, SameSite=Lax, Path=/, not Secure on plain HTTP by default', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: userA.email, password: userA.password });
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('vigie_session='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);
    // The session token is never in a response body.
    expect(JSON.stringify(res.body)).not.toContain(cookie.split(';')[0].split('=')[1]);
  });

  it('logout ends the session: the old cookie is refused afterwards', async () => {
    const c = await login(t, userA);
    const cookie = (await c.get('/api/auth/me')).status;
    expect(cookie).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('a password change ends every other session of the user (and the old password)', async () => {
    const u = await createUser(t.db, 'carol@sec.test');
    await createWorkspace(t.db, 'Carol', [[u, 'admin']]);
    const s1 = await login(t, u);
    const s2 = await login(t, u);
    expect((await s2.get('/api/auth/me')).status).toBe(200);
    expect((await s1.post('/api/auth/password', { currentPassword: u.password, newPassword: 'a-new-long-password' })).status).toBe(204);
    expect((await s2.get('/api/auth/me')).status).toBe(401);
    expect((await s1.get('/api/auth/me')).status).toBe(200);
    expect((await t.http.post('/api/auth/login').send({ email: u.email, password: u.password })).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ email: u.email, password: 'a-new-long-password' })).status).toBe(200);
  });

  it('security headers and CSP on / and on /api', async () => {
    for (const path of ['/', '/api/health', '/api/workspaces']) {
      const res = await t.http.get(path);
      const h = res.headers;
      const csp = String(h['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['x-frame-options']).toBe('SAMEORIGIN');
      expect(h['referrer-policy']).toBe('no-referrer');
      expect(h['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(h['cross-origin-opener-policy']).toBe('same-origin');
      expect(h['x-powered-by']).toBeUndefined();
    }
  });

  describe('query-parameter probes (SQL injection, type confusion) on every GET route', () => {
    const FAMILIES: Record<string, Array<string | string[] | { obj: string }>> = {
      'sql-injection': ["' OR 1=1--", '1;DROP TABLE users', "x' UNION SELECT password_hash FROM users--"],
      'array': [['1', '2']],
      'object': [{ obj: '$ne' }],
      'huge-number': ['99999999999999999999999', String(Number.MAX_SAFE_INTEGER + 2)],
      'nan-infinity': ['NaN', 'Infinity'],
      'negative': ['-1'],
      'bad-date': ['2024-13-45', '2024-02-30', '9999-12-31T99:99:99Z'],
      'length-encoding': ['', 'x'.repeat(5000), '\u0000'],
      'foreign-id': [],
    };

    it('answers 400 or a normal response, never 5xx, never another workspace\'s data', async () => {
      FAMILIES['foreign-id'] = [fb.params.brandId, fb.params.channelId, fb.workspaceId];
      const valid: Record<string, string> = {
        brandId: fa.params.brandId,
        channelAccountId: fa.params.channelId,
        queryId: fa.params.queryId ?? '',
        from: '2025-01-01',
        to: '2025-01-31',
        granularity: 'day',
        limit: '10',
      };
      const gets = routes.filter((r) => r.method === 'GET');
      const counts: Record<string, number> = Object.fromEntries(Object.keys(FAMILIES).map((f) => [f, 0]));
      const failures: string[] = [];
      let probedParams = 0;
      const encode = (name: string, v: string | string[] | { obj: string }) =>
        Array.isArray(v)
          ? v.map((x) => `${name}=${encodeURIComponent(x)}`).join('&')
          : typeof v === 'object'
            ? `${name}[${encodeURIComponent(v.obj)}]=1`
            : `${name}=${encodeURIComponent(v)}`;
      for (const r of gets) {
        const params = queryParamsOf(t.app, r);
        const url = fill(r.path, fa.params);
        const baseline = params.filter((p) => valid[p]).map((p) => `${p}=${encodeURIComponent(valid[p])}`);
        for (const p of params) {
          probedParams++;
          const others = baseline.filter((kv) => !kv.startsWith(`${p}=`));
          const probes = Object.entries(FAMILIES).flatMap(([family, values]) => values.map((v) => ({ family, v })));
          // A few requests at a time: the suite stays quick on two cores without flooding the pool.
          for (let i = 0; i < probes.length; i += 6) {
            await Promise.all(
              probes.slice(i, i + 6).map(async ({ family, v }) => {
                const res = await a.get(`${url}?${[...others, encode(p, v)].join('&')}`);
                counts[family]++;
                const where = `${r.method} ${url} ?${p} (${family}: ${JSON.stringify(v).slice(0, 40)})`;
                if (res.status >= 500 || res.status === 401) failures.push(`${where} -> ${res.status}`);
                const body = JSON.stringify(res.body ?? '') + (res.text ?? '');
                const leaked = fb.secrets.filter((x) => body.includes(x) && !JSON.stringify(v).includes(x));
                if (leaked.length) failures.push(`${where} leaked ${leaked.join(', ')}`);
              }),
            );
          }
        }
      }
      const total = Object.values(counts).reduce((x, y) => x + y, 0);
      console.log(
        `query probes: ${gets.length} GET routes, ${probedParams} query parameters, ${total} requests\n` +
          Object.entries(counts).map(([f, n]) => `  ${f.padEnd(16)} ${String(n).padStart(5)}`).join('\n'),
      );
      expect(probedParams).toBeGreaterThanOrEqual(20);
      expect(failures).toEqual([]);
    });
  });

  describe('uploads (CSV imports)', () => {
    const url = () => `/api/workspaces/${fa.workspaceId}/imports`;
    const imports = async () => ((await t.db.query('SELECT count(*)::int AS n FROM imports')) as Array<{ n: number }>)[0].n;

    it('refuses a file over 50 MB with 413 and keeps nothing of it', async () => {
      const n0 = await imports();
      const chunks = async () => ((await t.db.query('SELECT count(*)::int AS n FROM import_chunks')) as Array<{ n: number }>)[0].n;
      const c0 = await chunks();
      const big = Buffer.alloc(50 * 1024 * 1024 + 1024, 'a');
      big.write('date,text\n');
      const res = await a.agent
        .post(url())
        .set('X-CSRF-Token', a.csrf)
        .field('format', 'generic')
        .field('brandId', fa.params.brandId)
        .attach('file', big, { filename: 'big.csv', contentType: 'text/csv' });
      expect(res.status).toBe(413);
      expect(res.body.message).toMatch(/larger than 50 MB/);
      expect(await imports()).toBe(n0);
      expect(await chunks()).toBe(c0);
    });

    it('refuses other file types (415) and non-multipart bodies (415), and a missing file (400)', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      const asPng = await a.agent.post(url()).set('X-CSRF-Token', a.csrf).field('format', 'generic').field('brandId', fa.params.brandId)
        .attach('file', png, { filename: 'logo.png', contentType: 'image/png' });
      expect(asPng.status).toBe(415);
      const disguised = await a.agent.post(url()).set('X-CSRF-Token', a.csrf).field('format', 'generic').field('brandId', fa.params.brandId)
        .attach('file', png, { filename: 'data.exe', contentType: 'text/csv' });
      expect(disguised.status).toBe(415);
      expect((await a.post(url(), { format: 'generic', brandId: fa.params.brandId })).status).toBe(415);
      const none = await a.agent.post(url()).set('X-CSRF-Token', a.csrf).field('format', 'generic').field('brandId', fa.params.brandId);
      expect(none.status).toBe(400);
      const badFormat = await a.agent.post(url()).set('X-CSRF-Token', a.csrf).field('format', '../../etc/passwd').field('brandId', fa.params.brandId)
        .attach('file', Buffer.from('a,b\n1,2\n'), { filename: 'x.csv', contentType: 'text/csv' });
      expect(badFormat.status).toBe(400);
    });
  });

  it('no secrets in any GET response: channel credentials, password hashes, token hashes, API tokens', async () => {
    const tokenHash = createHash('sha256').update(apiToken).digest('hex');
    const hashes = (await t.db.query('SELECT password_hash AS h FROM users')) as Array<{ h: string }>;
    const forbidden = ['token-aaa', apiToken, tokenHash, ...hashes.map((r) => r.h), '$argon2', 'credentials_encrypted', 'credentialsEncrypted', 'passwordHash', 'password_hash', 'tokenHash', 'token_hash'];
    const leaks: string[] = [];
    let walked = 0;
    for (const r of routes.filter((x) => x.method === 'GET')) {
      const url = fill(r.path, fa.params);
      const q = `brandId=${fa.params.brandId}&from=2025-01-01&to=2025-12-31`;
      for (const res of [await a.get(url), await a.get(`${url}?${q}`), await t.http.get(url).set('Authorization', `Bearer ${apiToken}`)]) {
        walked++;
        const body = JSON.stringify(res.body ?? '') + (res.text ?? '') + JSON.stringify(res.headers);
        for (const s of forbidden) if (body.includes(s)) leaks.push(`${r.path} leaked ${s.slice(0, 12)}…`);
      }
    }
    console.log(`secrets walk: ${walked} GET responses checked for ${forbidden.length} secret strings`);
    expect(leaks).toEqual([]);
  });
});
