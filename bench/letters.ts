/**
 * bench:letters — citizens' letters at national scale: BENCH_LETTERS (1,000,000) letters over the 3,321
 * communes, each received by its commune's People's Committee, of every kind and state, their legal days spread
 * around today; then, through the API and from a separate process, a province's "due within 5 working days or
 * overdue" list and the national count by kind and state, and the intake of BENCH_INTAKES letters by 200
 * concurrent clients (each answered 201 and found in the database afterwards: nothing lost), after a warm-up
 * wave: as fast as they can (closed loop: the throughput at saturation, where each answer waits for the 199
 * others in flight, so its p95 is about 200 / throughput), then on a steady schedule of BENCH_RATE letters a
 * second over the same 200 connections, latency counted from each one's scheduled time, as bench:burst does.
 * Targets: the list p95 ≤ 50 ms, the count p95 ≤ 100 ms, the intake p95 ≤ 100 ms (on the steady schedule).
 */
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { sql } from "kysely";
import { todayInVietnam } from "../src/domain/dates.ts";
import { startServer } from "../src/server.ts";
import { benchAdmin, benchLogin, openBenchDatabase, percentile } from "./lib/national.ts";

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const FETCH_SCRIPT = path.join(here, "lib", "fetch-times.ts");
const POST_SCRIPT = path.join(here, "lib", "post-client.ts");
const LETTERS = Number(process.env.BENCH_LETTERS ?? 1_000_000);
const INTAKES = Number(process.env.BENCH_INTAKES ?? 2000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const say = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

const bench = await openBenchDatabase("letters");
const { handle } = bench;
const db = handle.db;
await benchAdmin(handle);
const admin = (await sql<{ id: number }>`select id from app_user where username = 'bench.admin'`.execute(db))
  .rows[0] as { id: number };
// a People's Committee in every commune of today
await sql`
  insert into body (unit_code, province_code, kind, name, short_name, valid_from)
  select code, ancestors[1], 'people_committee', 'Ủy ban nhân dân ' || full_name, 'UBND', date '2025-07-01'
  from unit where level = 'commune' and valid_to is null`.execute(db);
const communes = (
  await sql<{ code: string; province: string; body: number }>`
    select u.code, u.ancestors[1] as province, b.id as body from unit u
    join body b on b.unit_code = u.code and b.kind = 'people_committee'
    where u.level = 'commune' and u.valid_to is null order by u.code`.execute(db)
).rows;
say(`${communes.length} communes; generating ${LETTERS} letters`);

const today = todayInVietnam();
const t = performance.now();
const CHUNK = 100_000;
for (let start = 0; start < LETTERS; start += CHUNK) {
  const n = Math.min(CHUNK, LETTERS - start);
  await sql`
    with cm as (select * from unnest(${communes.map((c) => c.code)}::text[], ${communes.map((c) => c.province)}::text[],
                 ${communes.map((c) => c.body)}::int[]) with ordinality as c(code, province, body, i)),
         g as (
           select s, (hashtext('c' || s) & 2147483647) % ${communes.length} + 1 as ci,
                  (array['complaint', 'denunciation', 'petition'])[(hashtext('k' || s) & 2147483647) % 3 + 1] as kind,
                  (array['received', 'accepted', 'accepted', 'suspended', 'resolved', 'resolved', 'resolved',
                    'withdrawn', 'transferred', 'filed'])[(hashtext('s' || s) & 2147483647) % 10 + 1] as status,
                  ${today}::date - ((hashtext('d' || s) & 2147483647) % 720) as received
           from generate_series(${start + 1}::int, ${start + n}::int) as s
         )
    insert into letter (code, secret_hash, unit_code, unit_path, province_code, body_id, kind, channel, received_on,
      subject, person_key, content_key, status, accepted_on, closed_on, legal_due, step_due, created_by)
    select 'B' || g.s, 'bench:0', cm.code, array[cm.province, cm.code], cm.province, cm.body, g.kind, 'post',
           g.received, 'Đơn thư số ' || g.s, md5('p' || (g.s % 400000)), 'don thu so ' || g.s, g.status,
           case when g.status <> 'received' then g.received + 5 end,
           case when g.status in ('resolved', 'withdrawn', 'transferred', 'filed') then g.received + 40 end,
           -- an open case's legal day: from 60 days past to 60 days ahead
           case when g.status in ('received', 'accepted', 'suspended')
             then ${today}::date + ((hashtext('l' || g.s) & 2147483647) % 121 - 60) end,
           case when g.status in ('received', 'accepted', 'suspended') then ${today}::date + 7 end,
           ${admin.id}
    from g join cm on cm.i = g.ci`.execute(db);
  say(`${start + n} letters`);
}
await sql`analyze letter`.execute(db);
await sql`vacuum (analyze) letter`.execute(db);
await sql`vacuum (analyze) letter_tally`.execute(db);
const loadSeconds = (performance.now() - t) / 1000;
say(`loaded in ${loadSeconds.toFixed(0)} s`);

if (process.env.BENCH_EXPLAIN) {
  // the plans of the national count's two reads as the repository runs them (tallyLetters)
  for (const plan of [
    sql<{ "QUERY PLAN": string }>`explain (analyze, buffers)
      select kind, status, sum(n) from letter_tally group by kind, status having sum(n) > 0`,
    sql<{ "QUERY PLAN": string }>`explain (analyze, buffers)
      select kind, status, count(*) from letter where status in ('received', 'accepted', 'suspended')
      and legal_due < ${today} group by kind, status`,
  ])
    say((await plan.execute(db)).rows.map((r) => r["QUERY PLAN"]).join("\n"));
}

const server = await startServer({ ...bench.config, smtpUrl: null }, bench.log, {
  ...handle,
  close: async () => undefined,
});
const { cookie, csrf } = await benchLogin(server.url);

/** Sequential GETs of `url` from their own process; their times after five to warm up, sorted. */
async function timesOf(url: string, count = 40): Promise<number[]> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", FETCH_SCRIPT, JSON.stringify({ url, cookie, count })],
    { maxBuffer: 1 << 20 },
  );
  return (JSON.parse(stdout.trim().split("\n").pop() ?? "[]") as number[]).slice(5).sort((a, b) => a - b);
}

