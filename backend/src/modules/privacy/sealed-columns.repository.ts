import type { DataSource, EntityManager } from 'typeorm';

/** A column sealed with VIGIE_SECRET_KEY, declared by the module that owns its table (SEALED_COLUMNS). */
export interface SealedColumn {
  table: string;
  key: string;
  column: string;
}

/**
 * The sealed columns of every module, for the key-rotation command (scripts/rotate-secret-key.ts),
 * which runs on a bare DataSource outside Nest — hence a plain class, not an injectable. A
 * maintenance exception to table ownership: the command re-encrypts values it never interprets,
 * column by declared column, in one transaction across all owners.
 */
export class SealedColumnsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** A module not installed has no table. */
  async present(table: string, tx: EntityManager): Promise<boolean> {
    const [{ present }] = (await tx.query('SELECT to_regclass($1) IS NOT NULL AS present', [table])) as Array<{ present: boolean }>;
    return present;
  }

  /** Every sealed value of the column, locked until the transaction ends. */
  async lockValues(c: SealedColumn, tx: EntityManager): Promise<Array<{ k: string; v: Buffer }>> {
    return (await tx.query(`SELECT ${c.key}::text AS k, ${c.column} AS v FROM ${c.table} WHERE ${c.column} IS NOT NULL FOR UPDATE`)) as Array<{
      k: string;
      v: Buffer;
    }>;
  }

  async reseal(c: SealedColumn, k: string, sealed: Buffer, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE ${c.table} SET ${c.column} = $2 WHERE ${c.key}::text = $1`, [k, sealed]);
  }
}
