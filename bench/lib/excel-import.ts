/**
 * The Excel import on its own process, so its peak memory is its own: reads the file, imports it through the
 * service (all rows checked, then stored), prints {ms, maxRssMb, summary} as JSON on its last line.
 */
import fs from "node:fs/promises";
import { grantsOfUser } from "../../src/access/access.repository.ts";
import { connect } from "../../src/db/connection.ts";
import { findUserByUsername } from "../../src/features/auth/auth.repository.ts";
import { buildKept } from "../../src/features/kept.ts";
import { importTemplate } from "../../src/features/reporting/exchange/excel.service.ts";
import { Offload } from "../../src/offload/pool.ts";

const { url, file, requestId } = JSON.parse(process.argv[2] ?? "{}") as {
  url: string;
  file: string;
  requestId: number;
};

const handle = connect(url, "external", 4);
const u = await findUserByUsername(handle.db, "bench.admin");
if (!u) throw new Error("bench admin missing");
const auth = {
  userId: u.id,
  username: u.username,
  displayName: u.display_name,
  grants: await grantsOfUser(handle.db, u.id),
};

const start = performance.now();
const buffer = await fs.readFile(file);
const offload = new Offload();
const kept = buildKept(handle.db);
const summary = await importTemplate(handle.db, kept, auth, requestId, buffer, false, offload);
await offload.close();
const ms = performance.now() - start;
await handle.close();
console.log(
  JSON.stringify({
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    summary: summary.importCount,
    status: summary.status,
  }),
);
