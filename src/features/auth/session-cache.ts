/**
 * Remembers resolved sessions for a short time (default 2 s) so that a burst of requests from one user costs
 * one session query, not one each. Whatever ends or narrows a user's sessions (a logout, a password set, a
 * deactivation, a grant change) drops that user's entries at once: in this process through `dropUser`, in
 * every process through the `auth_change` notification (see createApp). At most `maxEntries` are kept, the
 * least recently used going first.
 * @module
 */
import { LRUCache } from "lru-cache";

export class SessionCache<T extends { auth: { userId: number } }> {
  private readonly entries: LRUCache<string, { until: number; value: T }>;

  constructor(
    private readonly ttlMs = 2000,
    maxEntries = 10_000,
  ) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  get(key: string, now = Date.now()): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until < now) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: T, now = Date.now()): void {
    this.entries.set(key, { until: now + this.ttlMs, value });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every session of the user. */
  dropUser(userId: number): void {
    for (const [key, e] of [...this.entries.entries()]) {
      if (e.value.auth.userId === userId) this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
