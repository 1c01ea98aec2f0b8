/**
 * bench:startup — a fresh first start (initdb, migrate, load every unit) and a later start of the embedded
 * database, each timed in this process. Targets: first ≤ 20 s, later ≤ 3 s. In the same run, the baseline:
 * the embedded PostgreSQL alone, started the same way (initdb, then a later start) with nothing to migrate
 * or load, and the ratios, so a slower machine still says what the app adds.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import { startEmbedded } from "../src/db/embedded.ts";
import { createLogger } from "../src/logger.ts";
import { prepareDatabase } from "../src/server.ts";

const log = createLogger("warn");
const config = { ...loadConfig({ DANVAN_BACKUP_EVERY_HOURS: "0" }), databaseUrl: null };

/** A first start in a new folder and a later start in the same one, in seconds, then the folder removed. */
async function twoStarts(prefix: string, start: (dir: string) => Promise<{ stop(): Promise<void> }>) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.chmod(dir, 0o755);
  const times: number[] = [];
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const started = await start(dir);
    times.push((performance.now() - t) / 1000);
    await started.stop();
  }
  await fs.rm(dir, { recursive: true, force: true });
  return times as [number, number];
}

let units = 0;
const [first, later] = await twoStarts("danvan-bench-startup-", async (dataDir) => {
  const h = await prepareDatabase({ ...config, dataDir }, log);
  units ||= Number((await h.pool.query("select count(*) from unit")).rows[0].count);
  return { stop: () => h.close() };
});
// the baseline: the database server alone, started the same way
const [bareFirst, bareLater] = await twoStarts("danvan-bench-startup-bare-", (dir) =>
  startEmbedded(dir, log),
);

console.log(
  `first start ${first.toFixed(2)} s (target ≤ 20), later start ${later.toFixed(2)} s (target ≤ 3), ${units} unit versions; the database alone: ${bareFirst.toFixed(2)} s, ${bareLater.toFixed(2)} s`,
);
console.log(
  [
    `first_start_s=${first.toFixed(2)}`,
    `later_start_s=${later.toFixed(2)}`,
    `units=${units}`,
    `baseline_first_s=${bareFirst.toFixed(2)}`,
    `baseline_later_s=${bareLater.toFixed(2)}`,
    `first_to_baseline=${(first / bareFirst).toFixed(2)}`,
    `later_to_baseline=${(later / bareLater).toFixed(2)}`,
  ].join(" "),
);
