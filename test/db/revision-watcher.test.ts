/** The revision watcher on a real database: notifications, a refresh after a write, a lost connection. */
import { sql } from "kysely";
import { describe, expect, it, onTestFinished } from "vitest";
import { RevisionWatcher } from "../../src/db/revision-watcher.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase } from "../helpers.ts";

describe("RevisionWatcher (fed_revision)", () => {
  it("hears changes, reads them at once when asked, and stops counting while its connection is lost", async () => {
    const handle = await createTestDatabase();
    const w = new RevisionWatcher(handle.url, createLogger("silent"), "fed_revision");
    onTestFinished(() => w.stop());
    await w.start();
    const start = w.current as number;
    expect(start).toBeGreaterThan(0);
    // any statement on a fed table moves it, announced to every server
    await sql`update model_field set name_en = name_en`.execute(handle.db);
    await expect.poll(() => w.current).toBe(start + 1);
    await sql`update dvk_model_year set status = status`.execute(handle.db);
    await w.refresh(); // without waiting for the notification
    expect(w.current).toBe(start + 2);
    // the listening connection dies: not listening (readers ask the database), a refresh does not fail
    // (its last statement read the counter)
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and query like '%from fed_revision%'`.execute(
      handle.db,
    );
    await expect.poll(() => w.current).toBeNull();
    await expect(w.refresh()).resolves.toBeUndefined();
    // and it listens again by itself
    await expect.poll(() => w.current, { timeout: 5_000 }).toBe(start + 2);
  });
});
