#!/usr/bin/env node
import { startSandbox } from './index';

/** `node dist/cli.js --port 4010 [--seed 7] [--crisis-after 300] [--start-at ISO]` */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const crisis = arg('crisis-after');
  const sb = await startSandbox({
    port: Number(arg('port') ?? 4010),
    host: arg('host') ?? '127.0.0.1',
    seed: Number(arg('seed') ?? 1),
    startAt: arg('start-at') ? new Date(String(arg('start-at'))) : undefined,
    crisisAfterMs: crisis ? Number(crisis) * 1000 : undefined,
    crisisBrand: arg('crisis-brand'),
  });
  process.stdout.write(`Vigie platform sandbox on ${sb.url}\n`);
  for (const [p, u] of Object.entries(sb.baseUrls)) process.stdout.write(`  ${p.padEnd(10)} ${u}\n`);
  process.stdout.write(`  manifest   ${sb.url}/__sandbox/accounts\n`);
  const stop = () => {
    void sb.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
