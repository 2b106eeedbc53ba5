import { existsSync } from 'node:fs';
import path from 'node:path';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { contractSchemas } from './common/http/api-reply';
import { HttpExceptionFilter } from './common/http/http-exception.filter';
import { createValidationPipe } from './common/http/validation';
import type { Runtime } from './runtime';

/** Routes outside the /api prefix (tracked-link redirects). */
export const UNPREFIXED_ROUTES = ['r/:code'];

/** Builds the Nest app with every HTTP convention applied; tests use exactly this. */
export async function createHttpApp(runtime: Runtime, logger: LoggerService | false): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(runtime), {
    logger: logger === false ? false : logger,
    bodyParser: false,
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(
    express.json({
      limit: '1mb',
      // Signed webhooks (POST /api/hooks/…) verify an HMAC of the exact bytes received.
      verify: (req, _res, buf) => {
        if (req.url?.startsWith('/api/hooks/')) (req as typeof req & { rawBody?: Buffer }).rawBody = buf;
      },
    }),
  );
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'font-src': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'none'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(cookieParser());
  app.setGlobalPrefix('api', { exclude: UNPREFIXED_ROUTES });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());

  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Vigie API')
      .setDescription('Social listening and KPI dashboard for community managers')
      .setVersion('0.1.0')
      // 3.1: its schemas are JSON Schema, as generated from @vigie/contracts' types.
      .setOpenAPIVersion('3.1.0')
      .addCookieAuth('vigie_session')
      .addBearerAuth()
      .build(),
  );
  // Reply DTOs (referenced by @ApiReply) come from the same types the frontend compiles against.
  const replies = contractSchemas();
  const clashes = Object.keys(replies).filter((name) => openApi.components?.schemas?.[name]);
  if (clashes.length) throw new Error(`OpenAPI schema names of both a request DTO class and @vigie/contracts: ${clashes.join(', ')}`);
  openApi.components = { ...openApi.components, schemas: { ...openApi.components?.schemas, ...replies } };
  // Swagger UI ships inline bootstrap code: relax CSP for that page only.
  app.use('/api/docs', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    );
    next();
  });
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/docs/openapi.json' });

  const staticDir = runtime.config.staticDir;
  if (staticDir && existsSync(path.join(staticDir, 'index.html'))) serveDashboard(app, staticDir);
  return app;
}

/** Serves the built React dashboard, with client-side routes falling back to index.html. */
function serveDashboard(app: NestExpressApplication, dir: string): void {
  app.use(express.static(dir, { index: false, maxAge: '1h', immutable: false }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/r/')) return next();
    if (path.extname(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(dir, 'index.html'));
  });
}
