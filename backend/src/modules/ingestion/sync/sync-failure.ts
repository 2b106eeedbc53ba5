import { RetryAfterError } from '../../../common/queue/job-queue';
import { ConnectorErrorCode, isConnectorError } from '../../channels/connectors/connector-error';
import { DEFAULT_RETRY_AFTER_MS } from '../../channels/connectors/http-client';
import { scrubSecrets } from '../../channels/connectors/redact';

/** What a failed run does to the account and to the job. */
export interface SyncFailure {
  /** Transient (429, 5xx, timeout, quota): the queue retries; the account is `degraded` meanwhile. */
  transient: boolean;
  /** Error rethrown to the queue (RetryAfterError keeps the attempt and honours Retry-After). */
  rethrow: Error | null;
  /** Readable, secret-free text for `last_error`. */
  message: string;
  /** The platform refused the token: only a new consent helps (the account is marked `reconnect_needed`). */
  reconnect?: boolean;
}

const PERMANENT = new Set<ConnectorErrorCode>([
  ConnectorErrorCode.AUTH,
  ConnectorErrorCode.MALFORMED,
  ConnectorErrorCode.BAD_REQUEST,
  ConnectorErrorCode.NOT_FOUND,
]);

const LABELS: Record<ConnectorErrorCode, string> = {
  RATE_LIMITED: 'Rate limited by the platform',
  AUTH: 'Access refused (reconnect the account)',
  MALFORMED: 'Unexpected response from the platform',
  UNAVAILABLE: 'Platform unavailable',
  NOT_FOUND: 'Account or object not found',
  QUOTA: 'Daily quota exhausted',
  BAD_REQUEST: 'Request rejected by the platform',
};

export function classifySyncError(e: unknown, secrets: readonly string[]): SyncFailure {
  if (isConnectorError(e)) {
    const message = scrubSecrets(`${LABELS[e.code]}: ${e.message}`, secrets).slice(0, 1000);
    if (e.code === ConnectorErrorCode.AUTH) return { transient: false, rethrow: null, message, reconnect: true };
    if (PERMANENT.has(e.code)) return { transient: false, rethrow: null, message };
    if (e.code === ConnectorErrorCode.RATE_LIMITED) {
      return { transient: true, rethrow: new RetryAfterError(e.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS, message), message };
    }
    if (e.code === ConnectorErrorCode.QUOTA && e.retryAfterMs) {
      return { transient: true, rethrow: new RetryAfterError(e.retryAfterMs, message), message };
    }
    return { transient: true, rethrow: new Error(message), message };
  }
  // Anything else (database hiccup, bug): transient, retried with backoff, never leaking secrets.
  const raw = e instanceof Error ? e.message : String(e);
  const message = scrubSecrets(`Sync error: ${raw}`, secrets).slice(0, 1000);
  return { transient: true, rethrow: new Error(message), message };
}
