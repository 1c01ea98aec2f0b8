/**
 * The burst's clients, in their own process: `connections` workers take submissions from one queue and POST
 * each one's submit (closed loop), or, with `rate`, start them on a fixed schedule over the same workers,
 * latency counted from the scheduled time. Prints {latencies, statuses} as JSON on its last line.
 */
import { readFile } from "node:fs/promises";
import http from "node:http";

interface Job {
  id: number;
  body: string;
  session: number;
}
const opts = JSON.parse(process.argv[2] ?? "{}") as {
  url: string;
  sessions: { cookie: string; csrf: string }[];
  jobsFile: string;
  connections: number;
  rate?: number;
};
const jobs = JSON.parse(await readFile(opts.jobsFile, "utf8")) as Job[];
const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });

function post(path: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${opts.url}${path}`, { method: "POST", agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}
const latencies: number[] = [];
const statuses: Record<string, number> = {};
let next = 0;
const start = performance.now();

async function worker() {
  for (;;) {
    const i = next++;
    const job = jobs[i];
    if (!job) return;
    const scheduled = opts.rate ? start + (i * 1000) / opts.rate : performance.now();
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const s = opts.sessions[job.session % opts.sessions.length] as { cookie: string; csrf: string };
    const status = await post(
      `/api/submissions/${job.id}/submit`,
      { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "application/json" },
      job.body,
    );
    latencies.push(performance.now() - scheduled);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
}
await Promise.all(Array.from({ length: opts.connections }, worker));
const seconds = (performance.now() - start) / 1000;
agent.destroy();
console.log(JSON.stringify({ latencies, statuses, seconds }));
