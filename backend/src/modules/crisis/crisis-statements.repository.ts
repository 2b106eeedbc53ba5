import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export type StatementStatus = 'pending_approval' | 'approved' | 'rejected' | 'posting' | 'posted';

/** A `crisis_statements` row with the members' emails (users read-only). */
export interface CrisisStatementRow {
  id: string;
  crisisId: string;
  language: 'fr' | 'en';
  text: string;
  status: StatementStatus;
  submittedBy: string | null;
  submittedByEmail: string | null;
  submittedAt: Date;
  approvedBy: string | null;
  approvedByEmail: string | null;
  approvedAt: Date | null;
  postedBy: string | null;
  postedByEmail: string | null;
  postedAt: Date | null;
  postedVia: 'inbox_reply' | 'manual' | null;
  inboxItemId: string | null;
  inboxReplyId: string | null;
  manualUrl: string | null;
}

const SELECT = `s.id, s.crisis_id AS "crisisId", s.language, s.text, s.status,
  s.submitted_by AS "submittedBy", us.email AS "submittedByEmail", s.submitted_at AS "submittedAt",
  s.approved_by AS "approvedBy", ua.email AS "approvedByEmail", s.approved_at AS "approvedAt",
  s.posted_by AS "postedBy", up.email AS "postedByEmail", s.posted_at AS "postedAt", s.posted_via AS "postedVia",
  s.inbox_item_id::text AS "inboxItemId", s.inbox_reply_id::text AS "inboxReplyId", s.manual_url AS "manualUrl"
  FROM crisis_statements s LEFT JOIN users us ON us.id = s.submitted_by LEFT JOIN users ua ON ua.id = s.approved_by LEFT JOIN users up ON up.id = s.posted_by`;

/** `crisis_statements`: drafts, approval and posting, with conditional status transitions. */
@Injectable()
export class CrisisStatementsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(crisisId: string, language: string, text: string, userId: string, tx?: EntityManager): Promise<string> {
    const [row] = (await (tx ?? this.db).query(
      `INSERT INTO crisis_statements (crisis_id, language, text, submitted_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [crisisId, language, text, userId],
    )) as Array<{ id: string }>;
    return row!.id;
  }

  async ofCrisis(crisisId: string): Promise<CrisisStatementRow[]> {
    return (await this.db.query(`SELECT ${SELECT} WHERE s.crisis_id = $1 ORDER BY s.submitted_at, s.id`, [crisisId])) as CrisisStatementRow[];
  }

  async find(crisisId: string, id: string): Promise<CrisisStatementRow | undefined> {
    const [row] = (await this.db.query(`SELECT ${SELECT} WHERE s.crisis_id = $1 AND s.id = $2`, [crisisId, id])) as CrisisStatementRow[];
    return row;
  }

  /** pending_approval → approved | rejected; false when it was not pending. */
  async decide(id: string, status: 'approved' | 'rejected', userId: string, tx?: EntityManager): Promise<boolean> {
    const rows = (await (tx ?? this.db).query(
      `UPDATE crisis_statements SET status = $2, approved_by = $3, approved_at = now() WHERE id = $1 AND status = 'pending_approval' RETURNING 1`,
      [id, status, userId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** approved → posting (this request posts it); false when another request got it first. */
  async claimPosting(id: string): Promise<boolean> {
    const rows = (await this.db.query(`UPDATE crisis_statements SET status = 'posting' WHERE id = $1 AND status = 'approved' RETURNING 1`, [id])) as unknown[];
    return rows.length > 0;
  }

  async releasePosting(id: string): Promise<void> {
    await this.db.query(`UPDATE crisis_statements SET status = 'approved' WHERE id = $1 AND status = 'posting'`, [id]);
  }

  async markPosted(
    id: string,
    v: { userId: string; via: 'inbox_reply' | 'manual'; inboxItemId: string | null; inboxReplyId: string | null; url: string | null },
    tx?: EntityManager,
  ): Promise<void> {
    await (tx ?? this.db).query(
      `UPDATE crisis_statements SET status = 'posted', posted_by = $2, posted_at = now(), posted_via = $3, inbox_item_id = $4, inbox_reply_id = $5, manual_url = $6
        WHERE id = $1`,
      [id, v.userId, v.via, v.inboxItemId, v.inboxReplyId, v.url],
    );
  }
}
