import { Injectable, NotFoundException } from '@nestjs/common';
import { BrandsService } from '../brands/brands.service';
import { InboxQueryService } from './inbox-query.service';
import { renderSavedReply } from './saved-reply-render';
import { SavedRepliesRepository, type SavedReplyRow, type SavedReplyValues } from './saved-replies.repository';

/** Saved replies (templates, FR/EN, optionally per brand) and their rendering for one item, as plain text. */
@Injectable()
export class SavedRepliesService {
  constructor(
    private readonly saved: SavedRepliesRepository,
    private readonly brands: BrandsService,
    private readonly query: InboxQueryService,
  ) {}

  async list(workspaceId: string) {
    return (await this.saved.list(workspaceId)).map(savedReplyView);
  }

  async create(workspaceId: string, userId: string, v: SavedReplyValues) {
    if (v.brandId) await this.brands.get(workspaceId, v.brandId);
    return savedReplyView(await this.saved.insert(workspaceId, userId, v));
  }

  async update(workspaceId: string, id: string, v: Partial<SavedReplyValues>) {
    if (v.brandId) await this.brands.get(workspaceId, v.brandId);
    const row = await this.saved.update(workspaceId, id, v);
    if (!row) throw new NotFoundException('Saved reply not found');
    return savedReplyView(row);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    if (!(await this.saved.remove(workspaceId, id))) throw new NotFoundException('Saved reply not found');
  }

  /** The template filled in for one item: the author as the inbox shows them, the item's brand, the calling member. */
  async render(workspaceId: string, id: string, itemId: string, userId: string) {
    const row = await this.saved.get(workspaceId, id);
    if (!row) throw new NotFoundException('Saved reply not found');
    const item = await this.query.item(workspaceId, itemId);
    const brand = await this.brands.get(workspaceId, item.brandId);
    const agent = (await this.saved.userName(userId)) ?? '';
    return { id: row.id, text: renderSavedReply(row.body, { author: item.author?.name ?? '', brand: brand.name, agent }) };
  }
}

export function savedReplyView(r: SavedReplyRow) {
  return {
    id: r.id,
    brandId: r.brand_id,
    language: r.language,
    title: r.title,
    body: r.body,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
