import type { IsoDateTime, Role } from './common';

/** `GET /auth/me`, `POST /auth/login`. */
export interface MeDto {
  user: { id: string; email: string; name: string; isInstanceAdmin: boolean };
  memberships: Array<{ workspaceId: string; role: Role }>;
  /** Cookie sessions only (API tokens need none). */
  csrfToken?: string;
}

/** `GET /auth/tokens` items, `POST /auth/tokens`. */
export interface ApiTokenDto {
  id: string;
  name: string;
  workspaceId: string;
  role: Role;
  createdAt: IsoDateTime;
  lastUsedAt?: IsoDateTime | null;
  revokedAt?: IsoDateTime | null;
  /** Only in the creation response. */
  token?: string;
}
