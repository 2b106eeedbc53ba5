import { createHmac, timingSafeEqual } from 'node:crypto';

/** Replays older (or clock-skewed further) than this are refused. */
export const MAX_WEBHOOK_AGE_SECONDS = 300;

/**
 * Signature of a conversion webhook: hex HMAC-SHA256, keyed by the workspace secret, of
 * `<timestamp>.<raw body>` — the timestamp is signed too, so a replay cannot refresh it
 * (Stripe's scheme). Sent as `X-Vigie-Signature: sha256=<hex>` with `X-Vigie-Timestamp: <unix s>`.
 */
export function signWebhook(secret: string, timestamp: number | string, rawBody: Buffer | string): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return `sha256=${mac.digest('hex')}`;
}

export type SignatureCheck = 'ok' | 'bad-signature' | 'stale' | 'malformed';

export function checkWebhookSignature(
  secret: string,
  headers: { signature?: string; timestamp?: string },
  rawBody: Buffer,
  nowSeconds: number,
): SignatureCheck {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp) || !/^sha256=[0-9a-f]{64}$/i.test(signature)) {
    return 'malformed';
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_WEBHOOK_AGE_SECONDS) return 'stale';
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(signature.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'bad-signature';
}
