/// <reference lib="dom" />
// Browser-side callbacks (page.evaluate / waitForFunction) use DOM types.
import type { Page } from 'playwright-core';
import { e2eAvailable, screenshot, watchPageErrors } from '../../test-utils/e2e';
import { loginPage, parisDay, useE2eWorld, waitFor, XSS, XSS_COMMENT } from './e2e-world';

const run = e2eAvailable() ? describe : describe.skip;

/** Today in the workspace's zone, and 28 days before: a period that includes the last hour. */
const periodToToday = () => ({ from: parisDay(-28), to: parisDay(0) });

/** Buttons of the page body that would change something (French labels); filters/navigation are fine. */
const ACTION_LABELS = /^(Attribuer|Marquer comme répondu|Ignorer|Enregistrer|Prendre en compte|Résoudre|Synchroniser|Supprimer|Mettre en pause|Ajouter|Importer|Nouvelle requête)/;
const actionButtons = (page: Page) =>
  page.locator('main button').evaluateAll((els, re) => els.map((e) => (e as HTMLElement).innerText.trim()).filter((t) => new RegExp(re).test(t)), ACTION_LABELS.source);

const selectedItemId = async (page: Page) =>
  ((await page.locator('[data-testid="inbox-item"][aria-selected="true"]').getAttribute('id')) ?? '').replace('inbox-item-', '');

