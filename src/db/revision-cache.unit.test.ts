import { describe, expect, it } from "vitest";
import { RevisionCache, WatchedCache } from "./revision-cache.ts";

describe("RevisionCache", () => {
  it("serves an entry only at the revision it was computed at", () => {
    const c = new RevisionCache<string>();
    c.set("82|2026-01-01", 7, "a");
    expect(c.get("82|2026-01-01", 7)).toBe("a");
    expect(c.get("82|2026-01-01", 8)).toBeUndefined();
    expect(c.get("82|2026-01-01", 7)).toBeUndefined(); // dropped once stale
  });
  it("evicts the entry read longest ago when full", () => {
    const c = new RevisionCache<number>(2);
    c.set("a", 1, 1);
    c.set("b", 1, 2);
    c.set("c", 1, 3);
    expect(c.get("a", 1)).toBeUndefined();
    expect(c.get("c", 1)).toBe(3);
    // "b" was put before "c" but read after it: "c" goes first
    expect(c.get("b", 1)).toBe(2);
    c.set("d", 1, 4);
    expect(c.get("c", 1)).toBeUndefined();
    expect([c.get("b", 1), c.get("d", 1)]).toEqual([2, 4]);
  });
  it("takes text revisions too (the totals revision is a bigint sum)", () => {
    const c = new RevisionCache<string, string>();
    c.set("k", "9007199254740993", "v");
    expect(c.get("k", "9007199254740993")).toBe("v");
    expect(c.get("k", "9007199254740994")).toBeUndefined();
  });
});

describe("WatchedCache", () => {
  /** A watcher as the cache sees it: the revision it last heard, and a refresh. */
  const fakeWatcher = (current: number | null) => {
    const w = { current, refreshed: 0, refresh: async () => void w.refreshed++ };
    return w;
  };
  const counting = () => {
    const calls: string[] = [];
    const compute = (v: string) => () => {
      calls.push(v);
      return Promise.resolve(v);
    };
    return { calls, compute };
  };

  it("computes once per key while the revision stands, again when it moves", async () => {
    const db = {};
    const w = fakeWatcher(3);
    const c = new WatchedCache<string>(db, w);
    const { calls, compute } = counting();
    expect(await c.get(db, "30037|2026", compute("a"))).toBe("a");
    expect(await c.get(db, "30037|2026", compute("b"))).toBe("a");
    expect(await c.get(db, "30038|2026", compute("c"))).toBe("c");
    w.current = 4;
    expect(await c.get(db, "30037|2026", compute("d"))).toBe("d");
    expect(calls).toEqual(["a", "c", "d"]);
  });

  it("keeps nothing without a watcher, or with one not listening", async () => {
    const db = {};
    for (const c of [new WatchedCache<string>(db), new WatchedCache<string>(db, fakeWatcher(null))]) {
      const { calls, compute } = counting();
      await c.get(db, "k", compute("a"));
      await c.get(db, "k", compute("b"));
      expect(calls).toEqual(["a", "b"]);
    }
  });

  it("keeps nothing for another database handle than its own (a transaction, the replica)", async () => {
    const db = {};
    const trx = {};
    const c = new WatchedCache<string>(db, fakeWatcher(7));
    const { calls, compute } = counting();
    expect(await c.get(db, "k", compute("a"))).toBe("a");
    expect(await c.get(trx, "k", compute("b"))).toBe("b");
    expect(await c.get(trx, "k", compute("c"))).toBe("c");
    expect(await c.get(db, "k", compute("d"))).toBe("a");
    expect(calls).toEqual(["a", "b", "c"]);
  });

  it("does not keep a failed answer, and asks the watcher to refresh after a write", async () => {
    const db = {};
    const w = fakeWatcher(1);
    const c = new WatchedCache<string>(db, w);
    await expect(c.get(db, "k", () => Promise.reject(new Error("connection lost")))).rejects.toThrow();
    expect(await c.get(db, "k", () => Promise.resolve("ok"))).toBe("ok");
    await c.refresh();
    expect(w.refreshed).toBe(1);
  });
});
