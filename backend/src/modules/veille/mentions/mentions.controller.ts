import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ListMentionsDto } from './mentions.dto';
import { MentionsService } from './mentions.service';
import { ApiReply, type Wire } from '../../../common/http/api-reply';
import type { MentionPageDto } from '@vigie/contracts';

@ApiTags('veille')
@Controller('workspaces/:workspaceId/mentions')
export class MentionsController {
  constructor(private readonly service: MentionsService) {}

  /** Newest first, keyset-paginated; `queryIds` lets the UI highlight with the shared matcher. */
  @ApiReply('MentionPageDto')
  @Get()
  list(@Param('workspaceId') workspaceId: string, @Query() q: ListMentionsDto): Promise<Wire<MentionPageDto>> {
    return this.service.list(workspaceId, q);
  }
}