run('dashboard in a real browser: triage, veille, alerts, roles, user content', () => {
  const w = useE2eWorld();

  it('triages an inbox item from the keyboard: j/k move, a assigns to a service, e marks answered', async () => {
    const { ctx, page } = await loginPage(w, w.cmUser);
    const errors = watchPageErrors(page);
    await page.goto(`${w.s.baseUrl}/w/${w.workspaceId}/inbox?brandId=${w.brands.lumiere}`);
    await page.getByTestId('inbox-detail').waitFor();
    const items = page.getByTestId('inbox-item');
    expect(await items.count()).toBeGreaterThan(2);
    const ids = await items.evaluateAll((els) => els.map((e) => e.id.replace('inbox-item-', '')));
    expect(await selectedItemId(page)).toBe(ids[0]);
    // The helper the viewer test relies on does see a cm's actions.
    expect(await actionButtons(page)).toEqual(expect.arrayContaining(['Attribuer', 'Ignorer']));

    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await selectedItemId(page)).toBe(ids[2]);
    await page.keyboard.press('k');
    expect(await selectedItemId(page)).toBe(ids[1]);
    const itemId = ids[1];
    const before = (await w.cm.get(`${w.api}/inbox/${itemId}`)).body as { status: string; service: unknown };
    expect([before.status, before.service]).toEqual(['open', null]);

    // a: focus lands on "assign to"; choose the service and submit with Enter.
    await page.keyboard.press('a');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('inbox-service');
    await page.getByTestId('inbox-service').selectOption(w.serviceId);
    await page.getByTestId('inbox-assign').click();
    await waitFor('assigned', async () => ((await w.cm.get(`${w.api}/inbox/${itemId}`)).body.status === 'assigned'), 10_000);
    const assigned = (await w.cm.get(`${w.api}/inbox/${itemId}`)).body as { status: string; service: { id: string; name: string } };
    expect([assigned.status, assigned.service.id, assigned.service.name]).toEqual(['assigned', w.serviceId, 'Service client']);
    await page.locator(`#inbox-item-${itemId}[data-status="assigned"]`).waitFor();

    // e: back on the list (keys are ignored while a field has focus), mark answered.
    await page.getByTestId('inbox-list').focus();
    expect(await selectedItemId(page)).toBe(itemId);
    await page.keyboard.press('e');
    await waitFor('answered', async () => ((await w.cm.get(`${w.api}/inbox/${itemId}`)).body.status === 'answered'), 10_000);
    // Under the default "open + assigned" filter it leaves the list; the next one is selected.
    await page.locator(`#inbox-item-${itemId}`).waitFor({ state: 'detached' });
    expect(await selectedItemId(page)).toBe(ids[2]);
    const untouched = (await w.cm.get(`${w.api}/inbox/${ids[0]}`)).body as { status: string };
    expect(untouched.status).toBe('open');
    await screenshot(page, 'inbox-triage-fr');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('writes a veille query with a syntax error shown at its position, fixes it, previews matches, saves it', async () => {
    const { ctx, page } = await loginPage(w, w.cmUser);
    const errors = watchPageErrors(page);
    await page.goto(`${w.s.baseUrl}/w/${w.workspaceId}/veille?brandId=${w.brands.lumiere}`);
    await page.getByTestId('new-query').click();
    await page.getByTestId('query-name').fill('SAV colis');
    const input = page.getByTestId('query-input');
    // 'commande OR ' is 12 characters: the unclosed quote is at position 12.
    await input.fill('commande OR "colis');
    const error = page.getByTestId('query-error');
    await error.waitFor();
    expect(await error.getAttribute('data-position')).toBe('12');
    expect(await error.innerText()).toContain('12');
    expect(await error.locator('mark').innerText()).toBe('"');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('query-save').isDisabled()).toBe(true);
    await screenshot(page, 'veille-error-fr');

    await input.fill('commande OR "colis arrivé"');
    await page.getByTestId('query-ok').waitFor();
    expect(await error.count()).toBe(0);
    const count = page.getByTestId('preview-count');
    await count.waitFor();
    const api = await w.cm.post(`${w.api}/watch-queries/preview`, { query: 'commande OR "colis arrivé"', brandId: w.brands.lumiere });
    expect(api.status).toBe(200);
    expect(api.body.count).toBeGreaterThan(0);
    expect(await count.getAttribute('data-value')).toBe(String(api.body.count));
    // The preview highlights what matched.
    expect((await page.getByTestId('query-preview').locator('mark').allInnerTexts()).map((s) => s.toLowerCase())).toContain('commande');
    await screenshot(page, 'veille-preview-fr');

    await page.getByTestId('query-save').click();
    await page.waitForURL(/[?&]query=/);
    const saved = ((await w.cm.get(`${w.api}/watch-queries?brandId=${w.brands.lumiere}`)).body as Array<{ id: string; name: string; query: string }>).find(
      (q) => q.name === 'SAV colis',
    );
    expect(saved?.query).toBe('commande OR "colis arrivé"');
    expect(new URL(page.url()).searchParams.get('query')).toBe(saved!.id);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('acknowledges the alert the evaluator raised', async () => {
    const { ctx, page } = await loginPage(w, w.cmUser);
    const errors = watchPageErrors(page);
    const open = (await w.cm.get(`${w.api}/alerts?status=open`)).body as Array<{ id: string; title: string }>;
    expect(open).toHaveLength(1);
    await page.goto(`${w.s.baseUrl}/w/${w.workspaceId}/alerts?brandId=${w.brands.lumiere}`);
    const card = page.getByTestId('alert').filter({ hasText: open[0].title });
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('open');
    await screenshot(page, 'alerts-open-fr');
    await card.getByTestId('alert-ack').click();
    await card.waitFor({ state: 'detached' });
    const after = (await w.cm.get(`${w.api}/alerts/${open[0].id}`)).body as { status: string; acknowledged: { email: string } };
    expect([after.status, after.acknowledged.email]).toEqual(['acknowledged', w.cmUser.email]);
    await page.getByTestId('alerts-status').selectOption('acknowledged');
    await page.locator('[data-testid="alert"][data-status="acknowledged"]').filter({ hasText: open[0].title }).waitFor();
    expect(await page.getByTestId('alert-ack').count()).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('shows a viewer no action buttons (Inbox, Alerts, Channels, Veille), and keys change nothing', async () => {
    const { ctx, page } = await loginPage(w, w.viewerUser);
    const errors = watchPageErrors(page);
    const base = `${w.s.baseUrl}/w/${w.workspaceId}`;
    await page.goto(`${base}/inbox?brandId=${w.brands.lumiere}`);
    await page.getByTestId('inbox-detail').waitFor();
    const first = await selectedItemId(page);
    expect(await page.getByTestId('inbox-assign').count()).toBe(0);
    expect(await page.getByTestId('inbox-answered').count()).toBe(0);
    expect(await page.getByTestId('inbox-service').count()).toBe(0);
    await page.keyboard.press('e');
    await page.keyboard.press('j');
    await page.waitForFunction((id) => !document.querySelector(`#inbox-item-${id}[aria-selected="true"]`), first);
    expect((await w.cm.get(`${w.api}/inbox/${first}`)).body.status).toBe('open');
    expect(await actionButtons(page)).toEqual([]);
    await screenshot(page, 'inbox-viewer-fr');

    await page.goto(`${base}/alerts?brandId=${w.brands.lumiere}&status=all`);
    await page.getByTestId('alert').first().waitFor();
    expect(await page.getByTestId('alert-ack').count()).toBe(0);
    expect(await page.getByTestId('alert-resolve').count()).toBe(0);
    expect(await actionButtons(page)).toEqual([]);

    await page.goto(`${base}/channels?brandId=${w.brands.lumiere}`);
    await page.getByTestId('channels-table').waitFor();
    expect(await page.getByTestId('add-channel').count()).toBe(0);
    expect(await page.getByTestId('sync-now').count()).toBe(0);
    expect(await actionButtons(page)).toEqual([]);
    await screenshot(page, 'channels-viewer-fr');

    await page.goto(`${base}/veille?brandId=${w.brands.lumiere}`);
    await page.getByTestId('query-form').waitFor();
    expect(await page.getByTestId('new-query').count()).toBe(0);
    expect(await page.getByTestId('query-save').count()).toBe(0);
    await page.getByText('Nouvelle requête trouvée').waitFor();
    expect(await actionButtons(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('shows an ingested <img onerror> comment as text on Inbox and Mentions: no element, no dialog, no CSP report', async () => {
    const { ctx, page } = await loginPage(w, w.cmUser);
    const errors = watchPageErrors(page);
    const cspReports: string[] = [];
    await page.exposeBinding('__cspViolation', (_src, v: string) => void cspReports.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const base = `${w.s.baseUrl}/w/${w.workspaceId}`;
    const noInjectedImage = () =>
      page.evaluate(() => [...Array.from(document.querySelectorAll('img'))].filter((i) => i.getAttribute('src') === 'x' || i.hasAttribute('onerror')).length);

    await page.goto(`${base}/inbox?brandId=${w.brands.lumiere}&status=all&view=all`);
    const item = page.getByTestId('inbox-item').filter({ hasText: XSS });
    await item.first().waitFor();
    await item.first().click();
    expect(await page.getByTestId('inbox-detail').locator('.inbox-detail__text').innerText()).toBe(XSS_COMMENT);
    // The classifier's cue is underlined at its offsets, the payload around it stays text.
    const cue = page.getByTestId('inbox-detail-text').locator('mark.cue-mark').first();
    await cue.waitFor();
    expect((await cue.innerText()).toLowerCase()).toBe('où est ma commande');
    await page.getByTestId('inbox-why').locator('summary').click();
    expect(await page.getByTestId('inbox-why').innerText()).toMatch(/Confiance du classifieur : \d+\s?%/);
    expect(await noInjectedImage()).toBe(0);
    await screenshot(page, 'xss-inbox-fr');

    const { from, to } = periodToToday();
    await page.goto(`${base}/mentions?brandId=${w.brands.lumiere}&from=${from}&to=${to}`);
    const mention = page.getByTestId('mention').filter({ hasText: XSS });
    await mention.first().waitFor();
    expect(await mention.first().locator('.mention__text').innerText()).toBe(XSS_COMMENT);
    // Matched words are highlighted as <mark>, the payload stays text around them.
    expect((await mention.first().locator('.mention__text mark').allInnerTexts()).map((s) => s.toLowerCase())).toEqual(
      expect.arrayContaining(['commande']),
    );
    expect(await noInjectedImage()).toBe(0);
    await screenshot(page, 'xss-mentions-fr');
    // Give a would-be onerror handler time to fire.
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    expect(cspReports).toEqual([]);
    await ctx.close();
  });
});
