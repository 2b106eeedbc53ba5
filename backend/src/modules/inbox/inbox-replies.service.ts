import { BadRequestException, ConflictException, ForbiddenException, Inject, Injectable, NotFoundException, Optional } from '@nestjs/common';
import type { InboxAnswerCapabilitiesDto } from '@vigie/contracts';
import type { Principal } from '../../common/auth/principal';
import { ChannelsService } from '../channels/channels.service';
import type { AnswerTarget, ChannelConnector, ConnectorAccount } from '../channels/connectors/channel-connector';
import { CONNECTORS } from '../channels/connectors/connector.registry';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { InboxItemsRepository } from './inbox-items.repository';
import { InboxRepliesRepository, type AnswerTargetRow, type InboxReplyRow } from './inbox-replies.repository';
import { replyFailureOf, replyHttpError } from './reply-errors';

/** The connectors the inbox answers through (tests inject fakes). */
export const INBOX_CONNECTORS = Symbol('INBOX_CONNECTORS');
/** A member is "answering" while heartbeats keep coming within this window. */
export const DRAFTING_WINDOW_MS = 45_000;
/** A send whose answer never came back may be retried after this long (resent where the platform dedupes, looked for first elsewhere). */
export const STALE_SENDING_MS = 60_000;
/** Failures after which a reply may have landed anyway (the answer was lost, not a refusal). */
const AMBIGUOUS_FAILURES = new Set(['UNAVAILABLE', 'MALFORMED']);
/** How many pages of the post's comments are read to find a reply whose answer was lost. */
const POSTED_COPY_PAGES = 20;

export interface SubmitReply {
  text: string;
  idempotencyKey: string;
  savedReplyId?: string | null;
}

export type ModerationAction = 'hide' | 'unhide' | 'like' | 'delete';

const NO_ANSWER: InboxAnswerCapabilitiesDto = { reply: false, hide: false, delete: false, like: false };

/**
 * Answering an inbox item through its platform: one reply per idempotency key (a retried request
 * returns the same reply and never calls the platform twice once sent), viewers' replies waiting
 * for approval when the workspace asks for it, platform refusals kept as a failed draft.
 */
@Injectable()
export class InboxRepliesService {
  private readonly connectors: readonly ChannelConnector[];

  constructor(
    private readonly replies: InboxRepliesRepository,
    private readonly items: InboxItemsRepository,
    private readonly channels: ChannelsService,
    private readonly workspaces: WorkspacesService,
    @Optional() @Inject(INBOX_CONNECTORS) connectors?: readonly ChannelConnector[],
  ) {
    this.connectors = connectors ?? CONNECTORS;
  }

  /** What the item's platform allows (for the detail). */
  capabilitiesOf(platform: string): InboxAnswerCapabilitiesDto {
    const c = this.connectors.find((x) => x.platform === platform);
    const a = c?.capabilities.answer;
    if (!c || !a) return NO_ANSWER;
    return { reply: a.reply && !!c.reply, hide: a.hide && !!c.setHidden, delete: a.delete && !!c.deleteComment, like: a.like && !!c.like };
  }

  async submit(workspaceId: string, itemId: string, dto: SubmitReply, principal: Principal): Promise<InboxReplyRow> {
    const target = await this.target(workspaceId, itemId);
    const connector = this.connectorFor(target, 'reply');
    const role = principal.workspace?.role ?? 'viewer';
    const needsApproval = role === 'viewer';
    if (needsApproval && !(await this.workspaces.repliesNeedApproval(workspaceId))) {
      throw new ForbiddenException('This action needs the cm role; yours is viewer (an admin can let viewers submit replies for approval in Settings)');
    }
    const existing = await this.replies.byKey(workspaceId, dto.idempotencyKey);
    if (existing) return this.resume(existing, itemId, target, connector, dto.text, needsApproval);
    const inserted = await this.replies.insert({
      workspaceId,
      itemId,
      userId: principal.userId,
      text: dto.text,
      idempotencyKey: dto.idempotencyKey,
      savedReplyId: dto.savedReplyId ?? null,
      status: needsApproval ? 'pending_approval' : 'sending',
    });
    const row = await this.replies.byKey(workspaceId, dto.idempotencyKey);
    if (!row) throw new Error('inbox reply vanished after insert');
    if (!inserted) return this.resume(row, itemId, target, connector, dto.text, needsApproval);
    await this.replies.stopDrafting(workspaceId, itemId, principal.userId);
    if (row.status === 'pending_approval') return row;
    return this.send(row, target, connector, principal.userId);
  }

