import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReportSettingsService } from './report-settings.service';
import { ReportSettingsDto } from './reports.dto';

@ApiTags('reports')
@Controller('workspaces/:workspaceId/brands/:brandId/report-settings')
export class ReportSettingsController {
  constructor(private readonly settings: ReportSettingsService) {}

  @Get()
  get(@Param('workspaceId') workspaceId: string, @Param('brandId') brandId: string) {
    return this.settings.get(workspaceId, brandId);
  }

  /** Recipients, auto-send hour (local, on the 1st; null = the CM sends) and language. */
  @Put()
  put(@Param('workspaceId') workspaceId: string, @Param('brandId') brandId: string, @Body() dto: ReportSettingsDto) {
    return this.settings.put(workspaceId, brandId, dto);
  }
}
