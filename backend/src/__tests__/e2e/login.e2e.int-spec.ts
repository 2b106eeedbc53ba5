import type { Browser } from 'playwright-core';
import { e2eAvailable, launchBrowser, screenshot, startE2eServer, watchPageErrors, type E2eServer } from '../../test-utils/e2e';
import { createUser, createWorkspace } from '../../test-utils/test-app';

const run = e2eAvailable() ? describe : describe.skip;

run('dashboard in a real browser: login and shell', () => {
  let s: E2eServer;
  let browser: Browser;
  let user: { id: string; email: string; password: string };
  let workspaceId: string;

  beforeAll(async () => {
    s = await startE2eServer();
    user = await createUser(s.db, 'cm@vigie.test');
    workspaceId = await createWorkspace(s.db, 'Agence Exemple', [[user, 'admin']]);
    await s.db.query(`INSERT INTO brands (workspace_id, name, kind) VALUES ($1, 'Maison Lumière', 'own'), ($1, 'Éclat Paris', 'competitor')`, [workspaceId]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('rejects a wrong password with a readable message, then logs in (FR by default for a French browser)', async () => {
    const ctx = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${s.baseUrl}/`);
    await page.getByTestId('login-email').fill(user.email);
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    await page.getByRole('alert').waitFor();
    await page.getByTestId('login-password').fill(user.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(new RegExp(`/w/${workspaceId}/`));
    // The brand switcher offers the workspace's brands, own brand first.
    await page.locator('option', { hasText: 'Maison Lumière' }).first().waitFor({ state: 'attached' });
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await screenshot(page, 'overview-fr');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('serves the dashboard with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${s.baseUrl}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await res.text()).toContain('<div id="root">');
  });
});
