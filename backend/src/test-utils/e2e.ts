import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { createTestApp, type TestApp } from './test-app';

export const CHROMIUM = '/usr/bin/chromium';
const REPO = path.resolve(__dirname, '..', '..', '..');
export const FRONTEND_DIST = path.join(REPO, 'frontend', 'dist');
export const ARTIFACTS = path.join(REPO, 'test-artifacts', 'screenshots');

/**
 * End-to-end tests need Debian's Chromium and the built dashboard. CI installs and builds both
 * (so a missing one fails there); on a developer machine the suite is skipped with a message.
 */
export function e2eAvailable(): boolean {
  const missing = [
    existsSync(CHROMIUM) ? null : `${CHROMIUM} (apt-get install chromium)`,
    existsSync(path.join(FRONTEND_DIST, 'index.html')) ? null : 'frontend/dist (npm run build -w frontend)',
  ].filter(Boolean);
  if (!missing.length) return true;
  if (process.env.CI) throw new Error(`e2e prerequisites missing in CI: ${missing.join(', ')}`);
  console.warn(`[e2e] skipped, missing: ${missing.join(', ')}`);
  return false;
}

export interface E2eServer extends TestApp {
  baseUrl: string;
}

/** A loopback port free right now (the app must know its public URL before it listens: OAuth redirect URIs). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** The real app (API + built dashboard) on a random loopback port, on a fresh database. */
export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ env: { VIGIE_STATIC_DIR: FRONTEND_DIST, VIGIE_PUBLIC_URL: baseUrl, ...env } });
  await t.app.listen(port, '127.0.0.1');
  return { ...t, baseUrl };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Fails the test on any page error or CSP violation (user content must never execute). */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(`csp: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    errors.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  return errors;
}
