import { describe, expect, it } from "vitest";
import { RevisionCache } from "./revision-cache.ts";

describe("RevisionCache", () => {
  it("serves an entry only at the revision it was computed at", () => {
    const c = new RevisionCache<string>();
    c.set("82|2026-01-01", 7, "a");
    expect(c.get("82|2026-01-01", 7)).toBe("a");
    expect(c.get("82|2026-01-01", 8)).toBeUndefined();
    expect(c.get("82|2026-01-01", 7)).toBeUndefined(); // dropped once stale
  });
  it("evicts the oldest entry when full", () => {
    const c = new RevisionCache<number>(2);
    c.set("a", 1, 1);
    c.set("b", 1, 2);
    c.set("c", 1, 3);
    expect(c.get("a", 1)).toBeUndefined();
    expect(c.get("c", 1)).toBe(3);
  });
  it("takes text revisions too (the totals revision is a bigint sum)", () => {
    const c = new RevisionCache<string, string>();
    c.set("k", "9007199254740993", "v");
    expect(c.get("k", "9007199254740993")).toBe("v");
    expect(c.get("k", "9007199254740994")).toBeUndefined();
  });
});
