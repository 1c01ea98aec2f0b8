/**
 * bench:burst — the deadline burst: every commune of the country (3,321) submits its report of 60 values at
 * once, from 200 concurrent clients in a separate process; then the database is checked so that none is lost.
 * Two runs on fresh reports: closed loop (every client submits as fast as it can: throughput at saturation)
 * and a steady schedule (BENCH_RATE submissions a second over the same 200 connections, latency counted from
 * each one's scheduled time). Target: p95 ≤ 100 ms, nothing lost. Both follow a warm-up burst of the same size
 * on another period (reported apart, not counted): a server meets a deadline having run for days.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { sql } from "kysely";
import { BUILT_IN_INDICATORS } from "../src/domain/indicators.ts";
import { buildKept } from "../src/features/kept.ts";
import * as dashboardsRepository from "../src/features/reporting/dashboards/dashboards.repository.ts";
import { createRequest } from "../src/features/reporting/requests/requests.service.ts";
import { createUserFromCli } from "../src/features/users/users.service.ts";
import { startServer } from "../src/server.ts";
import { BENCH_PASSWORD, benchAdmin, benchForm, openBenchDatabase, percentile } from "./lib/national.ts";

const run = promisify(execFile);
const CLIENT = path.join(path.dirname(fileURLToPath(import.meta.url)), "lib", "post-client.ts");
const BASELINE = path.join(path.dirname(fileURLToPath(import.meta.url)), "lib", "burst-baseline.ts");
const CONNECTIONS = 200;
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SESSIONS = 20;
const say = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

const bench = await openBenchDatabase("burst");
const { handle } = bench;
const db = handle.db;
const kept = buildKept(db);
const admin = await benchAdmin(handle);
const { formId, codes } = await benchForm(handle, admin);
const types = new Map(BUILT_IN_INDICATORS.map((i) => [i.code, i.type]));
// BENCH_PROVINCES limits the run to the first N provinces (default: all 34)
const provinces = (await dashboardsRepository.provinces(db, "2026-11-22"))
  .map((p) => p.code)
  .slice(0, Number(process.env.BENCH_PROVINCES ?? 34));
await createUserFromCli(db, {
  username: "bench.editor",
  displayName: "Bench editor",
  password: BENCH_PASSWORD,
  grants: provinces.map((unitCode) => ({ role: "editor" as const, unitCode })),
});

const server = await startServer({ ...bench.config, smtpUrl: null }, bench.log, {
  ...handle,
  close: async () => undefined,
});

const sessions: { cookie: string; csrf: string }[] = [];
for (let i = 0; i < SESSIONS; i++) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "bench.editor", password: BENCH_PASSWORD }),
  });
  sessions.push({
    cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  });
}

function value(code: string, i: number): string {
  const t = types.get(code) ?? "integer";
  if (t === "text") return "Hoàn thành tốt nhiệm vụ";
  if (t === "percentage") return String((i * 7) % 100);
  // within every decimal indicator's bound (a score is at most 1,000)
  if (t === "decimal") return `${i % 900}.5`;
  return String((i * 13 + code.length) % 500);
}

async function burst(period: string, rate?: number, lateReason?: string, baseline = false) {
  const ids: number[] = [];
  for (const p of provinces) {
    ids.push(
      (
        await createRequest(db, kept, admin, {
          issuerUnitCode: p,
          formId,
          period: { code: period },
          targetLevel: "commune",
        })
      ).id,
    );
  }
  const subs = await db
    .selectFrom("submission")
    .select(["id"])
    .where("request_id", "in", ids)
    .orderBy("id")
    .execute();
  // the id for the straight-to-PostgreSQL baseline, the path for the clients through the API
  const jobs = subs.map((s, i) => ({
    id: s.id,
    path: `/api/submissions/${s.id}/submit`,
    session: i,
    body: JSON.stringify({
      version: 1,
      values: Object.fromEntries(codes.map((c) => [c, { "": value(c, i) }])),
      ...(lateReason ? { lateReason } : {}),
    }),
  }));
  const file = path.join(os.tmpdir(), `danvan-burst-${period}.json`);
  await fs.writeFile(file, JSON.stringify(jobs));
  const { stdout } = await run(
    process.execPath,
    baseline
      ? [
          "--import",
          "tsx",
          BASELINE,
          JSON.stringify({ url: handle.url, jobsFile: file, connections: CONNECTIONS }),
        ]
      : [
          "--import",
          "tsx",
          CLIENT,
          JSON.stringify({ url: server.url, sessions, jobsFile: file, connections: CONNECTIONS, rate }),
        ],
    { maxBuffer: 64 << 20 },
  );
  await fs.rm(file);
  const out = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as {
    latencies: number[];
    statuses?: Record<string, number>;
    seconds: number;
  };
  const lat = out.latencies.sort((a, b) => a - b);
  const stored = (
    await sql<{ reports: number; values: number }>`
      select count(*)::int as reports, coalesce(sum((select count(*) from jsonb_object_keys(values))), 0)::int as values
      from submission where request_id = any(${ids}::int[]) and status = 'submitted'`.execute(db)
  ).rows[0] ?? { reports: 0, values: 0 };
  const lost = jobs.length * codes.length - stored.values;
  say(
    `${period}${baseline ? " straight to PostgreSQL" : rate ? ` at ${rate}/s` : " closed loop"}: ${jobs.length} reports in ${out.seconds.toFixed(1)} s, p50 ${percentile(lat, 50).toFixed(0)} ms, p95 ${percentile(lat, 95).toFixed(0)} ms, ${out.statuses ? `statuses ${JSON.stringify(out.statuses)}` : "one statement each"}, stored ${stored.reports} reports / ${stored.values} values, lost ${lost}`,
  );
  return {
    n: jobs.length,
    rps: jobs.length / out.seconds,
    p50: percentile(lat, 50),
    p95: percentile(lat, 95),
    lost,
    ok: out.statuses?.["200"] ?? 0,
  };
}

// a server meets a deadline having run for days: a first burst (a past quarter, sent late with a reason) warms
// its connections, caches and compiled code, and is not counted
const warm = await burst("2026Q3", undefined, "Bench: warm-up");
const closed = await burst("2026");
const steady = await burst("2026Q4", RATE);
// the baseline, in the same run: the same submissions written straight to PostgreSQL by as many clients
const direct = await burst("2026Q2", undefined, undefined, true);
await server.stop();
await bench.cleanup();
console.log(
  `deadline burst, ${closed.n} communes × ${codes.length} values, ${CONNECTIONS} clients: closed loop ${closed.rps.toFixed(0)} submissions/s p95 ${closed.p95.toFixed(0)} ms; at a steady ${RATE}/s p95 ${steady.p95.toFixed(0)} ms (target ≤ 100); lost ${closed.lost + steady.lost}`,
);
console.log(
  `baseline (the same writes straight to PostgreSQL, ${CONNECTIONS} clients): ${direct.rps.toFixed(0)} submissions/s p95 ${direct.p95.toFixed(0)} ms; the app reaches ${((closed.rps / direct.rps) * 100).toFixed(0)}% of its throughput`,
);
console.log(
  `warmup_rps=${warm.rps.toFixed(0)} warmup_p95_ms=${warm.p95.toFixed(0)} reports=${closed.n} values_each=${codes.length} clients=${CONNECTIONS} closed_rps=${closed.rps.toFixed(0)} closed_p50_ms=${closed.p50.toFixed(0)} closed_p95_ms=${closed.p95.toFixed(0)} steady_rate=${RATE} steady_p50_ms=${steady.p50.toFixed(0)} steady_p95_ms=${steady.p95.toFixed(0)} baseline_rps=${direct.rps.toFixed(0)} baseline_p95_ms=${direct.p95.toFixed(0)} app_to_baseline_rps=${(closed.rps / direct.rps).toFixed(2)} ok=${closed.ok + steady.ok} lost=${closed.lost + steady.lost + direct.lost}`,
);
