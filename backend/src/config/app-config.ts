import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type VigieRole = 'api' | 'worker' | 'all';

/** Typed configuration, validated once at boot. `process.env` is read only in this folder. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  role: VigieRole;
  /**
   * API processes sharing the port (VIGIE_API_PROCESSES, `auto` = one per core; 1 by default).
   * Node runs JavaScript on one core per process. More than 1 needs VIGIE_ROLE=api and a shared
   * DATABASE_URL and REDIS_URL.
   */
  apiProcesses: number;
  port: number;
  host: string;
  /** Where users reach Vigie (links in e-mails, OAuth redirects, short links); no trailing slash. */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  redisUrl: string | null;
  /** 32-byte key for AES-256-GCM encryption of channel credentials. */
  secretKey: Buffer;
  adminEmail: string | null;
  adminPassword: string | null;
  demo: boolean;
  staticDir: string | null;
  cookieSecure: boolean;
  loginRateLimit: { limit: number; windowMs: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  smtpUrl: string | null;
  /** Loopback/private URLs allowed for user-supplied URLs (sandbox, tests). */
  allowPrivateUrls: boolean;
  /** Check pasted channel tokens with one cheap platform call before saving. */
  verifyChannels: boolean;
  /**
   * Niceness a worker-role process gives its JavaScript thread (VIGIE_WORKER_NICE, 0–19, default
   * 10): on a host shared with the API, ingestion and enrichment bursts yield the CPU to dashboard
   * requests and still use every idle cycle. 0 leaves it as started. The all-in-one process ignores it.
   */
  workerNice: number;
  /** Ingestion scheduler: how often workers look for due channel accounts (0 = no scheduling). */
  syncTickMs: number;
  /** A sync run holds its account for this long, renewed after every page (a killed worker frees it on expiry). */
  syncLeaseMs: number;
  /** Forces one sync interval on every platform (demo, tests); null = each connector's own interval. */
  syncIntervalMs: number | null;
  /**
   * The installation's platform apps for the Connect buttons, from `VIGIE_<PLATFORM>_CLIENT_ID`,
   * `VIGIE_<PLATFORM>_CLIENT_SECRET` and optional `VIGIE_<PLATFORM>_BASE_URL` (keyed by platform;
   * Instagram uses Facebook's Meta app). A workspace may register its own in Settings instead.
   */
  platformApps: Record<string, EnvPlatformApp>;
}

export interface EnvPlatformApp {
  clientId: string;
  clientSecret: string;
  baseUrl: string | null;
}

/** Platforms whose Connect needs an app registered by the installation (Mastodon registers itself per instance, Bluesky uses app passwords). */
export const APP_PLATFORMS = ['facebook', 'youtube', 'x', 'linkedin', 'tiktok', 'reddit'] as const;

