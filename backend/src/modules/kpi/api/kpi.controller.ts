import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { KpiQueryDto } from './kpi-query.dto';
import { KpiService } from './kpi.service';
import { ApiReply, type Wire } from '../../../common/http/api-reply';
import type { KpiResponseDto } from '@vigie/contracts';

/** Compile-time check: the JSON text sent is KpiService.getKpis' answer, which must fit the contract. */
const fitsContract = (answer: Awaited<ReturnType<KpiService['getKpis']>>): Wire<KpiResponseDto> => answer;
void fitsContract;

@ApiTags('kpis')
@Controller('workspaces/:workspaceId/kpis')
export class KpiController {
  constructor(private readonly service: KpiService) {}

  /** Dashboard figures of one brand for local days [from, to], with the previous period (JSON text, reused while its inputs hold). */
  @ApiReply('KpiResponseDto')
  @Get()
  @Header('Content-Type', 'application/json; charset=utf-8')
  get(@Param('workspaceId') workspaceId: string, @Query() query: KpiQueryDto): Promise<string> {
    return this.service.getKpisJson(workspaceId, query);
  }
}
