import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { CrisisDetailDto } from '@vigie/contracts';
import type { Principal } from '../../common/auth/principal';
import { InboxRepliesService } from '../inbox/inbox-replies.service';
import { CrisesRepository } from './crises.repository';
import { CrisesService } from './crises.service';
import type { PostStatementDto, SubmitStatementDto } from './crisis.dto';
import { CrisisStatementsRepository } from './crisis-statements.repository';

/**
 * Statements of the brand during a crisis: a cm submits a draft, the crisis lead (or an admin)
 * approves it, and only then it is posted — as a reply to an inbox item through the inbox's answer
 * path (its platform connector, once per statement: the statement id is the idempotency key), or
 * recorded as posted by hand with its URL where Vigie has no API path. Each step is an event.
 */
@Injectable()
export class CrisisStatementsService {
  constructor(
    private readonly statements: CrisisStatementsRepository,
    private readonly crises: CrisesRepository,
    private readonly service: CrisesService,
    private readonly replies: InboxRepliesService,
  ) {}

  async submit(workspaceId: string, crisisId: string, dto: SubmitStatementDto, p: Principal): Promise<CrisisDetailDto> {
    await this.service.assertOpen(workspaceId, crisisId);
    await this.crises.transaction(async (tx) => {
      const id = await this.statements.insert(crisisId, dto.language, dto.text, p.userId, tx);
      await this.crises.addEvent(crisisId, 'statement_submitted', p.userId, { statementId: id, label: dto.language }, tx);
    });
    return this.service.detail(workspaceId, crisisId);
  }

  async decide(workspaceId: string, crisisId: string, statementId: string, decision: 'approved' | 'rejected', p: Principal): Promise<CrisisDetailDto> {
    const c = await this.service.assertOpen(workspaceId, crisisId);
    const s = await this.statements.find(crisisId, statementId);
    if (!s) throw new NotFoundException('Statement not found');
    await this.service.assertLeadOrAdmin(c, p);
    const done = await this.crises.transaction(async (tx) => {
      if (!(await this.statements.decide(statementId, decision, p.userId, tx))) return false;
      await this.crises.addEvent(crisisId, decision === 'approved' ? 'statement_approved' : 'statement_rejected', p.userId, { statementId }, tx);
      return true;
    });
    if (!done) throw new ConflictException(`This statement is ${s.status.replace('_', ' ')}: only a statement waiting for approval can be ${decision}`);
    return this.service.detail(workspaceId, crisisId);
  }

  async post(workspaceId: string, crisisId: string, statementId: string, dto: PostStatementDto, p: Principal): Promise<CrisisDetailDto> {
    await this.service.assertOpen(workspaceId, crisisId);
    const s = await this.statements.find(crisisId, statementId);
    if (!s) throw new NotFoundException('Statement not found');
    if ((dto.inboxItemId ? 1 : 0) + (dto.url ? 1 : 0) !== 1) {
      throw new BadRequestException({
        statusCode: 400,
        message: 'Invalid request: give inboxItemId (reply to that inbox item through its platform) or url (posted by hand), not both',
        details: [{ field: dto.inboxItemId ? 'url' : 'inboxItemId', errors: [dto.inboxItemId ? 'must be absent with inboxItemId' : 'or url is required'] }],
      });
    }
    if (s.status === 'posted') throw new ConflictException('This statement is already posted');
    if (s.status !== 'approved') throw new ConflictException(`This statement is ${s.status.replace('_', ' ')}: it must be approved by the crisis lead or an admin before it is posted`);
    if (!(await this.statements.claimPosting(statementId))) throw new ConflictException('This statement is being posted right now');
    let replyId: string | null = null;
    try {
      if (dto.inboxItemId) {
        const reply = await this.replies.submit(workspaceId, dto.inboxItemId, { text: s.text, idempotencyKey: s.id }, p);
        if (reply.status !== 'sent') throw new ConflictException(`The inbox reply is ${reply.status.replace('_', ' ')}, not sent`);
        replyId = reply.id;
      }
    } catch (e) {
      await this.statements.releasePosting(statementId);
      throw e;
    }
    await this.crises.transaction(async (tx) => {
      await this.statements.markPosted(statementId, { userId: p.userId, via: dto.inboxItemId ? 'inbox_reply' : 'manual', inboxItemId: dto.inboxItemId ?? null, inboxReplyId: replyId, url: dto.url ?? null }, tx);
      await this.crises.addEvent(crisisId, 'statement_posted', p.userId, { statementId, url: dto.url ?? null, label: dto.inboxItemId ? `inbox item ${dto.inboxItemId}` : 'manual' }, tx);
    });
    return this.service.detail(workspaceId, crisisId);
  }
}
