import { NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';

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
  ds: Pick<DataSource, 'query'>,
  workspaceId: string,
  brandId?: string,
): Promise<WorkspaceContext> {
  const [w] = (await ds.query(
    `SELECT timezone, language, settings->'pseudonymizeAuthors' AS pseudo,
       $2::uuid IS NULL OR EXISTS (SELECT 1 FROM brands b WHERE b.workspace_id = w.id AND b.id = $2::uuid) AS brand_found
     FROM workspaces w WHERE id = $1`,
    [workspaceId, brandId ?? null],
  )) as Array<{ timezone: string; language: 'fr' | 'en'; pseudo: unknown; brand_found: boolean }>;
  if (!w) throw new NotFoundException('Workspace not found');
  if (!w.brand_found) throw new NotFoundException('Brand not found');
  return { timezone: w.timezone, language: w.language, pseudonymize: w.pseudo !== false };
}
