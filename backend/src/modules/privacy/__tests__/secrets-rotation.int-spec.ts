import { randomBytes } from 'node:crypto';
import { SecretBox } from '../../../common/crypto/secret-box';
import { createTestApp, createUser, createWorkspace, login, type TestApp } from '../../../test-utils/test-app';
import { ChannelsService } from '../../channels/channels.service';
import { rotateSecrets } from '../secrets-rotation';

describe('VIGIE_SECRET_KEY rotation', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('re-encrypts every channel token with the new key in one go; re-running is safe; a foreign value aborts all', async () => {
    t = await createTestApp();
    const u = await createUser(t.db, 'rot@x.test');
    const ws = await createWorkspace(t.db, 'Rot', [[u, 'admin']]);
    const c = await login(t, u);
    const brand = (await c.post(`/api/workspaces/${ws}/brands`, { name: 'B', kind: 'own' })).body as { id: string };
    const ids: string[] = [];
    for (const h of ['a', 'b']) {
      ids.push(((await c.post(`/api/workspaces/${ws}/channels`, { brandId: brand.id, platform: 'mastodon', handle: h, credentials: { accessToken: `tok-${h}` }, baseUrl: 'http://127.0.0.1:9' })).body as { id: string }).id);
    }
    const newKey = randomBytes(32);
    const r = await rotateSecrets(t.db, t.config.secretKey, newKey);
    expect(r).toEqual({ rotated: { channel_accounts: 2, conversion_webhook_secrets: 0, alert_rules: 0, crisis_settings: 0 }, alreadyNew: 0 });
    const [row] = (await t.db.query('SELECT credentials_encrypted AS v FROM channel_accounts WHERE id = $1', [ids[0]])) as Array<{ v: Buffer }>;
    expect(new SecretBox(newKey).openJson(row.v)).toEqual({ accessToken: 'tok-a' });
    expect(() => new SecretBox(t.config.secretKey).open(row.v)).toThrow();
    // The running app still has the old key: it can no longer read them (restart with the new key).
    await expect(t.app.get(ChannelsService).credentials(ids[0])).rejects.toThrow();
    expect(await rotateSecrets(t.db, t.config.secretKey, newKey)).toEqual({ rotated: { channel_accounts: 0, conversion_webhook_secrets: 0, alert_rules: 0, crisis_settings: 0 }, alreadyNew: 2 });
    // A value neither key opens: the whole rotation rolls back.
    await t.db.query('UPDATE channel_accounts SET credentials_encrypted = $2 WHERE id = $1', [ids[1], new SecretBox(randomBytes(32)).sealJson({ x: 1 })]);
    const before = (await t.db.query('SELECT id, credentials_encrypted FROM channel_accounts ORDER BY id')) as unknown[];
    await expect(rotateSecrets(t.db, newKey, randomBytes(32))).rejects.toThrow();
    expect(await t.db.query('SELECT id, credentials_encrypted FROM channel_accounts ORDER BY id')).toEqual(before);
  });
});
