import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { QUERIES_DIR, renderSnapshots } from "./sql-snapshot.ts";

describe("SQL snapshots", () => {
  it("src/db/queries matches the SQL the repositories send (run `npm run sql:sync` after a query change)", async () => {
    const snapshots = await renderSnapshots();
    expect(snapshots.size).toBeGreaterThan(0);
    const committed = (await fs.readdir(QUERIES_DIR)).filter((f) => f.endsWith(".sql")).sort();
    expect(committed).toEqual([...snapshots.keys()].sort());
    for (const [file, text] of snapshots) {
      expect(await fs.readFile(path.join(QUERIES_DIR, file), "utf8"), file).toBe(text);
    }
  });
});
