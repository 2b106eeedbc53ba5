import { NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export interface WorkspaceContext {
  timezone: string;
  language: 'fr' | 'en';
  pseudonymize: boolean;
}

/** Time zone, language and the pseudonymisation setting the inbox needs for one workspace. */
export async function loadWorkspaceContext(ds: Pick<DataSource, 'query'>, workspaceId: string): Promise<WorkspaceContext> {
  const [w] = (await ds.query(
    `SELECT timezone, language, settings->'pseudonymizeAuthors' AS pseudo FROM workspaces WHERE id = $1`,
    [workspaceId],
  )) as Array<{ timezone: string; language: 'fr' | 'en'; pseudo: unknown }>;
  if (!w) throw new NotFoundException('Workspace not found');
  return { timezone: w.timezone, language: w.language, pseudonymize: w.pseudo !== false };
}
