import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
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
  async get(
    @Param('workspaceId') workspaceId: string,
    @Query() query: KpiQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { body, etag } = await this.service.getKpisJson(workspaceId, query);
    // Set here, Express does not hash the text again; a matching If-None-Match still gets a 304.
    res.setHeader('ETag', etag);
    return body;
  }
}
