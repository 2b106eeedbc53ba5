import type { RateState } from './platform-module';

/** Fixed windows on the sandbox clock, as the platforms count them. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  hit(
    key: string,
    now: number,
    limit: number,
    windowMs: number,
    cost = 1,
    windowStart: (now: number) => number = (n) => Math.floor(n / windowMs) * windowMs,
  ): RateState & { exceeded: boolean } {
    const start = windowStart(now);
    let w = this.windows.get(key);
    if (!w || w.start !== start) {
      w = { start, used: 0 };
      this.windows.set(key, w);
    }
    const exceeded = w.used + cost > limit;
    if (!exceeded) w.used += cost;
    return {
      limit,
      used: w.used,
      remaining: Math.max(0, limit - w.used),
      resetAt: start + windowMs,
      windowMs,
      exceeded,
    };
  }

  clear(): void {
    this.windows.clear();
  }
}
