import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { batched, MAX_BATCH, MAX_RUNNING } from "./batch.ts";
import type { Database } from "./database.ts";

const fakeDb = (isTransaction = false) => ({ isTransaction }) as unknown as Kysely<Database>;

describe("batched", () => {
  it("answers each caller with its own key's value, from one call per turn", async () => {
    const calls: number[][] = [];
    const double = batched(async (_db, keys: readonly number[]) => {
      calls.push([...keys]);
      return keys.map((k) => k * 2);
    });
    const db = fakeDb();
    expect(await Promise.all([double(db, 1), double(db, 2), double(db, 3)])).toEqual([2, 4, 6]);
    expect(calls).toEqual([[1, 2, 3]]);
    expect(await double(db, 5)).toBe(10);
    expect(calls).toHaveLength(2);
  });

  it("keeps databases apart and runs alone inside a transaction", async () => {
    const calls: string[][] = [];
    const echo = batched(async (_db, keys: readonly string[]) => {
      calls.push([...keys]);
      return keys;
    });
    const a = fakeDb();
    const b = fakeDb();
    const trx = fakeDb(true);
    expect(await Promise.all([echo(a, "a1"), echo(b, "b1"), echo(a, "a2"), echo(trx, "t")])).toEqual([
      "a1",
      "b1",
      "a2",
      "t",
    ]);
    expect(calls).toEqual(expect.arrayContaining([["t"], ["a1", "a2"], ["b1"]]));
    expect(calls).toHaveLength(3);
  });

  it("lets keys wait while batches run, then sends them together; never more than MAX_BATCH at once", async () => {
    const sizes: number[] = [];
    let running = 0;
    let most = 0;
    const slow = batched(async (_db, keys: readonly number[]) => {
      sizes.push(keys.length);
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return keys;
    });
    const db = fakeDb();
    // enough for MAX_RUNNING batches: full ones, and 10 in the last
    const n = (MAX_RUNNING - 1) * MAX_BATCH + 10;
    const first = Array.from({ length: n }, (_, i) => slow(db, i));
    await new Promise((r) => setImmediate(r));
    // these arrive while MAX_RUNNING batches run: they wait and go as one
    const later = Array.from({ length: 30 }, (_, i) => slow(db, 1000 + i));
    expect(await Promise.all([...first, ...later])).toEqual([
      ...Array.from({ length: n }, (_, i) => i),
      ...Array.from({ length: 30 }, (_, i) => 1000 + i),
    ]);
    expect(sizes).toEqual([...Array(MAX_RUNNING - 1).fill(MAX_BATCH), 10, 30]);
    expect(most).toBe(MAX_RUNNING);
  });

  it("rejects every caller of a batch that failed, and the next batch runs", async () => {
    let fail = true;
    const flaky = batched(async (_db, keys: readonly number[]) => {
      if (fail) throw new Error("connection lost");
      return keys;
    });
    const db = fakeDb();
    const results = await Promise.allSettled([flaky(db, 1), flaky(db, 2)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await flaky(db, 3)).toBe(3);
  });
});
