import type { ConnectorAccount } from './channel-connector';

/**
 * Base-URL convention (all connectors): `account.baseUrl`, when set, replaces the scheme and
 * host of the platform's real API host and may carry a path prefix; the connector always
 * appends the platform's real path, API version included.
 *   real    https://graph.facebook.com        + /v21.0/{page}/posts
 *   sandbox http://127.0.0.1:PORT/facebook    + /v21.0/{page}/posts
 */
export function baseOf(account: ConnectorAccount, defaultHost: string): string {
  return (account.baseUrl && account.baseUrl.trim() ? account.baseUrl.trim() : defaultHost).replace(/\/+$/, '');
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function buildUrl(base: string, path: string, query: Query = {}): string {
  const u = new URL(base + (path.startsWith('/') ? path : `/${path}`));
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') u.searchParams.set(k, String(v));
  }
  return u.toString();
}
