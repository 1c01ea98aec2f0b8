/**
 * Login rate limiting: after 5 failures for one username from one address within 15 minutes (or 30 from one
 * address), further attempts wait until the window clears. In memory, per process.
 * @module
 */
export class LoginLimiter {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly perUser = 5,
    private readonly perIp = 30,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait before another attempt, or 0. */
  retryAfter(ip: string, username: string, now = Date.now()): number {
    const checks: [string, number][] = [
      [`u:${ip}:${username}`, this.perUser],
      [`i:${ip}`, this.perIp],
    ];
    let wait = 0;
    for (const [key, max] of checks) {
      const list = this.recent(key, now);
      if (list.length >= max)
        wait = Math.max(wait, Math.ceil(((list[0] ?? now) + this.windowMs - now) / 1000));
    }
    return wait;
  }

  fail(ip: string, username: string, now = Date.now()): void {
    for (const key of [`u:${ip}:${username}`, `i:${ip}`])
      this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(ip: string, username: string): void {
    this.failures.delete(`u:${ip}:${username}`);
  }
}
