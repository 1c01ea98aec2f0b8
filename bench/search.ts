/**
 * bench:search — the registry of documents at national scale: BENCH_DOCS (1,000,000)
 * documents over the 3,321 communes and 34 provinces, with number-symbols, issuers and excerpts drawn from the
 * words of real dân vận documents; then accent-insensitive searches through GET /api/registry, timed from a
 * separate process: a number-symbol, rare and common words, within a province and across the whole country.
 * Target: p95 ≤ 50 ms.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { sql } from "kysely";
import { searchQuery } from "../src/domain/document-registry.ts";
import { searchRegistry } from "../src/features/registry/registry.service.ts";
import { startServer } from "../src/server.ts";
import { benchAdmin, benchLogin, openBenchDatabase, percentile } from "./lib/national.ts";

const run = promisify(execFile);
const FETCH_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "lib", "fetch-times.ts");
const DOCS = Number(process.env.BENCH_DOCS ?? 1_000_000);
const say = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

// words of real dân vận documents (the Tháp Mười and Bắc Kạn reports), each with its folded form
const PHRASES = [
  ["Kế hoạch thực hiện", "ke hoach thuc hien"],
  ["Nghị quyết về công tác dân vận", "nghi quyet ve cong tac dan van"],
  ["phong trào thi đua “Dân vận khéo”", "phong trao thi dua dan van kheo"],
  ["xây dựng nông thôn mới", "xay dung nong thon moi"],
  ["quy chế dân chủ ở cơ sở", "quy che dan chu o co so"],
  ["tiếp công dân, giải quyết khiếu nại, tố cáo", "tiep cong dan giai quyet khieu nai to cao"],
  ["cải cách hành chính", "cai cach hanh chinh"],
  ["công tác dân vận chính quyền", "cong tac dan van chinh quyen"],
  ["sơ kết 03 năm", "so ket 03 nam"],
  ["tổng kết 10 năm thực hiện Chỉ thị", "tong ket 10 nam thuc hien chi thi"],
  ["đồng bào dân tộc thiểu số", "dong bao dan toc thieu so"],
  ["tín ngưỡng, tôn giáo", "tin nguong ton giao"],
  ["an sinh xã hội", "an sinh xa hoi"],
  ["giám sát và phản biện xã hội", "giam sat va phan bien xa hoi"],
  ["chuyển đổi số", "chuyen doi so"],
  ["phòng, chống thiên tai", "phong chong thien tai"],
] as const;
const TYPES = ["KH", "NQ", "CT", "KL", "BC", "HD", "CV", "TB", "QĐ", "CTr"];
const ISSUERS = [
  ["TU", "Tỉnh ủy", "tinh uy"],
  ["BDVTU", "Ban Dân vận Tỉnh ủy", "ban dan van tinh uy"],
  ["UBND", "Ủy ban nhân dân", "uy ban nhan dan"],
  ["ĐU", "Đảng ủy xã", "dang uy xa"],
  ["MTTQ", "Ủy ban MTTQ Việt Nam", "uy ban mttq viet nam"],
] as const;

const bench = await openBenchDatabase("search");
const { handle } = bench;
const db = handle.db;
const adminAuth = await benchAdmin(handle);
const communes = (
  await sql<{ code: string; province: string }>`
    select code, ancestors[1] as province from unit
    where level = 'commune' and valid_to is null order by code`.execute(db)
).rows;
const admin = (await sql<{ id: number }>`select id from app_user where username = 'bench.admin'`.execute(db))
  .rows[0];
say(`${communes.length} communes; generating ${DOCS} documents`);

const t = performance.now();
const CHUNK = 100_000;
await sql`drop index registry_document_search_idx`.execute(db);
for (let start = 0; start < DOCS; start += CHUNK) {
  const n = Math.min(CHUNK, DOCS - start);
  await sql`
    with p as (select * from unnest(${PHRASES.map((p) => p[0])}::text[], ${PHRASES.map((p) => p[1])}::text[])
                 with ordinality as p(vi, folded, i)),
         iss as (select * from unnest(${ISSUERS.map((x) => x[0])}::text[], ${ISSUERS.map((x) => x[1])}::text[],
                 ${ISSUERS.map((x) => x[2])}::text[]) with ordinality as x(code, name, folded, i)),
         cm as (select * from unnest(${communes.map((c) => c.code)}::text[], ${communes.map((c) => c.province)}::text[])
                 with ordinality as c(code, province, i)),
         g as (
           select s, (hashtext('c' || s) & 2147483647) % ${communes.length} + 1 as ci,
                  (hashtext('p' || s) & 2147483647) % ${PHRASES.length} + 1 as pi,
                  (hashtext('q' || s) & 2147483647) % ${PHRASES.length} + 1 as qi,
                  (hashtext('x' || s) & 2147483647) % ${ISSUERS.length} + 1 as xi,
                  (${TYPES}::text[])[(hashtext('t' || s) & 2147483647) % ${TYPES.length} + 1] as type,
                  (hashtext('n' || s) & 2147483647) % 900 + 1 as num,
                  date '2015-01-01' + ((hashtext('d' || s) & 2147483647) % 4300) as day
           from generate_series(${start + 1}::int, ${start + n}::int) as s
         )
    insert into registry_document (unit_code, province_code, direction, type_code, number_symbol, symbol_key,
      issuer_name, issued_on, excerpt, search, created_by)
    select cm.code, cm.province, case when g.s % 3 = 0 then 'outgoing' else 'incoming' end, g.type,
           g.num || '-' || g.type || '/' || iss.code,
           lower(translate(g.num || '-' || g.type || '/' || iss.code, 'Đđ', 'Dd')), iss.name, g.day,
           p.vi || ' ' || q.vi || ' năm ' || extract(year from g.day),
           to_tsvector('simple', g.num || ' ' || lower(translate(g.type, 'Đ', 'D')) || ' ' ||
             lower(translate(iss.code, 'Đ', 'D')) || ' ' || iss.folded || ' ' || p.folded || ' ' || q.folded ||
             ' nam ' || extract(year from g.day)),
           ${admin?.id ?? 1}
    from g join cm on cm.i = g.ci join p on p.i = g.pi join p q on q.i = g.qi join iss on iss.i = g.xi`.execute(
    db,
  );
  say(`${start + n} documents`);
}
await sql`create index registry_document_search_idx on registry_document using gin (search)`.execute(db);
await sql`analyze registry_document`.execute(db);
const loadSeconds = (performance.now() - t) / 1000;
say(`loaded and indexed in ${loadSeconds.toFixed(0)} s`);

const server = await startServer({ ...bench.config, smtpUrl: null }, bench.log, {
  ...handle,
  close: async () => undefined,
});
const { cookie } = await benchLogin(server.url);
const QUERIES = [
  ["a number-symbol, whole country", "", "123-KH/TU"],
  ["a number-symbol in a province", "82", "45-NQ/BDVTU"],
  ["rare words, whole country", "", "thiên tai tôn giáo 2019"],
  ["rare words in a province", "82", "chuyển đổi số đồng bào"],
  ["common words, whole country", "", "kế hoạch"],
  ["common words in a province", "82", "dân vận khéo"],
  ["no accents typed", "82", "giam sat phan bien"],
  ["nothing matches", "", "khong co tu nay"],
] as const;
if (process.env.BENCH_EXPLAIN) {
  // the plans of the word searches as the repository runs them (phase 2: the whole match, newest first)
  for (const [name, unit, q] of QUERIES) {
    const tsq = searchQuery(q);
    if (!tsq || /\d+-/.test(q)) continue;
    const plan = await sql<{ "QUERY PLAN": string }>`
      explain (analyze, buffers) select id, issued_on from registry_document
      where (${unit} = '' or province_code = ${unit}) and search @@ to_tsquery('simple', ${tsq})
      order by issued_on desc, id desc limit 50`.execute(db);
    say(`${name} [${tsq}]\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
}
const all: number[] = [];
const per: string[] = [];
for (const [name, unit, q] of QUERIES) {
  const url = `${server.url}/api/registry?${unit ? `unit=${unit}&` : ""}q=${encodeURIComponent(q)}&limit=50`;
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", FETCH_SCRIPT, JSON.stringify({ url, cookie, count: 35 })],
    {
      maxBuffer: 1 << 20,
    },
  );
  const times = (JSON.parse(stdout.trim().split("\n").pop() ?? "[]") as number[])
    .slice(5)
    .sort((a, b) => a - b);
  all.push(...times);
  const res = (await (await fetch(url, { headers: { cookie } })).json()) as { items: unknown[] };
  say(
    `${name} (${q}): ${res.items.length} shown, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
  );
  per.push(`${percentile(times, 95).toFixed(0)}`);
}
all.sort((a, b) => a - b);
// the baseline, in the same run: the same searches made by the registry service straight on the database, with
// no HTTP and no app in between (what the API adds is the ratio)
const direct: number[] = [];
for (const [, unit, q] of QUERIES) {
  const times: number[] = [];
  for (let i = 0; i < 35; i++) {
    const s = performance.now();
    await searchRegistry(db, adminAuth, { unit: unit || undefined, q, limit: 50 });
    times.push(performance.now() - s);
  }
  direct.push(...times.slice(5));
}
direct.sort((a, b) => a - b);
const count =
  (await sql<{ n: number }>`select count(*)::int as n from registry_document`.execute(db)).rows[0]?.n ?? 0;
await server.stop();
await bench.cleanup();
console.log(
  `registry search over ${count} documents, ${QUERIES.length} kinds of query through the API: p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms (target ≤ 50)`,
);
console.log(
  `the same searches straight on the database (no app): p50 ${percentile(direct, 50).toFixed(1)} ms, p95 ${percentile(direct, 95).toFixed(1)} ms; through the API ${(percentile(all, 95) / percentile(direct, 95)).toFixed(2)}× that at p95`,
);
console.log(
  `documents=${count} load_s=${loadSeconds.toFixed(0)} search_p50_ms=${percentile(all, 50).toFixed(1)} search_p95_ms=${percentile(all, 95).toFixed(1)} worst_kind_p95_ms=${Math.max(...per.map(Number))} direct_p50_ms=${percentile(direct, 50).toFixed(1)} direct_p95_ms=${percentile(direct, 95).toFixed(1)} api_to_direct_p95=${(percentile(all, 95) / percentile(direct, 95)).toFixed(2)}`,
);
