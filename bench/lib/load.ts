/**
 * An HTTP load generator, run as its own process so that it never shares an event loop with the server it
 * measures. Usage: tsx bench/lib/load.ts '{"url": "...", "paths": [...], "connections": 200,
 * "durationMs": 8000, "headers": {...}, "rate": 1000}' — prints one JSON line {requests, rps, p50, p95, p99,
 * errors}. Without `rate` each connection sends its next request as soon as the last one is answered
 * (closed loop: the server's saturation throughput). With `rate` the connections share a fixed schedule of
 * `rate` requests per second and latency counts from each request's scheduled time, so a stalled server is
 * not hidden (no coordinated omission).
 */
import http from "node:http";

interface Options {
  url: string;
  paths: string[];
  connections: number;
  durationMs: number;
  headers?: Record<string, string>;
  rate?: number;
}

const opts = JSON.parse(process.argv[2] ?? "{}") as Options;
const base = new URL(opts.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
const latencies: number[] = [];
let errors = 0;
const end = performance.now() + opts.durationMs;

function once(path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(
      { host: base.hostname, port: base.port, path, agent, headers: opts.headers ?? {} },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", () => resolve(0));
  });
}

const started0 = performance.now();
const WARMUP_MS = 1000;
const interval = opts.rate ? (1000 * opts.connections) / opts.rate : 0;

async function worker(i: number) {
  let n = i;
  let due = started0 + (interval * i) / opts.connections;
  while (performance.now() < end) {
    const path = opts.paths[n++ % opts.paths.length] ?? "/";
    if (interval) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const t = interval ? due : performance.now();
    due += interval;
    const status = await once(path);
    // the first second opens the connections; it is not counted
    if (t >= started0 + WARMUP_MS) latencies.push(performance.now() - t);
    if (status !== 200) errors++;
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: opts.connections }, (_, i) => worker(i)));
const seconds = (performance.now() - started - WARMUP_MS) / 1000;
agent.destroy();
latencies.sort((a, b) => a - b);
const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
console.log(
  JSON.stringify({
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    errors,
  }),
);
