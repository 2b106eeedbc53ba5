import { listRoutes, type RouteInfo } from '../common/route-table';
import { buildWorkspaceFixtures, type WorkspaceFixtures } from '../test-utils/isolation-fixtures';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../test-utils/test-app';

/**
 * Walks the application's own route table: a user of workspace A must get 403/404 for every
 * route of workspace B, and never see B's data, whatever ids it puts in the URL.
 */
describe('workspace isolation (every route of the route table)', () => {
  let t: TestApp;
  let a: LoggedIn;
  let fa: WorkspaceFixtures;
  let fb: WorkspaceFixtures;
  let routes: RouteInfo[];
  let alicePassword: string;

  beforeAll(async () => {
    t = await createTestApp();
    const userA = await createUser(t.db, 'alice@a.test');
    alicePassword = userA.password;
    const userB = await createUser(t.db, 'bob@b.test');
    const wsA = await createWorkspace(t.db, 'Workspace A', [[userA, 'admin']]);
    const wsB = await createWorkspace(t.db, 'Workspace B', [[userB, 'admin']]);
    a = await login(t, userA);
    const b = await login(t, userB);
    fa = await buildWorkspaceFixtures(a, wsA, 'aaa', t.db);
    fb = await buildWorkspaceFixtures(b, wsB, 'bbb', t.db);
    // Ending A's own session would turn the walk into a series of 401s that prove nothing.
    const sessionEnding = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);
    routes = listRoutes(t.app).filter((r) => !r.isPublic && !sessionEnding.has(`${r.method} ${r.path}`));
  });

  afterAll(() => t.close());

  const fill = (path: string, params: Record<string, string>, fallback: Record<string, string>) =>
    path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? fallback[name] ?? '00000000-0000-4000-8000-000000000000');

  const call = (r: RouteInfo, url: string) => {
    switch (r.method) {
      case 'GET':
        return a.get(url);
      case 'POST':
        return a.post(url, {});
      case 'PUT':
        return a.put(url, {});
      case 'PATCH':
        return a.patch(url, {});
      case 'DELETE':
        return a.delete(url);
    }
  };

  const leaks = (body: unknown) => {
    const text = JSON.stringify(body ?? '');
    return fb.secrets.filter((s) => text.includes(s));
  };

  it('covers the routes of every module', () => {
    const scoped = routes.filter((r) => r.path.includes(':workspaceId'));
    expect(scoped.length).toBeGreaterThanOrEqual(10);
    const unknownParams = new Set(
      routes.flatMap((r) => [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1])).filter((p) => !(p in fb.params)),
    );
    // A new route parameter needs a fixture in isolation-fixtures.ts, or this test proves less.
    expect([...unknownParams]).toEqual([]);
  });

  it("returns 403/404 for every route of B's workspace, with B's ids", async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.path.includes(':workspaceId'))) {
      const url = fill(r.path, fb.params, fb.params);
      const res = await call(r, url);
      if (![403, 404].includes(res.status)) failures.push(`${r.method} ${url} -> ${res.status}`);
      if (leaks(res.body).length) failures.push(`${r.method} ${url} leaked ${leaks(res.body).join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it("never serves B's resources through A's workspace id", async () => {
    const failures: string[] = [];
    for (const r of routes) {
      // A's own workspace id, every other id taken from B.
      const params = { ...fb.params, workspaceId: fa.workspaceId };
      const url = fill(r.path, params, params);
      const res = await call(r, url);
      // `platform` names a platform (vocabulary), not one of B's resources.
      const usesForeignId = [...r.path.matchAll(/:(\w+)/g)].some((m) => m[1] !== 'workspaceId' && m[1] !== 'platform');
      // The OAuth callback answers a browser: it refuses by redirecting to the error page.
      const refused = res.status >= 400 || (res.status === 302 && /connectError=/.test(String(res.headers?.location ?? '')));
      if (usesForeignId && !refused) failures.push(`${r.method} ${url} -> ${res.status}`);
      if (res.status === 401) failures.push(`${r.method} ${url} -> 401: the walk lost its session`);
      const leaked = leaks(res.body);
      if (leaked.length) failures.push(`${r.method} ${url} leaked ${leaked.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it("left B's data intact", async () => {
    const [{ n }] = (await t.db.query('SELECT count(*)::int AS n FROM brands WHERE workspace_id = $1', [fb.workspaceId])) as Array<{ n: number }>;
    expect(n).toBe(2);
    const [{ c }] = (await t.db.query('SELECT count(*)::int AS c FROM channel_accounts WHERE workspace_id = $1', [fb.workspaceId])) as Array<{ c: number }>;
    expect(c).toBe(1);
  });

  it("an API token of A's workspace cannot reach B", async () => {
    const created = await a.post('/api/auth/tokens', { name: 'bi', workspaceId: fa.workspaceId, role: 'viewer' });
    expect(created.status).toBe(201);
    const bearer = `Bearer ${created.body.token as string}`;
    const own = await t.http.get(`/api/workspaces/${fa.workspaceId}/brands`).set('Authorization', bearer);
    expect(own.status).toBe(200);
    const other = await t.http.get(`/api/workspaces/${fb.workspaceId}/brands`).set('Authorization', bearer);
    expect(other.status).toBe(404);
    const list = await t.http.get('/api/workspaces').set('Authorization', bearer);
    expect(leaks(list.body)).toEqual([]);
  });
});
