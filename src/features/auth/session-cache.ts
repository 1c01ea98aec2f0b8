/**
 * Remembers resolved sessions for a short time (default 2 s) so that a burst of requests from one user costs
 * one session query, not one each. A logout here drops the entry at once; any other change (grants, password,
 * deactivation) takes effect within the TTL.
 * @module
 */
export class SessionCache<T> {
  private entries = new Map<string, { until: number; value: T }>();

  constructor(
    private readonly ttlMs = 2000,
    private readonly maxEntries = 10_000,
  ) {}

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
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { until: now + this.ttlMs, value });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
