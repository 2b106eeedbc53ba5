import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../common/auth/principal';
import { MinRole } from '../../../common/auth/roles';
import { PreviewService } from './preview.service';
import { CreateWatchQueryDto, ListWatchQueriesDto, PreviewQueryDto, UpdateWatchQueryDto } from './watch-queries.dto';
import { WatchQueriesService } from './watch-queries.service';

@ApiTags('veille')
@Controller('workspaces/:workspaceId/watch-queries')
export class WatchQueriesController {
  constructor(
    private readonly service: WatchQueriesService,
    private readonly preview: PreviewService,
  ) {}

  @Get()
  list(@Param('workspaceId') workspaceId: string, @Query() q: ListWatchQueriesDto) {
    return this.service.list(workspaceId, q.brandId);
  }

  @Post()
  create(@Param('workspaceId') workspaceId: string, @CurrentPrincipal() p: Principal, @Body() dto: CreateWatchQueryDto) {
    return this.service.create(workspaceId, p.userId, dto);
  }

  /** Runs a draft query (nothing is written): viewers may try queries too. */
  @Post('preview')
  @MinRole('viewer')
  @HttpCode(200)
  runPreview(@Param('workspaceId') workspaceId: string, @Body() dto: PreviewQueryDto) {
    if (dto.texts) return this.preview.previewTexts(dto.query, dto.texts);
    return this.preview.previewStored(workspaceId, dto.query, dto.brandId);
  }

  @Get(':queryId')
  get(@Param('workspaceId') workspaceId: string, @Param('queryId', ParseUUIDPipe) queryId: string) {
    return this.service.get(workspaceId, queryId);
  }

  @Patch(':queryId')
  update(
    @Param('workspaceId') workspaceId: string,
    @Param('queryId', ParseUUIDPipe) queryId: string,
    @Body() dto: UpdateWatchQueryDto,
  ) {
    return this.service.update(workspaceId, queryId, dto);
  }

  @Delete(':queryId')
  @HttpCode(204)
  remove(@Param('workspaceId') workspaceId: string, @Param('queryId', ParseUUIDPipe) queryId: string) {
    return this.service.remove(workspaceId, queryId);
  }
}
