import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { BrandsService } from '../../brands/brands.service';
import { parseOr400 } from './query-error';
import { WatchQuery } from './watch-query.entity';
import type { CreateWatchQueryDto, UpdateWatchQueryDto } from './watch-queries.dto';

@Injectable()
export class WatchQueriesService {
  constructor(
    @InjectRepository(WatchQuery) private readonly queries: Repository<WatchQuery>,
    private readonly brands: BrandsService,
  ) {}

  list(workspaceId: string, brandId?: string) {
    return this.queries.find({
      where: brandId ? { workspaceId, brandId } : { workspaceId },
      order: { createdAt: 'ASC' },
    });
  }

  async get(workspaceId: string, id: string): Promise<WatchQuery> {
    const row = await this.queries.findOne({ where: { workspaceId, id } });
    if (!row) throw new NotFoundException('Watch query not found');
    return row;
  }

  async create(workspaceId: string, userId: string, dto: CreateWatchQueryDto) {
    await this.brands.get(workspaceId, dto.brandId);
    parseOr400(dto.query);
    return this.queries.save(
      this.queries.create({
        workspaceId,
        brandId: dto.brandId,
        kind: dto.kind,
        name: dto.name,
        query: dto.query,
        active: dto.active ?? true,
        createdBy: userId,
      }),
    );
  }

  async update(workspaceId: string, id: string, dto: UpdateWatchQueryDto) {
    const row = await this.get(workspaceId, id);
    if (dto.query !== undefined) parseOr400(dto.query);
    Object.assign(row, dto);
    return this.queries.save(row);
  }

  async remove(workspaceId: string, id: string) {
    await this.get(workspaceId, id);
    await this.queries.delete({ workspaceId, id });
  }
}
