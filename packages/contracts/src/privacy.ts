import type { IsoDateTime } from './common';

/** `GET|PATCH /workspaces/:id/privacy`. */
export interface PrivacySettingsDto {
  pseudonymizeAuthors: boolean;
  /** Days after which texts and identities are purged; null = kept. */
  retentionDays: number | null;
}

/** `POST /workspaces/:id/privacy/erasure`. */
export interface ErasureResultDto {
  erasureId: string;
  /** Rows touched per table. */
  counts: Record<string, number>;
}

/** `GET /workspaces/:id/privacy/access`: everything held about one person, by table. */
export interface AccessExportDto {
  subject: { platform: string; handles: string[]; externalIds: string[] };
  generatedAt: IsoDateTime;
  [table: string]: unknown;
}

export interface AuditEntryDto {
  id: string;
  at: IsoDateTime;
  user: { id: string | null; email: string | null } | null;
  via: string | null;
  action: string;
  target: { type: string; id: string | null } | null;
  statusCode: number | null;
  metadata: Record<string, unknown>;
}

/** `GET /workspaces/:id/audit-log`. */
export interface AuditLogPageDto {
  items: AuditEntryDto[];
  nextCursor: string | null;
}