// the province with the most letters, and its list of open letters due within 5 working days or overdue
const busiest =
  (
    await sql<{
      p: string;
    }>`select province_code as p from letter group by 1 order by count(*) desc limit 1`.execute(db)
  ).rows[0]?.p ?? "82";
const listUrl = `${server.url}/api/letters?unit=${busiest}&due=soon`;
const shown = ((await (await fetch(listUrl, { headers: { cookie } })).json()) as { items: unknown[] }).items
  .length;
const list = await timesOf(listUrl);
say(
  `province ${busiest}, due soon or overdue: ${shown} shown, p50 ${percentile(list, 50).toFixed(1)} ms, p95 ${percentile(list, 95).toFixed(1)} ms`,
);
const count = await timesOf(`${server.url}/api/letters/counts`, 25);
say(`national count: p50 ${percentile(count, 50).toFixed(1)} ms, p95 ${percentile(count, 95).toFixed(1)} ms`);

const dir = await mkdtemp(path.join(tmpdir(), "danvan-letters-"));
/** `INTAKES` letters registered by CLIENTS clients at once, each at a commune's People's Committee. */
async function intakeWave(wave: string, rate?: number) {
  const bodies = Array.from({ length: INTAKES }, (_, i) => {
    const c = communes[(i * 7919) % communes.length] as { body: number };
    return {
      bodyId: c.body,
      kind: (["complaint", "denunciation", "petition"] as const)[i % 3],
      channel: "online",
      receivedOn: today,
      subject: `Phản ánh số ${i} (${wave}) về đường giao thông nông thôn`,
      sender: { name: `Người viết đơn ${wave} ${i}`, phone: "0900000000" },
    };
  });
  const file = path.join(dir, `${wave}.json`);
  await writeFile(
    file,
    JSON.stringify(bodies.map((b) => ({ path: "/api/letters", body: JSON.stringify(b) }))),
  );
  const { stdout } = await run(
    process.execPath,
    [
      "--import",
      "tsx",
      POST_SCRIPT,
      JSON.stringify({
        url: server.url,
        sessions: [{ cookie, csrf }],
        jobsFile: file,
        connections: CLIENTS,
        rate,
      }),
    ],
    { maxBuffer: 16 << 20 },
  );
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as {
    latencies: number[];
    statuses: Record<string, number>;
    seconds: number;
  };
}
// a warm-up wave first (a server meets a rush having run for days), then the measured one
const warm = await intakeWave("warm-up");
say(
  `warm-up wave: p95 ${percentile(
    warm.latencies.sort((a, b) => a - b),
    95,
  ).toFixed(1)} ms`,
);
/** A measured wave: its latencies sorted, and how many of its letters are not in the database afterwards. */
async function measured(wave: string, rate?: number) {
  const count = async () =>
    Number((await sql<{ n: string }>`select count(*) as n from letter`.execute(db)).rows[0]?.n);
  const before = await count();
  const out = await intakeWave(wave, rate);
  const lat = out.latencies.sort((a, b) => a - b);
  const lost = INTAKES - ((await count()) - before);
  say(
    `intake by ${CLIENTS} clients${rate ? ` at ${rate}/s` : ", closed loop"}: ${JSON.stringify(out.statuses)} in ${out.seconds.toFixed(1)} s, p50 ${percentile(lat, 50).toFixed(1)} ms, p95 ${percentile(lat, 95).toFixed(1)} ms, lost ${lost}`,
  );
  return { lat, lost, created: out.statuses["201"] ?? 0, perSecond: INTAKES / out.seconds };
}
const closed = await measured("closed");
const steady = await measured("steady", RATE);
await server.stop();
await bench.cleanup();
console.log(
  `letters=${LETTERS} load_s=${loadSeconds.toFixed(0)} due_list_p95_ms=${percentile(list, 95).toFixed(1)} due_list_rows=${shown} national_count_p95_ms=${percentile(count, 95).toFixed(1)} intake_clients=${CLIENTS} intakes=${INTAKES} intake_closed_per_s=${closed.perSecond.toFixed(0)} intake_closed_p50_ms=${percentile(closed.lat, 50).toFixed(1)} intake_closed_p95_ms=${percentile(closed.lat, 95).toFixed(1)} intake_rate=${RATE} intake_p50_ms=${percentile(steady.lat, 50).toFixed(1)} intake_p95_ms=${percentile(steady.lat, 95).toFixed(1)} created=${closed.created + steady.created} lost=${closed.lost + steady.lost}`,
);
