import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CrisisDetailDto, CrisisInfluencersDto, CrisisPlaybookDto, CrisisSettingsDto, CrisisSummaryDto } from '@vigie/contracts';
import { Audited } from '../../common/audit/audited.decorator';
import { CurrentPrincipal, type Principal } from '../../common/auth/principal';
import { MinRole } from '../../common/auth/roles';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import { CrisesService } from './crises.service';
import { AddMemberDto, ChangeStageDto, CrisisInfluencersQuery, OpenCrisisDto, PostStatementDto, PutCrisisSettingsDto, PutPlaybookDto, SubmitStatementDto } from './crisis.dto';
import { CrisisFiguresService } from './crisis-figures.service';
import { CrisisReportService } from './crisis-report.service';
import { CrisisSettingsService } from './crisis-settings.service';
import { CrisisStatementsService } from './crisis-statements.service';

/** The crisis cell: viewers read, cms act (statement approval: the crisis lead or an admin), admins configure. */
@ApiTags('crisis')
@Controller('workspaces/:workspaceId/crises')
export class CrisesController {
  constructor(
    private readonly crises: CrisesService,
    private readonly statements: CrisisStatementsService,
    private readonly figures: CrisisFiguresService,
    private readonly report: CrisisReportService,
  ) {}

  @ApiReply('CrisisDetailDto')
  @Post()
  @Audited('crisis.open')
  open(@Param('workspaceId') ws: string, @Body() dto: OpenCrisisDto, @CurrentPrincipal() p: Principal): Promise<Wire<CrisisDetailDto>> {
    return this.crises.open(ws, dto, p);
  }

  @ApiReply(['CrisisSummaryDto'])
  @Get()
  list(@Param('workspaceId') ws: string): Promise<Wire<CrisisSummaryDto[]>> {
    return this.crises.list(ws);
  }

  @ApiReply('CrisisDetailDto')
  @Get(':crisisId')
  detail(@Param('workspaceId') ws: string, @Param('crisisId', ParseUUIDPipe) id: string): Promise<Wire<CrisisDetailDto>> {
    return this.crises.detail(ws, id);
  }

  @ApiReply('CrisisInfluencersDto')
  @Get(':crisisId/influencers')
  async influencers(@Param('workspaceId') ws: string, @Param('crisisId', ParseUUIDPipe) id: string, @Query() q: CrisisInfluencersQuery): Promise<Wire<CrisisInfluencersDto>> {
    return this.figures.influencers(await this.crises.get(ws, id), new Date(), q.sort ?? 'reach');
  }

  @ApiReply('CrisisDetailDto')
  @Post(':crisisId/stage')
  @HttpCode(200)
  @Audited('crisis.stage', { targetParam: 'crisisId' })
  stage(@Param('workspaceId') ws: string, @Param('crisisId', ParseUUIDPipe) id: string, @Body() dto: ChangeStageDto, @CurrentPrincipal() p: Principal): Promise<Wire<CrisisDetailDto>> {
    return this.crises.changeStage(ws, id, dto, p);
  }

  @ApiReply('CrisisDetailDto')
  @Post(':crisisId/members')
  @HttpCode(200)
  addMember(@Param('workspaceId') ws: string, @Param('crisisId', ParseUUIDPipe) id: string, @Body() dto: AddMemberDto, @CurrentPrincipal() p: Principal): Promise<Wire<CrisisDetailDto>> {
    return this.crises.addMember(ws, id, dto, p);
  }

