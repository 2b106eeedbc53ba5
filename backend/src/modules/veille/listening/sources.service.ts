import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { ListeningSourcesRepository } from '../listening-sources.repository';
import type { ListeningSource } from './listening-source.entity';
import type { CreateSourceDto, UpdateSourceDto } from './sources.dto';
import { checkUserUrl } from '../../../common/http/user-url';

export function toSourceDto(s: ListeningSource) {
  return {
    id: s.id,
    url: s.url,
    name: s.name,
    active: s.active,
    lastPolledAt: s.lastPolledAt,
    lastStatus: s.lastStatus,
    lastError: s.lastError,
    createdAt: s.createdAt,
  };
}

@Injectable()
export class SourcesService {
  constructor(
    private readonly sources: ListeningSourcesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(workspaceId: string) {
    return (await this.sources.list(workspaceId)).map(toSourceDto);
  }

  async get(workspaceId: string, id: string): Promise<ListeningSource> {
    const s = await this.sources.findInWorkspace(workspaceId, id);
    if (!s) throw new NotFoundException('Source not found');
    return s;
  }

  async create(workspaceId: string, dto: CreateSourceDto) {
    const url = await checkUserUrl('url', dto.url, this.config.allowPrivateUrls);
    try {
      const saved = await this.sources.insert({ workspaceId, url, name: dto.name, active: dto.active ?? true, etag: null, lastModified: null });
      return toSourceDto(saved);
    } catch (e) {
      if (e instanceof QueryFailedError && /unique|duplicate/i.test(e.message)) throw new ConflictException('This feed is already a source');
      throw e;
    }
  }

  async update(workspaceId: string, id: string, dto: UpdateSourceDto) {
    const s = await this.get(workspaceId, id);
    if (dto.url !== undefined && dto.url !== s.url) {
      s.url = await checkUserUrl('url', dto.url, this.config.allowPrivateUrls);
      // A new feed: its validators no longer apply.
      s.etag = null;
      s.lastModified = null;
    }
    if (dto.name !== undefined) s.name = dto.name;
    if (dto.active !== undefined) s.active = dto.active;
    return toSourceDto(await this.sources.save(s));
  }

  async remove(workspaceId: string, id: string) {
    await this.get(workspaceId, id);
    await this.sources.delete(workspaceId, id);
  }
}
