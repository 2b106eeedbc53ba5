import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertHttpUrl, assertPublicUrl, isPrivateAddress, safeFetch, UnsafeUrlError } from './ssrf-guard';

describe('ssrf guard', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd12:3456::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:8.8.8.8', false],
    ['8.8.8.8', false],
    ['2a00:1450:4007:80e::200e', false],
    ['not-an-ip', true],
  ])('isPrivateAddress(%s) = %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });

  it('accepts only http(s) without credentials', () => {
    expect(assertHttpUrl('https://example.com/feed').host).toBe('example.com');
    expect(() => assertHttpUrl('file:///etc/passwd')).toThrow(UnsafeUrlError);
    expect(() => assertHttpUrl('ftp://example.com')).toThrow(UnsafeUrlError);
    expect(() => assertHttpUrl('http://user:pw@example.com')).toThrow(UnsafeUrlError);
    expect(() => assertHttpUrl('nonsense')).toThrow(UnsafeUrlError);
  });

  it('refuses loopback and private literals unless allowed', async () => {
    await expect(assertPublicUrl('http://127.0.0.1:8080/x', { allowPrivate: false })).rejects.toThrow(UnsafeUrlError);
    await expect(assertPublicUrl('http://[::1]/x', { allowPrivate: false })).rejects.toThrow(UnsafeUrlError);
    await expect(assertPublicUrl('http://localhost/x', { allowPrivate: false })).rejects.toThrow(UnsafeUrlError);
    await expect(assertPublicUrl('http://127.0.0.1:8080/x', { allowPrivate: true })).resolves.toBeInstanceOf(URL);
  });

  describe('safeFetch against a local server', () => {
    let server: http.Server;
    let base: string;
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        if (req.url === '/redirect-to-metadata') {
          res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
        } else if (req.url === '/hop') {
          res.writeHead(301, { location: '/ok' }).end();
        } else res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('is refused on loopback when private URLs are not allowed (literal and by name)', async () => {
      await expect(safeFetch({ url: `${base}/ok` }, { allowPrivate: false })).rejects.toThrow(/private or reserved/);
      const byName = base.replace('127.0.0.1', 'localhost');
      await expect(safeFetch({ url: `${byName}/ok` }, { allowPrivate: false })).rejects.toThrow(/private or reserved/);
    });

    it('follows redirects when allowed and reports the last hop', async () => {
      const r = await safeFetch({ url: `${base}/hop` }, { allowPrivate: true });
      expect(r.status).toBe(200);
      expect(r.body.toString()).toBe('hello');
      expect(r.url).toBe(`${base}/ok`);
    });

    it('stops after maxRedirects', async () => {
      await expect(safeFetch({ url: `${base}/hop`, maxRedirects: 0 }, { allowPrivate: true })).rejects.toThrow(/too many redirects/);
    });
  });
});
