/// <reference lib="dom" />
// settled() runs a callback in the page (DOM types).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunningSandbox, type SandboxAccountWithUrl, startSandbox } from '@vigie/platform-sandbox';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { NormalizedComment } from '../../modules/channels/connectors/channel-connector';
import { EnrichmentService } from '../../modules/enrichment/enrichment.service';
import { ENRICHMENT_QUEUE } from '../../modules/enrichment/enrichment-jobs';
import { IngestionWriter } from '../../modules/ingestion/writer/ingestion-writer.service';
import { sandboxChannelBody } from '../../modules/ingestion/__tests__/sandbox-accounts';
import { AlertEvaluatorService } from '../../modules/veille/alerts/alert-evaluator.service';
import { until } from '../../test-utils/wait';
import { FRONTEND_DIST, launchBrowser, startE2eServer, type E2eServer } from '../../test-utils/e2e';
import { createUser, createWorkspace, login, type LoggedIn, type TestUser } from '../../test-utils/test-app';

/** The payload every e2e file ingests: it must show as text and never run. */
export const XSS = '<img src=x onerror=alert(1)>';
/** A customer question carrying the payload and the brand name (so the watch query matches it). */
export const XSS_COMMENT = `${XSS} Lumière, où est ma commande ?`;

export interface E2eWorld {
  s: E2eServer;
  sb: RunningSandbox;
  browser: Browser;
  cmUser: TestUser;
  viewerUser: TestUser;
  cm: LoggedIn;
  viewer: LoggedIn;
  workspaceId: string;
  api: string;
  brands: { lumiere: string; cafe: string; eclat: string };
  channels: Record<string, string>;
  serviceId: string;
  queryId: string;
  close(): Promise<void>;
}

const waitFor = <T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000) => until(what, probe, timeoutMs);

