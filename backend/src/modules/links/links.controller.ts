import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MinRole } from '../../common/auth/roles';
import { CreateLinkDto, ListLinksQueryDto, UpdateLinkDto } from './links.dto';
import { LinksService } from './links.service';

@ApiTags('links')
@Controller('workspaces/:workspaceId/links')
export class LinksController {
  constructor(private readonly service: LinksService) {}

  @Get()
  list(@Param('workspaceId') workspaceId: string, @Query() query: ListLinksQueryDto) {
    return this.service.list(workspaceId, query);
  }

  @Post()
  create(@Param('workspaceId') workspaceId: string, @Body() dto: CreateLinkDto) {
    return this.service.create(workspaceId, dto);
  }

  /** The conversion-webhook secret: admins only, it lets anyone post conversions. */
  @Get('settings')
  @MinRole('admin')
  settings(@Param('workspaceId') workspaceId: string) {
    return this.service.settings(workspaceId);
  }

  @Post('settings/rotate-secret')
  @MinRole('admin')
  @HttpCode(200)
  rotate(@Param('workspaceId') workspaceId: string) {
    return this.service.rotateWebhookSecret(workspaceId);
  }

  @Get(':linkId')
  get(@Param('workspaceId') workspaceId: string, @Param('linkId', ParseUUIDPipe) linkId: string) {
    return this.service.get(workspaceId, linkId);
  }

  @Patch(':linkId')
  update(
    @Param('workspaceId') workspaceId: string,
    @Param('linkId', ParseUUIDPipe) linkId: string,
    @Body() dto: UpdateLinkDto,
  ) {
    return this.service.update(workspaceId, linkId, dto);
  }

  @Delete(':linkId')
  @HttpCode(204)
  remove(@Param('workspaceId') workspaceId: string, @Param('linkId', ParseUUIDPipe) linkId: string) {
    return this.service.remove(workspaceId, linkId);
  }
}
