/// <reference lib="dom" />
// Browser-side callbacks (waitForFunction) use DOM types.
import { SANDBOX_OAUTH_APPS } from '@vigie/platform-sandbox';
import type { ChannelDto, InboxDetailDto, InboxItemDto, SavedReplyDto } from '@vigie/contracts';
import { e2eAvailable, screenshot, watchPageErrors } from '../../test-utils/e2e';
import { loginPage, settled, useE2eWorld, waitFor, XSS } from './e2e-world';

const run = e2eAvailable() ? describe : describe.skip;

/**
 * The day-one path of a CM with real accounts, in Chromium: "Connect" → the platform's consent
 * page (the sandbox's, real shapes) → pick the pages for each brand → they sync; then answer a
 * comment from the inbox with a saved reply, which lands on the platform once.
 */
run('connect accounts and answer from the inbox in a real browser', () => {
  const w = useE2eWorld();

  it('clicks Connect, consents on the platform page, picks two accounts for two brands and sees them sync', async () => {
    // The workspace's own Facebook app (Settings → Connections), pointing at the sandbox.
    const fb = SANDBOX_OAUTH_APPS.find((a) => a.platform === 'facebook')!;
    const app = await w.cm.put(`${w.api}/connect/platforms/facebook/app`, { clientId: fb.clientId, clientSecret: fb.clientSecret, baseUrl: w.sb.baseUrls.facebook });
    expect(app.status).toBe(200);
    const before = ((await w.cm.get(`${w.api}/channels`)).body as ChannelDto[]).map((c) => c.id);

    const { ctx, page } = await loginPage(w, w.cmUser);
    const errors = watchPageErrors(page);
    await page.goto(`${w.s.baseUrl}/w/${w.workspaceId}/channels`);
    await settled(page);
    await page.getByTestId('add-channel').click();
    await page.getByTestId('connect-brand').selectOption(w.brands.lumiere);
    await page.getByTestId('connect-platform-facebook').click();
    await page.getByTestId('connect-start').click();

    // The platform's consent page (another origin), then back to Vigie with the attempt.
    await page.waitForURL((u) => u.origin === new URL(w.sb.baseUrls.facebook).origin);
    await page.locator('#sandbox-allow').waitFor();
    await screenshot(page, 'connect-consent-facebook');
    await page.locator('#sandbox-allow').click();
    await page.waitForURL(new RegExp(`/w/${w.workspaceId}/channels\\?connect=`));
    const picker = page.getByTestId('connect-picker');
    await picker.locator('li').first().waitFor();

    // The consent reaches both Pages and their Instagram accounts; the Pages already followed
    // start ticked (re-adding refreshes their token): keep only the two Instagram accounts.
    const rows = picker.locator('li');
    const labels = (await rows.locator('label').allInnerTexts()).map((l) => l.replace(/\s+/g, ' ').trim());
    expect(labels).toHaveLength(4);
    for (const want of [/^Facebook .*cafebrule.*déjà suivi/i, /^Facebook .*maisonlumiere.*déjà suivi/i, /^Instagram .*cafebrule/i, /^Instagram .*maisonlumiere/i]) {
      expect([want.source, labels.some((l) => want.test(l))]).toEqual([want.source, true]);
    }
    const row = (platform: string, handle: string) => rows.filter({ hasText: platform }).filter({ hasText: handle });
    for (const h of ['maisonlumiere', 'cafebrule']) {
      await row('Facebook', h).getByRole('checkbox').uncheck();
      await row('Instagram', h).getByRole('checkbox').check();
    }
    await row('Instagram', 'cafebrule').getByRole('combobox').selectOption(w.brands.cafe);
    expect(await row('Instagram', 'maisonlumiere').getByRole('combobox').inputValue()).toBe(w.brands.lumiere);
    await screenshot(page, 'connect-picker-fr');
    await page.getByTestId('connect-add').click();
    await page.getByRole('status').filter({ hasText: /2 comptes ajoutés/ }).waitFor();

    // Both land on their brand and sync through the queue; the table shows it after a reload.
    const added = await waitFor('the two accounts synced', async () => {
      const list = ((await w.cm.get(`${w.api}/channels`)).body as ChannelDto[]).filter((c) => !before.includes(c.id));
      return list.length === 2 && list.every((c) => c.lastSuccessAt && c.status === 'ok') && list;
    }, 60_000);
    expect(added.map((c) => [c.platform, c.handle, c.brandId]).sort()).toEqual(
      [
        ['instagram', 'cafebrule', w.brands.cafe],
        ['instagram', 'maisonlumiere', w.brands.lumiere],
      ].sort(),
    );
    await page.reload();
    await settled(page);
    // The table follows the brand filter: show both brands' accounts.
    const all = page.getByRole('checkbox', { name: /toutes les marques/ });
    if (await all.count()) await all.check();
    for (const c of added) {
      const tr = page.getByTestId(`channel-${c.id}`);
      expect(await tr.getByTestId('channel-status').getAttribute('data-status')).toBe('ok');
      expect(await tr.locator('td').nth(2).innerText()).not.toBe('Jamais');
    }
    const posts = await w.s.db.query(`SELECT count(*)::int AS n FROM posts WHERE channel_account_id = ANY($1)`, [added.map((c) => c.id)]);
    expect((posts as Array<{ n: number }>)[0].n).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('answers a Facebook comment from the inbox with a saved reply: it lands once, shows in the thread, closes the item', async () => {
    const saved = (await w.cm.post(`${w.api}/saved-replies`, { language: 'fr', title: 'Suivi de commande', body: 'Bonjour {{author}}, nous regardons votre commande tout de suite. {{agent}} pour {{brand}}' }))
      .body as SavedReplyDto;
    expect(saved.id).toEqual(expect.any(String));
    // A comment the platform holds, on the Facebook Page of Maison Lumière (the world's XSS probe
    // was written straight into Vigie: the platform would answer that it does not exist).
    const open = (await w.cm.get(`${w.api}/inbox?brandId=${w.brands.lumiere}&limit=100`)).body as { items: InboxItemDto[] };
    const item = open.items.find((i) => i.channelAccountId === w.channels['lumiere-facebook'] && !i.text.includes(XSS) && i.author);
    expect(item).toBeDefined();
    const landedBefore = (await w.sb.writes('facebook')).filter((x) => x.action === 'reply').length;

    const { ctx, page } = await loginPage(w, w.cmUser);
    const errors = watchPageErrors(page);
    // Answered items stay listed under this filter, so the thread stays in view after sending.
    await page.goto(`${w.s.baseUrl}/w/${w.workspaceId}/inbox?brandId=${w.brands.lumiere}&status=open,assigned,answered`);
    await page.getByTestId('inbox-detail').waitFor();
    await page.locator(`#inbox-item-${item!.id}`).click();
    const composer = page.getByTestId('reply-composer');
    await composer.waitFor();
    await composer.getByRole('combobox', { name: 'Réponse enregistrée' }).selectOption(saved.id);
    const textarea = composer.locator('textarea');
    // Variables filled for this item: the author's name and the brand, no placeholder left.
    await page.waitForFunction(() => (document.querySelector('[data-testid="reply-composer"] textarea') as HTMLTextAreaElement | null)?.value.includes('Maison Lumière') ?? false);
    const text = await textarea.inputValue();
    // The author as the inbox shows them (pseudonymised when the workspace says so).
    expect(text.startsWith(`Bonjour ${item!.author!.name}, nous regardons votre commande tout de suite.`)).toBe(true);
    expect(text).not.toContain('{{');
    await composer.getByRole('button', { name: 'Envoyer' }).click();

    // Shown at once in the thread, sent; the item is answered with its first-response time.
    await page.getByTestId('inbox-detail-status').filter({ hasText: 'Répondu' }).waitFor();
    const reply = composer.getByTestId('inbox-reply').filter({ hasText: 'nous regardons votre commande' });
    await reply.waitFor();
    await reply.filter({ hasText: 'envoyée' }).waitFor();
    const detail = await waitFor('item answered', async () => {
      const d = (await w.cm.get(`${w.api}/inbox/${item!.id}`)).body as InboxDetailDto;
      return d.status === 'answered' && d;
    }, 10_000);
    expect(detail.firstResponseMinutes).toEqual(expect.any(Number));
    const landed = (await w.sb.writes('facebook')).filter((x) => x.action === 'reply');
    expect(landed.length).toBe(landedBefore + 1);
    expect(landed.at(-1)!.text).toBe(text);
    await screenshot(page, 'inbox-answered-fr');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
