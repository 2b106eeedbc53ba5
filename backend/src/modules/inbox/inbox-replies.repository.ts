import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { InboxReplyStatus } from '@vigie/contracts';

/** One row of `inbox_replies` with its author's name (read-only join of users). */
export interface InboxReplyRow {
  id: string;
  workspace_id: string;
  item_id: string;
  author_user_id: string | null;
  author_name: string | null;
  text: string;
  idempotency_key: string;
  saved_reply_id: string | null;
  status: InboxReplyStatus;
  platform_external_id: string | null;
  error_code: string | null;
  error_message: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  sending_since: Date | null;
  sent_at: Date | null;
  created_at: Date;
}

/** What a connector needs to answer an item: its comment, post and channel account (read-only joins). */
export interface AnswerTargetRow {
  comment_external_id: string;
  parent_external_id: string | null;
  post_external_id: string;
  channel_account_id: string;
  platform: string;
  handle: string;
  account_external_id: string | null;
  base_url: string | null;
  brand_name: string;
}

export interface NewReply {
  workspaceId: string;
  itemId: string;
  userId: string;
  text: string;
  idempotencyKey: string;
  savedReplyId: string | null;
  status: 'pending_approval' | 'sending';
}

const SELECT = `r.*, u.name AS author_name FROM inbox_replies r LEFT JOIN users u ON u.id = r.author_user_id`;

/**
 * The `inbox_replies` and `inbox_drafting` tables; the answer target reads `comments`, `posts`,
 * `channel_accounts` and `brands` read-only. Every statement is scoped by workspace.
 */
