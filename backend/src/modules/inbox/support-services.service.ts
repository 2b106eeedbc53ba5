import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { CreateServiceDto, UpdateServiceDto } from './services.dto';
import { SERVICE_KINDS, type ServiceKind, type SupportService } from './support-service.entity';
import { SupportServicesRepository } from './support-services.repository';

/** The four services every workspace starts with, named in the workspace's language. */
export const DEFAULT_SERVICES: Record<'fr' | 'en', Array<{ name: string; kind: ServiceKind }>> = {
  fr: [
    { name: 'SAV', kind: 'sav' },
    { name: 'Commercial', kind: 'commercial' },
    { name: 'RH', kind: 'rh' },
    { name: 'Communication', kind: 'communication' },
  ],
  en: [
    { name: 'Customer service', kind: 'sav' },
    { name: 'Sales', kind: 'commercial' },
    { name: 'HR', kind: 'rh' },
    { name: 'Communication', kind: 'communication' },
  ],
};

export function toServiceDto(s: SupportService) {
  return { id: s.id, name: s.name, email: s.email, kind: s.kind, createdAt: s.createdAt };
}

@Injectable()
export class SupportServicesService {
  constructor(private readonly services: SupportServicesRepository) {}

  async list(workspaceId: string) {
    await this.seedDefaults(workspaceId);
    const rows = await this.services.listActive(workspaceId);
    // Seeded services share one timestamp: order them SAV, commercial, RH, communication, other.
    const rank = (s: SupportService) => SERVICE_KINDS.indexOf(s.kind);
    rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || rank(a) - rank(b) || a.name.localeCompare(b.name));
    return rows.map(toServiceDto);
  }

  /**
   * Seeds the defaults once: only when the workspace never had a service (deleted services are
   * archived, so deleting all four does not bring them back). Concurrent calls are safe.
   */
  async seedDefaults(workspaceId: string): Promise<void> {
    const defaults = [...DEFAULT_SERVICES.fr, ...DEFAULT_SERVICES.en];
    await this.services.seedDefaultsOnce(
      workspaceId,
      defaults.map((d, pos) => ({ ...d, pos, lang: pos < DEFAULT_SERVICES.fr.length ? 'fr' : 'en' })),
    );
  }

  /** Scoped lookup of an active service: 404 for another workspace's id or an archived one. */
  async get(workspaceId: string, id: string): Promise<SupportService> {
    const s = await this.services.findActive(workspaceId, id);
    if (!s) throw new NotFoundException('Service not found');
    return s;
  }

  async create(workspaceId: string, dto: CreateServiceDto) {
    await this.seedDefaults(workspaceId);
    return toServiceDto(
      await this.saveUnique(dto.name, () =>
        this.services.insert({ workspaceId, name: dto.name, email: dto.email ?? null, kind: dto.kind }),
      ),
    );
  }

  async update(workspaceId: string, id: string, dto: UpdateServiceDto) {
    const s = await this.get(workspaceId, id);
    if (dto.name !== undefined) s.name = dto.name;
    if (dto.email !== undefined) s.email = dto.email;
    if (dto.kind !== undefined) s.kind = dto.kind;
    return toServiceDto(await this.saveUnique(s.name, () => this.services.save(s)));
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    await this.get(workspaceId, id);
    await this.services.archive(workspaceId, id);
  }

  private async saveUnique(name: string, save: () => Promise<SupportService>): Promise<SupportService> {
    try {
      return await save();
    } catch (e) {
      if (e instanceof QueryFailedError && /services_workspace_name_key/.test(e.message)) {
        throw new ConflictException(`A service named "${name}" already exists in this workspace`);
      }
      throw e;
    }
  }
}
