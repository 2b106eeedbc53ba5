import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { KpiQueryDto } from './kpi-query.dto';
import { KpiService } from './kpi.service';
import { ApiReply, type Wire } from '../../../common/http/api-reply';
import type { KpiResponseDto } from '@vigie/contracts';

@ApiTags('kpis')
@Controller('workspaces/:workspaceId/kpis')
export class KpiController {
  constructor(private readonly service: KpiService) {}

  /** Dashboard figures of one brand for local days [from, to], with the previous period. */
  @ApiReply('KpiResponseDto')
  @Get()
  get(@Param('workspaceId') workspaceId: string, @Query() query: KpiQueryDto): Promise<Wire<KpiResponseDto>> {
    return this.service.getKpis(workspaceId, query);
  }
}
