/** Deterministic randomness: every draw is derived from a seed and a string key, so a
 * chunk of the world generates the same way whatever order requests arrive in. */
import { mulberry32 } from '@vigie/seeded-random';

/** 32-bit FNV-1a followed by a murmur finaliser. */
export function hash32(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  /** Next draw in [0, 1): mulberry32 from the seed (a zero seed would be read as 1). */
  readonly next: () => number;

  constructor(seed: number | string) {
    this.next = mulberry32(typeof seed === 'number' ? seed >>> 0 || 1 : hash32(seed) || 1);
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Exponential draw with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Log-normal-ish multiplier around 1 (spread ≈ sigma). */
  spread(sigma: number): number {
    const u = this.next() + this.next() + this.next() - 1.5; // ≈ normal, sd 0.5
    return Math.exp(u * 2 * sigma);
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    return entries[entries.length - 1][0];
  }
}

export function rngFor(seed: number, ...parts: (string | number)[]): Rng {
  return new Rng(hash32(`${seed}|${parts.join('|')}`));
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Deterministic string id of `len` characters from `alphabet`. */
/** Handlers re-derive persona ids (users, DIDs) for every item of every request: memoised. */
const idCache = new Map<string, string>();
const ID_CACHE_MAX = 200_000;

export function idString(key: string, len: number, alphabet = ALNUM): string {
  const ck = `${len}|${alphabet}|${key}`;
  const hit = idCache.get(ck);
  if (hit !== undefined) return hit;
  const r = new Rng(hash32(key));
  let out = '';
  for (let i = 0; i < len; i++) out += alphabet[Math.floor(r.next() * alphabet.length)];
  if (idCache.size >= ID_CACHE_MAX) idCache.clear();
  idCache.set(ck, out);
  return out;
}

export function digits(key: string, len: number): string {
  return idString(key, len, '0123456789').replace(/^0/, '1');
}
