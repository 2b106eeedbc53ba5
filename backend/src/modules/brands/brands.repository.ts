import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { Brand } from './brand.entity';

export type BrandValues = Pick<Brand, 'workspaceId' | 'name' | 'kind' | 'logoUrl'>;

/** The `brands` table (own brands and competitors of a workspace). */
@Injectable()
export class BrandsRepository {
  constructor(@InjectRepository(Brand) private readonly brands: Repository<Brand>) {}

  /** Own brands first, then by name. */
  list(workspaceId: string): Promise<Brand[]> {
    return this.brands.find({ where: { workspaceId }, order: { kind: 'DESC', name: 'ASC' } });
  }

  find(workspaceId: string, id: string): Promise<Brand | null> {
    return this.brands.findOne({ where: { workspaceId, id } });
  }

  findByName(workspaceId: string, name: string): Promise<Brand | null> {
    return this.brands.findOne({ where: { workspaceId, name } });
  }

  /** Several brands in one save (the demo workspace's brands). */
  insertMany(values: BrandValues[]): Promise<Brand[]> {
    return this.brands.save(values.map((v) => this.brands.create(v)));
  }

  insert(values: BrandValues, tx?: EntityManager): Promise<Brand> {
    const repo = tx ? tx.getRepository(Brand) : this.brands;
    return repo.save(repo.create(values));
  }

  async update(workspaceId: string, id: string, values: Partial<Pick<Brand, 'name' | 'kind' | 'logoUrl'>>): Promise<void> {
    await this.brands.update({ workspaceId, id }, values);
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.brands.delete({ workspaceId, id });
  }
}