  @ApiReply('CrisisDetailDto')
  @Delete(':crisisId/members/:userId')
  removeMember(
    @Param('workspaceId') ws: string,
    @Param('crisisId', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<Wire<CrisisDetailDto>> {
    return this.crises.removeMember(ws, id, userId, p);
  }

  @ApiReply('CrisisDetailDto')
  @Post(':crisisId/checklist/:itemId/tick')
  @HttpCode(200)
  tick(@Param('workspaceId') ws: string, @Param('crisisId', ParseUUIDPipe) id: string, @Param('itemId') itemId: string, @CurrentPrincipal() p: Principal): Promise<Wire<CrisisDetailDto>> {
    return this.crises.tick(ws, id, itemId, p);
  }

  @ApiReply('CrisisDetailDto')
  @Post(':crisisId/statements')
  submit(@Param('workspaceId') ws: string, @Param('crisisId', ParseUUIDPipe) id: string, @Body() dto: SubmitStatementDto, @CurrentPrincipal() p: Principal): Promise<Wire<CrisisDetailDto>> {
    return this.statements.submit(ws, id, dto, p);
  }

  @ApiReply('CrisisDetailDto')
  @Post(':crisisId/statements/:statementId/approve')
  @HttpCode(200)
  @Audited('crisis.statement-approve', { targetParam: 'statementId' })
  approve(@Param('workspaceId') ws: string, @Param('crisisId', ParseUUIDPipe) id: string, @Param('statementId', ParseUUIDPipe) sid: string, @CurrentPrincipal() p: Principal): Promise<Wire<CrisisDetailDto>> {
    return this.statements.decide(ws, id, sid, 'approved', p);
  }

  @ApiReply('CrisisDetailDto')
  @Post(':crisisId/statements/:statementId/reject')
  @HttpCode(200)
  reject(@Param('workspaceId') ws: string, @Param('crisisId', ParseUUIDPipe) id: string, @Param('statementId', ParseUUIDPipe) sid: string, @CurrentPrincipal() p: Principal): Promise<Wire<CrisisDetailDto>> {
    return this.statements.decide(ws, id, sid, 'rejected', p);
  }

  @ApiReply('CrisisDetailDto')
  @Post(':crisisId/statements/:statementId/post')
  @HttpCode(200)
  @Audited('crisis.statement-post', { targetParam: 'statementId' })
  post(
    @Param('workspaceId') ws: string,
    @Param('crisisId', ParseUUIDPipe) id: string,
    @Param('statementId', ParseUUIDPipe) sid: string,
    @Body() dto: PostStatementDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<Wire<CrisisDetailDto>> {
    return this.statements.post(ws, id, sid, dto, p);
  }

  @Get(':crisisId/report.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
  reportHtml(@Param('workspaceId') ws: string, @Param('crisisId', ParseUUIDPipe) id: string): Promise<string> {
    return this.report.html(ws, id);
  }

  @Get(':crisisId/report.pdf')
  async reportPdf(@Param('workspaceId') ws: string, @Param('crisisId', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const { pdf, fileName } = await this.report.pdfOf(ws, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.send(pdf);
  }
}

/** Crisis configuration: per-brand playbooks and the workspace's crisis settings (admin writes, everyone reads). */
@ApiTags('crisis')
@Controller('workspaces/:workspaceId')
export class CrisisSettingsController {
  constructor(private readonly settings: CrisisSettingsService) {}

  @ApiReply('CrisisPlaybookDto')
  @Get('brands/:brandId/crisis-playbook')
  playbook(@Param('workspaceId') ws: string, @Param('brandId', ParseUUIDPipe) brandId: string): Promise<Wire<CrisisPlaybookDto>> {
    return this.settings.playbook(ws, brandId);
  }

  @ApiReply('CrisisPlaybookDto')
  @Put('brands/:brandId/crisis-playbook')
  @MinRole('admin')
  @Audited('crisis.playbook', { targetParam: 'brandId' })
  putPlaybook(@Param('workspaceId') ws: string, @Param('brandId', ParseUUIDPipe) brandId: string, @Body() dto: PutPlaybookDto, @CurrentPrincipal() p: Principal): Promise<Wire<CrisisPlaybookDto>> {
    return this.settings.putPlaybook(ws, brandId, dto, p.userId);
  }

  @ApiReply('CrisisSettingsDto')
  @Get('crisis-settings')
  get(@Param('workspaceId') ws: string): Promise<Wire<CrisisSettingsDto>> {
    return this.settings.settings(ws);
  }

  @ApiReply('CrisisSettingsDto')
  @Put('crisis-settings')
  @MinRole('admin')
  @Audited('crisis.settings')
  put(@Param('workspaceId') ws: string, @Body() dto: PutCrisisSettingsDto): Promise<Wire<CrisisSettingsDto>> {
    return this.settings.putSettings(ws, dto);
  }
}
