import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { InboxDraftingDto, InboxModerationDto, InboxReplyDto } from '@vigie/contracts';
import { Audited } from '../../common/audit/audited.decorator';
import { CurrentPrincipal, type Principal } from '../../common/auth/principal';
import { MinRole } from '../../common/auth/roles';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import { HideDto, SubmitReplyDto } from './inbox-replies.dto';
import { InboxRepliesService, replyView } from './inbox-replies.service';

/** Answering from the inbox: replies (viewers may submit them for approval when the workspace allows it), moderation. */
@ApiTags('inbox')
@Controller('workspaces/:workspaceId/inbox/:itemId')
export class InboxRepliesController {
  constructor(private readonly replies: InboxRepliesService) {}

  @ApiReply('InboxReplyDto')
  @Post('replies')
  @MinRole('viewer')
  @Audited('inbox.reply', { body: false, targetParam: 'itemId' })
  async reply(
    @Param('workspaceId') workspaceId: string,
    @Param('itemId') itemId: string,
    @Body() dto: SubmitReplyDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<Wire<InboxReplyDto>> {
    return replyView(await this.replies.submit(workspaceId, itemId, dto, p));
  }

  @ApiReply('InboxReplyDto')
  @Post('replies/:replyId/approve')
  @HttpCode(200)
  @Audited('inbox.reply-approve', { targetParam: 'replyId' })
  async approve(
    @Param('workspaceId') workspaceId: string,
    @Param('itemId') itemId: string,
    @Param('replyId') replyId: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<Wire<InboxReplyDto>> {
    return replyView(await this.replies.approve(workspaceId, itemId, replyId, p));
  }

  @ApiReply('InboxReplyDto')
  @Post('replies/:replyId/reject')
  @HttpCode(200)
  @Audited('inbox.reply-reject', { targetParam: 'replyId' })
  async reject(
    @Param('workspaceId') workspaceId: string,
    @Param('itemId') itemId: string,
    @Param('replyId') replyId: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<Wire<InboxReplyDto>> {
    return replyView(await this.replies.reject(workspaceId, itemId, replyId, p));
  }

  /** Heartbeat every ~15 s while a member writes an answer (viewers too: they may draft for approval). */
  @ApiReply('InboxDraftingDto')
  @Post('drafting')
  @HttpCode(200)
  @MinRole('viewer')
  async drafting(@Param('workspaceId') workspaceId: string, @Param('itemId') itemId: string, @CurrentPrincipal() p: Principal): Promise<Wire<InboxDraftingDto>> {
    return { othersDrafting: await this.replies.drafting(workspaceId, itemId, p.userId) };
  }

  @ApiReply('InboxModerationDto')
  @Post('hidden')
  @HttpCode(200)
  @Audited('inbox.hide', { targetParam: 'itemId' })
  async hide(@Param('workspaceId') workspaceId: string, @Param('itemId') itemId: string, @Body() dto: HideDto): Promise<Wire<InboxModerationDto>> {
    const action = dto.hidden ? 'hide' : 'unhide';
    await this.replies.moderate(workspaceId, itemId, action);
    return { itemId, action, done: true };
  }

  @ApiReply('InboxModerationDto')
  @Post('like')
  @HttpCode(200)
  @Audited('inbox.like', { targetParam: 'itemId' })
  async like(@Param('workspaceId') workspaceId: string, @Param('itemId') itemId: string): Promise<Wire<InboxModerationDto>> {
    await this.replies.moderate(workspaceId, itemId, 'like');
    return { itemId, action: 'like', done: true };
  }

  @ApiReply('InboxModerationDto')
  @Post('delete')
  @HttpCode(200)
  @Audited('inbox.delete-comment', { targetParam: 'itemId' })
  async remove(@Param('workspaceId') workspaceId: string, @Param('itemId') itemId: string): Promise<Wire<InboxModerationDto>> {
    await this.replies.moderate(workspaceId, itemId, 'delete');
    return { itemId, action: 'delete', done: true };
  }
}
