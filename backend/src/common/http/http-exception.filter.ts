import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';

/** Every error leaves as `{ statusCode, message, details? }`; unexpected ones never leak internals. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      // 429s that know how long to wait say so the standard way too (login throttle: { retryAfter: s }).
      const retryAfter = typeof body === 'object' && body !== null ? (body as { retryAfter?: unknown }).retryAfter : undefined;
      if (status === HttpStatus.TOO_MANY_REQUESTS && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
      let message: string = exception.message;
      let details: unknown;
      if (typeof body === 'object' && body !== null) {
        const b = body as Record<string, unknown>;
        if (Array.isArray(b.message)) message = b.message.join('; ');
        else if (typeof b.message === 'string') message = b.message;
        details = b.details ?? (b.position !== undefined ? { position: b.position, ...b } : undefined);
        if (b.position !== undefined) {
          res.status(status).json({ statusCode: status, message, position: b.position, details });
          return;
        }
      } else if (typeof body === 'string') message = body;
      res.status(status).json(details === undefined ? { statusCode: status, message } : { statusCode: status, message, details });
      return;
    }
    // Postgres "data exception" (SQLSTATE class 22: impossible date, number out of range, NUL
    // byte in text…) can only come from a value the client sent that validation let through: 400.
    const pgCode = (exception as { driverError?: { code?: unknown } } | null)?.driverError?.code;
    if (typeof pgCode === 'string' && pgCode.startsWith('22')) {
      this.logger.warn(`400 for a database data exception ${pgCode}: ${(exception as Error).message}`);
      res.status(HttpStatus.BAD_REQUEST).json({
        statusCode: 400,
        message: 'Invalid request: a value is malformed or out of range (impossible date, number too large or NUL character)',
      });
      return;
    }
    const err = exception as { type?: string; status?: number; message?: string };
    // body-parser errors (malformed JSON, too large) carry a status
    if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      res.status(err.status).json({ statusCode: err.status, message: err.message ?? 'Bad request' });
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    res
      .status(HttpStatus.INTERNAL_SERVER_ERROR)
      .json({ statusCode: 500, message: 'Internal server error' });
  }
}
