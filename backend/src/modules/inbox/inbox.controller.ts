import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../../common/auth/principal';
import { BrandsService } from '../brands/brands.service';
import { CorrectionsExport } from './corrections-export';
import {
  AddNoteDto,
  AssignDto,
  ChangeTypeDto,
  ForwardDto,
  InboxQueryDto,
  InboxStatsQueryDto,
  SetStatusDto,
} from './inbox.dto';
import { InboxActionsService } from './inbox-actions.service';
import { InboxQueryService } from './inbox-query.service';
import { InboxStatsService } from './inbox-stats.service';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { InboxDetailDto, InboxForwardDto, InboxItemDto, InboxNoteDto, InboxPageDto, InboxReconcileDto, InboxStatsDto } from '@vigie/contracts';

/** Community inbox: reads for every member, actions for cm and admin (the guard's default for writes). */
@ApiTags('inbox')
@Controller('workspaces/:workspaceId/inbox')
export class InboxController {
  constructor(
    private readonly query: InboxQueryService,
    private readonly actions: InboxActionsService,
    private readonly stats: InboxStatsService,
    private readonly brands: BrandsService,
    private readonly corrections: CorrectionsExport,
  ) {}

  @ApiReply('InboxPageDto')
  @Get()
  list(@Param('workspaceId') workspaceId: string, @Query() q: InboxQueryDto): Promise<Wire<InboxPageDto>> {
    return this.query.list(workspaceId, q);
  }

  // Literal paths are declared before ':itemId' so they are not read as item ids.
  @ApiReply('InboxStatsDto')
  @Get('stats')
  async statsForPeriod(@Param('workspaceId') workspaceId: string, @Query() q: InboxStatsQueryDto): Promise<Wire<InboxStatsDto>> {
    if (q.brandId) await this.brands.get(workspaceId, q.brandId);
    const s = await this.stats.forPeriod(workspaceId, q.brandId ?? null, q.from, q.to, {
      channelAccountId: q.channelAccountId ?? null,
    });
    return s;
  }

  /** Corrected examples as JSON lines {text, lang, type}, to feed the request-type eval set. */
  @Get('corrections.jsonl')
  async exportCorrections(@Param('workspaceId') workspaceId: string, @Res() res: Response) {
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="corrections.jsonl"');
    await this.corrections.stream(workspaceId, (chunk) => res.write(chunk));
    res.end();
  }

  @ApiReply('InboxReconcileDto')
  @Post('reconcile')
  reconcile(@Param('workspaceId') workspaceId: string): Promise<Wire<InboxReconcileDto>> {
    return this.actions.reconcile(workspaceId);
  }

  @ApiReply('InboxDetailDto')
  @Get(':itemId')
  detail(@Param('workspaceId') workspaceId: string, @Param('itemId') itemId: string, @CurrentPrincipal() p: Principal): Promise<Wire<InboxDetailDto>> {
    return this.query.detail(workspaceId, itemId, p.userId);
  }

  @ApiReply('InboxItemDto')
  @Post(':itemId/assign')
  @HttpCode(200)
  assign(@Param('workspaceId') workspaceId: string, @Param('itemId') itemId: string, @Body() dto: AssignDto): Promise<Wire<InboxItemDto>> {
    return this.actions.assign(workspaceId, itemId, dto.serviceId);
  }

  @ApiReply('InboxForwardDto')
  @Post(':itemId/forward')
  @HttpCode(200)
  forward(@Param('workspaceId') workspaceId: string, @Param('itemId') itemId: string, @Body() dto: ForwardDto): Promise<Wire<InboxForwardDto>> {
    return this.actions.forward(workspaceId, itemId, dto.serviceId, dto.message);
  }

  @ApiReply('InboxItemDto')
  @Post(':itemId/type')
  @HttpCode(200)
  changeType(
    @Param('workspaceId') workspaceId: string,
    @Param('itemId') itemId: string,
    @Body() dto: ChangeTypeDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<Wire<InboxItemDto>> {
    return this.actions.changeType(workspaceId, itemId, dto.type, p);
  }

  @ApiReply('InboxNoteDto')
  @Post(':itemId/notes')
  addNote(
    @Param('workspaceId') workspaceId: string,
    @Param('itemId') itemId: string,
    @Body() dto: AddNoteDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<Wire<InboxNoteDto>> {
    return this.actions.addNote(workspaceId, itemId, dto.text, p);
  }

  @ApiReply('InboxItemDto')
  @Post(':itemId/status')
  @HttpCode(200)
  setStatus(
    @Param('workspaceId') workspaceId: string,
    @Param('itemId') itemId: string,
    @Body() dto: SetStatusDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<Wire<InboxItemDto>> {
    return this.actions.setStatus(workspaceId, itemId, dto.status, p);
  }
}
