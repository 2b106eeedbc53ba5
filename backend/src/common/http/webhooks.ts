import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SecretBox } from '../crypto/secret-box';
import { checkUserUrl } from './user-url';

/**
 * The webhooks of a workspace: those Vigie posts to (alert rules, the crisis cell), whose URL
 * passes the same SSRF check as every user URL (VIGIE_ALLOW_PRIVATE_URLS), and the one it
 * receives (conversions). Their signing secrets are kept sealed and opened only to sign or check
 * a delivery. One place, so a new kind of webhook cannot store its secret in clear.
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
}
