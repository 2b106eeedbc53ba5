import { NotFoundException } from '@nestjs/common';
import type { InboxItemsRepository } from './inbox-items.repository';

export interface WorkspaceContext {
  timezone: string;
  language: 'fr' | 'en';
  pseudonymize: boolean;
}

/**
 * Time zone, language and the pseudonymisation setting the inbox needs for one workspace; with
 * `brandId`, also checks that brand belongs to it (404 otherwise) in the same round trip.
 */
export async function loadWorkspaceContext(
  items: Pick<InboxItemsRepository, 'workspaceContext'>,
  workspaceId: string,
  brandId?: string,
): Promise<WorkspaceContext> {
  const w = await items.workspaceContext(workspaceId, brandId);
  if (!w) throw new NotFoundException('Workspace not found');
  if (!w.brand_found) throw new NotFoundException('Brand not found');
  // Absent setting = on: privacy by default.
  return { timezone: w.timezone, language: w.language, pseudonymize: w.pseudo !== false };
}
