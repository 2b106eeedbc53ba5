import 'reflect-metadata';
import cluster from 'node:cluster';
import os from 'node:os';
import type { INestApplication } from '@nestjs/common';
import { LISTENING_MESSAGE, superviseApiProcesses } from './api-processes';
import { ConfigError, loadConfig } from './config/app-config';
import { createJsonLogger } from './common/http/json-logger';
import { createHttpApp } from './http-app';
import { DemoSandboxService } from './modules/demo/demo-sandbox.service';
import { FirstStartService } from './modules/demo/first-start.service';
import { prepareRuntime, type Runtime } from './runtime';

/**
 * Background work yields to the API (VIGIE_WORKER_NICE). On Linux this renices the calling thread
 * (the one running JavaScript); never fatal: a host may forbid it.
 */
function lowerPriority(nice: number, logger: { warn(message: string, context?: string): void }): void {
  try {
    os.setPriority(Math.max(os.getPriority(), nice));
  } catch (e) {
    logger.warn(`could not lower the worker's CPU priority: ${e instanceof Error ? e.message : String(e)}`, 'main');
  }
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const logger = createJsonLogger(config.logLevel);
  if (config.apiProcesses > 1 && cluster.isPrimary) {
    superviseApiProcesses(config.apiProcesses, logger);
    return;
  }
  if (config.role === 'worker' && config.workerNice > 0) lowerPriority(config.workerNice, logger);
  const runtime: Runtime = await prepareRuntime(config, logger);
  let app: INestApplication | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: stopping`, 'main');
    await runtime.queue.close().catch(() => undefined);
    if (app) await app.close().catch(() => undefined);
    await runtime.stop();
    logger.log('Stopped cleanly', 'main');
    process.exit(0);
  };
  // A stray rejection (a dropped connection in a library) must be seen, not take the product down.
  process.on('unhandledRejection', (reason) =>
    logger.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`, undefined, 'main'),
  );
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    app = await createHttpApp(runtime, logger);
    const firstStart = await app.get(FirstStartService).run();
    if (config.role !== 'worker') {
      await app.listen(config.port, config.host);
      if (cluster.isWorker) process.send?.(LISTENING_MESSAGE);
    } else {
      await app.init();
    }
    if (config.role !== 'api') await runtime.queue.startWorkers();
    const sandboxUrl = await app.get(DemoSandboxService).start();
    const lines = [
      '',
      `  Vigie is running (${config.role}, queue: ${runtime.queue.kind}${runtime.embeddedDatabase ? ', embedded Postgres' : ''})`,
    ];
    if (config.role !== 'worker') lines.push(`  Dashboard: ${config.publicUrl}`, `  API docs:  ${config.publicUrl}/api/docs`);
    if (sandboxUrl) lines.push(`  Demo:      live demo workspace fed by the platform sandbox at ${sandboxUrl}`);
    if (firstStart.adminEmail && firstStart.adminPassword) {
      lines.push(`  Login:     ${firstStart.adminEmail} / ${firstStart.adminPassword}`);
    } else if (firstStart.adminEmail) {
      lines.push(`  Login:     ${firstStart.adminEmail} (password from VIGIE_ADMIN_PASSWORD)`);
    }
    // Several API processes: one banner (the first one's).
    if (!cluster.isWorker || cluster.worker?.id === 1) process.stdout.write(`${lines.join('\n')}\n\n`);
  } catch (e) {
    logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e), undefined, 'main');
    await runtime.queue.close().catch(() => undefined);
    if (app) await app.close().catch(() => undefined);
    await runtime.stop();
    process.exit(1);
  }
}

void main();
