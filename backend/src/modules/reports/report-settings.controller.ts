import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReportSettingsService } from './report-settings.service';
import { PutReportSettingsDto } from './reports.dto';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { ReportSettingsDto } from '@vigie/contracts';

@ApiTags('reports')
@Controller('workspaces/:workspaceId/brands/:brandId/report-settings')
export class ReportSettingsController {
  constructor(private readonly settings: ReportSettingsService) {}

  @ApiReply('ReportSettingsDto')
  @Get()
  get(@Param('workspaceId') workspaceId: string, @Param('brandId') brandId: string): Promise<Wire<ReportSettingsDto>> {
    return this.settings.get(workspaceId, brandId);
  }

  /** Recipients, auto-send hour (local, on the 1st; null = the CM sends) and language. */
  @ApiReply('ReportSettingsDto')
  @Put()
  put(@Param('workspaceId') workspaceId: string, @Param('brandId') brandId: string, @Body() dto: PutReportSettingsDto): Promise<Wire<ReportSettingsDto>> {
    return this.settings.put(workspaceId, brandId, dto);
  }
}
