import { VersionedCache } from './versioned-cache';

describe('VersionedCache', () => {
  it('computes once per key and version, again when the version changes', async () => {
    const cache = new VersionedCache<number>();
    let calls = 0;
    const compute = (n: number) => () => {
      calls++;
      return Promise.resolve(n);
    };
    expect(await cache.get('a', '1', compute(10))).toBe(10);
    expect(await cache.get('a', '1', compute(11))).toBe(10);
    expect(calls).toBe(1);
    expect(await cache.get('a', '2', compute(12))).toBe(12);
    expect(calls).toBe(2);
    expect(await cache.get('b', '2', compute(13))).toBe(13);
    expect(calls).toBe(3);
  });

  it('shares one computation between concurrent requests', async () => {
    const cache = new VersionedCache<string>();
    let calls = 0;
    let release: (v: string) => void = () => undefined;
    const compute = () => {
      calls++;
      return new Promise<string>((r) => (release = r));
    };
    const first = cache.get('k', '1', compute);
    const second = cache.get('k', '1', compute);
    release('done');
    expect(await Promise.all([first, second])).toEqual(['done', 'done']);
    expect(calls).toBe(1);
  });

  it('forgets a failed computation', async () => {
    const cache = new VersionedCache<number>();
    await expect(cache.get('k', '1', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('k', '1', () => Promise.resolve(5))).toBe(5);
  });

  it('drops the least recently used entry beyond its size', async () => {
    const cache = new VersionedCache<string>(2);
    await cache.get('a', '1', async () => 'a');
    await cache.get('b', '1', async () => 'b');
    await cache.get('a', '1', async () => 'a2'); // hit: a becomes the most recent
    await cache.get('c', '1', async () => 'c'); // b leaves
    expect(cache.size).toBe(2);
    expect(await cache.get('a', '1', async () => 'a3')).toBe('a');
    expect(await cache.get('b', '1', async () => 'b2')).toBe('b2');
  });
});
