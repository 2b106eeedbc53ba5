import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../common/auth/principal';
import { ListAlertsDto } from './alert-rules.dto';
import { AlertsService } from './alerts.service';
import { ApiReply, type Wire } from '../../../common/http/api-reply';
import type { AlertDto } from '@vigie/contracts';

@ApiTags('veille')
@Controller('workspaces/:workspaceId/alerts')
export class AlertsController {
  constructor(private readonly service: AlertsService) {}

  @ApiReply(['AlertDto'])
  @Get()
  list(@Param('workspaceId') workspaceId: string, @Query() q: ListAlertsDto): Promise<Wire<AlertDto[]>> {
    return this.service.list(workspaceId, q);
  }

  @ApiReply('AlertDto')
  @Get(':alertId')
  get(@Param('workspaceId') workspaceId: string, @Param('alertId', ParseUUIDPipe) alertId: string): Promise<Wire<AlertDto>> {
    return this.service.get(workspaceId, alertId);
  }

  @ApiReply('AlertDto')
  @Post(':alertId/acknowledge')
  @HttpCode(200)
  acknowledge(@Param('workspaceId') workspaceId: string, @Param('alertId', ParseUUIDPipe) alertId: string, @CurrentPrincipal() p: Principal): Promise<Wire<AlertDto>> {
    return this.service.acknowledge(workspaceId, alertId, p.userId);
  }

  @ApiReply('AlertDto')
  @Post(':alertId/resolve')
  @HttpCode(200)
  resolve(@Param('workspaceId') workspaceId: string, @Param('alertId', ParseUUIDPipe) alertId: string, @CurrentPrincipal() p: Principal): Promise<Wire<AlertDto>> {
    return this.service.resolve(workspaceId, alertId, p.userId);
  }
}
