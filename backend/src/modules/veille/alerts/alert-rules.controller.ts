import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../common/auth/principal';
import { CreateAlertRuleDto, UpdateAlertRuleDto } from './alert-rules.dto';
import { AlertRulesService } from './alert-rules.service';

@ApiTags('veille')
@Controller('workspaces/:workspaceId/alert-rules')
export class AlertRulesController {
  constructor(private readonly service: AlertRulesService) {}

  @Get()
  list(@Param('workspaceId') workspaceId: string) {
    return this.service.list(workspaceId);
  }

  @Post()
  create(@Param('workspaceId') workspaceId: string, @CurrentPrincipal() p: Principal, @Body() dto: CreateAlertRuleDto) {
    return this.service.create(workspaceId, p.userId, dto);
  }

  @Get(':ruleId')
  get(@Param('workspaceId') workspaceId: string, @Param('ruleId', ParseUUIDPipe) ruleId: string) {
    return this.service.get(workspaceId, ruleId);
  }

  @Patch(':ruleId')
  update(@Param('workspaceId') workspaceId: string, @Param('ruleId', ParseUUIDPipe) ruleId: string, @Body() dto: UpdateAlertRuleDto) {
    return this.service.update(workspaceId, ruleId, dto);
  }

  @Delete(':ruleId')
  @HttpCode(204)
  remove(@Param('workspaceId') workspaceId: string, @Param('ruleId', ParseUUIDPipe) ruleId: string) {
    return this.service.remove(workspaceId, ruleId);
  }
}
