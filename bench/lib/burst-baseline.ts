/**
 * The burst's baseline, in its own process: the same submissions written straight to PostgreSQL by the same
 * number of clients, each its own connection, with no app in between: per report one statement that updates
 * it, keeps its revision and writes its audit entry (what the app's step writer does, one report at a time).
 * Prints {latencies, seconds} as JSON on its last line. Usage: burst-baseline.ts '{"url","jobsFile","connections"}'
 */
import { readFile } from "node:fs/promises";
import pg from "pg";

const opts = JSON.parse(process.argv[2] ?? "{}") as { url: string; jobsFile: string; connections: number };
const jobs = (JSON.parse(await readFile(opts.jobsFile, "utf8")) as { id: number; body: string }[]).map(
  (j) => ({
    id: j.id,
    values: JSON.stringify((JSON.parse(j.body) as { values: unknown }).values),
  }),
);
const clients = await Promise.all(
  Array.from({ length: opts.connections }, async () => {
    const c = new pg.Client({ connectionString: opts.url });
    await c.connect();
    await c.query("select 1");
    return c;
  }),
);
const STEP = `
  with u as (
    update submission set status = 'submitted', "values" = $2::jsonb, submitted_at = now(),
      first_submitted_at = coalesce(first_submitted_at, now()), updated_by = 1, version = version + 1,
      updated_at = now()
    where id = $1 and version = 1
    returning *
  ), r as (
    insert into submission_revision
      (submission_id, province_code, version, event, status, "values", narrative, comment, actor_id, actor_name)
    select id, province_code, version, 'submit', status, "values", narrative, null, updated_by, 'bench' from u
  )
  insert into audit_log
    (actor_id, actor_name, action, entity, entity_id, unit_code, province_code, scope_codes, before, after)
  select updated_by, 'bench', 'submission.submit', 'submission', id::text, unit_code, province_code, rollup_path,
         '{"status": "not_started"}', '{"status": "submitted"}'
    from u`;
let next = 0;
const latencies: number[] = [];
const start = performance.now();
await Promise.all(
  clients.map(async (c) => {
    for (;;) {
      const job = jobs[next++];
      if (!job) break;
      const s = performance.now();
      await c.query(STEP, [job.id, job.values]);
      latencies.push(performance.now() - s);
    }
    await c.end();
  }),
);
console.log(JSON.stringify({ latencies, seconds: (performance.now() - start) / 1000 }));
