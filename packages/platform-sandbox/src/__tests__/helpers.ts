import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSandbox } from '../index';
import type { RunningSandbox } from '../index';
import type { SandboxOptions } from '../types';

/** History ends here; tests move the clock by hand. */
export const START = new Date('2025-12-01T10:00:00Z');

export interface TestSandbox {
  sb: RunningSandbox;
  clock: { t: number };
}

export async function start(opts: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const clock = { t: START.getTime() };
  const sb = await startSandbox({ port: 0, seed: 7, startAt: START, now: () => new Date(clock.t), ...opts });
  return { sb, clock };
}

/** Parsed JSON as TypeScript types it (JSON.parse's own return type). */
export type Json = ReturnType<typeof JSON.parse>;

export async function get(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: Json }> {
  const r = await fetch(url, init);
  const text = await r.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: r.status, headers: r.headers, body };
}

export function account(sb: RunningSandbox, platform: string, brand = 'maison-lumiere') {
  const a = sb.accounts.find((x) => x.platform === platform && x.brandSlug === brand);
  if (!a) throw new Error(`no ${platform} account for ${brand}`);
  return a;
}

const SAMPLES = resolve(__dirname, '../../../../../shared/data/api_samples');

/** A recorded real payload, or undefined when ../shared is absent (the test then skips). */
export function sample(path: string): Json {
  const p = resolve(SAMPLES, path);
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : undefined;
}

export function missingKeys(expected: object, actual: object): string[] {
  return Object.keys(expected).filter((k) => !(k in actual));
}
