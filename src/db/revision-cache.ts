/**
 * A small cache of answers that each remember the revision they were computed at: hierarchy answers (children
 * of a unit on a date) against the unit revision, dashboard totals against the totals revision. One look at the
 * revision tells whether an entry is still fresh, so a change made here or by another process is seen on the
 * very next request. No batch rebuild, no TTL.
 * @module
 */
export class RevisionCache<T, R extends number | string = number> {
  private entries = new Map<string, { revision: R; value: T }>();

  constructor(private readonly maxEntries = 5000) {}

  get(key: string, revision: R): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.revision !== revision) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, revision: R, value: T): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { revision, value });
  }
}
