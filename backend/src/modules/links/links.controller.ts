import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MinRole } from '../../common/auth/roles';
import { CreateLinkDto, ListLinksQueryDto, UpdateLinkDto } from './links.dto';
import { LinksService } from './links.service';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { ConversionWebhookSettingsDto, TrackedLinkDto } from '@vigie/contracts';

@ApiTags('links')
@Controller('workspaces/:workspaceId/links')
export class LinksController {
  constructor(private readonly service: LinksService) {}

  @ApiReply(['TrackedLinkDto'])
  @Get()
  list(@Param('workspaceId') workspaceId: string, @Query() query: ListLinksQueryDto): Promise<Wire<TrackedLinkDto[]>> {
    return this.service.list(workspaceId, query);
  }

  @ApiReply('TrackedLinkDto')
  @Post()
  create(@Param('workspaceId') workspaceId: string, @Body() dto: CreateLinkDto): Promise<Wire<TrackedLinkDto>> {
    return this.service.create(workspaceId, dto);
  }

  /** The conversion-webhook secret: admins only, it lets anyone post conversions. */
  @ApiReply('ConversionWebhookSettingsDto')
  @Get('settings')
  @MinRole('admin')
  settings(@Param('workspaceId') workspaceId: string): Promise<Wire<ConversionWebhookSettingsDto>> {
    return this.service.settings(workspaceId);
  }

  @ApiReply('ConversionWebhookSettingsDto')
  @Post('settings/rotate-secret')
  @MinRole('admin')
  @HttpCode(200)
  rotate(@Param('workspaceId') workspaceId: string): Promise<Wire<ConversionWebhookSettingsDto>> {
    return this.service.rotateWebhookSecret(workspaceId);
  }

  @ApiReply('TrackedLinkDto')
  @Get(':linkId')
  get(@Param('workspaceId') workspaceId: string, @Param('linkId', ParseUUIDPipe) linkId: string): Promise<Wire<TrackedLinkDto>> {
    return this.service.get(workspaceId, linkId);
  }

  @ApiReply('TrackedLinkDto')
  @Patch(':linkId')
  update(
    @Param('workspaceId') workspaceId: string,
    @Param('linkId', ParseUUIDPipe) linkId: string,
    @Body() dto: UpdateLinkDto,
  ): Promise<Wire<TrackedLinkDto>> {
    return this.service.update(workspaceId, linkId, dto);
  }

  @Delete(':linkId')
  @HttpCode(204)
  remove(@Param('workspaceId') workspaceId: string, @Param('linkId', ParseUUIDPipe) linkId: string) {
    return this.service.remove(workspaceId, linkId);
  }
}
