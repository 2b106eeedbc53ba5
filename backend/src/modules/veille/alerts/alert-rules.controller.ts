import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../common/auth/principal';
import { CreateAlertRuleDto, UpdateAlertRuleDto } from './alert-rules.dto';
import { AlertRulesService } from './alert-rules.service';
import { ApiReply, type Wire } from '../../../common/http/api-reply';
import type { AlertRuleDto } from '@vigie/contracts';

@ApiTags('veille')
@Controller('workspaces/:workspaceId/alert-rules')
export class AlertRulesController {
  constructor(private readonly service: AlertRulesService) {}

  @ApiReply(['AlertRuleDto'])
  @Get()
  list(@Param('workspaceId') workspaceId: string): Promise<Wire<AlertRuleDto[]>> {
    return this.service.list(workspaceId);
  }

  @ApiReply('AlertRuleDto')
  @Post()
  create(@Param('workspaceId') workspaceId: string, @CurrentPrincipal() p: Principal, @Body() dto: CreateAlertRuleDto): Promise<Wire<AlertRuleDto>> {
    return this.service.create(workspaceId, p.userId, dto);
  }

  @ApiReply('AlertRuleDto')
  @Get(':ruleId')
  get(@Param('workspaceId') workspaceId: string, @Param('ruleId', ParseUUIDPipe) ruleId: string): Promise<Wire<AlertRuleDto>> {
    return this.service.get(workspaceId, ruleId);
  }

  @ApiReply('AlertRuleDto')
  @Patch(':ruleId')
  update(@Param('workspaceId') workspaceId: string, @Param('ruleId', ParseUUIDPipe) ruleId: string, @Body() dto: UpdateAlertRuleDto): Promise<Wire<AlertRuleDto>> {
    return this.service.update(workspaceId, ruleId, dto);
  }

  @Delete(':ruleId')
  @HttpCode(204)
  remove(@Param('workspaceId') workspaceId: string, @Param('ruleId', ParseUUIDPipe) ruleId: string) {
    return this.service.remove(workspaceId, ruleId);
  }
}
