/**
 * Concurrent POSTs from their own process: `connections` workers, each on its own keep-alive connection
 * (raw-http.ts), take bodies from one queue and POST each to `path` (closed loop). Prints {latencies, statuses,
 * seconds} as JSON on its last line. Usage: post-client.ts '{"url","path","cookie","csrf","bodiesFile","connections"}'
 */
import { readFile } from "node:fs/promises";
import { RawConnection } from "./raw-http.ts";

const opts = JSON.parse(process.argv[2] ?? "{}") as {
  url: string;
  path: string;
  cookie: string;
  csrf: string;
  bodiesFile: string;
  connections: number;
};
const bodies = JSON.parse(await readFile(opts.bodiesFile, "utf8")) as unknown[];
const url = new URL(opts.url);
const latencies: number[] = [];
const statuses: Record<string, number> = {};
const connections = Array.from(
  { length: opts.connections },
  () => new RawConnection(url.hostname, Number(url.port)),
);
// each connection opened and warm before the clock starts
await Promise.all(
  connections.map(async (c) => {
    for (let k = 0; k < 3; k++) await c.request("GET", "/api/health", {}, "");
  }),
);
let next = 0;
const start = performance.now();
async function worker(connection: RawConnection) {
  for (;;) {
    const body = bodies[next++];
    if (body === undefined) break;
    const s = performance.now();
    const status = await connection.request(
      "POST",
      opts.path,
      { cookie: opts.cookie, "x-csrf-token": opts.csrf, "content-type": "application/json" },
      JSON.stringify(body),
    );
    latencies.push(performance.now() - s);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  connection.close();
}
await Promise.all(connections.map(worker));
console.log(JSON.stringify({ latencies, statuses, seconds: (performance.now() - start) / 1000 }));
