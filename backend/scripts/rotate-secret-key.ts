/**
 * Re-encrypts every stored secret (channel tokens, webhook secrets) from an old VIGIE_SECRET_KEY
 * to the new one, in one transaction. Usage, with the NEW key in the environment as usual:
 *
 *   VIGIE_SECRET_KEY=<new> DATABASE_URL=… node -r ../scripts/ts-register.cjs scripts/rotate-secret-key.ts --old-key-file /run/secrets/old_key
 *
 * Stop the workers first (they hold decrypted tokens only per job, but a job started with the
 * old key would fail), run this, then restart every process with the new key.
 */
import { readFileSync } from 'node:fs';
import { loadConfig, parseSecretKey } from '../src/config/app-config';
import { createDataSource } from '../src/database/data-source';
import { rotateSecrets } from '../src/modules/privacy/secrets-rotation';

async function main(): Promise<void> {
  const i = process.argv.indexOf('--old-key-file');
  if (i < 0 || !process.argv[i + 1]) {
    process.stderr.write('usage: rotate-secret-key --old-key-file <file holding the old key (hex or base64)>\n');
    process.exit(64);
  }
  const oldKey = parseSecretKey(readFileSync(process.argv[i + 1], 'utf8'));
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required');
  if (oldKey.equals(config.secretKey)) throw new Error('the old key equals VIGIE_SECRET_KEY: nothing to rotate');
  const db = createDataSource(config.databaseUrl);
  await db.initialize();
  try {
    const r = await rotateSecrets(db, oldKey, config.secretKey);
    process.stdout.write(`Re-encrypted: ${JSON.stringify(r.rotated)}; already on the new key: ${r.alreadyNew}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`Rotation failed, nothing changed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
