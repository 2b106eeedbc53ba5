import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** The `erasure_log` table: who asked for an erasure and when, with counts — never whom. */
@Injectable()
export class ErasureLogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Returns the new log row's id. */
  async insert(workspaceId: string, requestedBy: string | null, counts: Record<string, number>, tx?: EntityManager): Promise<string> {
    const [log] = (await (tx ?? this.db).query(
      'INSERT INTO erasure_log (workspace_id, requested_by, counts) VALUES ($1, $2, $3) RETURNING id',
      [workspaceId, requestedBy, JSON.stringify(counts)],
    )) as Array<{ id: string }>;
    return log.id;
  }
}
