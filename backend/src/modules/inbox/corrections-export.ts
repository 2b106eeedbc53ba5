import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

const PAGE = 1_000;

/**
 * Streams the workspace's corrected items as JSON lines `{text, lang, type}` (the latest
 * correction of each item), page by page so a large export never sits in memory.
 */
@Injectable()
export class CorrectionsExport {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async stream(workspaceId: string, write: (chunk: string) => void): Promise<number> {
    let after = '0';
    let total = 0;
    for (;;) {
      const rows = (await this.ds.query(
        `SELECT i.id, c.text, c.language, i.type_override AS type
         FROM inbox_items i JOIN comments c ON c.id = i.comment_id
         WHERE i.workspace_id = $1 AND i.type_override IS NOT NULL AND i.id > $2
         ORDER BY i.id LIMIT ${PAGE}`,
        [workspaceId, after],
      )) as Array<{ id: string; text: string; language: string | null; type: string }>;
      if (!rows.length) return total;
      write(rows.map((r) => `${JSON.stringify({ text: r.text, lang: r.language ?? 'und', type: r.type })}\n`).join(''));
      total += rows.length;
      after = rows[rows.length - 1]!.id;
      if (rows.length < PAGE) return total;
    }
  }
}
