/** Why a connector call failed; the ingestion pipeline decides retry/backoff/disable from the code. */
export enum ConnectorErrorCode {
  /** Too many calls: wait `retryAfterMs` then retry. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** Token missing, invalid, expired or lacking a permission: the user must reconnect. */
  AUTH = 'AUTH',
  /** The payload is not of the expected shape (`path` and `snippet` say where). */
  MALFORMED = 'MALFORMED',
  /** 5xx, timeout or network failure: transient. */
  UNAVAILABLE = 'UNAVAILABLE',
  NOT_FOUND = 'NOT_FOUND',
  /** A daily quota is spent (YouTube quotaExceeded): retry after the quota resets. */
  QUOTA = 'QUOTA',
  /** The platform rejected our request (4xx other than the above, e.g. Graph error #100). */
  BAD_REQUEST = 'BAD_REQUEST',
}

const RETRYABLE = new Set<ConnectorErrorCode>([
  ConnectorErrorCode.RATE_LIMITED,
  ConnectorErrorCode.UNAVAILABLE,
  ConnectorErrorCode.QUOTA,
]);

export interface ConnectorErrorDetails {
  status?: number | null;
  retryAfterMs?: number | null;
  /** JSON path (or field) that did not match for MALFORMED. */
  path?: string | null;
  /** Short excerpt of the offending payload (never contains credentials). */
  snippet?: string | null;
  /** Platform error code as given (e.g. Graph 190, YouTube 'quotaExceeded'). */
  platformCode?: string | number | null;
  /** Graph `error_subcode` (33: the object does not exist or cannot be loaded). */
  platformSubcode?: number | null;
  /** What a write refusal means for the user (set by the answer capability). */
  reason?: ConnectorErrorReason | null;
}

/**
 * Why a write (reply, hide, delete, like) was refused, beyond the code: the comment is gone
 * (deleted by its author or a moderator), the token lacks the permission for this action, or
 * the record already exists (a retried idempotent write).
 */
export type ConnectorErrorReason = 'target_gone' | 'permission_missing' | 'already_exists';

export class ConnectorError extends Error {
  readonly code: ConnectorErrorCode;
  readonly retryable: boolean;
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  readonly path: string | null;
  readonly snippet: string | null;
  readonly platformCode: string | number | null;
  readonly platformSubcode: number | null;
  readonly reason: ConnectorErrorReason | null;

  constructor(code: ConnectorErrorCode, message: string, details: ConnectorErrorDetails = {}) {
    super(message);
    this.name = 'ConnectorError';
    this.code = code;
    this.retryable = RETRYABLE.has(code);
    this.status = details.status ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.path = details.path ?? null;
    this.snippet = details.snippet ?? null;
    this.platformCode = details.platformCode ?? null;
    this.platformSubcode = details.platformSubcode ?? null;
    this.reason = details.reason ?? null;
  }

  static malformed(what: string, path: string, value: unknown): ConnectorError {
    const snippet = snippetOf(value);
    return new ConnectorError(ConnectorErrorCode.MALFORMED, `${what}: unexpected value at ${path}: ${snippet}`, {
      path,
      snippet,
    });
  }
}

export function isConnectorError(e: unknown): e is ConnectorError {
  return e instanceof ConnectorError;
}

/** At most 120 chars of a value, for error messages. */
export function snippetOf(value: unknown, max = 120): string {
  let s: string;
  if (value === undefined) s = 'undefined';
  else if (typeof value === 'string') s = JSON.stringify(value);
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
  }
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
