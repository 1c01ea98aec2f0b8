/**
 * Failed logins under usernames that have no account: they are locked out like an account would be
 * (domain/login-lockout.ts), so the answer never tells which usernames exist. Accounts keep their count in
 * the database (every process sees it); these, in memory per process. Nothing is counted per address: a
 * commune office logs in from one address.
 * @module
 */
import { failuresInWindow, lockoutSeconds } from "../../domain/login-lockout.ts";

export class LoginLimiter {
  private failures = new Map<string, { count: number; last: number; until: number }>();

  constructor(private readonly maxEntries = 100_000) {}

  /** Seconds to wait before another attempt under this username, or 0. */
  retryAfter(username: string, now = Date.now()): number {
    const f = this.failures.get(username);
    return f && f.until > now ? Math.ceil((f.until - now) / 1000) : 0;
  }

  /** Counts a failure; returns the wait it brings (seconds, 0 for none). */
  fail(username: string, now = Date.now()): number {
    if (this.failures.size >= this.maxEntries) this.failures.clear();
    const f = this.failures.get(username);
    const count = failuresInWindow(f?.count ?? 0, f?.last ?? null, now) + 1;
    const wait = lockoutSeconds(count);
    this.failures.set(username, { count, last: now, until: now + wait * 1000 });
    return wait;
  }
}
