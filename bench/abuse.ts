/**
 * bench:abuse — the hostile uploads of a careless user or an attacker (a million-row workbook, workbooks
 * that unpack to 300 MB and 3 GB, a CSV with an endless quoted field, exports of 100,000 and 1,000,000
 * rows, attachments that unpack to 300 MB and 3 GB or claim 10 gigapixels, bodies past the upload limit, the
 * heaviest three at once), sent as a commune editor from another
 * process while a steady read load runs. Figures: each attack's status and answer time, the health probe's
 * p99 and worst time during the attacks, the worst event-loop delay and the peak RSS of the server's process
 * (its worker threads included). Targets: health p99 ≤ 100 ms, peak RSS ≤ 1 GB, every attack refused within
 * 10 s. In the same run, the baseline: the health probe's p99 under the same read load before any attack,
 * and the ratio.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { seedDemo } from "../src/demo/demo.seed.ts";
import { startServer } from "../src/server.ts";
import { openBenchDatabase, percentile } from "./lib/national.ts";

const run = promisify(execFile);
const CLIENT = path.join(path.dirname(fileURLToPath(import.meta.url)), "lib", "abuse-client.ts");
const say = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

const bench = await openBenchDatabase("abuse");
await seedDemo(bench.handle.db, { reports: false });
const server = await startServer({ ...bench.config, smtpUrl: null }, bench.log, {
  ...bench.handle,
  close: async () => undefined,
});
async function login(username: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo12345" }),
  });
  return {
    cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
}
const admin = await login("admin");
const forms = (await (
  await fetch(`${server.url}/api/forms`, { headers: { cookie: admin.cookie } })
).json()) as {
  items: { id: number; levels: string[] }[];
};
const request = (await (
  await fetch(`${server.url}/api/requests`, {
    method: "POST",
    headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "application/json" },
    body: JSON.stringify({
      issuerUnitCode: "82",
      formId: forms.items.find((f) => f.levels.includes("commune"))?.id,
      period: { start: "2026-01-01", end: "2027-12-31" },
      targetLevel: "commune",
      deadline: "2028-01-10",
    }),
  })
).json()) as { id: number };
const commune = await login("xa.thapmuoi");
// a model of the commune, for the attachments sent to it
const model = (await (
  await fetch(`${server.url}/api/models`, {
    method: "POST",
    headers: { cookie: commune.cookie, "x-csrf-token": commune.csrf, "content-type": "application/json" },
    body: JSON.stringify({
      unitCode: "30037",
      year: 2026,
      name: "Mô hình nhận tệp đính kèm",
      fieldCode: "economy",
      kind: "collective",
      details: {},
      startedOn: "2026-01-01",
    }),
  })
).json()) as { id?: number };
const modelId = model.id;
if (!modelId) throw new Error(`a model could not be registered: ${JSON.stringify(model)}`);

const loop = monitorEventLoopDelay({ resolution: 10 });
let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50);
loop.enable();
say("attacks running from their own process");
const { stdout, stderr } = await run(
  process.execPath,
  [
    "--import",
    "tsx",
    CLIENT,
    JSON.stringify({ url: server.url, ...commune, requestId: request.id, modelId }),
  ],
  { maxBuffer: 64 * 1024 * 1024 },
);
loop.disable();
clearInterval(sampler);
process.stderr.write(stderr);
const result = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as {
  answers: { name: string; status: number; seconds: number; code: string }[];
  health: number[];
  quiet: number[];
  reads: number;
  readErrors: number;
};
await server.stop();
await bench.cleanup();

const sorted = [...result.health].sort((a, b) => a - b);
const quietSorted = [...result.quiet].sort((a, b) => a - b);
const worstAnswer = Math.max(...result.answers.map((a) => a.seconds));
const failed = result.answers.filter((a) => a.status < 400 || a.status >= 500);
for (const a of result.answers)
  say(`${a.name.padEnd(28)} ${a.status} ${a.code.padEnd(18)} ${a.seconds.toFixed(2)} s`);
say(
  `health probes during the attacks: ${sorted.length}; reads answered: ${result.reads} (${result.readErrors} errors)`,
);
if (failed.length) say(`NOT REFUSED: ${failed.map((a) => `${a.name} ${a.status}`).join(", ")}`);
console.log(
  [
    `health_p99_ms=${percentile(sorted, 99).toFixed(1)}`,
    `baseline_health_p99_ms=${percentile(quietSorted, 99).toFixed(1)}`,
    `health_to_baseline=${(percentile(sorted, 99) / percentile(quietSorted, 99)).toFixed(2)}`,
    `health_max_ms=${(sorted[sorted.length - 1] ?? 0).toFixed(1)}`,
    `event_loop_max_ms=${(loop.max / 1e6).toFixed(1)}`,
    `peak_rss_mb=${Math.round(peakRss / 1024 / 1024)}`,
    `worst_answer_s=${worstAnswer.toFixed(2)}`,
    `attacks=${result.answers.length}`,
    `not_refused=${failed.length}`,
  ].join(" "),
);
