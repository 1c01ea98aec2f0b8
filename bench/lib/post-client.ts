/**
 * Concurrent POSTs from their own process: `connections` workers, each on its own keep-alive connection
 * (raw-http.ts), take jobs ({path, body, session}) from one queue and POST each (closed loop), or, with `rate`,
 * start them on a fixed schedule over the same workers, latency counted from the scheduled time. Each job is
 * sent with its session's cookie and CSRF token. Prints {latencies, statuses, seconds} as JSON on its last line.
 * Usage: post-client.ts '{"url","sessions":[{cookie,csrf}],"jobsFile","connections","rate"?}'
 */
import { readFile } from "node:fs/promises";
import { RawConnection } from "./raw-http.ts";

/** One POST: where, what (JSON text), and which session sends it (its index, wrapping). */
export interface PostJob {
  path: string;
  body: string;
  session?: number;
}

const opts = JSON.parse(process.argv[2] ?? "{}") as {
  url: string;
  sessions: { cookie: string; csrf: string }[];
  jobsFile: string;
  connections: number;
  rate?: number;
};
const jobs = JSON.parse(await readFile(opts.jobsFile, "utf8")) as PostJob[];
const url = new URL(opts.url);
const latencies: number[] = [];
const statuses: Record<string, number> = {};
// every client opens its connection and warms up (a few health checks) before the clock starts: what is timed
// is the server answering, not connection set-up or this process's own start
const connections = Array.from(
  { length: opts.connections },
  () => new RawConnection(url.hostname, Number(url.port)),
);
await Promise.all(
  connections.map(async (c) => {
    for (let k = 0; k < 5; k++) await c.request("GET", "/api/health", {}, "");
  }),
);
let next = 0;
const start = performance.now();

async function worker(connection: RawConnection) {
  for (;;) {
    const i = next++;
    const job = jobs[i];
    if (!job) break;
    const scheduled = opts.rate ? start + (i * 1000) / opts.rate : performance.now();
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const s = opts.sessions[(job.session ?? 0) % opts.sessions.length] as { cookie: string; csrf: string };
    const status = await connection.request(
      "POST",
      job.path,
      { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "application/json" },
      job.body,
    );
    latencies.push(performance.now() - scheduled);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  connection.close();
}
await Promise.all(connections.map(worker));
console.log(JSON.stringify({ latencies, statuses, seconds: (performance.now() - start) / 1000 }));
