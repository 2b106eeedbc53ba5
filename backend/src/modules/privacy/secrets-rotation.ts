import type { DataSource } from 'typeorm';
import { SecretBox } from '../../common/crypto/secret-box';
import { type SealedColumn, SealedColumnsRepository } from './sealed-columns.repository';

/**
 * Every column sealed with VIGIE_SECRET_KEY. A module that stores another secret adds its
 * column here, and the rotation command re-encrypts it too.
 */
export const SEALED_COLUMNS: SealedColumn[] = [
  { table: 'channel_accounts', key: 'id', column: 'credentials_encrypted' },
  { table: 'conversion_webhook_secrets', key: 'workspace_id', column: 'secret_encrypted' },
  { table: 'alert_rules', key: 'id', column: 'webhook_secret_encrypted' },
  { table: 'crisis_settings', key: 'workspace_id', column: 'webhook_secret_encrypted' },
];

export interface RotationResult {
  /** Rows re-encrypted per table. */
  rotated: Record<string, number>;
  /** Rows already sealed with the new key (a rotation interrupted and run again). */
  alreadyNew: number;
}

/**
 * Re-encrypts every sealed value from the old key to the new one in ONE transaction: either all
 * secrets move to the new key or none do. A value the old key cannot open but the new one can
 * is left as is (re-running after a partial manual rotation is safe); any other value aborts.
 */
export async function rotateSecrets(db: DataSource, oldKey: Buffer, newKey: Buffer): Promise<RotationResult> {
  const oldBox = new SecretBox(oldKey);
  const newBox = new SecretBox(newKey);
  const result: RotationResult = { rotated: {}, alreadyNew: 0 };
  const columns = new SealedColumnsRepository(db);
  await columns.transaction(async (m) => {
    for (const c of SEALED_COLUMNS) {
      if (!(await columns.present(c.table, m))) continue;
      const rows = await columns.lockValues(c, m);
      let n = 0;
      for (const r of rows) {
        let plain: string;
        try {
          plain = oldBox.open(r.v);
        } catch {
          newBox.open(r.v); // throws (aborting everything) when neither key opens it
          result.alreadyNew++;
          continue;
        }
        await columns.reseal(c, r.k, newBox.seal(plain), m);
        n++;
      }
      result.rotated[c.table] = n;
    }
  });
  return result;
}
