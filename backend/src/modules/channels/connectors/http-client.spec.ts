import { ConnectorError, ConnectorErrorCode } from './connector-error';
import { HttpClient, msUntilPacificMidnight } from './http-client';
import { redactUrl } from './redact';
import { FixtureServer, json, type Reply } from './__tests__/fixture-server';

const NOW = Date.parse('2024-06-01T12:00:00Z');
const SECRET = 'sk-live-SECRET-TOKEN-987654321';
const server = new FixtureServer();
const http = new HttpClient({ now: () => NOW, timeoutMs: 300 });
let base = '';

beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());
beforeEach(() => server.reset());

async function failWith(reply: Reply | (() => Reply)): Promise<ConnectorError> {
  server.route(typeof reply === 'function' ? reply : () => reply);
  const e = await http.json({ url: `${base}/x?access_token=${SECRET}&key=${SECRET}`, what: 'test', secrets: [SECRET] }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ConnectorError);
  const err = e as ConnectorError;
  expect(`${err.message}|${err.snippet ?? ''}`).not.toContain(SECRET);
  return err;
}

describe('HttpClient error mapping', () => {
  it.each<[string, Reply, ConnectorErrorCode, number | null]>([
    ['429 Retry-After seconds', { status: 429, headers: { 'retry-after': '120' } }, ConnectorErrorCode.RATE_LIMITED, 120_000],
    ['429 Retry-After HTTP date', { status: 429, headers: { 'retry-after': 'Sat, 01 Jun 2024 12:05:00 GMT' } }, ConnectorErrorCode.RATE_LIMITED, 300_000],
    ['X x-rate-limit-reset epoch', { status: 429, headers: { 'x-rate-limit-reset': String(NOW / 1000 + 900) } }, ConnectorErrorCode.RATE_LIMITED, 900_000],
    ['Mastodon X-RateLimit-Reset ISO', { status: 429, headers: { 'X-RateLimit-Reset': '2024-06-01T12:01:30.000Z' } }, ConnectorErrorCode.RATE_LIMITED, 90_000],
    ['Reddit X-Ratelimit-Reset seconds', { status: 429, headers: { 'X-Ratelimit-Reset': '42' } }, ConnectorErrorCode.RATE_LIMITED, 42_000],
    ['429 without hint', { status: 429 }, ConnectorErrorCode.RATE_LIMITED, 60_000],
    ['Graph #17 user limit', json({ error: { message: '(#17) User request limit reached', code: 17 } }, 403), ConnectorErrorCode.RATE_LIMITED, 60_000],
    ['Graph #613', json({ error: { message: 'Calls to this api have exceeded the rate limit.', code: 613 } }, 400), ConnectorErrorCode.RATE_LIMITED, 60_000],
    ['Graph #190 expired token', json({ error: { message: 'Error validating access token', code: 190 } }, 400), ConnectorErrorCode.AUTH, null],
    ['401', { status: 401, body: 'Unauthorized' }, ConnectorErrorCode.AUTH, null],
    ['403 permission', json({ error: { code: 403, message: 'The caller does not have permission', errors: [{ reason: 'forbidden' }] } }, 403), ConnectorErrorCode.AUTH, null],
    ['404', { status: 404, body: '{}' }, ConnectorErrorCode.NOT_FOUND, null],
    ['502', { status: 502, body: '<html>Bad gateway</html>' }, ConnectorErrorCode.UNAVAILABLE, null],
    ['TikTok rate_limit_exceeded', json({ error: { code: 'rate_limit_exceeded', message: 'slow down' } }, 429), ConnectorErrorCode.RATE_LIMITED, 60_000],
  ])('%s', async (_name, reply, code, retryAfterMs) => {
    const err = await failWith(reply);
    expect(err.code).toBe(code);
    expect(err.retryAfterMs).toBe(retryAfterMs);
    expect(err.retryable).toBe(code === ConnectorErrorCode.RATE_LIMITED || code === ConnectorErrorCode.UNAVAILABLE);
  });

  it('YouTube 403 quotaExceeded is QUOTA until midnight Pacific', async () => {
    const err = await failWith(
      json({ error: { code: 403, message: 'The request cannot be completed because you have exceeded your quota.', errors: [{ reason: 'quotaExceeded', domain: 'youtube.quota' }] } }, 403),
    );
    expect(err.code).toBe(ConnectorErrorCode.QUOTA);
    // 12:00 UTC on 1 June = 05:00 PDT: 19 h to midnight Pacific.
    expect(err.retryAfterMs).toBe(19 * 3600 * 1000);
    expect(msUntilPacificMidnight(Date.parse('2024-01-15T07:30:00Z'))).toBe(30 * 60 * 1000);
  });

  it('backs off when X-App-Usage is above 90 %', async () => {
    const err = await failWith(json({ data: [] }, 200, { 'x-app-usage': '{"call_count":95,"total_cputime":10,"total_time":12}' }));
    expect(err.code).toBe(ConnectorErrorCode.RATE_LIMITED);
    expect(err.message).toContain('95%');
  });

  it('uses estimated_time_to_regain_access from X-Business-Use-Case-Usage', async () => {
    const buc = JSON.stringify({ '1234': [{ type: 'pages', call_count: 100, total_cputime: 3, total_time: 4, estimated_time_to_regain_access: 7 }] });
    const err = await failWith(json({}, 200, { 'x-business-use-case-usage': buc }));
    expect(err.retryAfterMs).toBe(7 * 60_000);
  });

  it('accepts usage below the threshold', async () => {
    server.route(() => json({ ok: 1 }, 200, { 'x-app-usage': '{"call_count":40,"total_cputime":10,"total_time":12}' }));
    expect((await http.json({ url: `${base}/ok`, what: 'test' })).body).toEqual({ ok: 1 });
  });

  it('truncated JSON is MALFORMED naming the request path', async () => {
    const err = await failWith({ status: 200, body: '{"data":[{"id":"1"' });
    expect(err.code).toBe(ConnectorErrorCode.MALFORMED);
    expect(err.path).toBe('/x');
    expect(err.message).toMatch(/response of \/x is not valid JSON/);
  });

  it('a timeout is UNAVAILABLE and retryable', async () => {
    const slow = new FixtureServer();
    const url = await slow.start();
    // Answers after the 300 ms timeout.
    slow.route(() => ({ ...json({}), delayMs: 800 }));
    const err = (await http.json({ url: `${url}/slow?access_token=${SECRET}`, what: 'slow', secrets: [SECRET] }).catch((e: unknown) => e)) as ConnectorError;
    await slow.stop();
    expect(err.code).toBe(ConnectorErrorCode.UNAVAILABLE);
    expect(err.message).toContain('timed out');
    expect(err.message).not.toContain(SECRET);
    expect(err.retryable).toBe(true);
  });

  it('a refused connection is UNAVAILABLE', async () => {
    const err = (await http.json({ url: 'http://127.0.0.1:1/nothing', what: 'down' }).catch((e: unknown) => e)) as ConnectorError;
    expect(err.code).toBe(ConnectorErrorCode.UNAVAILABLE);
  });

  it('redacts credential query params', () => {
    expect(redactUrl('https://graph.facebook.com/v21.0/1/posts?fields=id&access_token=abc')).toBe(
      'https://graph.facebook.com/v21.0/1/posts?fields=id&access_token=REDACTED',
    );
    expect(redactUrl('https://www.googleapis.com/youtube/v3/videos?key=AIza123&id=x')).toBe(
      'https://www.googleapis.com/youtube/v3/videos?key=REDACTED&id=x',
    );
  });

  it('scrubs a token echoed back by the platform in the error body', async () => {
    const err = await failWith(json({ error: { message: `Invalid token ${SECRET}`, code: 190 } }, 400));
    expect(err.message).toContain('[REDACTED]');
  });
});
