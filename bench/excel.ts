/**
 * bench:excel — an Excel upload of 100,000 rows: a request to 1,700 hamlets of one province × 60 indicators;
 * the template is downloaded, filled with a value in every row, and imported (all checked, then stored) in a
 * separate process whose peak memory is measured. Targets: ≤ 10 s, peak RSS ≤ 300 MB. In the same run, the
 * baseline: the same file read row by row by exceljs's streaming reader and its values written straight to
 * PostgreSQL in one statement (no checks, no revisions, no audit: no app in between), and the ratio.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { buildKept } from "../src/features/kept.ts";
import { SHEET, template } from "../src/features/reporting/exchange/excel.service.ts";
import { createRequest } from "../src/features/reporting/requests/requests.service.ts";
import { addHamlets, benchAdmin, benchForm, openBenchDatabase } from "./lib/national.ts";

const run = promisify(execFile);
const IMPORTER = path.join(path.dirname(fileURLToPath(import.meta.url)), "lib", "excel-import.ts");
const HAMLETS = Number(process.env.BENCH_HAMLETS ?? 1700);
const say = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

const bench = await openBenchDatabase("excel");
const { handle } = bench;
const kept = buildKept(handle.db);
const admin = await benchAdmin(handle);
const { formId } = await benchForm(handle, admin);
say(`hamlets: ${await addHamlets(handle, HAMLETS, ["79"])}`);
const request = await createRequest(handle.db, kept, admin, {
  issuerUnitCode: "79",
  formId,
  period: { code: "2026" },
  targetLevel: "hamlet",
});

let t = performance.now();
const blank = await template(handle.db, kept, admin, request.id);
const templateSeconds = (performance.now() - t) / 1000;

// fill every row's value (G), as an official would, streaming the file back out
const dir = await fs.mkdtemp(path.join(os.tmpdir(), "danvan-bench-excel-"));
const file = path.join(dir, "filled.xlsx");
const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
  filename: file,
  useStyles: false,
  useSharedStrings: false,
});

const out = writer.addWorksheet(SHEET);
const reader = new ExcelJS.stream.xlsx.WorkbookReader((await import("node:stream")).Readable.from(blank), {
  worksheets: "emit",
  sharedStrings: "cache",
});
let rows = 0;
for await (const ws of reader) {
  for await (const row of ws) {
    const v = (row.values as ExcelJS.CellValue[]).slice(1);
    if (row.number >= 5) {
      v[6] = String(v[2]).startsWith("DVCQ_BAND")
        ? "Tốt"
        : String(v[2]) === "ONLINE_DOSSIER_SHARE"
          ? 50.5
          : (row.number % 90) + 1;
      rows++;
    }
    out.addRow(v).commit();
  }
}
out.commit();
await writer.commit();
const size = (await fs.stat(file)).size;
say(`template ${templateSeconds.toFixed(1)} s; filled ${rows} rows, ${(size / 1e6).toFixed(1)} MB`);

t = performance.now();
const { stdout } = await run(
  process.execPath,
  [
    // with the young generation the server is given (npm start, bin/danvan.js), as this bench was started
    ...process.execArgv.filter((a) => a.startsWith("--max-semi")),
    "--import",
    "tsx",
    IMPORTER,
    JSON.stringify({ url: handle.url, file, requestId: request.id }),
  ],
  { maxBuffer: 1 << 20 },
);

const result = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as {
  ms: number;
  maxRssMb: number;
  status: string;
  summary: { imported: number };
};

const stored = (
  await sql<{ n: number }>`
    select coalesce(sum((select count(*) from jsonb_each(values))), 0)::int as n from submission
    where request_id = ${request.id}`.execute(handle.db)
).rows[0]?.n;

// the baseline: the same file read by the library alone, and the same values written in one statement
t = performance.now();
const byUnit: Record<string, Record<string, Record<string, string>>> = {};
const plain = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache" });
for await (const ws of plain) {
  for await (const row of ws) {
    if (row.number < 5) continue;
    const v = (row.values as ExcelJS.CellValue[]).slice(1);
    const unit = String(v[0]);
    byUnit[unit] ??= {};
    (byUnit[unit] as Record<string, Record<string, string>>)[String(v[2])] = {
      [String(v[3] ?? "")]: String(v[6]),
    };
  }
}
await sql`
  update submission s set values = d.value
  from jsonb_each(${JSON.stringify(byUnit)}::jsonb) d
  where s.request_id = ${request.id} and s.unit_code = d.key`.execute(handle.db);
const baselineSeconds = (performance.now() - t) / 1000;
await fs.rm(dir, { recursive: true, force: true });
await bench.cleanup();
console.log(
  `Excel import of ${rows} rows: ${(result.ms / 1000).toFixed(1)} s (target ≤ 10), peak RSS ${result.maxRssMb.toFixed(0)} MB (target ≤ 300), ${result.status}, ${result.summary.imported} values imported, ${stored} stored; template of the same size ${templateSeconds.toFixed(1)} s; the library and one statement alone ${baselineSeconds.toFixed(1)} s`,
);
console.log(
  `rows=${rows} import_s=${(result.ms / 1000).toFixed(2)} peak_rss_mb=${result.maxRssMb.toFixed(0)} imported=${result.summary.imported} stored=${stored} template_s=${templateSeconds.toFixed(2)} baseline_s=${baselineSeconds.toFixed(2)} import_to_baseline=${(result.ms / 1000 / baselineSeconds).toFixed(2)}`,
);
