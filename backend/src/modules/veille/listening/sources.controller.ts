import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateSourceDto, UpdateSourceDto } from './sources.dto';
import { SourcesService, toSourceDto } from './sources.service';
import { ApiReply, type Wire } from '../../../common/http/api-reply';
import type { ListeningSourceDto } from '@vigie/contracts';

/** RSS/Atom listening sources (news sites, blogs). */
@ApiTags('veille')
@Controller('workspaces/:workspaceId/sources')
export class SourcesController {
  constructor(private readonly service: SourcesService) {}

  @ApiReply(['ListeningSourceDto'])
  @Get()
  list(@Param('workspaceId') workspaceId: string): Promise<Wire<ListeningSourceDto[]>> {
    return this.service.list(workspaceId);
  }

  @ApiReply('ListeningSourceDto')
  @Post()
  create(@Param('workspaceId') workspaceId: string, @Body() dto: CreateSourceDto): Promise<Wire<ListeningSourceDto>> {
    return this.service.create(workspaceId, dto);
  }

  @ApiReply('ListeningSourceDto')
  @Get(':sourceId')
  async get(@Param('workspaceId') workspaceId: string, @Param('sourceId', ParseUUIDPipe) sourceId: string): Promise<Wire<ListeningSourceDto>> {
    return toSourceDto(await this.service.get(workspaceId, sourceId));
  }

  @ApiReply('ListeningSourceDto')
  @Patch(':sourceId')
  update(@Param('workspaceId') workspaceId: string, @Param('sourceId', ParseUUIDPipe) sourceId: string, @Body() dto: UpdateSourceDto): Promise<Wire<ListeningSourceDto>> {
    return this.service.update(workspaceId, sourceId, dto);
  }

  @Delete(':sourceId')
  @HttpCode(204)
  remove(@Param('workspaceId') workspaceId: string, @Param('sourceId', ParseUUIDPipe) sourceId: string) {
    return this.service.remove(workspaceId, sourceId);
  }
}
