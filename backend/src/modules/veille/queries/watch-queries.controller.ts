import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../common/auth/principal';
import { MinRole } from '../../../common/auth/roles';
import { PreviewService } from './preview.service';
import { CreateWatchQueryDto, ListWatchQueriesDto, PreviewQueryDto, UpdateWatchQueryDto } from './watch-queries.dto';
import { WatchQueriesService } from './watch-queries.service';
import { ApiReply, type Wire } from '../../../common/http/api-reply';
import type { ListeningStatusDto, QueryPreviewDto, WatchQueryDto } from '@vigie/contracts';

@ApiTags('veille')
@Controller('workspaces/:workspaceId/watch-queries')
export class WatchQueriesController {
  constructor(
    private readonly service: WatchQueriesService,
    private readonly preview: PreviewService,
  ) {}

  @ApiReply(['WatchQueryDto'])
  @Get()
  list(@Param('workspaceId') workspaceId: string, @Query() q: ListWatchQueriesDto): Promise<Wire<WatchQueryDto[]>> {
    return this.service.list(workspaceId, q.brandId);
  }

  @ApiReply('WatchQueryDto')
  @Post()
  create(@Param('workspaceId') workspaceId: string, @CurrentPrincipal() p: Principal, @Body() dto: CreateWatchQueryDto): Promise<Wire<WatchQueryDto>> {
    return this.service.create(workspaceId, p.userId, dto);
  }

  /** Runs a draft query (nothing is written): viewers may try queries too. */
  @ApiReply('QueryPreviewDto')
  @Post('preview')
  @MinRole('viewer')
  @HttpCode(200)
  runPreview(@Param('workspaceId') workspaceId: string, @Body() dto: PreviewQueryDto): Wire<QueryPreviewDto> | Promise<Wire<QueryPreviewDto>> {
    if (dto.texts) return this.preview.previewTexts(dto.query, dto.texts);
    return this.preview.previewStored(workspaceId, dto.query, dto.brandId);
  }

  @ApiReply('WatchQueryDto')
  @Get(':queryId')
  get(@Param('workspaceId') workspaceId: string, @Param('queryId', ParseUUIDPipe) queryId: string): Promise<Wire<WatchQueryDto>> {
    return this.service.get(workspaceId, queryId);
  }

  /** Listening status: per platform and search string, the last poll, error and notice (e.g. no full-text search on a Mastodon instance). */
  @ApiReply(['ListeningStatusDto'])
  @Get(':queryId/listening')
  listening(@Param('workspaceId') workspaceId: string, @Param('queryId', ParseUUIDPipe) queryId: string): Promise<Wire<ListeningStatusDto[]>> {
    return this.service.listening(workspaceId, queryId);
  }

  @ApiReply('WatchQueryDto')
  @Patch(':queryId')
  update(
    @Param('workspaceId') workspaceId: string,
    @Param('queryId', ParseUUIDPipe) queryId: string,
    @Body() dto: UpdateWatchQueryDto,
  ): Promise<Wire<WatchQueryDto>> {
    return this.service.update(workspaceId, queryId, dto);
  }

  @Delete(':queryId')
  @HttpCode(204)
  remove(@Param('workspaceId') workspaceId: string, @Param('queryId', ParseUUIDPipe) queryId: string) {
    return this.service.remove(workspaceId, queryId);
  }
}
