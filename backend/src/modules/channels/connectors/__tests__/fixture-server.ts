import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A reply the test server sends: status, headers and a raw body (so truncated JSON is possible). */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Answer only after this delay (timeouts). */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Route = (req: RecordedRequest) => Reply | undefined;

/**
 * Real HTTP on 127.0.0.1, port 0: connectors are exercised through fetch exactly as in
 * production. Routes are tried in order; unmatched requests answer 599 so a test fails loudly.
 */
export class FixtureServer {
  readonly requests: RecordedRequest[] = [];
  private routes: Route[] = [];
  private server: Server | null = null;
  url = '';

  route(r: Route): this {
    this.routes.push(r);
    return this;
  }

  reset(): void {
    this.routes = [];
    this.requests.length = 0;
  }

  async start(): Promise<string> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const u = new URL(req.url ?? '/', 'http://x');
        const rec: RecordedRequest = {
          method: req.method ?? 'GET',
          path: u.pathname,
          query: u.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.requests.push(rec);
        const reply = this.routes.map((r) => r(rec)).find((x) => x !== undefined) ?? {
          status: 599,
          body: `no route for ${rec.method} ${rec.path}?${rec.query.toString()}`,
        };
        const send = () => {
          if (res.destroyed) return;
          res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
          res.end(reply.body ?? '');
        };
        if (reply.delayMs) setTimeout(send, reply.delayMs);
        else send();
      });
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((ok) => this.server?.close(() => ok()));
  }
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({
  status,
  headers,
  body: JSON.stringify(body),
});

/** A fixture file of a platform folder (`facebook`, 'posts_p1.json') as text. */
export function fixtureText(platform: string, file: string): string {
  return readFileSync(resolve(__dirname, '..', platform, '__fixtures__', file), 'utf8');
}

export function fixture<T = unknown>(platform: string, file: string): T {
  return JSON.parse(fixtureText(platform, file)) as T;
}

/**
 * Real recorded samples whose licence is unknown stay in ../shared/data (read by tests only,
 * never shipped): repoRoot/../shared/data/api_samples/<rel>.
 */
export function sharedSampleText(rel: string): string {
  return readFileSync(resolve(__dirname, '../../../../../../../shared/data/api_samples', rel), 'utf8');
}

export function sharedSample<T = unknown>(rel: string): T {
  return JSON.parse(sharedSampleText(rel)) as T;
}
