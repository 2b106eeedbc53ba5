import { PLATFORMS, type Platform } from '@vigie/contracts';

export interface CredentialField {
  key: string;
  /** i18n key under channels.cred */
  label: string;
  required: boolean;
  secret: boolean;
}

const token = (key: string, required = true): CredentialField => ({ key, label: key, required, secret: true });

/** What each connector reads from `credentials` (backend/src/modules/channels/connectors/<platform>). */
export const PLATFORM_CREDENTIALS: Record<Platform, CredentialField[]> = {
  facebook: [token('accessToken')],
  instagram: [token('accessToken'), { key: 'igUserId', label: 'igUserId', required: false, secret: false }],
  youtube: [token('apiKey', false), token('accessToken', false)],
  x: [token('bearerToken')],
  linkedin: [token('accessToken')],
  tiktok: [token('accessToken')],
  mastodon: [token('accessToken', false)],
  bluesky: [],
  reddit: [token('accessToken', false)],
  rss: [],
};

export const PLATFORM_LIST: readonly Platform[] = PLATFORMS;

/** Keeps only filled-in fields, trimmed; undefined when there is nothing to send. */
export function collectCredentials(platform: Platform, values: Record<string, string>): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const f of PLATFORM_CREDENTIALS[platform]) {
    const v = values[f.key]?.trim();
    if (v) out[f.key] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

export function missingCredentials(platform: Platform, values: Record<string, string>): string[] {
  return PLATFORM_CREDENTIALS[platform].filter((f) => f.required && !values[f.key]?.trim()).map((f) => f.key);
}
