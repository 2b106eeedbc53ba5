import cluster, { type Worker } from 'node:cluster';
import type { LoggerService } from '@nestjs/common';

/** What an API process sends its supervisor once it listens. */
export const LISTENING_MESSAGE = 'vigie:listening';

/** A replaced process waits this long first, so a process that dies at boot does not spin. */
const RESTART_DELAY_MS = 1000;

/**
 * VIGIE_API_PROCESSES > 1: this process starts `count` API processes sharing one port
 * (node:cluster; the supervisor hands each new connection to the next process) and does nothing
 * else. Node runs JavaScript on one core per process: on a multi-core host a single API process
 * saturates its core while the others idle. The first process starts alone (it migrates and runs
 * the first-start setup), the others once it listens. A process that dies is replaced; SIGTERM /
 * SIGINT stop them all, then the supervisor.
 */
export function superviseApiProcesses(count: number, logger: LoggerService): void {
  let stopping = false;
  const log = (m: string) => logger.log(m, 'api-processes');

  const fork = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork();
      const onExit = (code: number | null) => reject(new Error(`API process ${worker.process.pid} exited with ${code} before listening`));
      worker.once('exit', onExit);
      worker.on('message', (m: unknown) => {
        if (m !== LISTENING_MESSAGE) return;
        worker.off('exit', onExit);
        resolve(worker);
      });
    });

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.warn(`API process ${worker.process.pid} stopped (${signal ?? code}); starting another`, 'api-processes');
    setTimeout(() => {
      if (!stopping) void fork().catch((e: Error) => logger.error(e.message, undefined, 'api-processes'));
    }, RESTART_DELAY_MS);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: stopping ${Object.keys(cluster.workers ?? {}).length} API processes`);
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    let left = workers.length;
    if (left === 0) process.exit(process.exitCode ?? 0);
    for (const w of workers) {
      w.once('exit', () => {
        if (--left === 0) process.exit(process.exitCode ?? 0);
      });
      w.process.kill(signal);
    }
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  void (async () => {
    try {
      await fork();
      await Promise.all(Array.from({ length: count - 1 }, fork));
      log(`${count} API processes listening`);
    } catch (e) {
      logger.error(e instanceof Error ? e.message : String(e), undefined, 'api-processes');
      process.exitCode = 1;
      stop('SIGTERM');
    }
  })();
}
