import type { IsoDateTime, Language, Role } from './common';

export interface WorkspaceSettingsDto {
  pseudonymizeAuthors?: boolean;
  retentionDays?: number | null;
  [key: string]: unknown;
}

/** `GET /workspaces/:id`; the list and the creation add the caller's `role`. */
export interface WorkspaceDto {
  id: string;
  name: string;
  timezone: string;
  language: Language;
  settings: WorkspaceSettingsDto;
  isDemo: boolean;
  /** Viewers may submit inbox replies, which wait for a cm/admin's approval. */
  repliesNeedApproval: boolean;
  createdAt: IsoDateTime;
  role?: Role;
}

/** `GET /workspaces/:id/members` items. */
export interface MemberDto {
  id: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: IsoDateTime;
}

/** `POST /workspaces/:id/members`: a new user gets a temporary password, shown once. */
export interface InvitedMemberDto {
  id: string;
  userId: string;
  email: string;
  role: Role;
  temporaryPassword?: string;
}

/** `PATCH /workspaces/:id/members/:memberId`. */
export interface MemberRoleDto {
  id: string;
  userId: string;
  role: Role;
}
