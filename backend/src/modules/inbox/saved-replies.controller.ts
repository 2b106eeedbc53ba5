import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RenderedSavedReplyDto, SavedReplyDto } from '@vigie/contracts';
import { Audited } from '../../common/audit/audited.decorator';
import { CurrentPrincipal, type Principal } from '../../common/auth/principal';
import { MinRole } from '../../common/auth/roles';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import { RenderSavedReplyQuery, SavedReplyDtoIn, UpdateSavedReplyDto } from './inbox-replies.dto';
import { SavedRepliesService } from './saved-replies.service';

/** Saved replies: cm and admin manage and use them (reading included: they are answer material). */
@ApiTags('inbox')
@Controller('workspaces/:workspaceId/saved-replies')
@MinRole('cm')
export class SavedRepliesController {
  constructor(private readonly saved: SavedRepliesService) {}

  @ApiReply(['SavedReplyDto'])
  @Get()
  list(@Param('workspaceId') workspaceId: string): Promise<Wire<SavedReplyDto[]>> {
    return this.saved.list(workspaceId);
  }

  @ApiReply('SavedReplyDto')
  @Post()
  @Audited('saved-reply.create')
  create(@Param('workspaceId') workspaceId: string, @Body() dto: SavedReplyDtoIn, @CurrentPrincipal() p: Principal): Promise<Wire<SavedReplyDto>> {
    return this.saved.create(workspaceId, p.userId, { brandId: dto.brandId ?? null, language: dto.language, title: dto.title, body: dto.body });
  }

  @ApiReply('RenderedSavedReplyDto')
  @Get(':savedReplyId/render')
  render(
    @Param('workspaceId') workspaceId: string,
    @Param('savedReplyId', ParseUUIDPipe) id: string,
    @Query() q: RenderSavedReplyQuery,
    @CurrentPrincipal() p: Principal,
  ): Promise<Wire<RenderedSavedReplyDto>> {
    return this.saved.render(workspaceId, id, q.itemId, p.userId);
  }

  @ApiReply('SavedReplyDto')
  @Patch(':savedReplyId')
  @Audited('saved-reply.update')
  update(@Param('workspaceId') workspaceId: string, @Param('savedReplyId', ParseUUIDPipe) id: string, @Body() dto: UpdateSavedReplyDto): Promise<Wire<SavedReplyDto>> {
    return this.saved.update(workspaceId, id, dto);
  }

  @Delete(':savedReplyId')
  @HttpCode(204)
  @Audited('saved-reply.delete')
  async remove(@Param('workspaceId') workspaceId: string, @Param('savedReplyId', ParseUUIDPipe) id: string): Promise<void> {
    await this.saved.remove(workspaceId, id);
  }
}
