/**
 * bench:units-api — GET /api/units/{province}/children at 200 concurrent connections against the real app
 * (session, access check, validation) and against a bare Hono + pg handler running the same query, in one run.
 * The load comes from a separate process (bench/lib/load.ts).
 * Targets: p99 ≤ 50 ms; throughput ≥ 50 % of the bare handler. Saturation figures come from a closed loop;
 * `steady_p99_ms` is the p99 at a fixed offered load (BENCH_RATE, default 1,000 req/s) over the same 200
 * connections, counted from each request's scheduled time. The "floor" figures (a canned answer of the same
 * size from memory) show what this machine allows at 200 connections at all.
 */

import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { loadConfig } from "../src/config.ts";
import { seedDemo } from "../src/demo/demo.seed.ts";
import { createLogger } from "../src/logger.ts";
import { prepareDatabase, startServer } from "../src/server.ts";

const run = promisify(execFile);
const LOAD_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "lib", "load.ts");
const CONNECTIONS = 200;
const DURATION_MS = Number(process.env.BENCH_MS ?? 8000);
const PROVINCES = ["01", "79", "82", "19", "75", "48", "31", "66"];

const log = createLogger("warn");
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "danvan-bench-api-"));
await fs.chmod(dataDir, 0o755);
const config = {
  ...loadConfig({ DANVAN_BACKUP_EVERY_HOURS: "0" }),
  dataDir,
  databaseUrl: process.env.DATABASE_URL ?? null,
  port: 0,
};
const handle = await prepareDatabase(config, log);
await seedDemo(handle.db);
const app = await startServer(config, log, { ...handle, close: async () => undefined });

// a bare handler: the same SQL, no session, no access check, no validation
const bare = new Hono();
bare.get("/units/:code/children", async (c) => {
  const r = await handle.pool.query(
    `select * from unit where parent_code = $1 and (valid_from is null or valid_from <= $2::date)
     and (valid_to is null or valid_to >= $2::date) order by code`,
    [c.req.param("code"), new Date().toISOString().slice(0, 10)],
  );
  return c.json({ items: r.rows });
});
// the machine's floor: the same size of answer from memory, no database at all
let canned = "";
bare.get("/static/units/:code/children", (c) => c.body(canned, 200, { "content-type": "application/json" }));
const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((r) => bareServer.once("listening", r));
const barePort = (bareServer.address() as { port: number }).port;
const appPort = Number(new URL(app.url).port);

const login = await fetch(`http://127.0.0.1:${appPort}/api/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: "admin", password: "demo12345" }),
});
const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** Runs the load generator in its own process (never in the servers' event loop). */
async function load(
  port: number,
  prefix: string,
  headers: Record<string, string>,
  durationMs = DURATION_MS,
  rate?: number,
) {
  const opts = {
    rate,
    url: `http://127.0.0.1:${port}`,
    paths: PROVINCES.map((p) => `${prefix}/units/${p}/children`),
    connections: CONNECTIONS,
    durationMs,
    headers,
  };
  const { stdout } = await run(process.execPath, ["--import", "tsx", LOAD_SCRIPT, JSON.stringify(opts)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as LoadResult;
}

canned = await (
  await fetch(`http://127.0.0.1:${appPort}/api/units/01/children`, { headers: { cookie } })
).text();
await load(appPort, "/api", { cookie }, 2000); // warm-up
const floor = await load(barePort, "/static", {});
const bareResult = await load(barePort, "", {});
const appResult = await load(appPort, "/api", { cookie });
// latency under a steady load (requests spread over the same 200 connections), not at saturation
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const steady = await load(appPort, "/api", { cookie }, DURATION_MS, RATE);
const ratio = appResult.rps / bareResult.rps;

bareServer.close();
await app.stop();
await handle.close();
await fs.rm(dataDir, { recursive: true, force: true });

console.log(
  `app: ${appResult.rps.toFixed(0)} req/s p50 ${appResult.p50.toFixed(1)} ms p99 ${appResult.p99.toFixed(1)} ms errors ${appResult.errors}`,
);
console.log(
  `bare: ${bareResult.rps.toFixed(0)} req/s p50 ${bareResult.p50.toFixed(1)} ms p99 ${bareResult.p99.toFixed(1)} ms`,
);
console.log(`floor (static answer, no DB): ${floor.rps.toFixed(0)} req/s p99 ${floor.p99.toFixed(1)} ms`);
console.log(`app at a steady ${RATE} req/s: p50 ${steady.p50.toFixed(1)} ms p99 ${steady.p99.toFixed(1)} ms`);
console.log(
  `floor_rps=${floor.rps.toFixed(0)} floor_p99_ms=${floor.p99.toFixed(1)} app_rps=${appResult.rps.toFixed(0)} app_p99_ms=${appResult.p99.toFixed(1)} bare_rps=${bareResult.rps.toFixed(0)} bare_p99_ms=${bareResult.p99.toFixed(1)} ratio=${ratio.toFixed(2)} steady_rate=${RATE} steady_p99_ms=${steady.p99.toFixed(1)} errors=${appResult.errors + steady.errors}`,
);
