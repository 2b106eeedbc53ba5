import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SecretBox } from '../crypto/secret-box';
import { safeFetch } from './ssrf-guard';
import { checkUserUrl } from './user-url';

/** `sha256=<hex>` HMAC-SHA256 of the exact body bytes with the target's secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface WebhookPost {
  url: string;
  body: Record<string, unknown>;
  /** Unix seconds, sent as X-Vigie-Timestamp (and inside the body as vigie.sentAt). */
  sentAt: number;
  /** The target's signing secret; null: unsigned. */
  secret: string | null;
  /** What the receiver may key on, e.g. x-vigie-alert-id. */
  headers: Record<string, string>;
}

/**
 * The webhooks of a workspace: those Vigie posts to (alert rules, the crisis cell), whose URL
 * passes the same SSRF check as every user URL (VIGIE_ALLOW_PRIVATE_URLS), and the one it
 * receives (conversions). Their signing secrets are kept sealed and opened only to sign or check
 * a delivery, and every post goes out signed under the same policy. One place, so a new kind of
 * webhook cannot store its secret in clear or post to an address the check would refuse.
 */
@Injectable()
export class Webhooks {
  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'allowPrivateUrls'>,
    @Inject(SecretBox) private readonly secrets: SecretBox,
  ) {}

  /** The URL as it will be posted to; 400 naming the field when it is not a public http(s) URL. */
  checkUrl(field: string, url: string): Promise<string> {
    return checkUserUrl(field, url, this.config.allowPrivateUrls);
  }

  /** A new signing secret for a webhook Vigie receives (256 bits, hex). */
  newSecret(): string {
    return randomBytes(32).toString('hex');
  }

  sealSecret(secret: string): Buffer {
    return this.secrets.seal(secret);
  }

  openSecret(sealed: Buffer): string {
    return this.secrets.open(sealed);
  }

  /**
   * Posts a webhook as alerts and crisis notifications send them: JSON, timestamped, signed over
   * the exact bytes sent; throws on a non-2xx answer so that the job is retried.
   */
  async post(post: WebhookPost): Promise<void> {
    const json = JSON.stringify(post.body);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Vigie-Webhook/0.1', 'x-vigie-timestamp': String(post.sentAt), ...post.headers };
    if (post.secret) headers['x-vigie-signature'] = signBody(post.secret, json);
    // Never follow redirects on a POST: a webhook must answer where it was configured.
    const res = await safeFetch({ url: post.url, method: 'POST', headers, body: json, timeoutMs: 10_000, maxRedirects: 0 }, { allowPrivate: this.config.allowPrivateUrls });
    if (res.status < 200 || res.status >= 300) throw new Error(`webhook answered HTTP ${res.status}`);
  }
}
