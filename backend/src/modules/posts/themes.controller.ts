import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ConversationThemesDto } from '@vigie/contracts';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import { ThemesQueryDto } from './posts.dto';
import { ThemesService } from './themes.service';

@ApiTags('themes')
@Controller('workspaces/:workspaceId/themes')
export class ThemesController {
  constructor(private readonly service: ThemesService) {}

  @ApiReply('ConversationThemesDto')
  @Get()
  themes(@Param('workspaceId') workspaceId: string, @Query() query: ThemesQueryDto): Promise<Wire<ConversationThemesDto>> {
    return this.service.themes(workspaceId, query);
  }
}
