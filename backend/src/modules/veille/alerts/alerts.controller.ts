import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../common/auth/principal';
import { ListAlertsDto } from './alert-rules.dto';
import { AlertsService } from './alerts.service';

@ApiTags('veille')
@Controller('workspaces/:workspaceId/alerts')
export class AlertsController {
  constructor(private readonly service: AlertsService) {}

  @Get()
  list(@Param('workspaceId') workspaceId: string, @Query() q: ListAlertsDto) {
    return this.service.list(workspaceId, q);
  }

  @Get(':alertId')
  get(@Param('workspaceId') workspaceId: string, @Param('alertId', ParseUUIDPipe) alertId: string) {
    return this.service.get(workspaceId, alertId);
  }

  @Post(':alertId/acknowledge')
  @HttpCode(200)
  acknowledge(@Param('workspaceId') workspaceId: string, @Param('alertId', ParseUUIDPipe) alertId: string, @CurrentPrincipal() p: Principal) {
    return this.service.acknowledge(workspaceId, alertId, p.userId);
  }

  @Post(':alertId/resolve')
  @HttpCode(200)
  resolve(@Param('workspaceId') workspaceId: string, @Param('alertId', ParseUUIDPipe) alertId: string, @CurrentPrincipal() p: Principal) {
    return this.service.resolve(workspaceId, alertId, p.userId);
  }
}
