/**
 * Opens the database: the embedded server by default, or any PostgreSQL ≥ 15 named by DATABASE_URL.
 * @module
 */
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Logger } from "pino";
import type { Database } from "./database.ts";
import { startEmbedded } from "./embedded.ts";

// DATE columns stay `YYYY-MM-DD` strings (no time-zone shifts); bigint counts become numbers.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));

export type DatabaseKind = "embedded" | "external";

export interface DatabaseHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  kind: DatabaseKind;
  url: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl: string | null;
  /** An embedded server started by the supervisor (cli/supervisor.ts): used as it is, not started again. */
  embeddedUrl?: string | null;
  dataDir: string;
  log: Logger;
  poolSize?: number;
}

export const EMBEDDED_DB = "danvan";

/** Starts the embedded server of `dataDir` with danvan's database in it; its URL and how to stop it. */
export async function startEmbeddedDatabase(dataDir: string, log: Logger) {
  const server = await startEmbedded(dataDir, log);
  try {
    await ensureDatabase(server.url, EMBEDDED_DB);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return { url: server.url.replace(/\/postgres$/, `/${EMBEDDED_DB}`), stop: server.stop };
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    return connect(opts.databaseUrl, "external", opts.poolSize, async () => undefined);
  }
  if (opts.embeddedUrl) return connect(opts.embeddedUrl, "embedded", opts.poolSize);
  const server = await startEmbeddedDatabase(opts.dataDir, opts.log);
  return connect(server.url, "embedded", opts.poolSize, server.stop);
}

export function connect(
  url: string,
  kind: DatabaseKind,
  poolSize = 20,
  onClose: () => Promise<void> = async () => undefined,
): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on("error", () => undefined); // idle-client errors (server restart) must not crash the process
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    pool,
    kind,
    url,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await onClose();
    },
  };
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) {
      const tpl = template ? ` template ${client.escapeIdentifier(template)}` : "";
      await client.query(`create database ${client.escapeIdentifier(name)}${tpl} encoding 'UTF8'`);
    }
  } finally {
    await client.end();
  }
}
