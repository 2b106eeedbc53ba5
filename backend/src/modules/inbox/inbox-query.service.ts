import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { ChannelAccountsRepository } from '../channels/channel-accounts.repository';
import { checkDayRange } from './day-range';
import type { InboxQueryDto } from './inbox.dto';
import { VersionedCache } from '../../common/cache/versioned-cache';
import { KpiActivityMarksRepository } from '../kpi/kpi-activity-marks.repository';
import { type ItemDetailRow, type ItemRow, itemView } from './inbox-item-view';
import { InboxItemsRepository } from './inbox-items.repository';
import { InboxRepliesService, replyView } from './inbox-replies.service';
import { InboxNotesRepository } from './inbox-notes.repository';
import { TypeCorrectionsRepository } from './type-corrections.repository';
import { loadWorkspaceContext } from './workspace-context';

const DEFAULT_LIMIT = 50;
const ITEM_ID = /^\d{1,18}$/;

export function encodeCursor(ts: string, id: string): string {
  return Buffer.from(JSON.stringify([ts, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && ITEM_ID.test(v[1])) {
      if (!Number.isNaN(Date.parse(v[0]))) return [v[0], v[1]];
    }
  } catch {
    // fall through
  }
  throw new BadRequestException({
    statusCode: 400,
    message: 'Invalid request: cursor (not a cursor returned by this endpoint)',
    details: [{ field: 'cursor', errors: ['cursor is not a cursor returned by this endpoint'] }],
  });
}

/** Reads of the inbox: the filtered, keyset-paged list and one item with its notes. */
@Injectable()
export class InboxQueryService {
  constructor(
    private readonly items: InboxItemsRepository,
    private readonly notes: InboxNotesRepository,
    private readonly corrections: TypeCorrectionsRepository,
    private readonly channels: ChannelAccountsRepository,
    private readonly replies: InboxRepliesService,
    private readonly activity: KpiActivityMarksRepository,
  ) {}

  /** Recent pages' rows, per brand activity version (kpi_activity_marks). */
  private readonly pages = new VersionedCache<ItemRow[]>(100);

  async list(workspaceId: string, q: InboxQueryDto) {
    checkDayRange(q.from, q.to);
    const { cursor, limit = DEFAULT_LIMIT, sort = 'newest', ...filters } = q;
    const after = cursor ? decodeCursor(cursor) : null;
    const [ctx, version] = await Promise.all([
      loadWorkspaceContext(this.items, workspaceId, q.brandId),
      this.activity.version(workspaceId, q.brandId ?? null),
      q.channelAccountId ? this.assertChannel(workspaceId, q.channelAccountId) : null,
    ]);
    // The rows of a page are kept while the activity version of its brands holds (every write to
    // what a page shows raises it); the views are made now (pseudonyms, ages).
    const key = JSON.stringify([workspaceId, ctx.timezone, filters, sort, cursor ?? null, limit]);
    const rows = await this.pages.get(key, version, () =>
      this.items.page({ workspaceId, filters, newest: sort === 'newest', after, take: limit + 1 }),
    );
    const page = rows.slice(0, limit);
    const now = Date.now();
    const last = page[page.length - 1];
    return {
      items: page.map((r) => itemView(r, ctx.pseudonymize, now)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.cursor_ts, last.id) : null,
    };
  }

  /** Raw row of one item of this workspace; 404 for another workspace's item. */
  async row(workspaceId: string, itemId: string): Promise<ItemDetailRow> {
    if (!ITEM_ID.test(itemId)) throw new NotFoundException('Inbox item not found');
    const row = await this.items.findInWorkspace(workspaceId, itemId);
    if (!row) throw new NotFoundException('Inbox item not found');
    return row;
  }

  async item(workspaceId: string, itemId: string) {
    const ctx = await loadWorkspaceContext(this.items, workspaceId);
    return itemView(await this.row(workspaceId, itemId), ctx.pseudonymize);
  }

  /**
   * One item with its notes, the history of type corrections, the replies written from Vigie, the
   * other members answering it right now and what its platform lets Vigie do.
   */
  async detail(workspaceId: string, itemId: string, userId: string) {
    const ctx = await loadWorkspaceContext(this.items, workspaceId);
    const row = await this.row(workspaceId, itemId);
    const item = itemView(row, ctx.pseudonymize);
    const [notes, corrections, replies, othersDrafting] = await Promise.all([
      this.notes.listForItem(workspaceId, itemId),
      this.corrections.listForItem(workspaceId, itemId),
      this.replies.listForItem(workspaceId, itemId),
      this.replies.othersDrafting(workspaceId, itemId, userId),
    ]);
    return {
      ...item,
      notes: notes.map((n) => ({
        id: n.id,
        text: n.text,
        createdAt: n.createdAt,
        author: n.userId ? { id: n.userId, name: n.userName } : null,
      })),
      corrections,
      replies: replies.map(replyView),
      othersDrafting,
      answer: this.replies.capabilitiesOf(item.post.platform),
      // The classifier's reasons explain the classifier's type only; a corrected item has none.
      explanation: row.type_override === null ? row.request_explanation : null,
      aspects: row.aspects ?? [],
    };
  }

  private async assertChannel(workspaceId: string, channelAccountId: string): Promise<void> {
    const row = await this.channels.findInWorkspace(workspaceId, channelAccountId);
    if (!row) throw new NotFoundException('Channel account not found');
  }
}
