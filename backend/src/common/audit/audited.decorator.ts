import { SetMetadata } from '@nestjs/common';

export const AUDITED_KEY = 'vigie:audited';

export interface AuditedOptions {
  /** Record the request body (secrets stripped) as metadata; false for routes whose body names a person. */
  body?: boolean;
  /** Route parameter holding the target's id (default: the last parameter other than workspaceId). */
  targetParam?: string;
  /**
   * Where the workspace comes from when the route has no :workspaceId: the request body's
   * `workspaceId`, the response's `id` (creating a workspace), or a table looked up by the target id.
   */
  workspaceFrom?: 'body' | 'response' | { table: string; column?: string };
}

export interface AuditedMeta extends AuditedOptions {
  action: string;
}

/**
 * Marks an admin or configuration route: the global audit interceptor writes one audit_log row
 * (who, what, when, target, status) after it succeeds. Action names are `<area>.<verb>`,
 * e.g. `brand.create`, `member.role`, `privacy.erasure`.
 */
export const Audited = (action: string, options: AuditedOptions = {}) =>
  SetMetadata(AUDITED_KEY, { action, ...options } satisfies AuditedMeta);
