import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** PKCE (RFC 7636): a 43-character verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * The OAuth `state`: `<attemptId>.<HMAC(attemptId | workspaceId | sessionId)>`. Signed so that a
 * state cannot be forged or moved to another attempt, bound to the session that started it (a
 * callback in another session or for another workspace fails the signature), and single use
 * through the attempt row it names.
 */
export class ConnectState {
  private readonly key: Buffer;

  constructor(secretKey: Buffer) {
    // A key of its own: a state signature can never be replayed as another secret's MAC.
    this.key = createHmac('sha256', secretKey).update('vigie:connect-state:v1').digest();
  }

  sign(attemptId: string, workspaceId: string, sessionId: string): string {
    return `${attemptId}.${this.mac(attemptId, workspaceId, sessionId)}`;
  }

  /** The attempt id a state names (not yet checked), or null when it is not a state at all. */
  static attemptIdOf(state: string | undefined): string | null {
    const m = /^([0-9a-f-]{36})\.[A-Za-z0-9_-]{43}$/.exec(state ?? '');
    return m ? m[1] : null;
  }

  verify(state: string, workspaceId: string, sessionId: string): boolean {
    const [attemptId, mac] = state.split('.');
    if (!attemptId || !mac) return false;
    const expected = Buffer.from(this.mac(attemptId, workspaceId, sessionId));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(attemptId: string, workspaceId: string, sessionId: string): string {
    return createHmac('sha256', this.key).update(`${attemptId}|${workspaceId}|${sessionId}`).digest('base64url');
  }
}
