import type { ConnectorCapabilities } from './channel-connector';
import type { ConnectorOptions } from './credentials';
import { HttpClient } from './http-client';

/**
 * What every HTTP connector shares: one HttpClient per connector (timeouts, Retry-After, token
 * redaction) built from the registry's options. Connectors extend it and implement ChannelConnector.
 */
export abstract class HttpConnector {
  protected readonly http: HttpClient;
  /** Injectable clock (tests pin "now"). */
  protected readonly clock: () => number;

  constructor(options: ConnectorOptions = {}) {
    this.http = new HttpClient(options);
    this.clock = options.now ?? Date.now;
  }
}

/** A connector declares only what it can do; everything else is off. */
export function capabilities(can: Partial<ConnectorCapabilities>): ConnectorCapabilities {
  return { comments: false, postMetrics: false, accountStats: false, search: false, privateMetrics: false, followerHistory: false, ...can };
}
