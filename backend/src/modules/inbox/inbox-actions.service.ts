import { BadGatewayException, BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RequestType } from '@vigie/text';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { BrandsService } from '../brands/brands.service';
import { needsAttentionSql } from './attention-rules';
import { forwardMessage } from './forward-message';
import { MailerService, type SentMail } from '../../common/mail/mailer.service';
import { InboxQueryService } from './inbox-query.service';
import { InboxSyncService } from './inbox-sync.service';
import { SupportServicesService, toServiceDto } from './support-services.service';
import { loadWorkspaceContext } from './workspace-context';

/**
 * What a CM does with an item. Every statement filters on the workspace id (the item was
 * looked up in this workspace first, 404 otherwise).
 */
@Injectable()
export class InboxActionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly query: InboxQueryService,
    private readonly services: SupportServicesService,
    private readonly brands: BrandsService,
    private readonly mailer: MailerService,
    private readonly sync: InboxSyncService,
  ) {}

  /** Routes the item to a service; an open or ignored item becomes 'assigned', an answered one stays answered. */
  async assign(workspaceId: string, itemId: string, serviceId: string) {
    await this.query.row(workspaceId, itemId);
    await this.services.get(workspaceId, serviceId);
    await this.ds.query(
      `UPDATE inbox_items SET service_id = $3, assigned_at = now(), updated_at = now(), ignored_at = NULL,
         status = CASE WHEN status = 'answered' THEN status ELSE 'assigned' END
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, itemId, serviceId],
    );
    return this.query.item(workspaceId, itemId);
  }

  /** Emails the item to the service (and assigns it there): content, author, type, permalink. */
  async forward(workspaceId: string, itemId: string, serviceId: string, note?: string) {
    await this.query.row(workspaceId, itemId);
    const service = await this.services.get(workspaceId, serviceId);
    if (!service.email) {
      throw new BadRequestException({
        statusCode: 400,
        message: `The service "${service.name}" has no email address: an admin can add one in the services settings`,
        details: [{ field: 'serviceId', errors: ['service has no email address'] }],
      });
    }
    // Send first: a failed delivery changes nothing on the item.
    const before = await this.query.item(workspaceId, itemId);
    const ctx = await loadWorkspaceContext(this.ds, workspaceId);
    const brand = await this.brands.get(workspaceId, before.brandId);
    const { subject, text } = forwardMessage(before, { language: ctx.language, brandName: brand.name, note });
    let sent: SentMail;
    try {
      sent = await this.mailer.send({ to: service.email, subject, text, tag: `item-${itemId}` });
    } catch (e) {
      throw new BadGatewayException(`The email could not be sent: ${e instanceof Error ? e.message : String(e)}`);
    }
    const item = await this.assign(workspaceId, itemId, serviceId);
    return { item, forwarded: { to: service.email, service: toServiceDto(service), subject, ...sent } };
  }

  /** A CM's correction: becomes the item's type and is stored for the eval-set export. */
  async changeType(workspaceId: string, itemId: string, type: RequestType, principal: Principal) {
    const row = await this.query.row(workspaceId, itemId);
    if (row.type !== type) {
      await this.ds.transaction(async (m) => {
        await m.query(
          `UPDATE inbox_items i SET type = $3, type_override = $3, updated_at = now(),
             needs_attention = ${needsAttentionSql('$3::text', 'c.sentiment', 'c.toxic')}
           FROM comments c WHERE c.id = i.comment_id AND i.workspace_id = $1 AND i.id = $2`,
          [workspaceId, itemId, type],
        );
        await m.query(
          `INSERT INTO type_corrections (workspace_id, item_id, from_type, to_type, user_id) VALUES ($1, $2, $3, $4, $5)`,
          [workspaceId, itemId, row.type, type, principal.userId],
        );
      });
    }
    return this.query.item(workspaceId, itemId);
  }

  async addNote(workspaceId: string, itemId: string, text: string, principal: Principal) {
    await this.query.row(workspaceId, itemId);
    const [note] = (await this.ds.query(
      `INSERT INTO inbox_notes (workspace_id, item_id, author_user_id, text) VALUES ($1, $2, $3, $4)
       RETURNING id, text, created_at AS "createdAt"`,
      [workspaceId, itemId, principal.userId, text],
    )) as Array<{ id: string; text: string; createdAt: Date }>;
    return { ...note, author: { id: principal.userId } };
  }

  /**
   * answered: marked by hand now (first response = now − message time; a brand reply ingested
   * later replaces it with the platform's time). ignored: out of the response-rate denominator.
   * open: reopened ('assigned' again when a service is set).
   */
  async setStatus(workspaceId: string, itemId: string, status: 'answered' | 'ignored' | 'open', principal: Principal) {
    const row = await this.query.row(workspaceId, itemId);
    if (status === 'answered' && row.status !== 'answered') {
      await this.ds.query(
        `UPDATE inbox_items SET status = 'answered', answered_at = now(), answered_by = $3, ignored_at = NULL,
           first_response_minutes = greatest(0, extract(epoch FROM now() - published_at) / 60.0), updated_at = now()
         WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, itemId, principal.userId],
      );
    } else if (status === 'ignored') {
      await this.ds.query(
        `UPDATE inbox_items SET status = 'ignored', ignored_at = now(), answered_at = NULL, answered_by = NULL,
           first_response_minutes = NULL, updated_at = now()
         WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, itemId],
      );
    } else if (status === 'open') {
      await this.ds.query(
        `UPDATE inbox_items SET status = CASE WHEN service_id IS NULL THEN 'open' ELSE 'assigned' END,
           ignored_at = NULL, answered_at = NULL, answered_by = NULL, first_response_minutes = NULL, updated_at = now()
         WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, itemId],
      );
    }
    return this.query.item(workspaceId, itemId);
  }

  /** Recomputes platform-reply answers for the whole workspace (after a backfill, or on demand). */
  async reconcile(workspaceId: string) {
    return { updated: await this.sync.reconcileAnswers({ workspaceId }) };
  }
}
