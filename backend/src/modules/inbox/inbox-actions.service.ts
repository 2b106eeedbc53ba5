import { BadGatewayException, BadRequestException, Injectable } from '@nestjs/common';
import type { RequestType } from '@vigie/text';
import type { Principal } from '../../common/auth/principal';
import { BrandsService } from '../brands/brands.service';
import { forwardMessage } from './forward-message';
import { MailerService, type SentMail } from '../../common/mail/mailer.service';
import { InboxItemsRepository } from './inbox-items.repository';
import { InboxNotesRepository } from './inbox-notes.repository';
import { InboxQueryService } from './inbox-query.service';
import { InboxSyncService } from './inbox-sync.service';
import { SupportServicesService, toServiceDto } from './support-services.service';
import { TypeCorrectionsRepository } from './type-corrections.repository';
import { loadWorkspaceContext } from './workspace-context';

/**
 * What a CM does with an item. Every statement filters on the workspace id (the item was
 * looked up in this workspace first, 404 otherwise).
 */
@Injectable()
export class InboxActionsService {
  constructor(
    private readonly items: InboxItemsRepository,
    private readonly notes: InboxNotesRepository,
    private readonly corrections: TypeCorrectionsRepository,
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
    await this.items.assignService(workspaceId, itemId, serviceId);
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
    const ctx = await loadWorkspaceContext(this.items, workspaceId);
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
      await this.items.transaction(async (tx) => {
        await this.items.overrideType(workspaceId, itemId, type, tx);
        await this.corrections.insert({ workspaceId, itemId, fromType: row.type, toType: type, userId: principal.userId }, tx);
      });
    }
    return this.query.item(workspaceId, itemId);
  }

  async addNote(workspaceId: string, itemId: string, text: string, principal: Principal) {
    await this.query.row(workspaceId, itemId);
    const note = await this.notes.insert(workspaceId, itemId, principal.userId, text);
    return { ...note, author: { id: principal.userId } };
  }

  /**
   * answered: marked by hand now (first response = now − message time; a brand reply ingested
   * later replaces it with the platform's time). ignored: out of the response-rate denominator.
   * open: reopened ('assigned' again when a service is set).
   */
  async setStatus(workspaceId: string, itemId: string, status: 'answered' | 'ignored' | 'open', principal: Principal) {
    const row = await this.query.row(workspaceId, itemId);
    if (status === 'answered' && row.status !== 'answered') await this.items.markAnswered(workspaceId, itemId, principal.userId);
    else if (status === 'ignored') await this.items.markIgnored(workspaceId, itemId);
    else if (status === 'open') await this.items.reopen(workspaceId, itemId);
    return this.query.item(workspaceId, itemId);
  }

  /** Recomputes platform-reply answers for the whole workspace (after a backfill, or on demand). */
  async reconcile(workspaceId: string) {
    return { updated: await this.sync.reconcileAnswers({ workspaceId }) };
  }
}
