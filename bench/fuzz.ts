/**
 * bench:fuzz — BENCH_FUZZ (20,000) requests generated from the OpenAPI document with a fixed seed
 * (BENCH_SEED), half as the administrator and half as a commune editor, sent through the real server on the
 * demo data. Target: no 5xx and every error body complete. Last line: requests= errors_5xx= incomplete=.
 */
import { seedDemo } from "../src/demo/demo.seed.ts";
import { startServer } from "../src/server.ts";
import { runFuzz } from "../test/fuzz/run.ts";
import { openBenchDatabase } from "./lib/national.ts";

const COUNT = Number(process.env.BENCH_FUZZ ?? 20_000);
const SEED = Number(process.env.BENCH_SEED ?? 2026);
const say = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

const bench = await openBenchDatabase("fuzz");
await seedDemo(bench.handle.db, { reports: true });
const server = await startServer({ ...bench.config, smtpUrl: null }, bench.log, {
  ...bench.handle,
  close: async () => undefined,
});
const started = performance.now();
let requests = 0;
let errors5xx = 0;
let incomplete = 0;
for (const [i, username] of ["admin", "xa.thapmuoi"].entries()) {
  const r = await runFuzz(server.url, { username, password: "demo12345" }, SEED + i, Math.ceil(COUNT / 2));
  say(`${username}: ${r.requests} requests over ${r.operations} operations, ${r.problems.length} problems`);
  for (const p of r.problems.slice(0, 30)) say(`  ${p}`);
  requests += r.requests;
  errors5xx += r.errors5xx;
  incomplete += r.incomplete;
}
const seconds = (performance.now() - started) / 1000;
await server.stop();
await bench.cleanup();
console.log(
  `requests=${requests} errors_5xx=${errors5xx} incomplete=${incomplete} seconds=${seconds.toFixed(1)} seed=${SEED}`,
);