function platformAppsOf(env: NodeJS.ProcessEnv): Record<string, EnvPlatformApp> {
  const out: Record<string, EnvPlatformApp> = {};
  for (const p of APP_PLATFORMS) {
    const prefix = `VIGIE_${p.toUpperCase()}_`;
    const clientId = env[`${prefix}CLIENT_ID`]?.trim();
    const clientSecret = env[`${prefix}CLIENT_SECRET`]?.trim();
    if (!clientId && !clientSecret) continue;
    if (!clientId || !clientSecret) throw new ConfigError(`${prefix}CLIENT_ID and ${prefix}CLIENT_SECRET go together: set both or neither`);
    const baseUrl = env[`${prefix}BASE_URL`]?.trim() || null;
    if (baseUrl && !/^https?:\/\//.test(baseUrl)) throw new ConfigError(`${prefix}BASE_URL must be an http(s) URL, got "${baseUrl}"`);
    out[p] = { clientId, clientSecret, baseUrl };
  }
  return out;
}

export class ConfigError extends Error {}

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function int(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function workerNiceOf(raw: string | undefined): number {
  const n = int('VIGIE_WORKER_NICE', raw, 10);
  if (n > 19) throw new ConfigError(`VIGIE_WORKER_NICE must be a whole number from 0 to 19, got "${raw}"`);
  return n;
}

function apiProcessesOf(env: NodeJS.ProcessEnv, role: VigieRole): number {
  const raw = env.VIGIE_API_PROCESSES?.trim();
  const n = raw === 'auto' ? os.availableParallelism() : raw ? Number(raw) : 1;
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new ConfigError(`VIGIE_API_PROCESSES must be auto or a whole number from 1 to 64, got "${env.VIGIE_API_PROCESSES}"`);
  }
  if (n > 1 && role !== 'api') {
    throw new ConfigError(`VIGIE_API_PROCESSES > 1 needs VIGIE_ROLE=api (the worker and the all-in-one process run alone), got role ${role}`);
  }
  if (n > 1 && (!env.DATABASE_URL || !env.REDIS_URL)) {
    throw new ConfigError('VIGIE_API_PROCESSES > 1 needs DATABASE_URL and REDIS_URL: the processes share one database and one queue');
  }
  return n;
}

function bool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** Accepts 64 hex chars or base64 of 32 bytes. */
export function parseSecretKey(raw: string): Buffer {
  const trimmed = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  const b = Buffer.from(trimmed, 'base64');
  if (b.length === 32) return b;
  throw new ConfigError(
    'VIGIE_SECRET_KEY must be 32 bytes as 64 hex characters or base64 (generate one with: openssl rand -hex 32)',
  );
}

function loadOrCreateDevKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return parseSecretKey(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const role = (env.VIGIE_ROLE ?? 'all') as VigieRole;
  if (!['api', 'worker', 'all'].includes(role)) {
    throw new ConfigError(`VIGIE_ROLE must be api, worker or all, got "${env.VIGIE_ROLE}"`);
  }
  const dataDir = path.resolve(env.VIGIE_DATA_DIR ?? path.join(REPO_ROOT, '.data'));
  const port = int('PORT', env.PORT, 3000);
  let secretKey: Buffer;
  if (env.VIGIE_SECRET_KEY) secretKey = parseSecretKey(env.VIGIE_SECRET_KEY);
  else if (nodeEnv === 'production') {
    throw new ConfigError(
      'VIGIE_SECRET_KEY is required in production: it encrypts channel tokens at rest. Generate one with: openssl rand -hex 32',
    );
  } else secretKey = loadOrCreateDevKey(dataDir);

  const databaseUrl = env.DATABASE_URL || null;
  if (nodeEnv === 'production' && !databaseUrl) {
    throw new ConfigError('DATABASE_URL is required in production (the embedded Postgres is for npm start only)');
  }
  const staticCandidate = env.VIGIE_STATIC_DIR ?? path.join(REPO_ROOT, 'frontend', 'dist');
  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be debug, info, warn or error, got "${env.LOG_LEVEL}"`);
  }
  return {
    env: nodeEnv,
    role,
    apiProcesses: apiProcessesOf(env, role),
    port,
    host: env.HOST ?? '0.0.0.0',
    // Without its trailing slashes: every link is built as `${publicUrl}/path`.
    publicUrl: (env.VIGIE_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    dataDir,
    databaseUrl,
    redisUrl: env.REDIS_URL || null,
    secretKey,
    adminEmail: env.VIGIE_ADMIN_EMAIL || null,
    adminPassword: env.VIGIE_ADMIN_PASSWORD || null,
    demo: bool('VIGIE_DEMO', env.VIGIE_DEMO, nodeEnv !== 'production'),
    staticDir: existsSync(staticCandidate) ? staticCandidate : null,
    cookieSecure: bool('VIGIE_COOKIE_SECURE', env.VIGIE_COOKIE_SECURE, nodeEnv === 'production'),
    loginRateLimit: {
      limit: int('VIGIE_LOGIN_RATE_LIMIT', env.VIGIE_LOGIN_RATE_LIMIT, 10),
      windowMs: 60_000,
    },
    logLevel,
    smtpUrl: env.SMTP_URL || null,
    allowPrivateUrls: bool('VIGIE_ALLOW_PRIVATE_URLS', env.VIGIE_ALLOW_PRIVATE_URLS, nodeEnv !== 'production'),
    verifyChannels: bool('VIGIE_VERIFY_CHANNELS', env.VIGIE_VERIFY_CHANNELS, true),
    workerNice: workerNiceOf(env.VIGIE_WORKER_NICE),
    syncTickMs: int('VIGIE_SYNC_TICK_MS', env.VIGIE_SYNC_TICK_MS, 30_000),
    syncLeaseMs: Math.max(1000, int('VIGIE_SYNC_LEASE_MS', env.VIGIE_SYNC_LEASE_MS, 5 * 60_000)),
    syncIntervalMs: env.VIGIE_SYNC_INTERVAL_MS ? int('VIGIE_SYNC_INTERVAL_MS', env.VIGIE_SYNC_INTERVAL_MS, 0) || null : null,
    platformApps: platformAppsOf(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
