/**
 * `npm run kpi:rebuild -w backend [-- <workspaceId>]`: recomputes the KPI rollups from the
 * posts (all workspaces, or one — e.g. after its time zone changed). Uses DATABASE_URL, or the
 * embedded Postgres under VIGIE_DATA_DIR when Vigie is not running on it.
 */
import 'reflect-metadata';
import { inspect } from 'node:util';
import { loadConfig } from '../../../config/app-config';
import { createDataSource } from '../../../database/data-source';
import { startEmbeddedDatabase } from '../../../infra/embedded-database';
import { runMigrations } from '../../../runtime';
import { rebuildRollups } from './kpi-rollup.service';

async function main(): Promise<void> {
  const workspaceId = process.argv[2];
  if (workspaceId && !/^[0-9a-f-]{36}$/i.test(workspaceId)) throw new Error(`not a workspace id: ${workspaceId}`);
  const config = loadConfig();
  const log = { log: (m: string) => process.stdout.write(`${m}\n`), warn: (m: string) => process.stderr.write(`${m}\n`), error: (m: string) => process.stderr.write(`${m}\n`) };
  let url = config.databaseUrl;
  let stop: (() => Promise<void>) | null = null;
  if (!url) {
    const db = await startEmbeddedDatabase(config.dataDir, log);
    url = db.url;
    stop = db.stop;
  }
  try {
    await runMigrations(url, log);
    const ds = createDataSource(url);
    await ds.initialize();
    try {
      const started = Date.now();
      const result = await ds.transaction((m) => rebuildRollups(m, workspaceId));
      log.log(
        `KPI rollups rebuilt${workspaceId ? ` for workspace ${workspaceId}` : ''}: ${result.dailyRows} daily rows, ` +
          `${result.hourlyRows} hourly rows in ${Date.now() - started} ms`,
      );
    } finally {
      await ds.destroy();
    }
  } finally {
    if (stop) await stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`kpi:rebuild failed: ${e instanceof Error ? (e.stack ?? e.message) : inspect(e)}\n`);
  process.exit(1);
});
