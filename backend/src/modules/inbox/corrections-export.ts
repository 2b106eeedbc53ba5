import { Injectable } from '@nestjs/common';
import { InboxItemsRepository } from './inbox-items.repository';

const PAGE = 1_000;

/**
 * Streams the workspace's corrected items as JSON lines `{text, lang, type}` (the latest
 * correction of each item), page by page so a large export never sits in memory.
 */
@Injectable()
export class CorrectionsExport {
  constructor(private readonly items: InboxItemsRepository) {}

  async stream(workspaceId: string, write: (chunk: string) => void): Promise<number> {
    let after = '0';
    let total = 0;
    for (;;) {
      const rows = await this.items.correctedPage(workspaceId, after, PAGE);
      if (!rows.length) return total;
      write(rows.map((r) => `${JSON.stringify({ text: r.text, lang: r.language ?? 'und', type: r.type })}\n`).join(''));
      total += rows.length;
      after = rows[rows.length - 1]!.id;
      if (rows.length < PAGE) return total;
    }
  }
}
