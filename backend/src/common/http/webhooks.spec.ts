import { BadRequestException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { SecretBox } from '../crypto/secret-box';
import { Webhooks } from './webhooks';

function targets(allowPrivateUrls: boolean) {
  return new Webhooks({ allowPrivateUrls }, new SecretBox(randomBytes(32)));
}

describe('Webhooks', () => {
  it('refuses a private address unless private URLs are allowed, naming the field', async () => {
    const err = await targets(false).checkUrl('webhookUrl', 'http://127.0.0.1:9/hook').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestException);
    expect((err as BadRequestException).getResponse()).toMatchObject({ details: [{ field: 'webhookUrl' }] });
    await expect(targets(true).checkUrl('webhookUrl', 'http://127.0.0.1:9/hook')).resolves.toBe('http://127.0.0.1:9/hook');
  });

  it('refuses a URL that is not http(s) even when private URLs are allowed', async () => {
    await expect(targets(true).checkUrl('webhookUrl', 'file:///etc/passwd')).rejects.toBeInstanceOf(BadRequestException);
  });

  it('keeps the secret sealed (not in clear) and opens it back', () => {
    const t = targets(false);
    const sealed = t.sealSecret('whsec-42');
    expect(sealed.toString('utf8')).not.toContain('whsec-42');
    expect(t.openSecret(sealed)).toBe('whsec-42');
  });

  it('makes a new 256-bit secret each time', () => {
    const t = targets(false);
    const [a, b] = [t.newSecret(), t.newSecret()];
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
  });
});
