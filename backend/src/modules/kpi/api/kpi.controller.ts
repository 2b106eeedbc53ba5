import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { KpiQueryDto } from './kpi-query.dto';
import { KpiService } from './kpi.service';

@ApiTags('kpis')
@Controller('workspaces/:workspaceId/kpis')
export class KpiController {
  constructor(private readonly service: KpiService) {}

  /** Dashboard figures of one brand for local days [from, to], with the previous period. */
  @Get()
  get(@Param('workspaceId') workspaceId: string, @Query() query: KpiQueryDto) {
    return this.service.getKpis(workspaceId, query);
  }
}
