import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { KpiQueryDto } from './kpi-query.dto';
import { KpiService } from './kpi.service';
import { ApiReply, type Wire } from '../../../common/http/api-reply';
import { sendPreparedJson } from '../../../common/http/prepared-json';
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
  async get(
    @Param('workspaceId') workspaceId: string,
    @Query() query: KpiQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    sendPreparedJson(req, res, await this.service.getKpisJson(workspaceId, query));
  }
}
