import { referrerClass } from './referrer-class';
import { withUtm } from './utm';
import { checkWebhookSignature, signWebhook } from './webhook-signature';

describe('withUtm', () => {
  const tags = { source: 'facebook', medium: 'social', campaign: 'spring-sale' };
  it('adds the three tags and keeps the path, other params and fragment', () => {
    expect(withUtm('https://shop.example/p/42?color=red#reviews', tags)).toBe(
      'https://shop.example/p/42?color=red&utm_source=facebook&utm_medium=social&utm_campaign=spring-sale#reviews',
    );
  });
  it('never overrides tags the target already has', () => {
    expect(withUtm('https://shop.example/?utm_source=newsletter', tags)).toBe(
      'https://shop.example/?utm_source=newsletter&utm_medium=social&utm_campaign=spring-sale',
    );
  });
  it('omits the campaign when there is none and appends the click id', () => {
    expect(withUtm('https://shop.example/', { ...tags, campaign: null }, 'c1')).toBe(
      'https://shop.example/?utm_source=facebook&utm_medium=social&vigie_click=c1',
    );
  });
});

describe('referrerClass', () => {
  it.each([
    [undefined, 'direct'],
    ['', 'direct'],
    ['https://l.facebook.com/l.php?u=x', 'social'],
    ['https://www.instagram.com/', 'social'],
    ['https://t.co/abc', 'social'],
    ['https://lnkd.in/xyz', 'social'],
    ['https://mastodon.example.org/@x', 'social'],
    ['https://www.google.fr/', 'search'],
    ['https://duckduckgo.com/', 'search'],
    ['https://www.qwant.com/?q=x', 'search'],
    ['https://mail.google.com/mail/u/0/', 'email'],
    ['https://webmail.laposte.net/', 'email'],
    ['https://outlook.live.com/mail/', 'email'],
    ['https://blog.example.com/post', 'other'],
    ['not a url', 'other'],
    ['https://notfacebook.com/', 'other'],
  ])('%s → %s', (referer, expected) => {
    expect(referrerClass(referer)).toBe(expected);
  });
});

describe('webhook signature', () => {
  const body = Buffer.from('{"eventId":"e1","linkCode":"abc"}');
  const now = 1_750_000_000;
  // Checked with: printf '1750000000.{"eventId":"e1","linkCode":"abc"}' | openssl dgst -sha256 -hmac s3cret
  const known = 'sha256=672bb0c04536ea858ae9a6baafdcc4ebf3df000f17fbe9c8467e63d2738a37be';
  it('signs timestamp + body', () => {
    expect(signWebhook('s3cret', now, body)).toBe(known);
    expect(signWebhook('s3cret', now + 1, body)).not.toBe(known);
  });
  it('accepts a fresh, correct signature', () => {
    const signature = signWebhook('s3cret', now, body);
    expect(checkWebhookSignature('s3cret', { signature, timestamp: String(now) }, body, now + 10)).toBe('ok');
  });
  it('refuses another secret, another body, a stale or future timestamp, malformed headers', () => {
    const signature = signWebhook('s3cret', now, body);
    const ts = String(now);
    expect(checkWebhookSignature('other', { signature, timestamp: ts }, body, now)).toBe('bad-signature');
    expect(checkWebhookSignature('s3cret', { signature, timestamp: ts }, Buffer.from('{}'), now)).toBe('bad-signature');
    expect(checkWebhookSignature('s3cret', { signature, timestamp: ts }, body, now + 301)).toBe('stale');
    expect(checkWebhookSignature('s3cret', { signature, timestamp: ts }, body, now - 301)).toBe('stale');
    expect(checkWebhookSignature('s3cret', { signature: 'abc', timestamp: ts }, body, now)).toBe('malformed');
    expect(checkWebhookSignature('s3cret', { signature }, body, now)).toBe('malformed');
  });
});
