import { BadRequestException, ConflictException, ForbiddenException, HttpException, NotFoundException } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import type { Role } from '../../common/auth/roles';
import type { ChannelsService } from '../channels/channels.service';
import { answerCapabilities } from '../channels/connectors/answer';
import type { ChannelConnector } from '../channels/connectors/channel-connector';
import { capabilities } from '../channels/connectors/http-connector';
import { ConnectorError, ConnectorErrorCode } from '../channels/connectors/connector-error';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import type { InboxItemsRepository } from './inbox-items.repository';
import type { AnswerTargetRow, InboxRepliesRepository, InboxReplyRow, NewReply } from './inbox-replies.repository';
import { InboxRepliesService } from './inbox-replies.service';

const WS = '11111111-1111-4111-8111-111111111111';
const KEY = '22222222-2222-4222-8222-222222222222';
const TARGET: AnswerTargetRow = {
  comment_external_id: 'c-1',
  parent_external_id: null,
  post_external_id: 'p-1',
  channel_account_id: 'ch-1',
  platform: 'facebook',
  handle: 'lumiere',
  account_external_id: 'page-1',
  base_url: null,
  brand_name: 'Lumière',
};

/** In-memory inbox_replies with the repository's conditional transitions. */
function fakeReplies() {
  const rows: InboxReplyRow[] = [];
  let seq = 0;
  const repo = {
    rows,
    target: jest.fn(async (ws: string, itemId: string) => (ws === WS && itemId === '7' ? TARGET : undefined)),
    byKey: jest.fn(async (ws: string, key: string) => rows.find((r) => r.workspace_id === ws && r.idempotency_key === key)),
    byId: jest.fn(async (ws: string, itemId: string, id: string) => rows.find((r) => r.workspace_id === ws && r.item_id === itemId && r.id === id)),
    insert: jest.fn(async (n: NewReply) => {
      if (rows.some((r) => r.workspace_id === n.workspaceId && r.idempotency_key === n.idempotencyKey)) return false;
      rows.push({
        id: String(++seq), workspace_id: n.workspaceId, item_id: n.itemId, author_user_id: n.userId, author_name: 'Camille', text: n.text,
        idempotency_key: n.idempotencyKey, saved_reply_id: n.savedReplyId, status: n.status, platform_external_id: null, error_code: null,
        error_message: null, approved_by: null, approved_at: null, sending_since: n.status === 'sending' ? new Date() : null, sent_at: null, created_at: new Date(),
      });
      return true;
    }),
    claim: jest.fn(async (_ws: string, id: string, from: string, v: { text?: string; approvedBy?: string }) => {
      const r = rows.find((x) => x.id === id);
      if (!r || r.status !== (from === 'stale_sending' ? 'sending-stale' : from)) return false;
      r.status = 'sending';
      if (v.text) r.text = v.text;
      if (v.approvedBy) r.approved_by = v.approvedBy;
      return true;
    }),
    markSent: jest.fn(async (_ws: string, id: string, ext: string) => Object.assign(rows.find((x) => x.id === id)!, { status: 'sent', platform_external_id: ext, sent_at: new Date() })),
    markFailed: jest.fn(async (_ws: string, id: string, code: string, message: string) => Object.assign(rows.find((x) => x.id === id)!, { status: 'failed', error_code: code, error_message: message })),
    reject: jest.fn(async (_ws: string, id: string) => {
      const r = rows.find((x) => x.id === id);
      if (r?.status !== 'pending_approval') return false;
      r.status = 'rejected';
      return true;
    }),
    stopDrafting: jest.fn(async () => undefined),
  };
  return repo;
}

