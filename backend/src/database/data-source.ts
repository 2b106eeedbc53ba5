import path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';

/** Migrations are discovered from disk so each module can add its own without touching this file. */
export function dataSourceOptions(url: string): DataSourceOptions {
  const ext = __filename.endsWith('.ts') ? 'ts' : 'js';
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: [path.join(__dirname, 'migrations', `*.${ext}`)],
    extra: { max: 10 },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
