import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MinRole } from '../../common/auth/roles';
import { CreateChannelDto } from './channels.dto';
import { ChannelsService, toChannelDto } from './channels.service';
import { ChannelVerifier } from './channel-verifier';
import { Audited } from '../../common/audit/audited.decorator';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { ChannelDto, SyncRequestedDto } from '@vigie/contracts';

@ApiTags('channels')
@Controller('workspaces/:workspaceId/channels')
export class ChannelsController {
  constructor(
    private readonly service: ChannelsService,
    private readonly verifier: ChannelVerifier,
  ) {}

  @ApiReply(['ChannelDto'])
  @Get()
  list(@Param('workspaceId') workspaceId: string, @Query('brandId', new ParseUUIDPipe({ optional: true })) brandId?: string): Promise<Wire<ChannelDto[]>> {
    return this.service.list(workspaceId, brandId);
  }

  @ApiReply('ChannelDto')
  @Post()
  @MinRole('admin')
  @Audited('channel.add')
  async create(@Param('workspaceId') workspaceId: string, @Body() dto: CreateChannelDto): Promise<Wire<ChannelDto>> {
    const identity = await this.verifier.verify(dto);
    return this.service.create(workspaceId, dto, identity ?? undefined);
  }

  @ApiReply('ChannelDto')
  @Get(':channelId')
  async get(@Param('workspaceId') workspaceId: string, @Param('channelId', ParseUUIDPipe) channelId: string): Promise<Wire<ChannelDto>> {
    return toChannelDto(await this.service.get(workspaceId, channelId));
  }

  @ApiReply('SyncRequestedDto')
  @Post(':channelId/sync')
  @HttpCode(202)
  sync(@Param('workspaceId') workspaceId: string, @Param('channelId', ParseUUIDPipe) channelId: string): Promise<Wire<SyncRequestedDto>> {
    return this.service.requestSync(workspaceId, channelId);
  }

  @Delete(':channelId')
  @MinRole('admin')
  @HttpCode(204)
  @Audited('channel.remove')
  remove(@Param('workspaceId') workspaceId: string, @Param('channelId', ParseUUIDPipe) channelId: string) {
    return this.service.remove(workspaceId, channelId);
  }
}
