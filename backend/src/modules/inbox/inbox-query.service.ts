import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { checkDayRange, DAY_END_SQL, DAY_START_SQL } from './day-range';
import type { InboxQueryDto } from './inbox.dto';
import { ITEM_FROM, ITEM_SELECT, type ItemRow, itemView } from './inbox-item-view';
import { loadWorkspaceContext } from './workspace-context';

const DEFAULT_LIMIT = 50;
const ITEM_ID = /^\d{1,18}$/;

function encodeCursor(ts: string, id: string): string {
  return Buffer.from(JSON.stringify([ts, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
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
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(workspaceId: string, q: InboxQueryDto) {
    checkDayRange(q.from, q.to);
    const ctx = await loadWorkspaceContext(this.ds, workspaceId, q.brandId);
    if (q.channelAccountId) await this.assertChannel(workspaceId, q.channelAccountId);
    const params: unknown[] = [workspaceId];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = ['i.workspace_id = $1'];
    if ((q.view ?? 'attention') === 'attention') where.push('i.needs_attention');
    if (q.status?.length) where.push(`i.status = ANY(${p(q.status)}::text[])`);
    if (q.type?.length) where.push(`i.type = ANY(${p(q.type)}::text[])`);
    if (q.brandId) where.push(`i.brand_id = ${p(q.brandId)}`);
    if (q.channelAccountId) where.push(`i.channel_account_id = ${p(q.channelAccountId)}`);
    if (q.serviceId?.length) where.push(`i.service_id = ANY(${p(q.serviceId)}::uuid[])`);
    if (q.sentiment) where.push(`c.sentiment = ${p(q.sentiment)}`);
    if (q.language) where.push(`c.language = ${p(q.language)}`);
    if (q.toxic !== undefined) where.push(`coalesce(c.toxic, false) = ${p(q.toxic)}`);
    if (q.from || q.to) {
      const tz = p(ctx.timezone);
      if (q.from) where.push(`i.published_at >= ${DAY_START_SQL(p(q.from), tz)}`);
      if (q.to) where.push(`i.published_at < ${DAY_END_SQL(p(q.to), tz)}`);
    }
    if (q.q) where.push(`c.text ILIKE ${p(`%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)}`);
    const newest = (q.sort ?? 'newest') === 'newest';
    if (q.cursor) {
      const [ts, id] = decodeCursor(q.cursor);
      where.push(`(i.published_at, i.id) ${newest ? '<' : '>'} (${p(ts)}::timestamptz, ${p(id)}::bigint)`);
    }
    const limit = q.limit ?? DEFAULT_LIMIT;
    const dir = newest ? 'DESC' : 'ASC';
    const rows = (await this.ds.query(
      `SELECT ${ITEM_SELECT} ${ITEM_FROM}
       WHERE ${where.join(' AND ')}
       ORDER BY i.published_at ${dir}, i.id ${dir}
       LIMIT ${p(limit + 1)}`,
      params,
    )) as ItemRow[];
    const page = rows.slice(0, limit);
    const now = Date.now();
    const last = page[page.length - 1];
    return {
      items: page.map((r) => itemView(r, ctx.pseudonymize, now)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.cursor_ts, last.id) : null,
    };
  }

  /** Raw row of one item of this workspace; 404 for another workspace's item. */
  async row(workspaceId: string, itemId: string): Promise<ItemRow> {
    if (!ITEM_ID.test(itemId)) throw new NotFoundException('Inbox item not found');
    const [row] = (await this.ds.query(`SELECT ${ITEM_SELECT} ${ITEM_FROM} WHERE i.workspace_id = $1 AND i.id = $2`, [
      workspaceId,
      itemId,
    ])) as ItemRow[];
    if (!row) throw new NotFoundException('Inbox item not found');
    return row;
  }

  async item(workspaceId: string, itemId: string) {
    const ctx = await loadWorkspaceContext(this.ds, workspaceId);
    return itemView(await this.row(workspaceId, itemId), ctx.pseudonymize);
  }

  /** One item with its notes and the history of type corrections. */
  async detail(workspaceId: string, itemId: string) {
    const item = await this.item(workspaceId, itemId);
    const notes = (await this.ds.query(
      `SELECT n.id, n.text, n.created_at AS "createdAt", u.id AS "userId", u.name AS "userName"
       FROM inbox_notes n LEFT JOIN users u ON u.id = n.author_user_id
       WHERE n.workspace_id = $1 AND n.item_id = $2 ORDER BY n.created_at, n.id`,
      [workspaceId, itemId],
    )) as Array<{ id: string; text: string; createdAt: Date; userId: string | null; userName: string | null }>;
    const corrections = (await this.ds.query(
      `SELECT t.from_type AS "fromType", t.to_type AS "toType", t.created_at AS "createdAt", t.user_id AS "userId"
       FROM type_corrections t WHERE t.workspace_id = $1 AND t.item_id = $2 ORDER BY t.id`,
      [workspaceId, itemId],
    )) as Array<{ fromType: string; toType: string; createdAt: Date; userId: string | null }>;
    return {
      ...item,
      notes: notes.map((n) => ({
        id: n.id,
        text: n.text,
        createdAt: n.createdAt,
        author: n.userId ? { id: n.userId, name: n.userName } : null,
      })),
      corrections,
    };
  }

  private async assertChannel(workspaceId: string, channelAccountId: string): Promise<void> {
    const [row] = (await this.ds.query('SELECT 1 FROM channel_accounts WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      channelAccountId,
    ])) as unknown[];
    if (!row) throw new NotFoundException('Channel account not found');
  }
}
