import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { Brand } from './brand.entity';
import { BrandsRepository } from './brands.repository';
import type { CreateBrandDto, UpdateBrandDto } from './brands.dto';

@Injectable()
export class BrandsService {
  constructor(private readonly brands: BrandsRepository) {}

  list(workspaceId: string) {
    return this.brands.list(workspaceId);
  }

  /** Scoped lookup used by every module that receives a brandId from a client. */
  async get(workspaceId: string, id: string): Promise<Brand> {
    const brand = await this.brands.find(workspaceId, id);
    if (!brand) throw new NotFoundException('Brand not found');
    return brand;
  }

  async create(workspaceId: string, dto: CreateBrandDto) {
    try {
      return await this.brands.insert({ workspaceId, logoUrl: null, ...dto });
    } catch (e) {
      if (e instanceof QueryFailedError && /brands_workspace_id_name_key|unique/i.test(e.message)) {
        throw new ConflictException(`A brand named "${dto.name}" already exists in this workspace`);
      }
      throw e;
    }
  }

  async update(workspaceId: string, id: string, dto: UpdateBrandDto) {
    await this.get(workspaceId, id);
    await this.brands.update(workspaceId, id, dto);
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string) {
    await this.get(workspaceId, id);
    await this.brands.delete(workspaceId, id);
  }
}