  /** A cm/admin approves a viewer's pending reply: it is sent now. */
  async approve(workspaceId: string, itemId: string, replyId: string, principal: Principal): Promise<InboxReplyRow> {
    const target = await this.target(workspaceId, itemId);
    const reply = await this.reply(workspaceId, itemId, replyId);
    const connector = this.connectorFor(target, 'reply');
    if (reply.status === 'sent') return reply;
    if (!(await this.replies.claim(workspaceId, replyId, reply.status === 'failed' ? 'failed' : 'pending_approval', { approvedBy: principal.userId }))) {
      throw new ConflictException(`This reply is ${reply.status.replace('_', ' ')}: it cannot be approved`);
    }
    return this.send(await this.reply(workspaceId, itemId, replyId), target, connector, reply.author_user_id ?? principal.userId);
  }

  async reject(workspaceId: string, itemId: string, replyId: string, principal: Principal): Promise<InboxReplyRow> {
    await this.target(workspaceId, itemId);
    const reply = await this.reply(workspaceId, itemId, replyId);
    if (!(await this.replies.reject(workspaceId, replyId, principal.userId))) {
      throw new ConflictException(`This reply is ${reply.status.replace('_', ' ')}: only a reply waiting for approval can be rejected`);
    }
    return this.reply(workspaceId, itemId, replyId);
  }

  /** Hide / unhide / like / delete the item's comment on its platform (400 where the platform cannot). */
  async moderate(workspaceId: string, itemId: string, action: ModerationAction): Promise<void> {
    const target = await this.target(workspaceId, itemId);
    const capability = action === 'unhide' ? 'hide' : action;
    const connector = this.connectorFor(target, capability);
    const account = await this.account(target);
    const t = answerTargetOf(target);
    try {
      if (action === 'hide' || action === 'unhide') await connector.setHidden!(account, t, action === 'hide');
      else if (action === 'like') await connector.like!(account, t);
      else await connector.deleteComment!(account, t);
    } catch (e) {
      throw replyHttpError(replyFailureOf(e, target.platform), null);
    }
  }

  async listForItem(workspaceId: string, itemId: string): Promise<InboxReplyRow[]> {
    return this.replies.listForItem(workspaceId, itemId);
  }

  /** Heartbeat while the member writes; returns the other members answering the same item. */
  async drafting(workspaceId: string, itemId: string, userId: string) {
    await this.target(workspaceId, itemId);
    await this.replies.heartbeat(workspaceId, itemId, userId, DRAFTING_WINDOW_MS);
    return this.othersDrafting(workspaceId, itemId, userId);
  }

  async othersDrafting(workspaceId: string, itemId: string, userId: string) {
    const rows = await this.replies.othersDrafting(workspaceId, itemId, userId, DRAFTING_WINDOW_MS);
    return rows.map((r) => ({ userId: r.user_id, name: r.name, since: r.since }));
  }

  /** A second request with a known key: the same reply, a retry of a failed one, or 409 while it is being sent. */
  private async resume(row: InboxReplyRow, itemId: string, target: AnswerTargetRow, connector: ChannelConnector, text: string, needsApproval: boolean): Promise<InboxReplyRow> {
    if (row.item_id !== itemId) throw new ConflictException('This idempotency key was already used for a reply to another item: generate a new key for a new reply');
    if (row.status === 'sent' || row.status === 'pending_approval' || row.status === 'rejected') return row;
    // A viewer's reply that failed after its approval: only a cm/admin may send it again (approve),
    // else a viewer could edit an approved text and post it unreviewed.
    if (row.status === 'failed' && needsApproval) return row;
    const idempotent = !!connector.capabilities.answer?.idempotent;
    if (row.status === 'failed') {
      // The first answer was lost (timeout, 5xx, broken body): on a platform that does not dedupe,
      // the reply may have landed; look for it before posting the same text again.
      const lookFirst = !idempotent && AMBIGUOUS_FAILURES.has(row.error_code ?? '') && text === row.text;
      if (!(await this.replies.claim(row.workspace_id, row.id, 'failed', { text }))) throw this.inFlight();
      return this.send({ ...row, text, status: 'sending' }, target, connector, row.author_user_id ?? '', lookFirst);
    }
    // sending: another request is posting it right now, unless that attempt died long ago (then
    // resent where the platform dedupes, or after looking for it in the thread where it can be read).
    if ((idempotent || connector.listComments) && (await this.replies.claim(row.workspace_id, row.id, 'stale_sending', { staleMs: STALE_SENDING_MS }))) {
      return this.send(row, target, connector, row.author_user_id ?? '', !idempotent);
    }
    throw this.inFlight();
  }

