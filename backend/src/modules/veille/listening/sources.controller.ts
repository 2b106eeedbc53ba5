import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateSourceDto, UpdateSourceDto } from './sources.dto';
import { SourcesService, toSourceDto } from './sources.service';

/** RSS/Atom listening sources (news sites, blogs). */
@ApiTags('veille')
@Controller('workspaces/:workspaceId/sources')
export class SourcesController {
  constructor(private readonly service: SourcesService) {}

  @Get()
  list(@Param('workspaceId') workspaceId: string) {
    return this.service.list(workspaceId);
  }

  @Post()
  create(@Param('workspaceId') workspaceId: string, @Body() dto: CreateSourceDto) {
    return this.service.create(workspaceId, dto);
  }

  @Get(':sourceId')
  async get(@Param('workspaceId') workspaceId: string, @Param('sourceId', ParseUUIDPipe) sourceId: string) {
    return toSourceDto(await this.service.get(workspaceId, sourceId));
  }

  @Patch(':sourceId')
  update(@Param('workspaceId') workspaceId: string, @Param('sourceId', ParseUUIDPipe) sourceId: string, @Body() dto: UpdateSourceDto) {
    return this.service.update(workspaceId, sourceId, dto);
  }

  @Delete(':sourceId')
  @HttpCode(204)
  remove(@Param('workspaceId') workspaceId: string, @Param('sourceId', ParseUUIDPipe) sourceId: string) {
    return this.service.remove(workspaceId, sourceId);
  }
}
