import type { Browser } from 'playwright-core';
import { e2eAvailable, launchBrowser, startE2eServer, watchPageErrors, type E2eServer } from '../../test-utils/e2e';
import { createUser, createWorkspace, type TestUser } from '../../test-utils/test-app';

const run = e2eAvailable() ? describe : describe.skip;

run('personal API tokens in a real browser: create, copy once, use, revoke', () => {
  let s: E2eServer;
  let browser: Browser;
  let cm: TestUser;
  let workspaceId: string;

  beforeAll(async () => {
    s = await startE2eServer();
    cm = await createUser(s.db, 'cm@vigie.test');
    workspaceId = await createWorkspace(s.db, 'Agence Exemple', [[cm, 'cm']]);
    await s.db.query(`INSERT INTO brands (workspace_id, name, kind) VALUES ($1, 'Maison Lumière', 'own')`, [workspaceId]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('the CM creates a token in Settings, copies it, calls the API with it, revokes it and the call gets 401', async () => {
    const ctx = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.baseUrl });
    const page = await ctx.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${s.baseUrl}/login`);
    await page.getByTestId('login-email').fill(cm.email);
    await page.getByTestId('login-password').fill(cm.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(new RegExp(`/w/${workspaceId}/`));
    await page.goto(`${s.baseUrl}/w/${workspaceId}/settings`);
    await page.getByText("Jetons d'API").first().waitFor();
    // a CM is offered cm and viewer tokens, never admin
    expect(await page.getByTestId('token-role').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['cm', 'viewer']);
    await page.getByTestId('token-name').fill('Script export');
    await page.getByTestId('token-role').selectOption('cm');
    await page.getByTestId('token-create').click();
    const shown = (await page.getByTestId('token-secret').textContent())!.trim();
    expect(shown).toMatch(/^vgt_/);
    await page.getByText('Vous ne reverrez plus ce jeton', { exact: false }).waitFor();
    await page.getByTestId('token-copy').click();
    await page.getByText('Copié', { exact: true }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);

    const brands = () => fetch(`${s.baseUrl}/api/workspaces/${workspaceId}/brands`, { headers: { Authorization: `Bearer ${copied}` } });
    const ok = await brands();
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Array<{ name: string }>).map((b) => b.name)).toEqual(['Maison Lumière']);

    // closed, the secret is gone from the page; the list shows the token
    await page.getByTestId('token-dismiss').click();
    expect(await page.getByTestId('token-secret').count()).toBe(0);
    await page.getByTestId('tokens-table').getByText('Script export').first().waitFor();

    // watchPageErrors dismisses dialogs (and reports them): answer the confirmation in the page instead
    await page.evaluate(() => {
      window.confirm = () => true;
    });
    await page.getByTestId('token-revoke').click();
    await page.getByText(/Révoqué le/).waitFor();
    expect((await brands()).status).toBe(401);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
