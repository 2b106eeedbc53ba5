import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, type Repository } from 'typeorm';
import { Brand } from './brand.entity';
import type { CreateBrandDto, UpdateBrandDto } from './brands.dto';

@Injectable()
export class BrandsService {
  constructor(@InjectRepository(Brand) private readonly brands: Repository<Brand>) {}

  list(workspaceId: string) {
    return this.brands.find({ where: { workspaceId }, order: { kind: 'DESC', name: 'ASC' } });
  }

  /** Scoped lookup used by every module that receives a brandId from a client. */
  async get(workspaceId: string, id: string): Promise<Brand> {
    const brand = await this.brands.findOne({ where: { workspaceId, id } });
    if (!brand) throw new NotFoundException('Brand not found');
    return brand;
  }

  async create(workspaceId: string, dto: CreateBrandDto) {
    try {
      return await this.brands.save(this.brands.create({ workspaceId, logoUrl: null, ...dto }));
    } catch (e) {
      if (e instanceof QueryFailedError && /brands_workspace_id_name_key|unique/i.test(e.message)) {
        throw new ConflictException(`A brand named "${dto.name}" already exists in this workspace`);
      }
      throw e;
    }
  }

  async update(workspaceId: string, id: string, dto: UpdateBrandDto) {
    await this.get(workspaceId, id);
    await this.brands.update({ workspaceId, id }, dto);
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string) {
    await this.get(workspaceId, id);
    await this.brands.delete({ workspaceId, id });
  }
}
