import { Injectable, NotFoundException } from '@nestjs/common';
import { BrandsService } from '../../brands/brands.service';
import { WatchQueriesRepository } from '../watch-queries.repository';
import { parseOr400 } from './query-error';
import { WatchQuery } from './watch-query.entity';
import type { CreateWatchQueryDto, UpdateWatchQueryDto } from './watch-queries.dto';
import { ListeningSourcesRepository } from '../listening-sources.repository';

@Injectable()
export class WatchQueriesService {
  constructor(
    private readonly queries: WatchQueriesRepository,
    private readonly brands: BrandsService,
    private readonly cursors: ListeningSourcesRepository,
  ) {}

  /** Per platform search string of the query: last poll, newest result, last error, and what the platform could not do. */
  async listening(workspaceId: string, id: string) {
    await this.get(workspaceId, id);
    return (await this.cursors.cursorsOfQuery(workspaceId, id)).map((c) => ({ ...c, fullText: c.notice === null }));
  }

  list(workspaceId: string, brandId?: string) {
    return this.queries.list(workspaceId, brandId);
  }

  async get(workspaceId: string, id: string): Promise<WatchQuery> {
    const row = await this.queries.findInWorkspace(workspaceId, id);
    if (!row) throw new NotFoundException('Watch query not found');
    return row;
  }

  async create(workspaceId: string, userId: string, dto: CreateWatchQueryDto) {
    await this.brands.get(workspaceId, dto.brandId);
    parseOr400(dto.query);
    return this.queries.insert({
      workspaceId,
      brandId: dto.brandId,
      kind: dto.kind,
      name: dto.name,
      query: dto.query,
      active: dto.active ?? true,
      createdBy: userId,
    });
  }

  async update(workspaceId: string, id: string, dto: UpdateWatchQueryDto) {
    const row = await this.get(workspaceId, id);
    if (dto.query !== undefined) parseOr400(dto.query);
    Object.assign(row, dto);
    return this.queries.save(row);
  }

  async remove(workspaceId: string, id: string) {
    await this.get(workspaceId, id);
    await this.queries.delete(workspaceId, id);
  }
}
