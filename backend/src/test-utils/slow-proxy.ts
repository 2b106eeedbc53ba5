import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowProxy {
  url: string;
  /** Requests forwarded so far. */
  count(): number;
  close(): Promise<void>;
}

/** Forwards to the sandbox after `delayMs`: stretches a sync so a fault can land in the middle of it. */
export async function slowProxy(target: string, delayMs: number): Promise<SlowProxy> {
  let n = 0;
  const t = new URL(target);
  const server: Server = createServer((req, res) => {
    n++;
    setTimeout(() => {
      const up = httpRequest({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      // A dropped upstream socket (sandbox `timeout` fault) drops ours too, as a platform would.
      up.on('error', () => res.destroy());
      req.pipe(up);
    }, delayMs);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => n,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
