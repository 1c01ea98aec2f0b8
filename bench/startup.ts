/**
 * bench:startup — a fresh first start (initdb, migrate, load every unit) and a later start of the embedded
 * database, each timed in this process. Targets: first ≤ 20 s, later ≤ 3 s.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { prepareDatabase } from "../src/server.ts";

const log = createLogger("warn");
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "danvan-bench-startup-"));
await fs.chmod(dataDir, 0o755);
const config = { ...loadConfig({ DANVAN_BACKUP_EVERY_HOURS: "0" }), dataDir, databaseUrl: null };

let t = performance.now();
let h = await prepareDatabase(config, log);
const first = (performance.now() - t) / 1000;
const units = Number((await h.pool.query("select count(*) from unit")).rows[0].count);
await h.close();

t = performance.now();
h = await prepareDatabase(config, log);
const later = (performance.now() - t) / 1000;
await h.close();
await fs.rm(dataDir, { recursive: true, force: true });

console.log(
  `first start ${first.toFixed(2)} s (target ≤ 20), later start ${later.toFixed(2)} s (target ≤ 3), ${units} unit versions`,
);
console.log(`first_start_s=${first.toFixed(2)} later_start_s=${later.toFixed(2)} units=${units}`);
