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
    // more of the ranges, each side of the boundary where one exists
    ['100.63.255.255', false],
    ['100.127.255.255', true], // CGNAT end
    ['100.128.0.0', false],
    ['169.254.0.1', true],
    ['172.15.255.255', false],
    ['172.31.255.255', true],
    ['192.0.2.10', true], // documentation
    ['198.18.0.1', true], // benchmarking
    ['224.0.0.251', true], // multicast (mDNS)
    ['239.255.255.250', true],
    ['255.255.255.255', true],
    ['1.1.1.1', false],
    ['::', true],
    ['fe80::abcd%eth0', true], // zone index: not a plain IP, refused
    ['febf::1', true], // link-local upper end
    ['fec0::1', false],
    ['fc00::1', true],
    ['fdff:ffff::1', true],
    ['ff02::1', true], // multicast
    ['::ffff:10.0.0.1', true],
    ['::ffff:169.254.169.254', true],
    ['::ffff:1.1.1.1', false],
    ['64:ff9b::7f00:1', true], // NAT64 of 127.0.0.1
    ['2001:db8::1', true],
    ['2606:4700:4700::1111', false],
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
        } else if (req.url === '/redirect-to-loopback-2') {
          res.writeHead(302, { location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/ok` }).end();
        } else if (req.url?.startsWith('/chain/')) {
          const n = Number(req.url.slice(7));
          res.writeHead(302, { location: n > 1 ? `/chain/${n - 1}` : '/ok' }).end(); // n redirects, then /ok
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

    it('re-checks every redirect hop: a hop to a refused address fails', async () => {
      // Test seam: only 127.0.0.1 is "public" here, so the first hop passes and the redirect target is checked.
      const onlyFirst = { allowPrivate: false, blocked: (ip: string) => ip !== '127.0.0.1' };
      expect((await safeFetch({ url: `${base}/ok` }, onlyFirst)).status).toBe(200);
      await expect(safeFetch({ url: `${base}/redirect-to-metadata` }, onlyFirst)).rejects.toThrow(/169\.254\.169\.254 is a private or reserved address/);
      await expect(safeFetch({ url: `${base}/redirect-to-loopback-2` }, onlyFirst)).rejects.toThrow(/private or reserved/);
      // Without the seam's restriction the same redirect chain is followed.
      expect((await safeFetch({ url: `${base}/hop` }, onlyFirst)).url).toBe(`${base}/ok`);
    });

    it('follows at most 5 redirects by default', async () => {
      expect((await safeFetch({ url: `${base}/chain/5` }, { allowPrivate: true })).body.toString()).toBe('hello');
      await expect(safeFetch({ url: `${base}/chain/6` }, { allowPrivate: true })).rejects.toThrow(/too many redirects \(> 5\)/);
    });

    it('stops after maxRedirects', async () => {
      await expect(safeFetch({ url: `${base}/hop`, maxRedirects: 0 }, { allowPrivate: true })).rejects.toThrow(/too many redirects/);
    });
  });
});
