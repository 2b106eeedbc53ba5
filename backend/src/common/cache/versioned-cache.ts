/**
 * Computed answers, per API process, valid while the version of their source is the one read
 * before the answer was computed (e.g. a KPI answer's rollup part under the brand's rollup
 * version, an inbox page under the brand's activity version). The version is read first, so an
 * entry can only be older than its version promises if the source changed after that read — and
 * then the version changed too. Keeps the promise, so concurrent requests for one key share a
 * single computation. Least recently used entries leave first.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: string; value: Promise<T> }>();

  constructor(private readonly maxEntries = 200) {}

  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.version === version) {
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    const entry = { version, value };
    this.entries.set(key, entry);
    // A failed computation is not kept: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