  /**
   * The brand's comment with exactly this text under the target (posted by an attempt whose answer
   * was lost), read through the connector like a sync would; null when there is none.
   */
  private async postedCopy(account: ConnectorAccount, connector: ChannelConnector, target: AnswerTargetRow, text: string): Promise<string | null> {
    if (!connector.listComments) return null;
    const parents = new Set([target.comment_external_id, target.parent_external_id].filter((x): x is string => !!x));
    let page: string | null = null;
    for (let i = 0; i < POSTED_COPY_PAGES; i++) {
      const res = await connector.listComments(account, { externalId: target.post_external_id }, page);
      const hit = res.items.find((c) => c.isFromBrand && sameReplyText(c.text, text) && c.parentExternalId !== null && parents.has(c.parentExternalId));
      if (hit) return hit.externalId;
      page = res.nextPage;
      if (!page) break;
    }
    return null;
  }

  private inFlight(): ConflictException {
    return new ConflictException('This reply is being sent right now (same idempotency key): wait for the first request instead of sending it again');
  }

  /** One platform call for a row this request claimed ('sending'). */
  private async send(row: InboxReplyRow, target: AnswerTargetRow, connector: ChannelConnector, authorId: string, lookFirst = false): Promise<InboxReplyRow> {
    const workspaceId = row.workspace_id;
    let externalId: string;
    try {
      const account = await this.account(target);
      const posted = lookFirst ? await this.postedCopy(account, connector, target, row.text) : null;
      externalId = posted ?? (await connector.reply!(account, answerTargetOf(target), row.text, row.idempotency_key)).externalId;
    } catch (e) {
      const f = replyFailureOf(e, target.platform);
      await this.replies.markFailed(workspaceId, row.id, f.code, f.message);
      throw replyHttpError(f, row.id);
    }
    await this.replies.markSent(workspaceId, row.id, externalId);
    // Answered now; the ingested reply later replaces this with the platform's own time (reconciliation).
    const item = await this.items.findInWorkspace(workspaceId, row.item_id);
    if (item && item.status !== 'answered' && authorId) await this.items.markAnswered(workspaceId, row.item_id, authorId);
    return this.reply(workspaceId, row.item_id, row.id);
  }

  private async target(workspaceId: string, itemId: string): Promise<AnswerTargetRow> {
    if (!/^\d{1,18}$/.test(itemId)) throw new NotFoundException('Inbox item not found');
    const t = await this.replies.target(workspaceId, itemId);
    if (!t) throw new NotFoundException('Inbox item not found');
    return t;
  }

  private async reply(workspaceId: string, itemId: string, replyId: string): Promise<InboxReplyRow> {
    if (!/^\d{1,18}$/.test(replyId)) throw new NotFoundException('Reply not found');
    const r = await this.replies.byId(workspaceId, itemId, replyId);
    if (!r) throw new NotFoundException('Reply not found');
    return r;
  }

  private connectorFor(target: AnswerTargetRow, capability: keyof InboxAnswerCapabilitiesDto): ChannelConnector {
    const c = this.connectors.find((x) => x.platform === target.platform);
    if (!c || !this.capabilitiesOf(target.platform)[capability]) {
      const verb = { reply: 'reply to', hide: 'hide', delete: 'delete', like: 'like' }[capability];
      throw new BadRequestException(`Vigie cannot ${verb} ${target.platform} comments: the platform's API does not allow it`);
    }
    return c;
  }

  private async account(target: AnswerTargetRow): Promise<ConnectorAccount> {
    return {
      platform: target.platform as ConnectorAccount['platform'],
      handle: target.handle,
      externalId: target.account_external_id,
      baseUrl: target.base_url,
      credentials: await this.channels.credentials(target.channel_account_id),
      isCompetitor: false,
    };
  }
}

/** The text read back from the platform is the one sent, but for the @mentions X and Mastodon put in front. */
export function sameReplyText(read: string, sent: string): boolean {
  const bare = (t: string) => t.trim().replace(/^(@[\w.@-]+\s+)+/u, '').trim();
  return bare(read) === bare(sent);
}

function answerTargetOf(t: AnswerTargetRow): AnswerTarget {
  return { externalId: t.comment_external_id, postExternalId: t.post_external_id, parentExternalId: t.parent_external_id };
}

/** The JSON of one reply (text verbatim: clients render it as text). */
export function replyView(r: InboxReplyRow) {
  return {
    id: r.id,
    itemId: r.item_id,
    text: r.text,
    status: r.status,
    idempotencyKey: r.idempotency_key,
    author: r.author_user_id ? { id: r.author_user_id, name: r.author_name } : null,
    platformExternalId: r.platform_external_id,
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    sentAt: r.sent_at,
    createdAt: r.created_at,
  };
}
