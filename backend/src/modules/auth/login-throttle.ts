/**
 * Sliding-window counter of failed logins per (ip, email) and per ip, so a password cannot be
 * guessed and one address cannot spray many accounts. In memory: one API replica is enough for a
 * login form; with several replicas each one throttles on its own (documented in the README).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** ms to wait before another attempt is allowed, 0 if allowed now. */
  retryAfterMs(ip: string, email: string): number {
    const t = this.now();
    let wait = 0;
    for (const [key, limit] of this.keys(ip, email)) {
      const list = (this.failures.get(key) ?? []).filter((x) => x > t - this.windowMs);
      this.failures.set(key, list);
      if (list.length >= limit) wait = Math.max(wait, list[0] + this.windowMs - t);
    }
    return wait;
  }

  recordFailure(ip: string, email: string): void {
    const t = this.now();
    for (const [key] of this.keys(ip, email)) {
      const list = this.failures.get(key) ?? [];
      list.push(t);
      this.failures.set(key, list);
    }
  }

  recordSuccess(ip: string, email: string): void {
    this.failures.delete(`${ip}|${email.toLowerCase()}`);
  }

  private keys(ip: string, email: string): Array<[string, number]> {
    return [
      [`${ip}|${email.toLowerCase()}`, this.limit],
      [`${ip}|*`, this.limit * 5],
    ];
  }
}
