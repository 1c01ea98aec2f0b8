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
 * Answers kept per database handle while the revision its watcher last heard stands: a fresh entry costs no
 * query at all. Without a listening watcher (tests, the CLI, a lost connection) every call computes. Entries
 * are promises, so a burst arriving on a cold key shares one computation; a failed one is not kept.
 */
export class WatchedCache<T> {
  private readonly watchers = new WeakMap<object, RevisionWatcher>();
  private readonly caches = new WeakMap<object, RevisionCache<Promise<T>>>();

  constructor(private readonly maxEntries = 20_000) {}

  watch(db: object, watcher: RevisionWatcher): void {
    this.watchers.set(db, watcher);
  }

  get(db: object, key: string, compute: () => Promise<T>): Promise<T> {
    const revision = this.watchers.get(db)?.current;
    if (revision == null) return compute();
    let cache = this.caches.get(db);
    if (!cache) {
      cache = new RevisionCache(this.maxEntries);
      this.caches.set(db, cache);
    }
    const held = cache.get(key, revision);
    if (held) return held;
    // the revision is taken before computing: a change committed meanwhile moves it, and the entry goes stale
    const value = compute();
    cache.set(key, revision, value);
    const kept = cache;
    value.catch(() => {
      if (kept.get(key, revision) === value) kept.delete(key);
    });
    return value;
  }

  /** After a write in this process: the next `get` sees it, without waiting for the notification. */
  async refresh(db: object): Promise<void> {
    await this.watchers.get(db)?.refresh();
  }
}
