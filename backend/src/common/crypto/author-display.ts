import { createHash, createHmac } from 'node:crypto';

export type DisplayLanguage = 'fr' | 'en';

const PREFIX: Record<DisplayLanguage, string> = { fr: 'Utilisateur', en: 'User' };

/**
 * Stable pseudonym of one platform account in one workspace: the same value ingestion stores
 * in authors.pseudonym ('Utilisateur ' + 4 upper hex of md5(salt:platform:externalId), see
 * posts/content-upsert.sql.ts), worded in the reader's language. `workspaceSalt` is
 * pseudonymSalt(secretKey, workspaceId): secret, so a pseudonym cannot be recomputed from a handle.
 */
export function pseudonymFor(workspaceSalt: string, platform: string, externalId: string, language: DisplayLanguage = 'fr'): string {
  const code = createHash('md5').update(`${workspaceSalt}:${platform}:${externalId}`).digest('hex').slice(0, 4).toUpperCase();
  return `${PREFIX[language]} ${code}`;
}

/** A stored pseudonym ('Utilisateur 7F3A') in the reader's language ('User 7F3A'). */
export function localizePseudonym(stored: string, language: DisplayLanguage): string {
  const m = /^(?:Utilisateur|User) ([0-9A-F]{4})$/.exec(stored);
  return m ? `${PREFIX[language]} ${m[1]}` : stored;
}

export interface AuthorFields {
  pseudonym: string | null;
  handle: string | null;
  displayName: string | null;
  /** Set once the person asked for erasure: never shown by name again. */
  erased?: boolean;
}

export interface AuthorDisplay {
  /** What to print: the pseudonym, or the real name when the workspace turned pseudonymisation off. */
  name: string;
  /** The platform handle, only when not pseudonymised. */
  handle: string | null;
  pseudonymized: boolean;
}

export interface DisplayOptions {
  pseudonymize: boolean;
  language: DisplayLanguage;
}

/**
 * How an author is shown in the UI, exports and reports. Pseudonymised (the default) shows
 * only the stable pseudonym; otherwise the display name, else the handle. An erased or
 * retention-purged author (no name left) falls back to the pseudonym.
 */
export function displayAuthor(author: AuthorFields | null, opts: DisplayOptions): AuthorDisplay | null {
  if (!author || author.pseudonym === null) return null;
  const pseudo = localizePseudonym(author.pseudonym, opts.language);
  if (opts.pseudonymize || author.erased) return { name: pseudo, handle: null, pseudonymized: true };
  const name = author.displayName ?? author.handle;
  if (!name) return { name: pseudo, handle: null, pseudonymized: true };
  return { name, handle: author.handle, pseudonymized: false };
}

/**
 * A stable, opaque key for a pseudonymised platform account (React keys, de-duplication): HMAC of
 * the account with the workspace's secret salt, so it never reveals the platform id.
 */
export function opaqueAuthorKey(workspaceSalt: string, platform: string, externalId: string): string {
  return `p_${createHmac('sha256', workspaceSalt).update(`author:${platform}:${externalId}`).digest('hex').slice(0, 20)}`;
}
