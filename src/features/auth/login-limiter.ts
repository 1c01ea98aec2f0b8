/**
 * Failed logins under usernames that have no account: they are locked out like an account would be
 * (domain/login-lockout.ts), so the answer never tells which usernames exist. Accounts keep their count in
 * the database (every process sees it); these, in memory per process. Nothing is counted per address: a
 * commune office logs in from one address.
 * @module
 */
import { LRUCache } from "lru-cache";
import { nextFailure, secondsUntil } from "../../domain/login-lockout.ts";
import type { UsernameLockout } from "../../http/context.ts";

export class LoginLimiter implements UsernameLockout {
  /** The most recently failed usernames (the least recently failed go first past `maxEntries`). */
  private readonly failures: LRUCache<string, { count: number; last: number; until: number }>;

  constructor(maxEntries = 100_000) {
    this.failures = new LRUCache({ max: maxEntries });
  }

  /** Seconds to wait before another attempt under this username, or 0. */
  retryAfter(username: string, now = Date.now()): number {
    return secondsUntil(this.failures.get(username)?.until ?? null, now);
  }

  /** Counts a failure; returns the wait it brings (seconds, 0 for none). */
  fail(username: string, now = Date.now()): number {
    const f = this.failures.get(username);
    const next = nextFailure(f?.count ?? 0, f?.last ?? null, now);
    this.failures.set(username, { count: next.failures, last: now, until: now + next.waitSeconds * 1000 });
    return next.waitSeconds;
  }
}
