import { PLATFORMS } from './channel-connector';
import { CONNECTORS, getConnector } from './connector.registry';

describe('connector registry', () => {
  it('has exactly one connector per platform', () => {
    expect(CONNECTORS.map((c) => c.platform).sort()).toEqual([...PLATFORMS].sort());
    for (const p of PLATFORMS) expect(getConnector(p).platform).toBe(p);
  });

  it('declares optional methods consistently with capabilities', () => {
    for (const c of CONNECTORS) {
      expect([c.platform, typeof c.listComments === 'function']).toEqual([c.platform, c.capabilities.comments]);
      expect([c.platform, typeof c.search === 'function']).toEqual([c.platform, c.capabilities.search]);
      expect([c.platform, typeof c.getAccountStats === 'function']).toEqual([c.platform, c.capabilities.accountStats]);
      expect(c.syncIntervalMs).toBeGreaterThanOrEqual(15 * 60 * 1000);
    }
  });
});
