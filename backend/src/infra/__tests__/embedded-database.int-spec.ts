import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createDataSource } from '../../database/data-source';

/** The Postgres `npm start` runs: reached by the product over its Unix socket, by tools over TCP. */
describe('embedded Postgres', () => {
  let dir: string;
  let child: ChildProcess;
  const db = { url: '' };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vigie-pg-'));
    // Postgres runs as the `postgres` OS user when the tests run as root: it must reach its directory.
    chmodSync(dir, 0o755);
    child = spawn(process.execPath, ['-r', path.join(__dirname, '../../../../scripts/ts-register.cjs'), path.join(__dirname, 'embedded-database-child.ts'), dir], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const first = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
    if (first.done) throw new Error('embedded Postgres did not start');
    db.url = first.value as string;
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin!.end();
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives a URL the data source connects through the Unix socket (no server address)', async () => {
    expect(db.url).toMatch(/\?host=%2F/);
    const source = createDataSource(db.url);
    await source.initialize();
    try {
      const [row] = (await source.query('SELECT inet_server_addr() AS addr, current_user AS who')) as Array<{ addr: string | null; who: string }>;
      expect(row).toEqual({ addr: null, who: 'vigie' });
    } finally {
      await source.destroy();
    }
  });

  it('still listens on 127.0.0.1 for psql and other tools', async () => {
    const tcp = new URL(db.url);
    tcp.search = '';
    const source = createDataSource(tcp.toString());
    await source.initialize();
    try {
      const [row] = (await source.query('SELECT host(inet_server_addr()) AS addr')) as Array<{ addr: string }>;
      expect(row.addr).toBe('127.0.0.1');
    } finally {
      await source.destroy();
    }
  });
});
