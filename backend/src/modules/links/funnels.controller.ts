import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FunnelQueryDto } from './funnels.dto';
import { FunnelsService } from './funnels.service';

@ApiTags('links')
@Controller('workspaces/:workspaceId/funnels')
export class FunnelsController {
  constructor(private readonly service: FunnelsService) {}

  @Get()
  get(@Param('workspaceId') workspaceId: string, @Query() query: FunnelQueryDto) {
    return this.service.funnel(workspaceId, query);
  }
}