@Injectable()
export class InboxRepliesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async target(workspaceId: string, itemId: string): Promise<AnswerTargetRow | undefined> {
    const [row] = (await this.db.query(
      `SELECT c.external_id AS comment_external_id, c.parent_external_id, p.external_id AS post_external_id,
              ch.id AS channel_account_id, ch.platform, ch.handle, ch.external_id AS account_external_id, ch.base_url,
              b.name AS brand_name
         FROM inbox_items i
         JOIN comments c ON c.id = i.comment_id
         JOIN posts p ON p.id = c.post_id
         JOIN channel_accounts ch ON ch.id = i.channel_account_id
         JOIN brands b ON b.id = i.brand_id
        WHERE i.workspace_id = $1 AND i.id = $2`,
      [workspaceId, itemId],
    )) as AnswerTargetRow[];
    return row;
  }

  async byKey(workspaceId: string, idempotencyKey: string): Promise<InboxReplyRow | undefined> {
    const [row] = (await this.db.query(`SELECT ${SELECT} WHERE r.workspace_id = $1 AND r.idempotency_key = $2`, [
      workspaceId,
      idempotencyKey,
    ])) as InboxReplyRow[];
    return row;
  }

  async byId(workspaceId: string, itemId: string, replyId: string): Promise<InboxReplyRow | undefined> {
    const [row] = (await this.db.query(`SELECT ${SELECT} WHERE r.workspace_id = $1 AND r.item_id = $2 AND r.id = $3`, [
      workspaceId,
      itemId,
      replyId,
    ])) as InboxReplyRow[];
    return row;
  }

  /** Inserts the reply unless its key exists in the workspace; true when this call inserted it. */
  async insert(r: NewReply): Promise<boolean> {
    const rows = (await this.db.query(
      `INSERT INTO inbox_replies (workspace_id, item_id, author_user_id, text, idempotency_key, saved_reply_id, status, sending_since)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7 = 'sending' THEN now() END)
       ON CONFLICT (workspace_id, idempotency_key) DO NOTHING RETURNING id`,
      [r.workspaceId, r.itemId, r.userId, r.text, r.idempotencyKey, r.savedReplyId, r.status],
    )) as Array<{ id: string }>;
    return rows.length > 0;
  }

  /**
   * Takes the right to call the platform for this reply: from `failed` (a retry, possibly with an
   * edited text), from `pending_approval` (approved), or from a `sending` older than `staleMs`
   * (a send whose outcome was lost; only for platforms that dedupe themselves). One conditional UPDATE.
   */
  async claim(
    workspaceId: string,
    replyId: string,
    from: 'failed' | 'pending_approval' | 'stale_sending',
    values: { text?: string; approvedBy?: string; staleMs?: number },
  ): Promise<boolean> {
    // $5 is typed in both branches: Postgres refuses a parameter it cannot type (an unused one).
    const cond =
      from === 'stale_sending'
        ? `status = 'sending' AND sending_since < now() - $5::int * interval '1 millisecond'`
        : `status = '${from === 'failed' ? 'failed' : 'pending_approval'}' AND $5::int >= 0`;
    const rows = (await this.db.query(
      `UPDATE inbox_replies SET status = 'sending', sending_since = now(), error_code = NULL, error_message = NULL,
              text = coalesce($3, text),
              approved_by = coalesce($4::uuid, approved_by), approved_at = CASE WHEN $4::uuid IS NULL THEN approved_at ELSE now() END
        WHERE workspace_id = $1 AND id = $2 AND ${cond} RETURNING id`,
      [workspaceId, replyId, values.text ?? null, values.approvedBy ?? null, values.staleMs ?? 0],
    )) as [Array<{ id: string }>, number];
    return rowCount(rows) > 0;
  }

  async markSent(workspaceId: string, replyId: string, platformExternalId: string): Promise<void> {
    await this.db.query(
      `UPDATE inbox_replies SET status = 'sent', platform_external_id = $3, sent_at = now(), sending_since = NULL
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, replyId, platformExternalId],
    );
  }

  /** The platform refused it: the draft stays, a retry with the same key may send it. */
  async markFailed(workspaceId: string, replyId: string, code: string, message: string): Promise<void> {
    await this.db.query(
      `UPDATE inbox_replies SET status = 'failed', error_code = $3, error_message = $4, sending_since = NULL
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, replyId, code, message.slice(0, 1000)],
    );
  }

  /** Rejected by a cm/admin (only while pending). True when it was pending. */
  async reject(workspaceId: string, replyId: string, userId: string): Promise<boolean> {
    const rows = (await this.db.query(
      `UPDATE inbox_replies SET status = 'rejected', approved_by = $3, approved_at = now()
        WHERE workspace_id = $1 AND id = $2 AND status = 'pending_approval' RETURNING id`,
      [workspaceId, replyId, userId],
    )) as [Array<{ id: string }>, number];
    return rowCount(rows) > 0;
  }

  async listForItem(workspaceId: string, itemId: string): Promise<InboxReplyRow[]> {
    return (await this.db.query(`SELECT ${SELECT} WHERE r.workspace_id = $1 AND r.item_id = $2 ORDER BY r.created_at, r.id`, [
      workspaceId,
      itemId,
    ])) as InboxReplyRow[];
  }

  /** Heartbeat of a member drafting an answer (`since` kept while the heartbeats keep coming). */
  async heartbeat(workspaceId: string, itemId: string, userId: string, windowMs: number): Promise<void> {
    await this.db.query(
      `INSERT INTO inbox_drafting (item_id, user_id, workspace_id) VALUES ($2, $3, $1)
       ON CONFLICT (item_id, user_id) DO UPDATE SET seen_at = now(),
         since = CASE WHEN inbox_drafting.seen_at < now() - $4::int * interval '1 millisecond' THEN now() ELSE inbox_drafting.since END`,
      [workspaceId, itemId, userId, windowMs],
    );
  }

  /** Other members seen drafting an answer to this item within the window (users read-only). */
  async othersDrafting(workspaceId: string, itemId: string, userId: string, windowMs: number): Promise<Array<{ user_id: string; name: string | null; since: Date }>> {
    return (await this.db.query(
      `SELECT d.user_id, u.name, d.since FROM inbox_drafting d JOIN users u ON u.id = d.user_id
        WHERE d.workspace_id = $1 AND d.item_id = $2 AND d.user_id <> $3
          AND d.seen_at >= now() - $4::int * interval '1 millisecond'
        ORDER BY d.since`,
      [workspaceId, itemId, userId, windowMs],
    )) as Array<{ user_id: string; name: string | null; since: Date }>;
  }

  /** Stops the collision warning once the member sent (or left). */
  async stopDrafting(workspaceId: string, itemId: string, userId: string): Promise<void> {
    await this.db.query(`DELETE FROM inbox_drafting WHERE workspace_id = $1 AND item_id = $2 AND user_id = $3`, [workspaceId, itemId, userId]);
  }
}

/** TypeORM returns [rows, count] for UPDATE … RETURNING. */
function rowCount(r: unknown): number {
  if (Array.isArray(r) && r.length === 2 && typeof r[1] === 'number') return r[1];
  return Array.isArray(r) ? r.length : 0;
}
