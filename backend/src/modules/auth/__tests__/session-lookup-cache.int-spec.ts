import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp, type TestUser } from '../../../test-utils/test-app';
import { SessionLookupCache } from '../session-lookup-cache';
import { SessionsRepository } from '../sessions.repository';

/**
 * Session lookups kept by an API process for read requests, through HTTP. Changes are made with
 * plain SQL on another connection, as another API process or an admin script would: only the
 * triggers' notification can tell this process.
 */
describe('session lookup cache', () => {
  let t: TestApp;
  let cache: SessionLookupCache;
  let lookups: jest.SpyInstance;
  let user: TestUser;
  let cm: LoggedIn;
  let ws: string;

  const brands = () => cm.get(`/api/workspaces/${ws}/brands`);
  /** Polls until `check` holds; the notification takes milliseconds, not seconds. */
  const eventually = async (check: () => Promise<boolean>) => {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > 5_000) throw new Error('not within 5 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    return Date.now() - started;
  };

  beforeAll(async () => {
    t = await createTestApp();
    cache = t.app.get(SessionLookupCache);
    lookups = jest.spyOn(t.app.get(SessionsRepository), 'findLive');
    user = await createUser(t.db, 'cm@cache.test');
    ws = await createWorkspace(t.db, 'Cache', [[user, 'cm']]);
    cm = await login(t, user);
    expect((await brands()).status).toBe(200);
    await eventually(async () => cache.active);
  });

  afterAll(() => t.close());

  beforeEach(() => lookups.mockClear());

  it('resolves a session once for repeated reads; every write is checked against the database', async () => {
    for (let i = 0; i < 3; i++) expect((await brands()).status).toBe(200);
    expect(lookups).toHaveBeenCalledTimes(1);
    expect((await cm.post(`/api/workspaces/${ws}/brands`, { name: 'Maison', kind: 'own' })).status).toBe(201);
    expect((await cm.post(`/api/workspaces/${ws}/brands`, { name: 'Rival', kind: 'competitor' })).status).toBe(201);
    expect(lookups).toHaveBeenCalledTimes(3);
  });

  it('a membership removed elsewhere is refused on the next reads (404), and a new one is seen', async () => {
    expect((await brands()).status).toBe(200);
    await t.db.query('DELETE FROM memberships WHERE user_id = $1 AND workspace_id = $2', [user.id, ws]);
    await eventually(async () => (await brands()).status === 404); // not a member: the workspace is not shown to exist
    await t.db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'viewer')`, [ws, user.id]);
    await eventually(async () => (await brands()).status === 200);
    // Now a viewer: the role came back fresh, not the cached "cm".
    expect((await cm.post(`/api/workspaces/${ws}/brands`, { name: 'Other', kind: 'own' })).status).toBe(403);
    await t.db.query(`UPDATE memberships SET role = 'cm' WHERE user_id = $1`, [user.id]);
  });

  it('a session ended elsewhere (sign out everywhere, erasure) is refused', async () => {
    const other = await login(t, user);
    expect((await other.get('/api/auth/me')).status).toBe(200);
    expect((await other.get('/api/auth/me')).status).toBe(200);
    await t.db.query('DELETE FROM sessions WHERE user_id = $1 AND id <> (SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at LIMIT 1)', [user.id]);
    await eventually(async () => (await other.get('/api/auth/me')).status === 401);
  });

  it('keeps nothing while its listener is down, and resumes once it is back', async () => {
    expect((await brands()).status).toBe(200);
    await t.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN vigie_auth_changed%' AND datname = current_database()`);
    await eventually(async () => !cache.active);
    expect(cache.size).toBe(0);
    lookups.mockClear();
    expect((await brands()).status).toBe(200);
    expect((await brands()).status).toBe(200);
    expect(lookups).toHaveBeenCalledTimes(2);
    // It reconnects on a request after a pause.
    await eventually(async () => (await brands()).status === 200 && cache.active);
    lookups.mockClear();
    await brands();
    await brands();
    expect(lookups.mock.calls.length).toBeLessThanOrEqual(1);
  });
});
