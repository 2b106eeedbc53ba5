import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The `import_chunks` table: an uploaded file, stored in numbered chunks (any worker can run the import). */
@Injectable()
export class ImportChunksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(importId: string, seq: number, data: Buffer): Promise<void> {
    await this.db.query('INSERT INTO import_chunks (import_id, seq, data) VALUES ($1, $2, $3)', [importId, seq, data]);
  }

  async chunk(importId: string, seq: number): Promise<Buffer | null> {
    const [c] = (await this.db.query('SELECT data FROM import_chunks WHERE import_id = $1 AND seq = $2', [importId, seq])) as Array<{
      data: Buffer;
    }>;
    return c?.data ?? null;
  }

  /** The first 64 KiB of the file (the delimiter is guessed from its first line), or null when there is no chunk. */
  async head(importId: string): Promise<Buffer | null> {
    const [first] = (await this.db.query(`SELECT substring(data FROM 1 FOR 65536) AS head FROM import_chunks WHERE import_id = $1 AND seq = 0`, [
      importId,
    ])) as Array<{ head: Buffer }>;
    return first?.head ?? null;
  }

  async deleteAll(importId: string): Promise<void> {
    await this.db.query('DELETE FROM import_chunks WHERE import_id = $1', [importId]);
  }
}
