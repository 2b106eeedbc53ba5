/**
 * DTO types of the HTTP contract (ARCHITECTURE.md), shared by backend and frontend.
 * Types only: nothing here runs.
 */
export type Role = 'admin' | 'cm' | 'viewer';
export type BrandKind = 'own' | 'competitor';
export type ChannelStatus = 'ok' | 'degraded' | 'failing';
export type Platform =
  | 'facebook'
  | 'instagram'
  | 'youtube'
  | 'x'
  | 'linkedin'
  | 'tiktok'
  | 'mastodon'
  | 'bluesky'
  | 'reddit'
  | 'rss';

export interface ApiError {
  statusCode: number;
  message: string;
  details?: Array<{ field: string; errors: string[] }> | Record<string, unknown>;
  position?: number;
}

export interface HealthDto {
  status: 'ok' | 'degraded' | 'down';
  database: 'up' | 'down';
  queue: 'bullmq' | 'inline';
  queueState: 'up' | 'down';
}

export interface MeDto {
  user: { id: string; email: string; name: string; isInstanceAdmin: boolean };
  memberships: Array<{ workspaceId: string; role: Role }>;
  csrfToken?: string;
}

export interface WorkspaceDto {
  id: string;
  name: string;
  timezone: string;
  language: 'fr' | 'en';
  settings: { pseudonymizeAuthors?: boolean; retentionDays?: number | null; [key: string]: unknown };
  isDemo: boolean;
  createdAt: string;
  role?: Role;
}

export interface MemberDto {
  id: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface BrandDto {
  id: string;
  workspaceId: string;
  name: string;
  kind: BrandKind;
  logoUrl: string | null;
  createdAt: string;
}

export interface ChannelDto {
  id: string;
  brandId: string;
  platform: Platform;
  handle: string;
  externalId: string | null;
  displayName: string | null;
  baseUrl: string | null;
  status: ChannelStatus;
  lastError: string | null;
  lastErrorAt: string | null;
  lastSuccessAt: string | null;
  lastSyncAt: string | null;
  createdAt: string;
}

export interface ApiTokenDto {
  id: string;
  name: string;
  workspaceId: string;
  role: Role;
  createdAt: string;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
  /** Only in the creation response. */
  token?: string;
}
