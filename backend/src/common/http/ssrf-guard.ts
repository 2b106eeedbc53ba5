import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

/**
 * Outbound requests to user-supplied URLs (webhooks, RSS sources): http(s) only, and never
 * to private, loopback, link-local or otherwise non-public addresses unless allowed
 * (config.allowPrivateUrls: sandbox, tests). The check runs inside the socket's DNS lookup,
 * so the address connected to is the one checked (no DNS-rebinding gap), and again on every
 * redirect hop.
 */

export class UnsafeUrlError extends Error {}

export interface SsrfOptions {
  allowPrivate: boolean;
  /** Which resolved addresses are refused (default: isPrivateAddress); tests narrow it to prove redirects are re-checked. */
  blocked?: (address: string) => boolean;
}

const BLOCKED_V4: Array<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

const BLOCKED_V6: Array<[string, number]> = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['2001:db8::', 32], // documentation
  ['64:ff9b::', 96], // NAT64 maps to IPv4: refuse rather than decode
];

const blockList = new net.BlockList();
for (const [a, p] of BLOCKED_V4) blockList.addSubnet(a, p, 'ipv4');
for (const [a, p] of BLOCKED_V6) blockList.addSubnet(a, p, 'ipv6');

/** True for any address a user-supplied URL must not reach (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blockList.check(mapped[1], 'ipv4');
    return blockList.check(address, 'ipv6');
  }
  return blockList.check(address, 'ipv4');
}

/** Scheme check only (no DNS): for DTO validation. Throws UnsafeUrlError. */
export function assertHttpUrl(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UnsafeUrlError('not a valid URL');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UnsafeUrlError('only http and https URLs are allowed');
  if (u.username || u.password) throw new UnsafeUrlError('URLs with credentials are not allowed');
  return u;
}

/** Resolves the host and checks every address it resolves to. Throws UnsafeUrlError. */
export async function assertPublicUrl(raw: string, opts: SsrfOptions): Promise<URL> {
  const u = assertHttpUrl(raw);
  if (opts.allowPrivate) return u;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const addresses: LookupAddress[] = net.isIP(host)
    ? [{ address: host, family: net.isIP(host) }]
    : await new Promise<LookupAddress[]>((resolve, reject) =>
        dnsLookup(host, { all: true }, (err, addrs) => (err ? reject(new UnsafeUrlError(`cannot resolve ${host}`)) : resolve(addrs))),
      );
  const blocked = opts.blocked ?? isPrivateAddress;
  const bad = addresses.find((a) => blocked(a.address));
  if (bad || addresses.length === 0) throw new UnsafeUrlError(`${host} resolves to a private or reserved address`);
  return u;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A dns.lookup replacement for sockets: refuses non-public addresses at connect time. */
const guardedLookup = (blocked: (address: string) => boolean) => (hostname: string, options: { all?: boolean }, cb: LookupCallback): void => {
  dnsLookup(hostname, { all: true }, (err, addrs) => {
    if (err) return cb(err, []);
    const bad = addrs.find((a) => blocked(a.address));
    if (bad || addrs.length === 0) {
      const e = new UnsafeUrlError(`${hostname} resolves to a private or reserved address`) as NodeJS.ErrnoException;
      e.code = 'EUNSAFEADDR';
      return cb(e, []);
    }
    if (options.all) cb(null, addrs);
    else cb(null, addrs[0].address, addrs[0].family);
  });
};

export interface SafeRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Largest body read (bytes); beyond it the request fails. */
  maxBytes?: number;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** URL of the last hop. */
  url: string;
}

/** One guarded HTTP(S) request; redirects (GET only, at most maxRedirects) re-run every check. */
export async function safeFetch(req: SafeRequest, opts: SsrfOptions): Promise<SafeResponse> {
  let url = req.url;
  const max = req.maxRedirects ?? 5;
  const blocked = opts.blocked ?? isPrivateAddress;
  for (let hop = 0; ; hop++) {
    const u = assertHttpUrl(url);
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (!opts.allowPrivate && net.isIP(host) && blocked(host)) {
      throw new UnsafeUrlError(`${host} is a private or reserved address`);
    }
    const res = await requestOnce(u, req, opts);
    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && res.status !== 304 && location && (req.method ?? 'GET') === 'GET') {
      if (hop >= max) throw new UnsafeUrlError(`too many redirects (> ${max})`);
      url = new URL(location, u).toString();
      continue;
    }
    return { ...res, url };
  }
}

function requestOnce(u: URL, req: SafeRequest, opts: SsrfOptions): Promise<Omit<SafeResponse, 'url'>> {
  const mod = u.protocol === 'https:' ? https : http;
  const maxBytes = req.maxBytes ?? 5 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const r = mod.request(
      u,
      {
        method: req.method ?? 'GET',
        headers: req.headers,
        timeout: req.timeoutMs ?? 15_000,
        ...(opts.allowPrivate ? {} : { lookup: guardedLookup(opts.blocked ?? isPrivateAddress) as unknown as typeof dnsLookup }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            r.destroy(new Error(`response larger than ${maxBytes} bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    r.on('timeout', () => r.destroy(new Error(`timed out after ${req.timeoutMs ?? 15_000} ms`)));
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}
