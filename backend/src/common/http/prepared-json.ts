import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

/**
 * A reply serialised once and sent many times (cached answers): its JSON text, a weak ETag of it
 * and, made on the first request that accepts it, its gzip form. Browsers always accept gzip, and
 * a year of KPIs by day is ~140 KiB of JSON that gzips ~10×: writing it to the socket cost more
 * than computing it once the answer was cached.
 */
export class PreparedJson {
  readonly etag: string;
  private gzipped: Buffer | null = null;

  constructor(readonly body: string) {
    this.etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
  }

  /** Gzip of the text, made once (level 6: made once per text, sent many times). */
  gzip(): Buffer {
    this.gzipped ??= gzipSync(this.body);
    return this.gzipped;
  }
}

/** Below this, gzip's header and the zlib call cost more than the bytes saved. */
const GZIP_FROM_BYTES = 1024;

/**
 * Sends a PreparedJson (from a handler with `@Res()`: Nest would serialise a Buffer as JSON): the
 * ETag set here so Express does not hash the text again (a matching If-None-Match still gets a
 * 304 from res.send), the gzip form when the client accepts it.
 */
export function sendPreparedJson(req: Request, res: Response, prepared: PreparedJson): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('ETag', prepared.etag);
  res.vary('Accept-Encoding');
  if (prepared.body.length < GZIP_FROM_BYTES || !req.acceptsEncodings('gzip')) {
    res.send(prepared.body);
    return;
  }
  res.setHeader('Content-Encoding', 'gzip');
  res.send(prepared.gzip());
}
