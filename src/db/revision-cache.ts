/**
 * A small cache of answers that each remember the revision they were computed at: hierarchy answers (children
 * of a unit on a date) against the unit revision, dashboard totals against the totals revision. One look at the
 * revision tells whether an entry is still fresh, so a change made here or by another process is seen on the
 * very next request. No batch rebuild, no TTL. `WatchedCache` keeps answers against a revision heard through a
 * RevisionWatcher instead (each unit's fed report values against `fed_revision`), so a fresh one costs no query.
 * @module
 */
import { LRUCache } from "lru-cache";
import type { RevisionWatcher } from "./revision-watcher.ts";

/** Past `maxEntries`, the entry read longest ago goes first. */
export class RevisionCache<T, R extends number | string = number> {
  private readonly entries: LRUCache<string, { revision: R; value: T }>;

  constructor(maxEntries = 5000) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  get(key: string, revision: R): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.revision !== revision) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  set(key: string, revision: R, value: T): void {
    this.entries.set(key, { revision, value });
  }
}

/**
 * Answers kept for one database handle while the revision its watcher last heard stands: a fresh entry costs
 * no query at all. Another handle (a transaction, the read replica) and a watcher not listening (tests, the
 * CLI, a lost connection) compute every call. Entries are promises, so a burst arriving on a cold key shares
 * one computation; a failed one is not kept. Built once per process, at start-up (features/kept.ts).
 */
export class WatchedCache<T> {
  private readonly cache: RevisionCache<Promise<T>>;

  /** Without `watcher` nothing is kept: every call computes. */
  constructor(
    private readonly db: object | null = null,
    private readonly watcher?: Pick<RevisionWatcher, "current" | "refresh">,
    maxEntries = 20_000,
  ) {
    this.cache = new RevisionCache(maxEntries);
  }

  get(db: object, key: string, compute: () => Promise<T>): Promise<T> {
    const revision = db === this.db ? this.watcher?.current : null;
    if (revision == null) return compute();
    const held = this.cache.get(key, revision);
    if (held) return held;
    // the revision is taken before computing: a change committed meanwhile moves it, and the entry goes stale
    const value = compute();
    this.cache.set(key, revision, value);
    value.catch(() => {
      if (this.cache.get(key, revision) === value) this.cache.delete(key);
    });
    return value;
  }

  /** After a write in this process: the next `get` sees it, without waiting for the notification. */
  async refresh(): Promise<void> {
    await this.watcher?.refresh();
  }
}
