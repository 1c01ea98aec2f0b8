/**
 * One PostgreSQL per test run: the embedded server in a fresh temp folder, or the server named by DATABASE_URL
 * (CI runs the suite a second time against PostgreSQL 15 that way). A template database is migrated and loaded
 * with the shipped units once; each test file clones it.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { connect, ensureDatabase } from "../src/db/connection.ts";
import { startEmbedded } from "../src/db/embedded.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { createLogger } from "../src/logger.ts";
import { loadShippedData } from "../src/server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
    dbKind: "embedded" | "external";
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const log = createLogger("warn");
  let adminUrl: string;
  let stop: () => Promise<void> = async () => {};
  let dataDir: string | null = null;
  const external = process.env.DATABASE_URL?.trim();
  if (external) {
    adminUrl = external;
  } else {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "danvan-test-"));
    await fs.chmod(dataDir, 0o755);
    const server = await startEmbedded(dataDir, log);
    adminUrl = server.url;
    stop = server.stop;
  }
  const templateDb = `danvan_tpl_${randomBytes(4).toString("hex")}`;
  await ensureDatabase(adminUrl, templateDb);
  const h = connect(withDatabase(adminUrl, templateDb), external ? "external" : "embedded", 4);
  await migrateToLatest(h.db);
  await loadShippedData(h.db, log);
  await h.close();
  project.provide("adminUrl", adminUrl);
  project.provide("templateDb", templateDb);
  project.provide("dbKind", external ? "external" : "embedded");
  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const dbs = await c.query("select datname from pg_database where datname like $1", [`danvan_t%`]);
    for (const r of dbs.rows as { datname: string }[]) {
      if (r.datname.startsWith("danvan_tpl_") && r.datname !== templateDb) continue;
      await c.query(`drop database if exists "${r.datname}" with (force)`).catch(() => undefined);
    }
    await c.end();
    await stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  };
}