function setup(opts: { approval?: boolean; reply?: ChannelConnector['reply']; listComments?: ChannelConnector['listComments'] } = {}) {
  const replies = fakeReplies();
  const items = {
    findInWorkspace: jest.fn(async () => ({ status: 'open' })),
    markAnswered: jest.fn(async () => undefined),
  };
  const reply = jest.fn(opts.reply ?? (async () => ({ externalId: 'fb-reply-1', publishedAt: null })));
  const connector = {
    platform: 'facebook',
    capabilities: capabilities({ comments: true, answer: answerCapabilities({ reply: true, hide: true }) }),
    syncIntervalMs: 1,
    verify: jest.fn(),
    listPosts: jest.fn(),
    reply,
    setHidden: jest.fn(async () => undefined),
    ...(opts.listComments ? { listComments: jest.fn(opts.listComments) } : {}),
  } as unknown as ChannelConnector;
  const channels = { credentials: jest.fn(async () => ({ accessToken: 't' })) } as unknown as ChannelsService;
  const workspaces = { repliesNeedApproval: jest.fn(async () => opts.approval ?? false) } as unknown as WorkspacesService;
  const service = new InboxRepliesService(replies as unknown as InboxRepliesRepository, items as unknown as InboxItemsRepository, channels, workspaces, [connector]);
  return { service, replies, items, reply, connector };
}

const as = (role: Role, userId = 'u-cm'): Principal => ({ userId, email: `${userId}@x`, isInstanceAdmin: false, via: 'session', workspace: { id: WS, role } });

