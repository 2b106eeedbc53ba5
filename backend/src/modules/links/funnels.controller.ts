import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FunnelQueryDto } from './funnels.dto';
import { FunnelsService } from './funnels.service';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { FunnelDto } from '@vigie/contracts';

@ApiTags('links')
@Controller('workspaces/:workspaceId/funnels')
export class FunnelsController {
  constructor(private readonly service: FunnelsService) {}

  @ApiReply('FunnelDto')
  @Get()
  get(@Param('workspaceId') workspaceId: string, @Query() query: FunnelQueryDto): Promise<Wire<FunnelDto>> {
    return this.service.funnel(workspaceId, query);
  }
}
