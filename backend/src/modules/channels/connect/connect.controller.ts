import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { isPlatform, type ChannelDto, type ConnectAttemptDto, type ConnectPlatformDto, type ConnectStartDto, type Platform } from '@vigie/contracts';
import { Audited } from '../../../common/audit/audited.decorator';
import { CurrentPrincipal, type Principal } from '../../../common/auth/principal';
import { MinRole } from '../../../common/auth/roles';
import { ApiReply, type Wire } from '../../../common/http/api-reply';
import { AppPasswordConnectDto, CompleteConnectDto, SavePlatformAppDto, StartConnectDto } from './connect.dto';
import { ConnectService } from './connect.service';
import { PlatformAppsService } from './platform-apps.service';

function platformOf(raw: string): Platform {
  if (!isPlatform(raw)) throw new NotFoundException(`Unknown platform "${raw}"`);
  return raw;
}

/** Connecting accounts: per-platform apps (Settings), the consent round-trip and the page picker. Admins only, like adding a channel. */
@ApiTags('connect')
@Controller('workspaces/:workspaceId/connect')
export class ConnectController {
  constructor(
    private readonly connect: ConnectService,
    private readonly apps: PlatformAppsService,
  ) {}

  @ApiReply(['ConnectPlatformDto'])
  @Get('platforms')
  @MinRole('admin')
  platforms(@Param('workspaceId') workspaceId: string): Promise<Wire<ConnectPlatformDto[]>> {
    return this.apps.list(workspaceId);
  }

  @ApiReply('ConnectPlatformDto')
  @Put('platforms/:platform/app')
  @MinRole('admin')
  @Audited('connect.app.save')
  saveApp(@Param('workspaceId') workspaceId: string, @Param('platform') platform: string, @Body() dto: SavePlatformAppDto): Promise<Wire<ConnectPlatformDto>> {
    return this.apps.save(workspaceId, platformOf(platform), dto);
  }

  @Delete('platforms/:platform/app')
  @MinRole('admin')
  @HttpCode(204)
  @Audited('connect.app.remove')
  removeApp(@Param('workspaceId') workspaceId: string, @Param('platform') platform: string): Promise<void> {
    return this.apps.remove(workspaceId, platformOf(platform));
  }

  @ApiReply('ConnectStartDto')
  @Post(':platform/start')
  @MinRole('admin')
  start(
    @CurrentPrincipal() principal: Principal,
    @Param('workspaceId') workspaceId: string,
    @Param('platform') platform: string,
    @Body() dto: StartConnectDto,
  ): Promise<Wire<ConnectStartDto>> {
    return this.connect.start(principal, workspaceId, platformOf(platform), dto);
  }

  @ApiReply('ChannelDto')
  @Post(':platform/app-password')
  @MinRole('admin')
  @Audited('channel.add')
  appPassword(@Param('workspaceId') workspaceId: string, @Param('platform') platform: string, @Body() dto: AppPasswordConnectDto): Promise<Wire<ChannelDto>> {
    return this.connect.appPassword(workspaceId, platformOf(platform), dto);
  }

  @ApiReply('ConnectAttemptDto')
  @Get('attempts/:attemptId')
  @MinRole('admin')
  attempt(@CurrentPrincipal() principal: Principal, @Param('workspaceId') workspaceId: string, @Param('attemptId', ParseUUIDPipe) id: string): Promise<Wire<ConnectAttemptDto>> {
    return this.connect.attempt(principal, workspaceId, id);
  }

  @ApiReply(['ChannelDto'])
  @Post('attempts/:attemptId/accounts')
  @MinRole('admin')
  @Audited('channel.add')
  complete(
    @CurrentPrincipal() principal: Principal,
    @Param('workspaceId') workspaceId: string,
    @Param('attemptId', ParseUUIDPipe) id: string,
    @Body() dto: CompleteConnectDto,
  ): Promise<Wire<ChannelDto[]>> {
    return this.connect.complete(principal, workspaceId, id, dto.accounts);
  }
}

/**
 * The platforms' redirect back (the URI registered in their consoles). Needs the Vigie session
 * that started the consent (the cookie is SameSite=Lax, so it comes with this top-level GET);
 * which workspace it is for comes from the signed state, checked by the service.
 */
@ApiTags('connect')
@Controller('connect')
export class ConnectCallbackController {
  constructor(private readonly connect: ConnectService) {}

  @Get('callback/:platform')
  async callback(@CurrentPrincipal() principal: Principal, @Param('platform') platform: string, @Query() query: Record<string, string>, @Res() res: Response): Promise<void> {
    res.redirect(302, await this.connect.callback(principal, platformOf(platform), query));
  }
}
