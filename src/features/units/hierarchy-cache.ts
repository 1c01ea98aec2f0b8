/**
 * A small cache of hierarchy answers (children of a unit on a date). Every entry remembers the unit revision
 * it was computed at; one look at the revision row tells whether it is still fresh, so a hamlet added here or a
 * unit list imported by another process is seen on the very next request. No batch rebuild, no TTL.
 * @module
 */
export class HierarchyCache<T> {
  private entries = new Map<string, { revision: number; value: T }>();

  constructor(private readonly maxEntries = 5000) {}

  get(key: string, revision: number): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.revision !== revision) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, revision: number, value: T): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { revision, value });
  }
}
