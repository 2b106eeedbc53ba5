import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../../common/auth/principal';
import { ReportSender } from './delivery/report-sender.service';
import { ReportOutputs } from './report-outputs.service';
import { CreateReportDto, ListReportsDto, UpdateRecommendationsDto } from './reports.dto';
import { ReportsService } from './reports.service';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { ReportDto, ReportListItemDto, ReportSentDto } from '@vigie/contracts';

@ApiTags('reports')
@Controller('workspaces/:workspaceId/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly outputs: ReportOutputs,
    private readonly sender: ReportSender,
  ) {}

  /** Builds the brand's report for the month, or rebuilds its draft (edits kept). */
  @ApiReply('ReportDto')
  @Post()
  async create(@Param('workspaceId') workspaceId: string, @Body() dto: CreateReportDto, @CurrentPrincipal() p: Principal): Promise<Wire<ReportDto>> {
    const report = await this.reports.generate(workspaceId, dto.brandId, dto.month, p.userId);
    return this.reports.view(report);
  }

  /** The archive: every report of the workspace (or of one brand), newest month first. */
  @ApiReply(['ReportListItemDto'])
  @Get()
  list(@Param('workspaceId') workspaceId: string, @Query() q: ListReportsDto): Promise<Wire<ReportListItemDto[]>> {
    return this.reports.list(workspaceId, q.brandId);
  }

  @ApiReply('ReportDto')
  @Get(':reportId')
  async get(@Param('workspaceId') workspaceId: string, @Param('reportId') reportId: string): Promise<Wire<ReportDto>> {
    return this.reports.view(await this.reports.get(workspaceId, reportId));
  }

  /** The print-friendly page (server-rendered, no script, SVG sparklines). */
  @Get(':reportId/html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async html(@Param('workspaceId') workspaceId: string, @Param('reportId') reportId: string) {
    return this.outputs.html(await this.reports.get(workspaceId, reportId));
  }

  @Get(':reportId/pdf')
  async pdf(@Param('workspaceId') workspaceId: string, @Param('reportId') reportId: string, @Res() res: Response) {
    const report = await this.reports.get(workspaceId, reportId);
    const pdf = await this.outputs.pdfOf(report);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${this.outputs.fileName(report, 'pdf')}"`);
    res.send(pdf);
  }

  @Get(':reportId/xlsx')
  async xlsx(@Param('workspaceId') workspaceId: string, @Param('reportId') reportId: string, @Res() res: Response) {
    const report = await this.reports.get(workspaceId, reportId);
    const xlsx = await this.outputs.xlsxOf(report);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${this.outputs.fileName(report, 'xlsx')}"`);
    res.send(xlsx);
  }

  /** The CM's list of recommendations, in order (edits, additions, removals are kept). */
  @ApiReply('ReportDto')
  @Patch(':reportId/recommendations')
  async updateRecommendations(
    @Param('workspaceId') workspaceId: string,
    @Param('reportId') reportId: string,
    @Body() dto: UpdateRecommendationsDto,
  ): Promise<Wire<ReportDto>> {
    return this.reports.view(await this.reports.updateRecommendations(workspaceId, reportId, dto.recommendations));
  }

  /** E-mails the report to the brand's recipients (SMTP, or the outbox folder). */
  @ApiReply('ReportSentDto')
  @Post(':reportId/send')
  @HttpCode(200)
  send(@Param('workspaceId') workspaceId: string, @Param('reportId') reportId: string, @CurrentPrincipal() p: Principal): Promise<Wire<ReportSentDto>> {
    return this.sender.send(workspaceId, reportId, p.userId);
  }
}
