import { createHash, randomBytes } from 'node:crypto';
import type { Platform, SandboxAccount } from '../types';
import type { DeadToken } from './token-errors';

/** What one consent granted: the accounts it reaches, until revoked. */
export interface Grant {
  id: string;
  platform: Platform;
  clientId: string;
  accounts: SandboxAccount[];
  scope: string;
  revoked: boolean;
}

interface AuthCode {
  grant: Grant;
  redirectUri: string;
  challenge: string | null;
  expiresAt: number;
  used: boolean;
  givesRefresh: boolean;
}

export interface AccessToken {
  grant: Grant;
  /** Platforms whose API accepts the token (a Meta user token works on Facebook and Instagram). */
  platforms: Platform[];
  /** The accounts the token acts for (a Page token: its Page only). */
  accounts: SandboxAccount[];
  expiresAt: number | null;
  /** `user`: the consent's token; `page`: a Meta Page token derived from it (never expires). */
  kind: 'user' | 'page' | 'session';
}

const CODE_TTL_MS = 10 * 60_000;

export const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');
const random = (prefix: string): string => `${prefix}${randomBytes(24).toString('base64url')}`;

/** In-memory tokens on the sandbox clock; `clear()` on reset. */
export class GrantStore {
  private codes = new Map<string, AuthCode>();
  private access = new Map<string, AccessToken>();
  private refresh = new Map<string, Grant>();
  private grants: Grant[] = [];

  newGrant(platform: Platform, clientId: string, accounts: SandboxAccount[], scope: string): Grant {
    const g: Grant = { id: random('g_'), platform, clientId, accounts, scope, revoked: false };
    this.grants.push(g);
    return g;
  }

  issueCode(grant: Grant, redirectUri: string, challenge: string | null, givesRefresh: boolean, now: number): string {
    const code = random('code_');
    this.codes.set(code, { grant, redirectUri, challenge, expiresAt: now + CODE_TTL_MS, used: false, givesRefresh });
    return code;
  }

  /** Spends a code; the reason it cannot be spent, or the code. */
  redeem(code: string, clientId: string, redirectUri: string | null, verifier: string | null, pkceRequired: boolean, now: number): AuthCode | string {
    const c = this.codes.get(code);
    if (!c) return 'unknown authorization code';
    if (c.used) {
      // RFC 6749 §4.1.2: a code used twice revokes what it gave.
      c.grant.revoked = true;
      return 'This authorization code has been used';
    }
    if (c.expiresAt < now) return 'authorization code expired';
    if (c.grant.clientId !== clientId) return 'authorization code was issued to another client';
    if (c.redirectUri !== redirectUri) return 'redirect_uri does not match the one of the authorization request';
    if (c.challenge || pkceRequired) {
      if (!verifier) return 'code_verifier is required';
      if (!c.challenge || s256(verifier) !== c.challenge) return 'code_verifier does not match the code_challenge';
    }
    c.used = true;
    return c;
  }

  issueAccess(grant: Grant, platforms: Platform[], accounts: SandboxAccount[], ttlSec: number | null, kind: AccessToken['kind'], now: number, prefix = 'at_'): string {
    const token = random(prefix);
    this.access.set(token, { grant, platforms, accounts, kind, expiresAt: ttlSec === null ? null : now + ttlSec * 1000 });
    return token;
  }

  /** Stores a token minted by the caller (Bluesky session JWTs). */
  register(token: string, entry: AccessToken): void {
    this.access.set(token, entry);
  }

  registerRefresh(token: string, grant: Grant): void {
    this.refresh.set(token, grant);
  }

  issueRefresh(grant: Grant, prefix = 'rt_'): string {
    const token = random(prefix);
    this.refresh.set(token, grant);
    return token;
  }

  /** The grant of a refresh token; with `rotate`, the old refresh token stops working. */
  useRefresh(token: string, clientId: string, rotate: boolean): Grant | string {
    const g = this.refresh.get(token);
    if (!g) return 'Invalid refresh token';
    if (g.revoked) return 'Token has been expired or revoked.';
    if (g.clientId !== clientId) return 'refresh token was issued to another client';
    if (rotate) this.refresh.delete(token);
    return g;
  }

  /** An access token's entry: `expired` / `revoked` when it no longer works. */
  lookup(token: string, platform: Platform, now: number): AccessToken | 'expired' | 'revoked' | undefined {
    const t = this.access.get(token);
    if (!t || !t.platforms.includes(platform)) return undefined;
    if (t.grant.revoked) return 'revoked';
    if (t.expiresAt !== null && t.expiresAt <= now) return 'expired';
    return t;
  }

  /** Why an issued access token no longer works on this platform (undefined: unknown, or still valid). */
  dead(token: string, platform: Platform, now: number): DeadToken | undefined {
    const t = this.access.get(token);
    if (!t || !t.platforms.includes(platform)) return undefined;
    if (t.grant.revoked) return { why: 'revoked' };
    if (t.expiresAt !== null && t.expiresAt <= now) return { why: 'expired', expiredAt: t.expiresAt };
    return undefined;
  }

  /** RFC 7009: revoking the access or the refresh token ends the whole grant. False when the token is unknown or already dead. */
  revokeToken(token: string): boolean {
    const g = this.access.get(token)?.grant ?? this.refresh.get(token);
    if (!g || g.revoked) return false;
    g.revoked = true;
    return true;
  }

  /** Revokes every grant of a platform (or only those reaching one account). */
  revoke(platform: Platform | null, accountKey?: string): number {
    let n = 0;
    for (const g of this.grants) {
      if (g.revoked || (platform && g.platform !== platform)) continue;
      if (accountKey && !g.accounts.some((a) => a.key === accountKey)) continue;
      g.revoked = true;
      n += 1;
    }
    return n;
  }

  /** Expires every access token now (refresh tokens keep working). */
  expire(platform: Platform | null, now: number): number {
    let n = 0;
    for (const t of this.access.values()) {
      if (platform && !t.platforms.includes(platform)) continue;
      if (t.expiresAt === null) continue;
      t.expiresAt = Math.min(t.expiresAt, now);
      n += 1;
    }
    return n;
  }

  list(): Array<{ id: string; platform: Platform; clientId: string; accounts: string[]; scope: string; revoked: boolean }> {
    return this.grants.map((g) => ({ id: g.id, platform: g.platform, clientId: g.clientId, accounts: g.accounts.map((a) => a.key), scope: g.scope, revoked: g.revoked }));
  }

  clear(): void {
    this.codes.clear();
    this.access.clear();
    this.refresh.clear();
    this.grants = [];
  }
}
