import { createHmac } from 'node:crypto';

/**
 * Per-workspace salt of author pseudonyms: HMAC(instance secret key, workspace id). Secret, so
 * a pseudonym cannot be reversed by hashing known handles; per workspace, so two workspaces do
 * not share pseudonyms. The pseudonym itself is computed in SQL at insert (modules/posts/content-upsert.sql.ts) and
 * stored, so a later key rotation never renames existing authors.
 */
export function pseudonymSalt(secretKey: Buffer, workspaceId: string): string {
  return createHmac('sha256', secretKey).update(`pseudonym:${workspaceId}`).digest('hex');
}
