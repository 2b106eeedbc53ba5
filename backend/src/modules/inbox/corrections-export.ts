import { Injectable } from '@nestjs/common';
import { formatCorrection, REQUEST_TYPES, type RequestType } from '@vigie/text';
import { InboxItemsRepository } from './inbox-items.repository';

const asType = (t: string | null): RequestType => ((REQUEST_TYPES as readonly string[]).includes(t ?? '') ? (t as RequestType) : 'other');

const PAGE = 1_000;

/**
 * Streams the workspace's corrected items as corrections.jsonl lines — `{text, predicted,
 * corrected, lang, at}`, the format `npm run retrain:requests -w packages/text -- --corrections
 * <file>` reads — the latest correction of each item, page by page so a large export never sits
 * in memory.
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
      write(
        rows
          .map((r) =>
            formatCorrection({
              text: r.text,
              predicted: asType(r.predicted),
              corrected: asType(r.type),
              lang: r.language ?? 'und',
              at: (r.corrected_at ?? new Date(0)).toISOString(),
            }),
          )
          .join(''),
      );
      total += rows.length;
      after = rows[rows.length - 1]!.id;
      if (rows.length < PAGE) return total;
    }
  }
}
