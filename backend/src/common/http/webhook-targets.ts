import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SecretBox } from '../crypto/secret-box';
import { checkUserUrl } from './user-url';

/**
 * The webhooks users configure (alert rules, the crisis cell): the URL passes the same SSRF check
 * as every user URL (VIGIE_ALLOW_PRIVATE_URLS), the signing secret is kept sealed and opened
 * only to sign a delivery. One place, so a new kind of webhook cannot store a secret in clear.
 */
@Injectable()
export class WebhookTargets {
  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'allowPrivateUrls'>,
    @Inject(SecretBox) private readonly secrets: SecretBox,
  ) {}

  /** The URL as it will be posted to; 400 naming the field when it is not a public http(s) URL. */
  checkUrl(field: string, url: string): Promise<string> {
    return checkUserUrl(field, url, this.config.allowPrivateUrls);
  }

  sealSecret(secret: string): Buffer {
    return this.secrets.seal(secret);
  }

  openSecret(sealed: Buffer): string {
    return this.secrets.open(sealed);
  }
}
