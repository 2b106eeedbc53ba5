import { sanitizeForAudit } from './audit-metadata';

describe('sanitizeForAudit', () => {
  it('drops secret values but keeps their keys, at any depth', () => {
    expect(
      sanitizeForAudit({
        brandId: 'b1',
        platform: 'mastodon',
        credentials: { accessToken: 'tok-123' },
        nested: { webhookSecret: 's', apiKey: 'k', newPassword: 'p', name: 'ok' },
      }),
    ).toEqual({
      brandId: 'b1',
      platform: 'mastodon',
      credentials: '[redacted]',
      nested: { webhookSecret: '[redacted]', apiKey: '[redacted]', newPassword: '[redacted]', name: 'ok' },
    });
  });

  it('bounds strings, arrays and depth', () => {
    const out = sanitizeForAudit({ s: 'x'.repeat(300), a: Array.from({ length: 30 }, (_, i) => i), d: { e: { f: { g: 1 } } } }) as Record<string, unknown>;
    expect((out.s as string).length).toBe(201);
    expect((out.a as number[]).length).toBe(20);
    expect(out.d).toEqual({ e: { f: '[…]' } });
  });
});
