import type { ConnectorAccount } from './channel-connector';
import { ConnectorError, ConnectorErrorCode } from './connector-error';

/** A credential the connector cannot work without; missing → AUTH (the user must connect the account). */
export function requireCredential(account: ConnectorAccount, key: string): string {
  const v = account.credentials?.[key];
  if (typeof v === 'string' && v.length > 0) return v;
  throw new ConnectorError(ConnectorErrorCode.AUTH, `${account.platform}: missing credential "${key}"`);
}

export function optionalCredential(account: ConnectorAccount, key: string): string | null {
  const v = account.credentials?.[key];
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/** Headers and redaction list of a request with an optional bearer token (public endpoints work without one). */
export function optionalBearer(token: string | null): { headers: Record<string, string>; secrets: string[] } {
  return token ? { headers: { authorization: `Bearer ${token}` }, secrets: [token] } : { headers: {}, secrets: [] };
}

export interface ConnectorOptions {
  /** Per-request timeout (ms). */
  timeoutMs?: number;
  userAgent?: string;
  /** Clock, for tests of rate-limit reset arithmetic. */
  now?: () => number;
}
