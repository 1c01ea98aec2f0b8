/** Scheduled backups: two servers on one database make one backup per period; the oldest beyond `keep` go. */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, expect, it } from "vitest";
import { connect } from "../../src/db/connection.ts";
import { claimRun, runScheduledBackup } from "../../src/db/scheduled.ts";
import { createTestDatabase } from "../helpers.ts";

it("runs once across two processes, and keeps the newest backups", { timeout: 60_000 }, async () => {
  const one = await createTestDatabase();
  // a second process: its own pool on the same database
  const two = connect(one.url, one.kind, 4);
  afterAll(() => two.close());
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "danvan-scheduled-"));
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));
  const schedule = { everyHours: 24, keep: 2, dir };

  const both = await Promise.all([
    runScheduledBackup(one.db, one.url, schedule, new Date("2026-12-01T01:00:00Z")),
    runScheduledBackup(two.db, two.url, schedule, new Date("2026-12-01T01:00:00Z")),
  ]);
  expect(both.filter(Boolean)).toHaveLength(1);
  // within the period: nobody runs it again
  expect(await runScheduledBackup(two.db, two.url, schedule)).toBeNull();

  for (const day of ["02", "03"]) {
    await sql`update scheduled_job set last_run_at = now() - interval '2 days' where name = 'backup'`.execute(
      one.db,
    );
    expect(
      await runScheduledBackup(one.db, one.url, schedule, new Date(`2026-12-${day}T01:00:00Z`)),
    ).not.toBeNull();
  }
  expect((await fs.readdir(dir)).sort()).toEqual([
    "danvan-20261202-010000.backup.gz",
    "danvan-20261203-010000.backup.gz",
  ]);

  // the hourly reminders are claimed the same way
  const claims = await Promise.all([
    claimRun(one.db, "reminders", 3_600_000),
    claimRun(two.db, "reminders", 3_600_000),
  ]);
  expect(claims.filter(Boolean)).toHaveLength(1);
});
