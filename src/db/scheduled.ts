/**
 * Scheduled work that runs once across processes: a job is claimed by the one update that finds its last run
 * older than its period (PostgreSQL locks the row, so two processes never both claim it), then done by that
 * process. Scheduled backups keep the newest `keep` files of their folder.
 * @module
 */
import fs from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import { writeBackup } from "./backup.ts";
import type { Database } from "./database.ts";

/** True when this process claimed the job's run: none ran within `everyMs`. */
export async function claimRun(db: Kysely<Database>, name: string, everyMs: number): Promise<boolean> {
  const by = `${hostname()}:${process.pid}`;
  const r = await sql<{ name: string }>`
    insert into scheduled_job as j (name, last_run_at, run_by) values (${name}, now(), ${by})
    on conflict (name) do update set last_run_at = now(), run_by = excluded.run_by
      where j.last_run_at <= now() - make_interval(secs => ${everyMs / 1000})
    returning j.name`.execute(db);
  return r.rows.length > 0;
}

export interface BackupSchedule {
  /** hours between backups (0: none) */
  everyHours: number;
  /** backups kept in the folder (the oldest are removed) */
  keep: number;
  dir: string;
}

const BACKUP_FILE = /^danvan-\d{8}-\d{6}\.backup\.gz$/;

/** The scheduled backup, if this process claims it: written, then the oldest beyond `keep` removed. */
export async function runScheduledBackup(
  db: Kysely<Database>,
  url: string,
  s: BackupSchedule,
  now = new Date(),
): Promise<string | null> {
  if (s.everyHours <= 0) return null;
  // a little less than the period: a run a few seconds early next time still counts
  if (!(await claimRun(db, "backup", s.everyHours * 3600_000 - 60_000))) return null;
  await fs.mkdir(s.dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const file = path.join(s.dir, `danvan-${stamp}.backup.gz`);
  await writeBackup(url, file);
  const files = (await fs.readdir(s.dir)).filter((f) => BACKUP_FILE.test(f)).sort();
  for (const old of files.slice(0, Math.max(0, files.length - s.keep))) await fs.rm(path.join(s.dir, old));
  return file;
}