describe('InboxRepliesService', () => {
  it('sends once per idempotency key: a retried request returns the same reply without a second platform call', async () => {
    const { service, reply, items } = setup();
    const first = await service.submit(WS, '7', { text: 'Bonjour !', idempotencyKey: KEY }, as('cm'));
    const again = await service.submit(WS, '7', { text: 'Bonjour !', idempotencyKey: KEY }, as('cm'));
    expect(first.status).toBe('sent');
    expect(first.platform_external_id).toBe('fb-reply-1');
    expect(again.id).toBe(first.id);
    expect(reply).toHaveBeenCalledTimes(1);
    expect(reply.mock.calls[0]![1]).toEqual({ externalId: 'c-1', postExternalId: 'p-1', parentExternalId: null });
    expect(reply.mock.calls[0]![3]).toBe(KEY);
    expect(items.markAnswered).toHaveBeenCalledWith(WS, '7', 'u-cm');
  });

  it('answers 409 to a concurrent duplicate while the first request is sending', async () => {
    const { service, replies } = setup();
    await replies.insert({ workspaceId: WS, itemId: '7', userId: 'u-cm', text: 'x', idempotencyKey: KEY, savedReplyId: null, status: 'sending' });
    await expect(service.submit(WS, '7', { text: 'x', idempotencyKey: KEY }, as('cm'))).rejects.toThrow(ConflictException);
  });

  it('keeps the draft as failed with a precise message, and a retry with the same key sends it', async () => {
    let calls = 0;
    const { service, replies, reply } = setup({
      reply: async () => {
        if (calls++ === 0) throw new ConnectorError(ConnectorErrorCode.NOT_FOUND, 'facebook reply: HTTP 400', { reason: 'target_gone' });
        return { externalId: 'fb-2', publishedAt: null };
      },
    });
    const err = await service.submit(WS, '7', { text: 'Désolé', idempotencyKey: KEY }, as('cm')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpException);
    expect((err as HttpException).getStatus()).toBe(410);
    expect(((err as HttpException).getResponse() as { message: string }).message).toMatch(/no longer exists on facebook/);
    expect(replies.rows[0]).toMatchObject({ status: 'failed', error_code: 'target_gone', text: 'Désolé' });
    const retried = await service.submit(WS, '7', { text: 'Désolé !', idempotencyKey: KEY }, as('cm'));
    expect(retried).toMatchObject({ status: 'sent', platform_external_id: 'fb-2', text: 'Désolé !' });
    expect(reply).toHaveBeenCalledTimes(2);
  });

  it('maps a rate limit to 429 with the retry delay', async () => {
    const { service } = setup({ reply: async () => { throw new ConnectorError(ConnectorErrorCode.RATE_LIMITED, 'slow down', { retryAfterMs: 30_000 }); } });
    const err = (await service.submit(WS, '7', { text: 'x', idempotencyKey: KEY }, as('cm')).catch((e: unknown) => e)) as HttpException;
    expect(err.getStatus()).toBe(429);
    expect(err.getResponse()).toMatchObject({ details: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } });
  });

  it('refuses viewers unless the workspace turned approval on', async () => {
    const { service, reply } = setup({ approval: false });
    await expect(service.submit(WS, '7', { text: 'x', idempotencyKey: KEY }, as('viewer', 'u-v'))).rejects.toThrow(ForbiddenException);
    expect(reply).not.toHaveBeenCalled();
  });

  it('holds a viewer reply for approval; a cm approves it (sent) or rejects it', async () => {
    const { service, reply } = setup({ approval: true });
    const pending = await service.submit(WS, '7', { text: 'Merci', idempotencyKey: KEY }, as('viewer', 'u-v'));
    expect(pending.status).toBe('pending_approval');
    expect(reply).not.toHaveBeenCalled();
    const sent = await service.approve(WS, '7', pending.id, as('cm'));
    expect(sent).toMatchObject({ status: 'sent', approved_by: 'u-cm' });
    expect(reply).toHaveBeenCalledTimes(1);
    await expect(service.reject(WS, '7', pending.id, as('cm'))).rejects.toThrow(ConflictException);

    const other = await service.submit(WS, '7', { text: 'Non', idempotencyKey: '33333333-3333-4333-8333-333333333333' }, as('viewer', 'u-v'));
    expect((await service.reject(WS, '7', other.id, as('cm'))).status).toBe('rejected');
  });

  it('a viewer retrying a failed approved reply neither re-sends it nor changes its text: a cm approves it again', async () => {
    let fail = true;
    const { service, reply, replies } = setup({
      approval: true,
      reply: async () => {
        if (fail) throw new ConnectorError(ConnectorErrorCode.UNAVAILABLE, 'facebook reply: HTTP 500', { status: 500 });
        return { externalId: 'fb-reply-2', publishedAt: null };
      },
    });
    const pending = await service.submit(WS, '7', { text: 'Merci', idempotencyKey: KEY }, as('viewer', 'u-v'));
    await expect(service.approve(WS, '7', pending.id, as('cm', 'u-cm'))).rejects.toThrow(HttpException);
    expect(replies.rows[0]!.status).toBe('failed');
    const retried = await service.submit(WS, '7', { text: 'Texte modifié sans relecture', idempotencyKey: KEY }, as('viewer', 'u-v'));
    expect(retried.status).toBe('failed');
    expect(replies.rows[0]!.text).toBe('Merci');
    expect(reply).toHaveBeenCalledTimes(1);
    fail = false;
    const sent = await service.approve(WS, '7', pending.id, as('cm', 'u-cm'));
    expect(sent.status).toBe('sent');
    expect(reply).toHaveBeenCalledTimes(2);
  });

  it('after a lost answer (timeout) on a platform that does not dedupe, a retry finds the landed reply instead of posting it twice', async () => {
    const landed: Array<{ externalId: string; text: string }> = [];
    const { service, reply, replies } = setup({
      reply: async (_a, _t, text) => {
        landed.push({ externalId: 'fb-reply-9', text });
        throw new ConnectorError(ConnectorErrorCode.UNAVAILABLE, 'facebook reply: timed out after 20000 ms');
      },
      listComments: async () => ({
        items: landed.map((l) => ({ externalId: l.externalId, postExternalId: 'p-1', parentExternalId: 'c-1', author: null, text: l.text, publishedAt: '2026-12-06T12:00:00Z', isFromBrand: true, likes: null })),
        nextPage: null,
      }),
    });
    const err = (await service.submit(WS, '7', { text: 'Bonjour !', idempotencyKey: KEY }, as('cm')).catch((e: unknown) => e)) as HttpException;
    expect(err.getStatus()).toBe(502);
    expect(replies.rows[0]).toMatchObject({ status: 'failed', error_code: 'UNAVAILABLE', text: 'Bonjour !' });
    const retried = await service.submit(WS, '7', { text: 'Bonjour !', idempotencyKey: KEY }, as('cm'));
    expect(retried).toMatchObject({ status: 'sent', platform_external_id: 'fb-reply-9' });
    expect(reply).toHaveBeenCalledTimes(1);
    expect(landed).toHaveLength(1);
  });

  it('404 for another workspace’s item, 400 where the platform cannot act', async () => {
    const { service } = setup();
    await expect(service.submit('99999999-9999-4999-8999-999999999999', '7', { text: 'x', idempotencyKey: KEY }, as('cm'))).rejects.toThrow(NotFoundException);
    await expect(service.moderate(WS, '7', 'like')).rejects.toThrow(BadRequestException);
    await expect(service.moderate(WS, '7', 'hide')).resolves.toBeUndefined();
  });
});