function ok<T = { id: string }>(res: { status: number; body: unknown }, what: string): T {
  if (res.status >= 300) throw new Error(`seed ${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/**
 * One realistic workspace per e2e file, seeded only through the product: brands, channels,
 * a support service, a watch query and an alert rule created over the HTTP API; channel
 * accounts synced from the platform sandbox (frozen clock, 90 days of history) by the real
 * connectors and queue; enrichment (inbox items), KPI rollups and veille matching run by
 * their ingestion listeners; one extra community comment carrying an XSS payload written
 * through the ingestion writer; a first-appearance alert raised by the real evaluator.
 */
export async function buildE2eWorld(): Promise<E2eWorld> {
  const started = Date.now();
  const frozen = new Date();
  const sb = await startSandbox({ port: 0, now: () => frozen, rateLimits: false });
  // A private copy of the built dashboard: a rebuild of frontend/dist during the run (which
  // empties it) must not turn lazy chunks into 404s halfway through a file.
  const dist = mkdtempSync(path.join(os.tmpdir(), 'vigie-e2e-dist-'));
  cpSync(FRONTEND_DIST, dist, { recursive: true });
  // api role: no recurring ticks (listening, alerts) change the data while a test reads it.
  const s = await startE2eServer({ VIGIE_ROLE: 'api', VIGIE_STATIC_DIR: dist });
  await s.queue.startWorkers();
  const cmUser = await createUser(s.db, 'cm@vigie.test');
  const viewerUser = await createUser(s.db, 'lecteur@vigie.test');
  const workspaceId = await createWorkspace(s.db, 'Agence Exemple', [
    [cmUser, 'admin'],
    [viewerUser, 'viewer'],
  ]);
  const cm = await login(s, cmUser);
  const viewer = await login(s, viewerUser);
  const api = `/api/workspaces/${workspaceId}`;

  const brand = async (name: string, kind: 'own' | 'competitor') => ok(await cm.post(`${api}/brands`, { name, kind }), `brand ${name}`).id;
  const brands = { lumiere: await brand('Maison Lumière', 'own'), cafe: await brand('Café Brûlé', 'own'), eclat: await brand('Éclat Paris', 'competitor') };
  const serviceId = ok(await cm.post(`${api}/services`, { name: 'Service client', kind: 'sav', email: 'sav@vigie.test' }), 'service').id;
  // Before any data arrives, so its first matches are "first appearances".
  const queryId = ok(
    await cm.post(`${api}/watch-queries`, { brandId: brands.lumiere, kind: 'brand', name: 'Commandes', query: 'commande OR livraison OR lumière' }),
    'watch query',
  ).id;
  ok(await cm.post(`${api}/alert-rules`, { queryId, name: 'Nouvelle requête trouvée', type: 'first_appearance' }), 'alert rule');

  const account = (slug: string, platform: string): SandboxAccountWithUrl =>
    sb.accounts.find((a) => a.brandSlug === slug && a.platform === platform)!;
  const channels: Record<string, string> = {};
  const addChannel = async (key: string, brandId: string, a: SandboxAccountWithUrl) => {
    channels[key] = ok(
      await cm.post(`${api}/channels`, sandboxChannelBody(sb, brandId, a)),
      `channel ${key}`,
    ).id;
  };
  await addChannel('lumiere-facebook', brands.lumiere, account('maison-lumiere', 'facebook'));
  await addChannel('lumiere-mastodon', brands.lumiere, account('maison-lumiere', 'mastodon'));
  await addChannel('cafe-facebook', brands.cafe, account('cafe-brule', 'facebook'));
  await addChannel('eclat-facebook', brands.eclat, account('eclat-paris', 'facebook'));

  // Creating a channel queues its first sync; wait until every account has landed its data.
  await waitFor('first syncs', async () => {
    const list = ok<Array<{ lastSuccessAt: string | null; status: string; lastError: string | null }>>(await cm.get(`${api}/channels`), 'channels');
    const failed = list.find((c) => c.status === 'failing');
    if (failed) throw new Error(`seed sync failed: ${failed.lastError}`);
    return list.every((c) => c.lastSuccessAt) && list;
  }, 60_000);

  // The XSS comment, on the newest synced post of the own Facebook page.
  const [post] = (await s.db.query(
    `SELECT external_id FROM posts WHERE channel_account_id = $1 ORDER BY published_at DESC LIMIT 1`,
    [channels['lumiere-facebook']],
  )) as Array<{ external_id: string }>;
  const xss: NormalizedComment = {
    externalId: 'e2e-xss-comment',
    postExternalId: post.external_id,
    parentExternalId: null,
    author: { externalId: 'e2e-xss-author', handle: 'curieux', displayName: 'Client Curieux', followers: 12 },
    text: XSS_COMMENT,
    publishedAt: new Date(frozen.getTime() - 30 * 60_000).toISOString(),
    isFromBrand: false,
    likes: null,
  };
  await s.app.get(IngestionWriter).writeComments(
    { workspaceId, brandId: brands.lumiere, channelAccountId: channels['lumiere-facebook'], platform: 'facebook' },
    [xss],
  );
  await waitFor('enrichment queue idle', async () => (await s.queue.pendingCount(ENRICHMENT_QUEUE)) === 0);
  await s.app.get(EnrichmentService).drain();
  await waitFor('XSS comment in the inbox', async () => {
    const [row] = (await s.db.query(`SELECT i.id FROM inbox_items i JOIN comments c ON c.id = i.comment_id WHERE c.external_id = 'e2e-xss-comment'`)) as unknown[];
    return row;
  });
  const raised = await s.app.get(AlertEvaluatorService).evaluateWorkspace(workspaceId);
  if (!raised.length) throw new Error('seed: the first-appearance rule raised no alert');

  const browser = await launchBrowser();
  if (process.env.VIGIE_E2E_TIMING) console.log(`[e2e] world seeded in ${Date.now() - started} ms`);
  return {
    s,
    sb,
    browser,
    cmUser,
    viewerUser,
    cm,
    viewer,
    workspaceId,
    api,
    brands,
    channels,
    serviceId,
    queryId,
    close: async () => {
      await browser.close().catch(() => undefined);
      await s.close();
      await sb.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** A fresh context (own cookies) logged in through the login form. */
export async function loginPage(
  w: E2eWorld,
  user: TestUser,
  opts: { locale?: string; viewport?: { width: number; height: number }; bypassCSP?: boolean } = {},
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await w.browser.newContext({
    locale: opts.locale ?? 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    bypassCSP: opts.bypassCSP ?? false,
  });
  const page = await ctx.newPage();
  await page.goto(`${w.s.baseUrl}/login`);
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(new RegExp(`/w/${w.workspaceId}/`));
  return { ctx, page };
}

export { waitFor };

/** Inside a `describe`: one world built before its tests and closed after them. */
export function useE2eWorld(): E2eWorld {
  const w = {} as E2eWorld;
  beforeAll(async () => {
    Object.assign(w, await buildE2eWorld());
  }, 120_000);
  afterAll(async () => {
    await w.close?.();
  });
  return w;
}

/** Waits until the page's first load is over (title shown, no loading skeleton left). */
export async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0, undefined, { timeout: 15_000 });
}

/** The calendar day `offset` days from today in the workspace's zone (Europe/Paris), as YYYY-MM-DD. */
export function parisDay(offset = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}
