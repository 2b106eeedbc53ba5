import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface TypeCorrectionRow {
  fromType: string;
  toType: string;
  createdAt: Date;
  userId: string | null;
}

/** The `type_corrections` table: every change of an item's request type by a CM (the eval set's history). */
@Injectable()
export class TypeCorrectionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    c: { workspaceId: string; itemId: string; fromType: string; toType: string; userId: string },
    tx?: EntityManager,
  ): Promise<void> {
    await (tx ?? this.db).query(
      `INSERT INTO type_corrections (workspace_id, item_id, from_type, to_type, user_id) VALUES ($1, $2, $3, $4, $5)`,
      [c.workspaceId, c.itemId, c.fromType, c.toType, c.userId],
    );
  }

  async listForItem(workspaceId: string, itemId: string): Promise<TypeCorrectionRow[]> {
    return (await this.db.query(
      `SELECT t.from_type AS "fromType", t.to_type AS "toType", t.created_at AS "createdAt", t.user_id AS "userId"
       FROM type_corrections t WHERE t.workspace_id = $1 AND t.item_id = $2 ORDER BY t.id`,
      [workspaceId, itemId],
    )) as TypeCorrectionRow[];
  }
}
