import type { BrandDto, Role, WorkspaceDto } from '@vigie/contracts';
import { createContext, useContext } from 'react';

export interface WorkspaceContextValue {
  workspace: WorkspaceDto;
  workspaces: WorkspaceDto[];
  brands: BrandDto[];
  reloadBrands(): void;
  /** After a settings change (name, time zone). */
  reloadWorkspaces(): void;
  role: Role;
  /** cm and admin act (sync, triage, configure); a viewer only reads. */
  canAct: boolean;
  isAdmin: boolean;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function useWorkspace(): WorkspaceContextValue {
  const ctx = useContext(WorkspaceContext);
  if (!ctx) throw new Error('useWorkspace outside a workspace route');
  return ctx;
}
